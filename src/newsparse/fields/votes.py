"""Votes: the article's own score, from a line such as "5.5k Points" or "Score: 42"."""

from __future__ import annotations

import itertools
import re

from lxml import etree, html

from newsparse.model import VoteCount
from newsparse.normalize import clean_line, phrase_key
from newsparse.page import Page
from newsparse.rules import Rules
from newsparse.sources.landmarks import ASIDE_HINT, COMMENTS, RELATED, hints, inside

_MINUS = "-\u2212\u2013"
_IGNORED = str.maketrans("", "", " '\u2009")
# A vote line is a count and a word or two; anything longer is prose that mentions points.
MAX_VOTE_LINE_CHARS = 40
# An aggregator's submission line: score, author, age and a few links.
MAX_SUBMISSION_LINE_CHARS = 120


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
    return VoteCount(count=count, raw=match.group(0), label=rules.vote_labels.get(label, label))


# --- HTML pages: schema.org counters first, then the page's voting widget ---

# schema.org action types and the label their count means.
_ACTION_LABELS = {"likeaction": "likes", "voteaction": "votes", "agreeaction": "upvotes", "endorseaction": "likes"}
# What a widget's class name says a bare count is: "clap-count" -> likes.
_NAME_PARTS = re.compile(r"[\s_-]+")
# How far around a bare count its widget's names are read.
WIDGET_LEVELS = 3
MAX_WIDGET_ELEMENTS = 40
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
    """schema.org counters first, then the first voting widget outside comments, sidebars and
    related lists (whose teasers show other articles' scores)."""
    for kind, count in page.meta.interactions:
        if kind in _ACTION_LABELS:
            return VoteCount(count=count, raw=str(count), label=_ACTION_LABELS[kind])
    for element in page.landmarks.votes if page.landmarks else ():
        if not any(inside(element, p) for p in (COMMENTS, ASIDE_HINT, RELATED)):
            votes = _widget_votes(element, rules)
            if votes:
                return votes
    return fallback


def _widget_votes(widget: html.HtmlElement, rules: Rules) -> VoteCount | None:
    """The score a widget shows, in itself or in one of its short-text parts."""
    bare: list[VoteCount] = []
    for element in widget.iter(etree.Element):
        text = clean_line(element.text_content())
        if not text or len(text) > MAX_VOTE_LINE_CHARS:
            continue
        votes = parse_votes(text, rules)
        if votes:
            return votes
        count = _bare_count(element, text, rules)
        if count:
            bare.append(count)
    return _current_state(bare)


def _current_state(counts: list[VoteCount]) -> VoteCount | None:
    """Vote widgets pre-render the score as it would read after a down-vote, unvoted and after
    an up-vote (old Reddit: 1,233 / 1,234 / 1,235) and let CSS show one: the middle one is
    the score."""
    values = {c.count for c in counts}
    middle = next((c for c in counts if c.count - 1 in values and c.count + 1 in values), None)
    return middle or (counts[0] if counts else None)


def _bare_count(element: html.HtmlElement, text: str, rules: Rules) -> VoteCount | None:
    """A number alone ("1.1K"), labelled by what the widget around it is called."""
    match = rules.count.fullmatch(text)
    if not match:
        return None
    # The count's own class speaks first ("score unvoted" beside "score likes" states), but a
    # clap button around it makes it a like count whatever the count is called (Medium).
    context = _widget_names(element)
    label = "likes" if "clap" in context else _label_from(hints(element)) or _label_from(context)
    if label is None:
        return None
    multiplier = rules.multipliers.get((match.group("multiplier") or "").casefold(), 1)
    return VoteCount(count=parse_count(match.group("number"), multiplier=multiplier), raw=text, label=label)


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
