"""The HTML door: one lxml tree per page, shared by the metadata reader, trafilatura and
every field extractor (trafilatura works on its own copy)."""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree, html

from newsparse.errors import EmptyInputError
from newsparse.load import without_surrogates
from newsparse.model import Removal
from newsparse.page import Hints, Page
from newsparse.sources.landmarks import boxed_texts, find_landmarks, standfirst_texts
from newsparse.sources.limits import (
    MAX_DEPTH,
    MAX_ELEMENTS,
    cap_depth,
    drop_empty,
    flatten_lists,
    may_nest_lists_too_deep,
    nests_too_deep,
    strip_formatting,
    too_many_tags,
)
from newsparse.sources.main_content import MAX_BLOCKS, main_blocks
from newsparse.sources.metadata import read_meta

# XML declarations at the start, which lxml refuses in a str: one that never closes ("<?xml
# version="1.0" encoding="utf-8" and the <html> tag) ends where the next tag starts.
_XML_DECLARATION = re.compile(r"^(?:\s*<\?xml[^<>]*>?)+")
_RESOURCE_LIMIT = etree.ErrorTypes.ERR_RESOURCE_LIMIT
_INVALID_ENCODING = etree.ErrorTypes.ERR_INVALID_ENCODING
_NO_MEMORY = etree.ErrorTypes.ERR_NO_MEMORY
_FATAL = etree.ErrorLevels.FATAL
_DEPTH_LIMIT, _INVALID_CHARACTER = "depth limit", "invalid character"  # why a parse stopped
_LOOKUP = etree.ElementDefaultClassLookup(
    element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity
)


def _parser() -> etree.HTMLParser:
    """A parser for one page: its error log is then this page's (a parser costs under 1 us).

    No network access: a page is data, never instructions to fetch more (libxml2's HTML parser
    expands no external entities in any mode). ``huge_tree`` lifts libxml2's 10 MB limit on one
    text or attribute and its depth limit from 256 to 2048, past which it would silently drop
    the rest of the page; memory still follows the input's size, as the HTML parser has no
    entities to expand. Every element is an HtmlElement, chosen in C: lxml.html's own lookup
    calls Python for each element object created (6.5% of parse and extraction time on the
    benchmark); only the form-field subclasses go, which nothing here uses."""
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True, collect_ids=False)
    parser.set_element_class_lookup(_LOOKUP)
    return parser


class ParsedPage(NamedTuple):
    tree: html.HtmlElement
    repairs: tuple[Removal, ...]  # what was changed so that the whole page could be read
    oversized: bool  # still more than MAX_ELEMENTS elements once thinned out


def parse_page_tree(text: str) -> ParsedPage:
    """The tree, read whole and in linear time (see ``limits``): nesting past libxml2's limit
    is flattened, lists nested past trafilatura's reach become blocks, and a page of more
    elements than any article needs is thinned out. lxml refuses a str that still declares its
    byte encoding, so that goes."""
    markup = _XML_DECLARATION.sub("", text, count=1)
    repairs: tuple[Removal, ...] = ()
    crowded = too_many_tags(markup)
    if crowded:
        markup, stripped = strip_formatting(markup)
        repairs += stripped
    tree, stop = _parse(markup)
    if stop == _INVALID_CHARACTER and (clean := without_surrogates(markup)) != markup:
        markup = clean
        tree, stop = _parse(markup)
    if stop == _DEPTH_LIMIT or nests_too_deep(tree):
        flat, moved = cap_depth(markup, MAX_DEPTH)
        tree, _ = _parse(flat)
        detail = f"{moved:,} elements opened beside their parent, not inside: past depth {MAX_DEPTH}"
        repairs += (Removal("", "parser.deep_nesting", detail),)
    if may_nest_lists_too_deep(markup):
        repairs += flatten_lists(tree)
    if not crowded:
        return ParsedPage(tree, repairs, oversized=False)
    dropped, left = drop_empty(tree)
    return ParsedPage(tree, repairs + dropped, oversized=left > MAX_ELEMENTS)


def _parse(markup: str) -> tuple[html.HtmlElement, str | None]:
    """The tree, and why libxml2 stopped reading before the end, if it did."""
    parser = _parser()
    try:
        blank = not markup or markup.isspace()  # stops at the first letter; strip() copies the page
        tree = html.document_fromstring("<html></html>" if blank else markup, parser=parser)
    except etree.ParserError as exc:  # "<!DOCTYPE html>" alone, or nothing but comments
        raise EmptyInputError(f"the page holds no element: {exc}") from exc
    except etree.XMLSyntaxError as exc:  # in recovery mode, only a failed allocation stops libxml2
        if any(e.type == _NO_MEMORY for e in parser.error_log):
            raise MemoryError("libxml2 ran out of memory building the tree") from exc
        raise
    errors = parser.error_log  # a stop is fatal: the parser's last word
    last = errors[-1] if errors else None
    if last is None or last.level != _FATAL:
        return tree, None
    if last.type == _RESOURCE_LIMIT and "depth" in last.message:
        return tree, _DEPTH_LIMIT
    return tree, _INVALID_CHARACTER if last.type == _INVALID_ENCODING else None


_DRAWINGS = ("style", "svg", "template")


def html_page(text: str, *, url: str | None = None) -> Page:
    tree, repairs, oversized = parse_page_tree(text)
    _unwrap_text_forms(tree)
    meta = read_meta(tree, url)
    # Drawings and styles hold no text of the article (icons' <svg>s are a twentieth of a
    # page's elements) and every later walk, trafilatura's three copies included, pays for
    # them; their tails (the text after them) stay in place. Scripts stay: htmldate reads
    # dates in their JSON where the page declares none.
    etree.strip_elements(tree, *_DRAWINGS, with_tail=False)
    blocks = main_blocks(tree, article_body=meta.body, baseline=not oversized)
    if oversized and len(blocks) == MAX_BLOCKS:
        repairs += (Removal("", "parser.too_many_elements", f"the page was read up to its {MAX_BLOCKS:,}th block"),)
    landmarks = find_landmarks(tree)
    boxed = boxed_texts(landmarks, tree, (b.text for b in blocks))
    hints = Hints(boxed, standfirst_texts(landmarks), meta.descriptions)
    return Page(
        blocks, meta, kind="html", tree=tree, landmarks=landmarks, hints=hints, repairs=repairs, oversized=oversized
    )


# A form holding this many words is a post's text, not a search box or a comment form.
MIN_FORM_TEXT_WORDS = 60


def _unwrap_text_forms(tree: html.HtmlElement) -> None:
    """Old Reddit and some forum software keep a post's text inside a <form> (for inline
    editing); main-content extractors drop forms, and the post with them. Such a form
    becomes a <div>: this is our own tree, parsed a moment ago, shared by what follows."""
    for form in tree.iter("form"):
        paragraphs = sum(len(p.text_content().split()) for p in form.iter("p"))
        if paragraphs >= MIN_FORM_TEXT_WORDS:
            form.tag = "div"
