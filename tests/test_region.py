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


def test_an_interpreter_session_does_not_end_the_stretch() -> None:
    """Prompts (">>> ", "... ") mark code, and a bare prompt or a repeated line of code, which
    noise rules take, costs nothing either."""
    session = [">>> total = 0", ">>> for n in range(3):", "...     total += n", "...", ">>> print(total)", "3"] * 3
    blocks = [Block(line) for line in ["Home", "Docs", PROSE, *session, PROSE, PROSE]]
    noise = {"...", ">>> print(total)"}  # a bare prompt is symbols alone; a line printed again a duplicate
    content = [block.text not in noise for block in blocks]
    assert main_region(blocks, content, [False] * len(blocks)) == Region(2, len(blocks))


def test_a_programs_printed_numbers_are_a_list_after_a_colon() -> None:
    """A sentence ending in a colon over "0", "2", "4": a program's output, one number a line."""
    output = ["You might expect the following output:", "0", "2", "4", "6", "8"]
    output += ["But what you actually get is this:", "8", "8", "8", "8", "8"]
    lines = ["Home", "Docs", PROSE, PROSE, *output, *output, "Surprise!", PROSE, PROSE]
    assert _region(lines) == Region(2, len(lines))


def test_menu_entries_still_end_it() -> None:
    menu = ["Sport", "Weather", "Travel", "Culture", "Business", "Science", "Opinion", "Video"] * 2
    lines = [PROSE, *menu, PROSE, PROSE, PROSE]
    assert _region(lines).start > len(menu)


def _thread_page(comments: int) -> tuple[list[Block], int]:
    """A post of two paragraphs, a "Comments" wall, then commenters' names and comments."""
    lines = ["Home", "Forum", PROSE, PROSE, "Comments"]
    for i in range(comments):
        lines += [f"reader{i}", PROSE]
    return [Block(line) for line in lines], 4


def test_a_thread_longer_than_the_post_above_it_is_not_the_article() -> None:
    blocks, wall = _thread_page(comments=8)
    walls = [i == wall for i in range(len(blocks))]
    assert main_region(blocks, [True] * len(blocks), walls).start > wall  # the longest stretch wins
    assert main_region(blocks, [True] * len(blocks), walls, thread=wall) == Region(2, 4)


def test_a_post_too_short_beside_its_thread_does_not_hold_it() -> None:
    """Above a thread twenty times its length, a post's text may be a header's or a teaser's:
    below a small share of the largest stretch, the stretch above the wall is not taken."""
    blocks, wall = _thread_page(comments=60)
    walls = [i == wall for i in range(len(blocks))]
    assert main_region(blocks, [True] * len(blocks), walls, thread=wall).start > wall
