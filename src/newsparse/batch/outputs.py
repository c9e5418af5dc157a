"""Where a batch's records go: JSON lines, a JSON array, CSV, Parquet or a reading view.

Each writer takes records one at a time and keeps none, so memory stays flat over any number
of them. JSONL and CSV are flushed after every record: a run killed midway leaves whole
records behind (and at most one torn last line, which ``--resume`` trims), so it can go on
where it stopped.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Protocol

from newsparse.batch.records import Parsed, Record
from newsparse.batch.table import COLUMNS, flat_record
from newsparse.display import render_text

__all__ = ["FORMATS", "RESUMABLE", "Writer", "done_sources", "format_for", "open_writer"]

FORMATS = ("json", "jsonl", "csv", "parquet", "text")
RESUMABLE = ("jsonl", "csv")
_SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet"}
# How much of a file's end is read at a time to find its last newline.
TAIL_CHUNK = 1 << 16
# Parquet rows are written in groups of this many: a bounded buffer, and readable row groups.
PARQUET_ROW_GROUP = 1000


class Writer(Protocol):
    def write(self, record: Record) -> None: ...

    def close(self) -> None: ...


def format_for(path: str | None, requested: str | None) -> str:
    """The output format: the one asked for, else the output file's suffix, else JSON.
    Raises ValueError for a file whose name says no format (or a compressed one).

    >>> format_for("out.csv", None), format_for(None, None), format_for("out.txt", "text")
    ('csv', 'json', 'text')
    """
    if requested:
        return requested
    if not path:
        return "json"
    suffix = Path(path).suffix.casefold()
    if suffix == ".gz":
        raise ValueError("compressed output is not written: use .parquet (compressed), or stdout through gzip")
    if suffix not in _SUFFIX_FORMATS:
        known = ", ".join(_SUFFIX_FORMATS)
        raise ValueError(f"cannot tell the format from {path!r}: name it {known}, or give --format")
    return _SUFFIX_FORMATS[suffix]


def open_writer(stream: IO[str] | None, path: str | None, fmt: str, *, append: bool = False) -> Writer:
    """A writer of ``fmt`` to ``stream`` (a text stream) or, for Parquet, to ``path``."""
    if fmt == "parquet":
        if path is None:
            raise ValueError("Parquet output needs a file: give -o out.parquet")
        return _ParquetWriter(path)
    assert stream is not None
    factories: dict[str, Callable[[], Writer]] = {
        "jsonl": lambda: _JsonlWriter(stream),
        "json": lambda: _JsonArrayWriter(stream),
        "csv": lambda: _CsvWriter(stream, header=not append),
        "text": lambda: _TextWriter(stream),
    }
    return factories[fmt]()


class _JsonlWriter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, record: Record) -> None:
        self.stream.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class _JsonArrayWriter:
    """A JSON array written as it goes: "[", the records separated by commas, "]" at the end."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0
        stream.write("[")

    def write(self, record: Record) -> None:
        text = json.dumps(record.to_dict(), ensure_ascii=False, indent=2)
        self.stream.write(("," if self.count else "") + "\n" + text)
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
        self.stream.flush()


class _CsvWriter:
    """One row per record with the flat columns of ``to_dataframe``; lists as JSON text."""

    def __init__(self, stream: IO[str], *, header: bool) -> None:
        self.stream = stream
        self.writer = csv.DictWriter(stream, fieldnames=list(COLUMNS), extrasaction="ignore")
        if header:
            self.writer.writeheader()

    def write(self, record: Record) -> None:
        row = flat_record(record)
        self.writer.writerow({k: _csv_cell(v) for k, v in row.items()})
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


class _ParquetWriter:
    """Row groups of flat records through pyarrow (the ``parquet`` extra)."""

    def __init__(self, path: str) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise ValueError("Parquet output needs pyarrow: pip install 'newsparse[parquet]'") from exc
        from newsparse.batch.table import arrow_schema

        self.pa = pa
        self.schema = arrow_schema()
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict[str, Any]] = []

    def write(self, record: Record) -> None:
        self.rows.append(flat_record(record))
        if len(self.rows) >= PARQUET_ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


class _TextWriter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0

    def write(self, record: Record) -> None:
        if isinstance(record, Parsed):
            text = render_text(record.source, record.article)
        else:
            text = f"# {record.source}\n(failed: {record.error}: {record.message})"
        self.stream.write(("\n\n" if self.count else "") + text)
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def done_sources(path: str, fmt: str) -> set[str]:
    """The inputs a previous run already wrote to ``path``, for ``--resume``. A torn last
    record (the run was killed while writing it) is cut off first, so appending goes on cleanly."""
    if fmt not in RESUMABLE:
        raise ValueError(f"--resume works with {' and '.join(RESUMABLE)} output, not {fmt}")
    if not os.path.exists(path):
        return set()
    with open(path, "rb+") as stream:
        stream.truncate(_csv_records_end(stream) if fmt == "csv" else _lines_end(stream))
    with open(path, encoding="utf-8", newline="") as stream:
        if fmt == "csv":
            return {row["source"] for row in csv.DictReader(stream) if row.get("source")}
        return {_source_of(number, line) for number, line in enumerate(stream, start=1) if line.strip()}


def _source_of(number: int, line: str) -> str:
    try:
        return str(json.loads(line)["source"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"line {number} of the output is no newsparse record ({exc}); cannot resume") from exc


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
