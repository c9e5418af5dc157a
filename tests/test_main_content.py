"""The tree-level choices behind the body: which container trafilatura's fast pass is
trusted with, and how a table's rows and a paragraph's scripts are read (issue 14)."""

from __future__ import annotations

import pytest
from lxml import etree, html

import newsparse
from conftest import FIXTURES
from newsparse.page import Block
from newsparse.sources import main_content
from newsparse.sources.density import densest_blocks
from newsparse.sources.main_content import is_link_list, is_table_soup, main_blocks

TEASERS = (
    "Warum unser Sauerteig im Winter langsamer aufgeht als im Sommer",
    "Zehn einfache Ideen für ein Picknick mit der ganzen Familie",
    "So gelingt der perfekte Milchreis auch ohne ständiges Rühren",
)


def _list_page(linked: bool) -> html.HtmlElement:
    items = "".join(
        f"<li><a href='/{i}'>{t}</a> – Blog</li>" if linked else f"<li>{t}</li>" for i, t in enumerate(TEASERS)
    )
    return html.document_fromstring(f"<html><body><ul>{items}</ul></body></html>")


def test_a_list_of_links_is_a_teaser_list_and_a_list_of_steps_is_not() -> None:
    linked = tuple(Block(f"{t} – Blog", tag="li") for t in TEASERS)
    assert is_link_list(linked, _list_page(linked=True))
    plain = tuple(Block(t, tag="li") for t in TEASERS)
    assert not is_link_list(plain, _list_page(linked=False))


def test_long_cells_make_a_table_layout_and_short_cells_a_table_of_figures() -> None:
    column = "Le conseil municipal a adopté la veille au soir le projet du port après un long débat."
    assert is_table_soup((Block(column, tag="td"), Block(column, tag="td"), Block("Accueil", tag="p")))
    figures = tuple(Block(cell, tag="td") for cell in ("Saison", "Matchs", "Buts", "2023-24", "34", "12"))
    assert not is_table_soup((*figures, Block("Le gardien a joué toute la saison.", tag="p")))


