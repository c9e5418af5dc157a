"""URLs in results: absolute and http(s) only, whatever the page wrote."""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin


def absolute_url(href: str | None, base: str | None) -> str | None:
    """``href`` resolved against ``base``, without its fragment; None unless it is http(s).

    >>> absolute_url("/author/jane/#top", "https://example.org/news/story")
    'https://example.org/author/jane/'
    >>> absolute_url("javascript:void(0)", "https://example.org/"), absolute_url("#comments", None)
    (None, None)
    """
    if not href or href.strip().startswith("#"):
        return None
    url = urldefrag(urljoin(base or "", href.strip())).url
    return url if url.startswith(("http://", "https://")) else None
