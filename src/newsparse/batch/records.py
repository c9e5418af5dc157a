"""What a batch works on and what it yields: one ``Document`` in, one record out.

A record is ``Parsed`` (the input's id and its Article) or ``Failure`` (the input's id, the
error's type and a message). Both serialise to one flat JSON object carrying ``source``, so a
batch's output says what became of every input.
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
    line, ``path#record-id`` for a WARC record. ``kind`` forces a door (``"html"`` or
    ``"text"``); ``"auto"`` tells them apart as ``parse`` does.
    """

    id: str
    content: str | bytes | None = None
    path: str | None = None
    url: str | None = None
    kind: Kind = "auto"


@dataclass(frozen=True, slots=True)
class Parsed:
    """An input that gave an Article."""

    source: str
    article: Article

    @property
    def ok(self) -> bool:
        return True

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, **self.article.to_dict()}


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that gave no Article: the error's type (``DecodeError``, ``Timeout`` ...) and why."""

    source: str
    error: str
    message: str

    @property
    def ok(self) -> bool:
        return False

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "error": self.error, "message": self.message}


Record = Parsed | Failure


def record_from_dict(data: dict[str, Any]) -> Record:
    """The inverse of ``to_dict``, for reading a batch's JSON lines back.

    >>> record_from_dict({"source": "a.html", "error": "Timeout", "message": "30 s"})
    Failure(source='a.html', error='Timeout', message='30 s')
    """
    if "error" in data:
        return Failure(str(data["source"]), str(data["error"]), str(data.get("message", "")))
    fields = {k: v for k, v in data.items() if k != "source"}
    return Parsed(str(data["source"]), Article.from_dict(fields))
