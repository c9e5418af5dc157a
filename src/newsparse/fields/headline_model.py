"""Which line of a text dump is the article's headline: every candidate near the article's
start is described by the same few measures, and a linear score over them picks one.

The measures are evidence that holds on any site: where the line stands (just above the
article's text, above a byline or dateline, under the page's title), what it shares with the
article (headlines repeat the lead's words; menus and teasers do not), and how it reads
(title-like length and case, no bar of items, not a sentence of prose). The weights are
learned from labelled pages (``benchmarks/train_headline.py``: a conditional logit over each
page's candidates, cross-validated across the two labelled sets) and live in
``headline_weights.py``: a dot product at run time.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from newsparse.fields.headline import same_title
from newsparse.fields.headline_weights import WEIGHTS
from newsparse.normalize import SENTENCE_END, phrase_key
from newsparse.page import Block

__all__ = ["FEATURES", "Candidates", "candidates", "features", "headline_text", "score"]

# Candidates: content lines from this many above the article's start to a few into it.
LINES_ABOVE = 120
LINES_INTO = 3
MIN_WORDS, MAX_WORDS = 1, 30
# Nor is a line of more characters a headline, whatever its words: a script's JSON or a run of
# glued links has few spaces (its features read every character: 300 KB took half a second).
MAX_CHARS = 20 * MAX_WORDS
# The lead the candidates are compared with: the article's first prose lines.
LEAD_LINES = 5
# What follows a headline: the byline, the dateline or the lead, within a few lines.
FOLLOW_LINES = 3
# Title case: most words capitalised ("I Rewrote Our Build System"); prose has a few.
TITLE_CASE_SHARE = 0.6
# Word counts are read up to this: past it a line is no likelier a headline.
WORDS_CAP = 20
_CONTENT_WORD = re.compile(r"\w{4,}")
_BAR = re.compile(r"\s[|·›»>/]\s|\s[|·]\S|\S[|·]\s")
_INNER_STOP = re.compile(r"\w[a-zß-ÿ]\.\s+\S")
# A photo's credit line: captions stand between headline and text.
_CREDIT = re.compile(r"©|\b(?:photo|foto|image|imagen|immagine|bild|getty|credit|crédit|fotó|фото)\b", re.IGNORECASE)
# A list item's marker, as flatteners print <li>s: menus and teaser lists are lists.
_BULLET = re.compile(r"[*+•◦▪·–-]\s|\d{1,2}[.)]\s")
# A list item's marker a headline never carries: a bullet, or an ordinal counting on from
# the item above (a breadcrumb printed as a numbered list: "2. News" / "3. Headline").
_MARK = re.compile(r"[*+•◦▪]\s+")
_ORDINAL = re.compile(r"(\d{1,2})[.)](?:\s+|$)")
# A URL's words: its path's segments split at hyphens and underscores.
_SLUG_SPLIT = re.compile(r"[/\-_.,+]+")
_WORD = re.compile(r"\w+")
# A printed URL. The scheme starts where a run of its characters does: tried from inside a long
# run (a dump of markup, a line without spaces), "\S+://" was quadratic.
_LINK = re.compile(r"(?<![\w+.\-])[A-Za-z][\w+.\-]*://\S*|\bwww\.\S+")
_EXTENSION = re.compile(r"\.\w{2,5}$")  # ".html", ".php"
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})

FEATURES = (
    "words",
    "short",
    "long",
    "full_stop",
    "clause_end",
    "question",
    "inner_stop",
    "bar",
    "titled",
    "first_line",
    "distance",
    "after_start",
    "at_start",
    "meta_after",
    "meta_next",
    "prose_next",
    "prose_after",
    "lead_overlap",
    "capitalised",
    "lower_start",
    "repeated",
    "digit",
    "credit",
    "all_caps",
    "slug_overlap",
    "title_overlap",
    "nearest",
    "longest",
    "bullet",
    "named",
    "sentence",
    "slug_cover",
)
# The lines a headline may be: content, or a line read as a byline (a title of words that
# read as names: "Der Garten der Nachbarn", "Neue Wege Europas").
_CANDIDATE_KINDS = frozenset({"content", "author"})


@dataclass(frozen=True, slots=True)
class Candidates:
    """A page's headline candidates (block indices) and what they are measured against."""

    indices: tuple[int, ...]
    start: int  # the first block of the article's stretch
    title: str  # the page's <title> the dump opened with, site name off; "" if none
    leads: Mapping[int, frozenset[str]]  # per candidate: the content words of the prose under it
    kinds: tuple[str, ...]  # per block: its mark ("content", "author", "date", "votes", "noise")
    follows: tuple[str, ...]  # per block: "meta" (byline, dateline), "prose", "content" or "noise"
    repeats: Mapping[str, int]
    slug: frozenset[str]  # the content words of the page's URL path
    slug_title: tuple[str, ...]  # the words of the path's segment made from the title, if any
    title_words: frozenset[str]
    nearest: int | None  # the last candidate at or above the article's start
    longest: int  # the most words of a candidate at or above it


