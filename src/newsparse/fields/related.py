"""Related links: the article's own list of other articles, never a sidebar's.

A page holds many boxes of links to other stories: the article's related list, but also a
sidebar's, the site's popular and latest lists, teasers inside the text, menus. Each box is
found by a label ("Related posts", "Lesen Sie auch", an image whose alt text says "Related",
"Related:" before a link) or by a class name (YARPP, Jetpack, "related-stories"), and placed
against the article's own paragraphs: inside the article after its text, below it, inside its
text, above it or beside it. A box attached to the article wins, the better labelled first;
teasers inside the text count only when the page has no such box.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Container, Iterator, Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import NamedTuple
from urllib.parse import urlsplit

from lxml import etree, html

from newsparse.model import RelatedLink
from newsparse.normalize import clean_line, phrase_key, word_count
from newsparse.page import Page
from newsparse.rules import Rules
from newsparse.sources.landmarks import COMMENTS, Landmarks, TokenPattern, Upward, hints
from newsparse.sources.xpath import document, elements
from newsparse.urls import absolute_url, page_key, same_page

# A teaser link's text is a headline: a word or two is a tag, a button or a category.
MIN_TITLE_WORDS = 3
# A paragraph this long under a label, before any link, is prose: the label heads text.
MIN_SENTENCE_WORDS = 5
# A label is a few words; how far up from it the links are looked for.
MAX_LABEL_WORDS = 8
LABEL_LEVELS = 5
# A section's links sit in its next few siblings; a bound keeps a page of a thousand labels
# from walking every later sibling for each (quadratic time).
MAX_LABEL_SIBLINGS = 40
ITEM_LEVELS = 6
# A link in a line with this many words outside links, and more than its own, is a link in prose.
MIN_PROSE_WORDS = 12
# How far above the element holding the text its <article> element may stand.
FRAME_LEVELS = 5
# How far above the article's element a box above its text still belongs to the article.
NEAR_LEVELS = 2
# A box of more links than this is a region of the page (a label over the whole text, a
# "related" class on a wrapper), not a list.
MAX_SECTION_LINKS = 100
# How far up from a link with a related class its box is looked for.
BOX_LEVELS = 6

# Elements that can hold a section label: these, and leaves (<p>, <div class>, <span class>).
# Found in one walk, tags told apart in libxml2: an XPath union walked the page once per tag.
_LABEL_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "header", "dt", "label")
_LABEL_LEAVES = ("p", "div", "span")
# A label's text is short (measured in libxml2, not Python: the element may hold a page).
_SHORT_CHARS = 60
_SHORT = etree.XPath(f"string-length(normalize-space()) < {_SHORT_CHARS}")
_XML_SPACES = re.compile(r"[ \t\n\r]+")  # what normalize-space() collapses
# Images that may be a label drawn as an image: a heading that holds only <img alt="Related">.
# (Sibling axes would cost quadratic time on a page of many siblings: the rest is Python's.)
# What a relative link is resolved against on a page read without its address (a reserved name).
_UNKNOWN_BASE = "http://page.invalid/"
_IMAGE_HOLDERS = frozenset({"h1", "h2", "h3", "h4", "h5", "div"})
_OPENERS = "¿¡«\"'“‘([-–—•·»›>"
_ITEM_TAGS = frozenset({"li", "article", "tr"})
_SECTION_BREAKS = frozenset({"h1", "h2", "h3", "h4"})
_TITLE_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_CLASS = re.compile(r"title|headline|heading")
# Elements that may stand empty beside a label ("See all" buttons, icons, rules).
_CONTROLS = frozenset({"a", "button", "span", "i", "em", "small", "img", "svg", "hr", "br"})
# Elements a line of text stands in; the others flow inside a line.
_BLOCKS = frozenset(
    "p li div td dd dt blockquote section article figure h1 h2 h3 h4 h5 h6 header footer aside ul ol table nav".split()
)
# Page elements that hold the article's paragraphs, compared by their text.
_PARAGRAPH_TAGS = frozenset({"p", "li", "h2", "h3", "h4", "blockquote", "pre", "dd", "td"})
# Class names of in-house recirculation boxes that landmarks do not name "related".
_RECIRCULATION = etree.XPath("//@class[contains(., 'recirc')]/..")
_RECIRCULATING = etree.XPath("boolean(descendant-or-self::*[contains(@class, 'recirc')])")
# Regions beside the article. Checked between a box and the article: a layout that holds the
# article ("l-sidebar-fixed", "theiaStickySidebar") is none of them.
_BESIDE = TokenPattern(
    r"sidebar|^side$|^aside$|(?:^|[-_])rail(?:$|[-_])|right[-_]?col|widget"
    r"|popular|trending|most[-_]?(?:read|viewed|popular)|menu|^nav$|navigation|site-footer|footer-",
    r"wrap|layout|content|^has-|^no-|^with-",
)
# Inside the article, a "widget" is an inline box, not a sidebar.
_BESIDE_INNER = TokenPattern(
    r"sidebar|popular|trending|most[-_]?(?:read|viewed|popular)|menu|^nav$|navigation",
    r"wrap|layout|content|^has-|^no-|^with-",
)
# Regions of the page frame: outside the article they hold no related list.
_FRAME_TAGS = frozenset({"nav", "footer"})
# Headings of boxes, not of teasers (those sit in their links).
_BOX_HEADINGS = etree.XPath(".//*[self::h2 or self::h3 or self::h4][not(ancestor::a)][not(.//a)]")
# Previous and next-post links: the site's order, not the article's related list.
_PAGER = TokenPattern(
    r"prev(?:ious)?(?:$|[-_])|(?:^|[-_])next(?:$|[-_])|^next$|pager|pagination|post-navigation|^(?:prev|next)$",
    r"read[-_]?next|up[-_]?next|next[-_]?up",
)
# Links to lists, not stories: tags, topics, categories, authors, searches.
_HUB_SEGMENT = re.compile(r"tags?|topics?|categor(?:y|ies)|authors?|search|users?|profile", re.IGNORECASE)


# Where an element stands in document order: the indices of it and its ancestors among their
# siblings, from the top (a prefix, the ancestor, sorts before its descendants).
Position = tuple[int, ...]


class _Place(IntEnum):
    """Where a box stands against the article; the higher, the more the article's own."""

    INLINE = 1  # inside the article's text, paragraphs follow it
    BELOW = 2  # after the article, outside its element
    END = 3  # inside the article's element, after its text


