"""Scraper damage in text dumps: mojibake, invisible characters, duplicated lines, cookie banners."""

from __future__ import annotations

import newsparse
from conftest import SEED

SEED_TEXT = (SEED / "input.txt").read_text("utf-8")


def test_mojibake_is_repaired_in_every_line() -> None:
    broken = SEED_TEXT.replace("’", "\u00e2\u20ac\u2122").replace("“", "\u00e2\u20ac\u0153")
    assert "â€™" in broken
    article = newsparse.parse_text(broken)
    assert article.paragraphs == newsparse.parse_text(SEED_TEXT).paragraphs


def test_invisible_characters_and_no_break_spaces() -> None:
    damaged = (
        SEED_TEXT.replace("Armenia", "Arme\u00adnia").replace(" ", "\u00a0", 40).replace("clashes", "cla\u200bshes")
    )
    article = newsparse.parse_text(damaged)
    assert article.headline == "Azerbaijan and Armenia resume armed clashes"
    assert article.paragraphs == newsparse.parse_text(SEED_TEXT).paragraphs


def test_a_duplicated_paragraph_keeps_one_copy() -> None:
    first = "According to a statement issued by Armenia on Tuesday, 15 of its soldiers have been killed"
    line = next(line for line in SEED_TEXT.splitlines() if line.startswith(first))
    doubled = SEED_TEXT.replace(line, f"{line}\n{line}")
    article = newsparse.parse_text(doubled)
    assert article.paragraphs.count(line) == 1
    assert any(r.rule == "noise.duplicate_line" and r.text == line for r in article.removed)


def test_cookie_banner_and_menu_around_the_article_are_dropped() -> None:
    banner = "We use cookies to improve your experience on our website. By browsing, you accept our cookie policy."
    menu = "\n".join(["Home", "World", "Politics", "Business", "Sport", "Culture", "Contact us"])
    article = newsparse.parse_text(f"{menu}\n\n{banner}\n\n{SEED_TEXT}\n\n{menu}\n© 2021 Balochistan Post")
    assert article.headline == "Azerbaijan and Armenia resume armed clashes"
    assert article.paragraphs == newsparse.parse_text(SEED_TEXT).paragraphs
    assert any(r.rule == "noise.cookie_banner" for r in article.removed)