# A player's page and a bakery's nutrition facts: the table is the article. (As HTML tests,
# not fixture folders: the text door reads no table of short lines, see docs/benchmarks.md.)
STATS = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Marcus Delaney, Goalkeeper | Harbour City Rovers</title>
<meta property="og:site_name" content="Harbour City Rovers">
<meta property="og:title" content="Marcus Delaney">
<link rel="canonical" href="https://www.harbourcityrovers.example/players/marcus-delaney">
</head>
<body>
<div id="site-top"><a href="/">Harbour City Rovers</a>
<ul class="menu"><li><a href="/fixtures">Fixtures</a></li>
<li><a href="/players">Players</a></li>
<li><a href="/tickets">Tickets</a></li>
<li><a href="/shop">Shop</a></li>
</ul>
</div>
<div id="player-card">
<h1>Marcus Delaney</h1>
<p>Goalkeeper, number 1. Joined from Westport Athletic in 2019.</p>
<table class="stats">
<tr><th>Season</th><th>Club</th><th>Games</th><th>Starts</th>
<th>Clean sheets</th><th>Saves</th><th>Goals against</th></tr>
<tr><td>2019-20</td><td>Rovers</td><td>31</td><td>30</td><td>9</td><td>88</td><td>37</td></tr>
<tr><td>2020-21</td><td>Rovers</td><td>38</td><td>38</td><td>14</td><td>102</td><td>35</td></tr>
<tr><td>2021-22</td><td>Rovers</td><td>36</td><td>35</td><td>12</td><td>97</td><td>40</td></tr>
<tr><td>2022-23</td><td>Rovers</td><td>29</td><td>29</td><td>8</td><td>76</td><td>33</td></tr>
<tr><td>2023-24</td><td>Rovers</td><td>34</td><td>34</td><td>15</td><td>91</td><td>28</td></tr>
</table>
<table class="games">
<tr><th>Week</th><th>Date</th><th>Opponent</th><th>Result</th><th>Saves</th><th>Minutes</th></tr>
<tr><td>1</td><td>Aug 12</td><td>Kingsbridge</td><td>W 2-0</td><td>4</td><td>90</td></tr>
<tr><td>2</td><td>Aug 19</td><td>Eastmoor</td><td>D 1-1</td><td>3</td><td>90</td></tr>
<tr><td>3</td><td>Aug 26</td><td>Port Ellis</td><td>L 0-2</td><td>5</td><td>90</td></tr>
<tr><td>4</td><td>Sep 2</td><td>Fenwick Town</td><td>W 3-1</td><td>2</td><td>90</td></tr>
</table>
</div>
<div id="more-players"><ul><li><a href="/players/tom-ashby">Tom Ashby</a></li>
<li><a href="/players/luis-moreno">Luis Moreno</a></li>
</ul>
</div>
<div id="footer">© 2024 Harbour City Rovers</div>
</body>
</html>"""
NUTRITION = """<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Nährwerte: Dinkelbrötchen vom Backhaus Lindenhof</title>
<meta property="og:site_name" content="Lindenhof Backhaus">
<link rel="canonical" href="https://www.lindenhof-backhaus.example/naehrwerte/dinkelbroetchen">
</head>
<body>
<div class="kopf"><a href="/">Lindenhof Backhaus</a>
<ul class="navi"><li><a href="/brot">Brot</a></li>
<li><a href="/kuchen">Kuchen</a></li>
<li><a href="/filialen">Filialen</a></li>
<li><a href="/kontakt">Kontakt</a></li>
</ul>
</div>
<div class="inhalt">
<h1>Nährwerte: Dinkelbrötchen</h1>
<table class="naehrwerte">
<tr><td>Nährwert</td><td>pro 100 g</td><td>pro Stück (60 g)</td></tr>
<tr><td>Brennwert</td><td>1046 kJ / 247 kcal</td><td>628 kJ / 148 kcal</td></tr>
<tr><td>Fett</td><td>1,9 g</td><td>1,1 g</td></tr>
<tr><td>davon gesättigte Fettsäuren</td><td>0,3 g</td><td>0,2 g</td></tr>
<tr><td>Kohlenhydrate</td><td>47 g</td><td>28 g</td></tr>
<tr><td>davon Zucker</td><td>1,6 g</td><td>1,0 g</td></tr>
<tr><td>Ballaststoffe</td><td>4,8 g</td><td>2,9 g</td></tr>
<tr><td>Eiweiß</td><td>9,1 g</td><td>5,5 g</td></tr>
<tr><td>Salz</td><td>1,2 g</td><td>0,7 g</td></tr>
</table>
<table class="zutaten">
<tr><td>Zutat</td><td>Anteil</td><td>Herkunft</td></tr>
<tr><td>Dinkelmehl Type 630</td><td>58 %</td><td>Hohenlohe</td></tr>
<tr><td>Wasser</td><td>35 %</td><td>Stadtwerke</td></tr>
<tr><td>Hefe, Salz, Malz</td><td>7 %</td><td>Baden</td></tr>
</table>
</div>
<div class="seitenleiste"><ul><li><a href="/rezepte">Rezepte</a></li>
<li><a href="/filialen">Filialen</a></li>
</ul>
</div>
<div class="fuss">© 2024 Lindenhof Backhaus</div>
</body>
</html>"""


def test_a_table_of_figures_is_the_article_row_by_row() -> None:
    stats = newsparse.parse_html(STATS)
    assert stats.paragraphs[1:4] == (
        "Season | Club | Games | Starts | Clean sheets | Saves | Goals against",
        "2019-20 | Rovers | 31 | 30 | 9 | 88 | 37",
        "2020-21 | Rovers | 38 | 38 | 14 | 102 | 35",
    )
    assert stats.paragraphs[-1] == "4 | Sep 2 | Fenwick Town | W 3-1 | 2 | 90"
    nutrition = newsparse.parse_html(NUTRITION)
    assert nutrition.paragraphs[:2] == (
        "Nährwert | pro 100 g | pro Stück (60 g)",
        "Brennwert | 1046 kJ / 247 kcal | 628 kJ / 148 kcal",
    )
    assert len(nutrition.paragraphs) == 13
    assert not any(r.rule == "boilerplate.edge_fragment" for r in (*stats.removed, *nutrition.removed))


def test_a_row_of_figures_is_one_block_and_a_row_of_sentences_a_block_per_cell() -> None:
    sentence = "Der Gemeinderat hat am Abend zuvor nach einer langen Debatte den Plan für den Hafen beschlossen."
    prose = f"<p>{sentence}</p>" * 3
    page = html.document_fromstring(
        f"<html><body><article><h1>Tabelle</h1>{prose}<table>"
        "<tr><th>Saison</th><th>Spiele</th><th>Tore</th></tr>"
        "<tr><td>2022-23</td><td>31</td><td>9</td></tr>"
        f"<tr><td>{sentence}</td><td>{sentence}</td></tr>"
        f"</table>{prose}</article></body></html>"
    )
    blocks = main_blocks(page, article_body=None)
    assert [(b.tag, b.text) for b in blocks if b.tag in ("tr", "td")] == [
        ("tr", "Saison | Spiele | Tore"),
        ("tr", "2022-23 | 31 | 9"),
        ("td", sentence),
        ("td", sentence),
    ]


def test_the_densest_container_reads_no_script_into_its_paragraphs() -> None:
    prose = "Il consiglio comunale ha approvato ieri sera il piano per il porto dopo un lungo dibattito in aula."
    script = "<script>var k = 'ti.elpmaxe@ossor'; document.write(k.split('').reverse().join(''));</script>"
    page = html.document_fromstring(
        f"<html><body><div><p>Scritto da Marco Rossi {script}</p><p>{prose}</p></div></body></html>"
    )
    texts = [b.text for b in densest_blocks(page)]
    assert texts == ["Scritto da Marco Rossi", prose]
    assert etree.tostring(page).count(b"document.write") == 1  # the tree itself is left as it was


# --- an article split into sibling chunks alike, an ad rail between them (Condé Nast's layout) ---

SPLIT = FIXTURES / "html-en-split-body-chunks" / "input.html"
SECOND_CHUNK = "The cafés keep careful records"


def test_an_article_split_into_chunks_alike_is_read_to_its_last_chunk() -> None:
    article = newsparse.parse_html(SPLIT.read_text("utf-8"))
    assert any(p.startswith(SECOND_CHUNK) for p in article.paragraphs)
    assert article.paragraphs[-1].startswith("For now the queue still forms")


def test_the_next_story_of_an_endless_scroll_is_no_chunk_of_this_one() -> None:
    # The same container, but it opens with a headline of its own: the next story, loaded below.
    page = SPLIT.read_text("utf-8").replace(
        f"<p>{SECOND_CHUNK}", f"<h1>Tool Libraries Are Having a Moment</h1><p>{SECOND_CHUNK}", 1
    )
    article = newsparse.parse_html(page)
    assert article.paragraphs
    assert not any(p.startswith(SECOND_CHUNK) for p in article.paragraphs)


def test_a_short_box_alike_after_the_article_is_no_chunk_of_it() -> None:
    # The same container holding one promotional paragraph, not the story's text.
    tree = html.document_fromstring(SPLIT.read_text("utf-8"))
    second = [div for div in tree.iter("div") if "article__body" in div.get("class", "")][1]
    for paragraph in second.findall("p")[1:]:
        second.remove(paragraph)
    article = newsparse.parse_html(html.tostring(tree, encoding="unicode"))
    assert article.paragraphs
    assert not any(p.startswith(SECOND_CHUNK) for p in article.paragraphs)


def test_a_later_chunk_is_read_where_the_first_carries_one_class_more() -> None:
    # "corps-article entry-content", a side rail, then "corps-article": each chunk its own
    # <article>, of which trafilatura's fast pass reads the first.
    page = (FIXTURES / "html-fr-split-body-first-chunk-class" / "input.html").read_text("utf-8")
    article = newsparse.parse_html(page)
    assert article.paragraphs[0].startswith("LES ROUSSES")
    assert article.paragraphs[-1].startswith("Les travaux doivent commencer au printemps")


# The lead in a chunk of its own ("article_body entry-content"), a side rail, then the rest of the
# story ("article_body"). On such a page trafilatura's fast pass read the lead's chunk alone and its
# cascade the later chunk alone (which one each reads is trafilatura's own choice, so here they
# are made to): the later chunks are read before the find is judged short.
LEAD_CHUNK = FIXTURES / "html-en-split-body-lead-chunk" / "input.html"


def test_a_short_first_chunk_is_read_on_through_the_later_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    tree = html.document_fromstring(LEAD_CHUNK.read_text("utf-8"))
    first, later = [div for div in tree.iter("div") if "article_body" in div.get("class", "").split()]
    lead = tuple(Block(str(p.xpath("normalize-space()")), tag="p") for p in first.iter("p"))
    rest = tuple(Block(str(p.xpath("normalize-space()")), tag="p") for p in later.iter("p"))
    monkeypatch.setattr(main_content, "_run_trafilatura", lambda tree, *, fast: lead if fast else rest)
    texts = [b.text for b in main_blocks(tree, article_body=None)]
    assert texts[0].startswith("The county sued a Harlow paving contractor")
    assert texts[1:] == [b.text for b in rest]


# A post split into chunks of one class, the thread under it in a chunk of that class and one
# name more. (An HTML test: flattened, the thread's "23 Comments" ends the text door's article
# anyway; here the chunk reader is asked alone.)
THREAD = """<html lang="en"><body><div class="cols"><div class="content-col">
<div class="blk"><h2>Sourdough on a Weeknight</h2><article>{lead}</article></div>
<div class="well-ad"><span>Advertisement</span></div>
<div class="blk"><article>{method}</article></div>
<div class="blk comments-width"><div class="meta">23 Comments</div>
<div class="commentlist">{comments}</div></div>
</div><div class="sidebar"><a href="/recipes/">All recipes</a></div></div></body></html>"""
LEAD_PARAGRAPHS = (
    "<p>Most sourdough recipes assume you have a free Saturday and nowhere to be. I do not, and for a long time"
    " that meant the starter in my fridge got fed far more often than it got baked. This loaf is the compromise I"
    " landed on after a winter of trying: mix it in the evening, shape it the next evening, bake it after that.</p>"
    "<p>None of the steps takes more than fifteen minutes of actual work. The long, cold rests do the rest, and"
    " they also give the bread a gentle tang that my kids, who usually pick the crust off everything, seem to like.</p>"
)
METHOD = (
    "<p>On the first evening, stir the starter into the water until it looks like thin milk, then add the flour"
    " and salt and squeeze everything together with one hand. Cover the bowl, fold it over itself four times an"
    " hour later, then put it in the fridge.</p>"
    "<p>On baking night, heat the oven with a lidded pot inside for forty-five minutes. Turn the loaf into the pot,"
    " slash the top once and bake it covered for twenty minutes and uncovered for another twenty-five, until the"
    " crust is properly dark. Then comes the hardest part: let it cool for an hour before you cut it.</p>"
)
COMMENT = (
    '<div class="comment depth-1"><p class="comment-author">Marisol, October 17, 2023</p><p>I tried this last week'
    " with a starter I had neglected for a month and it still worked. My loaf spread a bit more than yours did, so"
    " next time I will shape it tighter, but the flavour was the best I have managed at home so far.</p></div>"
)


def test_a_chunk_named_for_comments_is_the_thread_not_the_article() -> None:
    page = html.document_fromstring(THREAD.format(lead=LEAD_PARAGRAPHS, method=METHOD, comments=COMMENT * 3))
    texts = [b.text for b in main_blocks(page, article_body=None)]
    assert texts[-1].startswith("On baking night")
    assert not any("neglected for a month" in t for t in texts)


# A paywalled story: the header (kicker, headline, lead) in <p>s, the visible start of the story
# as loose text in a preview box of the same container. On such pages trafilatura's fast pass
# and its cascade both stop at the header; which page around it leads them there is
# trafilatura's own reading, so here they are made to stop there.
PAYWALL = """<html lang="de"><body>
<header class="site-header"><a href="/">Breisgauer Tageblatt</a> <a href="/lokales">Lokales</a>
<a href="/abo">Abo</a></header>
<main><article id="article"><div class="box-modul"><div class="media-box media-box--nob">
  <header class="article__header">
    <p class="article__header__dachzeile">Energie</p>
    <h1 class="article__header__titel">Stadtwerke heben den Gaspreis zum Jahreswechsel an</h1>
    <p class="article__header__info"><a href="/archiv/2023/11/08">Mi, 08. November 2023</a> um 14:05 Uhr</p>
  </header>
  <p class="article__topic"><strong>{lead}</strong></p>
  <div class="article__social-tools"><a href="javascript:share()" title="Facebook"></a> <a href="#">Verlinken</a></div>
  <div class="article__text"><div class="freemium__preview">
    {preview}
  </div></div>
