"""Decoding bytes in the order browsers trust, and telling HTML from text dumps."""

from __future__ import annotations

import codecs
import gzip
import os
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
