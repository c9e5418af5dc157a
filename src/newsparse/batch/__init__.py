"""Many pages at once: ``parse_many`` streams inputs through a pool of worker processes.

>>> from newsparse.batch import Document, parse_many
>>> page = "Headline of the day\\n\\nA first paragraph of the story, long enough to be prose."
>>> [r.ok for r in parse_many([Document("a", page), Document("b", b"\\x00\\x01")], workers=0)]
[True, False]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import chain

from newsparse.batch.inputs import documents
from newsparse.batch.pool import MB, default_workers, parse_document, resident_bytes, run_pool
from newsparse.batch.progress import with_progress
from newsparse.batch.records import Document, Failure, Parsed, Record

__all__ = ["DEFAULT_TIMEOUT", "Document", "Failure", "Parsed", "Record", "documents", "parse_many"]

# Seconds a document may take. The slowest of the benchmark's 181 pages takes 0.1 s and a
# 20 MB page a few seconds; a minute is a page that will not finish.
DEFAULT_TIMEOUT = 60.0
# Records held for an earlier one, per worker, when the input order is kept.
PENDING_PER_WORKER = 16

# A Failure passes through in its place: an input the caller could not read is still an input.
Source = Document | Failure | os.PathLike[str] | str | bytes


def parse_many(
    sources: Iterable[Source],
    *,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    ordered: bool = True,
    progress: bool = False,
    total: int | None = None,
    field: str | None = None,
    id_field: str | None = None,
    max_memory_mb: int | None = None,
) -> Iterator[Record]:
    """One record per input: ``Parsed(source, article)`` or ``Failure(source, error, message)``.

    ``sources`` may mix ``Document``s, paths (a page, a directory, a JSONL file with the page
    in ``field`` and its id in ``id_field``, a WARC file; ``documents`` also expands globs) and page contents as
    ``str`` or ``bytes``, which are named ``<input N>`` by position (a ``str`` that only names a
    file or a URL gets an ``UnsupportedInputError`` record: pass a ``Path``). The inputs are read
    lazily and at most a few documents per worker are in flight, so memory stays flat.

    ``workers``: processes (default: the CPUs available); 0 parses in this process, with no
    timeout. ``timeout``: seconds per document before its worker is stopped and the document
    recorded as a ``Timeout`` (None: no limit). ``ordered``: keep the input order, else
    yield records as they complete. ``progress``: a progress bar (on standard error, or a
    widget in Jupyter with ipywidgets), with an ETA when the number of records is known:
    ``total`` when given, else counted when ``sources`` is a list or tuple of documents, page
    contents, page files, or directories and globs of page files (walked once up front for
    the count; not with a JSONL or WARC file among them, whose documents only reading counts).
    ``max_memory_mb``: resident memory a worker may hold, its imports included (about 150
    MB); a worker past it is stopped and the document recorded as ``MemoryLimit`` (Linux:
    read from /proc every 0.2 s; not with ``workers=0``).

    Raises ``ValueError`` for a negative ``workers``, a ``timeout`` that is not positive or a
    ``max_memory_mb`` that is not, and ``WorkerStartError`` when the workers cannot start (a script without an
    ``if __name__ == "__main__":`` guard); every other problem is a ``Failure`` record.
    """
    _check_arguments(workers=workers, timeout=timeout, max_memory_mb=max_memory_mb)
    items = _items(sources, field, id_field)
    size = default_workers() if workers is None else workers
    if size <= 0:
        records: Iterator[Record] = (item if isinstance(item, Failure) else parse_document(item) for item in items)
    else:
        pending = max(size * PENDING_PER_WORKER, 1)
        memory = max_memory_mb * MB if max_memory_mb is not None else None
        records = run_pool(
            items, workers=size, timeout=timeout, ordered=ordered, max_pending=pending, max_memory=memory
        )
    return with_progress(records, total=total, sources=sources) if progress else records


def _check_arguments(*, workers: int | None, timeout: float | None, max_memory_mb: int | None) -> None:
    """Refuse settings that would quietly do something else: a negative pool, a deadline every
    document misses (0 or less would mark them all ``Timeout``)."""
    if workers is not None and workers < 0:
        raise ValueError(f"workers must be 0 (parse in this process) or more, not {workers}")
    if timeout is not None and not timeout > 0:  # "not >" refuses NaN too
        raise ValueError(f"timeout must be a positive number of seconds, or None for no limit, not {timeout}")
    if max_memory_mb is not None and (max_memory_mb <= 0 or resident_bytes(os.getpid()) is None):
        raise ValueError("max_memory_mb must be positive, and needs /proc to read a worker's memory (Linux)")


def _items(sources: Iterable[Source], field: str | None, id_field: str | None) -> Iterator[Document | Failure]:
    def expand(position: int, source: Source) -> Iterable[Document | Failure]:
        if isinstance(source, Document | Failure):
            return (source,)
        if isinstance(source, os.PathLike):
            return documents([source], field=field, id_field=id_field)
        if isinstance(source, str | bytes):  # a str naming a file or URL gets parse's error in its record
            return (Document(id=f"<input {position}>", content=source),)
        message = f"cannot parse a {type(source).__name__}: give a Document, a path, str or bytes"
        return (Failure(f"<input {position}>", "UnsupportedInputError", message),)

    return chain.from_iterable(expand(i, s) for i, s in enumerate(sources))