@dataclass(frozen=True, slots=True)
class _Article:
    """The article on the page: the element holding its paragraphs, and its last paragraph."""

    root: html.HtmlElement | None  # the deepest element holding most of its paragraphs
    frame: html.HtmlElement | None  # the <article> around the root, else the root
    holders: frozenset[html.HtmlElement]  # the root and its ancestors: the layout around the text
    around: frozenset[html.HtmlElement]  # the frame and its ancestors: the layout around the article
    near: frozenset[html.HtmlElement]  # the frame's parent and grandparent
    last: html.HtmlElement | None  # its last paragraph (positions are worked out only if a box asks)
    texts: frozenset[html.HtmlElement]  # the elements holding its paragraphs


@dataclass(frozen=True, slots=True)
class _Section:
    """A labelled or named box and its candidate links."""

    anchor: html.HtmlElement  # its label or its element: where it stands
    links: tuple[html.HtmlElement, ...]
    strength: int  # 3: a related label, 2: "More from X", 1: a class name only
    heading: str = ""  # the box's own heading, if it has one


@dataclass(frozen=True, slots=True)
class _Box:
    links: tuple[RelatedLink, ...]
    place: _Place
    strength: int
    position: Position


def html_related(page: Page, rules: Rules, *, paragraphs: tuple[str, ...]) -> tuple[RelatedLink, ...]:
    """The links of the related box attached to the article (inside it after its text, else
    below it), the best labelled first; else the teasers inside its text."""
    if page.tree is None:
        return ()
    root, tree = page.tree, _Tree(page.tree)
    # The article is located (a walk over the page's paragraphs) only once a section asks for
    # it: half the pages have none.
    locate = functools.cache(lambda: _locate_article(root, frozenset(paragraphs), tree))
    sections = list(_sections(page, rules, lambda: locate().texts))
    if not sections:
        return ()
    article = locate()
    # "Trending News" over a box of "recirc" items: none of its items is related either.
    site_lists = {s.anchor for s in sections if _is_site_list(s.heading, rules)}
    where = _Where(article, site_lists, tree)
    reader = _Reader(page.meta.base_url, page.meta.url, rules, article.texts, {})
    boxes: list[_Box] = []
    for section in sections:
        if section.anchor in article.holders or where.in_site_list(section.anchor):
            continue  # a "related" class on the page's wrapper, or a box in the site's list
        box = _boxed(section, where, reader)
        if box is not None:
            boxes.append(box)
    return _choose(boxes)


