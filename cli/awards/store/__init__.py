"""The data file: one TinyDB JSON file with the tables ``phases``, ``awards``, ``issuers``,
``meta`` and ``history``.

- ``store``: the ``Store``: reading, and writing under a lock with one atomic replace.
- ``tables``: ``Records`` and ``Transaction``, the only TinyDB user.
- ``codec``: the file's format, and the check of every record read or written.
- ``history``: what each write changed, for ``history`` and ``undo``.
- ``files``: the safe replace, and the last good copy.
"""

from awards.store.codec import SCHEMA_VERSION, serialize
from awards.store.files import backup_path
from awards.store.history import HISTORY_KEPT, Change
from awards.store.store import DEFAULT_LOCK_TIMEOUT, Store
from awards.store.tables import Records, Transaction

__all__ = ["DEFAULT_LOCK_TIMEOUT", "HISTORY_KEPT", "SCHEMA_VERSION", "Change", "Records", "Store",
           "Transaction", "backup_path", "serialize"]  # fmt: skip
