"""The plain-text door: a page's visible text, as scrapers that save innerText produce it."""

from __future__ import annotations

from newsparse.normalize import clean_line
from newsparse.page import Block, Meta, Page


def text_page(text: str, *, url: str | None = None) -> Page:
    """Split a text dump into one block per non-empty line, keeping indentation and gaps.

    >>> page = text_page("Title\\n\\n\\nFirst line\\n    Teaser\\n")
    >>> [(b.text, b.indent, b.gap_before) for b in page.blocks]
    [('Title', 0, 0), ('First line', 0, 2), ('Teaser', 4, 0)]
    """
    blocks: list[Block] = []
    gap = 0
    for raw in text.splitlines():
        line = clean_line(raw)
        if not line:
            gap += 1
            continue
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
        blocks.append(Block(line, indent=indent, gap_before=gap))
        gap = 0
    return Page(tuple(blocks), Meta(url=url), kind="text")
