"""Many pages at once: ``parse_many`` streams inputs through a pool of worker processes.

>>> from newsparse.batch import Document, parse_many
>>> page = "Headline of the day\\n\\nA first paragraph of the story, long enough to be prose."
>>> [r.ok for r in parse_many([Document("a", page), Document("b", b"\\x00\\x01")], workers=0)]
[True, False]
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from itertools import chain

from newsparse.batch.inputs import documents
from newsparse.batch.pool import MB, default_workers, parse_document, resident_bytes, run_pool
from newsparse.batch.records import Document, Failure, Parsed, Record

__all__ = ["DEFAULT_TIMEOUT", "Document", "Failure", "Parsed", "Record", "documents", "parse_many"]

# Seconds a document may take. The slowest of the benchmark's 181 pages takes 0.1 s and a
# 20 MB page a few seconds; a minute is a page that will not finish.
DEFAULT_TIMEOUT = 60.0
# Records held for an earlier one, per worker, when the input order is kept.
PENDING_PER_WORKER = 16

# A Failure passes through in its place: an input the caller could not read is still an input.
MAX_PATH_CHARS = 4096
Source = Document | Failure | os.PathLike[str] | str | bytes


def parse_many(
    sources: Iterable[Source],
    *,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    ordered: bool = True,
    progress: bool = False,
    field: str | None = None,
    max_memory_mb: int | None = None,
) -> Iterator[Record]:
    """One record per input: ``Parsed(source, article)`` or ``Failure(source, error, message)``.

    ``sources`` may mix ``Document``s, paths (a page, a directory, a JSONL file with the page
    in ``field``, a WARC file; ``documents`` also expands glob patterns) and page contents as
    ``str`` or ``bytes``, which are named ``<input N>`` by position (a ``str`` naming a file
    warns: pass a ``Path``). The inputs are read
    lazily and at most a few documents per worker are in flight, so memory stays flat.

    ``workers``: processes (default: the CPUs available); 0 parses in this process, with no
    timeout. ``timeout``: seconds per document before its worker is stopped and the document
    recorded as a ``Timeout`` (None: no limit). ``ordered``: keep the input order, else
    yield records as they complete. ``progress``: a progress bar on standard error.
    ``max_memory_mb``: resident memory a worker may hold, its imports included (about 150
    MB); a worker past it is stopped and the document recorded as ``MemoryLimit`` (Linux:
    read from /proc every 0.2 s; not with ``workers=0``).

    Raises ``WorkerStartError`` when the workers cannot start (a script without an
    ``if __name__ == "__main__":`` guard); every other problem is a ``Failure`` record.
    """
    if max_memory_mb is not None and (max_memory_mb <= 0 or resident_bytes(os.getpid()) is None):
        raise ValueError("max_memory_mb must be positive, and needs /proc to read a worker's memory (Linux)")
    items = _items(sources, field)
    size = default_workers() if workers is None else workers
    if size <= 0:
        records: Iterator[Record] = (item if isinstance(item, Failure) else parse_document(item) for item in items)
    else:
        pending = max(size * PENDING_PER_WORKER, 1)
        memory = max_memory_mb * MB if max_memory_mb is not None else None
        records = run_pool(
            items, workers=size, timeout=timeout, ordered=ordered, max_pending=pending, max_memory=memory
        )
    return _with_progress(records) if progress else records


def _items(sources: Iterable[Source], field: str | None) -> Iterator[Document | Failure]:
    def expand(position: int, source: Source) -> Iterable[Document | Failure]:
        if isinstance(source, Document | Failure):
            return (source,)
        if isinstance(source, os.PathLike):
            return documents([source], field=field)
        if isinstance(source, str | bytes):
            if isinstance(source, str) and _names_a_file(source):
                warnings.warn(f"{source!r} is parsed as page text; for the file, pass Path({source!r})", stacklevel=3)
            return (Document(id=f"<input {position}>", content=source),)
        message = f"cannot parse a {type(source).__name__}: give a Document, a path, str or bytes"
        return (Failure(f"<input {position}>", "UnsupportedInputError", message),)

    return chain.from_iterable(expand(i, s) for i, s in enumerate(sources))


def _names_a_file(text: str) -> bool:
    """A short one-line string naming a file: a path given where page text is expected."""
    return len(text) < MAX_PATH_CHARS and "\n" not in text and os.path.isfile(text)


def _with_progress(records: Iterator[Record]) -> Iterator[Record]:
    """Count documents and errors on a tqdm bar, with the rate in docs/s."""
    from tqdm import tqdm

    errors = 0
    with tqdm(unit="doc", desc="newsparse", dynamic_ncols=True, smoothing=0.05) as bar:
        for record in records:
            if not record.ok:
                errors += 1
                bar.set_postfix(errors=errors, refresh=False)
            bar.update()
            yield record
