"""The batch command's outputs: every format read back, resume after a torn record or a kill,
exit codes and the summary line.

Most runs are in-process with ``--workers 0``; a few use a real pool, and the kill and
interrupt tests run the command as a separate process group.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import FIXTURES, ROOT
from newsparse import Article, Byline, RelatedLink, VoteCount, read_records
from newsparse.batch import parse_many
from newsparse.batch.outputs import open_writer
from newsparse.batch.pool import parse_document
from newsparse.batch.records import Document, Failure, Parsed, Record, record_from_dict
from newsparse.batch.table import COLUMNS, flat_record
from newsparse.cli import main

# A small crawl: pages with quotes and newlines in their bodies, votes, bylines, related
# links, two text dumps, and one input that cannot parse (sorted last).
PAGES = {
    "01-council.html": "html-en-no-metadata",
    "02-forum.html": "html-forum-thread",
    "03-likes.html": "html-votes-likes-k",
    "04-yarpp.html": "html-related-yarpp-fr",
    "05-goat.txt": "text-goat-cliff-rescue",
    "06-radweg.txt": "text-de-radweg-lindenau",
}
BROKEN = "07-broken.html"
SUMMARY = re.compile(
    r"newsparse: (?P<done>\d+) inputs: (?P<parsed>\d+) parsed, (?P<failed>\d+) failed(?: \((?P<kinds>[^)]*)\))?"
    r"(?:, (?P<skipped>\d+) skipped as already done)?; [\d.]+ docs/s over [\d.]+ s$",
    re.MULTILINE,
)
# A subprocess must be done long before this; a poll gives up after it.
DEADLINE = 60.0


def fixture_input(case: str) -> Path:
    [found] = (FIXTURES / case).glob("input.*")
    return found


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    folder = tmp_path / "crawl"
    folder.mkdir()
    for name, case in PAGES.items():
        shutil.copy(fixture_input(case), folder / name)
    (folder / BROKEN).write_bytes(bytes(range(256)) * 4)  # binary: DecodeError
    return folder


def inputs_of(crawl: Path) -> list[Path]:
    return sorted(crawl.iterdir())


def reference(paths: list[Path]) -> list[Record]:
    """What each input should give, parsed in this process without the command."""
    return [parse_document(Document(str(p), path=str(p))) for p in paths]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def summary(err: str) -> dict[str, str | None]:
    found = SUMMARY.findall(err)
    assert len(found) == 1, err
    match = SUMMARY.search(err)
    assert match is not None
    return match.groupdict()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


# ---------------------------------------------------------------- every format


@pytest.mark.parametrize("workers", ["0", "2"])
def test_jsonl_records_round_trip_to_what_parse_gives(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    out = tmp_path / "out.jsonl"
    status, stdout, err = run(capsys, crawl, "-o", out, "--workers", workers)
    assert (status, stdout) == (1, "")
    records = [record_from_dict(data) for data in read_jsonl(out)]
    assert records == reference(inputs_of(crawl))
    assert isinstance(records[-1], Failure)
    assert records[-1].error == "DecodeError"
    assert summary(err) == {"done": "7", "parsed": "6", "failed": "1", "kinds": "1 DecodeError", "skipped": None}


def test_json_is_one_array_with_a_record_per_input(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = reference(inputs_of(crawl))
    status, stdout, _ = run(capsys, crawl, "--workers", "0")  # JSON on standard output by default
    assert status == 1
    assert [record_from_dict(data) for data in json.loads(stdout)] == expected
    out = tmp_path / "out.json"
    assert run(capsys, crawl, "-o", out, "--workers", "0")[0] == 1
    assert json.loads(out.read_text("utf-8")) == json.loads(stdout)


def test_csv_has_a_row_per_input_with_lists_as_json_and_bodies_whole(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    assert run(capsys, crawl, "-o", out, "--workers", "0")[0] == 1
    with out.open(encoding="utf-8", newline="") as stream:
        assert next(csv.reader(stream)) == list(COLUMNS)
    rows = read_csv(out)
    expected = reference(inputs_of(crawl))
    assert [row["source"] for row in rows] == [r.source for r in expected]
    for row, record in zip(rows, expected, strict=True):
        for column, value in flat_record(record).items():
            if COLUMNS[column] == "list":
                assert json.loads(row[column]) == value, column
            elif COLUMNS[column] == "timestamp":
                assert row[column] == (value.isoformat() if value else ""), column
            else:
                assert row[column] == ("" if value is None else str(value)), column
    bodies = [row["body"] for row in rows if row["body"]]
    assert len(bodies) == len(PAGES)
    assert all("\n\n" in body for body in bodies)  # paragraphs, kept inside their quoted cells
    assert any('"' in body for body in bodies)  # and quotes too
    assert any(json.loads(row["authors"]) for row in rows)
    assert any(json.loads(row["related_urls"]) for row in rows)


def test_parquet_has_a_row_per_input_and_list_columns(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.parquet"
    assert run(capsys, crawl, "-o", out, "--workers", "0")[0] == 1
    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS)
    for name, kind in COLUMNS.items():
        if kind == "list":
            assert table.schema.field(name).type == pa.list_(pa.string())
    frame = pd.read_parquet(out)
    expected = reference(inputs_of(crawl))
    assert len(frame) == len(expected)
    for (_, row), record in zip(frame.iterrows(), expected, strict=True):
        assert row["source"] == record.source
        if isinstance(record, Parsed):
            assert list(row["paragraphs"]) == list(record.article.paragraphs)
            assert row["headline"] == record.article.headline
            assert list(row["related_urls"]) == [r.url for r in record.article.related]
            assert pd.isna(row["error"])
        else:
            assert row["error"] == record.error
            assert list(row["paragraphs"]) == []


def test_text_is_a_reading_view_of_every_input(crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.txt"
    assert run(capsys, crawl, "-o", out, "--format", "text", "--workers", "0")[0] == 1
    text = out.read_text("utf-8")
    for record in reference(inputs_of(crawl)):
        assert f"# {record.source}\n" in text
        if isinstance(record, Parsed):
            assert f"\n{record.article.headline}\n" in text
            assert record.article.paragraphs[-1] in text
        else:
            assert f"(failed: DecodeError: {record.message})" in text
    assert text.count("\n# ") + text.startswith("# ") == len(PAGES) + 1


# ---------------------------------------------------------------- resume


@pytest.mark.parametrize("tear", ["half", "all-but-newline", "one-byte"])
def test_resume_trims_a_torn_jsonl_line_and_does_the_rest(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], tear: str
) -> None:
    full = tmp_path / "full.jsonl"
    run(capsys, crawl, "-o", full, "--workers", "0")
    lines = full.read_bytes().splitlines(keepends=True)
    done = 3
    torn = lines[done]
    cut = {"half": len(torn) // 2, "all-but-newline": len(torn) - 1, "one-byte": 1}[tear]
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(lines[:done]) + torn[:cut])  # a run killed while writing its 4th record
    status, _, err = run(capsys, crawl, "-o", out, "--resume", "--workers", "0")
    assert status == 1  # the broken input is done again, and fails again
    counts = summary(err)
    assert (counts["done"], counts["failed"], counts["skipped"]) == (str(len(lines) - done), "1", str(done))
    assert out.read_bytes() == full.read_bytes()  # every input once, in order, the torn one whole


def test_resume_trims_a_csv_record_torn_inside_its_quoted_body(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = inputs_of(crawl)
    first, full = tmp_path / "first.csv", tmp_path / "full.csv"
    run(capsys, *paths[:3], "-o", first, "--workers", "0")
    run(capsys, *paths, "-o", full, "--workers", "0")
    head, whole = first.read_bytes(), full.read_bytes()
    assert whole.startswith(head)
    # The 4th record cut just after a newline inside its body: the line ends, the record does not.
    rest = whole[len(head) :]
    newline = rest.index(b"\n") + 1
    assert rest[:newline].count(b'"') % 2 == 1
    out = tmp_path / "out.csv"
    out.write_bytes(head + rest[:newline])
    status, _, err = run(capsys, crawl, "-o", out, "--resume", "--workers", "0")
    assert status == 1
    assert summary(err)["skipped"] == "3"
    assert out.read_bytes() == whole  # no second header, no half record
    assert [row["source"] for row in read_csv(out)] == [str(p) for p in paths]


def test_resume_without_earlier_output_is_a_fresh_run(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "new.csv"
    status, _, err = run(capsys, crawl, "-o", out, "--resume", "--workers", "0")
    assert status == 1
    assert summary(err)["skipped"] is None
    assert len(read_csv(out)) == len(PAGES) + 1


def test_resume_after_everything_is_done_does_nothing(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    run(capsys, crawl, "-o", out, "--workers", "0")
    before = out.read_bytes()
    status, _, err = run(capsys, crawl, "-o", out, "--resume", "--workers", "0")
    assert status == 0
    skipped = str(len(PAGES) + 1)
    assert summary(err) == {"done": "0", "parsed": "0", "failed": "0", "kinds": None, "skipped": skipped}
    assert out.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["--resume", "-o", "{tmp}/out.json"], "--resume works with jsonl or csv output, not json"),
        (["--resume", "-o", "{tmp}/out.parquet"], "not parquet"),
        (["--resume", "-o", "{tmp}/out.jsonl", "--format", "text"], "not text"),
        (["--resume"], "--resume needs -o"),
        (["--format", "parquet"], "Parquet output needs a file"),
        (["--timeout", "-1", "-o", "{tmp}/out.json"], "--timeout must be positive"),
        (["--timeout", "nan", "-o", "{tmp}/out.json"], "--timeout must be positive"),
        (["--workers", "-1", "-o", "{tmp}/out.json"], "--workers must be 0"),
        (["--max-memory", "0", "-o", "{tmp}/out.json"], "--max-memory must be a positive number of MB"),
        (["-o", "{tmp}/out.jsonl.gz"], "compressed output is not written"),
        (["-o", "{tmp}/out.txt"], "cannot tell the format"),
        (["--format", "xml"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2_and_leave_the_output_alone(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], problem: str
) -> None:
    for name in ("out.json", "out.parquet", "out.jsonl"):
        (tmp_path / name).write_text("an earlier run's output\n")
    with pytest.raises(SystemExit) as exited:
        main([str(crawl), *(arg.format(tmp=tmp_path) for arg in args)])
    assert exited.value.code == 2
    assert problem in capsys.readouterr().err
    for name in ("out.json", "out.parquet", "out.jsonl"):
        assert (tmp_path / name).read_text() == "an earlier run's output\n"


def many_pages(folder: Path, copies: int = 3, cases: int = 50) -> list[Path]:
    """A crawl of copies * cases fixture pages, each copy under its own name."""
    folder.mkdir()
    names = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())[:cases]
    for copy in range(copies):
        for case in names:
            source = fixture_input(case)
            shutil.copy(source, folder / f"{case}-{copy}{source.suffix}")
    return sorted(folder.iterdir())


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "newsparse", *(str(arg) for arg in args)]


def start(*args: str | Path) -> subprocess.Popen[str]:
    """The command in its own process group (its workers too), as a shell would start it."""
    return subprocess.Popen(
        command(*args),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_for_records(process: subprocess.Popen[str], out: Path, count: int) -> int:
    """Poll until ``out`` holds ``count`` whole records; the number it holds then."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        lines = out.read_bytes().count(b"\n") if out.exists() else 0
        if lines >= count:
            return lines
        assert process.poll() is None, f"the run ended before {count} records: {process.communicate()}"
        time.sleep(0.005)
    raise AssertionError(f"fewer than {count} records after {DEADLINE} s")


