"""Our own main-content finder, for the pages trafilatura reads badly: table layouts.

Old CMSs and forums lay pages out in nested tables; trafilatura then returns table cells, each
one a whole column glued together with menus and comments. Here every paragraph votes for the
element that holds it (its parent fully, its grandparent half, as Readability does), link
text does not count, and the best-voted element's paragraphs are the article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import islice

from lxml import html

from newsparse.normalize import clean_line
from newsparse.page import Block
from newsparse.sources.landmarks import COMMENTS, Within

_PARAGRAPHS = ("p", "pre", "blockquote", "li", "dd")
_BLOCKS = frozenset({"p", "pre", "blockquote", "li", "dd", "h2", "h3", "h4", "h5", "h6"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
INLINE = frozenset(
    {"a", "abbr", "b", "i", "em", "strong", "span", "small", "sup", "sub", "u", "code", "font", "cite", "q", "time"}
    | {"mark", "s", "del", "ins"}
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "form", "nav", "select", "button", "iframe"})
# A paragraph shorter than this (in words, links excluded) casts no vote: menus and bylines.
MIN_VOTING_WORDS = 8
GRANDPARENT_SHARE = 0.5
# Blocks whose text is mostly link text are menus or teaser lists.
MAX_LINK_SHARE = 0.5


def densest_blocks(tree: html.HtmlElement, limit: int | None = None) -> tuple[Block, ...]:
    """The paragraphs of the element that holds most of the page's running text (the first
    ``limit`` of them)."""
    container = _best_container(tree)
    return tuple(islice(_blocks(container), limit)) if container is not None else ()


def _best_container(tree: html.HtmlElement) -> html.HtmlElement | None:
    votes: dict[html.HtmlElement, float] = defaultdict(float)
    in_comments = Within(COMMENTS)  # every paragraph: each ancestor read once
    for paragraph in tree.iter(*_PARAGRAPHS):
        words = own_words(paragraph)
        parent = paragraph.getparent()
        if words < MIN_VOTING_WORDS or parent is None or in_comments(paragraph):
            continue
        votes[parent] += words
        grandparent = parent.getparent()
        if grandparent is not None:
            votes[grandparent] += GRANDPARENT_SHARE * words
    return max(votes, key=votes.__getitem__) if votes else None


def own_words(element: html.HtmlElement) -> int:
    """Words of the element's text outside links."""
    return len(shown_text(element).split()) - _linked_words(element)


class _Run:
    """A container being read: its children to come, and the loose text since its last block."""

    def __init__(self, element: html.HtmlElement) -> None:
        self.element = element
        self.children = iter(element)
        self.pending = [element.text or ""]
        self.linked = 0  # words of the pending run that are link text


def element_blocks(element: html.HtmlElement) -> Iterator[Block]:
    """An element's paragraphs and the running text between them, as the densest container's."""
    return _blocks(element)


def item_blocks(item: html.HtmlElement) -> Iterator[Block]:
    """A listing item's blocks, its heading kept though it is a link: the item's title."""
    return _blocks(item, titled=True)


def _blocks(container: html.HtmlElement, *, titled: bool = False) -> Iterator[Block]:
    """The container's paragraphs in order, with the running text that stands loose between
    them (forum posts often start with a bare text node before their first <p>); headings
    that are links only where ``titled``. Containers nest as deep as the page does: they are
    followed on a stack of our own, as a call each raised RecursionError past 1,000 levels."""
    runs = [_Run(container)]
    while runs:
        run = runs[-1]
        child = next(run.children, None)
        if child is None:  # the container is done: its tail goes on in its parent's run
            yield from _loose("".join(run.pending), run.linked)
            runs.pop()
            if runs:
                runs[-1].pending.append(run.element.tail or "")
            continue
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in INLINE:
            run.pending.append(shown_text(child))
            run.linked += len(run.pending[-1].split()) if tag == "a" else _linked_words(child)
        else:
            yield from _loose("".join(run.pending), run.linked)
            run.pending, run.linked = [], 0
            if tag in _BLOCKS:
                yield from _block(child, tag, titled=titled)
            elif tag not in _SKIPPED and tag != "br":
                runs.append(_Run(child))
                continue
        run.pending.append(child.tail or "")


def _block(element: html.HtmlElement, tag: str, *, titled: bool) -> Iterator[Block]:
    text = clean_line(shown_text(element))
    if text and ((titled and tag in _HEADINGS) or not _link_heavy(element)):
        yield Block(text, tag="h" if tag in _HEADINGS else tag)


def _loose(text: str, linked: int) -> Iterator[Block]:
    cleaned = clean_line(text)
    if cleaned and linked <= MAX_LINK_SHARE * len(cleaned.split()):
        yield Block(cleaned, tag="p")


# Elements whose text is never shown: ``text_content`` would read a script's code into a
# paragraph that holds one (an e-mail obfuscator beside each commenter's name).
_UNSHOWN = frozenset({"script", "style", "noscript", "template"})


def shown_text(
    element: html.HtmlElement, hidden: Callable[[html.HtmlElement], bool] | None = None, gap: str = ""
) -> str:
    """The element's text as a reader sees it: ``text_content`` without scripts, styles and
    comments, nor the descendants ``hidden`` names (each leaves ``gap`` in its place).

    >>> shown_text(html.fragment_fromstring("<p>Mail <script>var k = 'x';</script>me</p>"))
    'Mail me'
    """
    parts = [element.text or ""]
    stack = [(iter(element), "")]  # each open element's children to come, and its tail
    while stack:
        children, tail = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            parts.append(tail)
        elif isinstance(node.tag, str) and node.tag not in _UNSHOWN and not (hidden and hidden(node)):
            parts.append(node.text or "")
            stack.append((iter(node), node.tail or ""))
        else:  # a script, a comment or a hidden part: only its tail is shown
            parts.append((gap if isinstance(node.tag, str) else "") + (node.tail or ""))
    return "".join(parts)


def _linked_words(element: html.HtmlElement) -> int:
    return sum(len(shown_text(a).split()) for a in element.iter("a"))


def _link_heavy(element: html.HtmlElement) -> bool:
    total = len(shown_text(element).split())
    return total > 0 and (total - own_words(element)) > MAX_LINK_SHARE * total
