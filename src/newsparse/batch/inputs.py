"""Inputs of a batch: files, directories, globs, JSON lines and WARC files, streamed as Documents.

Everything is lazy: a directory is walked, a JSONL or WARC file read, one document at a time,
so a crawl of any size starts at once and holds one page in memory. An input that cannot be
read becomes a ``Failure`` in the stream, in its place, and the stream goes on.
"""

from __future__ import annotations

import codecs
import dataclasses
import glob
import gzip
import json
import logging
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from newsparse.batch.records import Document, Failure, Kind
from newsparse.charsets import codec_for
from newsparse.load import MAX_PAGE_BYTES

__all__ = [
    "PAGE_SUFFIXES",
    "documents",
    "file_documents",
    "input_files",
    "read_jsonl",
    "read_warc",
    "single_document",
    "suffix_of",
]

# What a directory walk picks up (each may also end in .gz); other files are not pages.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
READABLE_SUFFIXES = frozenset((*PAGE_SUFFIXES, *JSONL_SUFFIXES, *WARC_SUFFIXES))
# Tried in order when a JSONL line's field is not named.
JSONL_FIELDS = ("html", "content", "raw", "text")
_GLOB_CHARS = frozenset("*?[")
INVALID_INPUT = "InvalidInput"
UNREADABLE = "UnreadableFileError"
# A WARC record's unread rest is skipped this much at a time.
TAIL_READ = 1 << 16
_CUT_SHORT = "the archive ends inside this record: it is cut short"
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32's begin as UTF-16's do
# A message names at most this many of a line's fields.
MAX_NAMED_FIELDS = 12
# The most one JSONL line or WARC response may hold, as a page file: the main process reads
# them, and a 400 KB .jsonl.gz can unpack to one 400 MB line.
MAX_RECORD_BYTES = MAX_PAGE_BYTES
# A file reached through a link out of the tree being read (crawl/notes.txt -> /etc/passwd)
# would put the machine's own files into the records.
_LINK_OUT = "a link out of the directory being read: not followed (--follow-links, follow_links=True, reads it)"

log = logging.getLogger("newsparse")


def documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    field: str | None = None,
    id_field: str | None = None,
    follow_links: bool = False,
) -> Iterator[Document | Failure]:
    """Every page under ``paths``: files, directories (recursively), globs (``**`` too),
    JSONL files (the page in ``field``, its id in ``id_field``) and WARC files (their HTML
    responses, named by their target URI). A file a walk or a glob reaches through a link out
    of its directory is a Failure, unless ``follow_links``."""
    for found in input_files(paths, follow_links=follow_links):
        yield from (found,) if isinstance(found, Failure) else file_documents(found, field=field, id_field=id_field)


def input_files(paths: Iterable[str | os.PathLike[str]], *, follow_links: bool = False) -> Iterator[Path | Failure]:
    """The files ``paths`` name, directories walked and globs expanded, without reading any:
    what a cluster's client lists before its workers read. A file named is read wherever it
    leads; one found by a walk or a glob only inside the directory walked (the glob's part
    before its first wildcard), unless ``follow_links``."""
    for spec in paths:
        text = os.fspath(spec)
        if not os.path.exists(text) and _GLOB_CHARS.intersection(text):
            yield from _glob_files(text, follow_links=follow_links)
        elif os.path.isdir(text):
            yield from _walk(Path(text), None if follow_links else os.path.realpath(text))
        else:
            yield from _files_at(Path(text), None)


def _glob_files(pattern: str, *, follow_links: bool) -> Iterator[Path | Failure]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Failure(pattern, UNREADABLE, "no file matches this pattern")
    tree = None if follow_links else os.path.realpath(_fixed_part(pattern))
    # "crawl/**" matches the folders and the files in them: each file once, and, as in
    # a directory walk, pages only ("crawl/**" also matches logo.png); "*.dat" asks for .dat.
    any_file = "." not in os.path.basename(pattern)
    seen: set[Path] = set()
    for match in matches:
        for found in _files_at(Path(match), tree):
            if isinstance(found, Path):
                if found in seen or (any_file and not _readable_suffix(found.name)):
                    continue
                seen.add(found)
            yield found


