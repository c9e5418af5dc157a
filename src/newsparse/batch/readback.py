"""A batch's output read back: the records themselves (``read_records``), or the inputs already
done, for ``--resume`` (``done_keys``).

Only files newsparse wrote are read: a JSONL file whose lines are our records, a CSV file that
opens with our header, our Parquet columns. Anything else is refused with ``ForeignFileError``
before a byte of it changes, so ``--resume`` pointed at the wrong file cannot damage it.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import os
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import IO, Any, cast

from newsparse.batch.outputs import FORMULA, format_for
from newsparse.batch.records import Record, record_from_dict
from newsparse.batch.table import COLUMNS, record_from_row
from newsparse.errors import ForeignFileError
from newsparse.model import Article

__all__ = ["done_keys", "read_records"]

# Keys of our JSON records: the record's own, and the Article's.
_RECORD_KEYS = frozenset({"source", "origin", "error", "message", *Article().to_dict()})
# How a JSONL line we wrote starts (json.dumps keeps the dict's order; source comes first).
_JSONL_START = b'{"source": '
_CSV_HEADER = ",".join(COLUMNS)
# How much of a file's end is read at a time to find its last newline.
TAIL_CHUNK = 1 << 16
# Parquet is read this many rows at a time.
PARQUET_BATCH = 1000
# csv's own limit on a field is 131,072 characters, and a long article's body is longer. This
# one is past any field we write (a page is at most 64 MB) and fits a C long everywhere.
CSV_FIELD_LIMIT = 2**31 - 1


def read_records(path: str | os.PathLike[str]) -> Iterator[Record]:
    """The records a batch wrote to ``path`` (JSONL, JSON, CSV or Parquet, by its suffix;
    ``.gz`` too for the text formats), as ``parse_many`` yielded them, one at a time.

    JSONL and JSON give back equal records. CSV and Parquet hold the flat columns of
    ``to_dataframe``: their articles lose the removed blocks' texts (each ``Removal`` keeps its
    rule) and ``published`` is to the second. A torn last JSONL line (a run killed while
    writing it) is left out. Raises ``ForeignFileError`` for a file newsparse did not write.
    """
    name = os.fspath(path)
    fmt = format_for(name[:-3] if name.endswith(".gz") else name, None)
    if fmt == "parquet":
        yield from _parquet_records(name)
        return
    with _open_text(name) as stream:
        if fmt == "json":
            yield from _json_records(name, stream)
        elif fmt == "csv":
            yield from _csv_records(name, stream)
        else:
            yield from _jsonl_records(name, stream)


def done_keys(path: str, fmt: str) -> set[str]:
    """The inputs (``record.key``: origin or source) a previous run already wrote to ``path``,
    for ``--resume``. The file is checked to be ours and read first; only then is a torn last
    record (the run was killed while writing it) cut off, so appending goes on cleanly."""
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return set()
    with open(path, "rb") as stream:
        _check_start(path, stream.read(len(_CSV_HEADER) + 1), fmt)
        end = _csv_records_end(stream) if fmt == "csv" else _lines_end(stream)
    with open(path, encoding="utf-8", newline="") as stream:
        lines = _lines_before(stream, end)
        records = _csv_records(path, lines) if fmt == "csv" else _jsonl_records(path, lines)
        keys = {record.key for record in records}
    if end < os.path.getsize(path):
        with open(path, "rb+") as stream:
            stream.truncate(end)
    return keys


def _check_start(path: str, start: bytes, fmt: str) -> None:
    """Our JSONL starts with a record's ``source``; our CSV with our header (or a torn part of it)."""
    if fmt == "csv":
        header = _CSV_HEADER.encode()
        ours = start.startswith(header) if len(start) > len(header) else header.startswith(start.rstrip(b"\r\n"))
    else:
        ours = start.startswith(_JSONL_START) or _JSONL_START.startswith(start)
    if not ours:
        raise ForeignFileError(f"{path} is no newsparse {fmt} output: it does not start as ours does; cannot resume")


def _lines_before(stream: IO[str], end: int) -> Iterator[str]:
    """The stream's lines up to byte offset ``end`` (a line boundary)."""
    read = 0
    for line in stream:
        if read >= end:
            return
        read += len(line.encode("utf-8", "surrogatepass"))
        yield line


def _jsonl_records(path: str, lines: Iterable[str]) -> Iterator[Record]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if not line.endswith("\n"):
            return  # torn: the run was killed while writing it
        yield _our_record(path, number, line)


