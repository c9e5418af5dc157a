"""The article's main text as blocks: trafilatura on the shared tree, then our own fallbacks.

trafilatura runs with ``fast=True`` (no readability/jusText second pass) and without
comments: on the shared benchmark that setting scored F1 0.962 against 0.953 for its
defaults, in 0.63x the time, which leaves room for the filters that follow in ``layout``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TypeAlias

import trafilatura
from lxml import etree, html
from trafilatura.settings import Extractor

from newsparse.normalize import SENTENCE_END, SENTENCE_STOP, clean_line, word_count
from newsparse.page import Block
from newsparse.sources.density import INLINE, densest_blocks, element_blocks, item_blocks, own_words, shown_text
from newsparse.sources.landmarks import COMMENTS, hints
from newsparse.sources.xpath import elements, owned, strings

log = logging.getLogger(__name__)

# trafilatura's output vocabulary -> the block tags newsparse uses.
# "li": an HTML item trafilatura leaves as it was, outside a list (a <blockquote> of <li>s);
# "card": an item of the teaser cards that end the find (``_mark_cards``).
_TAGS = {
    "p": "p",
    "head": "h",
    "item": "li",
    "li": "li",
    "quote": "blockquote",
    "code": "pre",
    "cell": "td",
    "card": "card",
}
_CONTAINERS = frozenset({"list", "table", "row", "quote", "div", "body", "main"})
# A line ending in one of these ends its sentence; after any other, a break cut the sentence.
_LINE_END = (*SENTENCE_END, ":", ";")
# A loose run is a sentence where it closes on a stop (SENTENCE_STOP), a closing quote or two
# after it at most.
_CLOSING_QUOTES = '"”’»」'
# A fast-pass result of this many blocks with less than this share of its words in lines of
# this many words is a menu dump (benchmark page f6ac15: 745 blocks, 8% in sentences).
NAVIGATION_MIN_BLOCKS = 30
NAVIGATION_SENTENCE_SHARE = 0.4
SENTENCE_WORDS = 10
# More than this share of the words in table cells that hold sentences, and the page is a
# table layout; short cells are a table of figures, which is often the article itself.
TABLE_SOUP_SHARE = 0.5
# A fast pass with fewer words than this in sentences found at most a short article: the full
# cascade is asked too, and taken where it finds this many times more (on the benchmarks,
# 145 of 1,470 finds are short, 97 of those pages have the words to ask, 21 take it: 15
# pages gain, 5 lose).
SHORT_ARTICLE_WORDS = 100
FULLER_RATIO = 3
# Where the cascade finds no more either, the densest container is taken if it holds that
# many times the sentences and this share of the find's words (on the benchmarks, 15 such
# short finds have a densest container 3 times as full; it holds the find on one, a
# paywalled story's preview, and is another block of the page on the others).
CONTAINED_SHARE = 0.9
# More than this share of the words in list items, and more than this share of theirs in links:
# a list of teasers (on the benchmarks, 73-76% linked; an article's own lists 0-15%).
LINK_LIST_SHARE = 0.5
# Fewer words than this from the densest container, and it found no article either.
MIN_DENSE_WORDS = 50
# A page still over MAX_ELEMENTS once thinned out (see limits) is read up to this many blocks:
# 70 times the most of any benchmark page (297); past them are a generator's, not an article's.
MAX_BLOCKS = 20_000
# A row of short cells is one block, its cells joined by this.
CELL_SEPARATOR = " | "
# The JSON-LD body is used only when the page's extracted text is much shorter than it.
ARTICLE_BODY_RATIO = 0.5
# A listing has at least this many items, found this many levels up from the text found (a
# classified ad's text sits three levels inside its card).
LISTING_ITEMS = 3
LISTING_LEVELS = 4
# A list of this many items or more, each a linked heading over more text, ends a find as
# other stories' teasers (see ``_mark_cards``).
MIN_CARDS = 2
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# How far up from the article's last paragraph its chunk is looked for: a chunk's <p>s sit in
# a text column inside a grid row beside an ad rail.
CHUNK_LEVELS = 3

# The page's texts outside links, scripts and styles.
_UNLINKED_TEXTS = etree.XPath("//body//text()[not(ancestor::a or parent::script or parent::noscript or parent::style)]")
# The elements microdata marks as an article's text.
_DECLARED_BODIES = etree.XPath("//body//*[contains(@itemprop, 'articleBody')]")
# A sidebar's own name (an element's class or id token), and the elements that bear it. A find
# of more paragraphs than this is no sidebar's "About me" box, and is not looked for in one.
_SIDEBAR = re.compile(r"sidebar\d*|side")
_SIDEBAR_TAGS = ("div", "aside", "section", "td")
SIDEBAR_PARAGRAPHS = 3
# The page's texts holding a word ($probe): where a block of the extraction stands in the tree.
_TEXTS_WITH = etree.XPath("//body//text()[contains(., $probe)]")
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
_BLOCK_TAGS = frozenset(
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dt", "dd", "td", "th"]
)


def main_blocks(tree: html.HtmlElement, *, article_body: str | None, baseline: bool = True) -> tuple[Block, ...]:
    """The main content in reading order; a whole-page block list when trafilatura finds none.
    Without the ``baseline`` (for pages of more elements than trafilatura reads in good time:
    it copies and walks the tree many times, 10x our one pass), the densest container, and
    at most ``MAX_BLOCKS`` blocks."""
    limit = None if baseline else MAX_BLOCKS
    blocks = _trafilatura_blocks(tree) if baseline else _dense_blocks(tree, MAX_BLOCKS)
    if article_body and _words(blocks) < ARTICLE_BODY_RATIO * len(article_body.split()):
        blocks = tuple(Block(line) for line in map(clean_line, article_body.splitlines()) if line)
    return blocks or page_blocks(tree, limit)


def _trafilatura_blocks(tree: html.HtmlElement) -> tuple[Block, ...]:
    """The extractors' find, or the listing it is one item of where it is short."""
    blocks = _extractor_blocks(tree)
    words = _sentence_words(blocks)
    if words >= SHORT_ARTICLE_WORDS:
        return blocks
    listing = _listing(blocks, tree)
    return listing if _sentence_words(listing) > words else blocks


