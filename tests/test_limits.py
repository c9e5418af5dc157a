"""The repairs for pages past the parser's limits (``newsparse.sources.limits``): markup nested
deeper than the cap loses no text and no element, and ends no deeper than the cap."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.sources.html import parse_page_tree
from newsparse.sources.limits import MAX_LIST_DEPTH, cap_depth, may_nest_lists_too_deep, strip_formatting

_TAGS = ["div", "span", "p", "b", "section", "li", "ul", "font", "a", "em", "blockquote"]
_PIECES = st.one_of(
    st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(["<br>", "<img src=x>", "<hr/>", "<!-- <div> -->", "<script>'<div>'</script>"]),
    st.text(alphabet="abc xyz", min_size=1, max_size=6),
)
_MARKUP = st.lists(_PIECES, max_size=120).map("".join)


def _text(markup: str) -> str:
    return " ".join("".join(parse_page_tree(f"<html><body>{markup}</body></html>").tree.itertext()).split())


def _depth(markup: str) -> int:
    tree = parse_page_tree(f"<html><body>{markup}</body></html>").tree
    return max(len(list(e.iterancestors())) for e in tree.iter())


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_MARKUP, st.integers(min_value=1, max_value=8))
def test_capped_markup_keeps_every_word_and_stays_shallow(markup: str, limit: int) -> None:
    capped, _ = cap_depth(markup, limit)
    assert _text(capped) == _text(markup)
    # html and body above the cap, and the elements the parser implies (a <p> around text)
    assert _depth(capped) <= limit + 3


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_MARKUP)
def test_markup_under_the_cap_is_left_alone(markup: str) -> None:
    assert cap_depth(markup, 10_000) == (markup, 0)


def test_every_element_past_the_cap_is_counted() -> None:
    capped, moved = cap_depth("<div>" * 10 + "text" + "</div>" * 10, 4)
    assert moved == 6
    assert capped.count("<div>") == 10  # none lost: each opens beside the last one instead
    assert _text(capped) == "text"


def test_tags_in_scripts_and_comments_do_not_count() -> None:
    markup = "<div><script>var s = '" + "<div>" * 50 + "';</script><!--" + "<div>" * 50 + "--><p>x</p></div>"
    assert cap_depth(markup, 3) == (markup, 0)


def test_an_unclosed_script_runs_to_the_end() -> None:
    markup = "<div><script>" + "<div>" * 1000
    assert cap_depth(markup, 2) == (markup, 0)


def test_formatting_goes_and_its_text_stays() -> None:
    markup = '<p>A <b>bold</b>, <SPAN class="x">spanned</span> <a href="/y">link</a> <br> <body></p>'
    stripped, (record,) = strip_formatting(markup)
    assert stripped == '<p>A bold, spanned <a href="/y">link</a> <br> <body></p>'
    assert record.detail.startswith("4 inline formatting tags went")
    assert strip_formatting("<p>plain <a>link</a> <bdo>x</bdo> <blink></p>")[0] == "<p>plain <a>link</a> x <blink></p>"


def test_the_cap_is_a_parseable_document() -> None:
    capped, _ = cap_depth("<div>" * 5000 + "bottom", 512)
    tree = parse_page_tree(capped).tree
    assert "bottom" in "".join(tree.itertext())
    assert max(len(list(e.iterancestors())) for e in tree.iter()) <= 512 + 2
    assert re.fullmatch(r"(<div>){512}(</div><div>){4488}bottom", capped)


def test_lists_nested_past_the_limit_become_blocks_and_keep_their_text() -> None:
    """500 nested lists raised RecursionError in trafilatura (issue 15). 120 stay within the
    depth cap (240 levels), so only the lists past 64 change."""
    markup = "<html><body><h1>A headline</h1>" + "".join(f"<ul><li>item{i} " for i in range(120))
    parsed = parse_page_tree(markup)
    assert [r.detail for r in parsed.repairs] == ["56 lists nested past 64 lists deep read as plain blocks"]
    assert sum(1 for _ in parsed.tree.iter("ul")) == MAX_LIST_DEPTH
    assert " ".join(parsed.tree.itertext()).split() == ["A", "headline", *(f"item{i}" for i in range(120))]


def test_a_page_with_few_lists_is_not_walked() -> None:
    assert not may_nest_lists_too_deep("<ul><li>a</li></ul>" * MAX_LIST_DEPTH)
    assert may_nest_lists_too_deep("<UL><li>a" * (MAX_LIST_DEPTH + 1))