</div></div></article>
<section class="paywall"><p><strong>Jetzt diesen Artikel lesen!</strong></p>
<a href="/abo">1 Monat für 1 € testen</a></section>
</main></body></html>"""
LEAD = (
    "Haushalte in der Stadt zahlen ab Januar mehr für Gas. Die Stadtwerke begründen das mit den gestiegenen"
    " Kosten für den Einkauf und für das Netz."
)
PREVIEW = (
    "Für einen Haushalt mit einem Verbrauch von 15.000 Kilowattstunden im Jahr steigen die Kosten damit um rund"
    " 190 Euro. Der Arbeitspreis klettert nach Angaben des Unternehmens von 11,2 auf 12,4 Cent je Kilowattstunde,"
    " der Grundpreis bleibt unverändert. Kundinnen und Kunden werden in diesen Tagen per Brief informiert, sie"
    " haben ein Sonderkündigungsrecht. Wer seinen Vertrag wechseln möchte, findet bei der Verbraucherzentrale"
    ' eine Übersicht der Anbieter in der Region. "Wir haben lange gezögert, aber ...'
)
# A short post and, denser, a sidebar of the library's history beside it: the post stays.
SIDEBAR = """<html lang="en"><body>
<article class="post"><h1>Our new opening hours</h1>
<p class="post-summary">{summary}</p></article>
<div class="sidebar"><h3>About the library</h3>{history}</div>
</body></html>"""
SUMMARY = "From Monday the library opens an hour earlier on weekdays, and the reading room stays open until eight."
HISTORY = (
    "<p>The library was founded in 1887 by a group of mill workers who pooled their books in a rented room"
    " above a bakery.</p>"
)


def _header_only(monkeypatch: pytest.MonkeyPatch, blocks: tuple[Block, ...]) -> None:
    monkeypatch.setattr(main_content, "_run_trafilatura", lambda tree, *, fast: blocks)


def test_a_short_find_inside_a_denser_container_gives_way_to_it(monkeypatch: pytest.MonkeyPatch) -> None:
    header = (Block("Energie"), Block("Stadtwerke heben den Gaspreis zum Jahreswechsel an", tag="h"), Block(LEAD))
    _header_only(monkeypatch, header)
    page = html.document_fromstring(PAYWALL.format(lead=LEAD, preview=PREVIEW))
    texts = [b.text for b in main_blocks(page, article_body=None)]
    assert LEAD in texts
    assert PREVIEW in texts


def test_a_short_find_outside_the_densest_container_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    post = (Block("Our new opening hours", tag="h"), Block(SUMMARY))
    _header_only(monkeypatch, post)
    page = html.document_fromstring(SIDEBAR.format(summary=SUMMARY, history=HISTORY * 6))
    assert main_blocks(page, article_body=None) == post


# A table of deadlines: each step a sentence, its date in the cell beside it. (An HTML test, not a
# fixture folder, as the tables above: flattened, the table's head reads as a byline in the text door.)
DEADLINES = """<html lang="es"><head><title>Becas de transporte para el curso 2024-2025</title></head>
<body><article><h1>Becas de transporte para el curso 2024-2025</h1>
<p>El ayuntamiento abre la convocatoria de ayudas al transporte para estudiantes empadronados en el municipio
que cursan estudios fuera de la ciudad.</p>
<table>
<tr><th>Trámite</th><th>Plazo</th></tr>
<tr><td>Presentar la solicitud en la sede electrónica junto con la matrícula del curso</td>
<td>Hasta el 15 de julio de 2024</td></tr>
<tr><td>Consultar la lista provisional de admitidos y presentar alegaciones si procede</td>
<td>Del 2 al 12 de septiembre de 2024</td></tr>
</table>
<p>Las ayudas se abonarán en un solo pago antes de que termine el año, según ha informado la concejalía.</p>
</article></body></html>"""


def test_a_date_in_a_table_of_sentences_is_its_content() -> None:
    article = newsparse.parse_html(DEADLINES)
    assert "Hasta el 15 de julio de 2024" in article.paragraphs
    assert "Del 2 al 12 de septiembre de 2024" in article.paragraphs
    assert not any(r.rule.startswith("boilerplate.extra_") for r in article.removed)


def test_the_last_chunks_list_of_other_stories_stays_out_of_the_body() -> None:
    # Condé Nast ends the last chunk with "More great stories": items that each hold a link.
    more = (
        "<h3>More Great Northlight Stories</h3><ul>"
        "<li>Why the <a href='/story/kettles/'>kettle you bought lasts three years</a></li>"
        "<li><a href='/story/lamps/'>The lamp that outlived its makers</a></li></ul>"
    )
    page = SPLIT.read_text("utf-8").replace("is still going.</p>", f"is still going.</p>{more}", 1)
    article = newsparse.parse_html(page)
    assert article.paragraphs[-1].startswith("For now the queue still forms")
    assert not any("kettle you bought" in p for p in article.paragraphs)


_CLOSING_LIST_PAGE = """<html lang="de"><head><title>Kleinkredit über 1500 Euro beantragen</title></head><body>
<nav><ul><li><a href="/kredite">Kredite</a></li><li><a href="/ratgeber">Ratgeber</a></li></ul></nav>
<article><h1>Kleinkredit über 1500 Euro beantragen</h1><div class="entry-content">
<p>Ein Kleinkredit über 1500 Euro hilft, wenn die Waschmaschine kurz vor dem Monatsende ausfällt oder
die Nachzahlung für die Nebenkosten höher ausfällt als gedacht. Die Prüfung geht entsprechend schneller.</p>
<p>Weil die Summe klein ist, verlangen die meisten Banken keine Gehaltsnachweise aus Papier: das Konto
wird digital geprüft, und der Vertrag wird online unterschrieben, oft noch am selben Vormittag.</p>
<h2>Was Sie für den Antrag brauchen</h2>
<ul>{items}</ul>
</div></article><footer><p>© 2024 Finanzwerk GmbH</p></footer></body></html>"""


def test_a_closing_list_with_an_item_of_text_keeps_its_short_items() -> None:
    """A list of requirements that ends the article keeps its one-word items ("Volljährigkeit")
    where one item is a line of text: the HTML door knows them for a list's items. (A dump
    cannot tell them from a footer's links: the text door ends the article before them.)"""
    items = (
        "<li>Einen Wohnsitz in Deutschland und ein Girokonto für die Auszahlung</li>"
        "<li>Volljährigkeit</li><li>Gültiger Personalausweis</li>"
    )
    paragraphs = newsparse.parse_html(_CLOSING_LIST_PAGE.format(items=items)).paragraphs
    assert paragraphs[-3:] == (
        "Einen Wohnsitz in Deutschland und ein Girokonto für die Auszahlung",
        "Volljährigkeit",
        "Gültiger Personalausweis",
    )