def complete(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The command run to its end, its output captured."""
    return subprocess.run(command(*args), cwd=ROOT, capture_output=True, text=True, timeout=DEADLINE)


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = process.communicate(timeout=DEADLINE)
    return process.returncode, err


@pytest.fixture
def killed_group() -> Iterator[list[subprocess.Popen[str]]]:
    """Processes a test started; any still running at its end are killed with their group."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_a_run_killed_midway_resumes_to_every_input_exactly_once(
    tmp_path: Path, killed_group: list[subprocess.Popen[str]]
) -> None:
    pages = many_pages(tmp_path / "crawl")
    out = tmp_path / "out.jsonl"
    process = start(tmp_path / "crawl", "-o", out, "--workers", "2")
    killed_group.append(process)
    wait_for_records(process, out, 5)
    os.killpg(process.pid, signal.SIGKILL)  # the command and its workers, with no chance to tidy up
    assert process.wait(timeout=DEADLINE) == -signal.SIGKILL
    written = out.read_bytes()
    whole = written.count(b"\n")
    assert 5 <= whole < len(pages), "the kill came after the run's end: nothing to resume"

    done = complete(tmp_path / "crawl", "-o", out, "--workers", "2", "--resume")
    assert done.returncode == 0, done.stderr
    counts = summary(done.stderr)
    assert counts["skipped"] == str(whole)
    assert int(counts["done"] or 0) + whole == len(pages)
    assert counts["parsed"] == counts["done"]
    # The records of the first run stand as they were written; a torn last line is gone.
    assert out.read_bytes().startswith(written[: written.rindex(b"\n") + 1])
    sources = Counter(record["source"] for record in read_jsonl(out))
    assert sources == Counter({str(page): 1 for page in pages})


