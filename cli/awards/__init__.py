"""awards: a record keeper for program phases and the awards given at their reviews."""

__version__ = "0.1.0"
