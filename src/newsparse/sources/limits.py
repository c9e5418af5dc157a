"""Pages past what the parser and the extractors can follow, made readable in linear time.

**Depth.** libxml2 stops at 2048 open elements and drops the rest of the page. Browsers do
not stop: Chromium's parser attaches elements past depth 512 as siblings. ``cap_depth`` does
the same on the markup: a start tag that would open deeper than the cap first closes the
innermost open element, so it opens beside it, not inside. Every element and all the text
stay. It runs when the parser has reported its limit or the tree nests past ``MAX_DEPTH``
(``nests_too_deep``: broken templates with hundreds of unclosed ``<font>`` or ``<div>`` tags,
or hostile pages). Under the cap trafilatura's walks up and down the tree, which cost depth
times elements, stay linear: 2,000 "Related posts" boxes 2,000 levels deep took it 42 s.

**Lists.** trafilatura follows a list inside a list with two Python calls per level: 500 nested
lists (a template's unclosed ``<ul><li>``, or a hostile page) raised RecursionError, well
inside libxml2's depth. ``flatten_lists`` makes the lists nested deeper than ``MAX_LIST_DEPTH``
plain ``<div>``s: their items and text stay where they were.

**Size.** The benchmark's largest page has 1,600 elements; a million tiny ones (a hostile page,
or a generator gone wrong) cost trafilatura 45 s and 1.5 GB for 14 MB of markup, as it copies
and walks the tree several times. A page of more than ``MAX_ELEMENTS`` is brought down to its
text's structure: ``strip_formatting`` takes the inline formatting tags out of the markup
(their text stays), and ``drop_empty`` the elements that hold nothing. What is still too big
for trafilatura is read by our own one-pass extractor (``main_content``).
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree, html

from newsparse.model import Removal

# 30 times the benchmark's largest page: a real page is far below it.
MAX_ELEMENTS = 50_000
# Tags that only format text: without them the text and the blocks it forms are the same. Links
# stay (their density tells menus from prose), as do images, line breaks and <time> (a date
# source). Done on the markup: lxml's strip_tags leaves the texts as adjacent nodes, which
# every later read joins again.
_FORMATTING = re.compile(
    r"</?(?:span|font|b|i|u|em|strong|small|big|sub|sup|s|strike|tt|mark|abbr|cite|q|ins|del|nobr|bdi|bdo"
    r"|var|kbd|samp)(?=[\s/>])[^>]*>",
    re.IGNORECASE,
)
# Elements that mean something with no text.
_KEEP_EMPTY = frozenset(
    {"img", "br", "hr", "meta", "link", "html", "head", "body", "td", "th", "tr", "iframe", "video", "audio", "source"}
)
# Comments and raw-text elements are skipped whole (a "<div>" inside a script is no tag); an
# unclosed one runs to the end, as in a browser, so each scan starts once: linear time.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|textarea|title|xmp)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<(/?)([a-zA-Z][^\s/>]*)[^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr basefont frame isindex".split()
)


# Chromium's depth: past it, elements open as siblings. The benchmarks' deepest page has 51 levels.
MAX_DEPTH = 256
# One child step per level from the document: each element is visited once, in C (0.15 ms on a
# benchmark page, a tenth of a Python walk), and the steps past a page's depth cost nothing.
_PAST_MAX_DEPTH = etree.XPath("/" + "/".join(["*"] * (MAX_DEPTH + 1)))


def nests_too_deep(tree: html.HtmlElement) -> bool:
    """Whether an element stands deeper than ``MAX_DEPTH`` (the root is at depth 1).

    >>> chain = html.Element("div")
    >>> for _ in range(MAX_DEPTH): chain = etree.SubElement(chain, "div")
    >>> nests_too_deep(chain.getroottree().getroot()), nests_too_deep(html.fromstring("<div>" * 9))
    (True, False)
    """
    return bool(_PAST_MAX_DEPTH(tree))


# Real pages nest a few lists (WordPress threads comments ten deep); 64 levels cost trafilatura
# 128 of the interpreter's 1,000 frames.
MAX_LIST_DEPTH = 64
_LISTS = ("ul", "ol", "dl")
_LIST_START = re.compile(r"<[uod]l[\s/>]", re.IGNORECASE)


def may_nest_lists_too_deep(markup: str) -> bool:
    """A cheap first bound: lists cannot nest deeper than there are list tags (0.03 ms a page)."""
    return len(_LIST_START.findall(markup)) > MAX_LIST_DEPTH


def flatten_lists(tree: html.HtmlElement, limit: int = MAX_LIST_DEPTH) -> tuple[Removal, ...]:
    """Lists inside more than ``limit`` lists become ``<div>``s (one walk), and the record of it.

    >>> tree = html.fromstring("<div>" + "<ul><li>x" * 3 + "</div>")
    >>> flatten_lists(tree, 1)[0].detail, [e.tag for e in tree.iter("ul", "div")]
    ('2 lists nested past 1 lists deep read as plain blocks', ['div', 'ul', 'div', 'div'])
    """
    deep, depth = [], 0
    for event, element in etree.iterwalk(tree, events=("start", "end"), tag=_LISTS):
        depth += 1 if event == "start" else -1
        if event == "start" and depth > limit:
            deep.append(element)
    for element in deep:  # renamed after the walk, which matches the tags of both events
        element.tag = "div"
    detail = f"{len(deep):,} lists nested past {limit} lists deep read as plain blocks"
    return (Removal("", "parser.deep_nesting", detail),) if deep else ()


def too_many_tags(markup: str) -> bool:
    """A cheap first bound: an element has at most two tags, and a tag at least three
    characters (counting costs 0.14 ms on a benchmark page; its length, nothing)."""
    return len(markup) > 6 * MAX_ELEMENTS and markup.count("<") > 2 * MAX_ELEMENTS


def strip_formatting(markup: str) -> tuple[str, tuple[Removal, ...]]:
    """The markup without its inline formatting tags, and the record of it if there were any.

    >>> strip_formatting("<p>A <b>bold</b> <SPAN class=x>move</span>.</p>")[0]
    '<p>A bold move.</p>'
    """
    stripped, count = _FORMATTING.subn("", markup)
    detail = f"{count:,} inline formatting tags went, their text kept: over {MAX_ELEMENTS:,} elements"
    return stripped, (Removal("", "parser.too_many_elements", detail),) if count else ()


def cap_depth(markup: str, limit: int) -> tuple[str, int]:
    """The markup with no element opened deeper than ``limit``, and how many were moved up.

    >>> cap_depth("<div><b><i>deep</i> text</b></div>", 2)
    ('<div><b></b><i>deep</i> text</div>', 1)
    """
    pieces: list[str] = []
    stack: list[str] = []
    open_names: Counter[str] = Counter()  # the names on the stack: membership in O(1)
    closed_early: Counter[str] = Counter()  # elements closed here, whose own end tags must go
    copied_to = moved = 0
    for token in _TOKEN.finditer(markup):
        name = token.group(3)
        if name is None:  # a comment or a raw-text element
            continue
        name = name.lower()
        if token.group(2):  # an end tag
            if closed_early[name] and stack and stack[-1] != name:
                closed_early[name] -= 1
                pieces.append(markup[copied_to : token.start()])
                copied_to = token.end()
            else:
                _close(name, stack, open_names)
        elif name not in _VOID and not token.group(0).endswith("/>"):
            if len(stack) >= limit:
                top = stack.pop()
                open_names[top] -= 1
                closed_early[top] += 1
                moved += 1
                pieces.append(markup[copied_to : token.start()] + f"</{top}>")
                copied_to = token.start()
            stack.append(name)
            open_names[name] += 1
    pieces.append(markup[copied_to:])
    return "".join(pieces), moved


def _close(name: str, stack: list[str], open_names: Counter[str]) -> None:
    """Close ``name`` and everything opened inside it, as the parser will."""
    if not open_names[name]:
        return  # a stray end tag, which the parser ignores too
    while stack:
        top = stack.pop()
        open_names[top] -= 1
        if top == name:
            return


def drop_empty(tree: html.HtmlElement) -> tuple[tuple[Removal, ...], int]:
    """Over ``MAX_ELEMENTS``, the elements with no text and no child go (their tails stay).
    What was done, and how many elements are left."""
    count = sum(1 for _ in tree.iter())
    if count <= MAX_ELEMENTS:
        return (), count
    empty = [e for e in tree.iter() if not len(e) and not e.text and e.tag not in _KEEP_EMPTY]
    for element in empty:
        _drop_keeping_tail(element)
    detail = f"{len(empty):,} empty elements went: over {MAX_ELEMENTS:,} elements"
    return (Removal("", "parser.too_many_elements", detail),) if empty else (), count - len(empty)


def _drop_keeping_tail(element: html.HtmlElement) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
