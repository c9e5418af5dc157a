"""Votes in dumps: a bare count standing between a comment count and a share bar is the post's
likes (the heart icon beside it is lost when the page is flattened). Without both neighbours a
bare number is no score: a page number, a ranking, a share total. Two counts side by side
beside a share bar are a like widget's likes and dislikes. Dumps in English and German."""

from __future__ import annotations

import pytest

import newsparse
from conftest import FIXTURES

BARS = {
    "text-en-engagement-bar-likes": ("3 comments\n27\nFacebookTwitterPinterestEmail", 27),
    "text-de-kommentare-herz-teilen": ("2 Kommentare\n5\nFacebook Twitter Pinterest", 5),
}


def dump(name: str) -> str:
    return (FIXTURES / name / "input.txt").read_text("utf-8")


@pytest.mark.parametrize("name", BARS)
def test_count_between_comments_and_share_bar_is_likes(name: str) -> None:
    bar, likes = BARS[name]
    assert bar in dump(name)
    votes = newsparse.parse_text(dump(name)).votes
    assert votes is not None
    assert (votes.count, votes.label) == (likes, "likes")


@pytest.mark.parametrize("name", BARS)
@pytest.mark.parametrize("keep", [(0, 1), (1, 2)], ids=["no share bar", "no comment count"])
def test_count_beside_one_widget_only_is_no_score(name: str, keep: tuple[int, int]) -> None:
    bar, _ = BARS[name]
    lines = bar.split("\n")
    assert newsparse.parse_text(dump(name).replace(bar, "\n".join(lines[keep[0] : keep[1] + 1]))).votes is None


@pytest.mark.parametrize("name", BARS)
def test_the_bars_order_does_not_matter(name: str) -> None:
    bar, likes = BARS[name]
    votes = newsparse.parse_text(dump(name).replace(bar, "\n".join(reversed(bar.split("\n"))))).votes
    assert votes is not None
    assert votes.count == likes


@pytest.mark.parametrize("name", BARS)
def test_two_counts_beside_a_share_bar_are_likes_and_dislikes(name: str) -> None:
    """A like widget with its dislike count ("♥ 27 ♡ 4") flattens to "27 4": the likes come first."""
    bar, likes = BARS[name]
    share = bar.split("\n")[2]
    for order in ((share, f"{likes} 4"), (f"{likes} 4", share)):
        votes = newsparse.parse_text(dump(name).replace(bar, "\n".join(order))).votes
        assert votes is not None
        assert (votes.count, votes.raw) == (likes, str(likes))


@pytest.mark.parametrize("name", BARS)
@pytest.mark.parametrize("pair", ["3 4", "27 4 9"], ids=["page numbers", "three counts"])
def test_page_numbers_or_three_counts_beside_a_share_bar_are_no_score(name: str, pair: str) -> None:
    bar, _ = BARS[name]
    share = bar.split("\n")[2]
    assert newsparse.parse_text(dump(name).replace(bar, f"{share}\n{pair}")).votes is None


@pytest.mark.parametrize("name", BARS)
def test_two_counts_without_a_share_bar_are_no_score(name: str) -> None:
    bar, likes = BARS[name]
    assert newsparse.parse_text(dump(name).replace(bar, f"{likes} 4")).votes is None