def test_ctrl_c_exits_130_with_whole_records_and_resume_goes_on(
    tmp_path: Path, killed_group: list[subprocess.Popen[str]]
) -> None:
    pages = many_pages(tmp_path / "crawl")
    out = tmp_path / "out.jsonl"
    process = start(tmp_path / "crawl", "-o", out, "--workers", "2")
    killed_group.append(process)
    wait_for_records(process, out, 3)
    os.kill(process.pid, signal.SIGINT)  # to the command alone, as a terminal's Ctrl-C would reach it first
    status, err = finish(process)
    assert status == 130, err
    assert "interrupted; the records written so far are whole" in err
    text = out.read_text("utf-8")
    assert text.endswith("\n")
    first = read_jsonl(out)
    assert 3 <= len(first) < len(pages)
    # Counted as written (Ctrl-C may fall between a record's writing and its count).
    assert int(summary(err)["done"] or 0) in (len(first), len(first) - 1)
    resumed = complete(tmp_path / "crawl", "-o", out, "--workers", "0", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert [record["source"] for record in read_jsonl(out)] == [str(page) for page in pages]


# ---------------------------------------------------------------- exit codes, summary, options


def test_exit_0_when_every_input_parsed(crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (crawl / BROKEN).unlink()
    status, _, err = run(capsys, crawl, "-o", tmp_path / "out.jsonl", "--workers", "0")
    assert status == 0
    assert summary(err) == {"done": "6", "parsed": "6", "failed": "0", "kinds": None, "skipped": None}
    # To standard output with nothing to report, standard error stays quiet.
    status, out, err = run(capsys, crawl / "05-goat.txt", "--workers", "0")
    assert (status, err) == (0, "")
    assert json.loads(out)[0]["source"] == str(crawl / "05-goat.txt")


def test_exit_1_names_each_failure_and_counts_them_by_kind(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.html"
    pattern = f"{tmp_path}/nothing/**/*.html"
    status, out, err = run(capsys, missing, crawl, pattern, "--format", "jsonl", "--workers", "0")
    assert status == 1
    sources = [record["source"] for record in map(json.loads, out.splitlines())]
    assert sources == [str(missing), *map(str, inputs_of(crawl)), pattern]
    assert f"newsparse: {missing}: UnreadableFileError: " in err
    assert f"newsparse: {crawl / BROKEN}: DecodeError: input looks binary" in err
    counts = summary(err)
    assert (counts["done"], counts["parsed"], counts["failed"]) == ("9", "6", "3")
    assert counts["kinds"] == "2 UnreadableFileError, 1 DecodeError"


def test_exit_130_on_ctrl_c_closes_the_json_array(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> Iterator[Record]:
        records = parse_many(*args, **kwargs)
        yield next(records)
        yield next(records)
        raise KeyboardInterrupt

    monkeypatch.setattr("newsparse.cli.parse_many", interrupted)
    out = tmp_path / "out.json"
    status, _, err = run(capsys, crawl, "-o", out, "--workers", "0")
    assert status == 130
    assert "interrupted" in err
    assert [record["source"] for record in json.loads(out.read_text("utf-8"))] == [str(p) for p in inputs_of(crawl)[:2]]


def test_url_is_given_to_the_inputs_that_carry_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    no_metadata = tmp_path / "council.html"
    shutil.copy(fixture_input("html-en-no-metadata"), no_metadata)
    canonical = tmp_path / "lyon.html"
    shutil.copy(fixture_input("html-drupal-fr"), canonical)
    dump = fixture_input("text-goat-cliff-rescue").read_text("utf-8")
    lines = tmp_path / "lines.jsonl.gz"
    own = "https://news.example/goat"
    lines.write_bytes(
        gzip.compress((json.dumps({"text": dump, "url": own}) + "\n" + json.dumps({"text": dump})).encode())
    )
    given = "https://fallback.example/page"
    status, out, _ = run(capsys, no_metadata, canonical, lines, "--url", given, "--format", "jsonl", "--workers", "0")
    assert status == 0
    urls = [json.loads(line)["url"] for line in out.splitlines()]
    lyon = "https://www.rhonematin.fr/lyon/education/trente-cours-ecole-vegetalisees-2026"
    assert urls == [given, lyon, own, given]
    _, out, _ = run(capsys, no_metadata, lines, "--format", "jsonl", "--workers", "0")
    assert [json.loads(line)["url"] for line in out.splitlines()] == [None, own, None]


def test_unordered_gives_the_same_records(crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ordered, unordered = tmp_path / "ordered.jsonl", tmp_path / "unordered.jsonl"
    assert run(capsys, crawl, "-o", ordered, "--workers", "2")[0] == 1
    assert run(capsys, crawl, "-o", unordered, "--workers", "2", "--unordered")[0] == 1

    def by_source(path: Path) -> dict[str, dict[str, Any]]:
        records = read_jsonl(path)
        assert len(records) == len(PAGES) + 1
        return {record["source"]: record for record in records}

    assert by_source(unordered) == by_source(ordered)


def test_an_output_inside_the_crawl_is_not_read_back(crawl: Path) -> None:
    out = crawl / "out.jsonl"  # a .jsonl file in the folder being walked
    for extra in ([], ["--resume"]):
        done = subprocess.run(
            command(crawl, "-o", out, "--workers", "0", *extra),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=20,  # reading its own records back, it would never end
        )
        records = read_jsonl(out)
        assert [record["source"] for record in records] == [str(crawl / name) for name in [*PAGES, BROKEN]]
        assert done.returncode == (0 if extra else 1), done.stderr


def test_field_names_where_jsonl_lines_hold_their_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "export.ndjson"
    page = fixture_input("html-related-yarpp-fr").read_text("utf-8")
    lines.write_text(json.dumps({"body": page, "html": "<p>decoy</p>"}) + "\n" + json.dumps({"html": page}) + "\n")
    status, out, err = run(capsys, lines, "--field", "body", "--format", "jsonl", "--workers", "0")
    assert status == 1
    first, second = map(json.loads, out.splitlines())
    assert first["source"] == f"{lines}:1"
    expected = parse_document(Document("page", page))
    assert isinstance(expected, Parsed)
    assert first["headline"] == expected.article.headline
    assert (second["source"], second["error"]) == (f"{lines}:2", "InvalidInput")
    assert "no text in field 'body'" in err


def test_failed_rows_have_lists_of_their_own() -> None:
    first, second = (flat_record(Failure(source, "Timeout", "no result after 60 s")) for source in "ab")
    first["authors"].append("someone")
    first["paragraphs"].append("a paragraph")
    assert (second["authors"], second["paragraphs"]) == ([], [])
    assert flat_record(Failure("c", "Timeout", ""))["authors"] == []


# ---------------------------------------------------------------- hostile values: no record stops a writer

LONE = "\ud800"  # a lone surrogate, as a JSON escape or surrogateescape leaves it: UTF-8 cannot write it
GOOD = Article(headline="A good article", paragraphs=("A paragraph of prose.",))
SURROGATES = Article(
    headline="Lone surrogates in its links",
    paragraphs=("A paragraph of prose.",),
    byline=Byline(("Ann Lee",), url=f"https://news.example/ann{LONE}"),
    related=(RelatedLink("More", f"https://news.example/more{LONE}"),),
    url=f"https://news.example/story{LONE}",
)
HUGE_VOTES = Article(headline="Votes past int64", votes=VoteCount(10**4300 - 1, "9" * 4300, "likes"))
FORMULAS = Article(
    headline='=HYPERLINK("https://evil.example", "Click")',
    paragraphs=("+1 for this", "-2 against", "@SUM(A1:A9)", "\tindented", "'=already quoted"),
    byline=Byline(("=cmd|' /C calc'!A0",), bio="-bio"),
    votes=VoteCount(-12, "-12 points", "points"),
    site_name="@SUM(1+1)*cmd|' /C calc'!A0",
    related=(RelatedLink("=link title", "https://news.example/a"),),
)


def written(records: list[Record], out: Path) -> None:
    """The records through the command's own writer for ``out``'s format, as ``_run`` opens it."""
    fmt = out.suffix[1:]
    if fmt == "parquet":
        writer = open_writer(None, str(out), fmt)
        for record in records:
            writer.write(record)
        writer.close()
        return
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = open_writer(stream, str(out), fmt)
        for record in records:
            writer.write(record)
        writer.close()


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "parquet"])
def test_a_lone_surrogate_is_written_and_so_is_every_record_after_it(tmp_path: Path, fmt: str) -> None:
    records: list[Record] = [Parsed("before", GOOD), Parsed(f"lone{LONE}", SURROGATES), Parsed("after", GOOD)]
    out = tmp_path / f"out.{fmt}"
    written(records, out)
    if fmt != "parquet":
        out.read_bytes().decode("utf-8")  # valid UTF-8 that any reader opens
    back = list(read_records(out))
    assert [r.source for r in back][::2] == ["before", "after"]
    if fmt in ("jsonl", "json"):  # escaped as JSON allows: read back exactly
        assert back == records
    else:  # a table is UTF-8 text: the lone surrogate becomes U+FFFD
        middle = back[1]
        assert isinstance(middle, Parsed)
        assert middle.source == "lone\ufffd"
        assert middle.article.url == "https://news.example/story\ufffd"
        assert middle.article.byline == Byline(("Ann Lee",), url="https://news.example/ann\ufffd")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_a_vote_count_past_int64_loses_no_record(tmp_path: Path, fmt: str) -> None:
    records: list[Record] = [Parsed("before", GOOD), Parsed("huge", HUGE_VOTES), Parsed("after", GOOD)]
    out = tmp_path / f"out.{fmt}"
    written(records, out)
    back = list(read_records(out))
    assert [r.source for r in back] == ["before", "huge", "after"]
    huge = back[1]
    assert isinstance(huge, Parsed)
    if fmt == "jsonl":
        assert huge == records[1]
    else:  # no int64 holds it: the count is left out, as a page without one
        assert huge.article.headline == HUGE_VOTES.headline
        assert huge.article.votes is None


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_an_article_no_row_holds_is_an_internal_error_row_and_the_rest_is_written(tmp_path: Path, fmt: str) -> None:
    late = datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-12)))  # year 10000 in UTC
    records: list[Record] = [Parsed("before", GOOD), Parsed("late", Article(headline="Late", published=late))]
    out = tmp_path / f"out.{fmt}"
    written([*records, Parsed("after", GOOD)], out)
    before, failed, after = read_records(out)
    assert (before, after) == (records[0], Parsed("after", GOOD))
    assert isinstance(failed, Failure)
    assert (failed.source, failed.error) == ("late", "InternalError")
    assert "no table row holds this article" in failed.message


