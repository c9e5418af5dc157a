"""URLs in results: absolute and http(s) only, whatever the page wrote."""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit


def absolute_url(href: str | None, base: str | None) -> str | None:
    """``href`` resolved against ``base``, without its fragment; None unless it is http(s).

    >>> absolute_url("/author/jane/#top", "https://example.org/news/story")
    'https://example.org/author/jane/'
    >>> absolute_url("javascript:void(0)", "https://example.org/"), absolute_url("#comments", None)
    (None, None)
    >>> absolute_url("http://[::1/x", None), absolute_url("https:///no-host", None), absolute_url("http://", None)
    (None, None, None)
    """
    if not href or href.strip().startswith("#"):
        return None
    try:
        url = urldefrag(urljoin(base or "", href.strip())).url
        host = urlsplit(url).hostname
    except ValueError:  # "http://[::1/": a malformed host urllib refuses
        return None
    if not url.startswith(("http://", "https://")) or not host or any(ch.isspace() for ch in host):
        return None
    return url


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