def _fixed_part(pattern: str) -> str:
    """The folder a glob cannot leave: its path up to the part with the first wildcard.

    >>> _fixed_part("crawl/2024/**/*.html"), _fixed_part("*.html"), _fixed_part("/data/c*/a.html")
    ('crawl/2024', '.', '/data')
    """
    parts = pattern.split(os.sep)
    fixed = next(i for i, part in enumerate(parts) if _GLOB_CHARS.intersection(part))
    return os.sep.join(parts[:fixed]) or (os.sep if pattern.startswith(os.sep) else ".")


def _files_at(path: Path, tree: str | None) -> Iterator[Path | Failure]:
    """The file at ``path``, or the pages under it; within ``tree`` (a real path) if one is given."""
    if tree is not None and _outside(path, tree):
        yield Failure(str(path), UNREADABLE, _LINK_OUT)
    elif path.is_dir():
        yield from _walk(path, tree)
    elif path.is_file():
        yield path
    else:
        yield Failure(str(path), UNREADABLE, "no such file or directory")


def _walk(top: Path, tree: str | None) -> Iterator[Path | Failure]:
    """The directory's pages in a stable order: sorted names, hidden files and folders skipped.
    Folders linked to are not walked (os.walk's default); a file linked to out of ``tree`` is a
    Failure. Only links need the check: a walk's other files lie under ``top``."""
    for root, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and _readable_suffix(name):
                path = Path(root, name)
                linked_out = tree is not None and path.is_symlink() and _outside(path, tree)
                yield Failure(str(path), UNREADABLE, _LINK_OUT) if linked_out else path


def _outside(path: Path, tree: str) -> bool:
    """Whether the path's real place (links followed; a loop stays where it is) is out of ``tree``."""
    real = os.path.realpath(path)
    return real != tree and not real.startswith(tree.rstrip(os.sep) + os.sep)


def _readable_suffix(name: str) -> bool:
    return suffix_of(name) in READABLE_SUFFIXES


def suffix_of(name: str) -> str:
    """The suffix that says what a file holds, under a .gz: "a.warc.gz" -> ".warc"."""
    stem = name[:-3] if name.endswith(".gz") else name
    return os.path.splitext(stem)[1].casefold()


def single_document(path: Path) -> bool:
    """Whether ``file_documents`` makes one document of the file, known from its name alone:
    a page does; a JSONL or WARC file holds as many as reading it finds."""
    return suffix_of(path.name) not in (*JSONL_SUFFIXES, *WARC_SUFFIXES)


def file_documents(
    path: Path, *, field: str | None = None, id_field: str | None = None
) -> Iterator[Document | Failure]:
    """The documents in one file: itself for a page, its lines for JSONL, its responses for WARC."""
    suffix = suffix_of(path.name)
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, field=field, id_field=id_field)
    elif suffix in WARC_SUFFIXES:
        yield from read_warc(path)
    else:
        yield Document(id=str(path), path=str(path))


def _open(path: Path) -> IO[bytes]:
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    return cast(IO[bytes], gzip.open(path, "rb")) if gzipped else path.open("rb")


def read_jsonl(path: Path, *, field: str | None = None, id_field: str | None = None) -> Iterator[Document | Failure]:
    """One document per line of a JSON-lines file: the page in ``field`` (else the first of
    html, content, raw, text), the URL in ``url``. Ids are ``path:line``, or the line's own
    ``id_field`` (then ``path:line`` is the record's ``origin``). A ``field`` no line has is
    named once in the log, with the fields the lines do have."""
    try:
        stream = _open(path)
    except OSError as exc:
        yield Failure(str(path), UNREADABLE, str(exc))
        return
    number = 0
    missing = _MissingField(path, field)
    with stream:
        try:
            for number, raw in enumerate(_lines(stream), start=1):
                if raw is None:
                    yield Failure(f"{path}:{number}", INVALID_INPUT, f"a line over {_cap()}: not read")
                elif raw.strip():
                    yield missing.note(_jsonl_document(f"{path}:{number}", raw, field, id_field))
        except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt .gz: the lines before it stand
            yield Failure(f"{path}:{number + 1}", UNREADABLE, f"cannot read on: {type(exc).__name__}: {exc}")


