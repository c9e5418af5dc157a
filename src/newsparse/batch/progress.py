"""A batch's progress bar: documents done, errors, the rate and, when the total is known, an ETA.

The total is counted without reading any input: one record per ``Document``, ``Failure``,
``str`` or ``bytes``, one per page file, directories walked and globs expanded up front. A
JSONL or WARC file holds as many documents as reading it finds, so with one among the inputs
the bar has no total. Walking first costs little next to parsing: 0.5 s per 100,000 files
(warm cache, 100 folders), while 8 workers take 3 minutes to parse 100,000 pages (68 pages a
second each, docs/benchmarks.md). Only the count is kept, so memory stays flat.

Under Jupyter with ipywidgets the bar is a notebook widget (``tqdm.auto``); elsewhere it is
tqdm's text bar on standard error.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from newsparse.batch.inputs import input_files, single_document
from newsparse.batch.records import Failure, Record

if TYPE_CHECKING:  # tqdm is imported when a bar is shown: 40 ms that "import newsparse" need not pay
    from tqdm import tqdm

__all__ = ["expected_records", "with_progress"]


def with_progress(records: Iterator[Record], *, total: int | None, sources: Iterable[object] = ()) -> Iterator[Record]:
    """Pass ``records`` through, counting them and their errors on a bar. ``total`` is the number
    to expect; None counts ``sources`` (when they can be: ``expected_records``) as the first
    record is asked for, so building the batch walks nothing."""
    if total is None:
        total = expected_records(sources)
    errors = 0
    with _bar_type()(total=total, unit="doc", desc="newsparse", dynamic_ncols=True, smoothing=0.05) as bar:
        for record in records:
            if not record.ok:
                errors += 1
                bar.set_postfix(errors=errors, refresh=False)
            bar.update()
            yield record


def expected_records(sources: Iterable[object]) -> int | None:
    """How many records ``parse_many`` gives for ``sources``, counted without reading them: None
    for an iterator (counting would use it up) or when a JSONL or WARC file is among them."""
    if not isinstance(sources, Sequence):
        return None
    total = 0
    for source in sources:
        count = _files_count(source) if isinstance(source, os.PathLike) else 1
        if count is None:
            return None
        total += count
    return total


def _files_count(path: os.PathLike[str]) -> int | None:
    """The records a path gives: one per page file (or unreadable name) it lists."""
    count = 0
    for found in input_files([path]):
        if isinstance(found, Failure) or single_document(found):
            count += 1
        else:
            return None
    return count


def _bar_type() -> type[tqdm[Any]]:
    """tqdm.auto's choice of bar. In a notebook without ipywidgets it warns ("IProgress not
    found") as it falls back to the text bar; that bar serves, so the warning is not shown."""
    from tqdm import TqdmWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TqdmWarning)
        from tqdm.auto import tqdm as auto_tqdm
    return auto_tqdm
