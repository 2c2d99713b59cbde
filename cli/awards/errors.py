"""The program's own exceptions: each carries the one line a user sees and the exit code.

Only the command layer turns them into output; everything below it just raises.
"""


class AwardsError(Exception):
    """Something the user can fix; printed as ``Error: <message>``, exit code 1."""

    exit_code = 1

    def __init__(
        self, message: str, *, field: str | None = None, details: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.message = message
        # The award or phase field the message is about, when there is one (an import names
        # the column), and the lines printed under the error line (the rows an import refused).
        self.field, self.details = field, details
        self.problems: list[AwardsError] = [self]  # every error found in one record, this first


class NotFound(AwardsError):
    """An award id or phase code that is not in the file."""


class Invalid(AwardsError):
    """A value that does not fit its field: a year out of range, an unknown form, a bad date."""


class Conflict(AwardsError):
    """A change that the stored records do not allow: a duplicate code, a phase still in use."""


class UsageProblem(AwardsError):
    """A command line that asks for what the command cannot do: a format it does not write."""

    exit_code = 2


class StoreError(AwardsError):
    """The data file cannot be read or written: damaged, newer, locked, unreadable."""