def _lines(stream: IO[bytes]) -> Iterator[bytes | None]:
    """The stream's lines, newline kept; None for a line over ``MAX_RECORD_BYTES``, which is
    read past in small pieces, never held whole."""
    while line := stream.readline(MAX_RECORD_BYTES + 1):
        if len(line) <= MAX_RECORD_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(TAIL_READ)) and not rest.endswith(b"\n"):
            pass
        yield None


def _cap() -> str:
    return f"{MAX_RECORD_BYTES >> 20} MB, the most a page may hold"


def _jsonl_document(place: str, raw: bytes, field: str | None, id_field: str | None) -> Document | Failure:
    try:
        data = json.loads(raw)
    except ValueError as exc:
        return Failure(place, INVALID_INPUT, f"not a JSON line: {exc}")
    if not isinstance(data, dict):
        return Failure(place, INVALID_INPUT, "a JSON line that is not an object")
    name = field or next((f for f in JSONL_FIELDS if f in data), None)
    content = data.get(name) if name else None
    if not isinstance(content, str):
        wanted = repr(field) if field else " or ".join(repr(f) for f in JSONL_FIELDS)
        return Failure(place, INVALID_INPUT, f"no text in field {wanted}; the line has {_names(data)}")
    own_id = data.get(id_field) if id_field else None
    if id_field and not (isinstance(own_id, str | int) and str(own_id)):
        return Failure(place, INVALID_INPUT, f"no id in field {id_field!r}; the line has {_names(data)}")
    url = data.get("url")
    kind: Kind = "text" if name == "text" else "auto"
    doc_id, origin = (str(own_id), place) if id_field else (place, None)
    return Document(id=doc_id, content=content, url=url if isinstance(url, str) else None, kind=kind, origin=origin)


def _names(data: dict[str, Any]) -> str:
    """A line's field names, for a message: "html, id, url" (the first few of a wide line)."""
    names = sorted(str(k) for k in data)
    return ", ".join(names[:MAX_NAMED_FIELDS]) + (", ..." if len(names) > MAX_NAMED_FIELDS else "") or "no fields"


class _MissingField:
    """Logs, once per file, that the lines lack the field asked for, and which fields they have:
    with a wrong ``--field`` every line fails, and one note says why."""

    def __init__(self, path: Path, field: str | None) -> None:
        self.path, self.field, self.said = path, field, False

    def note(self, item: Document | Failure) -> Document | Failure:
        if not self.said and isinstance(item, Failure) and item.message.startswith("no text in field"):
            self.said = True
            log.warning("%s: %s", self.path, item.message.replace("; the line has", "; the first such line has"))
        return item


