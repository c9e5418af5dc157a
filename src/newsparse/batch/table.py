"""Records as flat rows: one row per input, nested fields spread over plain columns.

The same columns serve CSV, Parquet, ``to_dataframe`` and the Dask DataFrame, each column one
type in every row:

* ``source``, and ``origin`` where the input was read when that is not its id;
* ``votes`` (the count; empty where int64 cannot hold it), ``votes_raw``, ``votes_label``;
* ``authors`` (a list), ``author_bio``, ``author_url``;
* ``related_titles`` and ``related_urls`` (lists of the same length);
* ``paragraphs`` (a list) next to ``body`` (joined by blank lines) and ``words``;
* ``published``: the UTC instant, to the second (a day alone is its midnight UTC, a time
  without a zone is read as UTC), and ``published_offset``: the page's own offset from UTC in
  minutes, where it gave one. CSV writes the instant as ISO 8601 text of one shape
  (``2024-03-05T13:30:00+00:00``), which ``pd.to_datetime`` reads without arguments;
* ``removed``: how many blocks the filters dropped, and ``removed_rules``: the rule of each;
* ``error`` and ``message`` for inputs that gave no article (every article column empty).

``record_from_row`` reads a row back into a record; only the removed blocks' texts are lost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, timezone
from types import MappingProxyType
from typing import Any

from newsparse.batch.records import INTERNAL_ERROR, Failure, Parsed, Record
from newsparse.model import Article, Byline, RelatedLink, Removal, VoteCount
from newsparse.normalize import word_count

__all__ = ["COLUMNS", "arrow_schema", "flat_article", "flat_record", "record_from_row"]

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
# Column name -> the kind of value it holds (for Parquet's and Dask's schemas).
COLUMNS = MappingProxyType(
    {
        "source": "str",
        "origin": "str",
        "error": "str",
        "message": "str",
        "headline": "str",
        "description": "str",
        "body": "str",
        "paragraphs": "list",
        "words": "int",
        "votes": "int",
        "votes_raw": "str",
        "votes_label": "str",
        "authors": "list",
        "author_bio": "str",
        "author_url": "str",
        "related_titles": "list",
        "related_urls": "list",
        "published": "timestamp",
        "published_offset": "int",
        "language": "str",
        "url": "str",
        "site_name": "str",
        "removed": "int",
        "removed_rules": "list",
    }
)


def flat_record(record: Record) -> dict[str, Any]:
    """A record as a row of ``COLUMNS``. An article no row can hold (a date past year 9999 once
    in UTC, built by hand) gives an ``InternalError`` row: one record must not stop a table."""
    if isinstance(record, Failure):
        return _failure_row(record)
    try:
        return flat_article(record.article, source=record.source, origin=record.origin)
    except (ValueError, OverflowError) as exc:
        why = f"no table row holds this article: {type(exc).__name__}: {exc}"
        return _failure_row(Failure(record.source, INTERNAL_ERROR, why, record.origin))


def _failure_row(record: Failure) -> dict[str, Any]:
    # Fresh lists for every row: a list shared by all failed rows would change in all at once.
    empty: dict[str, Any] = {name: ([] if kind == "list" else None) for name, kind in COLUMNS.items()}
    return {**empty, "source": record.source, "origin": record.origin, "error": record.error, "message": record.message}


def flat_article(article: Article, *, source: str | None = None, origin: str | None = None) -> dict[str, Any]:
    """An article as a row of ``COLUMNS``.

    >>> from newsparse import Article, VoteCount
    >>> votes = VoteCount(5500, "5.5k Points", "points")
    >>> row = flat_article(Article(headline="Hi", paragraphs=("One two.",), votes=votes))
    >>> row["headline"], row["words"], row["votes"], row["votes_raw"], row["authors"]
    ('Hi', 2, 5500, '5.5k Points', [])
    """
    votes, byline = article.votes, article.byline
    body = article.body
    return {
        "source": source,
        "origin": origin,
        "error": None,
        "message": None,
        "headline": article.headline,
        "description": article.description,
        "body": body or None,
        "paragraphs": list(article.paragraphs),
        "words": word_count(body),
        "votes": _int64(votes.count) if votes else None,
        "votes_raw": votes.raw if votes else None,
        "votes_label": votes.label if votes else None,
        "authors": list(byline.authors) if byline else [],
        "author_bio": byline.bio if byline else None,
        "author_url": byline.url if byline else None,
        "related_titles": [r.title for r in article.related],
        "related_urls": [r.url for r in article.related],
        "published": utc_instant(article.published),
        "published_offset": offset_minutes(article.published),
        "language": article.language,
        "url": article.url,
        "site_name": article.site_name,
        "removed": len(article.removed),
        "removed_rules": [r.rule for r in article.removed],
    }


def _int64(count: int) -> int | None:
    """The count, where the int64 column holds it: parsing bounds counts far below, but an
    Article built by hand or read from an older output may hold any int, and one cell must
    not cost every row of a Parquet row group or a DataFrame."""
    return count if INT64_MIN <= count <= INT64_MAX else None


def utc_instant(value: datetime | date | None) -> datetime | None:
    """The moment as an aware UTC datetime, to the second: one type for every row.

    >>> utc_instant(date(2024, 3, 5)), utc_instant(datetime.fromisoformat("2024-03-05T14:30:15.5+01:00"))
    (datetime.datetime(2024, 3, 5, 0, 0, tzinfo=datetime.timezone.utc), \
datetime.datetime(2024, 3, 5, 13, 30, 15, tzinfo=datetime.timezone.utc))
    """
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.combine(value, time())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0)


def offset_minutes(value: datetime | date | None) -> int | None:
    """The page's offset from UTC in minutes, where it gave a zone."""
    offset = value.utcoffset() if isinstance(value, datetime) else None
    return None if offset is None else int(offset.total_seconds() // 60)


def published_from(instant: datetime | None, offset: int | None) -> datetime | date | None:
    """The inverse of ``utc_instant`` and ``offset_minutes``: the page's own moment. A time at
    midnight without a zone comes back as the day alone (the table cannot tell them apart).

    >>> published_from(datetime(2024, 3, 5, 13, 30, tzinfo=timezone.utc), 60).isoformat()
    '2024-03-05T14:30:00+01:00'
    >>> published_from(datetime(2024, 3, 5, tzinfo=timezone.utc), None)
    datetime.date(2024, 3, 5)
    """
    if instant is None:
        return None
    if offset is not None:
        return instant.astimezone(timezone(timedelta(minutes=offset)))
    naive = instant.astimezone(timezone.utc).replace(tzinfo=None)
    return naive.date() if naive.time() == time() else naive


def record_from_row(row: Mapping[str, Any]) -> Record:
    """A row of ``COLUMNS`` (as CSV or Parquet give it back, empty cells as None) as a record."""
    source, origin = str(row["source"]), row.get("origin") or None
    if row.get("error"):
        return Failure(source, str(row["error"]), str(row.get("message") or ""), origin)
    return Parsed(source, _article_from_row(row), origin)


def _article_from_row(row: Mapping[str, Any]) -> Article:
    count, authors = row.get("votes"), list(row.get("authors") or ())
    titles, urls = list(row.get("related_titles") or ()), list(row.get("related_urls") or ())
    votes = VoteCount(int(count), str(row["votes_raw"]), str(row["votes_label"])) if count is not None else None
    has_byline = authors or row.get("author_bio") or row.get("author_url")
    return Article(
        headline=row.get("headline"),
        description=row.get("description"),
        paragraphs=tuple(row.get("paragraphs") or ()),
        votes=votes,
        byline=Byline(tuple(authors), row.get("author_bio"), row.get("author_url")) if has_byline else None,
        related=tuple(RelatedLink(title, url) for title, url in zip(titles, urls, strict=True)),
        published=published_from(row.get("published"), row.get("published_offset")),
        language=row.get("language"),
        url=row.get("url"),
        site_name=row.get("site_name"),
        removed=tuple(Removal(text="", rule=rule, detail="") for rule in row.get("removed_rules") or ()),
    )


def arrow_schema() -> Any:
    """The Parquet schema of ``COLUMNS`` (pyarrow is imported only here)."""
    import pyarrow as pa

    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "list": pa.list_(pa.string()),
        "timestamp": pa.timestamp("us", tz="UTC"),
    }
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS.items()])


_SURROGATES = re.compile(r"[\ud800-\udfff]")


def as_utf8(text: str) -> str:
    """``text`` as UTF-8 can write it: lone surrogates become U+FFFD.

    >>> as_utf8("caf\\udce9.html")
    'caf\ufffd.html'
    """
    return _SURROGATES.sub("\ufffd", text)


def utf8_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row whose strings Arrow can hold (Parquet, and pandas' and Dask's string columns are
    Arrow's UTF-8): a lone surrogate, from a JSON escape or a file name that is no UTF-8, would
    fail the whole table."""
    return {name: _utf8_cell(value) for name, value in row.items()}


def _utf8_cell(value: Any) -> Any:
    if isinstance(value, str):
        return as_utf8(value)
    if isinstance(value, list):
        return [as_utf8(item) if isinstance(item, str) else item for item in value]
    return value
