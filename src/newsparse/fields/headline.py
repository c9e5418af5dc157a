"""Headline: the article's own title, not "Title | Site Name", not the logo or a section name."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from lxml import html

from newsparse.normalize import clean_line, phrase_key
from newsparse.sources import density
from newsparse.sources.landmarks import TokenPattern as _TokenPattern
from newsparse.sources.landmarks import hints
from newsparse.urls import site_host

# Separators between a title and the site name; a colon is left alone ("Brexit: what next").
# Only from the start of a run of spaces: tried inside a long run it was quadratic.
# A bar needs no spaces ("NEWS WEB EASY|子どもへの体罰…"): no headline writes one between words.
# Nor do a dash and an underscore between CJK characters, which have no spaces to put around
# them ("…英雄的城！-新华网", "…_新浪网").
_SEPARATOR = re.compile(
    r"((?<!\s)\s+[|\-–—·»•/:]{1,2}\s+|(?<=[^\s|])\|(?=[^\s|])|(?<=[\u3000-\u9fff\uff01-\uff60])[-_](?=[\u3400-\u9fff]))"
)
# The segments of a title, a kicker's colon included ("Interne Unterlagen im Netz: Daten …").
_TITLE_SEGMENT = re.compile(r"(?<!\s)\s+[|\-–—·»•/]{1,2}\s+|:\s+")
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
# Parts of an <h1> that are not the headline: a kicker or a date line named so, a label for
# screen readers only ("<span class=visuallyhidden>Headline:</span>"), a forum thread's tag.
_ASIDE_IN_H1 = _TokenPattern(
    r"kicker|roofline|topline|dachzeile|overline|supertitle|eyebrow|^label$|^hidden$|sr-only|visually-?hidden|screen-reader",
    r"^$",
)
_NO_KICKERS: Mapping[str, Sequence[str]] = MappingProxyType({})
# Pages with more <h1>s than this use them for styling; the first few are enough.
MAX_H1 = 5
# An <h1> of fewer words is a section's or a category's name more often than a headline.
MIN_H1_WORDS = 3
# An <h1> longer than a headline is markup gone wrong (an unclosed <h1> holds the whole page).
MAX_H1_WORDS = 40
# Other headings searched for the headline's text, in document order: a theme's title <h2>
# comes before the sidebar's.
MAX_HEADINGS = 30
_WORD = re.compile(r"\w+")


def choose_headline(
    titles: Sequence[str],
    h1s: Sequence[str],
    site_name: str | None,
    kickers: Mapping[str, Sequence[str]] = _NO_KICKERS,
    *,
    page_title: str | None = None,
    url: str | None = None,
) -> str | None:
    """The visible <h1> that agrees with the declared titles, else the best declared title.
    ``kickers`` maps an <h1>'s text to its parts set in elements of their own (``h1_kickers``);
    ``page_title`` is the <title> among ``titles``, the one that carries a site's affixes.

    >>> h1s = ["Local Gazette", "Council approves new budget"]
    >>> choose_headline(["Council approves new budget | Local Gazette"], h1s, None)
    'Council approves new budget'
    >>> title = "Local Gazette - Council approves new budget"
    >>> choose_headline([title], [], None, page_title=title)
    'Council approves new budget'
    >>> choose_headline([], ["Only an h1 here"], "Site")
    'Only an h1 here'
    >>> choose_headline([], ["time4talks.com", "Cinemas go digital"], None, url="https://time4talks.com/a")
    'Cinemas go digital'
    """
    site = site_names(site_name, url)
    stripped = [strip_site_name(_shared_parts(t, titles), site_name, url=url, affixes=t == page_title) for t in titles]
    stripped = [t for t in stripped if not _is_site(t, site)]  # a title that names only the site
    h1s = [h for h in h1s if not _is_site(h, site)]
    # Failing that, any part of a title may be what an <h1> repeats: with no site name known,
    # "Real headline | The Coastal Herald" strips to the longer side, the wrong one.
    # Or the part after a title's kicker, which the <h1> leaves out ("KÜSTENFUNK: Der Leuchtturmwärter").
    parts = [part for title in titles for part in _SEPARATOR.split(title)[0::2]]
    parts += [_TITLE_SEGMENT.split(title)[-1] for title in titles]
    for candidates in (stripped, titles, parts):
        for h1 in h1s:
            texts = (h1, *kickers.get(h1, ()))  # or a part of it: a kicker or subtitle aside
            if any(same_title(h, t) or _glued_start(h, t) for h in texts for t in candidates):
                return _declared_part(h1, kickers.get(h1, ()), stripped)
    # No <h1> agrees: the one the reader sees first is the headline, when it reads like one
    # (titles are rewritten for search engines and sharing; a word or two is a section).
    shown = next((h for h in h1s if MIN_H1_WORDS <= len(h.split()) <= MAX_H1_WORDS), None)
    return shown or next(iter(stripped), None) or next(iter(h1s), None)


def _shared_parts(title: str, titles: Sequence[str]) -> str:
    """A title without the parts no other declared title has: an affix that only one of them
    carries ("r/birding - Eleven years …" beside "Eleven years … : birding").

    >>> _shared_parts("r/birding - Red knots gone", ["r/birding - Red knots gone", "Red knots gone : birding"])
    'Red knots gone'
    >>> _shared_parts("Stille der Moore – eine Reise", ["Stille der Moore – eine Reise | Weite Wege"])
    'Stille der Moore – eine Reise'
    """
    parts = _SEPARATOR.split(title)
    others = [phrase_key(t) for t in titles if t != title]
    if len(parts) < 3 or not others:
        return title
    keys = [phrase_key(text) for text in parts[0::2]]
    shared = [i for i, key in enumerate(keys) if key and any(key in other for other in others)]
    if not shared or len(shared) == len(keys):
        return title
    return "".join(parts[2 * shared[0] : 2 * shared[-1] + 1]).strip()


def _glued_start(h1: str, title: str) -> bool:
    """A title that opens with the <h1> glued to more text ("Reifendienst K12Ihr Verzeichnis …")."""
    return len(h1.split()) >= 2 and title.startswith(h1) and len(title) > len(h1) and title[len(h1)].isalnum()


def site_names(site_name: str | None, url: str | None) -> tuple[str, ...]:
    """The names a page's site goes by: its declared name, each part of a name with a slogan
    ("AOC media - Analyse Opinion Critique"), and its host ("whiskyverkostung.com")."""
    names = [site_name, *_SEPARATOR.split(site_name)[0::2]] if site_name else []
    host = site_host(url)
    return tuple(n for n in dict.fromkeys([*names, host]) if n)


def _is_site(text: str, names: Sequence[str]) -> bool:
    return any(is_site_name(text, name) for name in names)


def _declared_part(h1: str, parts: Sequence[str], titles: Sequence[str]) -> str:
    """The part of the <h1> that the declared title is, where the <h1> sets a kicker or a
    subtitle in an element of its own ("<span>Verträge im Umlauf</span> Kundendaten der
    Stadtwerke erbeutet", "Stadtsender verschweigt … <small>Kein Wort im Abendprogramm</small>")."""
    keys = {phrase_key(t) for t in titles}
    if phrase_key(h1) in keys:
        return h1
    whole = next((part for part in parts if phrase_key(part) in keys), None)
    if whole is not None:
        return whole
    # The titles set the same parts the other way round ("Kundendaten der Stadtwerke erbeutet -
    # Verträge im Umlauf"): the <h1> puts its kicker first, its headline last.
    segments = {phrase_key(s) for t in titles for s in _TITLE_SEGMENT.split(t)}
    shared = [part for part in parts if phrase_key(part) in segments and part in h1]
    return max(shared, key=h1.rfind) if len(shared) >= 2 else h1


def h1_kickers(tree: html.HtmlElement) -> dict[str, tuple[str, ...]]:
    """For each <h1> set in elements of its own (a kicker, a section, a date, a subtitle:
    "<span>Energiewende:</span> Graben, bis das Wasser kommt"), its parts: each element's text, and
    the text without the first element when that one is short (a kicker) or without the last
    (a subtitle, a date line)."""
    found: dict[str, tuple[str, ...]] = {}
    for h1 in _h1_elements(tree):
        full = shown_text(h1)
        children = _parts_of(h1)
        if not children or full in found:
            continue
        parts = [clean_line(c.text_content()) for c in children]
        for child in (children[0], children[-1]):
            kicker = clean_line(child.text_content())
            rest = _without_part(full, kicker)
            if kicker and rest and (child is children[-1] or len(kicker.split()) <= MAX_KICKER_WORDS):
                parts.append(rest)
        found[full] = tuple(p for p in dict.fromkeys(parts) if p and p != full)
    return found


def _parts_of(h1: html.HtmlElement) -> list[html.HtmlElement]:
    """The elements an <h1> sets its parts in, below a link or a wrapper that holds them all."""
    node = h1
    while True:
        children = [c for c in node if isinstance(c.tag, str) and not _ASIDE_IN_H1.search(hints(c))]
        if len(children) != 1 or (node.text or "").strip() or (children[0].tail or "").strip():
            return children
        node = children[0]


def shown_text(h1: html.HtmlElement) -> str:
    """An <h1>'s text without the parts that are not the headline (``_ASIDE_IN_H1``)."""
    return clean_line(density.shown_text(h1, hidden=lambda e: _ASIDE_IN_H1.search(hints(e)), gap=" "))


def _without_part(full: str, part: str) -> str | None:
    """``full`` without ``part`` at its start or end, and the separator between them."""
    if full.startswith(part):
        rest = full[len(part) :]
    elif full.endswith(part):
        rest = full[: len(full) - len(part)]
    else:
        return None
    return rest.strip(" :|–—-·•") or None


def strip_site_name(title: str, site_name: str | None, *, url: str | None = None, affixes: bool = True) -> str:
    """A page title without the site's name (declared, or its host) at either end, or in
    the middle with a slogan after it; with ``affixes`` (a <title>), also without a short
    affix of unknown meaning, and of three parts or more, the longest, which is the headline
    among the site's name and section path.

    >>> strip_site_name("Azerbaijan and Armenia resume armed clashes – Balochistan Post", "Balochistan Post")
    'Azerbaijan and Armenia resume armed clashes'
    >>> strip_site_name("Ferry crews strike at dawn | News | The Courier", "The Courier")
    'Ferry crews strike at dawn'
    >>> strip_site_name("Ferry crews strike | Local | News | The Courier", "The Courier")
    'Ferry crews strike'
    >>> strip_site_name("die Farbenlehre - pixelkorn.net - Grafikdesign", None, url="https://pixelkorn.net/text/")
    'die Farbenlehre'
    >>> strip_site_name("Stille der Moore – eine Reise", "Weite Wege", affixes=False)
    'Stille der Moore – eine Reise'
    >>> strip_site_name("The lighthouse keepers are back — and they brought cake - Digg", "Digg")
    'The lighthouse keepers are back — and they brought cake'
    >>> strip_site_name("江南的秋天：稻田金黄，游客如织！-新华网", None)
    '江南的秋天：稻田金黄，游客如织！'
    """
    parts = _SEPARATOR.split(title)  # text, separator, text, ...
    texts = parts[0::2]
    if len(texts) < 2:
        return title
    site = site_names(site_name, url)
    named = next((i for i, text in enumerate(texts) if _is_site(text, site)), None)
    if named is not None:
        # Of the two sides of the site's name, the one that holds more words is the title's;
        # a section path the site set with the same separator goes too ("A | iPhone | Forum").
        left, right = "".join(parts[: max(0, 2 * named - 1)]).strip(), "".join(parts[2 * named + 2 :]).strip()
        kept = left if len(left.split()) >= len(right.split()) else right
        separator = parts[2 * named - 1] if kept is left else parts[2 * named + 1]
        mark = re.escape(separator.strip())  # its spaces vary ("Time 4 talks  » Blog Archiv   » …")
        path = [p.strip() for p in re.split(rf"\s+{mark}\s+" if separator.strip() != separator else mark, kept)]
        if affixes and len(path) == 2:  # a section beside the site's name: "Blog Archiv » Title » Site"
            near = path[-1] if kept is left else path[0]
            far = path[0] if kept is left else path[-1]
            return far if len(near.split()) <= MAX_SITE_AFFIX_WORDS < len(far.split()) else kept
        return max(path, key=len) if affixes and len(path) >= 3 else kept
    if not affixes:
        return title
    return _drop_short_affix(parts)


def _drop_short_affix(parts: list[str]) -> str:
    first, last = parts[0], parts[-1]
    texts = [t.strip() for t in parts[0::2]]
    longer = [t for t in texts if len(t.split()) > MAX_SITE_AFFIX_WORDS]
    # A path of one separator, "Quiet Margins » Blog Archive » Caching Short Strings in
    # Lua"; a headline's own dash differs from the site's ("… Back — And … - Digg").
    same = len({sep.strip() for sep in parts[1::2]}) == 1
    if len(texts) >= 3 and same and len(longer) == 1 and longer[0] in (texts[0], texts[-1]):
        return longer[0]
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

    >>> same_title("Dog found in Nevada", "Dog found in Nevada two weeks after it ran off")
    False
    >>> same_title("Council approves budget", "Council approves budget | Gazette")
    True
    """
    ka, kb = phrase_key(a), phrase_key(b)
    if ka and kb and (ka in kb or kb in ka):
        return min(len(ka), len(kb)) / max(len(ka), len(kb)) >= overlap
    wa, wb = set(_WORD.findall(ka)), set(_WORD.findall(kb))
    return bool(wa and wb) and len(wa & wb) / max(len(wa), len(wb)) >= overlap


def _in_logo(h1: html.HtmlElement) -> bool:
    """Inside the masthead's logo or branding, below the article's own container: a <main>
    or <article> named for the journal's branding ("journal-branding") holds the headline."""
    node: html.HtmlElement | None = h1
    while node is not None and node.tag not in ("main", "article", "body", "html"):
        if _LOGO.search(hints(node)):
            return True
        node = node.getparent()
    return False


def _h1_elements(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """The page's first <h1>s that are not the logo: themes set the site's name in an <h1>
    inside the masthead, often before the article's title."""
    return list(itertools.islice((h for h in tree.iter("h1") if not _in_logo(h)), MAX_H1))


def h1_texts(tree: html.HtmlElement) -> list[str]:
    """The page's <h1> texts, in order, without the logo."""
    return [t for t in map(shown_text, _h1_elements(tree)) if t]


def headline_element(tree: html.HtmlElement, headline: str | None) -> html.HtmlElement | None:
    """The <h1> that shows the headline, else another heading that does (themes that keep
    <h1> for the logo set the title in an <h2>), else the first <h1> that is not the logo:
    where the article's header stands on the page."""
    h1s = _h1_elements(tree)
    shown = next((h for h in h1s if _shows(h, headline)), None)
    if shown is None and headline:
        shown = next((h for h in itertools.islice(tree.iter("h2", "h3"), MAX_HEADINGS) if _shows(h, headline)), None)
    return shown if shown is not None else next(iter(h1s), None)


def _shows(heading: html.HtmlElement, headline: str | None) -> bool:
    return bool(headline) and same_title(shown_text(heading), headline or "")


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