def _listing(found: tuple[Block, ...], tree: html.HtmlElement) -> tuple[Block, ...]:
    """The items of a listing (classified ads, search results, a person's latest stories)
    where the short text found is one of them: trafilatura read one item as the article (the
    first, whose class reads like a story's: "storyitem"; or, past a page of menus, the last
    its full cascade kept). An item is one of ``LISTING_ITEMS`` or more children of the same
    parent, tag and class that each tell a sentence outside their links; the one holding the
    find's first sentence is looked for up to ``LISTING_LEVELS`` levels above it. An item's
    heading is its title though it is a link. A short article beside a listing is none of
    its items, and stays."""
    first = next((b.text for b in found if b.words >= SENTENCE_WORDS), None)
    if first is None:
        return ()
    # The find's longest word, in a text of the page that is part of the find (not a headline
    # saying the same).
    probe = max(first.split(), key=len)
    node = next((owner for text, owner in owned(_TEXTS_WITH, tree, probe=probe) if clean_line(text) in first), None)
    for _ in range(LISTING_LEVELS):
        parent = node.getparent() if node is not None else None
        if node is None or parent is None or node.tag == "body":
            return ()
        items = _items(node, parent)
        if len(items) >= LISTING_ITEMS and first in clean_line(shown_text(node)):
            return tuple(b for item in items for b in item_blocks(item))
        node = parent
    return ()


def _items(node: html.HtmlElement, parent: html.HtmlElement) -> list[html.HtmlElement]:
    """The children of ``parent`` of ``node``'s tag and class, each telling a sentence."""
    css = node.get("class")
    if not css:
        return []
    alike = (c for c in parent.iterchildren(node.tag) if c.get("class") == css)
    return [c for c in alike if own_words(c) >= SENTENCE_WORDS]


def _extractor_blocks(tree: html.HtmlElement) -> tuple[Block, ...]:
    """The fast pass's find, judged; read anew without the sidebar where it stands in one."""
    blocks = _run_trafilatura(tree, fast=True)
    sidebar = _sidebar_holding(blocks, tree)
    if sidebar is not None:
        with _without(sidebar):
            beside = _run_trafilatura(tree, fast=True)
            if beside:
                return _judged(beside, tree)
    return _judged(blocks, tree)