def test_a_closing_list_of_fragments_only_is_trimmed() -> None:
    items = '<li><a href="/a">1042 Aufrufe</a></li><li><a href="/k">Kommentar schreiben</a></li>'
    paragraphs = newsparse.parse_html(_CLOSING_LIST_PAGE.format(items=items)).paragraphs
    assert "Kommentar schreiben" not in paragraphs
    assert "1042 Aufrufe" not in paragraphs
    assert paragraphs[-1].startswith("Weil die Summe klein ist")


# --- a listing: the short text found is one item among alike siblings (issue 14) ---

ITEM = (
    "<div class='result'><h3><a href='/{i}'>{title}</a></h3>"
    "<div class='result-text'><p>{text} <a href='/{i}'>Weiterlesen</a></p></div></div>"
)
RESULTS = (
    (
        "Radweg am Fluss wird verbreitert",
        "Die Stadt verbreitert den Radweg entlang des Flusses auf vier Meter, die Arbeiten beginnen im Juni.",
    ),
    (
        "Neue Bäume für den Marktplatz",
        "Zwölf Linden ersetzen im Herbst die kranken Kastanien, die im Frühjahr gefällt werden mussten.",
    ),
    (
        "Freibad öffnet eine Woche früher",
        "Wegen des warmen Wetters öffnet das Freibad schon am Samstag, die Preise bleiben wie im Vorjahr.",
    ),
)


