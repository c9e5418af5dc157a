"""The progress bar: a total and an ETA when the inputs can be counted without reading them,
none when they cannot; a notebook widget where Jupyter has ipywidgets, the text bar elsewhere."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsparse.cli
from conftest import SEED, fixtures
from newsparse.batch import Document, Failure, parse_many
from newsparse.batch.progress import expected_records
from newsparse.cli import main

PAGE_TEXT = (SEED / "input.txt").read_text("utf-8")
HTML_PAGES = [f.input for f in fixtures("html")][:3]


def _shown_totals(err: str) -> set[str]:
    """The "done/total" counts a text bar drew ("3/3"); a bar without a total draws none."""
    return {total for _, total in re.findall(r"(\d+)/(\d+)", err)}


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    """Three pages in two folders, and files a walk passes over: a hidden one, an image."""
    root = tmp_path / "crawl"
    (root / "2024").mkdir(parents=True)
    shutil.copy(HTML_PAGES[0], root / "a.html")
    shutil.copy(HTML_PAGES[1], root / "2024" / "b.html")
    shutil.copy(SEED / "input.txt", root / "2024" / "c.txt")
    (root / ".hidden.html").write_text("<p>not walked</p>")
    (root / "logo.png").write_bytes(b"\x89PNG")
    return root


def _jsonl(path: Path, count: int) -> Path:
    path.write_text("".join(json.dumps({"text": PAGE_TEXT}) + "\n" for _ in range(count)))
    return path


def test_a_list_of_files_shows_its_total(capsys: pytest.CaptureFixture[str]) -> None:
    records = list(parse_many(HTML_PAGES, workers=0, progress=True))
    assert len(records) == 3
    assert _shown_totals(capsys.readouterr().err) == {"3"}


def test_a_directory_is_walked_for_the_total(crawl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = list(parse_many([crawl, Document("doc", PAGE_TEXT), PAGE_TEXT], workers=0, progress=True))
    assert len(records) == 5
    assert _shown_totals(capsys.readouterr().err) == {"5"}


def test_a_jsonl_file_leaves_the_total_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = list(parse_many([HTML_PAGES[0], _jsonl(tmp_path / "pages.jsonl", 2)], workers=0, progress=True))
    assert len(records) == 3
    err = capsys.readouterr().err
    assert _shown_totals(err) == set()
    assert "3doc" in err.replace(" ", "")


def test_an_iterator_is_not_used_up_for_a_count(capsys: pytest.CaptureFixture[str]) -> None:
    records = list(parse_many(iter(HTML_PAGES), workers=0, progress=True))
    assert len(records) == 3
    assert _shown_totals(capsys.readouterr().err) == set()


def test_a_given_total_is_shown(capsys: pytest.CaptureFixture[str]) -> None:
    list(parse_many(iter(HTML_PAGES), workers=0, progress=True, total=3))
    assert _shown_totals(capsys.readouterr().err) == {"3"}


def test_the_count_waits_until_the_batch_is_used(crawl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = parse_many([crawl], workers=0, progress=True)
    shutil.copy(HTML_PAGES[2], crawl / "d.html")  # written after the call, before the first record
    assert len(list(records)) == 4
    assert _shown_totals(capsys.readouterr().err) == {"4"}


def test_counting_reads_names_only(crawl: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    jsonl = _jsonl(tmp_path / "pages.jsonl", 2)
    gone = tmp_path / "missing.html"  # gives one Failure record
    sources = [crawl, gone, Document("d", PAGE_TEXT), Failure("f", "E", "m"), "text", b"bytes"]
    monkeypatch.setattr("builtins.open", None)  # a count that opened a file would fail
    assert expected_records(sources) == 3 + 1 + 4
    assert expected_records((Path(crawl, "**", "*.html"),)) == 2  # a glob, expanded
    assert expected_records([crawl, jsonl]) is None
    monkeypatch.undo()
    (crawl / "2024" / "crawl.warc.gz").write_bytes(b"")
    assert expected_records([crawl]) is None
    assert expected_records(iter([Document("d", PAGE_TEXT)])) is None


# --- the command --------------------------------------------------------------------


def test_the_command_shows_the_total_of_a_walked_directory(crawl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = crawl / "out.jsonl"  # in the crawl: not an input, and no JSONL to leave the total unknown
    out.write_text("")
    assert main([str(crawl), str(SEED / "input.txt"), "-o", str(out), "--progress", "--workers", "0"]) == 0
    assert _shown_totals(capsys.readouterr().err) == {"4"}
    assert len(out.read_text().splitlines()) == 4


def test_the_command_counts_only_what_is_left_to_resume(crawl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = crawl.parent / "out.jsonl"
    main([str(crawl / "a.html"), "-o", str(out), "--workers", "0"])
    capsys.readouterr()
    main([str(crawl), "-o", str(out), "--resume", "--progress", "--workers", "0"])
    err = capsys.readouterr().err
    assert _shown_totals(err) == {"2"}
    assert "1 skipped as already done" in err


def test_the_command_with_a_jsonl_input_shows_no_total(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = _jsonl(tmp_path / "pages.jsonl", 2)
    main([str(crawl), str(pages), "-o", str(tmp_path / "out.jsonl"), "--progress", "--workers", "0"])
    err = capsys.readouterr().err
    assert _shown_totals(err) == set()
    assert "5 inputs: 5 parsed" in err


def test_the_command_walks_nothing_up_front_without_a_bar(
    crawl: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_count(*_: object) -> None:
        raise AssertionError("counted the inputs with no bar to show the total")

    monkeypatch.setattr(newsparse.cli, "_inputs_left", no_count)
    assert main([str(crawl), "-o", str(tmp_path / "out.jsonl"), "--no-progress", "--workers", "0"]) == 0


# --- notebooks ------------------------------------------------------------------------

# A Jupyter kernel as tqdm.auto recognises one (tqdm 4.67+ by its modules, earlier ones by
# the shell's config), without Jupyter installed.
FAKE_KERNEL = """
shell = type("ZMQInteractiveShell", (), {"config": {"IPKernelApp": {}}})()
sys.modules["IPython"] = types.ModuleType("IPython")
sys.modules["IPython"].get_ipython = lambda: shell
sys.modules["ipykernel"] = types.ModuleType("ipykernel")
sys.modules["ipykernel.zmqshell"] = types.ModuleType("ipykernel.zmqshell")
"""
NO_WIDGETS = 'sys.modules["ipywidgets"] = None  # not installed\n'
STUB_WIDGETS = """
sys.modules["ipywidgets"] = widgets = types.ModuleType("ipywidgets")
widgets.HTML, widgets.FloatProgress, widgets.HBox = (type(name, (), {}) for name in ("HTML", "FP", "HBox"))
"""
REPORT = """
import tqdm.notebook
from newsparse.batch import parse_many
from newsparse.batch.progress import _bar_type
print("notebook" if issubclass(_bar_type(), tqdm.notebook.tqdm) else "text")
"""
BATCH = "list(parse_many(['a page', 'another page'], workers=0, progress=True))"


def _python(*parts: str) -> subprocess.CompletedProcess[str]:
    """The script run with every warning shown, so one that slipped through would be seen."""
    script = "import sys, types\n" + "".join(parts)
    return subprocess.run(
        [sys.executable, "-W", "always", "-c", script], capture_output=True, text=True, timeout=120, check=True
    )


def test_a_notebook_without_ipywidgets_gets_the_text_bar_and_no_warning() -> None:
    done = _python(FAKE_KERNEL, NO_WIDGETS, REPORT, BATCH)
    assert done.stdout == "text\n"
    assert "IProgress" not in done.stderr
    assert "Warning" not in done.stderr
    assert _shown_totals(done.stderr) == {"2"}


def test_a_notebook_with_ipywidgets_gets_the_widget() -> None:
    done = _python(FAKE_KERNEL, STUB_WIDGETS, REPORT)
    assert done.stdout == "notebook\n"
    assert done.stderr == ""


def test_outside_a_notebook_the_text_bar_is_used() -> None:
    done = _python(STUB_WIDGETS, REPORT)
    assert done.stdout == "text\n"
