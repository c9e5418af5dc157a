"""The block model both front doors produce and every later stage reads.

A ``Page`` is the page's text as an ordered tuple of ``Block``s (a line of a text dump,
or a block-level element of an HTML page) plus the ``Meta`` the source declared about
itself. Nothing here is mutated after construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of visible text, in reading order."""

    text: str
    indent: int = 0  # leading spaces in a text dump: teaser lists are often indented
    gap_before: int = 0  # blank lines above it in a text dump
    tag: str | None = None  # the element name for HTML blocks
    href: str | None = None  # the link target when the whole block is one link

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Meta:
    """What the page says about itself, outside its visible text."""

    title: str | None = None
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    published: datetime | date | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """A page as blocks plus metadata: the single input of filters and field extractors."""

    blocks: tuple[Block, ...]
    meta: Meta = Meta()
    kind: str = "text"  # "text" or "html": which door built it
