"""Typed views of XPath results: lxml returns a union of every possible kind of value."""

from __future__ import annotations

from typing import cast

from lxml import etree, html


def elements(query: etree.XPath, node: etree._Element) -> list[html.HtmlElement]:
    result = query(node)
    return [r for r in result if isinstance(r, html.HtmlElement)] if isinstance(result, list) else []


def strings(query: etree.XPath, node: etree._Element) -> list[str]:
    """The results of a query that selects only text or attribute values."""
    return cast(list[str], query(node))
