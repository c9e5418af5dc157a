"""JSON-LD: the article node of a page's ``<script type="application/ld+json">`` blocks.

Pages wrap their article in ``@graph`` lists (Yoast), put several scripts on a page, refer
to authors by ``@id``, and now and then serve invalid or enormous JSON. Parsing is bounded
in size and depth, and a broken script is skipped, never fatal.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator, Mapping
from typing import Any

# Bigger scripts are app state (Next.js, Nuxt), not metadata.
MAX_SCRIPT_CHARS = 1_000_000
MAX_DEPTH = 20
MAX_NODES = 5_000

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "discussionforumposting",
        "techarticle",
        "scholarlyarticle",
        "report",
    }
)

# Works that are the page's own text where it declares no article: a guide's steps, a recipe.
WORK_TYPES = frozenset({"howto", "recipe"})

Node = Mapping[str, Any]


def load_scripts(scripts: list[str]) -> list[Any]:
    """The parsed scripts; invalid and oversized ones are skipped."""
    parsed = []
    for script in scripts:
        if len(script) > MAX_SCRIPT_CHARS:
            continue
        try:
            parsed.append(json.loads(script))
        except (ValueError, RecursionError):
            continue
    return parsed


def nodes(data: Any) -> Iterator[Node]:
    """Every object in the data, breadth-first, within the depth and count bounds."""
    queue: deque[tuple[Any, int]] = deque([(data, 0)])
    seen = 0
    while queue and seen < MAX_NODES:
        item, depth = queue.popleft()
        if depth > MAX_DEPTH:
            continue
        if isinstance(item, dict):
            seen += 1
            yield item
            queue.extend((v, depth + 1) for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            queue.extend((v, depth + 1) for v in item if isinstance(v, dict | list))


def types_of(node: Node) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1].casefold() for k in kinds if isinstance(k, str)}


def article_node(documents: list[Any]) -> tuple[Node | None, Mapping[str, Node]]:
    """The page's article object (the one with the longest headline data wins a tie), else its
    guide or recipe, and an index of every node by ``@id`` to resolve references such as
    Yoast's author ``@id``."""
    all_nodes = [n for doc in documents for n in nodes(doc)]
    by_id = {n["@id"]: n for n in all_nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    articles = [n for n in all_nodes if types_of(n) & ARTICLE_TYPES]
    articles = articles or [n for n in all_nodes if types_of(n) & WORK_TYPES]
    if not articles:
        return None, by_id
    return max(articles, key=lambda n: (bool(n.get("headline")), bool(n.get("author")), len(n))), by_id


def authored_page(documents: list[Any]) -> Node | None:
    """A WebPage node that names an author, for pages that declare no article object (Yoast
    puts the writer on its WebPage when the post type is not an article)."""
    pages = (n for doc in documents for n in nodes(doc) if "webpage" in types_of(n) and n.get("author"))
    return next(pages, None)


def resolve(value: Any, by_id: Mapping[str, Node]) -> Any:
    """A ``{"@id": ...}`` reference replaced by the node it names."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def text_of(value: Any) -> str | None:
    """A plain string from a value that may be a string, a number, a list or a {"name"} object."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and value:
        return text_of(value[0])
    if isinstance(value, dict):
        return text_of(value.get("name") or value.get("@value"))
    return None