def _results_page(article: str = "") -> html.HtmlElement:
    items = "".join(ITEM.format(i=i, title=t, text=x) for i, (t, x) in enumerate(RESULTS))
    return html.document_fromstring(f"<html><body>{article}<div class='results'>{items}</div></body></html>")


def test_a_short_find_that_is_one_item_of_a_listing_gives_every_item_with_its_title() -> None:
    found = (Block(RESULTS[0][1] + " Weiterlesen"),)
    listing = main_content._listing(found, _results_page())
    texts = [b.text for b in listing]
    assert [t for t, _ in RESULTS] == [t for t in texts if t in {title for title, _ in RESULTS}]
    assert all(any(text in t for t in texts) for _, text in RESULTS)


def test_a_short_article_beside_a_listing_is_no_item_of_it() -> None:
    story = "Der Gemeinderat hat am Abend beschlossen, die Grundschule im Ortsteil um zwei Klassenräume zu erweitern."
    page = _results_page(f"<div class='story'><p>{story}</p></div>")
    assert main_content._listing((Block(story),), page) == ()


def test_two_alike_items_are_no_listing() -> None:
    page = _results_page()
    results = page.find_class("results")[0]
    results.remove(results[-1])
    assert main_content._listing((Block(RESULTS[0][1] + " Weiterlesen"),), page) == ()


