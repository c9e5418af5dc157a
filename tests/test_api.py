"""The public surface: names, types, round trips and the error tree."""

from __future__ import annotations

import dataclasses
import gzip
import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

import newsparse
from conftest import ROOT, SEED


def test_all_is_pinned() -> None:
    assert sorted(newsparse.__all__) == [
        "Article",
        "Byline",
        "DecodeError",
        "Document",
        "EmptyInputError",
        "Failure",
        "ForeignFileError",
        "NewsparseError",
        "Parsed",
        "RelatedLink",
        "Removal",
        "UnreadableFileError",
        "UnsupportedInputError",
        "VoteCount",
        "WorkerStartError",
        "__version__",
        "documents",
        "parse",
        "parse_html",
        "parse_many",
        "parse_text",
        "read_records",
        "to_dataframe",
    ]


def test_package_ships_py_typed() -> None:
    assert (Path(newsparse.__file__).parent / "py.typed").is_file()


def test_article_is_frozen_and_slotted() -> None:
    article = newsparse.parse(SEED / "input.txt")
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.headline = "changed"  # type: ignore[misc]
    assert not hasattr(article, "__dict__")


def test_body_joins_paragraphs_with_blank_lines() -> None:
    article = newsparse.Article(paragraphs=("One.", "Two."))
    assert article.body == "One.\n\nTwo."
    assert "body" not in article.to_dict()


@pytest.mark.parametrize(
    "published",
    [None, date(2024, 3, 5), datetime(2024, 3, 5, 14, 30, tzinfo=timezone.utc)],
)
def test_to_dict_round_trips_through_json(published: date | None) -> None:
    seed = newsparse.parse(SEED / "input.txt")
    article = dataclasses.replace(seed, published=published, url="https://example.org/a", site_name="Example")
    data = json.loads(article.to_json())
    assert newsparse.Article.from_dict(data) == article
    assert data["published"] == (published.isoformat() if published else None)


def test_seed_through_every_door_is_the_same(tmp_path: Path) -> None:
    text = (SEED / "input.txt").read_text("utf-8")
    packed = tmp_path / "seed.txt.gz"
    packed.write_bytes(gzip.compress(text.encode("utf-8")))
    by_path = newsparse.parse(SEED / "input.txt")
    assert newsparse.parse(text) == by_path
    assert newsparse.parse_text(text) == by_path
    assert newsparse.parse(text.encode("utf-8")) == by_path
    assert newsparse.parse(packed) == by_path


def test_error_tree_subclasses_builtins() -> None:
    assert issubclass(newsparse.NewsparseError, ValueError)
    assert issubclass(newsparse.DecodeError, UnicodeError)
    assert issubclass(newsparse.UnsupportedInputError, TypeError)
    for error in (newsparse.EmptyInputError, newsparse.DecodeError, newsparse.UnreadableFileError):
        assert issubclass(error, newsparse.NewsparseError)


@pytest.mark.parametrize("source", ["", "   \n\t \n", b"", b"\xef\xbb\xbf  \n"])
def test_empty_input_is_refused(source: str | bytes) -> None:
    with pytest.raises(newsparse.EmptyInputError):
        newsparse.parse(source)


def test_binary_input_is_refused() -> None:
    with pytest.raises(newsparse.DecodeError, match="binary"):
        newsparse.parse(bytes(range(256)) * 20)


def test_missing_file_is_refused_with_its_cause(tmp_path: Path) -> None:
    with pytest.raises(newsparse.UnreadableFileError) as info:
        newsparse.parse(tmp_path / "absent.html")
    assert isinstance(info.value.__cause__, FileNotFoundError)


def test_other_types_are_refused() -> None:
    with pytest.raises(newsparse.UnsupportedInputError, match="int"):
        newsparse.parse(42)  # type: ignore[arg-type]


def test_the_readme_python_example_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    article = namespace["article"]
    assert isinstance(article, newsparse.Article)
    for line in code.splitlines():  # every "expr  # value" comment of the example holds
        expr, _, shown = line.partition("  # ")
        if expr.startswith("article.") and shown.startswith(("'", '"', "(", "V")):
            assert repr(eval(expr, namespace)) == shown.strip(), expr