def candidates(
    blocks: Sequence[Block], kinds: Sequence[str], start: int, title: str, *, url: str | None = None
) -> Candidates:
    """The content lines of title-like length around the article's start. ``kinds`` gives each
    block's mark: "content", "author", "date", "votes" or "noise"."""
    follows = tuple(_follow_kind(b, k) for b, k in zip(blocks, kinds, strict=True))
    span = range(max(0, start - LINES_ABOVE), min(start + LINES_INTO, len(blocks)))
    indices = tuple(i for i in span if kinds[i] in _CANDIDATE_KINDS and _sized_like_a_title(blocks[i]))
    leads = _leads(blocks, follows, indices)
    repeats = Counter(phrase_key(blocks[i].text) for i in span)
    title_words = frozenset(_CONTENT_WORD.findall(title.casefold()))
    slug = _slug_words(url)
    slug_title = _slug_title(url)
    above = [i for i in indices if i <= start]
    nearest, longest = max(above, default=None), max((blocks[i].words for i in above), default=0)
    return Candidates(
        indices, start, title, leads, tuple(kinds), follows, repeats, slug, slug_title, title_words, nearest, longest
    )


def _sized_like_a_title(block: Block) -> bool:
    return MIN_WORDS <= block.words <= MAX_WORDS and len(block.text) <= MAX_CHARS


def _leads(blocks: Sequence[Block], follows: Sequence[str], indices: Sequence[int]) -> dict[int, frozenset[str]]:
    """For each candidate, the words of the first prose lines below it: a headline shares its
    words with the text it stands over, a menu entry or a teaser does not."""
    prose = [i for i, kind in enumerate(follows) if kind == "prose"]
    leads: dict[int, frozenset[str]] = {}
    seen: dict[int, frozenset[str]] = {}
    position = 0
    for index in indices:  # ascending: one walk along the prose lines
        while position < len(prose) and prose[position] <= index:
            position += 1
        lines = prose[position : position + LEAD_LINES]
        leads[index] = frozenset().union(*(_words_of(blocks, i, seen) for i in lines))
    return leads


def _words_of(blocks: Sequence[Block], index: int, seen: dict[int, frozenset[str]]) -> frozenset[str]:
    """A line's content words, read once however many candidates stand above it."""
    if index not in seen:
        seen[index] = frozenset(_CONTENT_WORD.findall(blocks[index].text.casefold()))
    return seen[index]


def _slug_words(url: str | None) -> frozenset[str]:
    """The words of a URL's path: CMSs make the slug from the headline.

    >>> sorted(_slug_words("https://example.org/news/2024/03/council-keeps-library-open/"))
    ['council', 'keeps', 'library', 'news', 'open']
    """
    if not url:
        return frozenset()
    path = unquote(urlsplit(url).path).casefold()
    return frozenset(w for part in _SLUG_SPLIT.split(path) for w in _CONTENT_WORD.findall(part) if not w.isdigit())


def _slug_title(url: str | None) -> tuple[str, ...]:
    """The words of the path's segment of most words, when it has two or more: the slug a CMS
    made from the headline (an id or a section name is one word).

    >>> _slug_title("https://example.de/politik/2024/rat-beschliesst-haushalt-fuer-2025-123.html")
    ('rat', 'beschliesst', 'haushalt', 'fuer')
    >>> _slug_title("https://example.org/news/7297147.html")
    ()
    """
    if not url:
        return ()
    parts = unquote(urlsplit(url).path).casefold().split("/")
    segments = (_SLUG_SPLIT.split(_EXTENSION.sub("", part)) for part in parts)
    words = [tuple(w for w in parts if w.isalpha()) for parts in segments]
    most = max(words, key=len, default=())
    return most if len(most) >= 2 else ()


def _word_keys(text: str) -> frozenset[str]:
    """A line's words as a slug may spell them: casefolded, without accents ("kaufer"),
    and with German umlauts written out ("kaeufer")."""
    keys: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        bare = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
        keys.update((word, bare, word.translate(_UMLAUTS)))
    return frozenset(keys)


def _follow_kind(block: Block, kind: str) -> str:
    """What a block is to a line above it: its byline or dateline ("meta"), its lead ("prose")."""
    if kind in ("author", "date"):
        return "meta"
    if kind == "content":
        return "prose" if _is_prose(block) else "content"
    return "noise"


