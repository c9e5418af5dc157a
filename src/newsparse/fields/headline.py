"""Headline: the article's own title, not "Title | Site Name", not the logo or a section name."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from lxml import html

from newsparse.normalize import clean_line, phrase_key
from newsparse.sources.landmarks import TokenPattern as _TokenPattern
from newsparse.sources.landmarks import inside

# Separators between a title and the site name; a colon is left alone ("Brexit: what next").
# Only from the start of a run of spaces: tried inside a long run it was quadratic.
_SEPARATOR = re.compile(r"(?<!\s)(\s+[|\-–—·»•/:]{1,2}\s+)")
# Without a known site name, only a short affix is taken for one ("Local Gazette - ...").
MAX_SITE_AFFIX_WORDS = 4
# Two titles name the same article when this share of their words is shared.
MIN_OVERLAP = 0.6
# A body line repeats the headline only when nearly every word is the same.
REPEAT_OVERLAP = 0.85
# A site name is a few words ("The Boston Globe"); more is a section path or a slogan.
MAX_SITE_WORDS = 4
_LOGO = _TokenPattern(
    r"logo|site-?title|site-?name|site-?branding|site-?desc|brand|masthead|headerbar|^header$|^site-header|redditname",
    r"^$",
)
# A kicker is a word or a few ("Klimaschutz", "Holocaust-Gedenktag", "1. Februar 2022").
MAX_KICKER_WORDS = 4
_NO_KICKERS: Mapping[str, str] = MappingProxyType({})
# Pages with more <h1>s than this use them for styling; the first few are enough.
MAX_H1 = 5
# Other headings searched for the headline's text, in document order: a theme's title <h2>
# comes before the sidebar's.
MAX_HEADINGS = 30
_WORD = re.compile(r"\w+")


def choose_headline(
    titles: Sequence[str], h1s: Sequence[str], site_name: str | None, kickers: Mapping[str, str] = _NO_KICKERS
) -> str | None:
    """The visible <h1> that agrees with the declared titles, else the best declared title.
    ``kickers`` maps an <h1>'s text to its text without a kicker element (``h1_kickers``).

    >>> h1s = ["Local Gazette", "Council approves new budget"]
    >>> choose_headline(["Council approves new budget | Local Gazette"], h1s, None)
    'Council approves new budget'
    >>> choose_headline(["Local Gazette - Council approves new budget"], [], None)
    'Council approves new budget'
    >>> choose_headline([], ["Only an h1 here"], "Site")
    'Only an h1 here'
    """
    stripped = [strip_site_name(t, site_name) for t in titles]
    # Failing that, any part of a title may be what an <h1> repeats: with no site name known,
    # "Real headline | The Coastal Herald" strips to the longer side, the wrong one.
    parts = [part for title in titles for part in _SEPARATOR.split(title)[0::2]]
    for candidates in (stripped, parts):
        for h1 in h1s:
            if not is_site_name(h1, site_name) and any(same_title(h1, t) for t in candidates):
                return _declared_part(h1, kickers.get(h1), stripped)
    if stripped:
        return stripped[0]
    return next((h for h in h1s if not is_site_name(h, site_name)), None)


def _declared_part(h1: str, without_kicker: str | None, titles: Sequence[str]) -> str:
    """The <h1> without its kicker, when the declared title is exactly what remains."""
    if without_kicker and any(phrase_key(without_kicker) == phrase_key(t) for t in titles):
        return without_kicker
    return h1


def h1_kickers(tree: html.HtmlElement) -> dict[str, str]:
    """For each <h1> that opens or ends with a short element of its own (a kicker, a section,
    a date: "<span>Klimaschutz:</span> Bohren, bis es heiß wird"), its text without it."""
    found: dict[str, str] = {}
    for h1 in itertools.islice(tree.iter("h1"), MAX_H1):
        children = [c for c in h1 if isinstance(c.tag, str)]
        full = clean_line(h1.text_content())
        for child in (children[0], children[-1]) if children else ():
            kicker = clean_line(child.text_content())
            rest = _without_part(full, kicker)
            if kicker and rest and len(kicker.split()) <= MAX_KICKER_WORDS:
                found.setdefault(full, rest)
    return found


def _without_part(full: str, part: str) -> str | None:
    """``full`` without ``part`` at its start or end, and the separator between them."""
    if full.startswith(part):
        rest = full[len(part) :]
    elif full.endswith(part):
        rest = full[: len(full) - len(part)]
    else:
        return None
    return rest.strip(" :|–—-·•") or None


def strip_site_name(title: str, site_name: str | None) -> str:
    """Drop a site-name prefix or suffix from a page title.

    >>> strip_site_name("Azerbaijan and Armenia resume armed clashes – Balochistan Post", "Balochistan Post")
    'Azerbaijan and Armenia resume armed clashes'
    >>> strip_site_name("Ferry crews strike | News | The Courier", "The Courier")
    'Ferry crews strike | News'
    """
    parts = _SEPARATOR.split(title)  # text, separator, text, ...
    texts = parts[0::2]
    if len(texts) < 2:
        return title
    if site_name and any(is_site_name(t, site_name) for t in (texts[0], texts[-1])):
        while len(texts) > 1 and is_site_name(texts[-1], site_name):
            parts, texts = parts[:-2], texts[:-1]
        while len(texts) > 1 and is_site_name(texts[0], site_name):
            parts, texts = parts[2:], texts[1:]
        return "".join(parts).strip()
    # The affix names a section or community instead ("r/birding - ..."), or no name is known.
    return _drop_short_affix(parts)


def _drop_short_affix(parts: list[str]) -> str:
    first, last = parts[0], parts[-1]
    if len(parts) == 3 and min(len(first.split()), len(last.split())) <= MAX_SITE_AFFIX_WORDS:
        return last if len(first.split()) < len(last.split()) else first
    if len(last.split()) <= MAX_SITE_AFFIX_WORDS:
        return "".join(parts[:-2]).strip()
    return "".join(parts).strip()


def is_site_name(text: str, site_name: str | None) -> bool:
    """True when ``text`` is the site name, its domain, or the name without "The"."""
    if not site_name:
        return False
    a, b = _squash(text), _squash(site_name)
    return bool(a) and (a == b or a.split(".")[0] == b or b.split(".")[0] == a)


def _squash(text: str) -> str:
    key = phrase_key(text).removeprefix("the ").removeprefix("www.")
    return "".join(ch for ch in key if ch.isalnum() or ch == ".")


def same_title(a: str, b: str, *, overlap: float = MIN_OVERLAP) -> bool:
    """Two strings name the same article: most words shared, or one contains the other.

    >>> same_title("Cat found in New Mexico", "Cat found in New Mexico after going missing in Oregon")
    False
    >>> same_title("Council approves budget", "Council approves budget | Gazette")
    True
    """
    ka, kb = phrase_key(a), phrase_key(b)
    if ka and kb and (ka in kb or kb in ka):
        return min(len(ka), len(kb)) / max(len(ka), len(kb)) >= overlap
    wa, wb = set(_WORD.findall(ka)), set(_WORD.findall(kb))
    return bool(wa and wb) and len(wa & wb) / max(len(wa), len(wb)) >= overlap


def h1_texts(tree: html.HtmlElement) -> list[str]:
    """The page's <h1> texts, in order, without the logo: themes set the site's name in an
    <h1> inside the masthead, often before the article's title."""
    texts = (clean_line(h.text_content()) for h in tree.iter("h1") if not inside(h, _LOGO))
    return [t for t in texts if t][:MAX_H1]


