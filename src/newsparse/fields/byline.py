"""Bylines: person names from "By X", "Written by X and Y", "Von X", "Escrito por X" lines."""

from __future__ import annotations

import itertools
import re

from lxml import etree, html

from newsparse.fields.headline import is_site_name
from newsparse.model import Byline
from newsparse.normalize import clean_line, phrase_key
from newsparse.page import Page, Person
from newsparse.rules import Rules
from newsparse.sources.landmarks import ASIDE_HINT, COMMENTS, hints, inside
from newsparse.sources.xpath import elements, strings
from newsparse.urls import absolute_url

# Name particles that stay lower-case inside a name: "Ludwig van Beethoven", "María de la Cruz".
PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la", "le"}
    | {"bin", "ibn", "al", "el", "y", "e", "ter", "ten", "zu"}
)
MAX_NAME_TOKENS = 5
MAX_NAME_CHARS = 60
# A byline is a short line; a longer one starting "By ..." is a sentence ("By the end of ...").
MAX_BYLINE_CHARS = 120
# A lower-case role this far into a segment takes the capitalised word before it along.
MIN_QUALIFIED_ROLE_AT = 3
# A bar of page furniture that holds a byline ("By X · Published … · 5 min read").
MAX_INLINE_BYLINE_WORDS = 25
# Where the names stop and a date, a role or a site begins.
# Each starts where a run of spaces starts ((?<!\s)): tried inside a long run, the pattern
# would scan the rest of it from every position, in quadratic time.
_SEGMENT_END = re.compile(r"(?<!\s)(?:\s+(?:[|•·—–-]\s+|\d)|\s*[(\[|])")
# The items of a bar of page furniture: "14 May 2024 · 5 min read · Anja Vogt".
_BAR_ITEM = re.compile(r"(?<!\s)\s+[|•·—–]\s+")
# phpBB and its kin: "by m.herrera » Tue Mar 12, 2024 8:41 pm": a handle, then a separator.
_FORUM_HANDLE = re.compile(r"(?:^|\s)(?P<prefix>\w+)\s(?P<handle>[\w.\-]{2,40})\s[»|·]\s\S")
# A handle ending the line, told from a word (and from "by 2027", "by mid-2025") by a "_" or
# "." inside it: "submitted 5 hours ago by tidewater_k".
_LAST_HANDLE = re.compile(r"(?:^|\s)(?P<prefix>\w+)\s(?P<handle>[^\W\d_][\w\-]*[_.][\w.\-]*\w)$")
# Links to a user's page on forums and blogs: user?id=, /profile/, /author/, /u/, /@name.
_PROFILE_LINKS = etree.XPath(
    "//a[@href][contains(@href, 'user') or contains(@href, 'profile') or contains(@href, 'member')"
    " or contains(@href, '/u/') or contains(@href, '/@') or contains(@href, 'author')]"
)
_TEXT_BEFORE = etree.XPath("preceding::text()[normalize-space()][1]")
# The opening post's author link comes early; a thread's later links are repliers.
MAX_PROFILE_LINKS = 40
_INITIAL = re.compile(r"\w\.(?:-?\w\.)*")


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
    if len(text) > MAX_BYLINE_CHARS:
        return None
    for pattern, is_box in ((rules.author_box, True), (rules.byline, False)):
        match = pattern.fullmatch(text)
        names = split_names(match.group("rest"), rules) if match else ()
        if names:
            return names, is_box
    return _inline_byline(text, rules)


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
    if rules.byline_words.isdisjoint(w.strip(":|·•") for w in words):
        return None  # no prefix word at all: the common case, decided without a pattern
    # A lower-case start is a sentence's fragment, or a forum's "submitted 5 hours ago by x".
    for match in () if text[:1].islower() else rules.inline_byline.finditer(text):
        if _mid_sentence(text, match):
            continue
        names = split_names(match.group("rest"), rules, strict=True)
        if names:
            return names, False
    for pattern in (_LAST_HANDLE,) if text[:1].islower() else (_FORUM_HANDLE, _LAST_HANDLE):
        handle = pattern.search(text)
        if handle and handle.group("prefix").casefold() in rules.byline_words:
            return (handle.group("handle"),), False
    return None


def _mid_sentence(text: str, match: re.Match[str]) -> bool:
    """A prefix word between lower-case words is a preposition in a sentence, not a byline:
    "… l'isola di San Leno torna a viaggiare" (Italian "di" is "by" and "of")."""
    before = text[: match.start()].split()[-1:]
    rest = match.group("rest").strip()
    after = rest[len(_capitalised_head(rest)) :].split()[:1]
    return bool(before and before[0][:1].islower() and after and after[0][:1].islower())


