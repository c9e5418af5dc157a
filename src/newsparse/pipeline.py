"""The pipeline behind ``parse``: load, build a Page, filter, read the fields, build an Article.

Stages, in order:

1. ``load``: str, bytes or path to text (BOM, declared charset, detection); HTML or plain text.
2. ``sources``: the text becomes a ``Page`` of blocks plus metadata (one lxml parse for HTML).
3. ``fields.language``: the page's language, which picks the vocabularies (``rules``).
4. ``layout``: noise filters mark widget lines; positions split head, body and tail, and the
   votes, byline and related links are read off the tail; every dropped block is recorded.
5. ``Article``: the frozen result, with the page's own metadata where it has some. A
   publication date more than a day after the parse is dropped: the one reading of the clock.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from lxml.html import HtmlElement

from newsparse.fields.byline import html_byline, without_site
from newsparse.fields.datelines import disagree, html_published, reconciled, self_listed, visible_dateline
from newsparse.fields.dates import not_in_future, url_date
from newsparse.fields.description import html_description, shown_standfirst
from newsparse.fields.headline import choose_headline, h1_kickers, h1_texts, headline_element, site_from_title
from newsparse.fields.language import detect_language
from newsparse.fields.related import html_related
from newsparse.fields.votes import html_votes
from newsparse.layout import closing_bio, lay_out
from newsparse.load import Source, looks_like_html, to_text
from newsparse.model import Article, Byline, Removal
from newsparse.page import Page
from newsparse.rules import Rules, rules_for
from newsparse.sources.html import html_page
from newsparse.sources.text import text_page
from newsparse.urls import absolute_url


def parse(source: Source, *, url: str | None = None) -> Article:
    """Parse a page given as HTML or plain text (``str``), ``bytes``, or a path (``.gz`` too).

    HTML and plain text are told apart by the markup at the start of the text.
    Raises a ``NewsparseError`` subclass for input that is empty, binary or unreadable.
    """
    text = to_text(source)
    url = absolute_url(url, None)
    page = html_page(text, url=url) if looks_like_html(text) else text_page(text, url=url)
    return extract(page)


def parse_html(source: Source, *, url: str | None = None) -> Article:
    """Parse a page known to be HTML."""
    return extract(html_page(to_text(source), url=absolute_url(url, None)))


def parse_text(source: Source, *, url: str | None = None) -> Article:
    """Parse a plain-text dump of a page, one line per block as innerText gives it."""
    return extract(text_page(to_text(source), url=absolute_url(url, None)))


def extract(page: Page) -> Article:
    """Read every field of an Article off a Page."""
    language = detect_language(page)
    rules = rules_for(language)
    if page.kind == "html":
        return _html_article(page, language, rules)
    layout = lay_out(page.blocks, rules, url=page.meta.url)
    # A dump that opens with the page's <title> names the site beside the headline.
    site_name = site_from_title(page.blocks[0].text, layout.headline) if page.blocks else None
    return Article(
        headline=layout.headline,
        paragraphs=layout.paragraphs,
        votes=layout.votes,
        byline=_not_site((layout.byline, *layout.later_bylines), site_name, page.meta.url),
        related=layout.related,
        published=not_in_future(layout.published or url_date(page.meta.url), datetime.now(timezone.utc)),
        language=language,
        url=page.meta.url,
        site_name=site_name,
        removed=page.repairs + layout.removed,
    )


def _not_site(bylines: tuple[Byline | None, ...], site_name: str | None, url: str | None) -> Byline | None:
    """The first author line that credits someone besides the site: a dump's site name over
    its tagline reads as an author box, and the article's own byline comes after it."""
    kept = (without_site(byline, site_name, url=url) for byline in bylines)
    return next((byline for byline in kept if byline is not None), None)


