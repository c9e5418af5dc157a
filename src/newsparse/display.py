"""Human-facing views of an Article: a one-line ``repr``, an HTML card for notebooks and a
plain-text reading view for the command line.

Both stay bounded, so showing a huge article never floods a terminal or a notebook, and the
card escapes every value taken from the article: scraped text is untrusted input.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from types import MappingProxyType
from urllib.parse import urlsplit

from newsparse.model import Article, Byline, RelatedLink, Removal, VoteCount
from newsparse.normalize import word_count

__all__ = ["CONTROLS", "CONTROLS_BEYOND_C0", "article_html", "article_repr", "escape_controls", "render_text"]

# What a terminal obeys or hides instead of showing: C0 and C1 controls (ESC starts a sequence
# that retitles or clears it, CR and LF forge lines, \x9b is CSI), bidi controls and marks that
# reorder what follows, line and paragraph separators, and lone surrogates, which UTF-8 cannot
# write. The joiners U+200C and U+200D stay: Persian, Indic scripts and emoji need them.
_BEYOND_C0 = r"\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
CONTROLS = re.compile(rf"[\x00-\x1f{_BEYOND_C0}]")
# The same but C0, which JSON escapes itself: for JSON text, whose raw newlines are indentation.
CONTROLS_BEYOND_C0 = re.compile(f"[{_BEYOND_C0}]")

# Bounds in characters (or items) that keep both views small whatever the page held.
_HEADLINE_LIMIT = 80
_FIELD_LIMIT = 40
_PARAGRAPH_LIMIT = 600
_BIO_LIMIT = 300
_PREVIEW_PARAGRAPHS = 3
_PREVIEW_RELATED = 10
# The canonical vote labels (rules/data/*/vote_label.txt) for a count of one.
_SINGULAR_LABELS = MappingProxyType({"points": "point", "votes": "vote", "upvotes": "upvote", "likes": "like"})

_CARD_STYLE = (
    "font-family:system-ui,sans-serif;max-width:46em;border:1px solid #d0d7de;border-radius:6px;"
    "padding:.75em 1em;line-height:1.45;color:#1f2328;background:#fff"
)
_MUTED = "color:#59636e;font-size:.9em"
_LINK_REL = "nofollow noopener noreferrer"


def article_repr(article: Article) -> str:
    """One line that names the article and sizes its parts, never the full text.

    >>> from newsparse.model import Article, VoteCount
    >>> article = Article(headline="Hello", paragraphs=("One two three.",), votes=VoteCount(7, "7 pts", "points"))
    >>> print(article_repr(article))  # doctest: +NORMALIZE_WHITESPACE
    Article(headline='Hello', paragraphs=1, words=3, votes=7 points, byline=None, published=None,
    language=None, site_name=None, related=0, removed=0)
    """
    parts = {
        "headline": _quoted(article.headline, _HEADLINE_LIMIT),
        "paragraphs": str(len(article.paragraphs)),
        "words": str(word_count(article.body)),
        "votes": _votes_short(article.votes),
        "byline": _quoted(_authors(article.byline), _FIELD_LIMIT),
        "published": article.published.isoformat() if article.published else "None",
        "language": _quoted(article.language, _FIELD_LIMIT),
        "site_name": _quoted(article.site_name, _FIELD_LIMIT),
        "related": str(len(article.related)),
        "removed": str(len(article.removed)),
    }
    return "Article(" + ", ".join(f"{name}={value}" for name, value in parts.items()) + ")"


def article_html(article: Article) -> str:
    """A compact card: headline, meta line, a few paragraphs, related links, removals."""
    sections = [
        _headline_html(article.headline),
        _meta_html(article),
        _description_html(article.description),
        _bio_html(article.byline),
        _paragraphs_html(article.paragraphs),
        _related_html(article.related),
        _url_html(article.url),
        _removed_html(article.removed),
    ]
    return f'<div class="np-article" style="{_CARD_STYLE}">{"".join(sections)}</div>'


# --- repr helpers -------------------------------------------------------------------


def _quoted(text: str | None, limit: int) -> str:
    """``repr`` of text cut to ``limit`` characters; escapes count too, so the result stays bounded."""
    if text is None:
        return "None"
    if len(repr(text)) <= limit + 2:  # +2 for the quotes
        return repr(text)
    cut = text[: limit - 1]
    while cut and len(repr(cut + "…")) > limit + 2:  # control characters expand to up to 10
        cut = cut[:-1]
    return repr(cut + "…")


def _votes_short(votes: VoteCount | None) -> str:
    if votes is None:
        return "None"
    text = f"{votes.count} {votes.label}"
    # Bare like the example when harmless; quoted when it could break the line or run long.
    return text if text.isprintable() and len(text) <= _FIELD_LIMIT else _quoted(text, _FIELD_LIMIT)


def _authors(byline: Byline | None) -> str | None:
    return None if byline is None else ", ".join(byline.authors)


# --- HTML helpers: every value from the article goes through _e ----------------------


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_web_url(url: str) -> bool:
    """Absolute http(s) only: a ``javascript:``, relative or odd URL must never become a live link."""
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _link(text: str, url: str | None) -> str:
    """An anchor for a web URL; otherwise the text, followed by any non-web URL shown inertly."""
    if url is None:
        return _e(text)
    if _is_web_url(url):
        return f'<a href="{_e(url)}" rel="{_LINK_REL}">{_e(text)}</a>'
    return f'{_e(text)} <span style="{_MUTED}">({_e(url)})</span>'


def _headline_html(headline: str | None) -> str:
    text = _e(headline) if headline else "<em>(no headline)</em>"
    return f'<h3 class="np-headline" style="margin:0 0 .3em">{text}</h3>'


def _meta_html(article: Article) -> str:
    items = []
    if article.byline and article.byline.authors:
        names = ", ".join(article.byline.authors)
        items.append(f'<span class="np-authors">by {_link(names, article.byline.url)}</span>')
    if article.published:
        day = article.published.date() if isinstance(article.published, datetime) else article.published
        iso = _e(article.published.isoformat())
        items.append(f'<time class="np-published" datetime="{iso}">{_e(day.isoformat())}</time>')
    if article.site_name:
        items.append(f'<span class="np-site">{_e(article.site_name)}</span>')
    if article.language:
        items.append(f'<span class="np-language">language {_e(article.language)}</span>')
    if article.votes:
        v = article.votes
        items.append(f'<span class="np-votes">{_e(f"{v.count:,} {v.label} (raw: {v.raw})")}</span>')
    if not items:
        return ""
    return f'<div class="np-meta" style="{_MUTED}">{" · ".join(items)}</div>'


def _description_html(description: str | None) -> str:
    if not description:
        return ""
    text = _e(_clip(description, _PARAGRAPH_LIMIT))
    return f'<p class="np-description" style="font-style:italic;margin:.4em 0">{text}</p>'


def _bio_html(byline: Byline | None) -> str:
    if byline is None or not byline.bio:
        return ""
    bio = _e(_clip(byline.bio, _BIO_LIMIT))
    return f'<div class="np-bio" style="{_MUTED};font-style:italic;margin-top:.2em">{bio}</div>'


def _paragraphs_html(paragraphs: Sequence[str]) -> str:
    shown = paragraphs[:_PREVIEW_PARAGRAPHS]
    out = [f'<p class="np-paragraph" style="margin:.5em 0">{_e(_clip(p, _PARAGRAPH_LIMIT))}</p>' for p in shown]
    rest = len(paragraphs) - len(shown)
    if rest or not paragraphs:
        note = f"… {rest:,} more paragraph{'s' if rest != 1 else ''}" if rest else "(no paragraphs)"
        out.append(f'<p class="np-more" style="{_MUTED};font-style:italic;margin:.5em 0">{note}</p>')
    return "".join(out)


def _related_html(related: Sequence[RelatedLink]) -> str:
    if not related:
        return ""
    items = [f"<li>{_link(r.title, r.url)}</li>" for r in related[:_PREVIEW_RELATED]]
    if len(related) > _PREVIEW_RELATED:
        items.append(f'<li style="{_MUTED}">… {len(related) - _PREVIEW_RELATED:,} more</li>')
    return (
        f'<div class="np-related" style="margin-top:.5em"><strong>Related</strong>'
        f'<ul style="margin:.2em 0;padding-left:1.4em">{"".join(items)}</ul></div>'
    )


def _url_html(url: str | None) -> str:
    if not url:
        return ""
    shown = f'<a href="{_e(url)}" rel="{_LINK_REL}">{_e(url)}</a>' if _is_web_url(url) else _e(url)
    return f'<div class="np-url" style="{_MUTED};margin-top:.3em;overflow-wrap:anywhere">URL: {shown}</div>'


def _removed_html(removed: Sequence[Removal]) -> str:
    if not removed:
        return ""
    counts = Counter(r.rule for r in removed)
    rows = "".join(f"<li><code>{_e(rule)}</code> × {n}</li>" for rule, n in counts.most_common())
    label = f"{len(removed):,} block{'s' if len(removed) != 1 else ''} removed"
    return (
        f'<details class="np-removed" style="margin-top:.5em;{_MUTED}"><summary>{label}</summary>'
        f'<ul style="margin:.2em 0;padding-left:1.4em">{rows}</ul></details>'
    )


def escape_controls(text: str) -> str:
    """``text`` safe to print on a terminal: each of ``CONTROLS`` shown as its escape.

    >>> print(escape_controls("Title\\x1b]0;pwned\\x07\\r\\nInjected: \\u202eevil"))
    Title\\x1b]0;pwned\\x07\\r\\nInjected: \\u202eevil
    """
    return CONTROLS.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def render_text(name: str, article: Article) -> str:
    """A plain reading view: headline, what is known about the page, the body, related links.
    Every value is scraped text, printed on a terminal: its controls are shown escaped."""
    headline = escape_controls(article.headline or "(no headline)")
    lines = [f"# {escape_controls(name)}", headline, "=" * min(len(headline), 80)]
    lines += [f"{key}: {escape_controls(value)}" for key, value in _facts(article) if value]
    if article.description:
        lines += ["", escape_controls(article.description)]
    body = "\n\n".join(escape_controls(p) for p in article.paragraphs)  # a paragraph's own newlines too
    lines += ["", body or "(no body)"]
    if article.related:
        lines += ["", "Related:"] + [_related_line(r) for r in article.related]
    return "\n".join(lines)


def _related_line(link: RelatedLink) -> str:
    return f"  - {escape_controls(link.title)}" + (f" <{escape_controls(link.url)}>" if link.url else "")


def _facts(article: Article) -> list[tuple[str, str | None]]:
    byline = article.byline
    return [
        ("By", ", ".join(byline.authors) if byline else None),
        ("Published", article.published.isoformat() if article.published else None),
        ("Language", article.language),
        ("Votes", _votes_text(article.votes) if article.votes else None),
        ("Site", article.site_name),
        ("URL", article.url),
        ("Removed", _counted(len(article.removed), "block") if article.removed else None),
    ]


def _votes_text(votes: VoteCount) -> str:
    """The count in full with its label, and the page's own words when they say more.

    >>> _votes_text(VoteCount(1100, "1.1K Likes", "likes"))
    '1,100 likes (raw: "1.1K Likes")'
    >>> _votes_text(VoteCount(553, "553 Points", "points")), _votes_text(VoteCount(42, "Score: 42", "score"))
    ('553 points', 'score 42')
    """
    number = f"{votes.count:,}"
    if votes.label == "score":  # a score is no unit: "score 42", not "42 score"
        shown = f"score {number}"
    else:
        shown = f"{number} {_SINGULAR_LABELS.get(votes.label, votes.label) if votes.count == 1 else votes.label}"
    raw = " ".join(votes.raw.split())  # a widget's text may span lines
    words = {word.strip(":") for word in raw.casefold().split()}
    return shown if words <= {str(votes.count), *shown.split()} else f'{shown} (raw: "{raw}")'


def _counted(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'s' if n != 1 else ''}"