def split_names(text: str, rules: Rules, *, strict: bool = False) -> tuple[str, ...]:
    """The person names in a byline's tail, in order, roles and dates left out.

    >>> from newsparse.rules import rules_for
    >>> split_names("Jane Doe, Senior Reporter", rules_for("en"))
    ('Jane Doe',)
    >>> split_names("Ann Lee, Bo Chen & John C. Welch | 3 May 2024", rules_for("en"))
    ('Ann Lee', 'Bo Chen', 'John C. Welch')
    """
    head = _SEGMENT_END.split(text.strip(), maxsplit=1)[0]
    parts = [_before_role(p.strip(" .,:;"), rules) for p in rules.name_separator.split(head)]
    if strict:  # tags after the names ("… y Andrés Vidal colegios, energía solar") are not names
        parts = [_capitalised_head(p) for p in parts]
    names = [p for p in parts if looks_like_name(p, rules)]
    if strict and (len(names) < len([p for p in parts if p]) or any(len(n.split()) < 2 for n in names)):
        return ()  # inside other text, only full names through and through: not "di Como, più corse"
    return tuple(dict.fromkeys(names))


def names_only(text: str, rules: Rules) -> tuple[str, ...]:
    """The names of a line that holds nothing else ("Renee Castillo", "Ann Lee and Bo Chen"),
    in mixed case: "NEW YORK" next to a date is a dateline's place, not a byline.

    >>> from newsparse.rules import rules_for
    >>> names_only("Ann Lee and Bo Chen", rules_for("en")), names_only("Local News", rules_for("en"))
    (('Ann Lee', 'Bo Chen'), ())
    """
    names = split_names(text, rules, strict=True)
    if not names or any(n.isupper() for n in names):
        return ()
    joiners = len(names) - 1
    return names if sum(len(n.split()) for n in names) + joiners >= len(text.split()) else ()


def names_in_bar(text: str, rules: Rules) -> tuple[str, ...]:
    """The names in one item of a dated bar that has no byline prefix: "Hannah Okafor 14 May
    2024", "18. Februar 2024 · 7 Min. Lesezeit · Anja Vogt · 18 Kommentare".

    >>> from newsparse.rules import rules_for
    >>> names_in_bar("18. Februar 2024 · 7 Min. Lesezeit · Anja Vogt · 18 Kommentare", rules_for("de"))
    ('Anja Vogt',)
    """
    for item in _BAR_ITEM.split(text):
        head = _SEGMENT_END.split(item.strip(), maxsplit=1)[0]
        names = names_only(head, rules)
        if names:
            return names
    return ()


def without_site(byline: Byline | None, site_name: str | None) -> Byline | None:
    """The byline without the publisher a line credits next to the writer ("Por João da Silva,
    Gazeta Sul"); None when the site was all it named."""
    if byline is None or not site_name:
        return byline
    authors = tuple(a for a in byline.authors if not is_site_name(a, site_name))
    if authors == byline.authors:
        return byline
    return Byline(authors=authors, bio=byline.bio, url=byline.url) if authors else None


def _capitalised_head(part: str) -> str:
    """The part up to its first lower-case word that is no name particle."""
    tokens = part.split()
    cut = next((i for i, t in enumerate(tokens) if i and t[:1].islower() and t not in PARTICLES), len(tokens))
    return " ".join(tokens[:cut]) if tokens[:1] and tokens[0][:1].isupper() else ""


def _before_role(part: str, rules: Rules) -> str:
    """A name followed by a button or a role in the same segment: "Daniel Reyes Follow"."""
    tokens = part.split()
    cut = next((i for i, t in enumerate(tokens) if i and _ends_name(t.casefold().strip(".,:()"), rules)), None)
    if cut is None:
        return part
    if cut >= MIN_QUALIFIED_ROLE_AT and tokens[cut][:1].islower():
        cut -= 1  # "Eleanor Vance Energy correspondent": the role's qualifier goes with it
    return " ".join(tokens[:cut])


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
    if any(ch.isdigit() or ch in "@/:" for ch in text):
        return False
    not_names = rules.words["not_a_name"]
    if text.casefold() in not_names or any(t.casefold().strip(".,:") in not_names for t in tokens):
        return False
    prefixes = rules.author_prefixes
    if text.casefold().rstrip(":") in prefixes or tokens[0].casefold() in prefixes:
        return False  # "Autor:" alone, or "By Sarah": the label of a byline, not a name
    return tokens[0][0].isupper() and all(_is_name_token(t) for t in tokens)


