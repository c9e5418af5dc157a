"""The block model both front doors produce and every later stage reads.

A ``Page`` is the page's text as an ordered tuple of ``Block``s (a line of a text dump,
or a block-level element of an HTML page) plus the ``Meta`` the source declared about
itself. Nothing here is mutated after construction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from lxml.html import HtmlElement

from newsparse.model import Removal
from newsparse.normalize import word_count
from newsparse.sources.landmarks import Landmarks


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of visible text, in reading order."""

    text: str
    indent: int = 0  # leading spaces in a text dump: teaser lists are often indented
    tag: str | None = None  # the element name for HTML blocks
    href: str | None = None  # the link target when the whole block is one link
    words: int = field(init=False, repr=False, compare=False)  # counted once: every stage asks

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", word_count(self.text))


@dataclass(frozen=True, slots=True)
class Person:
    """An author as a metadata source names them."""

    name: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Meta:
    """What the page says about itself outside its visible text; candidates best first."""

    titles: tuple[str, ...] = ()
    page_title: str | None = None  # the <title> as written, site name and all
    languages: tuple[str, ...] = ()  # declared language tags, as written
    url: str | None = None
    base_url: str | None = None  # what relative links resolve against: <base href>, else the URL
    site_name: str | None = None
    published: datetime | date | None = None
    published_stated: bool = False  # declared as the publication's (datePublished …), not a bare date
    authors: tuple[tuple[Person, ...], ...] = ()  # one tuple of people per source that names any
    body: str | None = None  # JSON-LD articleBody
    descriptions: tuple[str, ...] = ()  # meta description, og:description, JSON-LD description
    description: str | None = None  # the page's own summary, as the Article gives it
    interactions: tuple[tuple[str, int], ...] = ()  # schema.org (action type, count)


@dataclass(frozen=True, slots=True)
class Hints:
    """What an HTML page's markup says about blocks that their text alone cannot."""

    boxed: Mapping[str, str] = field(default_factory=dict)  # text in boilerplate boxes -> the box's class
    standfirsts: frozenset[str] = frozenset()  # texts of elements named as subtitle or standfirst
    descriptions: tuple[str, ...] = ()  # the page's declared summaries (meta description ...)


@dataclass(frozen=True, slots=True)
class Page:
    """A page as blocks plus metadata: the single input of filters and field extractors."""

    blocks: tuple[Block, ...]
    meta: Meta = Meta()
    kind: str = "text"  # "text" or "html": which door built it
    tree: HtmlElement | None = None  # the one parsed tree of an HTML page, read-only for every field
    landmarks: Landmarks | None = None  # its bylines, author boxes, widgets and lists, found in one pass
    hints: Hints = Hints()
    repairs: tuple[Removal, ...] = ()  # what was changed so that the whole page could be read
    oversized: bool = False  # more elements than trafilatura and htmldate read in good time
