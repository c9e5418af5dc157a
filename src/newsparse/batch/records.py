"""What a batch works on and what it yields: one ``Document`` in, one record out.

A record is ``Parsed`` (the input's id and its Article) or ``Failure`` (the input's id, the
error's type and a message). Both serialise to one flat JSON object carrying ``source``, so a
batch's output says what became of every input, and ``origin`` where the input was read, when
that is not its id (a WARC record named by its URL, a JSONL line by its own id field).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from newsparse.model import Article

__all__ = ["Document", "Failure", "Parsed", "Record", "record_from_dict"]

Kind = Literal["auto", "html", "text"]

# Failure.error values of the batch itself; the others are exception class names.
TIMEOUT = "Timeout"
MEMORY_LIMIT = "MemoryLimit"
WORKER_CRASHED = "WorkerCrashed"
INTERNAL_ERROR = "InternalError"


@dataclass(frozen=True, slots=True)
class Document:
    """One page to parse: its content, or the path a worker reads it from.

    ``id`` names the input in the batch's records: a file's path, ``path:line`` for a JSONL
    line (or the line's own id, with ``--id-field``), the target URI for a WARC record.
    ``origin`` says where it was read when ``id`` does not: ``path:line``, ``path#record-id``.
    ``kind`` forces a door (``"html"`` or ``"text"``); ``"auto"`` tells them apart as
    ``parse`` does.
    """

    id: str
    content: str | bytes | None = None
    path: str | None = None
    url: str | None = None
    kind: Kind = "auto"
    origin: str | None = None

    @property
    def key(self) -> str:
        """What tells this input from every other in a crawl: where it was read."""
        return self.origin or self.id

    def failure(self, error: str, message: str) -> Failure:
        """This input's record when it gave no Article."""
        return Failure(self.id, error, message, self.origin)


@dataclass(frozen=True, slots=True)
class Parsed:
    """An input that gave an Article."""

    source: str
    article: Article
    origin: str | None = None

    @property
    def ok(self) -> Literal[True]:
        """Always True: ``if record.ok:`` narrows a ``Record`` to ``Parsed`` for type checkers."""
        return True

    @property
    def key(self) -> str:
        return self.origin or self.source

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, **_origin(self.origin), **self.article.to_dict()}


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that gave no Article: the error's type (``DecodeError``, ``Timeout`` ...) and why."""

    source: str
    error: str
    message: str
    origin: str | None = None

    @property
    def ok(self) -> Literal[False]:
        """Always False: the ``else`` of ``if record.ok:`` holds a ``Failure``."""
        return False

    @property
    def key(self) -> str:
        return self.origin or self.source

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, **_origin(self.origin), "error": self.error, "message": self.message}


Record = Parsed | Failure


def _origin(origin: str | None) -> dict[str, str]:
    """The ``origin`` key, only where it says more than ``source``: a plain crawl's records keep
    the shape they always had."""
    return {"origin": origin} if origin else {}


def record_from_dict(data: dict[str, Any]) -> Record:
    """The inverse of ``to_dict``, for reading a batch's JSON lines back.

    >>> record_from_dict({"source": "a.html", "error": "Timeout", "message": "30 s"})
    Failure(source='a.html', error='Timeout', message='30 s', origin=None)
    """
    origin = data.get("origin") or None
    if "error" in data:
        return Failure(str(data["source"]), str(data["error"]), str(data.get("message", "")), origin)
    fields = {k: v for k, v in data.items() if k not in ("source", "origin")}
    return Parsed(str(data["source"]), Article.from_dict(fields), origin)
