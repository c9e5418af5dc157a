"""Landmarks: the page regions that CMS class names give away, found in one pass over the tree.

A byline, an author box, a voting widget, a related-posts list and a comment thread carry
telling class or id names on every CMS we looked at (WordPress themes and plugins, Drupal,
Ghost, Medium, Substack, forums). One walk collects them; the field extractors then look
only where the page points.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from lxml import etree, html

from newsparse.normalize import clean_line
from newsparse.rules.patterns import trie_pattern
from newsparse.sources.xpath import elements

# Patterns over an element's "class id itemprop" string, lower-cased.
_CONCEPTS = {
    "author_box": re.compile(
        r"(?:author|auteur|autor|autore)[-_]?(?:bio|box|info|description|details|profile|card|wrap|about|tagline)"
        r"|about[-_](?:the[-_])?author"
        r"|authorbox|saboxplugin|abh_box|td-author-by|g1-author-box|entry-author(?:\s|$|-info|-bio)"
    ),
    "byline": re.compile(
        r"byline|by-line|author[-_]?name|post[-_]author|entry[-_]author|article[-_]{1,2}author|meta[-_]author"
        r"|\bauthors?\b|\b(?:autor|autore|auteur)(?:es|en|i|s)?\b|__author\b|writer|posted-by|itemprop-author"
        r"|postmetadata"
    ),
    "votes": re.compile(
        r"vot(?:e|es|ing|o|os|i)|score|points|punkte|puntos|pontos|punti|karma|clap|upvote"
        r"|likes?[-_]?(?:count|button|number)|\blikes?\b|post-rating"
    ),
    "related": re.compile(
        r"related|jp-relatedposts|yarpp|crp[-_]list|rp4wp|read[-_]?next|more[-_]from|you[-_]may[-_]like|also[-_]like"
        r"|recommended|post-navigation-related"
    ),
    "boilerplate": re.compile(
        r"newsletter|subscri|signup|sign-up|mc4wp|optin|opt-in|\btnp\b|sharedaddy|addtoany|social-share|share-?(?:bar|buttons|links|tools)"
        r"|\bshare\b|advert|\bads?\b|adsbygoogle|ad-slot|ad-container|promo|sponsor|donate|donation"
        r"|breadcrumb|cookie|consent|paywall|caption|credit|tags-links|post-tags|entry-tags|\btags\b"
    ),
    # A summary under the headline: boilerplate only before the body starts (positional).
    "standfirst": re.compile(r"subtitle|standfirst|excerpt|\bdek\b|sub-?head(?:line)?"),
}
# A BEM modifier ("Section--ads") names a variant of the element before it, not what the
# element is: a product test's sections flagged as carrying ads are the article's text.
_BEM_MODIFIER = re.compile(r"(?<=\w)--[\w-]*")
COMMENTS = re.compile(r"comment|disqus|respond|discussion|replies")
RELATED = _CONCEPTS["related"]
# A cheap first sieve: most class and id values contain none of these stems.
_STEMS = re.compile(
    trie_pattern(
        """
        author auteur autor sabox abh_ byline postmeta by-line writer posted-by vot score point karma clap like
        related yarpp rp4wp crp readnext read-next read_next morefrom more-from more_from recommend
        newsletter subscri signup sign-up sign_up mc4wp optin opt-in tnp share addtoany advert ads ad-
        ad_ promo sponsor excerpt subtitle standfirst dek breadcrumb cookie consent paywall caption
        credit tags rating subhead donat
        """.split()
    )
)
_NAMED = ("class", "id", "itemprop", "rel")
# WordPress puts page-wide flags on <body> ("right-sidebar", "comments-open"): they say nothing
# about where an element stands.
_PAGE_LEVEL = frozenset({"body", "html"})


class TokenPattern:
    """A pattern tested on each class or id token alone, skipping layout wrappers: Genesis
    wraps the article itself in "content-sidebar-wrap"."""

    def __init__(self, pattern: str, exclude: str) -> None:
        self._pattern, self._exclude = re.compile(pattern), re.compile(exclude)

    def search(self, names: str) -> bool:
        return any(self._pattern.search(t) and not self._exclude.search(t) for t in names.split())


# Regions that hold other articles' links or other people's words: never the article's own fields.
ASIDE_HINT = TokenPattern(
    r"sidebar|^side$|widget|popular|trending|most[-_]?(?:read|viewed|popular)|menu|^nav$|navigation|site-footer",
    r"wrap|layout|content|^has-|^no-|^with-",
)


@dataclass(frozen=True, slots=True)
class Landmarks:
    author_box: tuple[html.HtmlElement, ...] = ()
    byline: tuple[html.HtmlElement, ...] = ()
    votes: tuple[html.HtmlElement, ...] = ()
    related: tuple[html.HtmlElement, ...] = ()
    boilerplate: tuple[html.HtmlElement, ...] = ()
    standfirst: tuple[html.HtmlElement, ...] = ()
    recirculation: tuple[html.HtmlElement, ...] = ()  # a class holding "recirc" (see ``fields.related``)


def hints(element: html.HtmlElement) -> str:
    """The names an element carries: class, id, itemprop and rel, lower-cased."""
    attrib = element.attrib
    return " ".join(attrib[a] for a in _NAMED if a in attrib).casefold()


def find_landmarks(tree: html.HtmlElement) -> Landmarks:
    """One walk over the elements' class and id names (itemprop and rel=author are metadata,
    read by ``sources.metadata``), the <head>'s left out: a tenth of a page's elements, none
    of them shown. Each distinct pair of names is matched once: fewer than half
    of a page's are distinct (menu items, cards), and matching is most of the walk's time."""
    found: dict[str, list[html.HtmlElement]] = {concept: [] for concept in _CONCEPTS}
    concepts_of: dict[str, tuple[str, ...]] = {}
    recirculation = []
    for element in itertools.chain.from_iterable(part.iter(etree.Element) for part in tree if part.tag != "head"):
        css, ident = element.get("class"), element.get("id")  # inlined: this loop sees every element
        if css is None and ident is None:
            continue
        if css is not None and "recirc" in css:
            recirculation.append(element)
        names = f"{css or ''} {ident or ''}"
        concepts = concepts_of.get(names)
        if concepts is None:
            concepts = concepts_of[names] = _concepts(names.lower())
        for concept in concepts:
            found[concept].append(element)
    return Landmarks(
        **{concept: tuple(elements) for concept, elements in found.items()}, recirculation=tuple(recirculation)
    )


def _concepts(names: str) -> tuple[str, ...]:
    """The concepts lower-cased names point to; boilerplate by the names without their
    modifiers."""
    if not _STEMS.search(names):
        return ()
    unmodified = _BEM_MODIFIER.sub("", names)
    return tuple(
        concept
        for concept, pattern in _CONCEPTS.items()
        if pattern.search(unmodified if concept == "boilerplate" else names)
    )


def inside(element: html.HtmlElement, pattern: re.Pattern[str] | TokenPattern) -> bool:
    """Whether the element or one of its ancestors carries a name matching ``pattern``; for
    one element (to ask it of many, see ``Within``)."""
    return Within(pattern)(element)


Answer = TypeVar("Answer")


class Upward(Generic[Answer]):
    """The answer ``test`` gives for the nearest of an element and its ancestors that has one
    (None when none has), each element's kept: the many elements asked about on one page share
    their ancestors. Asked of every vote widget, byline candidate or related box of a page
    2,000 levels deep, walking each one's ancestors took time in the square of the page (8,000
    vote spans: 56 s; 2,000 related labels: 24 s); with the answers kept, each element is read
    once. Made per page and question, so nothing outlives a page."""

    def __init__(self, test: Callable[[html.HtmlElement], Answer | None]) -> None:
        self._test = test
        self._known: dict[html.HtmlElement, Answer | None] = {}

    def __call__(self, element: html.HtmlElement | None) -> Answer | None:
        path = []  # the elements read on the way up: all share the answer found
        answer: Answer | None = None
        node = element
        while node is not None:
            if node in self._known:
                answer = self._known[node]
                break
            path.append(node)
            answer = self._test(node)
            if answer is not None:
                break
            node = node.getparent()
        self._known.update(dict.fromkeys(path, answer))
        return answer


class Within(Upward[bool]):
    """``inside`` for the many elements of one page."""

    def __init__(self, pattern: re.Pattern[str] | TokenPattern) -> None:
        super().__init__(lambda node: _names_match(node, pattern))

    def __call__(self, element: html.HtmlElement | None) -> bool:
        return bool(super().__call__(element))


def _names_match(node: html.HtmlElement, pattern: re.Pattern[str] | TokenPattern) -> bool | None:
    """True if the node's names match, False at the page's top (its flags say nothing), else
    None: ask its parent."""
    if node.tag in _PAGE_LEVEL:
        return False
    return True if pattern.search(hints(node)) else None


# A boilerplate container with more words than this is a wrapper that merely carries a
# telling class ("share-enabled article"), not a box: its text is not dropped.
MAX_BOX_WORDS = 150


# Up to this many blocks (a story has tens), each is looked for in each box's text before
# the box's pieces are read (``boxed_texts``).
MAX_TESTED_BLOCKS = 256

# The elements whose text can come out of the main-content extractor as one block.
_TEXT_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "div", "dd")


def boxed_texts(landmarks: Landmarks, tree: html.HtmlElement, blocks: Iterable[str]) -> dict[str, str]:
    """Which of the ``blocks`` stand whole inside a boilerplate box (newsletter, share bar,
    author box, related list, caption), each mapped to the class that gave its box away."""
    wanted = set(blocks)
    # A box is read piece by piece only where a block stands in its text: a test that costs
    # less than the reading while the blocks are few, and is skipped on a page of thousands.
    few = len(wanted) <= MAX_TESTED_BLOCKS
    found: dict[str, str] = {}
    read: dict[html.HtmlElement, str] = {}  # the boxes read so far, with their texts
    outer_text = Upward(read.get)  # boxes share their ancestors: each read once
    named = [*landmarks.boilerplate, *landmarks.author_box, *landmarks.related, *_signup_boxes(tree)]
    for box in dict.fromkeys([*named, *tree.iter("figcaption", "cite")]):  # a box named twice is read once
        text = _box_text(box)
        if not text or _holds_headline(box):
            continue
        outer = outer_text(box.getparent())
        read[box] = text
        if outer is not None and box.tag in _TEXT_TAGS and text in outer:
            continue  # its pieces are the outer box's, within its text: their hits are found
        if few and not any(block in text for block in wanted):
            continue  # a hit stands in the box's text: most boxes (share bars, captions) hold none
        # The box's pieces looked up among the blocks: testing every block against every box
        # took time in the square of the page (2.46 MB: 7.7 s).
        hits = [p for p in _pieces(box, text) if p in wanted and p not in found and p in text]
        found.update(dict.fromkeys(hits, hints(box).split(" ")[0] or str(box.tag)))
    return found


def _holds_headline(box: html.HtmlElement) -> bool:
    """A box around the page's <h1> frames the article, whatever its name: a paywalled story's
    visible part sits in a "paywall-teaser" or "subscriber-content" wrapper."""
    return box.tag == "h1" or next(box.iter("h1"), None) is not None


def _box_text(box: html.HtmlElement) -> str:
    """The box's text; empty for a wrapper of more than ``MAX_BOX_WORDS`` words, which is
    told from its first words (twice as many: cleaning drops a few), not from the whole page
    it may hold: nested wrappers made that quadratic."""
    if more_words_than(box, 2 * MAX_BOX_WORDS):
        return ""
    text = clean_line(box.text_content())
    return "" if len(text.split()) > MAX_BOX_WORDS else text


def _pieces(box: html.HtmlElement, text: str) -> set[str]:
    """The texts a block could have been cut from: the box, its elements, its lines."""
    pieces = {text, *(clean_line(e.text_content()) for e in box.iter(*_TEXT_TAGS))}
    pieces.update(clean_line(piece) for piece in box.itertext())  # lines split by <br>: "Photo by ..."
    return pieces


def more_words_than(element: html.HtmlElement, limit: int) -> bool:
    """Whether ``element.text_content()`` has more than ``limit`` words, read only as far as
    that: the text of a page's wrapper, asked for each of its thousand parts, was quadratic.

    >>> more_words_than(html.fragment_fromstring("<p>one t<b>wo</b> three</p>"), 2)
    True
    >>> more_words_than(html.fragment_fromstring("<p>one t<b>wo</b> three</p>"), 3)
    False
    """
    if not len(element):  # a leaf shows its own text: one string, no walk
        return len((element.text or "").split(None, limit + 1)) > limit
    words, glued = 0, False  # glued: the text so far ends inside a word, which the next piece may go on
    for piece in element.itertext():
        parts = piece.split(None, limit + 1)
        words += len(parts) - (glued and bool(parts) and not piece[0].isspace())
        if words > limit:
            return True
        glued = glued if not piece else not piece[-1].isspace()
    return False


def text_up_to(element: html.HtmlElement, max_chars: int) -> str | None:
    """``element.text_content()``, or None once it shows more than ``max_chars`` characters
    other than spaces: counted only that far, since candidates nest (the whole text of each of
    2,000 nested byline candidates was quadratic). A bound to test the cleaned text against,
    with room to spare: cleaning drops invisible characters and rarely grows a text.

    >>> byline = html.fragment_fromstring("<p>By <b>Jane Doe</b></p>")
    >>> text_up_to(byline, 9), text_up_to(byline, 8)
    ('By Jane Doe', None)
    """
    if not len(element):  # a leaf shows its own text: one string, no walk
        text = element.text or ""
        return text if _shows_at_most(text, max_chars) else None
    left = max_chars
    for piece in element.itertext():
        left -= len("".join(piece[: 4 * (left + 1)].split()))  # a long piece: its head is enough
        if left < 0:
            return None
    return str(element.text_content())


def _shows_at_most(text: str, max_chars: int) -> bool:
    """Whether ``text`` has at most ``max_chars`` characters other than spaces."""
    return len(text) <= max_chars or len("".join(text[: 4 * (max_chars + 1)].split())) <= max_chars


_EMAIL_INPUTS = etree.XPath("/descendant::input[@type='email']")  # not "//": see metadata._REL_LINKS
# A sign-up box is the largest ancestor of an e-mail field with at most this many words.
MAX_SIGNUP_WORDS = 60
SIGNUP_LEVELS = 4


def _signup_boxes(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """Newsletter boxes whose class names say nothing ("a_nl"): what holds an e-mail field.
    Each ancestor is read once, however many fields it holds (reading the container's whole
    text for each of them was quadratic: 0.64 MB took 14.7 s)."""
    crowded: dict[html.HtmlElement, bool] = {}  # ancestor -> more words than a sign-up box has
    boxes: dict[html.HtmlElement, None] = {}  # in order, each once
    for field in elements(_EMAIL_INPUTS, tree):
        box = None
        for ancestor in itertools.islice(field.iterancestors(), SIGNUP_LEVELS):
            if ancestor not in crowded:
                crowded[ancestor] = more_words_than(ancestor, MAX_SIGNUP_WORDS)
            if crowded[ancestor]:
                break
            box = ancestor
        if box is not None:
            boxes[box] = None
    return list(boxes)


def standfirst_texts(landmarks: Landmarks) -> frozenset[str]:
    """Texts of the elements named as a subtitle or standfirst."""
    return frozenset(t for t in (clean_line(e.text_content()) for e in landmarks.standfirst) if t)