def _choose(boxes: list[_Box]) -> tuple[RelatedLink, ...]:
    """The best box after the text; a single link there ("Read next") gives way to a list
    inside the text; with no box after the text, the teaser list inside it, or all its
    one-link teaser lines in order."""
    attached = [b for b in boxes if b.place > _Place.INLINE]
    inline = sorted((b for b in boxes if b.place == _Place.INLINE), key=lambda b: b.position)
    lists = [b for b in inline if len(b.links) > 1]
    # The best placed and labelled, then the first: max keeps the first of equals.
    ranked = sorted(attached, key=lambda b: b.position)
    best = max(ranked, key=lambda b: (b.place, b.strength, len(b.links) > 1), default=None)
    if best is not None and (len(best.links) > 1 or not lists):
        return best.links
    if lists:
        return max(lists, key=lambda b: b.strength).links
    found: dict[str, RelatedLink] = {}
    for box in inline:
        for link in box.links:
            found.setdefault(page_key(link.url) if link.url else link.title, link)
    return tuple(found.values())


# --- Where the article stands ---------------------------------------------------------------


def _locate_article(tree: html.HtmlElement, body: frozenset[str], where: _Tree) -> _Article:
    """The elements holding the article's paragraphs, and the deepest element holding most
    of their text."""
    heads = {p.split(maxsplit=1)[0] for p in body if p.strip()}
    tails = {p.rsplit(maxsplit=1)[-1] for p in body if p.strip()}
    # Its first and last words must be a paragraph's before the text is cleaned, which can cost
    # milliseconds (ftfy): nested wrappers open with the same paragraph but end elsewhere, and
    # cleaning each of 600 nested lists full of mojibake took 17 s. A text far longer than the
    # longest paragraph is none of them either: cleaning drops spaces and invisible characters
    # and repairs mojibake (2-3 characters to 1), no more.
    most = 8 * max(map(len, body), default=0) + 1000
    # An element's own first word (its text before any child) must open a paragraph's first
    # word: most elements (menu items, cells) are passed over before their whole text is read.
    openings = {head[:end] for head in heads for end in range(1, len(head) + 1)}
    sizes = {
        e: len(text)
        for e in tree.iter(*_PARAGRAPH_TAGS)
        if ((first := _first_word(e)) is None or first in openings)
        and len(text := e.text_content()) <= most
        and (words := text.split(maxsplit=1))
        and words[0] in heads
        and text.rsplit(maxsplit=1)[-1] in tails
        and clean_line(text) in body
    }
    found = list(sizes)
    # Weighed by length: a teaser's title taken for a paragraph does not move the article.
    weights = _weights(sizes, where)
    total = sum(sizes.values())
    root = max((a for a, n in weights.items() if 2 * n > total), key=where.depth, default=None)  # they nest
    if root is None:
        return _Article(None, None, frozenset(), frozenset(), frozenset(), None, frozenset())
    chain = [root, *root.iterancestors()]
    under_root = Upward(lambda node: True if node is root else None)
    texts = [e for e in found if under_root(e.getparent())]
    # The <article> element a CMS wraps the text, its header and its footer boxes in.
    frame = next((a for a in chain[:FRAME_LEVELS] if a.tag == "article"), root)
    outer = chain[chain.index(frame) :]
    return _Article(
        root=root,
        frame=frame,
        holders=frozenset(chain),
        around=frozenset(outer),
        near=frozenset(outer[1 : 1 + NEAR_LEVELS]),
        last=texts[-1],
        texts=frozenset(texts),
    )


def _first_word(element: html.HtmlElement) -> str | None:
    """The first word of the element's own text; None when a child holds it (then unknown)."""
    words = (element.text or "").split(maxsplit=1)
    return words[0] if words else None


def _weights(sizes: dict[html.HtmlElement, int], tree: _Tree) -> dict[html.HtmlElement, int]:
    """The size of the paragraphs under each of their ancestors, added up the tree once: each
    paragraph adding itself to every ancestor took time in the square of a deep page."""
    weights: dict[html.HtmlElement, int] = {}
    for element, size in sizes.items():
        node = element.getparent()
        if node is not None:
            weights[node] = weights.get(node, 0) + size
        while node is not None and node.getparent() not in weights:  # the ancestors, each once
            node = node.getparent()
            if node is not None:
                weights[node] = 0
    for node in sorted(weights, key=tree.depth, reverse=True):  # the deepest first: its sum is whole
        parent = node.getparent()
        if parent is not None:
            weights[parent] += weights[node]
    return weights