def _is_prose(block: Block) -> bool:
    """A sentence of the text: long, or ending like a sentence and not in title case (a
    headline may end in a full stop: "… Here's What Broke.")."""
    if block.words >= 15:
        return True
    return block.words > 6 and block.text.endswith(SENTENCE_END) and _capitalised(block.text) < TITLE_CASE_SHARE


def features(blocks: Sequence[Block], found: Candidates, index: int) -> dict[str, float]:
    """The measures of one candidate, each 0 to 1."""
    block, text = blocks[index], blocks[index].text
    words = block.words
    after = [f for f in found.follows[index + 1 : index + 1 + FOLLOW_LINES] if f != "noise"]
    own = _words(text)
    # A printed URL spells its slug: no evidence of a title.
    unlinked = _LINK.sub(" ", text) if "://" in text or "www." in text else text
    return {
        "words": min(words, WORDS_CAP) / WORDS_CAP,
        "short": float(words <= 3),
        "long": float(words > WORDS_CAP),
        "full_stop": float(text.endswith(".")),
        "clause_end": float(text.endswith((",", ";", ":"))),
        "question": float(text.endswith(("?", "!"))),
        "inner_stop": float(bool(_INNER_STOP.search(text))),
        "bar": float(bool(_BAR.search(text))),
        "titled": float(bool(found.title) and index > 0 and same_title(text, found.title)),
        "first_line": float(index == 0),
        "distance": min(max(found.start - index, 0), LINES_ABOVE) / LINES_ABOVE,
        "after_start": float(index > found.start),
        "at_start": float(index == found.start),
        "meta_after": float("meta" in after),
        "meta_next": float(bool(after) and after[0] == "meta"),
        "prose_next": float(bool(after) and after[0] == "prose"),
        "prose_after": float("prose" in after),
        "lead_overlap": _share(own, found.leads[index]),
        "capitalised": _capitalised(text),
        "lower_start": float(text[:1].islower()),
        "repeated": float(found.repeats.get(phrase_key(text), 0) > 1),
        "digit": float(any(ch.isdigit() for ch in text)),
        "credit": float(bool(_CREDIT.search(text))),
        "all_caps": float(text.isupper()),
        "slug_overlap": _share(_words(unlinked), found.slug),
        "title_overlap": _share(own, found.title_words) if index > 0 else 0.0,
        "nearest": float(index == found.nearest),
        "longest": float(words == found.longest),
        "bullet": float(bool(_BULLET.match(text))),
        "named": float(found.kinds[index] == "author"),
        "sentence": float(found.follows[index] == "prose"),  # reads as a sentence of the text
        "slug_cover": _covered(found.slug_title, _word_keys(unlinked)) if found.slug_title else 0.0,
    }


def headline_text(blocks: Sequence[Block], index: int) -> str:
    """A candidate line as a headline: without the list marker a flattener printed before it.

    >>> from newsparse.page import Block
    >>> crumbs = [Block("1. Home"), Block("2. News"), Block("3. Council keeps the library open")]
    >>> headline_text(crumbs, 2), headline_text([Block("* Ferry crews strike")], 0)
    ('Council keeps the library open', 'Ferry crews strike')
    >>> headline_text([Block("Intro"), Block("1. FC Köln gewinnt")], 1)
    '1. FC Köln gewinnt'
    """
    text = blocks[index].text
    bullet = _MARK.match(text)
    if bullet:
        return text[bullet.end() :] or text
    ordinal = _ORDINAL.match(text)
    if ordinal and ordinal.end() < len(text) and index > 0:
        above = _ORDINAL.match(blocks[index - 1].text)
        if above and int(above.group(1)) + 1 == int(ordinal.group(1)):
            return text[ordinal.end() :]
    return text


def _capitalised(text: str) -> float:
    """The share of words that begin with a capital."""
    tokens = [t for t in text.split() if t[:1].isalpha()]
    return sum(t[0].isupper() for t in tokens) / len(tokens) if tokens else 0.0


def _words(text: str) -> set[str]:
    return set(_CONTENT_WORD.findall(text.casefold()))


def _covered(words: Sequence[str], keys: frozenset[str]) -> float:
    return sum(w in keys for w in words) / len(words) if words else 0.0


def _share(words: set[str], other: frozenset[str]) -> float:
    return len(words & other) / len(words) if words else 0.0


def score(measures: Mapping[str, float], weights: Mapping[str, float] = WEIGHTS) -> float:
    """The candidate's score: higher is likelier the headline."""
    return sum(weights.get(name, 0.0) * value for name, value in measures.items())


def best(blocks: Sequence[Block], found: Candidates, weights: Mapping[str, float] = WEIGHTS) -> int | None:
    """The likeliest headline among the candidates; the later one on a tie (nearer the text)."""
    scored = [(score(features(blocks, found, i), weights), i) for i in found.indices]
    return max(scored, default=(0.0, None))[1]
