"""URLs in results: absolute and http(s) only, whatever the page wrote, and free of characters
no reader sees. Every URL of a result (``url``, ``byline.url``, ``related[].url``) comes
through ``absolute_url``."""

from __future__ import annotations

import re
from urllib.parse import quote, urldefrag, urljoin, urlsplit

# Controls (C0, C1), format characters (direction marks, embeddings, overrides, isolates,
# zero-width characters, BOM, tags), every space but the ASCII one (which URLs escape anyway)
# and surrogates: what Unicode puts in categories Cc, Cf, Zs, Zl, Zp and Cs
# (tests/test_security.py checks the list against unicodedata).
_HIDDEN = re.compile(
    "[\x00-\x20\x7f-\xa0\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u1680\u180e"
    "\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000\ufeff\ufff9-\ufffb\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
# In a host, IDNA maps these to nothing: a browser reads "exa\u200bmple.org" as example.org.
_IGNORED_IN_HOST = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")
# WHATWG's URL parser drops tabs and newlines anywhere, C0 controls and spaces at either end.
_TABS_AND_NEWLINES = str.maketrans("", "", "\t\n\r")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def absolute_url(href: str | None, base: str | None) -> str | None:
    """``href`` resolved against ``base``, without its fragment; None unless it is http(s).
    Hidden characters are read as a browser reads them: none in a host (a host holding one is
    refused, so no host is made up), percent-encoded elsewhere.

    >>> absolute_url("/author/jane/#top", "https://example.org/news/story")
    'https://example.org/author/jane/'
    >>> absolute_url("javascript:void(0)", "https://example.org/"), absolute_url("#comments", None)
    (None, None)
    >>> absolute_url("http://[::1/x", None), absolute_url("https:///no-host", None), absolute_url("http://", None)
    (None, None, None)
    >>> absolute_url("https://pay\u202epal.example/", None), absolute_url("https://example.org/a\u202eb", None)
    (None, 'https://example.org/a%E2%80%AEb')
    """
    href = (href or "").strip(_C0_AND_SPACE).translate(_TABS_AND_NEWLINES)
    if not href or href.startswith("#"):
        return None
    try:
        url = urldefrag(urljoin(base or "", href)).url
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # "http://[::1/": a malformed host urllib refuses
        return None
    if not url.startswith(("http://", "https://")) or not host:
        return None
    return _visible(url, parts.netloc) if _HIDDEN.search(url) else url


def _visible(url: str, netloc: str) -> str | None:
    """The URL with hidden characters percent-encoded, None when its host holds one."""
    host = netloc.translate(_IGNORED_IN_HOST)
    if _HIDDEN.search(host):
        return None
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{host}{_HIDDEN.sub(_percent_encoded, rest[len(netloc) :])}"


def _percent_encoded(hidden: re.Match[str]) -> str:
    """UTF-8 percent-encoding; a lone surrogate, which UTF-8 cannot write, as U+FFFD's."""
    character = hidden.group()
    return "%EF%BF%BD" if "\ud800" <= character <= "\udfff" else quote(character, safe="")


# An archived page's address holds the original one: web.archive.org/web/20140226054445/http://…
_ARCHIVED = re.compile(r"^/web/\d+[a-z_]*/(?P<url>https?://.+)$")


def site_host(url: str | None) -> str | None:
    """The host a page belongs to, without "www."; an archived copy's original host.

    >>> site_host("https://www.aoc.media/opinion/x/"), site_host("https://web.archive.org/web/2014/http://time4talks.com/a")
    ('aoc.media', 'time4talks.com')
    """
    try:
        parts = urlsplit(url or "")
        archived = _ARCHIVED.match(parts.path) if parts.hostname == "web.archive.org" else None
        host = urlsplit(archived["url"]).hostname if archived else parts.hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def page_key(url: str) -> str:
    """A URL without scheme, "www." and trailing slash: the same page however it is linked."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}"


def same_page(url: str, own: str | None) -> bool:
    """A link back to the page itself, with a tracking query if the page has none (a page
    named by its query, "viewtopic.php?t=17201", is another page for another query)."""
    if own is None:
        return False
    page, _, query = page_key(own).partition("?")
    other, _, other_query = page_key(url).partition("?")
    return page == other and (query == other_query or not query)
