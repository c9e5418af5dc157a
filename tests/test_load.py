"""Decoding bytes in the order browsers trust, and telling HTML from text dumps."""

from __future__ import annotations

import codecs
import gzip
import os
import re
from pathlib import Path

import pytest

import newsparse
from newsparse.load import MAX_PAGE_BYTES, decode, looks_like_html

TEXT = "Über die Brücke: „Grüße“ — 5,5 k Punkte für Ærø und Señora Núñez"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_encodings_with_and_without_bom(encoding: str) -> None:
    assert decode(TEXT.encode(encoding)) == TEXT


def test_declared_charset_wins_over_guessing() -> None:
    page = f'<html><head><meta charset="iso-8859-15"></head><body><p>{"Prix : 5 €, café"}</p></body></html>'
    assert "5 €, café" in decode(page.encode("iso-8859-15"))


def test_latin1_label_means_windows_1252_as_in_browsers() -> None:
    page = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>“quoted” – dash</p>'
    assert "“quoted” – dash" in decode(page.encode("cp1252"))


def test_a_wrong_declaration_does_not_make_mojibake() -> None:
    page = '<meta charset="ascii"><p>Ελληνικά και русский</p>'
    assert "Ελληνικά και русский" in decode(page.encode("utf-8"))


def test_undeclared_legacy_bytes_are_detected() -> None:
    text = "Der Bürgermeister äußerte sich über die Straßenbahn. " * 5
    assert decode(text.encode("cp1252")) == text


def test_bom_beats_declaration() -> None:
    page = '<meta charset="windows-1251"><p>naïve</p>'
    assert "naïve" in decode(codecs.BOM_UTF8 + page.encode("utf-8"))


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        ("<!doctype html><title>x</title>", True),
        ("  \n<html lang='en'><body>x</body></html>", True),
        ("<div><p>one</p><p>two</p><p>three</p><a href='#'>x</a><br></div>", True),
        ("Headline\n\nUse <b> for bold, a reader wrote.\n\n5.5k Points", False),
        ("Plain dump with a < b and c > d", False),
        # Fragments of fewer than five tags, as a CMS field or an API hands them out.
        ("<p>One paragraph.</p>\n<p>Another one.</p>", True),
        ("<h2>Result</h2> The vote passed <b>51-49</b>.", True),
        ("<p>A paragraph wrapped\nover three lines\nas an editor saves it.</p>", True),
        # A page whose markup opens with a script: its code lines carry no tags.
        ("<script>\nvar a = 1;\nvar b = 2;\nvar c = 3;\n</script>\n<div><p>Story.</p></div>", True),
        # innerText dumps that open with a tracking pixel's <noscript> markup, kept as text.
        (
            '<img height="1" width="1" style="display:none" src="https://t.example/p?id=1"> <div>\nNews\nSport\n'
            "Council votes to keep the library open\nThe vote was close.",
            False,
        ),
        ("I <3 this town\n\nAnd so do my neighbours, who wrote in.", False),
    ],
)
def test_html_or_text(text: str, is_html: bool) -> None:
    assert looks_like_html(text) is is_html


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    with pytest.raises(newsparse.UnreadableFileError, match="not a regular file"):
        newsparse.parse(fifo)


def test_a_gzip_bomb_is_refused_once_it_unpacks_past_the_cap(tmp_path: Path) -> None:
    bomb = tmp_path / "page.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b" " * (MAX_PAGE_BYTES + 10), 9))
    with pytest.raises(newsparse.UnreadableFileError, match="unpacks to more than 64 MB"):
        newsparse.parse(bomb)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("https://example.org/2024/05/story.html", "fetch the page and pass its HTML"),
        ("  http://example.org/story?id=7\n", "fetch the page and pass its HTML"),
        ("crawl/2024/page.html.gz", "pass Path('crawl/2024/page.html.gz')"),
        ("exports/page.txt", "pass Path('exports/page.txt')"),
    ],
)
def test_a_str_that_only_points_at_a_page_is_refused_with_the_way_out(text: str, hint: str) -> None:
    with pytest.raises(newsparse.UnsupportedInputError, match=re.escape(hint)):
        newsparse.parse(text)


def test_a_str_naming_an_existing_file_or_folder_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "story"  # no suffix: only its existence tells
    page.write_text("Council keeps the library open\n\nThe council voted to keep the branch open.", encoding="utf-8")
    with pytest.raises(newsparse.UnsupportedInputError, match=re.escape(f"pass Path({str(page)!r})")):
        newsparse.parse_text(str(page))
    with pytest.raises(newsparse.UnsupportedInputError, match="parse_many"):
        newsparse.parse(str(tmp_path))
    assert newsparse.parse(page).headline == "Council keeps the library open"  # the Path reads it


def test_one_line_of_text_is_still_a_page() -> None:
    assert newsparse.parse("Council keeps the library open").headline == "Council keeps the library open"


def test_a_short_fragment_is_read_as_markup() -> None:
    article = newsparse.parse(
        "<h1>Council keeps the library open</h1>\n"
        "<p>The council voted on Tuesday to keep the branch library open for two more years.</p>\n"
        "<p>Opening hours stay as they are, a spokeswoman said after the meeting.</p>"
    )
    assert article.headline == "Council keeps the library open"
    assert article.paragraphs[0].startswith("The council voted")
    assert not any("<" in p for p in article.paragraphs)