def _our_record(path: str, number: int, line: str) -> Record:
    try:
        data = json.loads(line)
    except ValueError as exc:
        raise ForeignFileError(f"line {number} of {path} is no newsparse record ({exc})") from exc
    if not _is_our_dict(data):
        raise ForeignFileError(f"line {number} of {path} is no newsparse record")
    return record_from_dict(data)


def _is_our_dict(data: Any) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("source"), str):
        return False
    keys = data.keys()
    return keys <= _RECORD_KEYS and ({"error", "message"} <= keys or {"headline", "paragraphs"} <= keys)


def _json_records(path: str, stream: IO[str]) -> Iterator[Record]:
    try:
        data = json.load(stream)
    except ValueError as exc:
        raise ForeignFileError(f"{path} is no JSON array of newsparse records ({exc})") from exc
    if not isinstance(data, list) or not all(_is_our_dict(item) for item in data):
        raise ForeignFileError(f"{path} is no JSON array of newsparse records")
    for item in data:
        yield record_from_dict(item)


def _csv_records(path: str, lines: Iterable[str]) -> Iterator[Record]:
    with _no_csv_field_limit():
        reader = csv.reader(lines)
        header = next(reader, None)
        if header is not None and header != list(COLUMNS):
            raise ForeignFileError(f"{path} is no newsparse CSV output: its header differs from ours")
        for number, cells in enumerate(reader, start=2):
            if len(cells) != len(COLUMNS):
                raise ForeignFileError(f"record {number} of {path} has {len(cells)} cells, not {len(COLUMNS)}")
            yield record_from_row(
                {name: _csv_value(kind, cell) for (name, kind), cell in zip(COLUMNS.items(), cells, strict=True)}
            )


@contextlib.contextmanager
def _no_csv_field_limit() -> Iterator[None]:
    """csv refuses fields over 131,072 characters, and a long article's body is longer. The limit
    is the csv module's, process-wide: raised while we read, then put back."""
    before = csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _csv_value(kind: str, cell: str) -> Any:
    """A CSV cell as the column's type: lists are JSON text; an empty cell is None; a text
    cell loses the quote the writer put before a formula.

    >>> _csv_value("str", "'=SUM(A1)"), _csv_value("str", "''=x"), _csv_value("str", "'tis")
    ('=SUM(A1)', "'=x", "'tis")
    """
    if kind == "list":
        return json.loads(cell) if cell else []
    if not cell:
        return None
    if kind == "int":
        return int(cell)
    if kind == "timestamp":
        return datetime.fromisoformat(cell)
    return cell[1:] if cell.startswith("'") and FORMULA.match(cell) else cell


def _parquet_records(path: str) -> Iterator[Record]:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ImportError("reading Parquet needs pyarrow: pip install 'newsparse[parquet]'") from exc
    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises its own ArrowInvalid for a file that is not Parquet
        raise ForeignFileError(f"{path} is no Parquet file ({exc})") from exc
    if table.schema_arrow.names != list(COLUMNS):
        raise ForeignFileError(f"{path} is no newsparse Parquet output: its columns differ from ours")
    for batch in table.iter_batches(batch_size=PARQUET_BATCH):
        for row in batch.to_pylist():
            yield record_from_row(row)


@contextlib.contextmanager
def _open_text(path: str) -> Iterator[IO[str]]:
    with open(path, "rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
    binary = cast(IO[bytes], gzip.open(path, "rb") if gzipped else open(path, "rb"))  # noqa: SIM115
    with io.TextIOWrapper(binary, encoding="utf-8", newline="") as stream:
        yield stream


def _lines_end(stream: IO[bytes]) -> int:
    """The offset just past the last newline, found from the end: the file may be huge."""
    end = stream.seek(0, os.SEEK_END)
    position = end
    while position > 0:
        step = min(TAIL_CHUNK, position)
        position -= step
        stream.seek(position)
        newline = stream.read(step).rfind(b"\n")
        if newline >= 0:
            return position + newline + 1
    return 0


def _csv_records_end(stream: IO[bytes]) -> int:
    """The offset past the last whole CSV record. A body holds newlines inside quotes, so a
    record ends at a newline only where the quotes seen so far are balanced."""
    stream.seek(0)
    end = offset = 0
    quotes = 0
    for line in stream:
        offset += len(line)
        quotes += line.count(b'"')
        if line.endswith(b"\n") and quotes % 2 == 0:
            end = offset
    return end
