"""Votes: the article's own score, from a line such as "5.5k Points" or "Score: 42"."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

from lxml import etree, html

from newsparse.model import VoteCount
from newsparse.normalize import clean_line, phrase_key
from newsparse.page import Page
from newsparse.rules import Rules
from newsparse.sources.landmarks import ASIDE_HINT, COMMENTS, RELATED, Within, hints, text_up_to
from newsparse.sources.xpath import elements

_MINUS = "-\u2212\u2013"
_IGNORED = str.maketrans("", "", " '\u2009")
# A vote line is a count and a word or two; anything longer is prose that mentions points.
MAX_VOTE_LINE_CHARS = 40
# An aggregator's submission line: score, author, age and a few links.
MAX_SUBMISSION_LINE_CHARS = 120
# The most-liked posts anywhere have under 100 million likes. A count past a trillion is a
# page's garbage ("9999999999999999999999k Points", a 4,300-digit schema.org counter), no
# score; the bound also keeps every count inside the tables' int64 column.
MAX_COUNT = 10**12


def parse_count(number: str, *, multiplier: int = 1, decimal: str = ".") -> int:
    """Read a count written with any separators, times its multiplier word.

    A group of thousands always has three digits, so a separator followed by one or two
    digits is a decimal mark. Three digits after the last separator mean grouping in a
    plain count; only with a multiplier ("1.234k") does the page's language decide.

    >>> parse_count("5.5", multiplier=1000), parse_count("12,5", multiplier=1000)
    (5500, 12500)
    >>> parse_count("1,234"), parse_count("1.234"), parse_count("1.234.567")
    (1234, 1234, 1234567)
    >>> parse_count("1.234", multiplier=1000, decimal=",")
    1234000
    >>> parse_count("\u22127")
    -7
    """
    sign = -1 if number[:1] in _MINUS else 1
    digits = number.lstrip("+" + _MINUS).translate(_IGNORED)
    mark = _decimal_mark(digits, multiplier=multiplier, decimal=decimal)
    group = "," if mark == "." else "."
    whole = digits.replace(group, "").replace(mark, ".")
    return sign * round(float(whole) * multiplier)


def _decimal_mark(digits: str, *, multiplier: int, decimal: str) -> str:
    last = max(digits.rfind("."), digits.rfind(","))
    if last < 0:
        return decimal
    separator, tail = digits[last], digits[last + 1 :]
    if len(tail) != 3:
        return separator
    if multiplier == 1:
        return "," if separator == "." else "."
    return decimal


def _after_buttons(text: str, rules: Rules) -> re.Match[str] | None:
    """A score after the widget's own buttons, as dumps flatten it: "Vote Up Vote Down -12 points".

    >>> from newsparse.rules import rules_for
    >>> _after_buttons("Vote Up Vote Down -12 points", rules_for("en")).group("number")
    '-12'
    """
    for start in (i + 1 for i, ch in enumerate(text) if ch == " "):
        if _only_buttons(text[:start], rules):
            match = rules.votes.fullmatch(text, start)
            if match:
                return match
    return None


def _before_byline(text: str, rules: Rules) -> re.Match[str] | None:
    """A score that opens a submission line: "123 points by quietlamp 4 hours ago | hide".

    >>> from newsparse.rules import rules_for
    >>> _before_byline("123 points by quietlamp 4 hours ago | hide | 57 comments", rules_for("en")).group(0)
    '123 points'
    """
    match = rules.votes.match(text)
    if match is None:
        return None
    rest = text[match.end() :].split(maxsplit=1)
    return match if rest and rest[0].casefold() in rules.byline_words else None


def _only_buttons(prefix: str, rules: Rules) -> bool:
    words = set(phrase_key(prefix).split())
    return bool(words) and words <= rules.button_words


def parse_votes(text: str, rules: Rules) -> VoteCount | None:
    """The score a whole line states, or None when the line is not a score.

    >>> from newsparse.rules import rules_for
    >>> parse_votes("5.5k Points", rules_for("en"))
    VoteCount(count=5500, raw='5.5k Points', label='points')
    >>> parse_votes("2,5 mil votos", rules_for("es"))
    VoteCount(count=2500, raw='2,5 mil votos', label='votes')
    >>> parse_votes("1.234 Punkte", rules_for("de")).count
    1234
    """
    if len(text) <= MAX_VOTE_LINE_CHARS:
        match = rules.votes.fullmatch(text) or _after_buttons(text, rules)
    else:
        match = _before_byline(text, rules) if len(text) <= MAX_SUBMISSION_LINE_CHARS else None
    if not match:
        return None
    number = match.group("number") or match.group("number2")
    word = (match.group("multiplier") or match.group("multiplier2") or "").casefold()
    label = (match.group("label") or match.group("label2")).casefold()
    count = parse_count(number, multiplier=rules.multipliers.get(word, 1), decimal=rules.decimal)
    return _plausible(VoteCount(count=count, raw=match.group(0), label=rules.vote_labels.get(label, label)))


def bar_count(text: str, rules: Rules) -> VoteCount | None:
    """A bare count as a post's engagement bar shows it between a comment count and a share bar,
    its heart or thumb icon lost in the dump ("2 comments" / "14" / "Facebook Twitter"): likes.

    >>> from newsparse.rules import rules_for
    >>> bar_count("14", rules_for("en"))
    VoteCount(count=14, raw='14', label='likes')
    >>> bar_count("14 min", rules_for("en")) is None
    True
    """
    match = rules.count.fullmatch(text)
    if match is None:
        return None
    count = parse_count(match.group("number"), multiplier=_multiplier(match, rules), decimal=rules.decimal)
    return _plausible(VoteCount(count=count, raw=text, label="likes"))


def bar_pair(text: str, rules: Rules) -> VoteCount | None:
    """Two bare counts side by side, as a like widget with its dislike count prints them
    once the thumbs are lost ("55 3"): the likes are the first. Page numbers ("1 2") run on.

    >>> from newsparse.rules import rules_for
    >>> bar_pair("55 3", rules_for("en"))
    VoteCount(count=55, raw='55', label='likes')
    >>> bar_pair("1 2", rules_for("en")) is None, bar_pair("14", rules_for("en")) is None
    (True, True)
    """
    parts = text.split()
    if len(parts) != 2:
        return None
    likes, dislikes = (bar_count(part, rules) for part in parts)
    if likes is None or dislikes is None or dislikes.count == likes.count + 1:
        return None
    return likes


def _multiplier(count: re.Match[str], rules: Rules) -> int:
    """What a bare count's multiplier word ("1.1K", "12 mil") multiplies by; 1 without one."""
    return rules.multipliers.get((count.group("multiplier") or "").casefold(), 1)