# --- sentences standing loose in the article's container, outside any <p> ---


def test_a_loose_paragraph_opening_a_blogs_more_part_is_read_in_its_place() -> None:
    # TypePad: the part after the jump ("entry-more") opens with bare text, a link and an <em>
    # in it, before its <p>s.
    page = (FIXTURES / "html-de-blog-loose-more-text" / "input.html").read_text("utf-8")
    paragraphs = newsparse.parse_html(page).paragraphs
    loose = next(i for i, p in enumerate(paragraphs) if p.startswith("Der Geschäftsführer hatte"))
    assert paragraphs[loose - 1] == "Doch die Kette ist mit den Plänen nicht einverstanden."
    assert paragraphs[loose].endswith(
        "wie die Allgemeine Zeitung berichtete. Betroffen wären vor allem die kleinen Filialen in Regionalbahnhöfen."
    )
    assert paragraphs[loose + 1].startswith("Die früheren Abgeordneten")


def test_a_loose_paragraph_between_two_paragraphs_goes_in_before_the_next() -> None:
    page = (FIXTURES / "html-es-loose-paragraph-between" / "input.html").read_text("utf-8")
    paragraphs = newsparse.parse_html(page).paragraphs
    assert paragraphs[2].startswith("El presidente de la cooperativa, Andrés Molina")
    assert paragraphs[3].startswith("La instalación cuenta además con baterías")


