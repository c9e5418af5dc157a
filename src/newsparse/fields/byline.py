"""Bylines: person names from "By X", "Written by X and Y", "Von X", "Escrito por X" lines."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from html import unescape
from urllib.parse import urlsplit

from lxml import etree, html

from newsparse.fields.dates import text_date
from newsparse.fields.headline import is_site_name
from newsparse.model import Byline
from newsparse.normalize import clean_line, phrase_key
from newsparse.page import Page, Person
from newsparse.rules import STOPWORDS, Rules
from newsparse.sources.landmarks import (
    ASIDE_HINT,
    COMMENTS,
    RELATED,
    Upward,
    Within,
    hints,
    inside,
    more_words_than,
    text_up_to,
)
from newsparse.sources.xpath import document, elements, following, owned, preceding, strings
from newsparse.urls import absolute_url, site_host

# Name particles that stay lower-case inside a name: "Ludwig van Beethoven", "María de la Cruz".
PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la", "le"}
    | {"bin", "ibn", "al", "el", "y", "e", "ter", "ten", "zu"}
)
# Function words of any language, which a headline in capitals holds and a name does not.
_FUNCTION_WORDS = frozenset().union(*STOPWORDS.values()) - PARTICLES
MAX_NAME_TOKENS = 5
MAX_NAME_CHARS = 60
# A byline is a short line; a longer one starting "By ..." is a sentence ("By the end of ...").
MAX_BYLINE_CHARS = 120
# A word that leads into a date after a byline's names: "le", "am", "el", "on".
MAX_DATE_WORD_CHARS = 3
# A lower-case role this far into a segment takes the capitalised word before it along.
MIN_QUALIFIED_ROLE_AT = 3
# A bar of page furniture that holds a byline ("By X · Published … · 5 min read").
MAX_INLINE_BYLINE_WORDS = 25
# Where the names stop and a date, a role or a site begins.
# Each starts where a run of spaces starts ((?<!\s)): tried inside a long run, the pattern
# would scan the rest of it from every position, in quadratic time.
_SEGMENT_END = re.compile(r"(?<!\s)(?:\s+(?:(?:[|•·—–-]|//?)\s+|\d)|\s*[(\[|]|/(?=[^\W\d_]))")
# The items of a bar of page furniture: "14 May 2024 · 5 min read · Anja Vogt".
_BAR_ITEM = re.compile(r"(?<!\s)\s+(?:[|•·—–-]|//?)\s+")
_DIGIT = re.compile(r"\d")
# A bar's separator right before a byline's prefix.
_AFTER_BAR = re.compile(r"\s[|•·]\s+$")
# Where a clause before a byline prefix starts: a separator, a bar, a figure.
_CLAUSE_START = re.compile(r"[,;:|•·–—()\d]")
# Lower-case words in that clause that make it a sentence's: "eines … unter Leitung von".
MIN_CLAUSE_LOWER_WORDS = 2
# Languages that write their nouns in capitals: their lower-case words are a sentence's.
_NOUNS_CAPITALISED = frozenset({"de"})
# phpBB and its kin: "by m.herrera » Tue Mar 12, 2024 8:41 pm": a handle, then a separator.
_FORUM_HANDLE = re.compile(r"(?:^|\s)(?P<prefix>\w+)\s(?P<handle>[\w.\-]{2,40})\s[»|·]\s\S")
# A handle ending the line, told from a word (and from "by 2027", "by mid-2025") by a "_" or
# "." inside it: "submitted 5 hours ago by tidewater_k".
_LAST_HANDLE = re.compile(r"(?:^|\s)(?P<prefix>\w+)\s(?P<handle>[^\W\d_][\w\-]*[_.][\w.\-]*\w)$")
# Links to a user's page on forums and blogs: user?id=, /profile/, /author/, /u/, /@name.
_PROFILE_HREF = re.compile(r"user|profile|member|/u/|/@|author")
_TEXT_BEFORE = etree.XPath("preceding::text()[normalize-space()][1]")
# The opening post's author link comes early; a thread's later links are repliers.
MAX_PROFILE_LINKS = 40
_INITIAL = re.compile(r"\w\.(?:-?\w\.)*")
# A Chinese name: a family name and a given name of one or two characters, written together.
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
# Roman numerals end a name in capitals ("John Smith III"); other capitals are acronyms.
_ROMAN = re.compile(r"[IVXL]+")
# Where a flattener glued the next element to a name ("Ramon BautistaView", "Brent HylandMonday",
# "ROSS MADDENAssociated Press"): a capital after a run of at least this many letters. Shorter
# runs open names ("McKenna", "LaRue", "DiCaprio", "MacArthur", "FitzGerald").
MIN_GLUED_HEAD = 5
# "ByDaria Wexford", "AuthorMatthias Brück": a byline prefix glued to the name it introduces.
_GLUED_PREFIX_MAX = 16
# What sets one credit of a line apart from the next: "(Reporting by A; Editing by B)".
_CREDIT_PARTS = re.compile(r"[;(\[]")
# Words before a stop that make a sentence, not a bar's date or label ("3 hours ago.").
MIN_SENTENCE_WORDS = 6
# A stop, then a credit's opening: a bracket or dash and up to two words ("(Additional reporting").
_STOP_BEFORE_CREDIT = re.compile(r"[.!?][\s(\[–—-]*(?:\w+\s+){0,2}$")
# A surname shorter than this in a site's address is more likely a word of its name.
MIN_SURNAME_CHARS = 3
# An acronym of this many letters opening a segment is an outlet's ("CNN Business"); a shorter
# one is an outlet's only beside a role or an organisation word ("AP Auto Writer"), since
# two capitals also open names ("JD Vance").
MIN_OUTLET_ACRONYM = 3


def parse_author_line(text: str, rules: Rules) -> tuple[tuple[str, ...], bool] | None:
    """The names an author line gives and whether it opens an author box.

    >>> from newsparse.rules import rules_for
    >>> parse_author_line("Written by Anonymous", rules_for("en"))
    (('Anonymous',), True)
    >>> parse_author_line("Von Anna Weber und Jörg Klein", rules_for("de"))
    (('Anna Weber', 'Jörg Klein'), False)
    >>> parse_author_line("By the end of the year, prices rose.", rules_for("en")) is None
    True
    """
    if len(text) > MAX_BYLINE_CHARS or _sentence_tail(text):
        return None
    text = _unglued_prefix(text, rules)
    for pattern, is_box in ((rules.author_box, True), (rules.byline, False)):
        match = pattern.fullmatch(text)
        names = split_names(match.group("rest"), rules) if match else ()
        if names:
            return names, is_box
    return _inline_byline(text, rules)


def _sentence_tail(text: str) -> bool:
    """The end of a sentence a line break cut off, not a byline: it opens in lower case and
    ends in a stop ("von Open Source Software in Verwaltungen vor.")."""
    return text[:1].islower() and text.endswith((".", "!", "?"))


def _unglued_prefix(text: str, rules: Rules) -> str:
    """The line with a space between a byline prefix and the name glued to it, as flatteners
    join a "By" element and a name element: "ByDaria Wexford", "AuthorMatthias Brück". A prefix
    that is also a name particle ("Di", "De", "Von") opens names too ("DiCaprio"): left alone.

    >>> from newsparse.rules import rules_for
    >>> _unglued_prefix("ByDaria Wexford", rules_for("en")), _unglued_prefix("Byron Smith", rules_for("en"))
    ('By Daria Wexford', 'Byron Smith')
    """
    first = text[:_GLUED_PREFIX_MAX].split(maxsplit=1)[0] if text.strip() else ""
    if not first[:1].isupper():
        return text
    for prefix in rules.prefixes_by_initial.get(first[0].casefold(), ()):
        size = len(prefix)
        # A prefix of several words is glued by its last ("Veröffentlicht vonLena Hartwig").
        head = text[:size] if " " in prefix else first[:size]
        glued = text[size : size + 2]
        name_follows = glued[:1].isupper() and glued[1:].islower()
        if name_follows and head.casefold() == prefix and prefix not in PARTICLES:
            return f"{text[:size]} {text[size:]}"
    return text


def _inline_byline(text: str, rules: Rules) -> tuple[tuple[str, ...], bool] | None:
    """A byline inside a bar of page furniture, as text dumps flatten it: "Post author By
    Sarah O'Connell", "13. März 2024 von Anna Weber". Not in a sentence, which ends in a stop.

    >>> from newsparse.rules import rules_for
    >>> _inline_byline("12. März 2024 von Anna Weber", rules_for("de"))
    (('Anna Weber',), False)
    >>> _inline_byline("The report was compiled by John Smith.", rules_for("en")) is None
    True
    """
    words = text.casefold().split()
    if text.endswith((".", "!", "?")) or len(words) > MAX_INLINE_BYLINE_WORDS:
        return None
    if rules.byline_words.isdisjoint(w.strip(":：|·•") for w in words):
        return None  # no prefix word at all: the common case, decided without a pattern
    # A lower-case start is a sentence's fragment, or a forum's "submitted 5 hours ago by x",
    # unless a bar's separator sets the prefix apart: "yas! | By Nora Hale | April 13, 2020".
    lower = text[:1].islower()
    for match in rules.inline_byline.finditer(text):
        if lower and not _AFTER_BAR.search(text, 0, match.start()):
            continue
        if _after_sentence(text, match):
            return None  # the line is prose, and the credits after it its last words
        if _mid_sentence(text, match) or _in_clause(text, match, rules) or _other_credit(text, match):
            continue
        rest = match.group("rest").strip()
        # A Chinese name has no capitals for the strict reading: after a prefix, it is the name.
        names = (rest,) if _HAN_NAME.fullmatch(rest) else split_names(rest, rules, strict=True)
        if names:
            return names, False
    for pattern in (_LAST_HANDLE,) if text[:1].islower() else (_FORUM_HANDLE, _LAST_HANDLE):
        handle = pattern.search(text)
        if handle and handle.group("prefix").casefold() in rules.byline_words:
            return (handle.group("handle"),), False
    return None


def lone_name_after_date(text: str, rules: Rules) -> tuple[str, ...]:
    """The one word a dated bar credits after a byline prefix, where a blog's author signs
    with a first name or a pen name ("3. März 2021 von Selma in Alltag", "03/09/2021
    by Lou 12 Comments"): after the date the prefix is no preposition of a sentence, while
    the strict reading of a bar takes full names only. A capitalised word after it may be a
    surname, left to that reading, unless a colon makes it a label ("Kategorien:").

    >>> from newsparse.rules import rules_for
    >>> lone_name_after_date("3. März 2021 von Selma in Alltag", rules_for("de"))
    ('Selma',)
    """
    if text[:1].islower():
        return ()
    for match in rules.inline_byline.finditer(text):
        words = match.group("rest").split()
        follows = words[1] if len(words) > 1 else ""
        if not _DIGIT.search(text, 0, match.start()) or (follows[:1].isupper() and not follows.endswith(":")):
            continue
        name = _trimmed(words[0])
        if looks_like_name(name, rules) and len(name.split()) == 1:
            return (name,)
    return ()


def _other_credit(text: str, match: re.Match[str]) -> bool:
    """A word of its own before the prefix, in the credit's own part of the line, that is no
    byline prefix names another credit: "Tested by: Dominic Farrow" (a product tester),
    "Edited by", "Photos by" (zyte labels ignore testers and photographers), and a wire
    story's "(Reporting by …; Editing by Tom Brown)", whose editor is no author.

    >>> from newsparse.rules import rules_for
    >>> _inline_byline("(Reporting by Ann Li; Editing by Bo Park)", rules_for("en")) is None
    True
    """
    before = _CREDIT_PARTS.split(text[: match.start()])[-1].split()
    return len(before) == 1 and before[0][:1].isupper() and before[0].rstrip(":").isalpha()


def _after_sentence(text: str, match: re.Match[str]) -> bool:
    """A credit after a sentence of the text closes a paragraph ("… in late February. (Editing
    by Ann Li)", a wire story's last lines): the paragraph is the article's, not an author line.

    >>> from newsparse.rules import rules_for
    >>> _inline_byline("The board meets again in May. (Editing by Ann Li)", rules_for("en")) is None
    True
    """
    stop = _STOP_BEFORE_CREDIT.search(text, 0, match.start())
    return stop is not None and len(text[: stop.start()].split()) >= MIN_SENTENCE_WORDS


def _mid_sentence(text: str, match: re.Match[str]) -> bool:
    """A prefix word between lower-case words is a preposition in a sentence, not a byline:
    "… l'isola di San Leno torna a viaggiare" (Italian "di" is "by" and "of")."""
    before = text[: match.start()].split()[-1:]
    rest = match.group("rest").strip()
    after = rest[len(_capitalised_head(rest)) :].split()[:1]
    return bool(before and before[0][:1].islower() and after and after[0][:1].islower())


def _in_clause(text: str, match: re.Match[str], rules: Rules) -> bool:
    """A prefix word that ends a clause of two lower-case words or more since the last
    separator or figure, one of them a function word, is a preposition of a sentence ("The
    survey was carried out by X"); in German, which capitalises its nouns, any two lower-case
    words will do ("… Gründung eines Freundeskreises unter Leitung von X"). A title, a label
    or a date before a credit has fewer, the joiners of a credit aside ("Ein Beitrag von X",
    "12. März 2024 von X", "Text and photos by X", "A short film by X"). A line in capitals
    is read the same way ("GET THE APP ON THE GO BY CLICKING HERE")."""
    clause = _CLAUSE_START.split(text[: match.start()])[-1].split()
    shouted = text.isupper()  # a line in capitals: each of its words may be a lower-case one
    joiners = rules.words["name_joiner"]
    lower = [w.casefold() for w in clause if (shouted or w[:1].islower()) and w.casefold() not in joiners]
    if len(lower) < MIN_CLAUSE_LOWER_WORDS:
        return False
    if not shouted and rules.languages and rules.languages[0] in _NOUNS_CAPITALISED:  # the page's own language
        return True
    function_words = frozenset().union(*(STOPWORDS.get(lang, frozenset()) for lang in rules.languages))
    return not function_words.isdisjoint(lower)


def split_names(text: str, rules: Rules, *, strict: bool = False) -> tuple[str, ...]:
    """The person names in a byline's tail, in order, roles and dates left out.

    >>> from newsparse.rules import rules_for
    >>> split_names("Jane Doe, Senior Reporter", rules_for("en"))
    ('Jane Doe',)
    >>> split_names("Ann Lee, Bo Chen & John C. Welch | 3 May 2024", rules_for("en"))
    ('Ann Lee', 'Bo Chen', 'John C. Welch')
    >>> split_names("| Bernd Achterberg-Lunz", rules_for("de"))
    ('Bernd Achterberg-Lunz',)
    """
    return tuple(dict.fromkeys(_tidy(n) for n in _raw_names(text, rules, strict=strict)))


def _raw_names(text: str, rules: Rules, *, strict: bool) -> list[str]:
    """The names of a byline's tail as the page writes them (capitals kept)."""
    # A bar's separator or a list's bullet before the names ("| Bernd Achterberg-Lunz", "About
    # the Author - Ana Pop", "* Lea Roth") opens no segment.
    head = _segment_head(_unglued(unescape(text)).strip().lstrip("|•·—–-* "))
    segments = [_trimmed(p) for p in rules.name_separator.split(head)]
    titles = [bool(i) and _is_title(p, rules) for i, p in enumerate(segments)]
    parts = [_trimmed(_before_role(p, rules)) if not title else "" for p, title in zip(segments, titles, strict=True)]
    parts = [p for p, segment in zip(parts, segments, strict=True) if segment]
    if segments and parts and not parts[0] and _cut_at_outlet(segments[0], rules):
        return []  # an outlet's credit, then its dateline: "News Nation Bureau, New Delhi"
    if strict:  # tags after the names ("… y Andrés Vidal colegios, energía solar") are not names
        parts = [_capitalised_head(p) for p in parts]
    parts = [_untitled(p, rules) for p in parts]
    names = [p for p in parts if looks_like_name(p, rules)]
    if strict and (len(names) < len([p for p in parts if p]) or any(len(n.split()) < 2 for n in names)):
        return []  # inside other text, only full names through and through: not "di Como, più corse"
    return without_lone_words(names, len(parts))


def _untitled(part: str, rules: Rules) -> str:
    """A name without the title of office or profession before it ("Rechtsanwalt Jan Roth",
    "Bundespräsidentin Eva Lind"); a title alone before one word is left ("President Lincoln").

    >>> from newsparse.rules import rules_for
    >>> _untitled("Rechtsanwältin Eva Maria Roth", rules_for("de")), _untitled("Rev. Smith", rules_for("en"))
    ('Eva Maria Roth', 'Rev. Smith')
    """
    head, _, rest = part.partition(" ")
    if head.casefold() in rules.words["name_title"] and " " in rest:
        return rest
    return part


def _segment_head(text: str) -> str:
    """The text up to a bar's separator or a number, without the short lower-case word that
    leads into a date ("Par Nicolas Gutierrez le 14.09.2020", "Von Anna Weber am 3. Mai")."""
    head, *rest = _SEGMENT_END.split(text, maxsplit=1)
    words = head.rsplit(None, 1)
    if rest and len(words) == 2 and words[1].islower() and len(words[1]) <= MAX_DATE_WORD_CHARS:
        return words[0]
    return head


def _is_title(segment: str, rules: Rules) -> bool:
    """A segment in capitals after a name that holds a role is that name's job title, whole:
    "DALE HOLLIS, AP AUTO WRITER", where capitals hide the acronym that gives "AP Auto
    Writer" away in mixed case."""
    words = segment.split()[1:]
    return segment.isupper() and any(t.casefold().strip(".,:()") in rules.words["not_a_name"] for t in words)


def without_lone_words(names: list[str], parts: int) -> list[str]:
    """One-word names, unless the byline credits nothing else ("By Josh", "Alice and Bob").
    Beside a full name or an outlet, a single word is the outlet ("Simon Ashcroft,
    Futurism"), the dateline's place ("Reuters, Washington, Nov 20") or a commenter that
    metadata lists after the writer.

    >>> without_lone_words(["Jane Doe", "Futurism"], 2), without_lone_words(["Josh"], 1)
    (['Jane Doe'], ['Josh'])
    """
    if len(names) == parts and all(len(n.split()) == 1 for n in names):
        return names
    return [n for n in names if len(n.split()) > 1]


def _trimmed(segment: str) -> str:
    """A segment without the punctuation around it, a final initial's stop kept ("Juan C.")."""
    segment = segment.strip(" ,:;()[]'\"‘’“”«»")
    if segment.endswith(".") and not _INITIAL.fullmatch(segment.rsplit(maxsplit=1)[-1]):
        segment = segment.rstrip(".")
    return segment.lstrip(". ")


def _tidy(name: str) -> str:
    """A name as the docs give it: capitals title-cased ("DALE HOLLIS" -> "Dale Hollis"),
    as AP bylines print them."""
    return name.title() if name.isupper() else name


def _unglued(text: str) -> str:
    """The text with a bar where a flattener glued an element to the end of a name:
    "Ramon BautistaView profile" -> "Ramon Bautista | View profile"."""
    tokens = text.split()
    # Only after a capitalised word, which the glued head completes to a name: "HeinerLutz"
    # alone is one handle, not "Heiner" and junk.
    return " ".join(_unglued_token(t) if i and tokens[i - 1][:1].isupper() else t for i, t in enumerate(tokens))


def _unglued_token(token: str) -> str:
    for i in range(MIN_GLUED_HEAD, len(token) - 1):
        before, here, after = token[i - 1], token[i], token[i + 1]
        if here.isupper() and after.islower() and before.isalpha() and (before.islower() or token[:i].isupper()):
            return f"{token[:i]} | {token[i:]}"
    return token


def names_only(text: str, rules: Rules, *, capitals: bool = False) -> tuple[str, ...]:
    """The names of a line that holds nothing else ("Renee Castillo", "Ann Lee and Bo Chen"),
    in mixed case: "NEW YORK" next to a date is a dateline's place, not a byline. With
    ``capitals``, names in capitals count: the page sets the whole bar in capitals.

    >>> from newsparse.rules import rules_for
    >>> names_only("Ann Lee and Bo Chen", rules_for("en")), names_only("Local News", rules_for("en"))
    (('Ann Lee', 'Bo Chen'), ())
    """
    if rules.byline.match(text) or rules.author_box.match(text):
        return ()  # a prefix that introduces no name ("Eingestellt von der Kauz") is no name's part
    names = _raw_names(text, rules, strict=True)
    if not names or any(n.isupper() and not (capitals and _capitals_name(n)) for n in names):
        return ()
    covered = sum(len(n.split()) for n in names) + len(names) - 1 + _outlet_words(text, rules)
    # Marks standing apart are no words: a bullet, a comma after a space ("Lea Roth ,").
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    return tuple(dict.fromkeys(_tidy(n) for n in names)) if covered >= len(words) else ()


def _capitals_name(name: str) -> bool:
    """A name in capitals, not a headline set in them: no function word ("DIE STADT ALS
    BÜHNE"), a name's particle aside ("MARIA DE LA CRUZ")."""
    return not any(t.casefold() in _FUNCTION_WORDS for t in name.split())


def _outlet_words(text: str, rules: Rules) -> int:
    """How many words of the line name the outlets beside the names: "Marcus Delaney
    Florida Today" has two."""
    segments = (_trimmed(p) for p in rules.name_separator.split(text))
    # Only beside a name in the same segment: "New Delhi, News Nation Bureau" is a dateline.
    cuts = ((p, _before_role(p, rules)) for p in segments if _cut_at_outlet(p, rules))
    return sum(len(p.split()) - len(name.split()) for p, name in cuts if name)


def _cut_at_outlet(part: str, rules: Rules) -> bool:
    tokens = part.split()
    return any(_is_outlet_word(t, t.casefold().strip(".,:()"), part, rules) for t in tokens)


# A one-word label before the names in an author element; a photo credit's ("Foto:") is none.
_LABEL = re.compile(r"(?P<label>[^\W\d_]+):\s+(?P<rest>\S.*)")


def unlabelled(text: str, rules: Rules) -> str:
    """The text after a one-word label of a credit ("Redaktion: Eberhard Kühn", "Interview:
    Lea Sommer"), unless the label is a photo credit's or a caption's ("Foto: Lea Sommer").

    >>> from newsparse.rules import rules_for
    >>> unlabelled("Redaktion: Eberhard Kühn", rules_for("de")), unlabelled("Foto: Lea Sommer", rules_for("de"))
    ('Eberhard Kühn', 'Foto: Lea Sommer')
    """
    label = _LABEL.fullmatch(text)
    return label["rest"] if label and label["label"].casefold() not in rules.caption_labels else text


def names_in_bar(text: str, rules: Rules) -> tuple[str, ...]:
    """The names in one item of a dated bar that has no byline prefix: "Hannah Okafor 14 May
    2024", "18. Februar 2024 · 7 Min. Lesezeit · Anja Vogt · 18 Kommentare", "Lea Roth
    Updated 3 May 2024" (up to a publication or update stamp).

    >>> from newsparse.rules import rules_for
    >>> names_in_bar("18. Februar 2024 · 7 Min. Lesezeit · Anja Vogt · 18 Kommentare", rules_for("de"))
    ('Anja Vogt',)
    """
    for item in _BAR_ITEM.split(text):
        head = _SEGMENT_END.split(unlabelled(item.strip(), rules), maxsplit=1)[0]
        stamp = rules.stamps.search(head)  # "Irina Walder Zuletzt geändert am 14.11.2023"
        names = names_only(head[: stamp.start()] if stamp else head, rules)
        if names:
            return names
    return ()


Found = tuple[tuple[str, ...], str | None]  # names, and the profile URL of the first


def without_site(byline: Byline | None, site_name: str | None, *, url: str | None = None) -> Byline | None:
    """The byline without the publisher a line credits next to the writer ("Por João da Silva,
    Gazeta Sul"), named as the site or its domain ("LinkNaija" on linknaija.com); None when the
    site was all it named.

    >>> without_site(Byline(authors=("LinkNaija",)), "LinkNaija | Nigeria's news") is None
    True
    """
    if byline is None:
        return None
    authors = _SiteFilter(site_name, url).names(byline.authors)
    if authors == byline.authors:
        return byline
    return Byline(authors=authors, bio=byline.bio, url=byline.url) if authors else None


# The parts of a site name with a slogan: "LinkNaija | Nigeria's popular news platform".
# Starting only where a run of spaces starts, as _SEGMENT_END does (linear time).
_SITE_PARTS = re.compile(r"(?<!\s)\s+[|•·—–-]\s+|:\s+")


class _SiteFilter:
    """Tells the site's own name from a person's: the site name, its parts around a slogan's
    bar, and (for one-word names) the URL's host. A full name that is the domain is a personal
    blog's owner ("annalee.blog"), not a brand."""

    def __init__(self, site_name: str | None, url: str | None) -> None:
        self.sites = (site_name, *_SITE_PARTS.split(site_name)) if site_name else ()
        self.host = urlsplit(url).hostname if url else None

    def is_site(self, name: str) -> bool:
        if any(is_site_name(name, site) for site in self.sites):
            return True
        return len(name.split()) == 1 and (is_site_name(name, self.host) or self._brand(name))

    def _brand(self, word: str) -> bool:
        """One word of a longer site name: the brand of "The Fitloop Blog"."""
        return any(is_site_name(word, part) for site in self.sites[:1] for part in site.split())

    def names(self, names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(n for n in names if not self.is_site(n))

    def found(self, found: Found) -> Found:
        names = self.names(found[0])
        return (names, found[1]) if names == found[0] else (names, None)


def _capitalised_head(part: str) -> str:
    """The part up to its first lower-case word that is no name particle."""
    tokens = part.split()
    cut = next((i for i, t in enumerate(tokens) if i and t[:1].islower() and t not in PARTICLES), len(tokens))
    return " ".join(tokens[:cut]) if tokens[:1] and tokens[0][:1].isupper() else ""


def _before_role(part: str, rules: Rules) -> str:
    """A name followed by a button, a role or an outlet in the same segment: "Daniel Reyes
    Follow", "Gareth Pryce Associated Press"; nothing when the segment is an outlet ("BBC News").

    >>> from newsparse.rules import rules_for
    >>> [_before_role(t, rules_for("en")) for t in ("Kevin Ray USA Today", "CNN Business", "AP Auto Writer")]
    ['Kevin Ray', '', '']
    """
    tokens = part.split()
    for i, token in enumerate(tokens):
        key = token.casefold().strip(".,:()")
        if _is_outlet_word(token, key, part, rules):
            return " ".join(tokens[: _outlet_cut(tokens, i, rules)])
        if i and key in rules.words["name_end"]:
            return " ".join(tokens[:i])
        if i and _ends_name(key, rules):
            # "Eleanor Vance Energy correspondent": the role's qualifier goes with it
            return " ".join(tokens[: i - 1 if i >= MIN_QUALIFIED_ROLE_AT and token[:1].islower() else i])
    if len(tokens) > 2 and tokens[-1].casefold() in PARTICLES:
        # A particle opens a surname and never ends a name: after a full name, "Di" or "Do"
        # is a bar's weekday ("Von Miriam Kessler Di, 17. Okt. 2023").
        return " ".join(tokens[:-1])
    return part


def _outlet_cut(tokens: list[str], at: int, rules: Rules) -> int:
    """How many tokens of a segment name a person, the outlet's word being at ``at``. Three
    words or more before it: a name and the outlet's own name ("Gareth Pryce Associated Press",
    "Marcus Delaney Florida Today"). Two: a name and a desk when a role follows ("Walter
    Brandt Business Columnist") or an acronym opens the outlet ("Kevin Ray USA Today"), else
    they are one outlet ("European Space Agency"). Fewer: the outlet."""
    if at >= MIN_QUALIFIED_ROLE_AT:
        return at - 1
    word = tokens[at].casefold().strip(".,:()")
    opens_outlet = word not in rules.words["organisation"]  # an acronym: "Kevin Ray USA Today"
    role_after = at + 1 < len(tokens) and _ends_name(tokens[at + 1].casefold().strip(".,:()"), rules)
    return at if at == 2 and (opens_outlet or role_after) else 0


def _is_outlet_word(token: str, key: str, part: str, rules: Rules) -> bool:
    """An organisation word ("News", "Press", "Business", "The"), or an acronym in a name
    written in mixed case ("CNN", "AP", "USA" in "Kevin Ray USA Today"; not "DALE HOLLIS")."""
    if key in rules.words["organisation"]:
        return True
    letters = token.strip(".,:()")
    capitals = len(letters) >= 2 and letters.isalpha() and letters.isupper()
    if not capitals or part.isupper() or _ROMAN.fullmatch(letters):
        return False
    tokens = part.split()
    if part.startswith(token) and len(letters) < MIN_OUTLET_ACRONYM:
        return any(_ends_name(t.casefold(), rules) for t in tokens[1:])  # "AP Auto Writer", not "JD Vance"
    # A surname in capitals after a given name, as French bylines print it: "Par Samir BELHADJ".
    return not (len(tokens) == 2 and token == tokens[1] and not tokens[0].isupper())


def _ends_name(token: str, rules: Rules) -> bool:
    """A role, a button or a month ("Anonymous November 16, 2021") ends a name."""
    return token in rules.words["not_a_name"] or token in rules.months


def looks_like_name(text: str, rules: Rules) -> bool:
    """A person's name: a few capitalised words, no digits, no role or publisher word.

    >>> from newsparse.rules import rules_for
    >>> [looks_like_name(t, rules_for("en")) for t in ("Jean-Luc Martin", "Staff Writer", "the editors")]
    [True, False, False]
    """
    tokens = text.split()
    if not 1 <= len(tokens) <= MAX_NAME_TOKENS or len(text) > MAX_NAME_CHARS:
        return False
    if any(ch.isdigit() or ch in "@/:：" for ch in text):
        return False
    not_names = rules.words["not_a_name"]
    if text.casefold() in not_names or any(t.casefold().strip(".,:") in not_names for t in tokens):
        return False
    prefixes = rules.author_prefixes
    if text.casefold().rstrip(":") in prefixes or tokens[0].casefold() in prefixes:
        return False  # "Autor:" alone, or "By Sarah": the label of a byline, not a name
    if _HAN_NAME.fullmatch(text):
        return True  # "王小明": a Chinese name, family name first, no capitals to tell it by
    if len(tokens) == 1 and not _is_single_name(text, rules):
        return False
    vetoed = (rules.words["organisation"], rules.words["name_end"])
    if any(t.casefold().strip(".,:") in words for t in tokens for words in vetoed):
        return False
    if tokens[-1] in PARTICLES:
        return False  # "Projektleiterin der": a name goes on after its particle
    return tokens[0][0].isupper() and all(_is_name_token(t) for t in tokens)


def _is_single_name(word: str, rules: Rules) -> bool:
    """A one-word name ("Josh"), not an account code or a brand: no capitals only ("KWCHCIK",
    "BBC", the credential "RDN"), no capital inside ("LinkNaija"), no "_", no month ("Nov")."""
    inner_capital = any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
    return not (word.isupper() or inner_capital or "_" in word or word.casefold().rstrip(".") in rules.months)


def _is_name_token(token: str) -> bool:
    return token[0].isupper() or token in PARTICLES or bool(_INITIAL.fullmatch(token))


# --- HTML pages: declared authors first, then the visible byline, then the text layout ---

MIN_BIO_WORDS = 6
_BIO_CLASS = re.compile(r"\bbio\b|[-_]bio\b|biography|description|author-desc|about-text")
MAX_BIO_WORDS = 80
# How far from a "Written by X" line its bio is looked for: levels up, siblings along.
BIO_LEVELS = 4
BIO_SIBLINGS = 3
# A heading after an author line opens the next section: what follows is no bio.
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def html_byline(
    page: Page,
    rules: Rules,
    *,
    fallback: Byline | None,
    header: html.HtmlElement | None = None,
    site_name: str | None = None,
) -> Byline | None:
    """The byline of an HTML page, cross-checked across its metadata and visible markup; a
    source that names only the site ("L'Opinion" in JSON-LD) names no one. ``header`` is
    the element that shows the headline (``headline_element``)."""
    marks = page.landmarks
    base = page.meta.base_url
    host = site_host(page.meta.url)  # a personal site's address names its owner
    sites = _SiteFilter(site_name, page.meta.url)
    declared = sites.found(_declared_authors(page.meta.authors, rules))
    shown, prefixed = _visible_authors(marks.byline, rules, base) if marks is not None else (((), None), False)
    shown = sites.found(shown)
    if not prefixed and header is not None and (declared[0] or not shown[0]):
        beside, stated = header_byline(header, rules)
        beside = sites.names(beside)
        shown, prefixed = ((beside, None), stated) if beside else (shown, prefixed)
    if declared[0] and not prefixed:
        shown = ((), None)  # a class name alone ("author") names tags and photographers too
    authors, url = _cross_checked(declared, shown, page.tree)
    if not authors and page.tree is not None:
        authors, url = _by_profile_link(page.tree, rules, base)
    if not authors and fallback is not None:
        authors = fallback.authors
    if not authors and page.tree is not None:
        authors = _emphasised_signature(page.tree, rules) or _blog_owner(page.tree, rules, host)
    if not authors and page.tree is not None:
        authors = _from_login(page.meta.authors, page.tree, rules, host=host)
    if not authors:
        return None
    if url is None and marks is not None:
        url = _profile_link([*marks.byline, *marks.author_box], authors, base)
    bio = None
    if marks is not None:
        bio = author_box_bio(marks.author_box, rules) or _bio_after_author_line(marks.byline, rules)
    bio = bio or (fallback.bio if fallback and _share_a_name(fallback.authors, authors) else None)
    authors = _completed(authors, bio, rules)
    if page.tree is not None:
        authors = _completed_on_page(authors, page.tree, rules)
        authors = _completed_by_address(authors, page.tree, rules, host)
    return Byline(authors=authors, bio=bio, url=url)


def _share_a_name(some: tuple[str, ...], others: tuple[str, ...]) -> bool:
    """Whether two bylines name a person in common: a bio belongs to the box that names its
    author, not to a byline found elsewhere ("Author: Adam Hotz" / "Description: …" in a post
    that "Posted by Kathy Walrath" wrote)."""
    words = {w.casefold() for name in others for w in name.split()}
    return any(w.casefold() in words for name in some for w in name.split())


def _completed(authors: tuple[str, ...], bio: str | None, rules: Rules) -> tuple[str, ...]:
    """A lone first name (a CMS account's display name, "Timo") completed by the author box's
    bio that opens with the full name ("Timo Wendler ist freier Autor …").

    >>> from newsparse.rules import rules_for
    >>> _completed(("Timo",), "Timo Wendler ist freier Autor und Journalist.", rules_for("de"))
    ('Timo Wendler',)
    >>> _completed(("Timo",), "Timo schreibt über Kinder.", rules_for("de"))
    ('Timo',)
    """
    if len(authors) != 1 or " " in authors[0] or not bio or not bio.startswith(authors[0] + " "):
        return authors
    words = bio.split()
    for size in (3, 2):  # "Anna Maria Weber", "Timo Wendler"
        full = " ".join(words[:size]).rstrip(",.:;-–")
        if (
            len(full.split()) == size
            and looks_like_name(full, rules)
            and not any(w.islower() for w in full.split()[1:])
        ):
            return (full,)
    return authors


_PARAGRAPHS = etree.XPath("//body//p")
_EMPHASIS = frozenset({"b", "strong", "i", "em"})


def _emphasised_signature(tree: html.HtmlElement, rules: Rules) -> tuple[str, ...]:
    """A signature set in bold or italics under the article's text: full names only, all of
    its paragraph in the emphasis, after a paragraph of the article and with nothing after it
    in its block ("… zum Saisonende." / "<p><b><i>Jonas Brandt</i></b></p>"), as clubs,
    magazines and columns sign their pieces. A subheading in bold has text after it; the
    page's only such line counts."""
    found = set()
    for paragraph in elements(_PARAGRAPHS, tree):
        before = paragraph.getprevious()
        if before is None or before.tag != "p" or not _emphasised(paragraph) or not before.text_content().strip():
            continue
        after = (paragraph.tail or "").strip() or any(
            s.text_content().strip() for s in paragraph.itersiblings() if isinstance(s.tag, str)
        )
        names = () if after else names_only(clean_line(paragraph.text_content()), rules)
        if names and all(len(n.split()) > 1 for n in names) and not inside(paragraph, COMMENTS):
            found.add(names)
    return found.pop() if len(found) == 1 else ()


def _emphasised(paragraph: html.HtmlElement) -> bool:
    """The paragraph's text is all in one bold or italic element: "<p><b><i>Name</i></b></p>"."""
    inner = [child for child in paragraph if isinstance(child.tag, str) and child.tag != "br"]
    if len(inner) != 1 or inner[0].tag not in _EMPHASIS or (paragraph.text or "").strip():
        return False
    return clean_line(paragraph.text_content()) == clean_line(inner[0].text_content())


_SPELT = etree.XPath(
    "//body//text()[string-length(normalize-space()) >= $shortest][string-length(normalize-space()) <= $longest]"
    "[not(ancestor::script or ancestor::style)]"
)


def _blog_owner(tree: html.HtmlElement, rules: Rules, host: str | None) -> tuple[str, ...]:
    """A personal blog's owner, where nothing names the writer: the full name printed alone
    in an element that the blog's address spells ("Jonas Albrecht" on
    jonasalbrecht.wordpress.com), in its masthead, sidebar or footer. Comments do not count."""
    spelt = _squashed(host.split(".")[0]) if host else ""
    if not spelt:
        return ()
    # Only texts of about the address's length: the name and a space or three between its words.
    for node, owner in owned(_SPELT, tree, shortest=str(len(spelt) + 1), longest=str(len(spelt) + 4)):
        text = clean_line(node)
        if _squashed(text) == spelt and " " in text and looks_like_name(text, rules) and not inside(owner, COMMENTS):
            return (text,)
    return ()


# A CMS login in the metadata's author: "anna.weber", "jean-luc.martin".
_LOGIN = re.compile(r"(?P<first>[^\W\d_][\w-]*)\.(?P<last>[^\W\d_][\w-]*)")
_CONTAINING = etree.XPath("//body//text()[not(ancestor::script or ancestor::style)][contains(., ' ')]")


def _from_login(
    sources: tuple[tuple[Person, ...], ...], tree: html.HtmlElement, rules: Rules, *, host: str | None
) -> tuple[str, ...]:
    """The person behind a metadata author that is a CMS login, given name and surname in
    lower case around a dot ("anna.weber"): the full name printed on the page that opens with
    the given name and ends with the surname ("Anna K. Weber"), else the login's two words
    capitalised ("Anna Weber"). The site's own domain ("kochbuch.pl" on kochbuch.pl) is none."""
    login = next((_LOGIN.fullmatch(p.name) for source in sources for p in source), None)
    if login is None or not login.group(0).islower() or login.group(0) == host:
        return ()
    first, last = (login.group(k).capitalize() for k in ("first", "last"))
    # Up to two middle names or initials between them: "Anna K. Weber", "Anna Maria Weber".
    printed = re.compile(rf"\b{re.escape(first)}(?: \S+){{0,2}}? {re.escape(last)}\b")
    for node in strings(_CONTAINING, tree):
        found = printed.search(clean_line(node)) if last in node else None
        if found and looks_like_name(found.group(0), rules):
            return (found.group(0),)
    name = f"{first} {last}"
    return (name,) if looks_like_name(name, rules) else ()


_STARTING_WITH = etree.XPath("//body//text()[starts-with(normalize-space(), $head)]")
# A completion has the given name and one or two more words ("Anna Maria Weber").
MAX_COMPLETION_WORDS = 3


def _completed_on_page(authors: tuple[str, ...], tree: html.HtmlElement, rules: Rules) -> tuple[str, ...]:
    """A lone first name (a CMS account's display name, "Dean") completed by the one full
    name printed in an element of its own that opens with it: the author card's "Dean
    Porter". Comments do not count; two such names ("Dean Porter", "Dean Ruiz") leave it."""
    if len(authors) != 1 or not authors[0].replace("-", "").isalpha():
        return authors  # a given name: not a brand ("Greentech.LIVE") nor full names
    full = set()
    for node, owner in owned(_STARTING_WITH, tree, head=authors[0] + " "):
        text = clean_line(node)
        words = text.split()
        if (
            len(words) <= MAX_COMPLETION_WORDS
            and looks_like_name(text, rules)
            and not any(w[:1].islower() for w in words[1:])
            and not inside(owner, COMMENTS)
        ):
            full.add(text)
    return (full.pop(),) if len(full) == 1 else authors


def _completed_by_address(
    authors: tuple[str, ...], tree: html.HtmlElement, rules: Rules, host: str | None
) -> tuple[str, ...]:
    """A lone first name completed by the surname a personal site's address gives, where the
    page prints the two together: "Henrik" on vellmer.de or henrikvellmer.de, and "Henrik
    Vellmer" in a photo credit or a widget's title (in capitals: given in title case)."""
    given = authors[0] if len(authors) == 1 else ""
    label = host.split(".")[0] if host else ""
    if not given.isalpha() or not label.isalpha() or " " in given:
        return authors
    surname = label[len(given) :] if label.startswith(given.casefold()) else label
    if len(surname) < MIN_SURNAME_CHARS:
        return authors
    printed = re.compile(rf"(?<!\w){re.escape(given)}\s+{re.escape(surname)}(?!\w)", re.IGNORECASE)
    for text in strings(_CONTAINING, tree):
        found = printed.search(text)
        if found:
            name = " ".join(found.group(0).split())
            name = name.title() if name.isupper() else name
            return (name,) if looks_like_name(name, rules) else authors
    return authors


def _cross_checked(declared: Found, shown: Found, tree: html.HtmlElement | None) -> Found:
    """The metadata's authors, unless the visible byline names more of them (JSON-LD often
    lists only the first of several writers) or the metadata's people appear nowhere on the
    page (a web producer's account: zyte labels, "a visible byline beats a metadata person
    who appears nowhere on the page")."""
    if not declared[0] or not shown[0]:
        return declared if declared[0] else shown
    said, seen = {n.casefold() for n in declared[0]}, {n.casefold() for n in shown[0]}
    if said < seen or _first_names_of(said, seen):
        return shown[0], declared[1] or shown[1]
    if not said & seen and all(" " not in n for n in said) and all(" " in n for n in seen):
        return shown  # an account's display name ("Google", "Jobs; Hire") against full names
    if tree is not None and not said & seen and not _mentioned(said, tree):
        return shown
    return declared


def _first_names_of(said: set[str], seen: set[str]) -> bool:
    """Whether the metadata gives only the first names of the visible byline's people: a CMS
    account's display name ("Timo" for "Von Timo Wendler")."""
    full = {n.split()[0]: n for n in seen if len(n.split()) > 1}
    return len(said) == len(seen) and all(len(n.split()) == 1 and n in full for n in said)


_PAGE_TEXT = etree.XPath("//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")
# Where themes keep a copy of the metadata's author for rich snippets, out of the reader's
# sight: an element with a hiding class, a hidden attribute or an inline display:none.
_HIDING_CLASS = re.compile(
    r"(?:^|\s)(?:hidden|is-hidden|d-none|sr-only|visually-hidden|screen-reader-text|rich-snippet-hidden)(?:\s|$)"
)


def _mentioned(names: set[str], tree: html.HtmlElement) -> bool:
    """Whether any of the (case-folded) names is printed on the page where a reader sees it."""
    nodes = owned(_PAGE_TEXT, tree)
    texts = [" ".join(t.split()).casefold() for t, _ in nodes]
    page = " ".join(texts)
    hidden = Upward(lambda node: True if _hides(node) else None)  # each element read once: linear
    for name in (n for n in names if n in page):
        holders = [owner for (_, owner), text in zip(nodes, texts, strict=True) if name in text]
        # A name split over elements ("<b>Ann</b> Lee") is taken as shown.
        if not holders or not all(hidden(e) for e in holders):
            return True
    return False


def _hides(element: html.HtmlElement) -> bool:
    style = str(element.get("style", "")).replace(" ", "").casefold()
    hiding = _HIDING_CLASS.search(str(element.get("class", "")))  # a search: no list of a huge class's tokens
    return element.get("hidden") is not None or "display:none" in style or hiding is not None


# How far around the headline a byline line is looked for (elements in document order):
# bylines sit between the <h1> and the lead, or just above the <h1> (a kicker bar).
HEADER_AFTER, HEADER_BEFORE = 60, 8
# A paragraph this long is prose; past the second, the article's text has begun (the first
# may be a standfirst over the byline: "Von Malte Rieger" under the lead on German sites).
MAX_HEADER_WORDS = 28
MAX_HEADER_PROSE = 1


def header_byline(h1: html.HtmlElement, rules: Rules) -> tuple[tuple[str, ...], bool]:
    """The names of a byline line beside the article's headline, where no class names it, and
    whether a prefix introduced them: "Von Lena Hofacker" under the <h1>, "ByDaria Wexford",
    "yikes! | By Tessa Marlowe | April 13"; without a prefix, a name in a dated bar ("09.03.2022 |
    16:40 Uhr | Ines Wohlgemuth"), as the text door reads one. The main-content blocks often
    leave these lines out. ``h1`` is the element that shows the headline."""
    after = following(h1, HEADER_AFTER)
    before = list(reversed(preceding(h1, HEADER_BEFORE)))
    labelled = False  # the previous element was a prefix alone: "<span>By</span><span>Tessa Marlowe</span>"
    barred: tuple[str, ...] = ()
    for element in itertools.chain(_up_to_text(after), before):
        text = _header_text(element)
        names = parse_author_line(text, rules) if text else None
        if names and _in_header(element):  # the innermost element that reads as a byline, not the bar
            inner = (parse_author_line(_header_text(e), rules) for e in element.iterdescendants())
            return next((found[0] for found in inner if found), names[0]), True
        if labelled and text and _in_header(element):
            return split_names(text, rules, strict=True), True
        labelled = labelled if not text else phrase_key(text.strip("|·•: ")) in rules.author_prefixes
        if text and not barred and _inline_only(element) and text_date(text, rules) is not None and _in_header(element):
            barred = names_in_bar(text, rules)
    return barred, False


# Elements that set a word apart inside a line: a dated bar is one line whatever they mark.
_INLINE = frozenset({"span", "a", "b", "strong", "i", "em", "small", "time"})


def _inline_only(element: html.HtmlElement) -> bool:
    """A line of text, perhaps with parts marked ("11.03.2021 <span>- Redaktion: Eva Kühn</span>"),
    not a box of lines."""
    return all(child.tag in _INLINE for child in element if isinstance(child.tag, str))


def _up_to_text(following: list[html.HtmlElement]) -> Iterator[html.HtmlElement]:
    """The elements up to the article's text: a standfirst may come before the byline, so
    the second paragraph of prose ends the header."""
    prose = 0
    for element in following:
        if element.tag == "p" and more_words_than(element, MAX_HEADER_WORDS):
            prose += 1
            if prose > MAX_HEADER_PROSE:
                return
        yield element


def _header_text(element: html.HtmlElement) -> str:
    """The text of a short element of the header."""
    if not isinstance(element.tag, str) or element.tag in ("script", "style", "noscript", "h1") or len(element) > 3:
        return ""
    shown = text_up_to(element, 2 * MAX_BYLINE_CHARS)  # a wrapper of the whole page: read that far
    text = clean_line(shown) if shown is not None else ""
    return "" if len(text) > MAX_BYLINE_CHARS else text


def _in_header(element: html.HtmlElement) -> bool:
    """Outside comments and sidebars (asked only of a line that reads as a byline: the walk
    up the tree costs more than reading the line)."""
    return not inside(element, COMMENTS) and not inside(element, ASIDE_HINT)


def _declared_authors(sources: tuple[tuple[Person, ...], ...], rules: Rules) -> Found:
    """The names of the first source that names a person; the profile URL from any source
    that links the first of them (<meta name=author> has none, microdata may). A value may
    carry a byline's prefix and outlet ("By Corinne DuValle, CNN"); one-word names beside full
    ones are commenters or outlets (``without_lone_words``)."""
    for people in sources:
        found = [[*_names_in(p.name, rules)] for p in people]
        parts = sum(max(1, len(f)) for f in found)  # a person who yields no name is credited too
        names = tuple(dict.fromkeys(without_lone_words([n for f in found for n in f], parts)))
        if names:
            everyone = (p for source in sources for p in source)
            url = next((p.url for p in everyone if p.url and names[0] in _names_in(p.name, rules)), None)
            return names, url
    return (), None


def _names_in(value: str, rules: Rules) -> tuple[str, ...]:
    """The names of a metadata value, read as a byline line when it opens with a prefix (a
    prefix that introduces no name leaves none: "Eingestellt von der Autor" is no name)."""
    found = parse_author_line(value, rules)
    if found:
        return found[0]
    prefixed = rules.byline.fullmatch(value) or rules.author_box.fullmatch(value)
    return () if prefixed else split_names(value, rules)


def _visible_authors(elements: tuple[html.HtmlElement, ...], rules: Rules, base: str | None) -> tuple[Found, bool]:
    """The names of the first byline element that gives any, and whether a byline prefix
    ("By", "Von") introduced them."""
    read: set[html.HtmlElement] = set()  # in bylines read whole: their parts ("Washington,") are not read alone
    in_comments, in_related = Within(COMMENTS), Within(RELATED)  # many candidates: each ancestor read once
    for element in elements:
        if element in read or in_comments(element) or in_related(element):
            continue
        shown = text_up_to(element, 2 * MAX_BYLINE_CHARS)  # candidates nest: each read only that far
        text = clean_line(shown) if shown else ""
        if not text or len(text) > MAX_BYLINE_CHARS:
            if linked := _linked_name(element, rules):
                return (linked, _profile_link([element], linked, base)), False
            continue
        found = parse_author_line(text, rules)
        names = found[0] if found else _unprefixed_names(text, rules) or _marked_name(element, rules)
        if names:
            return (names, _profile_link([element], names, base)), found is not None
        read.update(element.iterdescendants())  # candidates come in document order: disjoint, read once
    return ((), None), False


def _unprefixed_names(text: str, rules: Rules) -> tuple[str, ...]:
    """The names of an author element without a prefix. Han characters there may name the
    site ("新华网"): a Chinese name counts only after a prefix. A prefix that introduces no
    name leaves none ("Eingestellt von der Autor": not a name of three words)."""
    if rules.byline.fullmatch(text) or rules.author_box.fullmatch(text):
        return ()
    # "Interview: Anna Weber": the element's class says whose credit it is
    return tuple(n for n in split_names(unlabelled(text, rules), rules) if not _HAN_NAME.fullmatch(n))


# How many links of an author element too long to be a byline are read for the name.
MAX_NAME_LINKS = 2


def _linked_name(element: html.HtmlElement, rules: Rules) -> tuple[str, ...]:
    """The full name an author element links, where it holds more than a byline (the post's
    title, a rating, an excerpt): "<div class=author><a>Heiner Lutz</a>, 12. Feb. 2015 …"."""
    for link in itertools.islice(element.iter("a"), MAX_NAME_LINKS):
        shown = text_up_to(link, MAX_NAME_CHARS)
        names = split_names(clean_line(shown), rules, strict=True) if shown else ()
        if len(names) == 1:
            return names
    return ()


# A CMS's author archive: WordPress /author/<slug>/, and its kin in other CMSs and languages.
_ACCOUNT_PATH = re.compile(r"/(?:author|autor|autoren|auteur|autore|authors)/(?P<slug>[^/?#]+)", re.IGNORECASE)


def _display_name(element: html.HtmlElement) -> tuple[str, ...]:
    """A one-word display name a writer chose for their account, linked to its author archive
    under another slug ("kbrandl" at /author/admin/, "GrüneWolkenFee" at
    /author/jule204/): a name, even in lower case. The slug itself shown as the name
    ("admin", "tkadmin") is the account's handle, no person's."""
    for link in element.iter("a"):
        account = _ACCOUNT_PATH.search(str(link.get("href", "")))
        name = clean_line(link.text_content())
        if (
            account
            and name
            and " " not in name
            and len(name) <= MAX_NAME_CHARS
            and _squashed(name) != _squashed(account["slug"])
        ):
            return (name,)
    return ()


_HCARD_NAME = etree.XPath(
    "descendant-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' p-name ')]"
)
_HCARD = re.compile(r"(?:^|\s)(?:vcard|h-card)(?:\s|$)")


def _marked_name(element: html.HtmlElement, rules: Rules) -> tuple[str, ...]:
    """A name the markup vouches for where the text reads as none: an author archive's
    display name, an hCard's formatted name."""
    return _display_name(element) or _hcard_name(element, rules)


def _hcard_name(element: html.HtmlElement, rules: Rules) -> tuple[str, ...]:
    """The formatted name of a shown hCard byline (Blogger's "Eingestellt von <span
    class=fn>", themes' "by <span class="author vcard fn">"): the microformat says it is the
    writer's name, so a pen name in lower case counts ("kit", "der Kauz"). A role or a menu
    word ("Autor", "admin") does not, nor a theme's hidden copy, nor the account's slug shown
    as the name (as for ``_display_name``)."""
    around = (*element.iterancestors(), *element.iter())  # the line's card, or the card in the line
    card = next((e for e in around if isinstance(e.tag, str) and _HCARD.search(e.get("class") or "")), None)
    if card is None or any(_hides(e) for e in (card, *card.iterancestors())):
        return ()
    for part in elements(_HCARD_NAME, card):
        name = clean_line(part.text_content())
        if name and _pen_name(name, rules) and not _is_slug(name, part):
            return (name,)
    return ()


# A desk's word this long closes a compound that names a desk too: "Webteam", "Onlineredaktion".
MIN_DESK_SUFFIX = 4


def _pen_name(name: str, rules: Rules) -> bool:
    """A short name with no digit, handle sign, or word or compound that no name holds."""
    tokens = [t.casefold().strip(".,:") for t in name.split()]
    suffixes = tuple(w for w in rules.words["not_a_name"] if len(w) >= MIN_DESK_SUFFIX and " " not in w)
    return (
        len(tokens) <= MAX_NAME_TOKENS
        and len(name) <= MAX_NAME_CHARS
        and not any(ch.isdigit() or ch in "@/:" for ch in name)
        and not any(t in rules.words["not_a_name"] or t.endswith(suffixes) for t in tokens)
    )


def _is_slug(name: str, element: html.HtmlElement) -> bool:
    """Whether the name is the slug of the author archive the element links."""
    accounts = (_ACCOUNT_PATH.search(str(a.get("href", ""))) for a in element.iter("a"))
    return any(account and _squashed(account["slug"]) == _squashed(name) for account in accounts)


def _squashed(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _by_profile_link(tree: html.HtmlElement, rules: Rules, base: str | None) -> tuple[tuple[str, ...], str | None]:
    """Forums and aggregators: "by <a href="user?id=x">x</a>" after a score or a date. A user
    name keeps its own casing (lower-case is common): the profile link vouches for it."""
    prefixes = set(rules.words["byline_prefix"])
    # Walked in Python, up to the bound: an XPath over every link cost a millisecond a page.
    profiles = (a for a in document(tree, "a") if _PROFILE_HREF.search(a.get("href") or ""))
    for link in itertools.islice(profiles, MAX_PROFILE_LINKS):
        before = strings(_TEXT_BEFORE, link)
        if not before or phrase_key(before[0]).rpartition(" ")[2] not in prefixes:
            continue
        name = clean_line(link.text_content())
        href = str(link.get("href", ""))
        if _is_user_name(name, href, rules) and not inside(link, COMMENTS) and not inside(link, ASIDE_HINT):
            return (name,), absolute_url(href, base)
    return (), None


def _is_user_name(name: str, href: str, rules: Rules) -> bool:
    """A forum handle ("m.herrera", "tidewater_k") or a person's name. A blog's /author/ page
    belongs to a CMS account, whose handle ("admin", "jdadmin") is no person (zyte labels):
    there only a name counts."""
    if not 0 < len(name) <= MAX_NAME_CHARS:
        return False
    handle = len(name.split()) == 1 and "author" not in href.casefold()
    return handle or looks_like_name(name, rules)


def _profile_link(elements: list[html.HtmlElement], names: tuple[str, ...], base: str | None) -> str | None:
    for element in elements:
        for link in element.iter("a"):
            if clean_line(link.text_content()) in names and link.get("href"):
                url = absolute_url(str(link.get("href")), base)
                if url:
                    return url
    return None


def author_box_bio(boxes: tuple[html.HtmlElement, ...], rules: Rules) -> str | None:
    """The description of an author box: its element named as a bio or description, else its
    longest paragraph; never the name line ("Scritto da X") or a "All posts by X" link."""
    in_comments = Within(COMMENTS)  # many boxes: each ancestor read once
    for box in boxes:
        if in_comments(box):
            continue
        named = [e for e in box.iterdescendants() if isinstance(e.tag, str) and _BIO_CLASS.search(hints(e))]
        innermost = [e for e in named if not any(d in named for d in e.iterdescendants())]
        in_named = [p for e in named for p in e.iter("p")]
        for candidates in (in_named, innermost, list(box.iter("p"))):
            texts = (clean_line(e.text_content()) for e in candidates)
            bios = [t for t in texts if len(t.split()) >= MIN_BIO_WORDS and not parse_author_line(t, rules)]
            if bios:
                return max(bios, key=len)
    return None


def _bio_after_author_line(elements: tuple[html.HtmlElement, ...], rules: Rules) -> str | None:
    """The prose that follows a "Written by X" line, where the box has no telling class (Medium)."""
    in_comments = Within(COMMENTS)  # many author lines: each ancestor read once
    for element in elements:
        found = parse_author_line(clean_line(element.text_content()), rules)
        if found and found[1] and not in_comments(element):
            return _following_prose(element, rules)
    return None


def _following_prose(element: html.HtmlElement, rules: Rules) -> str | None:
    node: html.HtmlElement | None = element
    for _ in range(BIO_LEVELS):
        if node is None:
            return None
        for sibling in itertools.islice(node.itersiblings(), BIO_SIBLINGS):
            if sibling.tag in _HEADINGS:  # the next section ("2 Responses to …"): the box had no bio
                return None
            if _is_figure(sibling):
                continue
            text = clean_line(sibling.text_content())
            if MIN_BIO_WORDS <= len(text.split()) <= MAX_BIO_WORDS and not parse_author_line(text, rules):
                return text
        node = node.getparent()
    return None


def _is_figure(element: html.HtmlElement) -> bool:
    """A picture with its caption and credit, which can stand right after a byline."""
    return element.tag in ("figure", "figcaption", "img") or element.find(".//img") is not None
