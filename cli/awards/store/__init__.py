"""The data file: one TinyDB JSON file with the tables ``phases``, ``awards``, ``issuers``,
``meta`` and ``history`` (docs/design.md says what each module of the store holds)."""

from awards.store.codec import SCHEMA_VERSION, serialize
from awards.store.files import backup_path
from awards.store.history import HISTORY_KEPT, Change
from awards.store.store import DEFAULT_LOCK_TIMEOUT, Store
from awards.store.tables import Records, Transaction

__all__ = ["DEFAULT_LOCK_TIMEOUT", "HISTORY_KEPT", "SCHEMA_VERSION", "Change", "Records", "Store",
           "Transaction", "backup_path", "serialize"]  # fmt: skip