def _judged(blocks: tuple[Block, ...], tree: html.HtmlElement) -> tuple[Block, ...]:
    """The fast pass's find, or what stands in for it where it is a list of teasers, the
    menus, a table layout or short."""
    if is_link_list(blocks, tree):
        return _paragraphs_instead(blocks, densest_blocks(tree))
    if not (looks_like_navigation(blocks) or is_table_soup(blocks)):
        blocks += _continued(blocks, tree)
        blocks = _fuller(blocks, tree) if _sentence_words(blocks) < SHORT_ARTICLE_WORDS else blocks
        return _with_loose_sentences(blocks, tree)
    dense = densest_blocks(tree)
    if _words(dense) >= MIN_DENSE_WORDS:
        return dense
    # Neither pass found an article; trafilatura's full cascade (readability, jusText) is
    # slow but rescues such pages (benchmark f6ac15: precision 0.00 -> 0.81).
    return _run_trafilatura(tree, fast=False) or blocks


def _sidebar_holding(found: tuple[Block, ...], tree: html.HtmlElement) -> html.HtmlElement | None:
    """The sidebar where every sentence found stands (a blog's "About me", longer than the
    short post beside it), the outermost where sidebars nest. It is named so and nothing else
    ("sidebar", "sidebar2"): a layout names the wrapper that frames the article
    "one-sidebar-right", "content-sidebar-wrap" or "body_main sidebar"."""
    prose = [b.text for b in found if b.words >= SENTENCE_WORDS]
    if not 0 < len(prose) <= SIDEBAR_PARAGRAPHS:
        return None
    for element in tree.iter(*_SIDEBAR_TAGS):  # in page order: an outer sidebar before its columns
        if not (element.get("id") or element.get("class") or "").startswith("side"):
            continue  # the cheap test first: this sees every <div>
        if all(map(_SIDEBAR.fullmatch, hints(element).split())):
            text = clean_line(shown_text(element))
            if all(sentence in text for sentence in prose):
                return element
    return None


def _fuller(fast: tuple[Block, ...], tree: html.HtmlElement) -> tuple[Block, ...]:
    """The full cascade's blocks where they hold several times the fast pass's sentences:
    the fast pass read the first container that looked like an article, which on some
    layouts holds only the lead (a story split around a side rail), a teaser or the menus
    (the story set as text between <br>s). Else the densest container where it holds the
    find and as much more (``_container_of``), else the fast pass's, which reads closer. The
    cascade (3 times the fast pass's time) is not asked of a page that has not that many
    words outside its links to give: a third of the short finds on the benchmarks."""
    declared = _declared_body(fast, tree)
    if declared:
        return declared
    wanted = FULLER_RATIO * max(1, _sentence_words(fast))
    if _unlinked_words(tree) < wanted:
        return fast
    full = _run_trafilatura(tree, fast=False)
    return full if _sentence_words(full) >= wanted else _container_of(fast, tree, wanted)


def _declared_body(fast: tuple[Block, ...], tree: html.HtmlElement) -> tuple[Block, ...]:
    """The blocks of the one element the page's microdata declares its article's text
    (``itemprop="articleBody"``) where the short find stands inside it and it holds more
    sentences: the fast pass read part of it (a Blogger post set in <span>s between <br>s,
    of which it kept the few lines in their own <div>s). A page of several declared bodies is
    a listing, and none of them is the article."""
    declared = elements(_DECLARED_BODIES, tree)
    if len(declared) != 1:
        return ()
    blocks = tuple(element_blocks(declared[0]))
    return blocks if _sentence_words(blocks) > _sentence_words(fast) and _holds(blocks, fast) else ()


def _container_of(fast: tuple[Block, ...], tree: html.HtmlElement, wanted: int) -> tuple[Block, ...]:
    """The densest container's blocks where the fast pass's find stands inside them and they
    hold ``wanted`` words in sentences: both passes read the article's header (kicker,
    headline, lead) and left the story under it, which stands in the same container as
    text outside any paragraph (a paywalled story's preview). A denser container that does
    not hold the find is another part of the page (a sidebar, another story's teaser)."""
    dense = densest_blocks(tree)
    if _sentence_words(dense) < wanted:
        return fast
    return dense if _holds(dense, fast) else fast