def share_row(text: str, rules: Rules) -> bool:
    """Whether a line is only share buttons' names, spaced or glued as a browser's innerText
    glues a row of icons ("FacebookTwitterPinterestEmail").

    >>> from newsparse.rules import rules_for
    >>> share_row("FacebookTwitterPinterestEmail", rules_for("en")), share_row("Facebook pages", rules_for("en"))
    (True, False)
    """
    if len(text) > MAX_VOTE_LINE_CHARS * 3:
        return False  # a row of buttons is short; this test reads a line character by character
    glued = "".join(text.split()).casefold()
    names = [p for p in rules.phrases["share"] if len(p) > 2 and " " not in p]  # buttons: "facebook", "email"
    reach = [True] + [False] * len(glued)  # reach[i]: glued[:i] splits into share words
    for i in range(len(glued)):
        if reach[i]:
            for name in names:
                if glued.startswith(name, i):
                    reach[i + len(name)] = True
    return bool(glued) and reach[-1]


def _plausible(votes: VoteCount) -> VoteCount | None:
    """The score, unless no page could show it (past ``MAX_COUNT`` either way)."""
    return votes if abs(votes.count) <= MAX_COUNT else None


# --- HTML pages: schema.org counters first, then the page's voting widget ---

# schema.org action types and the label their count means.
_ACTION_LABELS = {"likeaction": "likes", "voteaction": "votes", "agreeaction": "upvotes", "endorseaction": "likes"}
# What a widget's class name says a bare count is: "clap-count" -> likes.
_NAME_PARTS = re.compile(r"[\s_-]+")
# How far around a bare count its widget's names are read.
WIDGET_LEVELS = 3
MAX_WIDGET_ELEMENTS = 40
# Name parts of what is no article's score: the dislike half of a pair, a review's rating.
_DOWN_WORDS = frozenset({"down", "dislike", "dislikes", "downvote", "downvotes", "minus", "negative"})
_REVIEW_WORDS = frozenset({"review", "reviews"})
_DIGIT = re.compile(r"\d")
_PAGE_LEVEL = frozenset({"body", "html"})
# A teaser is a short block (a card: image, title, a meta line) whose h2-h6 heading is a link.
MAX_TEASER_WORDS = 80
_LINKED_HEADINGS = etree.XPath(
    ".//a[@href]//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
    " | .//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]//a[@href]"
)
# How far up a count its item may stand among items alike (poll answers), and how short it is.
PARALLEL_LEVELS = 3
MAX_ITEM_WORDS = 40
# Items alike stand near each other (a poll's answers, a table's rows): this many siblings on
# each side are read, not the whole parent, which cost time in the square of a page of 8,000
# widgets in one parent.
TWIN_SIBLINGS = 20
_WIDGET_LABELS = (
    ("clap", "likes"),
    ("like", "likes"),
    ("upvote", "upvotes"),
    ("vote", "votes"),
    ("karma", "points"),
    ("score", "score"),
    ("point", "points"),
)


