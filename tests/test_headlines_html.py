"""The HTML door's headline (issue 13): the title a reader sees, without the site's name
however the page spells it, in several languages and CMS families."""

from __future__ import annotations

import pytest

import newsparse

PROSE = "<p>" + "The council agreed the harbour plan after a long debate that ran late into the night. " * 3 + "</p>"


def page(*, title: str = "", og: str = "", h1s: tuple[str, ...] = (), site: str = "", logo: str = "") -> str:
    head = f"<title>{title}</title>" if title else ""
    head += f'<meta property="og:title" content="{og}">' if og else ""
    head += f'<meta property="og:site_name" content="{site}">' if site else ""
    masthead = f'<header><div class="brand">{logo}</div></header>' if logo else ""
    headings = "".join(f"<h1>{h}</h1>" for h in h1s)
    return f"<html><head>{head}</head><body>{masthead}<main>{headings}{PROSE}{PROSE}</main></body></html>"


@pytest.mark.parametrize(
    ("html", "url", "headline"),
    [
        # The host is the site's name: an old blog theme's <h1> and its title's prefix.
        (
            page(title="Time 4 talks » Kinos werden digital", h1s=("Time 4 talks",)),
            "https://www.time4talks.com/2013/08/07/kinos/",
            "Kinos werden digital",
        ),
        # A declared site name with a slogan: each part is the site.
        (
            page(
                title="Le vélo, une politique sans moteur | AOC media - Analyse Opinion Critique",
                site="AOC media - Analyse Opinion Critique",
            ),
            "https://aoc.media/opinion/velo/",
            "Le vélo, une politique sans moteur",
        ),
        # A forum's section path before the host.
        (
            page(title="Akku leert sich über Nacht seit iOS 17? | iPhone | Forum | MacNews.de"),
            "https://www.macnews.de/forum/discussion/338679.html",
            "Akku leert sich über Nacht seit iOS 17?",
        ),
        # The site's name in the middle, its slogan after it.
        (
            page(title="Die Farbenlehre - pixelkorn.net - Grafikdesign"),
            "https://pixelkorn.net/farben/",
            "Die Farbenlehre",
        ),
        # A title that is only the site's name gives way to the <h1>.
        (
            page(
                title="NMB-Media Vorlagen",
                site="NMB-Media Vorlagen",
                h1s=("Neue Vorlagen für den Versand ins Ausland",),
            ),
            "https://shop.nmb-media.de/vorlagen",
            "Neue Vorlagen für den Versand ins Ausland",
        ),
        # An <h1> glued to the rest of the title by a theme.
        (
            page(title="Reifendienst K12Ihr Verzeichnis | Ihr Verzeichnis", h1s=("Reifendienst K12",)),
            None,
            "Reifendienst K12",
        ),
    ],
)
def test_the_sites_name_in_any_spelling_is_no_headline(html: str, url: str | None, headline: str) -> None:
    assert newsparse.parse_html(html, url=url).headline == headline


@pytest.mark.parametrize(
    ("og", "h1", "headline"),
    [
        # A title rewritten for search engines: the reader sees the <h1>.
        (
            "Gebrauchtwagen oder Neuwagen? Der große Kostencheck",
            "Was ein Auto im Jahr wirklich kostet",
            "Was ein Auto im Jahr wirklich kostet",
        ),
        (
            "Harbour pilots suspended after tanker grounding inquiry",
            "Two harbour pilots suspended over logbook entries",
            "Two harbour pilots suspended over logbook entries",
        ),
        # A section's name in the <h1> is no headline.
        ("Como cuidar das plantas no inverno", "Jardinagem", "Como cuidar das plantas no inverno"),
    ],
)
def test_the_headline_a_reader_sees_over_a_rewritten_title(og: str, h1: str, headline: str) -> None:
    assert newsparse.parse_html(page(og=og, h1s=(h1,))).headline == headline


def test_a_subtitle_after_a_dash_is_part_of_a_declared_title() -> None:
    html = page(
        og="Stille der Moore – eine Reise", title="Stille der Moore – eine Reise | Weite Wege", site="Weite Wege"
    )
    assert newsparse.parse_html(html).headline == "Stille der Moore – eine Reise"


