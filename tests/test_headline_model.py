"""The text door's headline model: its weights match its measures, and the measures read
the evidence they are named for."""

from __future__ import annotations

import pytest

import newsparse
from newsparse.fields.headline_model import FEATURES, candidates, features
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
        '<h1 class="article-title"><span class="kicker">Klimaschutz:</span> Bohren, bis es heiß wird</h1>',
        "Bohren, bis es heiß wird",
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
