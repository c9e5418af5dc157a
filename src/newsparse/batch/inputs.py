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
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from newsparse.batch.records import Document, Failure, Kind

__all__ = ["PAGE_SUFFIXES", "documents", "file_documents", "input_files", "read_jsonl", "read_warc", "suffix_of"]

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
    for found in input_files(paths):
        yield from (found,) if isinstance(found, Failure) else file_documents(found, field=field)


def input_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Failure]:
    """The files ``paths`` name, directories walked and globs expanded, without reading any:
    what a cluster's client lists before its workers read."""
    for spec in paths:
        text = os.fspath(spec)
        if not os.path.exists(text) and _GLOB_CHARS.intersection(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield Failure(text, UNREADABLE, "no file matches this pattern")
            # "crawl/**" matches the folders and the files in them: each file once.
            seen: set[Path] = set()
            for match in matches:
                for found in _files_at(Path(match)):
                    if isinstance(found, Path):
                        if found in seen:
                            continue
                        seen.add(found)
                    yield found
        else:
            yield from _files_at(Path(text))


def _files_at(path: Path) -> Iterator[Path | Failure]:
    if path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        yield path
    else:
        yield Failure(str(path), UNREADABLE, "no such file or directory")


def _walk(top: Path) -> Iterator[Path]:
    """The directory's pages in a stable order: sorted names, hidden files and folders skipped."""
    for root, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and suffix_of(name) in (*PAGE_SUFFIXES, *JSONL_SUFFIXES, *WARC_SUFFIXES):
                yield Path(root, name)


def suffix_of(name: str) -> str:
    """The suffix that says what a file holds, under a .gz: "a.warc.gz" -> ".warc"."""
    stem = name[:-3] if name.endswith(".gz") else name
    return os.path.splitext(stem)[1].casefold()


def file_documents(path: Path, *, field: str | None = None) -> Iterator[Document | Failure]:
    """The documents in one file: itself for a page, its lines for JSONL, its responses for WARC."""
    suffix = suffix_of(path.name)
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
    number = 0
    with stream:
        try:
            for number, raw in enumerate(stream, start=1):
                if raw.strip():
                    yield _jsonl_document(f"{path}:{number}", raw, field)
        except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt .gz: the lines before it stand
            yield Failure(f"{path}:{number + 1}", UNREADABLE, f"cannot read on: {type(exc).__name__}: {exc}")


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
