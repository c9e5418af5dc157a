"""Records as flat rows: one row per input, nested fields spread over plain columns.

The same columns serve CSV, Parquet, ``to_dataframe`` and the Dask DataFrame:

* ``votes`` (the count), ``votes_raw``, ``votes_label``;
* ``authors`` (a list), ``author_bio``, ``author_url``;
* ``related_titles`` and ``related_urls`` (lists of the same length);
* ``paragraphs`` (a list) next to ``body`` (joined by blank lines) and ``words``;
* ``published`` as the ISO 8601 text of ``Article.to_dict()`` (a date stays a date);
* ``removed``: how many blocks the filters dropped;
* ``error`` and ``message`` for inputs that gave no article (every article column empty).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from newsparse.batch.records import Failure, Record
from newsparse.model import Article
from newsparse.normalize import word_count

__all__ = ["COLUMNS", "arrow_schema", "flat_article", "flat_record"]

# Column name -> the kind of value it holds (for Parquet's and Dask's schemas).
COLUMNS = MappingProxyType(
    {
        "source": "str",
        "error": "str",
        "message": "str",
        "headline": "str",
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
        "published": "str",
        "language": "str",
        "url": "str",
        "site_name": "str",
        "removed": "int",
    }
)


def flat_record(record: Record) -> dict[str, Any]:
    """A record as a row of ``COLUMNS``."""
    if isinstance(record, Failure):
        # Fresh lists for every row: a list shared by all failed rows would change in all at once.
        empty: dict[str, Any] = {name: ([] if kind == "list" else None) for name, kind in COLUMNS.items()}
        return {**empty, "source": record.source, "error": record.error, "message": record.message}
    return flat_article(record.article, source=record.source)


def flat_article(article: Article, *, source: str | None = None) -> dict[str, Any]:
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
        "error": None,
        "message": None,
        "headline": article.headline,
        "body": body or None,
        "paragraphs": list(article.paragraphs),
        "words": word_count(body),
        "votes": votes.count if votes else None,
        "votes_raw": votes.raw if votes else None,
        "votes_label": votes.label if votes else None,
        "authors": list(byline.authors) if byline else [],
        "author_bio": byline.bio if byline else None,
        "author_url": byline.url if byline else None,
        "related_titles": [r.title for r in article.related],
        "related_urls": [r.url for r in article.related],
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "url": article.url,
        "site_name": article.site_name,
        "removed": len(article.removed),
    }


def arrow_schema(*, timestamps: bool = False) -> Any:
    """The Parquet schema of ``COLUMNS`` (pyarrow is imported only here); with ``timestamps``,
    ``published`` as the UTC timestamp a DataFrame holds instead of ISO text."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "list": pa.list_(pa.string())}
    fields = [(name, types[kind]) for name, kind in COLUMNS.items()]
    if timestamps:
        fields = [(n, pa.timestamp("us", tz="UTC") if n == "published" else t) for n, t in fields]
    return pa.schema(fields)
