"""Vocabularies by concept and language, read once from ``rules/data/<lang>/<concept>.txt``.

Every list is data: a contributor adds a language by adding a folder, and a phrase by adding
a line. Two file shapes exist:

* phrase lists (``advert.txt``: one phrase a line), compared with whole lines in the
  normalised form of :func:`newsparse.normalize.phrase_key`;
* maps (``vote_label.txt``: ``canonical: word | word``).

Lines starting with ``#`` are comments. ``rules_for(language)`` gives the ``Rules`` of a
page: the page's language merged with English, because themes and plugins leave English
widget text on pages in every language. An unknown language gets every list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from newsparse.normalize import phrase_key
from newsparse.rules.patterns import (
    alternation,
    count_pattern,
    credit_pattern,
    date_patterns,
    glued_date_pattern,
    name_separator,
    prefix_pattern,
    teaser_pattern,
    time_ago_pattern,
    trie_pattern,
    vote_pattern,
)

__all__ = ["LANGUAGES", "PHRASE_CONCEPTS", "STOPWORDS", "WORD_CONCEPTS", "Rules", "rules_for"]

LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru")
# Languages with only a few lists (byline prefixes), read on pages whose language has no
# rules of its own, as part of every language's rules.
PARTIAL_LANGUAGES = ("zh",)
FALLBACK_LANGUAGE = "en"

# Concepts whose files list whole-line phrases.
PHRASE_CONCEPTS = (
    "reaction_prompt",
    "vote_widget",
    "comment_form",
    "share",
    "advert",
    "related_label",
    "newsletter",
    "furniture",
    "most_read",
)
# Concepts whose files list prefixes or words used inside patterns.
WORD_CONCEPTS = (
    "author_box",
    "author_heading",
    "byline_prefix",
    "name_joiner",
    "not_a_name",
    "author_role",
    "name_title",
    "organisation",
    "name_end",
    "teaser_prefix",
    "credit_prefix",
    "related_prefix",
    "button",
    "reply_prefix",
    "cookie_consent",
    "newsletter_pitch",
    "update_stamp",
    "publish_stamp",
    "time_ago",
    "bio_verb",
    "event_label",
    "share_call",
    "site_notice",
)


@dataclass(frozen=True, slots=True)
class Rules:
    """The vocabularies in force for one page, merged over its languages."""

    languages: tuple[str, ...]
    phrases: Mapping[str, frozenset[str]]  # concept -> phrase keys
    words: Mapping[str, tuple[str, ...]]  # concept -> words, longest first (for regex alternation)
    vote_labels: Mapping[str, str]  # page word (case-folded) -> canonical label
    multipliers: Mapping[str, int]  # "k" -> 1000, "mil" -> 1000 ...
    decimal: str  # the decimal separator of the page's language
    votes: re.Pattern[str]  # a whole line that is a score
    count: re.Pattern[str]  # a bare count, as a widget shows it
    author_box: re.Pattern[str]  # "Written by X": an author box, which closes the article
    byline: re.Pattern[str]  # "By X": a byline, wherever it stands
    name_separator: re.Pattern[str]  # where a list of names splits
    caption_labels: frozenset[str]  # credit openings that, alone on a line, label the caption under them
    inline_byline: re.Pattern[str]  # a byline prefix inside a line, after a space or a separator
    byline_words: frozenset[str]  # the first words of byline and author-box prefixes
    author_prefixes: frozenset[str]  # the byline and author-box prefixes themselves ("by", "written by")
    prefixes_by_initial: Mapping[str, tuple[str, ...]]  # the same, by their first letter: "b" -> ("by", ...)
    share_words: frozenset[str]  # the words of share buttons ("share", "via", "whatsapp" ...)
    button_words: frozenset[str]  # the words of vote widgets' buttons ("vote", "up", "upvote" ...)
    teaser: re.Pattern[str]  # a line opening like a link to another story
    credit: re.Pattern[str]  # a line opening like an image credit
    related_prefixes: tuple[str, ...]  # labels that go on with a name: "more from ..."
    reply: re.Pattern[str]  # a reply's subject line in a thread: "Re: ..."
    related_first_words: frozenset[str]  # first words of every related label, a quick first test
    cookie: re.Pattern[str]  # a consent word, in a line that also says "cookie"
    pitch: re.Pattern[str]  # a call to sign up for a newsletter, anywhere in a line
    share_call: re.Pattern[str]  # a call to share the article or follow the site, anywhere in a line
    notice: re.Pattern[str]  # a standing notice (disclosure, licence, disclaimer), anywhere in a line
    dates: tuple[re.Pattern[str], ...]  # datelines: "March 5, 2024", "5. März 2024", "05/03/2024"
    glued_date: re.Pattern[str]  # a date run into the word before it at a line's end: "… We FallNov 2, 2012"
    months: Mapping[str, int]  # month name or abbreviation -> 1..12
    day_first: bool  # whether "05/03/2024" is the 5th of March (everywhere but English)
    stamps: re.Pattern[str]  # "Updated" (group update) or "Published" (group publish) in a dateline
    time_ago: re.Pattern[str]  # how long ago, in place of a date: "3 hours ago", "Publicado hace 3 horas"
    event_label: re.Pattern[str]  # a label of a date the text is about: "Einsendeschluss: 03.11.2019"


def _lines(language: str, concept: str) -> list[str]:
    path = resources.files(__package__) / "data" / language / f"{concept}.txt"
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _map(language: str, concept: str) -> dict[str, tuple[str, ...]]:
    entries: dict[str, tuple[str, ...]] = {}
    for line in _lines(language, concept):
        key, _, values = line.partition(":")
        entries[key.strip()] = tuple(v.strip().casefold() for v in values.split("|") if v.strip())
    return entries


def _by_initial(phrases: Iterable[str]) -> Mapping[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for phrase in dict.fromkeys(phrases):
        if phrase:
            grouped.setdefault(phrase[0], []).append(phrase)
    return MappingProxyType({initial: tuple(group) for initial, group in grouped.items()})


def _merge(languages: Iterable[str]) -> Rules:
    langs = tuple(dict.fromkeys(languages))
    phrases = {c: frozenset(phrase_key(p) for lang in langs for p in _lines(lang, c)) for c in PHRASE_CONCEPTS}
    words = {
        c: tuple(sorted({w.casefold() for lang in langs for w in _lines(lang, c)}, key=len, reverse=True))
        for c in WORD_CONCEPTS
    }
    # A stamp's word ends a name too: "von Anna Weber Erstellt am 01.01.23", "Jane Doe Updated".
    stamp_words = {w for c in ("update_stamp", "publish_stamp") for w in words[c] if " " not in w}
    words["not_a_name"] = tuple(sorted(set(words["not_a_name"]) | stamp_words, key=len, reverse=True))
    labels = {w: canon for lang in reversed(langs) for canon, ws in _map(lang, "vote_label").items() for w in ws}
    numbers = _map(langs[0], "numbers")
    months = {w: int(k) for lang in reversed(langs) for k, ws in _map(lang, "months").items() for w in ws}
    multipliers = {
        w: int(k) for lang in reversed(langs) for k, ws in _map(lang, "numbers").items() if k.isdigit() for w in ws
    }
    return Rules(
        languages=langs,
        phrases=MappingProxyType(phrases),
        words=MappingProxyType(words),
        vote_labels=MappingProxyType(labels),
        multipliers=MappingProxyType(multipliers),
        decimal=numbers.get("decimal", (".",))[0],
        votes=vote_pattern(labels, multipliers),
        count=count_pattern(multipliers),
        author_box=prefix_pattern(words["author_box"]),
        byline=prefix_pattern(words["byline_prefix"]),
        name_separator=name_separator(words["name_joiner"]),
        author_prefixes=frozenset(words["byline_prefix"] + words["author_box"]),
        prefixes_by_initial=_by_initial(words["byline_prefix"] + words["author_box"]),
        byline_words=frozenset(p.split()[0] for p in words["byline_prefix"] + words["author_box"] if p.split()),
        share_words=frozenset(w for p in phrases["share"] for w in p.split())
        | {"via", "on", "op", "auf", "sur", "en", "em", "su", "na"},
        button_words=frozenset(w for p in phrases["vote_widget"] for w in p.split()),
        inline_byline=re.compile(
            # A lookahead, so that overlapping prefixes are all tried: "Post author By Sarah".
            rf"(?:^|(?<=[\s|·•]))(?=(?:{alternation(words['byline_prefix'] + words['author_box'])})"
            r"\s?(?::?\s|：\s?)(?P<rest>\S.*))",
            re.IGNORECASE,
        ),
        teaser=teaser_pattern(words["teaser_prefix"]),
        credit=credit_pattern(words["credit_prefix"]),
        caption_labels=frozenset(words["credit_prefix"]),
        related_prefixes=tuple(p + " " for p in words["related_prefix"]),
        related_first_words=frozenset(
            p.split()[0].strip("¿¡«\"'“‘([").casefold()
            for p in [*phrases["related_label"], *words["related_prefix"]]
            if p.split()
        ),
        dates=date_patterns(months),
        glued_date=glued_date_pattern(months),
        months=MappingProxyType(months),
        day_first=langs[0] != "en",
        stamps=re.compile(
            rf"(?<!\w)(?:(?P<update>{alternation(words['update_stamp'])})|(?P<publish>{alternation(words['publish_stamp'])}))(?!\w)",
            re.IGNORECASE,
        ),
        time_ago=time_ago_pattern(words["time_ago"], words["publish_stamp"]),
        event_label=re.compile(rf"(?:{alternation(words['event_label'])})\s?:", re.IGNORECASE),
        cookie=re.compile(rf"\b(?:{alternation(words['cookie_consent'])})", re.IGNORECASE),
        pitch=re.compile(trie_pattern(words["newsletter_pitch"])),
        share_call=re.compile(trie_pattern(words["share_call"])),
        notice=re.compile(trie_pattern(words["site_notice"])),
        reply=re.compile(rf"(?:{alternation(words['reply_prefix'])})\s?:\s", re.IGNORECASE),
    )


# Function words per language, to check a page's declared language cheaply.
STOPWORDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {lang: frozenset(w.casefold() for line in _lines(lang, "stopwords") for w in line.split()) for lang in LANGUAGES}
)

# Built once at import: a handful of small, immutable tables.
_BY_LANGUAGE: Mapping[str, Rules] = MappingProxyType({lang: _merge((lang, FALLBACK_LANGUAGE)) for lang in LANGUAGES})
_ALL_LANGUAGES = _merge(LANGUAGES + PARTIAL_LANGUAGES)


def rules_for(language: str | None) -> Rules:
    """The rules for a page in ``language`` (ISO 639-1), English included.

    >>> rules_for("de").languages
    ('de', 'en')
    >>> "schreibe einen kommentar" in rules_for("de").phrases["comment_form"]
    True
    >>> rules_for(None).languages[:3]
    ('en', 'de', 'fr')
    """
    if language is None:
        return _ALL_LANGUAGES
    return _BY_LANGUAGE.get(language, _ALL_LANGUAGES)
