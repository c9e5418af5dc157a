"""Typed views of XPath results: lxml returns a union of every possible kind of value."""

from __future__ import annotations

from lxml import etree, html


def elements(query: etree.XPath, node: etree._Element) -> list[html.HtmlElement]:
    result = query(node)
    return [r for r in result if isinstance(r, html.HtmlElement)] if isinstance(result, list) else []


def strings(query: etree.XPath, node: etree._Element) -> list[str]:
    result = query(node)
    return [str(r) for r in result if isinstance(r, str)] if isinstance(result, list) else []


def attribute_owners(query: etree.XPath, node: etree._Element) -> list[tuple[str, html.HtmlElement]]:
    """(value, element) for an XPath that selects attributes, such as ``//@class``."""
    result = query(node)
    found = []
    for value in result if isinstance(result, list) else []:
        if isinstance(value, etree._ElementUnicodeResult):
            owner = value.getparent()
            if isinstance(owner, html.HtmlElement):
                found.append((str(value), owner))
    return found
