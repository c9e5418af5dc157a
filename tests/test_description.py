"""Article.description: the page's own summary, declared or shown as the standfirst, through
every output (dict, JSON, table rows, the reading view)."""

from __future__ import annotations

import json

import newsparse
from newsparse.batch.records import Parsed
from newsparse.batch.table import flat_record, record_from_row
from newsparse.display import render_text

DE_PARAGRAPHS = (
    "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die alte Stadtbibliothek "
    "bis zum Herbst des kommenden Jahres umfassend zu sanieren und barrierefrei umzubauen.",
    "Die Kosten von rund vier Millionen Euro sollen zur Hälfte aus Fördermitteln des Landes gedeckt "
    "werden, den Rest trägt die Stadt aus den Rücklagen der vergangenen beiden Jahre.",
    "Während der Bauarbeiten zieht die Bibliothek in ein leerstehendes Ladenlokal am Marktplatz, wo "
    "Ausleihe und Rückgabe zu den gewohnten Zeiten weiterlaufen sollen.",
)
FR_PARAGRAPHS = (
    "Le conseil municipal a voté mardi soir un plan de rénovation de la piscine municipale, fermée depuis "
    "deux ans à cause d'infiltrations dans la toiture et d'un système de chauffage hors d'usage.",
    "Les travaux doivent commencer au printemps et durer environ dix-huit mois, selon l'adjoint chargé des "
    "sports, qui promet une réouverture avant l'été de l'année suivante.",
    "Pendant la fermeture, les clubs de natation continueront de s'entraîner dans le bassin de la commune "
    "voisine, avec des navettes mises en place par la ville le mercredi et le samedi.",
)
EN_PARAGRAPHS = (
    "Ferry services between the two islands will run twice as often from next month, the transport "
    "authority said on Thursday, after a year of complaints about crowded crossings and long queues.",
    "A second vessel, leased from an operator on the mainland, will take over the early and late "
    "sailings, while the older boat is refitted over the winter with new engines and seating.",
    "Fares will stay the same until the end of the year, but the authority said a review of season "
    "tickets for commuters would be published before the spring timetable comes into force.",
)


def _page(lang: str, head: str, header: str, paragraphs: tuple[str, ...], aside: str = "") -> str:
    prose = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        '<nav class="main-nav"><a href="/">Start</a> <a href="/lokales">Lokales</a></nav>'
        f'<main><article class="story"><header class="story__header">{header}</header>'
        f'<div class="story__body">{prose}</div></article>{aside}</main>'
        "<footer><p>© 2024 Example Media</p></footer></body></html>"
    )


def test_json_ld_description_has_its_markup_and_entities_removed() -> None:
    # Some CMSs write the lead's HTML, escaped, into the JSON-LD description.
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Stadtbibliothek wird saniert",
        "description": "&lt;p&gt;Die alte Stadtbibliothek wird bis Herbst 2025 saniert &amp; barrierefrei.&lt;/p&gt;",
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<meta name="description" content="Nachrichten aus der Region: Lokales, Sport und Kultur">'
    )
    article = newsparse.parse_html(_page("de", head, "<h1>Stadtbibliothek wird saniert</h1>", DE_PARAGRAPHS))
    assert article.description == "Die alte Stadtbibliothek wird bis Herbst 2025 saniert & barrierefrei."


def test_open_graph_summary_before_the_meta_description() -> None:
    # The meta description is often the site's own, left on every page.
    head = (
        '<meta name="description" content="Toute l\'actualité de la commune, en continu">'
        '<meta property="og:description" content="La piscine municipale rouvrira après dix-huit mois de travaux.">'
    )
    article = newsparse.parse_html(_page("fr", head, "<h1>La piscine va être rénovée</h1>", FR_PARAGRAPHS))
    assert article.description == "La piscine municipale rouvrira après dix-huit mois de travaux."


def test_the_standfirst_under_the_headline_when_the_page_declares_no_summary() -> None:
    header = (
        '<span class="kicker">Transport</span><h1>Island ferries to run twice as often</h1>'
        '<div class="byline">By Hannah Okafor</div>'
        '<p class="article__standfirst">A second boat joins the route next month, but season tickets '
        "are still under review</p>"
    )
    article = newsparse.parse_html(_page("en", "<title>Island ferries</title>", header, EN_PARAGRAPHS))
    assert article.description == (
        "A second boat joins the route next month, but season tickets are still under review"
    )


def test_a_teasers_excerpt_beside_the_article_is_no_description() -> None:
    aside = (
        '<aside class="sidebar"><h3>Mehr aus Lokales</h3><ul>'
        '<li><a href="/a">Neuer Radweg am Fluss</a><p class="teaser-excerpt">Ab Mai können Radfahrer die '
        "neue Strecke entlang des Ufers nutzen, teilt die Stadt mit.</p></li>"
        "</ul></aside>"
    )
    article = newsparse.parse_html(
        _page("de", "<title>Stadtbibliothek</title>", "<h1>Stadtbibliothek wird saniert</h1>", DE_PARAGRAPHS, aside)
    )
    assert article.description is None


def test_a_text_dump_declares_no_summary() -> None:
    dump = "\n\n".join(("Island ferries to run twice as often", "By Hannah Okafor", *EN_PARAGRAPHS))
    assert newsparse.parse_text(dump).description is None


def test_the_description_goes_through_every_output() -> None:
    head = '<meta property="og:description" content="A second boat joins the route next month.">'
    article = newsparse.parse_html(_page("en", head, "<h1>Island ferries to run twice as often</h1>", EN_PARAGRAPHS))
    assert article.description == "A second boat joins the route next month."
    assert newsparse.Article.from_dict(json.loads(article.to_json())) == article
    row = flat_record(Parsed("ferries.html", article))
    assert row["description"] == article.description
    back = record_from_row(row)
    assert isinstance(back, Parsed)
    assert back.article.description == article.description
    assert "\nA second boat joins the route next month.\n" in render_text("page", article)
    assert 'class="np-description"' in article._repr_html_()