def test_an_affix_only_one_declared_title_carries_is_dropped() -> None:
    html = page(og="r/birding - Red knots gone from the mudflat", title="Red knots gone from the mudflat : birding")
    assert newsparse.parse_html(html).headline == "Red knots gone from the mudflat"


def test_a_short_affix_of_a_page_title_is_dropped() -> None:
    html = page(title="Les pêcheurs de Motril ramassent le plastique - Le Courrier du Sud")
    assert newsparse.parse_html(html).headline == "Les pêcheurs de Motril ramassent le plastique"


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        # An old blog theme's title: the blog's name, its archive's name, then the post's.
        (
            "Alte Gleise » Blog Archiv » Warum die Nebenbahn im Winter ruht",
            "Warum die Nebenbahn im Winter ruht",
        ),
        (
            "Quiet Margins » Blog Archive » Caching short strings in Lua explained",
            "Caching short strings in Lua explained",
        ),
        (
            "Parliament votes on the fishing quota reform | Politics | Harbour Times",
            "Parliament votes on the fishing quota reform",
        ),
        # A bar without spaces is a separator still.
        ("Stadtradio|Neue Brücke über die Elbe wird im Mai eröffnet", "Neue Brücke über die Elbe wird im Mai eröffnet"),
        # A dash of the headline's own is not the site's separator.
        (
            "The lighthouse keepers are back — and they brought cake - Digg",
            "The lighthouse keepers are back — and they brought cake",
        ),
    ],
)
def test_a_page_title_path_of_short_parts_around_the_headline(title: str, headline: str) -> None:
    assert newsparse.parse_html(page(title=title)).headline == headline


def test_an_h1_agrees_with_a_part_of_a_title_split_at_a_bare_bar() -> None:
    # An h1 that differs from the whole title, and a part of it that the h1 repeats.
    html = page(
        title="やさしいニュース|東京で新しい図書館が開館しました", h1s=("ニュース", "東京で新しい図書館が開館しました")
    )
    assert newsparse.parse_html(html).headline == "東京で新しい図書館が開館しました"


@pytest.mark.parametrize(
    ("h1", "og", "headline"),
    [
        # A subtitle set in the <h1> after the title, in an element of its own.
        (
            "Stadtsender verschweigt Protest in Kassel <small>Kein Wort im Abendprogramm</small>",
            "Stadtsender verschweigt Protest in Kassel",
            "Stadtsender verschweigt Protest in Kassel",
        ),
        # A kicker in an element before the title.
        (
            "<span>Energiewende:</span> Graben, bis das Wasser kommt",
            "Graben, bis das Wasser kommt",
            "Graben, bis das Wasser kommt",
        ),
        # The declared title sets the kicker after the headline: the <h1> puts it first.
        (
            "<span class='kicker'>Verträge im Umlauf</span> <span>Kundendaten der Stadtwerke erbeutet</span>",
            "Kundendaten der Stadtwerke erbeutet - Verträge im Umlauf",
            "Kundendaten der Stadtwerke erbeutet",
        ),
        (
            "<span>Grève des contrôleurs</span> <span>Les vols vers Nice annulés jusqu'à jeudi</span>",
            "Grève des contrôleurs: Les vols vers Nice annulés jusqu'à jeudi",
            "Les vols vers Nice annulés jusqu'à jeudi",
        ),
        # A link inside the title is no kicker: the whole <h1> is the declared title.
        (
            "Un appel commun pour l'avenir du <a href='/t/c'>CROUS</a>",
            "Un appel commun pour l'avenir du CROUS",
            "Un appel commun pour l'avenir du CROUS",
        ),
    ],
)
def test_an_h1_in_parts_gives_the_part_the_title_declares(h1: str, og: str, headline: str) -> None:
    assert newsparse.parse_html(page(og=og, h1s=(h1,))).headline == headline