def html_votes(page: Page, rules: Rules, *, fallback: VoteCount | None) -> VoteCount | None:
    """schema.org counters first, then the first voting widget that is the article's own: not
    in comments, sidebars, related lists or another story's teaser (which show other articles'
    scores), nor a review's rating."""
    for kind, count in page.meta.interactions:
        if kind in _ACTION_LABELS and abs(count) <= MAX_COUNT:
            return VoteCount(count=count, raw=str(count), label=_ACTION_LABELS[kind])
    in_comments, in_related = Within(COMMENTS), Within(RELATED)  # many widgets: each ancestor read once
    parts = _Parts(rules)
    for element in page.landmarks.votes if page.landmarks else ():
        if in_comments(element) or in_related(element):
            continue
        votes = _widget_votes(element, parts)
        if votes and not _elsewhere(element):
            return votes
    return fallback


def _elsewhere(widget: html.HtmlElement) -> bool:
    """Whether a widget outside comments and related lists scores something else than the
    article: it stands in a sidebar or another story's teaser, or it rates a review."""
    return _in_sidebar(widget) or _is_review(widget) or _in_teaser(widget)


def _in_sidebar(element: html.HtmlElement) -> bool:
    """Inside a sidebar, unless the "sidebar" holds the page's <h1>: then it wraps the main
    column, as Theia Sticky Sidebar's "theiaStickySidebar" does, or flags the whole layout."""
    node: html.HtmlElement | None = element
    while node is not None and node.tag not in _PAGE_LEVEL:
        if ASIDE_HINT.search(hints(node)) and next(node.iter("h1"), None) is None:
            return True
        node = node.getparent()
    return False


def _is_review(element: html.HtmlElement) -> bool:
    """A review's rating ("review-score" around an "8") grades a product, it is no vote."""
    node: html.HtmlElement | None = element
    for _ in range(WIDGET_LEVELS + 1):
        if node is None or node.tag in _PAGE_LEVEL:
            break
        if _REVIEW_WORDS & set(_NAME_PARTS.split(hints(node))):
            return True
        node = node.getparent()
    return False


def _in_teaser(element: html.HtmlElement) -> bool:
    """Inside another story's teaser: a short block whose heading links elsewhere (a card in a
    recommendations rail, its review score over the thumbnail). The page's own title is an <h1>."""
    for node in element.iterancestors():
        if node.tag in _PAGE_LEVEL or len(node.text_content().split()) > MAX_TEASER_WORDS:
            return False
        if elements(_LINKED_HEADINGS, node):
            return True
    return False


class _Reading(NamedTuple):
    score: VoteCount
    labelled: bool  # a vote word says what it counts ("12 points"), not the widget's name
    down: bool  # the dislike half of a pair


class _Parts:
    """The readings of widgets' parts, each element read once: widgets nest, and one that shows
    no count at all holds no widget that does (reading their parts again was quadratic: 1,600
    nested widgets, 34 KB, took 16 s)."""

    def __init__(self, rules: Rules) -> None:
        self._rules = rules
        self._read: dict[html.HtmlElement, _Reading | None] = {}
        self._barren: set[html.HtmlElement] = set()  # inside a widget that shows no count

    def readings(self, widget: html.HtmlElement) -> Iterator[_Reading]:
        if widget in self._barren:
            return
        found = False
        for element in widget.iter(etree.Element):
            if element not in self._read:
                self._read[element] = _reading(element, self._rules)
            reading = self._read[element]
            if reading is not None:
                found = True
                yield reading
        if not found:
            self._barren.update(widget.iter())


def _widget_votes(widget: html.HtmlElement, parts: _Parts) -> VoteCount | None:
    """The score a widget shows, in itself or in one of its short-text parts."""
    bare: list[tuple[VoteCount, bool]] = []
    for reading in parts.readings(widget):
        if reading.labelled:
            return reading.score
        bare.append((reading.score, reading.down))
    return _current_state(bare)


def _reading(element: html.HtmlElement, rules: Rules) -> _Reading | None:
    """The count an element of a widget shows in its short text, unless it is one of many items alike."""
    shown = text_up_to(element, 2 * MAX_VOTE_LINE_CHARS)  # widgets nest: read only that far
    text = clean_line(shown) if shown else ""
    if not text or len(text) > MAX_VOTE_LINE_CHARS:
        return None
    votes = parse_votes(text, rules)
    reading = votes or _bare_count(element, text, rules)
    if reading is None or _one_of_many(element, rules):
        return None
    return _Reading(reading, votes is not None, votes is None and _is_down(element))


