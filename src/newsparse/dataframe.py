"""Articles as a pandas DataFrame, for notebooks (the ``pandas`` extra).

>>> import newsparse
>>> page = "A headline here\\n\\nThe story, long enough to read as a paragraph of prose."
>>> frame = newsparse.to_dataframe([newsparse.parse(page)])
>>> row = frame.iloc[0]
>>> row["headline"], int(row["words"]), row["votes"]
('A headline here', 11, <NA>)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from newsparse.batch.records import Failure, Parsed
from newsparse.batch.table import COLUMNS, flat_article, flat_record, utf8_row
from newsparse.model import Article

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["to_dataframe"]


def to_dataframe(items: Iterable[Article | Parsed | Failure]) -> pd.DataFrame:
    """One row per article or batch record, with the columns of ``newsparse.batch.table``.

    Counts are nullable integers (``votes`` is ``<NA>`` where a page has none), ``published``
    is a UTC timestamp (a date alone reads as midnight UTC, a time without a zone as UTC) with
    the page's own offset in ``published_offset`` (minutes), and lists (``authors``,
    ``paragraphs``, ``related_titles``) stay Python lists. Strings are Arrow's UTF-8 (pandas 3's
    default string type), so a lone surrogate becomes U+FFFD, as in Parquet.
    """
    try:
        import pandas as pd
    except ImportError as exc:  # an optional extra: say how to get it
        raise ImportError("to_dataframe needs pandas: pip install 'newsparse[pandas]'") from exc
    rows = [utf8_row(flat_article(i) if isinstance(i, Article) else flat_record(i)) for i in items]
    frame: pd.DataFrame = typed_frame(pd.DataFrame(rows, columns=list(COLUMNS)))
    return frame


def typed_frame(frame: Any) -> Any:
    """Give the flat columns their pandas types: nullable ints, strings, UTC timestamps."""
    import pandas as pd

    for name, kind in COLUMNS.items():
        if kind == "int":
            frame[name] = frame[name].astype("Int64")
        elif kind == "str":
            frame[name] = frame[name].astype("string")
        elif kind == "timestamp":  # one unit whatever the pandas version, so Dask's meta matches its data
            frame[name] = pd.to_datetime(frame[name], utc=True).dt.as_unit("us")
    return frame