def read_warc(path: Path) -> Iterator[Document | Failure]:
    """The HTML responses of a WARC file (``.warc`` or ``.warc.gz``), read with warcio.
    Ids are the target URI (the page's URL), origins ``path#<WARC-Record-ID>``. An archive cut short
    (a crawl killed while writing) gives its whole records, then one Failure where it ends."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Failure(str(path), "MissingDependency", "reading WARC needs warcio: pip install 'newsparse[warc]'")
        return
    try:
        with path.open("rb") as stream:
            archive = ArchiveIterator(stream)
            for record in archive:
                page = _warc_document(path, record) if record.rec_type == "response" and _is_html(record) else None
                if not _whole(record):  # the archive ends inside it: nothing follows
                    yield Failure(_record_id(path, record) or f"{path}#broken", INVALID_INPUT, _CUT_SHORT)
                    return
                if page is not None:
                    yield page
            rest = os.fstat(stream.fileno()).st_size - archive.offset
            if rest > 0:  # warcio stops without a word at a record whose headers are cut short
                yield Failure(f"{path}#broken", INVALID_INPUT, f"the last {rest} bytes are no whole record")
    except Exception as exc:  # warcio on a damaged archive raises what it may (AttributeError, ValueError ...)
        yield Failure(f"{path}#broken", INVALID_INPUT, f"{type(exc).__name__}: {exc}")


def _record_id(path: Path, record: Any) -> str:
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    return f"{path}#{record_id}" if record_id else ""


def _whole(record: Any) -> bool:
    """Whether the record is all there: a stated length, and as many bytes as it states.
    Reads the record to its end (as warcio would before the next one)."""
    while record.raw_stream.read(TAIL_READ):
        pass
    if record.length is None or getattr(record.raw_stream, "limit", 0) > 0:
        return False
    # warcio reads a length it cannot parse (a header cut at "Content-Length:") as 0.
    return record.length > 0 or (record.rec_headers.get_header("Content-Length") or "").strip() == "0"


def _content_type(record: Any) -> str:
    http = record.http_headers
    return (http.get_header("Content-Type") or "") if http is not None else ""


def _is_html(record: Any) -> bool:
    """An HTTP response whose type is HTML, or unstated (old crawls often leave it out); not a
    record without HTTP headers (a crawler's ``dns:`` lookups, an empty record)."""
    content_type = _content_type(record)
    return record.http_headers is not None and (not content_type or "html" in content_type.casefold())


def _warc_document(path: Path, record: Any) -> Document | Failure:
    """A response named by its target URI, the page's address; its record id, unique in the
    archive, is the origin."""
    place = _record_id(path, record) or f"{path}#"
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip() or None
    page = Document(id=url or place, url=url, kind="html", origin=place if url else None)
    try:
        content = record.content_stream().read(MAX_RECORD_BYTES + 1)  # the rest is read past by _whole
    except (OSError, EOFError, ValueError, zlib.error) as exc:  # a badly compressed body
        return page.failure(INVALID_INPUT, f"unreadable response body: {exc}")
    if len(content) > MAX_RECORD_BYTES:
        return page.failure(INVALID_INPUT, f"a response body over {_cap()}: not read")
    return dataclasses.replace(page, content=_http_decoded(content, _content_type(record)))


# In a header, unlike in a <meta>, the UTF-16 labels mean UTF-16 (WHATWG Encoding Standard).
_HTTP_UTF16 = {"utf-16": "utf-16-le", "utf-16le": "utf-16-le", "utf-16be": "utf-16-be"}


def _http_decoded(content: bytes, content_type: str) -> str | bytes:
    """The body decoded with the charset of its Content-Type header (which browsers trust over
    the page's own <meta>), else the bytes as they are, for ``decode`` to read: when a BOM says
    otherwise, no charset is named, the bytes do not decode with it, or they are UTF-8 while the
    header names another charset (servers often label everything ISO-8859-1; UTF-8 that is not
    meant is rare).

    >>> _http_decoded("Zażółć".encode("cp1250"), "text/html; charset=windows-1250")
    'Zażółć'
    >>> _http_decoded("Zażółć".encode("utf-8"), "text/html; charset=ISO-8859-1")
    b'Za\\xc5\\xbc\\xc3\\xb3\\xc5\\x82\\xc4\\x87'
    >>> _http_decoded(b"+ADw-script+AD4-", "text/html; charset=utf-7")  # no browser's label
    b'+ADw-script+AD4-'
    """
    match = _HTTP_CHARSET.search(content_type)
    if match is None or content.startswith(_BOMS):
        return content
    label = match.group(1).strip().lower()
    encoding = _HTTP_UTF16.get(label) or codec_for(label)  # only the labels browsers know
    if encoding is None or (encoding != "utf-8" and _is_utf8(content)):
        return content
    try:
        return content.decode(encoding)
    except UnicodeDecodeError:
        return content


def _is_utf8(content: bytes) -> bool:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
