"""The newsparse command: formats, standard input, and bad files that do not stop the rest."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import SEED
from newsparse.cli import main

SEED_TEXT = SEED / "input.txt"
EXPECTED = json.loads((SEED / "expected.json").read_text("utf-8"))


def test_json_output_matches_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED_TEXT)]) == 0
    [record] = json.loads(capsys.readouterr().out)
    assert record["source"] == str(SEED_TEXT)
    for key in ("headline", "paragraphs", "votes", "related", "language"):
        assert record[key] == EXPECTED[key]
    assert record["byline"]["authors"] == EXPECTED["byline"]["authors"]
    assert record["byline"]["bio"] == EXPECTED["byline"]["bio"]
    assert {r["text"] for r in record["removed"]} >= set(EXPECTED["removed_noise"])


def test_jsonl_has_one_line_per_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED_TEXT), str(SEED_TEXT), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["headline"] for line in lines] == [EXPECTED["headline"]] * 2


def test_text_output_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    main([str(SEED_TEXT), "--format", "text"])
    out = capsys.readouterr().out
    assert EXPECTED["headline"] in out
    assert '\nVotes: 5,500 points (raw: "5.5k Points")\n' in out
    assert EXPECTED["paragraphs"][-1] in out
    assert "Upvote Downvote" not in out


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(SEED_TEXT.read_bytes())))
    assert main(["-", "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["votes"]["count"] == 5500


def test_unreadable_file_is_reported_and_the_rest_still_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    missing = tmp_path / "missing.html"
    status = main([str(missing), str(SEED_TEXT), str(empty), "--format", "jsonl"])
    captured = capsys.readouterr()
    assert status == 1
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["source"] for r in records] == [str(missing), str(SEED_TEXT), str(empty)]
    assert [r.get("error") for r in records] == ["UnreadableFileError", None, "EmptyInputError"]
    assert records[1]["headline"] == EXPECTED["headline"]
    assert "missing.html: UnreadableFileError" in captured.err
    assert "empty.txt: EmptyInputError: the input is empty" in captured.err
    assert "3 inputs: 1 parsed, 2 failed (1 UnreadableFileError, 1 EmptyInputError)" in captured.err


def test_installed_command_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsparse", str(SEED_TEXT), "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["byline"]["authors"] == ["Anonymous"]


def test_a_reader_that_stops_early_is_no_error(tmp_path: Path) -> None:
    pages = [str(SEED_TEXT)] * 30
    command = [sys.executable, "-m", "newsparse", *pages, "--format", "text", "--workers", "0"]
    reader = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None
    reader.stdout.readline()
    reader.stdout.close()  # like `| head -1`
    _, err = reader.communicate(timeout=120)
    assert reader.returncode == 0
    assert b"Traceback" not in err


def test_the_output_may_not_be_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages.jsonl"
    pages.write_text(json.dumps({"text": SEED_TEXT.read_text("utf-8")}) + "\n")
    with pytest.raises(SystemExit) as exited:
        main([str(pages), "-o", str(pages)])
    assert exited.value.code == 2
    assert "is also an input" in capsys.readouterr().err
    assert pages.read_text().startswith('{"text"')  # untouched


def test_resume_refuses_an_output_that_is_not_ours(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    first = '{"source": "a", "error": "Timeout", "message": "no result after 60 s"}\n'
    out.write_text(first + "not json at all\n" + '{"source": "b"', encoding="utf-8")  # and a torn last line
    before = out.read_bytes()
    with pytest.raises(SystemExit) as exited:
        main([str(SEED_TEXT), "-o", str(out), "--resume"])
    assert exited.value.code == 2
    assert f"line 2 of {out} is no newsparse record" in capsys.readouterr().err
    assert out.read_bytes() == before  # the torn line is cut only from a file that is ours


def test_dependency_notes_stay_off_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Bytes that decode only with replacement characters: bs4 logs a note about them.
    page = tmp_path / "latin.html"
    page.write_bytes(b"<html><body><h1>Caf\xe9 \x81\x8d\x8f</h1><p>" + b"Word \xff\xfe. " * 50 + b"</p></body></html>")
    main([str(page), "--format", "jsonl", "--workers", "0"])
    assert "could not be decoded" not in capsys.readouterr().err


@pytest.mark.skipif(not Path("/proc/self/statm").is_file(), reason="reads memory from /proc (Linux)")
def test_a_page_past_the_memory_limit_is_one_failed_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hungry = tmp_path / "hungry.html"  # a million one-word paragraphs: about +380 MB to parse
    hungry.write_text("<html><body><h1>Hungry</h1>" + "<p>a</p>" * 1_000_000 + "</body></html>")
    status = main([str(hungry), str(SEED_TEXT), "--format", "jsonl", "--workers", "1", "--max-memory", "300"])
    captured = capsys.readouterr()
    assert status == 1
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r.get("error") for r in records] == ["MemoryLimit", None]
    assert "2 inputs: 1 parsed, 1 failed (1 MemoryLimit)" in captured.err
