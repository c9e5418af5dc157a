"""newsparse on a Dask cluster, for crawls bigger than one machine (the ``dask`` extra).

The client only lists the input files (directories walked, globs expanded); the workers read
and parse them, so pages never travel through the client. Each partition is a group of
files: many small pages per partition, or one WARC or JSONL file on its own.

    from dask.distributed import Client
    import newsparse.dask

    client = Client("tcp://scheduler:8786")
    records = newsparse.dask.read_records(["s3-mounted/crawl/**/*.warc.gz"])  # a Dask bag
    frame = newsparse.dask.to_dataframe(records)                               # a Dask DataFrame
    newsparse.dask.to_parquet(records, "articles/")                            # or straight to Parquet

Records are the same ``Parsed`` and ``Failure`` objects ``parse_many`` yields, one per input.
Unlike ``parse_many``'s pool, a worker parses in its own process without a per-document
deadline: Dask cannot stop one task, and a page's parse time grows linearly with its size.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    from dask.delayed import delayed
except ImportError as exc:  # an optional extra: say which
    raise ImportError(f"newsparse.dask needs Dask and pandas: pip install 'newsparse[dask]' ({exc})") from exc

from newsparse.batch.inputs import JSONL_SUFFIXES, WARC_SUFFIXES, file_documents, input_files, suffix_of
from newsparse.batch.pool import parse_document
from newsparse.batch.records import Failure, Record
from newsparse.batch.table import COLUMNS, arrow_schema, flat_record, utf8_row
from newsparse.dataframe import typed_frame

__all__ = ["read_records", "to_dataframe", "to_parquet"]

# Page files per partition: enough to dwarf a task's overhead (about a millisecond), few
# enough that a cluster's workers all get some.
FILES_PER_PARTITION = 200


def read_records(
    paths: Iterable[str | os.PathLike[str]],
    *,
    field: str | None = None,
    id_field: str | None = None,
    files_per_partition: int = FILES_PER_PARTITION,
) -> db.Bag:
    """A bag of one record per input under ``paths`` (files, directories, globs, JSONL, WARC);
    ``field`` and ``id_field`` name a JSONL line's page and id, as in ``parse_many``."""
    groups = _partitions(input_files(paths), files_per_partition)
    parts = [delayed(_parse_group)(group, field, id_field) for group in groups]
    return db.from_delayed(parts) if parts else db.from_sequence([], npartitions=1)


def to_dataframe(records: db.Bag) -> dd.DataFrame:
    """The records as a Dask DataFrame with ``to_dataframe``'s columns and types."""
    raw = pd.DataFrame({name: pd.Series([], dtype=object) for name in COLUMNS})
    frame = records.map(lambda record: utf8_row(flat_record(record))).to_dataframe(meta=raw)
    return frame.map_partitions(typed_frame, meta=typed_frame(raw.copy()))


def to_parquet(records: db.Bag, path: str | os.PathLike[str], **options: Any) -> None:
    """Write the records' DataFrame as a Parquet dataset, one file per partition. The schema is
    given, since Dask cannot infer list columns from an empty meta."""
    to_dataframe(records).to_parquet(path, schema=arrow_schema(), write_index=False, **options)


def _partitions(found: Iterable[Path | Failure], size: int) -> list[list[str | Failure]]:
    """Groups of up to ``size`` page files; a WARC or JSONL file (many pages) on its own."""
    groups: list[list[str | Failure]] = []
    current: list[str | Failure] = []
    for item in found:
        if isinstance(item, Path) and suffix_of(item.name) in (*WARC_SUFFIXES, *JSONL_SUFFIXES):
            groups.append([str(item)])
            continue
        current.append(item if isinstance(item, Failure) else str(item))
        if len(current) >= size:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _parse_group(group: Sequence[str | Failure], field: str | None, id_field: str | None) -> list[Record]:
    records: list[Record] = []
    for item in group:
        if isinstance(item, Failure):
            records.append(item)
            continue
        for doc in file_documents(Path(item), field=field, id_field=id_field):
            records.append(doc if isinstance(doc, Failure) else parse_document(doc))
    return records