class _Tree:
    """Depths and document positions, asked for every box: worked out once for the page (walking
    up from each box, as many as there are, took time in the square of a deep page)."""

    def __init__(self, root: html.HtmlElement) -> None:
        self._root = root
        self._depths: dict[html.HtmlElement, int] = {}  # from the nearest known ancestor down
        self._positions: dict[html.HtmlElement, Position] = {}

    def depth(self, element: html.HtmlElement) -> int:
        path = _unknown_up(element, self._depths)
        depth = self._depths[path[-1].getparent()] if path and path[-1].getparent() is not None else -1
        for node in reversed(path):
            depth += 1
            self._depths[node] = depth
        return self._depths[element]

    def position(self, element: html.HtmlElement) -> Position:
        """Where an element stands in document order, worked out down from its nearest known
        ancestor, each parent's children all at once: numbering the whole page for a box or two
        was a tenth of the related links' time."""
        for node in reversed(_unknown_up(element, self._positions)):
            parent = node.getparent()
            if parent is None:  # libxml2 may leave several top elements (see ``xpath.document``)
                tops = [*reversed(list(node.itersiblings(preceding=True))), node, *node.itersiblings()]
                self._positions.update((top, (i,)) for i, top in enumerate(tops))
            else:
                above = self._positions[parent]
                self._positions.update((child, (*above, i)) for i, child in enumerate(parent))
        return self._positions[element]

    def holds(self, outer: html.HtmlElement, inner: html.HtmlElement) -> bool:
        """Whether ``outer`` is ``inner`` or one of its ancestors."""
        steps = self.depth(inner) - self.depth(outer)
        node: html.HtmlElement | None = inner
        for _ in range(steps):
            node = node.getparent() if node is not None else None
        return steps >= 0 and node is outer


def _unknown_up(element: html.HtmlElement, known: Mapping[html.HtmlElement, object]) -> list[html.HtmlElement]:
    """The element and its ancestors up to the first one ``known`` holds."""
    path = []
    node: html.HtmlElement | None = element
    while node is not None and node not in known:
        path.append(node)
        node = node.getparent()
    return path


class _Where:
    """Where boxes stand against the article, each element's answer kept for the page: boxes
    share their ancestors (see ``landmarks.Upward``)."""

    def __init__(self, article: _Article, site_lists: set[html.HtmlElement], tree: _Tree) -> None:
        self.article, self.tree = article, tree
        self.in_site_list = Upward(lambda node: True if node in site_lists else None)
        self.in_frame = Upward(lambda node: True if node is article.frame else None)
        self.beside = Upward(_region_test(article, inside=False))
        self.beside_inner = Upward(_region_test(article, inside=True))
        self.meeting = Upward(lambda node: node if node in article.around else None)  # the first there


def _place(section: _Section, where: _Where) -> _Place | None:
    """Where a box stands; None above the article, beside it, or in the page's frame."""
    anchor = section.anchor
    if where.article.frame is None:
        return _Place.INLINE if _text_follows(section, where) else _Place.BELOW
    inside = bool(where.in_frame(anchor))
    if _beside(anchor, where, inside=inside):
        return None
    if _text_follows(section, where):
        # Above the text: in the article's header (a "More on" box floated beside the
        # photo), else a strip over the page.
        return _Place.INLINE if inside or _near(anchor, where) else None
    return _Place.END if inside else _Place.BELOW


def _near(anchor: html.HtmlElement, where: _Where) -> bool:
    """Whether a box and the article meet a level or two above the article's element."""
    meeting = where.meeting(anchor.getparent())
    return meeting is not None and meeting in where.article.near


def _text_follows(section: _Section, where: _Where) -> bool:
    last = section.links[-1] if section.links else section.anchor
    end = where.article.last
    return end is not None and where.tree.position(last) < where.tree.position(end)


def _frame_region(element: html.HtmlElement) -> bool:
    """The page's menu or footer, or an <aside> column of several boxes (the "Read next"
    <aside> a Ghost theme puts under the article has one heading)."""
    if element.tag == "aside":
        return len(elements(_BOX_HEADINGS, element)) > 1
    return element.tag in _FRAME_TAGS


def _beside(anchor: html.HtmlElement, where: _Where, *, inside: bool) -> bool:
    """A sidebar, a menu, the page's footer, a popular list or comments, named so on the way
    up from the box to the layout that holds the article's text. Inside the article's frame,
    a "widget" or an <aside> is a box of the article."""
    if not inside and _frame_region(anchor):
        return True
    found = (where.beside_inner if inside else where.beside)(anchor.getparent())
    return found if found is not None else COMMENTS.search(hints(anchor)) is not None