def _holds(container: tuple[Block, ...], find: tuple[Block, ...]) -> bool:
    """Whether most of the find's words stand in the container's blocks."""
    text = " ".join(b.text for b in container)
    inside = sum(b.words for b in find if b.text in text)
    return inside >= CONTAINED_SHARE * _words(find)


def _continued(blocks: tuple[Block, ...], tree: html.HtmlElement) -> tuple[Block, ...]:
    """The article's later chunks, where the page splits its text into sibling containers alike
    (an ad rail set between them) and trafilatura read the first one only. The container
    trafilatura read holds its first and last sentences; a later chunk has the same tag and
    class, is told in paragraphs and has no headline of its own (the next story of an endless
    scroll has one)."""
    prose = [b.text for b in blocks if b.words >= SENTENCE_WORDS]
    if not prose:
        return ()
    first, last = prose[0], prose[-1]
    element = _paragraph(tree, last)
    node = element.getparent() if element is not None else None
    for _ in range(CHUNK_LEVELS):
        if node is None or node.tag in ("body", "html"):
            return ()
        chunks = [s for s in node.itersiblings() if _alike(s, node)]
        if chunks:
            if _paragraph(node, first) is None:
                return ()
            seen = set(prose)
            # A chunk's links stay out: the last chunk often ends with a list of other stories
            # (each item a link, or a sentence with one), which the related-links reader takes.
            told = (c for c in chunks if _told_in_paragraphs(c))
            return tuple(b for c in told for b in _page_blocks(c, skip=_linked) if b.text not in seen)
        node = node.getparent()
    return ()


def _alike(chunk: html.HtmlElement, first: html.HtmlElement) -> bool:
    """The same tag, and the class names of one among the other's: the first chunk often
    carries one more ("article_body entry-content", then "article_body"). A chunk named for
    comments ("post comments-width" after "post") is the thread under the article."""
    if chunk.tag != first.tag:
        return False
    names, kind = set(chunk.get("class", "").split()), set(first.get("class", "").split())
    alike = bool(names and kind) and (names <= kind or kind <= names)
    return alike and not COMMENTS.search(hints(chunk))


def _with_loose_sentences(blocks: tuple[Block, ...], tree: html.HtmlElement) -> tuple[Block, ...]:
    """The blocks with the sentences that stand loose in the article's own container, outside
    any <p>, where trafilatura left them out: a paragraph of bare text (and its inline links)
    between the container's <p>s, as an old blog's "more" part opens. Each goes in before the
    <p> after it, else after the <p> before it; a loose run that is no sentence (a caption
    line, a credit, a link bar's words) stays out."""
    index = {b.text: i for i, b in enumerate(blocks)}
    found: dict[int, list[Block]] = {}
    # The <p>s' containers, in page order, each once.
    holders = dict.fromkeys(parent for p in tree.iter("p") if (parent := p.getparent()) is not None)
    for holder in holders:
        for text, before, after in _loose_sentences(holder):
            at = index.get(_text_of(after), -1)
            at = at if at >= 0 else index.get(_text_of(before), -2) + 1
            if at >= 0:
                found.setdefault(at, []).append(Block(text, tag="p"))
    if not found:
        return blocks
    read = "\n".join(index)  # a sentence trafilatura read into a block of its own stays once
    found = {at: [b for b in extra if b.text not in read] for at, extra in found.items()}
    return tuple(b for i, block in enumerate(blocks) for b in (*found.pop(i, ()), block)) + tuple(
        b for extra in found.values() for b in extra
    )


# A loose sentence's <p> before or after it, where there is one.
Neighbour: TypeAlias = html.HtmlElement | None


def _loose_sentences(holder: html.HtmlElement) -> Iterator[tuple[str, Neighbour, Neighbour]]:
    """Each sentence the holder holds in its own text and inline elements, between its block
    children, with the <p> before it and the one after (None where the neighbour is no <p>)."""
    pending: list[str] = [holder.text or ""]
    before: Neighbour = None
    for child in holder:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in INLINE:
            pending.append(shown_text(child))
        elif tag:
            after = child if tag == "p" else None
            if _is_sentence(text := "".join(pending)):
                yield clean_line(text), before, after
            pending, before = [], after
        pending.append(child.tail or "")
    if _is_sentence(text := "".join(pending)):
        yield clean_line(text), before, None


