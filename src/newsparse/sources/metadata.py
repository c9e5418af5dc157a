"""Page metadata from every source a CMS writes, in order of trust.

JSON-LD first (NewsArticle, Article, BlogPosting … in ``@graph`` or lists, authors as
objects, strings or ``@id`` references), then OpenGraph and ``article:*`` meta, microdata
(``itemprop``), ``rel=author`` links and ``<time datetime>``. Each field keeps every
candidate it found, best first, so the field extractors can cross-check them.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from lxml import etree, html

from newsparse.fields.dates import FIRST_YEAR, in_own_offset, parse_date
from newsparse.normalize import clean_line, phrase_key
from newsparse.page import Meta, Person
from newsparse.rules import rules_for
from newsparse.sources import jsonld
from newsparse.sources.xpath import document, elements, owned, strings
from newsparse.urls import absolute_url

# The elements that can carry metadata. Tags are found by lxml's own walk, attributes by
# attribute paths: one XPath over every element with this whole test took three times as
# long (1.8 ms a page). No union of paths: libxml2 merges a union's node sets in quadratic
# time (40,000 sibling <meta>s took 10 s).
_TAGS = ("script", "meta", "link", "title", "base")
# Links with a rel, the few of a page's many <a>s that may name its author. "/descendant::"
# where "//" would do: libxml2 reads "//" as every node of the page, then a step from each
# (a fifth more time).
_REL_LINKS = etree.XPath("/descendant::a[@rel][@href]")
_ITEMPROPS = etree.XPath("//@itemprop")
# <time datetime> and a date-like element's title, in document order (the first one counts).
# Reached through the attribute: a test of every element for @title took twice the time.
_TIMES = etree.XPath(
    "/descendant::time[@datetime] | /descendant::*/@title/parent::*"
    "[contains(@class, 'date') or contains(@class, 'time') or contains(@class, 'age')]"
)
_HTML_LANG = etree.XPath("/html/@lang | /html/@xml:lang")


@dataclass(frozen=True, slots=True)
class _Sources:
    """The page's metadata-bearing elements, sorted by kind."""

    scripts: list[str] = field(default_factory=list)
    metas: list[html.HtmlElement] = field(default_factory=list)
    canonicals: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    itemprops: list[html.HtmlElement] = field(default_factory=list)
    rel_authors: list[html.HtmlElement] = field(default_factory=list)
    times: list[html.HtmlElement] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)


def _collect(tree: html.HtmlElement) -> _Sources:
    found = _Sources()
    for element in document(tree, *_TAGS):
        tag = element.tag
        if tag == "script" and element.get("type") == "application/ld+json":
            found.scripts.append(element.text or "")
        elif tag == "meta" and element.get("content") is not None:
            found.metas.append(element)
        elif tag == "link" and element.get("rel") == "canonical":
            found.canonicals.append(str(element.get("href", "")))
        elif tag == "base" and element.get("href") is not None:
            found.bases.append(str(element.get("href")))
        elif tag == "title":
            found.titles.append(element.text_content())
    found.rel_authors.extend(link for link in elements(_REL_LINKS, tree) if _is_author_rel(link))
    found.itemprops.extend(owner for _, owner in owned(_ITEMPROPS, tree))
    found.times.extend(elements(_TIMES, tree))
    return found


def _is_author_rel(link: html.HtmlElement) -> bool:
    rel = link.get("rel")
    return rel is not None and "author" in rel.lower().split()


# <meta> keys that state a publication date, most specific first.
_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
)
# Keys that name a date without saying of what: CMSs fill them with the record's last change.
_GENERIC_DATE_KEYS = ("date", "dc.date")
# JSON-LD page types whose datePublished is the page's own (Yoast's WebPage) when no article
# object declares one; a listing's is not its articles'.
_LISTING_PAGES = frozenset({"collectionpage", "searchresultspage", "profilepage"})
_DESCRIPTION_KEYS = ("description", "og:description", "twitter:description")
# The same, in the order the Article's description is taken from them: social cards are
# written for readers, a meta description often for search engines (or left at the site's).
_SUMMARY_KEYS = ("og:description", "description", "twitter:description")
# A tag inside a declared summary.
_TAG = re.compile(r"<[^<>]{0,500}>")
_TITLE_KEYS = ("og:title", "twitter:title", "headline", "dc.title", "parsely-title", "sailthru.title")
_LANGUAGE_KEYS = ("og:locale", "content-language", "language", "dc.language", "inlanguage")
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "twitter:site")
_CARD_PREFIXES = ("twitter:label", "twitter:data")
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "citation_author",
    "byl",
)
# <time> elements of these classes carry the modification date, not the publication date.
_MODIFIED_HINTS = ("updated", "modified", "edited")