def test_an_h1_inside_a_main_named_for_the_journals_branding_is_the_headline() -> None:
    html = (
        "<html><head><title>Teen sleep and grades, the evidence | Annals</title></head><body>"
        '<header class="site-branding"><h1><a href="/">Annals</a></h1></header>'
        '<main class="content journal-branding"><h1>Sleep duration and school results in teenagers</h1>'
        f"{PROSE}{PROSE}</main></body></html>"
    )
    assert newsparse.parse_html(html).headline == "Sleep duration and school results in teenagers"


@pytest.mark.parametrize(
    ("h1", "og", "headline"),
    [
        # A kicker named so, and the colon a theme keeps for screen readers, even where the
        # declared title carries the kicker too.
        (
            "<span class='article-heading__kicker'>Energiepolitik</span><span class='visually-hidden'>: </span>"
            "<span class='article-heading__title'>Windräder drehen sich bald auch im Wald</span>",
            "Energiepolitik: Windräder drehen sich bald auch im Wald",
            "Windräder drehen sich bald auch im Wald",
        ),
        (
            "<div class='article-header__roofline'>Rénovation énergétique : les aides 2024</div>"
            "Isoler ses combles sans se ruiner",
            "Rénovation énergétique : les aides 2024 Isoler ses combles sans se ruiner",
            "Isoler ses combles sans se ruiner",
        ),
        # A label only screen readers read.
        (
            "<div class='document-title__headline'><span class='visuallyhidden'>Headline:</span>"
            " Ocean heat records broken again in March</div>",
            "Ocean heat records broken again in March",
            "Ocean heat records broken again in March",
        ),
        # A forum thread's tag, inside the link that wraps the whole title.
        (
            "<a href='/threads/patch-3-2.4120/'><span class='label label--blue'>Patch Notes</span>"
            "<span class='label-append'> </span>Patch 3.2 - Harbour map hotfix</a>",
            "Patch Notes - Patch 3.2 - Harbour map hotfix",
            "Patch 3.2 - Harbour map hotfix",
        ),
        # A date and categories under the title, however long.
        (
            "El ayuntamiento aprueba el plan del puerto<br><small><span class='icon-calendar'></span>"
            " 02.03.2022 • <span class='news-list-category'>Noticias , Ciudad , Puerto</span></small>",
            "El ayuntamiento aprueba el plan del puerto",
            "El ayuntamiento aprueba el plan del puerto",
        ),
    ],
)
def test_an_h1_without_its_kicker_labels_and_date_line(h1: str, og: str, headline: str) -> None:
    assert newsparse.parse_html(page(og=og, h1s=(h1,))).headline == headline


def test_the_headline_h1_after_navigation_h1s_keeps_its_kicker_apart() -> None:
    # A government CMS sets its logo, menus and breadcrumb in <h1>s before the article's.
    logo = "<h1 class='logo'><a href='/'><img src='/logo.png' alt='Bundesamt'></a></h1>"
    h1s = ("Navigation", "Haupt-Navigations-<em>Menü</em>", "Unternavigation", "Sie sind hier:")
    html = page(
        og="Neue Gedenktafel am alten Bahnhof",
        h1s=(*h1s, "<span>Jahrestag</span> Neue Gedenktafel am alten Bahnhof"),
    ).replace("<main>", f"<main>{logo}")
    assert newsparse.parse_html(html).headline == "Neue Gedenktafel am alten Bahnhof"


@pytest.mark.parametrize(
    ("title", "h1", "url", "headline"),
    [
        # The <h1> is the title's part after the magazine's name and a colon.
        ("KÜSTENFUNK: Der Leuchtturmwärter", "Der Leuchtturmwärter", None, "Der Leuchtturmwärter"),
        ("REVISTA MAR: El último farero", "El último farero", None, "El último farero"),
        # The blog's name, then its archive's section: the section goes with the name.
        (
            "Radtouren am Rhein » Blog Archiv » Die schönsten Strecken zwischen Basel und Mainz",
            "Radtouren am Rhein",
            "https://www.radtouren-am-rhein.de/2014/02/strecken/",
            "Die schönsten Strecken zwischen Basel und Mainz",
        ),
    ],
)
def test_an_h1_or_a_title_without_the_publications_name(title: str, h1: str, url: str | None, headline: str) -> None:
    assert newsparse.parse_html(page(title=title, h1s=(h1,)), url=url).headline == headline
