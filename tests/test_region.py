"""The article's stretch in a dump: what a list or a code listing inside the text costs it."""

from __future__ import annotations

from newsparse.page import Block
from newsparse.region import Region, main_region

PROSE = (
    "The committee met on Tuesday evening and agreed, after a long debate about the budget, "
    "to keep the library open on Sundays for at least another year."
)


def _region(lines: list[str]) -> Region:
    blocks = [Block(line) for line in lines]
    return main_region(blocks, [True] * len(blocks), [False] * len(blocks))


def test_a_list_after_a_colon_does_not_end_the_stretch() -> None:
    items = ["Fresh basil leaves", "Two ripe tomatoes", "Olive oil, cold pressed", "Sea salt and pepper"] * 3
    lines = ["Home", "News", PROSE, "For the sauce you will need the following:", *items, PROSE, PROSE]
    assert _region(lines) == Region(2, len(lines))


def test_a_labels_list_costs_what_menu_entries_do() -> None:
    """Under "Related topics:" the items are a widget's links, not the text's."""
    items = ["Local news today", "City hall budget", "Public libraries open", "Sunday hours"] * 4
    lines = [PROSE, "Related topics:", *items, PROSE, PROSE, PROSE]
    assert _region(lines).start > len(items)


def test_a_code_listing_does_not_end_the_stretch() -> None:
    code = ["import time", "def wait(seconds):", "time.sleep(seconds)", "return seconds", "x = wait(2)"] * 4
    lines = ["Home", "Docs", PROSE, "The helper below does the waiting.", *code, PROSE, PROSE]
    assert _region(lines) == Region(2, len(lines))


def test_menu_entries_still_end_it() -> None:
    menu = ["Sport", "Weather", "Travel", "Culture", "Business", "Science", "Opinion", "Video"] * 2
    lines = [PROSE, *menu, PROSE, PROSE, PROSE]
    assert _region(lines).start > len(menu)