def read_meta(tree: html.HtmlElement, url: str | None) -> Meta:
    """Everything the page declares about itself."""
    found = _collect(tree)
    documents = jsonld.load_scripts(found.scripts)
    node, by_id = jsonld.article_node(documents)
    tags = _meta_tags(found.metas)
    # URLs as written: absolute_url reads their hidden characters as a browser does, where
    # clean_line would drop a direction mark from a host and make up another host.
    canonical = _first_url(found.canonicals) or _first_url(_contents(found.metas, "og:url"))
    page_url = absolute_url(canonical, url) or url
    # Relative links resolve against <base href> when the page has one (HTML's own rule).
    base = absolute_url(_first_url(found.bases), page_url) or page_url
    stated = _stated(documents, node, tags, found)
    return Meta(
        titles=_dedupe([*_ld_titles(node), *(tags.get(k) for k in _TITLE_KEYS), _first_value(found.titles)]),
        page_title=_first_value(found.titles),
        languages=_dedupe([*strings(_HTML_LANG, tree), *(tags.get(k) for k in _LANGUAGE_KEYS)]),
        url=page_url,
        base_url=base,
        site_name=_site_name(node, by_id, tags),
        published=stated or _generic_date(tags, found),
        published_stated=stated is not None,
        authors=_authors(node or jsonld.authored_page(documents), by_id, tags, found, base),
        body=jsonld.text_of(node.get("articleBody")) if node else None,
        descriptions=_dedupe([*_ld_descriptions(node), *(tags.get(k) for k in _DESCRIPTION_KEYS)]),
        description=_description(node, tags),
        interactions=_interactions(node, by_id) + _microdata_interactions(found.itemprops),
    )


def _meta_tags(metas: list[html.HtmlElement]) -> dict[str, str]:
    """<meta> content by lower-cased property/name/itemprop; the first of each key wins."""
    tags: dict[str, str] = {}
    for element in metas:
        key = str(
            element.get("property") or element.get("name") or element.get("itemprop") or element.get("http-equiv") or ""
        ).casefold()
        value = clean_line(str(element.get("content", "")))
        if value and key not in tags:
            tags[key] = value
    return tags


def _ld_descriptions(node: jsonld.Node | None) -> list[str | None]:
    if node is None:
        return []
    return [jsonld.text_of(node.get("alternativeHeadline")), jsonld.text_of(node.get("description"))]


def _description(node: jsonld.Node | None, tags: dict[str, str]) -> str | None:
    """The page's own summary: JSON-LD's, else Open Graph's, the meta description, Twitter's.
    JSON sits in a <script>, where the parser decodes no entities, and some CMSs write the
    lead's markup into it ("&lt;p&gt;Die Stadt …"): entities are decoded and tags dropped."""
    declared = jsonld.text_of(node.get("description")) if node else None
    if declared:
        declared = clean_line(_TAG.sub(" ", html_lib.unescape(declared)))
    values = [declared, *(tags.get(k) for k in _SUMMARY_KEYS)]
    return next((v for v in values if v), None)


def _ld_titles(node: jsonld.Node | None) -> list[str | None]:
    if node is None:
        return []
    return [jsonld.text_of(node.get("headline")), jsonld.text_of(node.get("name"))]


def _site_name(node: jsonld.Node | None, by_id: Mapping[str, jsonld.Node], tags: dict[str, str]) -> str | None:
    publisher = jsonld.resolve(node.get("publisher"), by_id) if node else None
    names = [tags.get("og:site_name"), jsonld.text_of(publisher), tags.get("application-name")]
    return next((clean_line(n) for n in names if n and clean_line(n)), None)


