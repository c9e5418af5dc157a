"""The result types: frozen, slotted dataclasses that round-trip through plain dicts.

``Article.to_dict()`` is JSON-ready (dates as ISO 8601 strings, tuples as lists) and
``Article.from_dict`` gives back an equal Article, so results can be stored as JSON
lines and loaded again without losing anything.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

__all__ = ["Article", "Byline", "RelatedLink", "Removal", "VoteCount"]


@dataclass(frozen=True, slots=True)
class VoteCount:
    """The article's own score: the parsed ``count`` next to the ``raw`` text it came from.

    ``label`` is the canonical lower-case concept (points, votes, upvotes, likes, score)
    or, for a word newsparse does not know, the page's own word lower-cased.
    """

    count: int
    raw: str
    label: str


@dataclass(frozen=True, slots=True)
class Byline:
    """Who wrote the article: names as the page spells them, the author-box bio, a profile URL."""

    authors: tuple[str, ...]
    bio: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """A related article the page points to; ``url`` is None where the source has no links."""

    title: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Removal:
    """One block the filters dropped: its text, the rule that fired and what it measured."""

    text: str
    rule: str
    detail: str


@dataclass(frozen=True, slots=True, repr=False)
class Article:
    """What newsparse extracts from one page. Absent parts are None or empty, never invented."""

    headline: str | None = None
    description: str | None = None
    paragraphs: tuple[str, ...] = ()
    votes: VoteCount | None = None
    byline: Byline | None = None
    related: tuple[RelatedLink, ...] = ()
    published: datetime | date | None = None
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    removed: tuple[Removal, ...] = field(default=(), repr=False)

    @property
    def body(self) -> str:
        """The paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    def __repr__(self) -> str:
        """One bounded line: the headline and the size of each part (see ``newsparse.display``)."""
        from newsparse.display import article_repr  # lazy: display imports this module

        return article_repr(self)

    def _repr_html_(self) -> str:
        """The notebook card (Jupyter calls this); every value from the page is escaped."""
        from newsparse.display import article_html  # lazy: display imports this module

        return article_html(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with the field names as keys (``body`` is not repeated)."""
        return {
            "headline": self.headline,
            "description": self.description,
            "paragraphs": list(self.paragraphs),
            "votes": _votes_dict(self.votes),
            "byline": _byline_dict(self.byline),
            "related": [{"title": r.title, "url": r.url} for r in self.related],
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "url": self.url,
            "site_name": self.site_name,
            "removed": [{"text": r.text, "rule": r.rule, "detail": r.detail} for r in self.removed],
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as a JSON string, non-ASCII characters kept as they are."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """The inverse of ``to_dict``: missing keys take their defaults."""
        votes, byline = data.get("votes"), data.get("byline")
        return cls(
            headline=data.get("headline"),
            description=data.get("description"),
            paragraphs=tuple(data.get("paragraphs") or ()),
            votes=VoteCount(**votes) if votes else None,
            byline=_byline_from(byline) if byline else None,
            related=tuple(RelatedLink(**r) for r in data.get("related") or ()),
            published=_date_from(data.get("published")),
            language=data.get("language"),
            url=data.get("url"),
            site_name=data.get("site_name"),
            removed=tuple(Removal(**r) for r in data.get("removed") or ()),
        )


def _votes_dict(votes: VoteCount | None) -> dict[str, Any] | None:
    if votes is None:
        return None
    return {"count": votes.count, "raw": votes.raw, "label": votes.label}


def _byline_dict(byline: Byline | None) -> dict[str, Any] | None:
    if byline is None:
        return None
    return {"authors": list(byline.authors), "bio": byline.bio, "url": byline.url}


def _byline_from(data: Mapping[str, Any]) -> Byline:
    return Byline(tuple(data.get("authors") or ()), data.get("bio"), data.get("url"))


def _date_from(value: str | None) -> datetime | date | None:
    """An ISO string back to a datetime when it carries a time, else to a date."""
    if not value:
        return None
    if "T" in value:
        return datetime.fromisoformat(value)
    return date.fromisoformat(value)