def headline_element(tree: html.HtmlElement, headline: str | None) -> html.HtmlElement | None:
    """The <h1> that shows the headline, else another heading that does (themes that keep
    <h1> for the logo set the title in an <h2>), else the first <h1> that is not the logo:
    where the article's header stands on the page."""
    h1s = [h for h in itertools.islice(tree.iter("h1"), MAX_H1) if not inside(h, _LOGO)]
    shown = next((h for h in h1s if _shows(h, headline)), None)
    if shown is None and headline:
        shown = next((h for h in itertools.islice(tree.iter("h2", "h3"), MAX_HEADINGS) if _shows(h, headline)), None)
    return shown if shown is not None else next(iter(h1s), None)


def _shows(heading: html.HtmlElement, headline: str | None) -> bool:
    return bool(headline) and same_title(clean_line(heading.text_content()), headline or "")


def site_from_title(title: str | None, headline: str | None) -> str | None:
    """The name a page title adds to the headline, for pages that declare no site name.

    >>> site_from_title("Ask HN: Keeping side projects alive? | Hacker News", "Ask HN: Keeping side projects alive?")
    'Hacker News'
    >>> site_from_title("Local Gazette - Council approves new budget", "Council approves new budget")
    'Local Gazette'
    >>> site_from_title("Council approves new budget", "Council approves new budget") is None
    True
    """
    if not title or not headline:
        return None
    texts = _SEPARATOR.split(title)[0::2]
    if len(texts) < 2:
        return None
    key, head = phrase_key(title), phrase_key(headline)
    affix = texts[-1] if key.startswith(head) else texts[0] if key.endswith(head) else None
    if affix is None or len(affix.split()) > MAX_SITE_WORDS or same_title(affix, headline):
        return None
    return affix.strip()