def _generic_date(tags: dict[str, str], found: _Sources) -> datetime | date | None:
    """A date that does not say what it dates: a generic ``date`` meta, a ``<time>`` anywhere
    on the page (not one marked as a modification), a date-like element's title."""
    return _first_date(
        [*(tags.get(k) for k in _GENERIC_DATE_KEYS)]
        + [str(t.get("datetime") or t.get("title")) for t in found.times if not _is_modified(t)]
    )


def _stated(
    documents: list[Any], node: jsonld.Node | None, tags: dict[str, str], found: _Sources
) -> datetime | date | None:
    values = [_ld_published(documents, node), *(tags.get(k) for k in _DATE_KEYS)]
    values += [_itemprop_value(e) for e in found.itemprops if e.get("itemprop") == "datePublished"]
    candidates = [parse_date(value, earliest=FIRST_YEAR) for value in values]  # a stated day of print is believed
    return in_own_offset(next((d for d in candidates if d is not None), None), candidates)


def _ld_published(documents: list[Any], node: jsonld.Node | None) -> str | None:
    """The article object's datePublished, else a web page node's."""
    if node is not None and node.get("datePublished"):
        return jsonld.text_of(node.get("datePublished"))
    pages = (n for doc in documents for n in jsonld.nodes(doc) if n.get("datePublished") and _is_page(n))
    return next((jsonld.text_of(n.get("datePublished")) for n in pages), None)


def _is_page(node: jsonld.Node) -> bool:
    types = jsonld.types_of(node)
    return any(t.endswith("page") for t in types) and not types & _LISTING_PAGES


def _first_date(candidates: list[str | None]) -> datetime | date | None:
    return next((d for d in map(parse_date, candidates) if d is not None), None)


def _is_modified(element: html.HtmlElement) -> bool:
    context = " ".join(
        str(e.get("class", "")) + " " + str(e.get("itemprop", "")) for e in (element, element.getparent())
    )
    return any(hint in context.casefold() for hint in _MODIFIED_HINTS)


def _authors(
    node: jsonld.Node | None,
    by_id: Mapping[str, jsonld.Node],
    tags: dict[str, str],
    found: _Sources,
    base: str | None,
) -> tuple[tuple[Person, ...], ...]:
    """Author candidates per source, best source first; each a tuple of people."""
    sources = [
        _ld_people(node, by_id, base),
        tuple(Person(n) for n in _meta_people(found.metas)),
        _microdata_people(found.itemprops, base),
        tuple(
            Person(clean_line(a.text_content()), absolute_url(str(a.get("href")), base))
            for a in found.rel_authors
            if clean_line(a.text_content())
        ),
    ]
    return tuple(s for s in sources if s)


def _ld_people(node: jsonld.Node | None, by_id: Mapping[str, jsonld.Node], base: str | None) -> tuple[Person, ...]:
    if node is None:
        return ()
    people = []
    for value in jsonld.as_list(node.get("author")) + jsonld.as_list(node.get("creator")):
        author = jsonld.resolve(value, by_id)
        if isinstance(author, dict) and "organization" in jsonld.types_of(author):
            continue
        name = jsonld.text_of(author)
        url = jsonld.text_of(author.get("url") or author.get("sameAs")) if isinstance(author, dict) else None
        if name:
            people.append(Person(clean_line(name), absolute_url(url, base)))
    return tuple(people)


def _meta_people(metas: list[html.HtmlElement]) -> list[str]:
    """The names of the first author tag that gives any, each of its tags one person: a paper
    lists its co-authors in one ``dc.creator`` or ``citation_author`` tag each. Only <meta
    name>/<meta property>: an ``<meta itemprop="author">`` is microdata of the item around it
    (a reference in a paper's bibliography), not the page's author tag."""
    by_key: dict[str, list[str]] = {}  # one pass over the metas, not one per key
    cards: dict[str, str] = {}  # the social card's labelled values: twitter:label1, twitter:data1 ...
    for meta in metas:
        key = str(meta.get("property") or meta.get("name") or "").casefold()
        if key in _AUTHOR_KEYS and meta.get("itemprop") is None:
            by_key.setdefault(key, []).append(str(meta.get("content")))
        elif key.startswith(_CARD_PREFIXES):
            cards.setdefault(key, str(meta.get("content", "")))
    for key in _AUTHOR_KEYS:
        names = _names_only(clean_line(value) for value in by_key.get(key, ()))
        if names:
            return list(dict.fromkeys(names))
    return _card_author(cards)


