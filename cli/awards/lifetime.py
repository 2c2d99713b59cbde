"""What a command keeps until its process ends, rather than free it object by object.

The ``awards`` program sets ``until_exit`` and ends with ``os._exit`` (see ``app.main``): freeing
the 100,000 records a command read took longer than some commands' own work, and the system
frees the whole process at once. Run in-process (tests, ``python -c``), nothing is kept.
"""

import gc
from typing import Any

until_exit = False
_kept: list[Any] = []


def keep(value: Any) -> None:
    """Hold ``value`` to the end of the process, when the program ends that way."""
    if until_exit:
        _kept.append(value)


def settle() -> None:
    """Tell the garbage collector to pass over everything made so far, when the program ends
    that way (``gc.freeze``): called once records are read, which hold no cycle for it to
    find. At 100,000 awards its passes over them took a twentieth of a check; what is made
    afterwards is collected as before, and what was made is still freed as it goes."""
    if until_exit:
        gc.freeze()
