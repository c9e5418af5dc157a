"""to_dataframe: one row per article or record, nested fields spread over typed columns."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pandas as pd

import newsparse
from conftest import FIXTURES, PROSE, SEED
from newsparse import VoteCount
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


# Vote counts no page shows: past int64, through the text door and as a schema.org counter.
HUGE_VOTE_LINE = "A headline of the day\n\n9999999999999999999999k Points\n\n" + PROSE["en"]
HUGE_COUNTER = (
    '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Counted likes",'
    ' "interactionStatistic": {"@type": "InteractionCounter", "interactionType": "https://schema.org/LikeAction",'
    f' "userInteractionCount": "{"9" * 4300}"}}}}</script></head><body><h1>Counted likes</h1><p>{PROSE["en"]}</p>'
    "</body></html>"
)


def test_vote_counts_no_page_shows_are_no_votes() -> None:
    for article in (newsparse.parse_text(HUGE_VOTE_LINE), newsparse.parse_html(HUGE_COUNTER)):
        assert article.votes is None
    assert newsparse.parse_text(HUGE_VOTE_LINE.replace("9999999999999999999999k", "12.5k")).votes is not None


def test_a_count_past_int64_leaves_its_cell_empty_and_the_other_rows_whole() -> None:
    huge = newsparse.Article(headline="Set by hand", votes=VoteCount(10**30, "a lot", "likes"))
    small = newsparse.Article(headline="Small", votes=VoteCount(7, "7 likes", "likes"))
    frame = newsparse.to_dataframe([small, huge, small])
    assert frame["votes"].tolist() == [7, pd.NA, 7]
    assert frame["votes_raw"].tolist() == ["7 likes", "a lot", "7 likes"]


def test_a_lone_surrogate_becomes_a_replacement_not_an_error(tmp_path: Path) -> None:
    # A file name that is no UTF-8 reaches `source` as a surrogate escape; pandas 3 keeps
    # strings in Arrow's UTF-8, which refused the whole frame.
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(f"A headline of the day\n\n{PROSE['en']}")
    frame = newsparse.to_dataframe(newsparse.parse_many([tmp_path], workers=0))
    assert frame["source"].tolist() == [str(tmp_path / "caf\ufffd.txt")]
    assert frame["headline"].tolist() == ["A headline of the day"]