def _region_test(article: _Article, *, inside: bool) -> Callable[[html.HtmlElement], bool | None]:
    """What an ancestor of a box says: False for the layout holding the article's text (the
    walk up stops there), True for a region beside it, None for neither."""
    pattern = _BESIDE_INNER if inside else _BESIDE

    def test(node: html.HtmlElement) -> bool | None:
        if node in article.holders:
            return False
        if not inside and _frame_region(node):
            return True
        names = hints(node)
        return True if names and (pattern.search(names) or COMMENTS.search(names)) else None

    return test


# --- The page's boxes ----------------------------------------------------------------------


def _sections(page: Page, rules: Rules, texts: Callable[[], frozenset[html.HtmlElement]]) -> Iterator[_Section]:
    """The page's labelled sections, then its boxes named by class; ``texts`` gives the elements
    holding the article's paragraphs."""
    assert page.tree is not None
    site = page.meta.site_name
    for label, text in _labels(page.tree):
        strength = label_strength(text, rules, site=site)
        if strength:
            yield _Section(label, tuple(_links_of_label(label, texts())), strength, clean_line(text))
    yield from _image_sections(page.tree, rules, site, texts)
    yield from _line_sections(page.tree, rules)
    yield from _class_sections(page, rules)


def _labels(tree: html.HtmlElement) -> Iterator[tuple[html.HtmlElement, str]]:
    """The elements of short text that may hold a section's label, with their text, in
    document order. A leaf's text is its own; another's is measured in libxml2 before Python
    reads it (the element may hold a page). Most headings and bold texts are leaves too: read
    so, they spare two XPath calls each."""
    for element in document(tree, *_LABEL_TAGS, *_LABEL_LEAVES):
        label = element.tag not in _LABEL_LEAVES  # the shorter test: most elements are leaves' tags
        if len(element):
            if label and _SHORT(element):
                yield element, element.text_content()
        elif label or element.tag == "p" or element.get("class") is not None:
            text = element.text or ""  # a leaf heading, <p>, <div class> or <span class>
            if len(text) < _SHORT_CHARS or len(_XML_SPACES.sub(" ", text).strip(" ")) < _SHORT_CHARS:
                yield element, text


def _image_sections(
    tree: html.HtmlElement, rules: Rules, site: str | None, texts: Callable[[], frozenset[html.HtmlElement]]
) -> Iterator[_Section]:
    """Sections under a label drawn as an image: a heading whose one image's alt text is a
    related label."""
    for image in (i for i in document(tree, "img") if i.get("alt")):  # walked: cheaper than an XPath
        alt = image.get("alt", "")
        strength = label_strength(alt, rules, site=site)
        holder = image.getparent()
        if not strength or holder is None or holder.tag not in _IMAGE_HOLDERS:
            continue
        # The image alone in its heading (len() counts children: linear on a long list).
        if image.getprevious() is None and image.getnext() is None and not holder.text_content().strip():
            yield _Section(holder, tuple(_links_of_label(holder, texts())), strength, alt)


def _line_sections(tree: html.HtmlElement, rules: Rules) -> Iterator[_Section]:
    """One-line teasers: a label and a colon right before the link ("[Related: <a>…</a>]").
    The links are walked in Python: a sibling axis in XPath is quadratic on long lists."""
    for link in tree.iter("a"):
        before, line = link.getprevious(), link.getparent()
        text = (before.tail if before is not None else line.text if line is not None else None) or ""
        if line is None or not text.rstrip().endswith(":"):
            continue
        head = text.rstrip()[:-1]
        strength = label_strength(head, rules, site=None)
        if strength:
            yield _Section(line, (link,), strength, clean_line(head))


def _class_sections(page: Page, rules: Rules) -> Iterator[_Section]:
    """Boxes named by class (YARPP, Jetpack, "related-stories", "recirc"); a class on each
    link ("relatedLink") names the box that holds several of them."""
    assert page.tree is not None
    named = [*(page.landmarks.related if page.landmarks else ()), *_recirculation(page.tree, page.landmarks)]
    hrefs = {e: e.get("href") for e in named if e.tag == "a"}  # the named links, read once
    seen: set[html.HtmlElement] = set()
    for element in named:
        box = _box_of_link(element, hrefs) if element.tag == "a" else element
        if box is None or box in seen:
            continue
        seen.add(box)
        heading = _heading(box)
        strength = 3 if label_strength(heading, rules, site=page.meta.site_name) == 3 else 1
        yield _Section(box, tuple(box.iter("a")), strength, heading)