def _is_name_token(token: str) -> bool:
    return token[0].isupper() or token in PARTICLES or bool(_INITIAL.fullmatch(token))


# --- HTML pages: declared authors first, then the visible byline, then the text layout ---

MIN_BIO_WORDS = 6
_BIO_CLASS = re.compile(r"\bbio\b|[-_]bio\b|biography|description|author-desc|about-text")
MAX_BIO_WORDS = 80
# How far from a "Written by X" line its bio is looked for: levels up, siblings along.
BIO_LEVELS = 4
BIO_SIBLINGS = 3


def html_byline(page: Page, rules: Rules, *, fallback: Byline | None) -> Byline | None:
    """The byline of an HTML page, cross-checked across its metadata and visible markup."""
    marks = page.landmarks
    authors, url = _declared_authors(page.meta.authors, rules)
    if not authors and marks is not None:
        authors, url = _visible_authors(marks.byline, rules, page.meta.base_url)
    if not authors and marks is not None:
        authors, url = _by_profile_link(page.tree, rules, page.meta.base_url) if page.tree is not None else ((), None)
    if not authors and fallback is not None:
        authors = fallback.authors
    if not authors:
        return None
    if url is None and marks is not None:
        url = _profile_link([*marks.byline, *marks.author_box], authors, page.meta.base_url)
    bio = None
    if marks is not None:
        bio = author_box_bio(marks.author_box, rules) or _bio_after_author_line(marks.byline, rules)
    return Byline(authors=authors, bio=bio or (fallback.bio if fallback else None), url=url)


def _declared_authors(sources: tuple[tuple[Person, ...], ...], rules: Rules) -> tuple[tuple[str, ...], str | None]:
    """The names of the first source that names a person; the profile URL from any source
    that links the first of them (<meta name=author> has none, microdata may)."""
    for people in sources:
        names = tuple(dict.fromkeys(n for p in people for n in split_names(p.name, rules)))
        if names:
            everyone = (p for source in sources for p in source)
            url = next((p.url for p in everyone if p.url and p.name == names[0]), None)
            return names, url
    return (), None


def _visible_authors(
    elements: tuple[html.HtmlElement, ...], rules: Rules, base: str | None
) -> tuple[tuple[str, ...], str | None]:
    for element in elements:
        if inside(element, COMMENTS):
            continue
        text = clean_line(element.text_content())
        if not text or len(text) > MAX_BYLINE_CHARS:
            continue
        found = parse_author_line(text, rules)
        names = found[0] if found else split_names(text, rules)
        if names:
            return names, _profile_link([element], names, base)
    return (), None


def _by_profile_link(tree: html.HtmlElement, rules: Rules, base: str | None) -> tuple[tuple[str, ...], str | None]:
    """Forums and aggregators: "by <a href="user?id=x">x</a>" after a score or a date. A user
    name keeps its own casing (lower-case is common): the profile link vouches for it."""
    prefixes = set(rules.words["byline_prefix"])
    for link in elements(_PROFILE_LINKS, tree)[:MAX_PROFILE_LINKS]:
        before = strings(_TEXT_BEFORE, link)
        if not before or phrase_key(before[0]).rpartition(" ")[2] not in prefixes:
            continue
        name = clean_line(link.text_content())
        if _is_user_name(name, rules) and not inside(link, COMMENTS) and not inside(link, ASIDE_HINT):
            return (name,), absolute_url(str(link.get("href", "")), base)
    return (), None


def _is_user_name(name: str, rules: Rules) -> bool:
    """A forum handle ("m.herrera", "tidewater_k") or a person's name."""
    return 0 < len(name) <= MAX_NAME_CHARS and (len(name.split()) == 1 or looks_like_name(name, rules))


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
    for box in boxes:
        if inside(box, COMMENTS):
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
    for element in elements:
        found = parse_author_line(clean_line(element.text_content()), rules)
        if found and found[1] and not inside(element, COMMENTS):
            return _following_prose(element, rules)
    return None


def _following_prose(element: html.HtmlElement, rules: Rules) -> str | None:
    node: html.HtmlElement | None = element
    for _ in range(BIO_LEVELS):
        if node is None:
            return None
        for sibling in itertools.islice(node.itersiblings(), BIO_SIBLINGS):
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
