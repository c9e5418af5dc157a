"""The document axes walked in Python (``newsparse.sources.xpath``) select what XPath's own
axes select, in the same order, on any tree the parser builds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from newsparse.sources.html import parse_page_tree
from newsparse.sources.xpath import following, preceding

_TAGS = ["div", "span", "p", "b", "section", "li", "ul", "h1", "a", "em", "table", "td"]
_PIECES = st.one_of(
    st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(["<br>", "<img src=x>", "<hr/>", "<script>'<div>'</script>", "</html><html><body>"]),
    st.text(alphabet="abc xyz", min_size=1, max_size=6),
)
# The last piece leaves libxml2 two top elements, the article in the second (see ``document``).
_MARKUP = st.lists(_PIECES, max_size=80).map(
    lambda pieces: "<html><head><title>t</title></head><body>" + "".join(pieces)
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_MARKUP, st.integers(min_value=1, max_value=12))
def test_axes_walked_in_python_are_xpaths(markup: str, limit: int) -> None:
    tree = parse_page_tree(markup).tree
    after = etree.XPath(f"following::*[position() <= {limit}]")
    before = etree.XPath(f"preceding::*[position() <= {limit}]")
    tops = [*tree.itersiblings(preceding=True), tree, *tree.itersiblings()]
    for element in (e for top in tops for e in top.iter(etree.Element)):
        assert following(element, limit) == after(element)
        assert preceding(element, limit) == before(element)