def _recirculation(tree: html.HtmlElement, landmarks: Landmarks | None) -> list[html.HtmlElement]:
    """The elements of the whole document whose class says "recirc", in document order: the
    landmarks walk's, which found them in passing, where the rest of the document (the root,
    its <head>, a second top element that libxml2 left) holds none; else an XPath's, a walk
    over every attribute of the page."""
    tops = itertools.chain(tree.itersiblings(etree.Element), tree.itersiblings(etree.Element, preceding=True))
    unwalked = (
        next(tops, None) is not None
        or "recirc" in (tree.get("class") or "")
        or any(_RECIRCULATING(part) for part in tree if part.tag == "head")
    )
    return elements(_RECIRCULATION, tree) if landmarks is None or unwalked else list(landmarks.recirculation)


def _box_of_link(link: html.HtmlElement, hrefs: dict[html.HtmlElement, str | None]) -> html.HtmlElement | None:
    """The nearest element above a link named "related" that holds another such link, to
    another story (a teaser's image and title link to the same one). ``hrefs``: the named
    links' targets (a set of the others per link was quadratic in the named links)."""
    href = link.get("href")
    for ancestor in itertools.islice(link.iterancestors(), BOX_LEVELS):
        if any(a in hrefs and hrefs[a] != href for a in ancestor.iter("a")):
            return ancestor
    return None


def _heading(box: html.HtmlElement) -> str:
    """A box's own heading: a short heading that comes before its first link ("<h2><a
    href="/sport/">Tennis latest</a></h2>" too), and is no teaser's title in an item."""
    for element in box.iterdescendants("a", *_TITLE_TAGS, "header"):
        if element.tag == "a":
            return ""
        if _item_of(element, {box}) is None:
            text = clean_line(element.text_content())
            return text if len(text.split()) <= MAX_LABEL_WORDS else ""
    return ""


def label_strength(text: str, rules: Rules, *, site: str | None) -> int:
    """3 for a related label ('Related posts', 'Lesen Sie auch'), 2 for one that goes on with
    a name ('More from X', 'More <site name>'), 0 for anything else."""
    first = text.split(maxsplit=1)[:1]
    if not first or first[0].strip(_OPENERS).rstrip(":").casefold() not in rules.related_first_words:
        return 0  # most candidate elements fail here, before any normalising
    key = phrase_key(text)
    if key in rules.phrases["related_label"]:
        return 3
    if " " not in key and text.rstrip().endswith(":") and _opens_label(key, rules):
        return 2  # "More:" over a list, a word that alone would be a button
    if len(key.split()) > MAX_LABEL_WORDS:
        return 0
    if key.startswith(rules.related_prefixes):
        return 2
    # "More Washington Examiner", "More Great WIRED Stories": more from the site.
    return 2 if site and key.startswith("more ") and phrase_key(site) in key else 0


def _opens_label(word: str, rules: Rules) -> bool:
    """Whether a related label opens with the word ("more", "read", "see"; not "next")."""
    return any(p.split(maxsplit=1)[0] == word for p in rules.phrases["related_label"])


def is_related_label(text: str, rules: Rules) -> bool:
    """'Related posts', 'Lesen Sie auch', or a label that goes on with a name ('More from X')."""
    return label_strength(text, rules, site=None) > 0


def _is_site_list(heading: str, rules: Rules) -> bool:
    """'Most read', 'Tennis latest', 'Trending now': the site's list, not the article's."""
    key = phrase_key(heading)
    return any(key == p or key.startswith(p + " ") or key.endswith(" " + p) for p in rules.phrases["most_read"])


def _links_of_label(label: html.HtmlElement, texts: frozenset[html.HtmlElement]) -> list[html.HtmlElement]:
    """The links that follow a label: in its later siblings up to the next heading, else, for
    a label wrapped in a <header> or a table's header row with no link beside it (column
    names), after its wrapper. Words inside a link ("Read more" on a card) label nothing."""
    if next(label.iterancestors("a"), None) is not None:
        return []
    node: html.HtmlElement | None = label
    for _ in range(LABEL_LEVELS):
        if node is None or node.tag in ("body", "html"):
            break
        links, closed = _sibling_links(node, texts)
        if closed or links:
            return links
        node = node.getparent()
    return []


def _sibling_links(node: html.HtmlElement, texts: frozenset[html.HtmlElement]) -> tuple[list[html.HtmlElement], bool]:
    """The links in a node's later siblings, up to a heading or the article's text, and
    whether the section is closed there. Right under the label, an empty element closes it
    (the slot a script fills: a "Related" heading over it labels nothing on the page as
    read), and so does a paragraph of prose ("UP NEXT" as a subheading of the text)."""
    links: list[html.HtmlElement] = []
    for sibling in itertools.islice(node.itersiblings(), MAX_LABEL_SIBLINGS):
        if not isinstance(sibling.tag, str):
            continue
        found = list(sibling.iter("a"))
        if (sibling.tag in _SECTION_BREAKS and not found) or _holds_text(sibling, texts):
            return links, True
        if not found and not links and (_slot(sibling) or _prose(sibling)):
            return links, True
        links.extend(found)
    return links, False


