"""Where a dump's comment thread begins: the head that bounds the search for the article."""

from __future__ import annotations

from newsparse.layout import _opens_thread, mark_block
from newsparse.rules import rules_for
from newsparse.sources.text import text_page

PARAGRAPH = (
    "The council agreed on Monday evening to keep the swimming pool open through the winter, "
    "after more than two thousand residents signed a petition against closing it."
)
COMMENT = (
    "I swim there every morning before work, and I would have had to drive half an hour to the "
    "next pool, so this is very good news for the whole neighbourhood."
)


def _wall_opens_thread(lines: list[str], wall: str) -> bool:
    blocks = text_page("\n".join(lines)).blocks
    rules = rules_for("en")
    marks = tuple(mark_block(block, rules) for block in blocks)
    index = next(i for i, block in enumerate(blocks) if block.text == wall)
    assert marks[index].closes_article
    return _opens_thread(blocks, marks, index)


def test_a_commenters_date_under_the_heading_opens_the_thread() -> None:
    """The first comment runs on in paragraphs, as an article would: its date shows a comment."""
    lines = [PARAGRAPH, PARAGRAPH, "Leave a Reply", "June 3, 2023 at 8:15 am", COMMENT, COMMENT, COMMENT]
    assert _wall_opens_thread(lines, "Leave a Reply")


def test_a_comments_link_in_the_header_bar_does_not() -> None:
    """Under the headline's share bar the article goes on in paragraphs, and no date follows."""
    lines = [PARAGRAPH, "Share", "Leave a Reply", "Print", PARAGRAPH, PARAGRAPH, PARAGRAPH]
    assert not _wall_opens_thread(lines, "Leave a Reply")


def test_a_reference_list_over_the_heading_does_not_hide_the_thread() -> None:
    """An article may close on a reference list and a widget's buttons: no paragraph stands
    within reach of the comments' heading, but the references' sentences do."""
    references = [
        "Miller, Ruth: Public Baths in Small Towns. Leeds 2018.",
        "Okafor, Daniel: Water and the City. In: Urban Studies 9, 2020.",
        "Borough Council: Leisure Budget 2022. Report 14.",
        "Hughes, Kate: Keeping the Pools Open. Bristol 2021.",
        "Ng, Peter: Swimming for Health. Oxford 2019.",
    ]
    buttons = ["Rating: 4.2 of 5", "Print", "Save"]
    lines = [PARAGRAPH, PARAGRAPH, "References", *references, *buttons, "Comments", "Late night swim"]
    lines += ["June 3, 2023 at 8:15 pm", COMMENT, COMMENT]
    assert _wall_opens_thread(lines, "Comments")


def test_a_sentence_far_above_the_heading_does_not() -> None:
    """Out of reach, a sentence says nothing about the heading: the header's link stays one."""
    lines = ["A short note on the pools.", *[f"Menu entry {n}" for n in range(12)], "Comments"]
    lines += ["June 3, 2023 at 8:15 am", PARAGRAPH, PARAGRAPH, PARAGRAPH]
    assert not _wall_opens_thread(lines, "Comments")