LOOSE = """<html lang="en"><body><div class="post"><h1>Council approves the new ferry timetable</h1>
<div class="post-body"><p>{first}</p><center><img src="/img/ferry.jpg"></center>{loose}<p>{second}</p></div>
</div></body></html>"""
FIRST = (
    "The council approved the new ferry timetable on Tuesday after a debate that lasted most of the evening session."
)
SECOND = "The first sailings under the new timetable leave the harbour at six in the morning from the start of May."


@pytest.mark.parametrize(
    "loose",
    [
        "Photo: Harbour office",  # a caption's credit
        "© Harbour office | J. Brandt (jpeg, 1MB)",  # closes on a bracket, not a stop
        "Ferries | Harbour | Council | Timetables | Transport | Weather",  # a bar of links' words
    ],
)
def test_loose_text_that_is_no_sentence_stays_out(loose: str) -> None:
    page = html.document_fromstring(LOOSE.format(first=FIRST, loose=loose, second=SECOND))
    assert _paragraph_texts(page) == [FIRST, SECOND]


def test_a_loose_sentence_in_the_articles_container_is_read() -> None:
    loose = "Councillors from the island wards voted against, saying the early sailing suits commuters only."
    page = html.document_fromstring(LOOSE.format(first=FIRST, loose=loose, second=SECOND))
    assert _paragraph_texts(page) == [FIRST, loose, SECOND]


def _paragraph_texts(page: html.HtmlElement) -> list[str]:
    return [b.text for b in main_blocks(page, article_body=None) if b.tag != "h"]
