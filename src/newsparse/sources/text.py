"""The plain-text door: a page's visible text, as scrapers that save innerText produce it."""

from __future__ import annotations

from newsparse.normalize import clean_line
from newsparse.page import Block, Meta, Page


def text_page(text: str, *, url: str | None = None) -> Page:
    """Split a text dump into one block per non-empty line, keeping its indentation.

    >>> page = text_page("Title\\n\\n\\nFirst line\\n    Teaser\\n")
    >>> [(b.text, b.indent) for b in page.blocks]
    [('Title', 0), ('First line', 0), ('Teaser', 4)]
    """
    blocks: list[Block] = []
    for raw in text.splitlines():
        line = clean_line(raw)
        if line:
            indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
            blocks.append(Block(line, indent=indent))
    return Page(tuple(blocks), Meta(url=url), kind="text")