def test_csv_cells_that_start_a_formula_are_quoted_and_read_back_as_they_were(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    records: list[Record] = [Parsed("=source", FORMULAS), Failure("@failed", "Timeout", "-1 s")]
    written(records, out)
    rows = read_csv(out)
    assert rows[0]["source"] == "'=source"
    assert rows[0]["headline"] == '\'=HYPERLINK("https://evil.example", "Click")'
    assert rows[0]["site_name"].startswith("'@SUM(")
    assert rows[0]["author_bio"] == "'-bio"
    assert rows[0]["votes_raw"] == "'-12 points"
    assert rows[0]["votes"] == "-12"  # a number we wrote is no formula: it stays a number
    assert rows[0]["body"].startswith("'+1 for this")
    assert rows[1]["source"] == "'@failed"
    assert rows[1]["message"] == "'-1 s"
    assert not [row[c] for row in rows for c in COLUMNS if COLUMNS[c] == "str" and row[c][:1] in tuple("=+-@\t\r")]
    # Read back, every cell is what the record held: paragraphs, authors and titles are JSON lists.
    [parsed, failed] = read_records(out)
    assert failed == records[1]
    assert isinstance(parsed, Parsed)
    assert parsed.source == "=source"
    article = parsed.article
    assert (article.headline, article.paragraphs, article.site_name) == (
        FORMULAS.headline,
        FORMULAS.paragraphs,
        FORMULAS.site_name,
    )
    assert (article.byline, article.votes, article.related) == (FORMULAS.byline, FORMULAS.votes, FORMULAS.related)


def test_jsonl_and_parquet_keep_formula_like_values_exact(tmp_path: Path) -> None:
    for fmt in ("jsonl", "parquet"):
        out = tmp_path / f"out.{fmt}"
        written([Parsed("=source", FORMULAS)], out)
        [back] = read_records(out)
        assert isinstance(back, Parsed)
        assert (back.source, back.article.headline, back.article.site_name) == (
            "=source",
            FORMULAS.headline,
            FORMULAS.site_name,
        )


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_json_escapes_what_a_terminal_would_obey_and_reads_back_exactly(tmp_path: Path, fmt: str) -> None:
    """JSON escapes C0 controls itself; C1 controls (CSI is \\x9b), bidi overrides and line
    separators are escaped too, so ``newsparse page.html`` on a terminal shows them inertly."""
    article = Article(
        headline="C1 \x9b2J, bidi \u202eevil\u202c, \u2028 and \x1b[2J", paragraphs=("Caf\u00e9 \u00e0 Zaidi\u200cya",)
    )
    records: list[Record] = [Parsed("hostile", article)]
    out = tmp_path / f"out.{fmt}"
    written(records, out)
    text = out.read_text("utf-8")
    assert not [c for c in text if c not in "\n" and not c.isprintable() and c != "\u200c"]
    assert "Caf\u00e9 \u00e0" in text  # other text stays as it is
    assert list(read_records(out)) == records