def _text_of(paragraph: Neighbour) -> str:
    return clean_line(shown_text(paragraph)) if paragraph is not None else ""


def _is_sentence(text: str) -> bool:
    """A sentence's length, closed by a stop (a quote may follow it): a caption closes on its
    credit's bracket ("© Agency (jpeg, 1MB)")."""
    return text.rstrip().rstrip(_CLOSING_QUOTES).endswith(SENTENCE_STOP) and word_count(text) >= SENTENCE_WORDS


def _paragraph(tree: html.HtmlElement, text: str) -> html.HtmlElement | None:
    """The <p> whose text is ``text``; its longest word is looked for first, as cleaning every
    paragraph's text cost more than the search."""
    probe = max(text.split(), key=len)
    return next((p for p in tree.iter("p") if probe in (raw := p.text_content()) and clean_line(raw) == text), None)


def _linked(element: html.HtmlElement) -> bool:
    """A paragraph mostly of link text, or an item of a list whose every item holds a link."""
    parent = element.getparent()
    if element.tag == "li" and parent is not None:
        return all(next(item.iter("a"), None) is not None for item in parent.iterchildren("li"))
    linked = sum(len(a.text_content().split()) for a in element.iter("a"))
    return linked > LINK_LIST_SHARE * len(element.text_content().split())


def _told_in_paragraphs(chunk: html.HtmlElement) -> bool:
    if next(chunk.iter("h1"), None) is not None:
        return False
    in_paragraphs = sum(len(p.text_content().split()) for p in chunk.iter("p"))
    return in_paragraphs >= SHORT_ARTICLE_WORDS and 2 * in_paragraphs >= len(chunk.text_content().split())


def _unlinked_words(tree: html.HtmlElement) -> int:
    """Words of the page's shown text outside links, counted text by text: links set side
    by side ("<a>Home</a><a>News</a>") would glue into one word."""
    return sum(len(text.split()) for text in strings(_UNLINKED_TEXTS, tree))


def _paragraphs_instead(teasers: tuple[Block, ...], dense: tuple[Block, ...]) -> tuple[Block, ...]:
    """The densest container's blocks in place of a list of teasers, where they hold
    paragraphs: a container of lists is another menu, and a story told as a list of links
    (a deals roundup, a podcast's show notes) is then the article after all."""
    paragraphs = sum(b.words for b in dense if b.tag != "li" and b.words >= SENTENCE_WORDS)
    return dense if paragraphs >= MIN_DENSE_WORDS else teasers


def _sentence_words(blocks: tuple[Block, ...]) -> int:
    return sum(b.words for b in blocks if b.words >= SENTENCE_WORDS)


def _dense_blocks(tree: html.HtmlElement, limit: int) -> tuple[Block, ...]:
    dense = densest_blocks(tree, limit)
    return dense if _words(dense) >= MIN_DENSE_WORDS else ()


def is_table_soup(blocks: tuple[Block, ...]) -> bool:
    """Most of the text in long table cells: a table layout that trafilatura read cell by
    cell, each cell a column of menus, article and comments glued together. A table of
    short cells (a player's statistics, nutrition facts) is data, and stays the article."""
    words = sum(b.words for b in blocks)
    in_columns = sum(b.words for b in blocks if b.tag == "td" and b.words >= SENTENCE_WORDS)
    return words > 0 and in_columns > TABLE_SOUP_SHARE * words


def is_link_list(blocks: tuple[Block, ...], tree: html.HtmlElement) -> bool:
    """Most of the text in list items that are mostly link text: a list of teasers (a
    blogroll, "Link Love", a course catalogue) that trafilatura took for the article, which
    its output cannot tell from an article's own list, as it drops the links: the page's
    items say. A recipe's ingredients or a list of arguments links little."""
    if sum(b.words for b in blocks if b.tag == "li") < LINK_LIST_SHARE * _words(blocks):
        return False
    items = {b.text for b in blocks if b.tag == "li"}
    words = linked = 0
    for item in tree.iter("li"):
        text = item.text_content()
        if clean_line(text) in items:
            words += len(text.split())
            linked += sum(len(a.text_content().split()) for a in item.iter("a"))
    return linked > LINK_LIST_SHARE * words