def _slot(element: html.HtmlElement) -> bool:
    return element.tag not in _CONTROLS and not element.text_content().strip()


def _prose(element: html.HtmlElement) -> bool:
    return element.tag == "p" and word_count(element.text_content()) >= MIN_SENTENCE_WORDS


def _holds_text(element: html.HtmlElement, texts: frozenset[html.HtmlElement]) -> bool:
    """Whether an element is or holds one of the article's paragraphs."""
    return element in texts or any(e in texts for e in element.iter(*_PARAGRAPH_TAGS))


def _story_like(link: html.HtmlElement, rules: Rules) -> bool:
    """A link titled like a story, not a "See all" button."""
    title = link_title(link)
    return word_count(title) >= MIN_TITLE_WORDS and not _is_button(title, rules)


# --- From a section to a box of related links -------------------------------------------------


class _Teaser(NamedTuple):
    """What a link offers as a teaser, whatever box it is read in."""

    url: str | None  # None for a relative link on a page read without its address
    key: str
    title: str
    shown: bool  # the title is shown as text, not an image's alt text


@dataclass(frozen=True, slots=True)
class _Reader:
    """What reading a page's links needs, and the links read so far: boxes nest and overlap."""

    base: str | None
    own: str | None
    rules: Rules
    texts: frozenset[html.HtmlElement]  # the article's paragraphs: their links are the text's
    read: dict[html.HtmlElement, _Teaser | None]


def _boxed(section: _Section, where: _Where, reader: _Reader) -> _Box | None:
    if not section.links or len(section.links) > MAX_SECTION_LINKS or _is_advert(section, reader.rules):
        return None
    place = _place(section, where)
    if place is None:
        return None
    links = _related_links(section, reader, where.tree)
    if not links:
        return None
    return _Box(links, place, section.strength, where.tree.position(section.anchor))


class _Around:
    """A box's anchor and its ancestors, as a container: an item holds one teaser, never the
    section (a set of them per box was quadratic on a deep page)."""

    def __init__(self, anchor: html.HtmlElement, tree: _Tree) -> None:
        self._anchor, self._tree = anchor, tree

    def __contains__(self, element: object) -> bool:
        return isinstance(element, html.HtmlElement) and self._tree.holds(element, self._anchor)


def _related_links(section: _Section, reader: _Reader, tree: _Tree) -> tuple[RelatedLink, ...]:
    found: dict[str, RelatedLink] = {}
    from_images: set[str] = set()  # stories titled by an image's alt text so far
    items: dict[html.HtmlElement, str] = {}  # each teaser's item, with its story's key
    around = _Around(section.anchor, tree)
    for link in section.links:
        teaser = _teaser(link, reader)
        if teaser is None:
            continue
        item = _item_of(link, around)
        if item is not None and items.get(item, teaser.key) != teaser.key:
            continue  # a teaser's second link: its category, author or comment count
        key = teaser.key
        if key not in found or (teaser.shown and key in from_images):  # a headline beats an image's alt text
            found[key] = RelatedLink(title=teaser.title, url=found[key].url if key in found else teaser.url)
            from_images.discard(key)
            if not teaser.shown:
                from_images.add(key)
        if item is not None:
            items[item] = key
    return tuple(found.values())


def _teaser(link: html.HtmlElement, reader: _Reader) -> _Teaser | None:
    """A link read as a teaser, once per page: boxes nest and overlap."""
    if link not in reader.read:
        reader.read[link] = _read_teaser(link, reader)
    return reader.read[link]


def _read_teaser(link: html.HtmlElement, reader: _Reader) -> _Teaser | None:
    """None for a link that is no story's teaser: a button, a tag, a link in prose or in a
    comment, a link back to the page."""
    title, shown = _title_of(link)
    if word_count(title) < MIN_TITLE_WORDS or _is_button(title, reader.rules):
        return None
    href = link.get("href")
    url = absolute_url(href, reader.base)
    shown_url = url
    if url is None and reader.base is None:
        # A page read without its address: a relative link is still a story's teaser, given
        # by its title alone, as a result's URLs are absolute (its target, resolved against a
        # stand-in, serves the tests below).
        url = absolute_url(href, _UNKNOWN_BASE)
    if not url or same_page(url, reader.own) or not _story_url(url, reader.own):
        return None
    if _in_prose(link) or _off_list(link) or _in_text(link, reader.texts):
        return None
    return _Teaser(shown_url, page_key(url), title, shown)