def _one_of_many(element: html.HtmlElement, rules: Rules) -> bool:
    """A count in one of several short items alike, each with a score of its own, belongs to its
    item, not to the article: a poll's answers ("165 votes" under each option), a table's match
    scores. A poll's total stands alone; a comment count in the next button is no score."""
    node = element
    for _ in range(PARALLEL_LEVELS + 1):
        parent = node.getparent()
        if parent is None or parent.tag in _PAGE_LEVEL:
            return False
        twins = _twins(node)
        short = bool(twins) and len(node.text_content().split()) <= MAX_ITEM_WORDS
        if short and any(_scored_alike(twin, element, rules) for twin in twins):
            return True
        node = parent
    return False


def _twins(node: html.HtmlElement) -> list[html.HtmlElement]:
    """The node's nearest siblings of the same tag and class."""
    near = itertools.chain(
        itertools.islice(node.itersiblings(preceding=True), TWIN_SIBLINGS),
        itertools.islice(node.itersiblings(), TWIN_SIBLINGS),
    )
    return [s for s in near if s.tag == node.tag and s.get("class") == node.get("class")]


def _scored_alike(item: html.HtmlElement, count: html.HtmlElement, rules: Rules) -> bool:
    """Whether ``item`` shows a score where ``count`` stands in its own item (same tag and class):
    a count with a vote word, or one whose class names a score."""
    kind = count.get("class")
    for element in item.iter(count.tag):
        text = clean_line(element.text_content()) if element.get("class") == kind else ""
        if len(text) > MAX_VOTE_LINE_CHARS or not _DIGIT.search(text):
            continue
        if parse_votes(text, rules) or _label_from(hints(element)):
            return True
    return False


def _is_down(element: html.HtmlElement) -> bool:
    """The dislike half of a like/dislike pair ("likes-down", "dislike-count"): not the score."""
    return bool(_DOWN_WORDS & set(_NAME_PARTS.split(hints(element))))


def _current_state(counts: list[tuple[VoteCount, bool]]) -> VoteCount | None:
    """Vote widgets pre-render the score as it would read after a down-vote, unvoted and after
    an up-vote (old Reddit: 1,233 / 1,234 / 1,235) and let CSS show one: the middle one is
    the score. Else the first count that is not a pair's dislikes (55 likes beside 3 dislikes: 55)."""
    values = {c.count for c, _ in counts}
    middle = next((c for c, _ in counts if c.count - 1 in values and c.count + 1 in values), None)
    return middle or next((c for c, down in counts if not down), None)


def _bare_count(element: html.HtmlElement, text: str, rules: Rules) -> VoteCount | None:
    """A number alone ("1.1K"), labelled by what the widget around it is called."""
    match = rules.count.fullmatch(text)
    if not match or _pieces_with_digits(element) > 1:
        return None
    # The count's own class speaks first ("score unvoted" beside "score likes" states), but a
    # clap button around it makes it a like count whatever the count is called (Medium).
    context = _widget_names(element)
    label = "likes" if "clap" in context else _label_from(hints(element)) or _label_from(context)
    if label is None:
        return None
    count = parse_count(match.group("number"), multiplier=_multiplier(match, rules))
    return _plausible(VoteCount(count=count, raw=text, label=label))


def _pieces_with_digits(element: html.HtmlElement) -> int:
    """How many of the element's texts hold digits: a like count and a dislike count side by
    side ("<a>55</a><a>3</a>") read as one "553", but are two counts."""
    return sum(1 for piece in element.itertext() if _DIGIT.search(piece))


def _label_from(names: str) -> str | None:
    """The label of the first vote word among the name's parts: "pw-multi-vote-count" says
    votes, "score unvoted" says score ("unvoted" is a state, not a word of the name)."""
    parts = set(_NAME_PARTS.split(names))
    return next((label for word, label in _WIDGET_LABELS if word in parts or word + "s" in parts), None)


def _widget_names(element: html.HtmlElement) -> str:
    """Class, id and ARIA names around a count: a clap button sits beside Medium's "1.1K"."""
    top = element
    for _ in range(WIDGET_LEVELS):
        parent = top.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        top = parent
    parts = []
    for node in itertools.islice(top.iter(etree.Element), MAX_WIDGET_ELEMENTS):
        parts.append(" ".join(str(node.get(a, "")) for a in ("class", "id", "aria-label", "data-testid", "title")))
    return " ".join(parts).casefold()
