"""The HTML door: one lxml tree per page, shared by the metadata reader, trafilatura and
every field extractor (trafilatura works on its own copy)."""

from __future__ import annotations

import re

from lxml import etree, html

from newsparse.errors import EmptyInputError
from newsparse.page import Hints, Page
from newsparse.sources.landmarks import boxed_texts, find_landmarks, standfirst_texts
from newsparse.sources.main_content import main_blocks
from newsparse.sources.metadata import read_meta

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# No network access: a page is data, never instructions to fetch more (libxml2's HTML parser
# expands no external entities in any mode).
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
# Every element an HtmlElement, chosen in C. lxml.html's own lookup calls Python for each
# element object created (by us and by trafilatura): 6.5% of parse and extraction time on the
# benchmark. Only the form-field subclasses go, which nothing here uses.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity
    )
)


def parse_tree(text: str) -> html.HtmlElement:
    """Parse once. lxml refuses a str that still declares its byte encoding, so that goes."""
    markup = _XML_DECLARATION.sub("", text, count=1)
    try:
        return html.document_fromstring(markup if markup.strip() else "<html></html>", parser=_PARSER)
    except etree.ParserError as exc:  # "<!DOCTYPE html>" alone, or nothing but comments
        raise EmptyInputError(f"the page holds no element: {exc}") from exc


def html_page(text: str, *, url: str | None = None) -> Page:
    tree = parse_tree(text)
    _unwrap_text_forms(tree)
    meta = read_meta(tree, url)
    blocks = main_blocks(tree, url=meta.url, article_body=meta.body)
    landmarks = find_landmarks(tree)
    boxed = boxed_texts(landmarks, tree, (b.text for b in blocks))
    hints = Hints(boxed, standfirst_texts(landmarks), meta.descriptions)
    return Page(blocks, meta, kind="html", tree=tree, landmarks=landmarks, hints=hints)


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
