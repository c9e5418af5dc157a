"""The newsparse command: formats, standard input, and bad files that do not stop the rest."""

from __future__ import annotations

import io
import json
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
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


# ---------------------------------------------------------------- an output that cannot be written


@pytest.mark.parametrize("name", ["folder.jsonl", "folder.parquet", "missing/out.jsonl", "missing/out.parquet"])
def test_an_output_that_cannot_be_opened_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    for folder in ("folder.jsonl", "folder.parquet"):
        (tmp_path / folder).mkdir()
    with pytest.raises(SystemExit) as exited:
        main([str(SEED_TEXT), "-o", str(tmp_path / name), "--workers", "0"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"cannot write {tmp_path / name}" in err
    assert "Traceback" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a disk that is always full")
def test_a_full_disk_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED_TEXT), str(SEED_TEXT), "-o", "/dev/full", "--format", "jsonl", "--workers", "0"]) == 74
    err = capsys.readouterr().err
    assert "newsparse: cannot write /dev/full: No space left on device; the records written so far are whole" in err
    assert "--resume" in err


def _limit_file_size(size: int) -> Callable[[], None]:
    def limit() -> None:  # in the child: writes past ``size`` fail with EFBIG, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def test_resume_finishes_a_batch_a_full_disk_stopped(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for i in range(6):
        shutil.copy(SEED_TEXT, crawl / f"page-{i}.txt")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsparse", str(crawl), "-o", str(out), "--workers", "0"]
    size = len(json.dumps(json.loads(_seed_record(tmp_path)), ensure_ascii=False)) * 5 // 2  # 2.5 records
    full = subprocess.run(command, capture_output=True, text=True, timeout=120, preexec_fn=_limit_file_size(size))
    assert full.returncode == 74, full.stderr
    assert "Traceback" not in full.stderr
    assert "cannot write" in full.stderr
    assert 0 < out.stat().st_size <= size
    done = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = out.read_text("utf-8").splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(crawl / f"page-{i}.txt") for i in range(6)]


def _seed_record(tmp_path: Path) -> str:
    out = tmp_path / "seed.jsonl"
    main([str(SEED_TEXT), "-o", str(out), "--workers", "0"])
    return out.read_text("utf-8")


# ---------------------------------------------------------------- what reaches a terminal


def test_control_characters_never_reach_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = SEED_TEXT.read_text("utf-8")
    pages = tmp_path / "pages.jsonl"
    hostile = [
        {"id": "title", "text": page, "url": "https://news.example/\x1b]0;pwned\x07"},
        {"id": "lines", "text": page, "url": "https://news.example/\r\nInjected: yes"},
        {"id": "\x1b[31mred\x9b2J", "html": ""},  # its failure goes to stderr, its id in it
    ]
    pages.write_text("".join(json.dumps(line) + "\n" for line in hostile))
    assert main([str(pages), "--id-field", "id", "--format", "text", "--workers", "0"]) == 1
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert not [c for c in stream if c != "\n" and not c.isprintable()], stream
    assert "\nInjected: yes" not in captured.out
    assert "newsparse: \\x1b[31mred\\x9b2J: EmptyInputError: " in captured.err