def looks_like_navigation(blocks: tuple[Block, ...]) -> bool:
    """trafilatura's fast pass sometimes "recovers wild text" and returns a page's menus:
    dozens of lines, few of them sentences. Its full pass (with fallbacks) does better there."""
    if len(blocks) < NAVIGATION_MIN_BLOCKS:
        return False
    words = sum(b.words for b in blocks)
    in_sentences = sum(b.words for b in blocks if b.words >= SENTENCE_WORDS)
    return in_sentences < NAVIGATION_SENTENCE_SHARE * words


def _run_trafilatura(tree: html.HtmlElement, *, fast: bool) -> tuple[Block, ...]:
    """trafilatura's find, read with the tree's <head> taken off: trafilatura copies the tree
    three times and walks it many more, <head> included (a tenth of a page's elements: metas,
    scripts, styles), though it takes the text from the body alone: without it, its time
    falls by 6% (fast pass) to 14% (full cascade), the text unchanged on 632 benchmark pages."""
    with _without(tree.find("head")):
        return _extracted(tree, fast=fast)


@contextmanager
def _without(element: html.HtmlElement | None) -> Iterator[None]:
    """The tree with ``element`` taken out while trafilatura reads it, and put back after
    where it was, its tail with it."""
    parent = element.getparent() if element is not None else None
    if element is None or parent is None:
        yield
        return
    index = parent.index(element)
    parent.remove(element)
    try:
        yield
    finally:
        parent.insert(index, element)


def _options(*, fast: bool) -> Extractor:
    """trafilatura's settings for our calls. output_format="xml" keeps the result as a tree
    and skips the text rendering that "python" adds (5% of the call): the tree is all
    newsparse reads. recall skips the "recall escalation" that flattens the whole page again
    for short articles: 15% of newsparse's time on the benchmark for F1 0.9737 -> 0.9727, the
    filters that follow keep the precision. No URL: trafilatura reads it only to resolve
    links, which we do not ask for, and to log."""
    return Extractor(output_format="xml", fast=fast, recall=True, comments=False, tables=True)


# Built once, read only (trafilatura copies them before changing a setting): building them
# reads trafilatura's config file anew, 0.15 ms a call, 1% of a page's time.
_FAST, _FULL = _options(fast=True), _options(fast=False)


def _extracted(tree: html.HtmlElement, *, fast: bool) -> tuple[Block, ...]:
    try:
        document = trafilatura.bare_extraction(tree, options=_FAST if fast else _FULL)
    # trafilatura refuses some trees, and recurses on nesting (``limits.flatten_lists`` keeps lists
    # within reach, whatever the caller's own stack): our own extractors read those pages.
    except (ValueError, etree.LxmlError, RecursionError) as exc:
        log.debug("trafilatura failed: %s", exc)
        return ()
    body = getattr(document, "body", None)
    if body is None:
        return ()
    _mark_cards(body, tree)
    return tuple(_blocks_of(body))


def _mark_cards(body: etree._Element, tree: html.HtmlElement) -> None:
    """The lists of cards that end the find, their items renamed "card": other stories'
    teasers ("Recently Cataloged", "Most Read"), each item a linked heading over an excerpt, a
    date or a count, which trafilatura glues into one line ("… Launch DayHoliday shoppers …").
    An article's own list of headed items (a breed's "Highlights", "Grooming") links not every
    heading, nor does one stand before the article's last paragraph."""
    headings: dict[str, list[html.HtmlElement]] | None = None  # read only where a card list ends the find
    for child in reversed(body):
        items = [item for item in child if item.tag == "item"] if child.tag == "list" else []
        if len(items) < MIN_CARDS or not all(len(item) > 1 and item[0].tag == "head" for item in items):
            return
        if headings is None:
            headings = _headings(tree)
        if not all(_linked_heading(headings.get(clean_line(shown_text(item[0])), ())) for item in items):
            return
        for item in items:
            item.tag = "card"


