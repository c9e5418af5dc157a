"""The HTML door: one lxml tree per page, read into blocks and page metadata.

This first version keeps the page's block-level text outside the chrome elements
(nav, header, footer, aside, form) and reads the metadata every CMS emits (<title>,
OpenGraph, <html lang>, canonical link). Main-content scoring and JSON-LD come with the
HTML-door work; the block model it feeds stays the same.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import html

from newsparse.normalize import clean_line
from newsparse.page import Block, Meta, Page

# The page chrome and the parts of a page that never hold article text.
_SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "iframe",
        "object",
    ]
)
_BLOCKS = frozenset(
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dt", "dd", "td", "th"]
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


def parse_tree(text: str) -> html.HtmlElement:
    """Parse once, without network access or entity expansion."""
    # lxml refuses a str that still declares its byte encoding.
    return html.document_fromstring(_XML_DECLARATION.sub("", text, count=1) or "<html/>", parser=_PARSER)


def html_page(text: str, *, url: str | None = None) -> Page:
    tree = parse_tree(text)
    meta = _meta(tree, url)
    return Page(tuple(_blocks(tree, meta.url)), meta, kind="html")


def _blocks(tree: html.HtmlElement, base: str | None) -> list[Block]:
    blocks: list[Block] = []
    for element in tree.iter(*_BLOCKS):
        if not isinstance(element.tag, str) or _inside_skipped(element) or _has_block_child(element):
            continue
        text = clean_line(element.text_content())
        if text:
            blocks.append(Block(text, tag=element.tag, href=_sole_link(element, base)))
    return blocks


def _inside_skipped(element: html.HtmlElement) -> bool:
    return any(isinstance(a.tag, str) and a.tag in _SKIPPED for a in element.iterancestors())


def _has_block_child(element: html.HtmlElement) -> bool:
    return any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in element.iterdescendants())


def _sole_link(element: html.HtmlElement, base: str | None) -> str | None:
    links = element.findall(".//a[@href]")
    if len(links) != 1 or clean_line(links[0].text_content()) != clean_line(element.text_content()):
        return None
    href = str(links[0].get("href", "")).strip()
    absolute = urljoin(base or "", href)
    return absolute if absolute.startswith(("http://", "https://")) else None


def _meta(tree: html.HtmlElement, url: str | None) -> Meta:
    canonical = _first(tree, "//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content")
    return Meta(
        title=_first(tree, "//meta[@property='og:title']/@content", "//title/text()"),
        language=_first(tree, "/html/@lang", "//meta[@property='og:locale']/@content"),
        url=urljoin(url or "", canonical) if canonical else url,
        site_name=_first(tree, "//meta[@property='og:site_name']/@content"),
    )


def _first(tree: html.HtmlElement, *paths: str) -> str | None:
    for path in paths:
        for value in tree.xpath(path):
            text = clean_line(str(value))
            if text:
                return text
    return None
