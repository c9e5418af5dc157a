"""Inputs of a batch: files, directories, globs, JSON lines and WARC files, streamed as Documents.

Everything is lazy: a directory is walked, a JSONL or WARC file read, one document at a time,
so a crawl of any size starts at once and holds one page in memory. An input that cannot be
read becomes a ``Failure`` in the stream, in its place, and the stream goes on.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from newsparse.batch.records import Document, Failure, Kind

__all__ = ["PAGE_SUFFIXES", "documents", "read_jsonl", "read_warc"]

# What a directory walk picks up (each may also end in .gz); other files are not pages.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
# Tried in order when a JSONL line's field is not named.
JSONL_FIELDS = ("html", "content", "raw", "text")
_GLOB_CHARS = frozenset("*?[")
INVALID_INPUT = "InvalidInput"
UNREADABLE = "UnreadableFileError"


def documents(paths: Iterable[str | os.PathLike[str]], *, field: str | None = None) -> Iterator[Document | Failure]:
    """Every page under ``paths``: files, directories (recursively), globs (``**`` too),
    JSONL files (the page in ``field``) and WARC files (their HTML responses)."""
    for spec in paths:
        text = os.fspath(spec)
        if not os.path.exists(text) and _GLOB_CHARS.intersection(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield Failure(text, UNREADABLE, "no file matches this pattern")
            for match in matches:
                yield from _from_path(Path(match), field, walk=True)
        else:
            yield from _from_path(Path(text), field, walk=True)


def _from_path(path: Path, field: str | None, *, walk: bool) -> Iterator[Document | Failure]:
    if path.is_dir() and walk:
        yield from _walk(path, field)
    elif path.is_file():
        yield from _from_file(path, field)
    else:
        yield Failure(str(path), UNREADABLE, "no such file or directory")


def _walk(top: Path, field: str | None) -> Iterator[Document | Failure]:
    """The directory's pages in a stable order: sorted names, hidden files and folders skipped."""
    for root, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and _suffix(name) in (*PAGE_SUFFIXES, *JSONL_SUFFIXES, *WARC_SUFFIXES):
                yield from _from_file(Path(root, name), field)


def _suffix(name: str) -> str:
    """The suffix that says what a file holds, under a .gz: "a.warc.gz" -> ".warc"."""
    stem = name[:-3] if name.endswith(".gz") else name
    return os.path.splitext(stem)[1].casefold()


def _from_file(path: Path, field: str | None) -> Iterator[Document | Failure]:
    suffix = _suffix(path.name)
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, field=field)
    elif suffix in WARC_SUFFIXES:
        yield from read_warc(path)
    else:
        yield Document(id=str(path), path=str(path))


def _open(path: Path) -> IO[bytes]:
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    return cast(IO[bytes], gzip.open(path, "rb")) if gzipped else path.open("rb")


def read_jsonl(path: Path, *, field: str | None = None) -> Iterator[Document | Failure]:
    """One document per line of a JSON-lines file: the page in ``field`` (else the first of
    html, content, raw, text), the URL in ``url``. Ids are ``path:line``."""
    try:
        stream = _open(path)
    except OSError as exc:
        yield Failure(str(path), UNREADABLE, str(exc))
        return
    with stream:
        for number, raw in enumerate(stream, start=1):
            if raw.strip():
                yield _jsonl_document(f"{path}:{number}", raw, field)


def _jsonl_document(doc_id: str, raw: bytes, field: str | None) -> Document | Failure:
    try:
        data = json.loads(raw)
    except ValueError as exc:
        return Failure(doc_id, INVALID_INPUT, f"not a JSON line: {exc}")
    if not isinstance(data, dict):
        return Failure(doc_id, INVALID_INPUT, "a JSON line that is not an object")
    name = field or next((f for f in JSONL_FIELDS if f in data), None)
    content = data.get(name) if name else None
    if not isinstance(content, str):
        wanted = repr(field) if field else " or ".join(repr(f) for f in JSONL_FIELDS)
        return Failure(doc_id, INVALID_INPUT, f"no text in field {wanted}")
    url = data.get("url")
    kind: Kind = "text" if name == "text" else "auto"
    return Document(id=doc_id, content=content, url=url if isinstance(url, str) else None, kind=kind)


def read_warc(path: Path) -> Iterator[Document | Failure]:
    """The HTML responses of a WARC file (``.warc`` or ``.warc.gz``), read with warcio.
    Ids are ``path#<WARC-Record-ID>``; the target URI is the page's URL."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield Failure(str(path), "MissingDependency", "reading WARC needs warcio: pip install 'newsparse[warc]'")
        return
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response" and _is_html(record):
                    yield _warc_document(path, record)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Failure(f"{path}#broken", INVALID_INPUT, f"{type(exc).__name__}: {exc}")


def _is_html(record: Any) -> bool:
    """An HTTP response whose type is HTML, or unstated (old crawls often leave it out)."""
    http = record.http_headers
    content_type = (http.get_header("Content-Type") or "") if http is not None else ""
    return not content_type or "html" in content_type.casefold()


def _warc_document(path: Path, record: Any) -> Document | Failure:
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    doc_id = f"{path}#{record_id.strip('<>')}"
    try:
        content = record.content_stream().read()
    except (OSError, EOFError, ValueError) as exc:  # a truncated or badly compressed body
        return Failure(doc_id, INVALID_INPUT, f"unreadable response body: {exc}")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Document(id=doc_id, content=content, url=url, kind="html")
