"""The text door's headline model: its weights match its measures, and the measures read
the evidence they are named for."""

from __future__ import annotations

import pytest

import newsparse
from newsparse.fields.headline_model import FEATURES, candidates, features, headline_text, score
from newsparse.fields.headline_weights import WEIGHTS
from newsparse.sources.text import text_page

DUMP = """Skip to main content
Home › News › Region
Most read
Council keeps the branch library open
Ferry timetable changes from Monday
Night buses return to the valley routes
By Mara Jensen
5 March 2024, 09:15
Drivers on the valley night routes returned to work on Monday after the transport board hired staff over the winter.
The three routes had been cut for a year, and riders had asked the board to bring them back at every meeting since.
"""


def test_every_measure_has_a_weight_and_every_weight_a_measure() -> None:
    assert set(WEIGHTS) == set(FEATURES)


def test_the_measures_read_position_lead_and_slug() -> None:
    page = text_page(DUMP)
    kinds = [
        "author" if b.text.startswith("By ") else "date" if b.text[:1].isdigit() else "content" for b in page.blocks
    ]
    found = candidates(
        page.blocks, kinds, 8, "", url="https://example.org/2024/03/night-buses-return-to-valley-routes/"
    )
    headline = next(i for i, b in enumerate(page.blocks) if b.text.startswith("Night buses"))
    teaser = next(i for i, b in enumerate(page.blocks) if b.text.startswith("Ferry"))
    ours, theirs = features(page.blocks, found, headline), features(page.blocks, found, teaser)
    assert (ours["meta_next"], theirs["meta_next"]) == (1.0, 0.0)  # the byline stands right under it
    assert (ours["slug_overlap"], theirs["slug_overlap"]) == (1.0, 0.0)
    assert ours["lead_overlap"] > theirs["lead_overlap"]  # "night", "routes", "valley" recur below
    assert features(page.blocks, found, 1)["bar"] == 1.0  # the breadcrumb


def test_a_dump_without_its_url_still_finds_the_headline() -> None:
    assert newsparse.parse_text(DUMP).headline == "Night buses return to the valley routes"


KICKER_PAGES = [
    (
        "de",
        '<h1 class="article-title"><span class="kicker">Energiewende:</span> Graben, bis das Wasser kommt</h1>',
        "Graben, bis das Wasser kommt",
    ),
    (
        "fr",
        '<h1><span class="surtitre">Économie</span>La fromagerie de Valcrès rouvre ses caves</h1>',
        "La fromagerie de Valcrès rouvre ses caves",
    ),
    (
        "en",
        "<h1><time>1 February 2024</time> Council keeps the branch library open</h1>",
        "Council keeps the branch library open",
    ),
    # No kicker element: a declared title that only cuts the <h1> short is an SEO variant.
    ("en", "<h1>The Valley Singers Reunite for a Final Tour</h1>", "The Valley Singers Reunite for a Final Tour"),
]


@pytest.mark.parametrize(("language", "h1", "headline"), KICKER_PAGES)
def test_a_kicker_set_inside_the_h1_is_not_the_headline(language: str, h1: str, headline: str) -> None:
    declared = headline.removeprefix("The ")
    page = (
        f'<html lang="{language}"><head><meta property="og:title" content="{declared}"></head><body>'
        f"<article>{h1}<p>{'A paragraph of the story that runs long enough to be read as prose. ' * 4}</p>"
        "</article></body></html>"
    )
    assert newsparse.parse_html(page).headline == headline


@pytest.mark.parametrize(
    ("lines", "headline"),
    [
        (["* Startseite", "* Der Leuchtturm von Westerhever"], "Der Leuchtturm von Westerhever"),
        (["1. Accueil", "2. Actualités", "3. La fromagerie rouvre ses caves"], "La fromagerie rouvre ses caves"),
        (["5.", "6. Il ponte riapre dopo i lavori"], "Il ponte riapre dopo i lavori"),  # an empty item above
        (["Sport", "1. FC Köln gewinnt das Derby"], "1. FC Köln gewinnt das Derby"),  # a club's name, no list
        (["+ Night buses return to the valley routes"], "Night buses return to the valley routes"),
    ],
)
def test_a_headline_drops_the_list_marker_a_flattener_printed(lines: list[str], headline: str) -> None:
    blocks = text_page("\n".join(lines)).blocks
    assert headline_text(blocks, len(blocks) - 1) == headline