def _is_button(title: str, rules: Rules) -> bool:
    """'See all from Priya Raman', 'Lesen Sie auch': a link to a list, not a story."""
    key = phrase_key(title)
    return is_related_label(title, rules) or any(_opens_with(key, b) for b in rules.words["button"])


def _opens_with(key: str, button: str) -> bool:
    """The whole key, or a longer key after a button of two words or more ('see all from X');
    a one-word button must stand alone, or 'More rain expected' would be one."""
    return key == button or (" " in button and key.startswith(button + " "))


def _off_list(link: html.HtmlElement) -> bool:
    """A link in a comment ("View the discussion thread") or a previous/next-post link is no
    teaser of the list."""
    if _PAGER.search(hints(link)):
        return True
    return any(COMMENTS.search(names) or _PAGER.search(names) for names in _names_up(link, ITEM_LEVELS))


def _names_up(element: html.HtmlElement, levels: int) -> Iterator[str]:
    for ancestor in itertools.islice(element.iterancestors(), levels):
        names = hints(ancestor)
        if names:
            yield names


def _is_advert(section: _Section, rules: Rules) -> bool:
    """A box that says it is paid for: an "Ad" or "Sponsored" mark before its first story."""
    for link in section.links:
        if phrase_key(link.text_content()) in rules.phrases["advert"]:
            return True
        if _story_like(link, rules):
            return False
    return False


def _in_text(link: html.HtmlElement, texts: frozenset[html.HtmlElement]) -> bool:
    """A link inside one of the article's own paragraphs, behind a "Read more" expander."""
    return any(a in texts for a in itertools.islice(link.iterancestors(), ITEM_LEVELS))


def _in_prose(link: html.HtmlElement) -> bool:
    """A link inside a sentence of the text ("as CNN <a>reported</a> last week"): its line
    holds many more words outside links. A teaser's link is most of its line."""
    line = next((a for a in link.iterancestors() if a.tag in _BLOCKS), None)
    if line is None:
        return False
    loose = _loose_words(line)
    return loose >= MIN_PROSE_WORDS and len(link.text_content().split()) < loose


def _loose_words(element: html.HtmlElement) -> int:
    """The words of an element's line that no link holds, blocks nested in it aside."""
    count = len((element.text or "").split())
    for child in element:
        if isinstance(child.tag, str) and child.tag != "a" and child.tag not in _BLOCKS:
            count += _loose_words(child)
        count += len((child.tail or "").split())
    return count


def _story_url(url: str, own: str | None) -> bool:
    """A story's address, not a site's front, nor a section front of the page's own site
    ("/environment"), nor a list of tags, topics or an author's posts ("/tag/plague")."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return False
    own_host = urlsplit(own).netloc.removeprefix("www.") if own else None
    if len(segments) == 1 and parts.netloc.removeprefix("www.") == own_host and segments[0].isalpha():
        return False
    hub = next((i for i, s in enumerate(segments) if _HUB_SEGMENT.fullmatch(s)), None)
    return hub is None or len(segments) - hub > 2


def _item_of(link: html.HtmlElement, around: Container[html.HtmlElement]) -> html.HtmlElement | None:
    """The list item, card or row a teaser link sits in, inside its section, if any."""
    for ancestor in itertools.islice(link.iterancestors(), ITEM_LEVELS):
        if ancestor in around:
            return None
        if ancestor.tag in _ITEM_TAGS:
            return ancestor
    return None


def link_title(link: html.HtmlElement) -> str:
    """A teaser link's headline: its heading or title element, else its longest text piece
    (cards wrap the title with a kicker, a "Premium" badge or an excerpt), else the alt text
    of its image."""
    return _title_of(link)[0]


def _title_of(link: html.HtmlElement) -> tuple[str, bool]:
    """The title, and whether it is shown as text (not an image's alt text)."""
    for element in link.iterdescendants():
        if isinstance(element.tag, str) and (element.tag in _TITLE_TAGS or _TITLE_CLASS.search(hints(element))):
            title = clean_line(element.text_content())
            if title:
                return title, True
    pieces = [clean_line(t) for t in link.itertext() if isinstance(t, str)]
    shown = max(pieces, key=len, default="")
    if shown:
        return shown, True
    alts = [link.get("title"), link.get("alt"), *(i.get("alt") for i in link.iter("img"))]
    return clean_line(next((a for a in alts if a and a.strip()), "")), False
