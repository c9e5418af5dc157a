"""to_dataframe: one row per article or record, nested fields spread over typed columns."""

from __future__ import annotations

from datetime import date

import pandas as pd

import newsparse
from conftest import FIXTURES, SEED
from newsparse.batch.table import COLUMNS


def test_one_row_per_record_with_flat_typed_columns() -> None:
    records = list(newsparse.parse_many([FIXTURES, b"\x00\x00binary"], workers=0))
    frame = newsparse.to_dataframe(records)
    assert len(frame) == len(records)
    assert list(frame.columns) == list(COLUMNS)
    assert str(frame["votes"].dtype) == "Int64"
    assert str(frame["published"].dtype).startswith("datetime64")
    failed = frame[frame["error"].notna()]
    assert failed["error"].tolist() == ["DecodeError"]
    assert failed["headline"].isna().all()


def test_seed_row_spreads_votes_byline_and_related() -> None:
    article = newsparse.parse(SEED / "input.txt")
    row = newsparse.to_dataframe([article]).iloc[0]
    assert row["votes"] == 5500
    assert row["votes_raw"] == "5.5k Points"
    assert row["authors"] == ["Anonymous"]
    assert article.byline is not None
    assert row["author_bio"] == article.byline.bio
    assert row["related_titles"] == [r.title for r in article.related]
    assert row["paragraphs"] == list(article.paragraphs)
    assert row["words"] == len(article.body.split())
    assert row["removed"] == len(article.removed)
    assert pd.isna(row["error"])


def test_published_dates_become_utc_timestamps() -> None:
    zoned = newsparse.parse_html(FIXTURES / "html-newspaper-jsonld-graph" / "input.html")
    assert zoned.published is not None
    assert zoned.published.isoformat() == "2024-07-18T06:00:00+01:00"
    day_only = newsparse.Article(headline="A day", published=date(2024, 3, 5))
    stamps = newsparse.to_dataframe([zoned, day_only])["published"].tolist()
    assert stamps == [pd.Timestamp("2024-07-18 05:00", tz="UTC"), pd.Timestamp("2024-03-05 00:00", tz="UTC")]
