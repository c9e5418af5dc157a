"""The errors newsparse raises, all children of one base class.

::

    ValueError
    └── NewsparseError                 anything newsparse refuses to parse
        ├── EmptyInputError            nothing but whitespace (or nothing at all)
        ├── DecodeError                bytes that are not text in any encoding (also a UnicodeError)
        ├── UnreadableFileError        a path that cannot be opened or read; the OSError is the cause
        ├── UnsupportedInputError      a source of a type parse() does not take (also a TypeError)
        ├── WorkerStartError           parse_many's worker processes could not start (also a RuntimeError)
        └── ForeignFileError           read_records or --resume given a file newsparse did not write

Catch ``NewsparseError`` to skip bad inputs in a batch; every other exception
escaping ``parse`` is a bug.
"""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "EmptyInputError",
    "ForeignFileError",
    "NewsparseError",
    "UnreadableFileError",
    "UnsupportedInputError",
    "WorkerStartError",
]


class NewsparseError(ValueError):
    """Base class of every error newsparse raises on purpose."""


class EmptyInputError(NewsparseError):
    """The input holds no text at all."""


class DecodeError(NewsparseError, UnicodeError):
    """The bytes could not be decoded as text (binary data, say)."""


class UnreadableFileError(NewsparseError):
    """A path given to ``parse`` could not be read; ``__cause__`` holds the OSError."""


class UnsupportedInputError(NewsparseError, TypeError):
    """``parse`` was given something that is neither text, bytes nor a path."""


class WorkerStartError(NewsparseError, RuntimeError):
    """``parse_many``'s worker processes died before taking any page: most often a script that
    starts a batch without an ``if __name__ == "__main__":`` guard, which each worker re-runs."""


class ForeignFileError(NewsparseError):
    """``read_records`` or ``--resume`` was given a file that is not a newsparse output (or
    not in the format asked for): it is refused before anything in it changes."""
