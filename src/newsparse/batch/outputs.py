"""Where a batch's records go: JSON lines, a JSON array, CSV, Parquet or a reading view.

Each writer takes records one at a time and keeps none, so memory stays flat over any number
of them. JSONL and CSV are flushed after every record: a run killed midway leaves whole
records behind (and at most one torn last line, which ``--resume`` trims), so it can go on
where it stopped. ``newsparse.batch.readback`` reads them back.

No value stops a writer. A lone surrogate (from a JSON escape or a file name that is no UTF-8)
is written as its JSON escape in JSON, so it reads back exactly, and as U+FFFD in CSV and
Parquet, whose text is UTF-8. JSON also escapes what a terminal would obey (C1 and bidi controls).
A CSV text cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or
CR) gets a leading ``'``, as OWASP advises; ``read_records`` takes it off again.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Protocol

from newsparse.batch.records import Parsed, Record
from newsparse.batch.table import COLUMNS, as_utf8, flat_record, utf8_row
from newsparse.display import CONTROLS_BEYOND_C0, escape_controls, render_text

__all__ = ["FORMATS", "RESUMABLE", "Writer", "as_utf8", "format_for", "open_writer"]

FORMATS = ("json", "jsonl", "csv", "parquet", "text")
RESUMABLE = ("jsonl", "csv")
_SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet"}
PARQUET_NEEDS_PYARROW = "Parquet output needs pyarrow: pip install 'newsparse[parquet]'"
# Parquet rows are written in groups of this many: a bounded buffer, and readable row groups.
PARQUET_ROW_GROUP = 1000
# A cell a spreadsheet runs as a formula (OWASP's list), after any quotes we put before one:
# quoting "'=x" too keeps the quote reversible ("''=x" reads back as "'=x").
FORMULA = re.compile(r"'*[=+\-@\t\r]")


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


def _json(data: Any, *, indent: int | None = None) -> str:
    """JSON text any reader and any terminal take: the controls JSON leaves raw (C1, bidi, lone
    surrogates ...) as ``\\uXXXX`` escapes, which read back as the very same string; other
    text as it is.

    >>> print(_json({"url": "https://a.example/\\ud800", "title": "\\u202eevil"}))
    {"url": "https://a.example/\\ud800", "title": "\\u202eevil"}
    """
    return CONTROLS_BEYOND_C0.sub(_json_escape, json.dumps(data, ensure_ascii=False, indent=indent))


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


class _JsonlWriter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, record: Record) -> None:
        self.stream.write(_json(record.to_dict()) + "\n")
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
        text = _json(record.to_dict(), indent=2)
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
        return _json(value)  # "[...]": never a formula, and exact when read back
    if isinstance(value, datetime):  # UTC to the second: one shape, which pd.to_datetime reads as is
        return value.isoformat()
    if isinstance(value, str):
        return _csv_text(value)
    return "" if value is None else value  # numbers we wrote: "-12" is a count, not a formula


def _csv_text(text: str) -> str:
    """A text cell no spreadsheet runs: a leading quote before a formula's first character.

    >>> print(_csv_text("=HYPERLINK(1)"), _csv_text("-12 points"), _csv_text("'=x"), _csv_text("A headline"))
    '=HYPERLINK(1) '-12 points ''=x A headline
    """
    text = as_utf8(text)
    return "'" + text if FORMULA.match(text) else text


class _ParquetWriter:
    """Row groups of flat records through pyarrow (the ``parquet`` extra)."""

    def __init__(self, path: str) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise ImportError(PARQUET_NEEDS_PYARROW) from exc
        from newsparse.batch.table import arrow_schema

        self.pa = pa
        self.schema = arrow_schema()
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict[str, Any]] = []

    def write(self, record: Record) -> None:
        self.rows.append(utf8_row(flat_record(record)))
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
            failed = escape_controls(f"{record.error}: {record.message}")
            text = f"# {escape_controls(record.source)}\n(failed: {failed})"
        self.stream.write(("\n\n" if self.count else "") + text)
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()