def _stated_published(
    page: Page, header: HtmlElement | None, rules: Rules
) -> tuple[datetime | date | None, datetime | date | None]:
    """The declared moment, on the day the page shows by its headline, and the update stamp
    by the headline. The dateline by the headline beats a declared date that does not say what
    it dates (a generic ``date`` meta, a ``<time>`` anywhere) where the two disagree, and
    stands in for a page that declares none. Else the date a list beside the article gives its
    own item (``self_listed``). None where the markup states neither."""
    declared = page.meta.published
    near = declared.date() if isinstance(declared, datetime) else None
    summaries = (*page.hints.standfirsts, *page.meta.descriptions)
    visible = visible_dateline(header, rules, near=near, summaries=summaries)
    if visible is not None and not visible.update:
        if declared is None or (disagree(declared, visible.when) and not page.meta.published_stated):
            return visible.when, None
        return reconciled(declared, visible.when), None
    update = visible.when if visible is not None else None
    declared = declared or self_listed(page, rules)
    return (reconciled(declared, update) if declared is not None else None), update


def _published(
    page: Page, stated: datetime | date | None, update: datetime | date | None, shown: datetime | date | None
) -> datetime | date | None:
    """The moment the markup states; else a dateline in the main text (``shown``), else
    htmldate's reading, else the day an update stamp by the headline shows."""
    if stated is not None:
        return stated
    declared = shown or html_published(page)
    return reconciled(declared, update) if declared is not None else update


def _with_lead(paragraphs: tuple[str, ...], standfirst: str | None) -> tuple[str, ...]:
    """The body with the standfirst shown under the headline as its first paragraph, where the
    main-content extraction left the article's header out: the lead is the article's text."""
    if standfirst is None or not paragraphs or standfirst in " ".join(paragraphs):
        return paragraphs  # no body to lead, or the lead is in it already (perhaps split in two)
    return (standfirst, *paragraphs)


def _bio_apart(
    paragraphs: tuple[str, ...], byline: Byline | None
) -> tuple[tuple[str, ...], Byline | None, tuple[Removal, ...]]:
    """The body without the byline's bio, which is recorded as removed. A bio stands under the
    text or in a box beside it, never first: the prose that follows an author line over the
    text ("Posted by Ana Lopes, Product Manager") is the article's lead, and no bio."""
    if byline is None or byline.bio not in paragraphs:
        return paragraphs, byline, ()
    if paragraphs[0] == byline.bio:
        return paragraphs, replace(byline, bio=None), ()
    removal = Removal(byline.bio, "boilerplate.author_bio", "the byline's bio, read beside the author's name")
    return tuple(p for p in paragraphs if p != byline.bio), byline, (removal,)


def _html_article(page: Page, language: str | None, rules: Rules) -> Article:
    """HTML: the body from the main-content blocks; the other fields from metadata and markup,
    with what the block layout found as the fallback."""
    assert page.tree is not None
    headline = choose_headline(
        page.meta.titles,
        h1_texts(page.tree),
        page.meta.site_name,
        h1_kickers(page.tree),
        page_title=page.meta.page_title,
        url=page.meta.url,
    )
    header = headline_element(page.tree, headline)  # where the article's header stands
    stated, update = _stated_published(page, header, rules)
    layout = lay_out(page.blocks, rules, headline_text=headline, hints=page.hints, published=stated)
    site_name = page.meta.site_name or site_from_title(page.meta.page_title, headline)
    byline = html_byline(page, rules, fallback=layout.byline, header=header, site_name=site_name)
    byline = without_site(byline, site_name, url=page.meta.url)
    paragraphs, byline, bio_removed = _bio_apart(layout.paragraphs, byline)
    paragraphs, closing = closing_bio(paragraphs, byline.authors if byline else (), rules)
    standfirst = shown_standfirst(page, header, headline)
    paragraphs = _with_lead(paragraphs, standfirst)
    return Article(
        headline=headline or layout.headline,
        description=html_description(page, standfirst),
        paragraphs=paragraphs,
        votes=html_votes(page, rules, fallback=layout.votes),
        byline=byline,
        related=html_related(page, rules, paragraphs=paragraphs),
        published=not_in_future(_published(page, stated, update, layout.published), datetime.now(timezone.utc)),
        language=language,
        url=page.meta.url,
        site_name=site_name,
        removed=page.repairs + layout.removed + bio_removed + closing,
    )