def _card_author(cards: Mapping[str, str]) -> list[str]:
    """The name a social card labels as its writer: Yoast SEO, on millions of WordPress
    sites, labels it in the site's language ("Written by", "Verfasst von", "Escrito por")."""
    prefixes = rules_for(None).author_prefixes
    for key, label in cards.items():
        if key.startswith("twitter:label") and phrase_key(label) in prefixes:
            name = clean_line(cards.get("twitter:data" + key.removeprefix("twitter:label"), ""))
            return _names_only([name]) if name else []
    return []


def _microdata_people(itemprops: list[html.HtmlElement], base: str | None) -> tuple[Person, ...]:
    """The authors of the first item that names any: teaser cards and cited works below the
    article are items of their own, each with its author."""
    by_item: dict[html.HtmlElement | None, list[Person]] = {}
    for element in itemprops:
        if "author" not in str(element.get("itemprop", "")).split():
            continue
        name_el = next((e for e in element.iter() if e.get("itemprop") == "name"), element)
        name = clean_line(_itemprop_value(name_el) or "")
        link = element if element.tag == "a" else element.find(".//a[@href]")
        url = absolute_url(str(link.get("href")), base) if link is not None else None
        if name:
            item = next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
            by_item.setdefault(item, []).append(Person(name, url))
    return tuple(next(iter(by_item.values()), []))


def _itemprop_value(element: html.HtmlElement) -> str | None:
    for attribute in ("content", "datetime"):
        if element.get(attribute):
            return str(element.get(attribute))
    return clean_line(element.text_content()) or None


def _interactions(node: jsonld.Node | None, by_id: Mapping[str, jsonld.Node]) -> tuple[tuple[str, int], ...]:
    """(action type, count) pairs of schema.org InteractionCounters: ("likeaction", 120)."""
    if node is None:
        return ()
    found = []
    for value in jsonld.as_list(node.get("interactionStatistic")):
        counter = jsonld.resolve(value, by_id)
        if not isinstance(counter, dict):
            continue
        action = jsonld.resolve(counter.get("interactionType"), by_id)
        kind = next(iter(jsonld.types_of(action)), None) if isinstance(action, dict) else jsonld.text_of(action)
        count = _int(counter.get("userInteractionCount"))
        if kind and count is not None:
            found.append((kind.rsplit("/", 1)[-1].casefold(), count))
    return tuple(found)


def _microdata_interactions(itemprops: list[html.HtmlElement]) -> tuple[tuple[str, int], ...]:
    """The same counters written as microdata: itemprop="interactionStatistic" holding an
    interactionType (a link or meta to https://schema.org/LikeAction) and a userInteractionCount."""
    found = []
    for counter in itemprops:
        if counter.get("itemprop") != "interactionStatistic":
            continue
        props = {str(e.get("itemprop")): e for e in counter.iterdescendants() if e.get("itemprop")}
        kind_el, count_el = props.get("interactionType"), props.get("userInteractionCount")
        if kind_el is None or count_el is None:
            continue
        kind = str(kind_el.get("href") or kind_el.get("content") or kind_el.text_content()).rsplit("/", 1)[-1]
        count = _int(_itemprop_value(count_el))
        if kind and count is not None:
            found.append((kind.casefold(), count))
    return tuple(found)


def _int(value: Any) -> int | None:
    try:
        return int(str(value).replace(",", "").strip())
    except ValueError:
        return None


def _names_only(values: Iterable[str | None]) -> list[str]:
    """Meta author values that are names, not profile URLs."""
    return [v for v in values if v and not v.startswith(("http://", "https://", "@"))]


def _first_url(values: list[str]) -> str | None:
    return next((v for v in values if v and not v.isspace()), None)


def _contents(metas: list[html.HtmlElement], key: str) -> list[str]:
    """The raw content of the <meta>s of one property or name."""
    return [str(m.get("content")) for m in metas if str(m.get("property") or m.get("name") or "").casefold() == key]


def _first_value(values: list[str]) -> str | None:
    return next((clean_line(v) for v in values if clean_line(v)), None)


def _dedupe(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(clean_line(v) for v in values if v and clean_line(v)))