TITLE_OF_NAMES = """Startseite
Leben
Nachbarschaft
Der Garten der Nachbarn
12.03.2024
Hinter dem Gemeindehaus pflanzen die Nachbarn seit dem Wochenende einen Garten, in dem jeder ernten darf.
Die Beete teilen sich Familien, Schulklassen und der Seniorentreff, der Garten bleibt bis zum Herbst jeden Tag geöffnet.
"""


def test_a_title_whose_words_read_as_names_is_still_a_candidate() -> None:
    page = text_page(TITLE_OF_NAMES)
    kinds = [
        "author" if b.text.startswith("Der Garten") else "date" if b.text[:1].isdigit() else "content"
        for b in page.blocks
    ]
    found = candidates(page.blocks, kinds, 5, "", url="https://gemeinde.example/de/aktuelles/der-garten-der-nachbarn")
    title = next(i for i, b in enumerate(page.blocks) if b.text.startswith("Der Garten"))
    assert title in found.indices
    assert features(page.blocks, found, title)["named"] == 1.0
    assert max(found.indices, key=lambda i: score(features(page.blocks, found, i))) == title


# A kicker over the headline, its word in the URL's section path: the share of the line's
# words in the URL cannot tell them apart, the share of the slug's words the line holds can.
SLUG_PAGES = [
    (
        "de",
        "https://zeitung.example/wohnen/2024/mieter-duerfen-den-balkon-bepflanzen-4471.html",
        "Wohnen",
        "Mieter dürfen den Balkon bepflanzen",
        "Von Jana Kowalczyk",
        "Wer zur Miete wohnt, darf auf dem Balkon Blumen und Kräuter ziehen, solange kein Kasten über die Brüstung"
        " ragt und nichts auf den Balkon darunter tropft.",
    ),
    (
        "fr",
        "https://journal.example/economie/la-fromagerie-rouvre-ses-caves-apres-deux-ans/",
        "Économie",
        "La fromagerie rouvre ses caves après deux ans",
        "Par Élodie Marchand",
        "Fermées depuis l'inondation de l'hiver dernier, les caves de la fromagerie accueillent de nouveau les"
        " visiteurs chaque samedi matin.",
    ),
    (
        "es",
        "https://diario.example/sociedad/los-pescadores-retiran-plastico-del-puerto",
        "Sociedad",
        "Los pescadores retiran plástico del puerto",
        "Por Lucía Ferrán",
        "Una veintena de barcos salió el domingo para recoger las redes y los plásticos que el temporal dejó en la"
        " bocana del puerto.",
    ),
]


@pytest.mark.parametrize(("language", "url", "kicker", "headline", "byline", "lead"), SLUG_PAGES)
def test_the_slug_covers_the_headline_not_its_kicker(
    language: str, url: str, kicker: str, headline: str, byline: str, lead: str
) -> None:
    page = text_page("\n".join([kicker, headline, byline, lead, lead]))
    kinds = ["author" if b.text == byline else "content" for b in page.blocks]
    found = candidates(page.blocks, kinds, 3, "", url=url)
    ours, theirs = features(page.blocks, found, 1), features(page.blocks, found, 0)
    assert ours["slug_cover"] == 1.0  # accents and umlauts as the slug spells them ("duerfen", "apres")
    assert theirs["slug_cover"] == 0.0  # the section, no word of the slug
    assert newsparse.parse_text(f"{kicker}\n\n{headline}\n\n{byline}\n\n{lead}", url=url).headline == headline


def test_a_printed_url_is_no_evidence_of_the_slug() -> None:
    url = "https://gazette.example/news/council-keeps-the-branch-library-open/"
    page = text_page(f"Archived from {url}\nCouncil keeps the branch library open\nThe library stays.")
    found = candidates(page.blocks, ["content"] * 3, 2, "", url=url)
    assert features(page.blocks, found, 0)["slug_cover"] == 0.0
    assert features(page.blocks, found, 1)["slug_cover"] == 1.0


def test_a_segment_of_one_word_is_no_slug() -> None:
    page = text_page("Politik\nRat beschließt den Haushalt\nDer Rat hat am Montag den Haushalt beschlossen.")
    found = candidates(page.blocks, ["content"] * 3, 2, "", url="https://zeitung.example/politik/7297147.html")
    assert found.slug_title == ()
    assert features(page.blocks, found, 0)["slug_cover"] == 0.0
