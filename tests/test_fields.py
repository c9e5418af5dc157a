"""The field rules on their own: scores, author lines and the noise vocabulary, in many languages."""

from __future__ import annotations

from importlib import resources

import pytest

import newsparse
from conftest import SEED
from newsparse.fields.byline import parse_author_line
from newsparse.fields.votes import parse_votes
from newsparse.rules import LANGUAGES, PHRASE_CONCEPTS, WORD_CONCEPTS, rules_for


@pytest.mark.parametrize(
    ("line", "language", "count", "label"),
    [
        ("5.5k Points", "en", 5500, "points"),
        ("847 Points", "en", 847, "points"),
        ("1.2M points", "en", 1_200_000, "points"),
        ("12 votes", "en", 12, "votes"),
        ("1,234 points", "en", 1234, "points"),
        ("12,5k Points", "en", 12500, "points"),
        ("418 upvotes", "en", 418, "upvotes"),
        ("1.1K Likes", "en", 1100, "likes"),
        ("Score: 42", "en", 42, "score"),
        ("-3 points", "en", -3, "points"),
        ("1.234 Punkte", "de", 1234, "points"),
        ("12,5k Punkte", "de", 12500, "points"),
        ("3,2 Mio. Stimmen", "de", 3_200_000, "votes"),
        ("2,1k Points", "fr", 2100, "points"),
        ("1 540 points", "fr", 1540, "points"),
        ("2,5 mil votos", "es", 2500, "votes"),
        ("1.540 puntos", "es", 1540, "points"),
        ("2,5 mil votos", "pt", 2500, "votes"),
        ("3 mi pontos", "pt", 3_000_000, "points"),
        ("4.872 punti", "it", 4872, "points"),
        ("12 voti", "it", 12, "votes"),
        ("1.200 punten", "nl", 1200, "points"),
        ("15 tys. punktów", "pl", 15000, "points"),
        ("1,2 тыс. голосов", "ru", 1200, "votes"),
    ],
)
def test_vote_lines(line: str, language: str, count: int, label: str) -> None:
    votes = parse_votes(line, rules_for(language))
    assert votes == newsparse.VoteCount(count=count, raw=line, label=label)


@pytest.mark.parametrize(
    "line",
    ["the index fell 40 points", "Points", "847", "Top 10 points of the week", "Comments (12)", "12 shares"],
)
def test_lines_that_are_not_scores(line: str) -> None:
    assert parse_votes(line, rules_for("en")) is None


@pytest.mark.parametrize(
    ("line", "language", "names", "is_box"),
    [
        ("Written by Anonymous", "en", ("Anonymous",), True),
        ("By Jane Doe and John Smith", "en", ("Jane Doe", "John Smith"), False),
        ("By John C. Welch", "en", ("John C. Welch",), False),
        ("By Ann Lee, Bo Chen and Cy Diaz", "en", ("Ann Lee", "Bo Chen", "Cy Diaz"), False),
        ("By Jane Doe, Staff Writer", "en", ("Jane Doe",), False),
        ("By Jane Doe | March 3, 2024", "en", ("Jane Doe",), False),
        ("Geschrieben von Katrin Böhm", "de", ("Katrin Böhm",), True),
        ("Von Lena Hoffmann und Jonas Weber", "de", ("Lena Hoffmann", "Jonas Weber"), False),
        ("Écrit par Jean-Luc Martin", "fr", ("Jean-Luc Martin",), True),
        ("Par Claire Dubois et Marc Petit", "fr", ("Claire Dubois", "Marc Petit"), False),
        ("Escrito por María José García", "es", ("María José García",), True),
        ("Por Ana Ruiz y Pedro Gómez", "es", ("Ana Ruiz", "Pedro Gómez"), False),
        ("Escrito por João da Silva", "pt", ("João da Silva",), True),
        ("Scritto da Giulia Conti", "it", ("Giulia Conti",), True),
        ("Di Marco Rossi e Sara Bianchi", "it", ("Marco Rossi", "Sara Bianchi"), False),
        ("Door Sanne de Vries", "nl", ("Sanne de Vries",), False),
        ("Przez Anna Nowak", "pl", ("Anna Nowak",), False),
        ("Автор: Иван Петров и Мария Соколова", "ru", ("Иван Петров", "Мария Соколова"), True),
        ("submitted 5 hours ago by tidewater_k", "en", ("tidewater_k",), False),
        ("Post by m.herrera » Tue Mar 12, 2024 8:41 pm", "en", ("m.herrera",), False),
    ],
)
def test_author_lines(line: str, language: str, names: tuple[str, ...], is_box: bool) -> None:
    assert parse_author_line(line, rules_for(language)) == (names, is_box)


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("By the end of the year, prices had doubled.", "en"),
        ("Di recente il governo ha approvato la riforma.", "it"),
        ("Por la mañana llovió en toda la provincia.", "es"),
        ("By Reuters", "en"),
        ("Written by Staff", "en"),
        ("Lead pipes to be replaced by 2027", "en"),
        ("Rates expected to fall by mid-2025", "en"),
        ("by greenmanure » Sun Oct 08, 2023 5:12 pm » in Soil, Beds & Compost", "en"),
    ],
)
def test_sentences_and_publishers_are_not_bylines(line: str, language: str) -> None:
    assert parse_author_line(line, rules_for(language)) is None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("concept", [*PHRASE_CONCEPTS, *WORD_CONCEPTS, "vote_label", "numbers"])
def test_every_language_has_every_vocabulary(language: str, concept: str) -> None:
    data = resources.files("newsparse.rules") / "data" / language / f"{concept}.txt"
    lines = [line for line in data.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    assert lines, f"{language}/{concept}.txt is empty"


def _seed_with(old: str, new: str) -> str:
    text = (SEED / "input.txt").read_text("utf-8")
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize(
    ("line", "count"),
    [("847 Points", 847), ("1.2M points", 1_200_000), ("12 votes", 12), ("1,234 points", 1234)],
)
def test_seed_theme_with_other_figures(line: str, count: int) -> None:
    article = newsparse.parse_text(_seed_with("5.5k Points", line))
    assert article.votes is not None
    assert (article.votes.count, article.votes.raw) == (count, line)
    assert len(article.paragraphs) == 8


def test_seed_without_votes_byline_or_related() -> None:
    text = _seed_with("5.5k Points\nUpvote Downvote\n", "")
    text = text[: text.index("Written by")] + "Leave a Reply\n"
    article = newsparse.parse_text(text)
    assert (article.votes, article.byline, article.related) == (None, None, ())
    assert len(article.paragraphs) == 8