def _headings(tree: html.HtmlElement) -> dict[str, list[html.HtmlElement]]:
    found: dict[str, list[html.HtmlElement]] = {}
    for heading in tree.iter(*_HEADINGS):
        found.setdefault(clean_line(heading.text_content()), []).append(heading)
    return found


def _linked_heading(candidates: Iterable[html.HtmlElement]) -> bool:
    """A heading that is a link, or stands in one (a card linked whole)."""
    return any(next(h.iter("a"), None) is not None or any(a.tag == "a" for a in h.iterancestors()) for h in candidates)


def _blocks_of(element: etree._Element) -> Iterator[Block]:
    """Blocks in reading order, including text that trafilatura leaves loose between elements."""
    yield from _loose(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "row" and (cells := _short_cells(child)) is not None:
            yield from (Block(CELL_SEPARATOR.join(cells), tag="tr"),) if cells else ()
        elif tag in _TAGS and not (tag == "quote" and len(child)):
            yield from (Block(text, tag=_TAGS[tag]) for text in _lines(child))
        elif tag in _CONTAINERS or tag in _TAGS:
            yield from _blocks_of(child)
        yield from _loose(child.tail)


def _short_cells(row: etree._Element) -> list[str] | None:
    """The texts of a row's cells when none holds a sentence's worth of words: a line of a
    table of figures, read as one line as a browser shows it (cell by cell, each number was
    a fragment that the layout's rules drop). None for a row of longer cells, each a block."""
    cells = [" ".join(_lines(cell)) for cell in row]
    if any(word_count(cell) >= SENTENCE_WORDS for cell in cells):
        return None
    return [cell for cell in cells if cell]


def _loose(text: str | None) -> Iterator[Block]:
    for line in (text or "").split("\n"):
        cleaned = clean_line(line)
        if cleaned:
            yield Block(cleaned, tag="p")


def _lines(element: etree._Element) -> Iterator[str]:
    """The element's text split at its line breaks (``<lb/>``), each line cleaned; a break
    inside a sentence (hard-wrapped text) is a space, not a new paragraph."""
    for br in element.iter("lb"):
        br.text = "\n"  # trafilatura's output tree is ours to change
    text = "".join(t for t in element.itertext() if isinstance(t, str))
    yield from join_wrapped(clean_line(line) for line in text.split("\n"))


def join_wrapped(lines: Iterable[str]) -> Iterator[str]:
    """Glue a line to the previous one when the break cut a sentence.

    >>> list(join_wrapped(["Photos which were released", "online, show her.", "Next one."]))
    ['Photos which were released online, show her.', 'Next one.']
    """
    # The lines of one sentence, joined once at its end: rebuilding the string at each line was
    # quadratic (a 20 MB paragraph of wrapped lines took 18.5 s).
    pending: list[str] = []
    for line in lines:
        if not line:
            continue
        if pending and not pending[-1].endswith(_LINE_END) and line[0].islower():
            pending.append(line)
            continue
        if pending:
            yield " ".join(pending)
        pending = [line]
    if pending:
        yield " ".join(pending)


def _words(blocks: tuple[Block, ...]) -> int:
    return sum(b.words for b in blocks)


def page_blocks(tree: html.HtmlElement, limit: int | None = None) -> tuple[Block, ...]:
    """Every block-level text of the page outside its chrome, in order (the first ``limit``):
    the last resort."""
    return tuple(islice(_page_blocks(tree), limit))


def _page_blocks(tree: html.HtmlElement, skip: Callable[[html.HtmlElement], bool] | None = None) -> Iterator[Block]:
    """The tree's block-level texts outside its chrome, but those ``skip`` says to leave."""
    for element in tree.iter(*_BLOCK_TAGS):
        if _inside_skipped(element) or _has_block_child(element) or (skip is not None and skip(element)):
            continue
        text = clean_line(shown_text(element))
        if text:
            yield Block(text, tag=str(element.tag))


def _inside_skipped(element: html.HtmlElement) -> bool:
    return any(isinstance(a.tag, str) and a.tag in _SKIPPED for a in element.iterancestors())


def _has_block_child(element: html.HtmlElement) -> bool:
    return any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS for d in element.iterdescendants())
