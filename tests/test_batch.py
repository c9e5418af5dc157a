"""parse_many: one record per input, in order, whatever an input does to its worker."""

from __future__ import annotations

import ctypes
import itertools
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsparse
from conftest import FIXTURES, SEED, fixtures
from newsparse.batch import Document, Failure, Parsed, parse_many
from newsparse.batch.pool import default_workers

SEED_TEXT = (SEED / "input.txt").read_text("utf-8")
PAGES = [f.input for f in fixtures("html")][:12]


class Segfault(Document):
    """A document whose unpickling crashes the process that receives it, as a segfault in a
    C library would: the worker dies mid-task, with no Python exception to catch."""

    __slots__ = ()

    def __reduce__(self) -> tuple[object, tuple[int]]:
        return ctypes.string_at, (0,)


class Hang(Document):
    """A document whose unpickling blocks for a minute in the worker, as a page that sends a
    parser into an endless loop would."""

    __slots__ = ()

    def __reduce__(self) -> tuple[object, tuple[int]]:
        return time.sleep, (60,)


def _articles(records: list[newsparse.Parsed | newsparse.Failure]) -> list[newsparse.Article]:
    return [r.article for r in records if isinstance(r, Parsed)]


def test_records_match_parse_in_input_order() -> None:
    records = list(parse_many(PAGES, workers=2))
    assert [r.source for r in records] == [str(p) for p in PAGES]
    assert _articles(records) == [newsparse.parse(p) for p in PAGES]


def test_unordered_and_in_process_give_the_same_records() -> None:
    ordered = list(parse_many(PAGES, workers=2))
    unordered = list(parse_many(PAGES, workers=2, ordered=False))
    in_process = list(parse_many(PAGES, workers=0))
    assert sorted(unordered, key=lambda r: r.source) == sorted(ordered, key=lambda r: r.source)
    assert in_process == ordered


def test_mixed_sources_each_give_one_record(tmp_path: Path) -> None:
    sources: list[newsparse.batch.Source] = [
        SEED_TEXT,  # a page's text
        b"\x00\x01\x02 binary",  # not a page
        tmp_path / "missing.html",  # a path that is not there
        Document("mine", content=SEED_TEXT, kind="text", url="https://example.org/a"),
        "   ",  # empty
    ]
    records = list(parse_many(sources, workers=2))
    assert [r.source for r in records] == [
        "<input 0>",
        "<input 1>",
        str(tmp_path / "missing.html"),
        "mine",
        "<input 4>",
    ]
    assert [r.ok for r in records] == [True, False, False, True, False]
    errors = [r.error for r in records if isinstance(r, Failure)]
    assert errors == ["DecodeError", "UnreadableFileError", "EmptyInputError"]
    mine = records[3]
    assert isinstance(mine, Parsed)
    assert mine.article.url == "https://example.org/a"


def test_a_directory_is_one_record_per_page() -> None:
    records = list(parse_many([FIXTURES], workers=2))
    inputs = sorted(FIXTURES.glob("*/input.*"))
    assert len(records) == len(inputs)
    assert all(r.ok for r in records)


def test_a_worker_that_dies_gives_one_failure_and_the_batch_goes_on() -> None:
    docs = [Document("before", content=SEED_TEXT), Segfault("crash", content="x"), Document("after", content=SEED_TEXT)]
    records = list(parse_many(docs, workers=1))
    assert [r.source for r in records] == ["before", "crash", "after"]
    crash = records[1]
    assert isinstance(crash, Failure)
    assert crash.error == "WorkerCrashed"
    assert "-11" in crash.message  # SIGSEGV
    assert records[0] == Parsed("before", newsparse.parse(SEED_TEXT))
    assert records[2] == Parsed("after", newsparse.parse(SEED_TEXT))


def test_a_page_past_its_deadline_is_stopped_and_the_batch_goes_on() -> None:
    docs = [Hang("slow", content="x"), Document("quick", content=SEED_TEXT)]
    started = time.monotonic()
    records = list(parse_many(docs, workers=1, timeout=0.5))
    assert time.monotonic() - started < 30  # not the minute the hang would take
    slow, quick = records
    assert isinstance(slow, Failure)
    assert (slow.source, slow.error) == ("slow", "Timeout")
    assert quick == Parsed("quick", newsparse.parse(SEED_TEXT))


# A million one-word paragraphs: 8 MB that take about +380 MB to parse (docs/reliability.md).
HUNGRY = "<html><body><h1>Hungry</h1>" + "<p>a</p>" * 1_000_000 + "</body></html>"


@pytest.mark.skipif(not Path("/proc/self/statm").is_file(), reason="reads memory from /proc (Linux)")
def test_a_worker_past_its_memory_limit_is_stopped_and_the_batch_goes_on() -> None:
    docs = [
        Document("before", content=SEED_TEXT),
        Document("hungry", content=HUNGRY),
        Document("after", content=SEED_TEXT),
    ]
    records = list(parse_many(docs, workers=1, max_memory_mb=300))
    assert [r.source for r in records] == ["before", "hungry", "after"]
    hungry = records[1]
    assert isinstance(hungry, Failure)
    assert (hungry.error, hungry.message) == ("MemoryLimit", "over 300 MB of memory; the worker was stopped")
    assert records[2] == Parsed("after", newsparse.parse(SEED_TEXT))
    # without the limit the same page parses
    (parsed,) = parse_many([Document("hungry", content=HUNGRY)], workers=1)
    assert isinstance(parsed, Parsed)


@pytest.mark.parametrize("limit", [0, -5])
def test_a_memory_limit_must_be_positive(limit: int) -> None:
    with pytest.raises(ValueError, match="max_memory_mb must be positive"):
        parse_many([Document("a", content=SEED_TEXT)], workers=1, max_memory_mb=limit)


def test_inputs_are_pulled_lazily_and_work_in_flight_is_bounded() -> None:
    pulled = 0

    def endless() -> Iterator[Document]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield Document(f"doc {i}", content=SEED_TEXT)

    records = parse_many(endless(), workers=2)
    first = list(itertools.islice(records, 40))
    assert [r.source for r in first] == [f"doc {i}" for i in range(40)]
    assert pulled <= 40 + 2 * newsparse.batch.PENDING_PER_WORKER
    records.close()  # type: ignore[attr-defined]  # stops the workers


def test_progress_bar_counts_documents_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    records = list(parse_many([SEED_TEXT, b"\x00\x00\x00\x00"], workers=0, progress=True))
    assert len(records) == 2
    bar = capsys.readouterr().err
    assert "| 2/2 [" in bar  # a list: counted up front (tests/test_progress.py has the rest)
    assert "errors=1" in bar


def test_default_workers_follow_the_cpus_available() -> None:
    assert default_workers() == len(os.sched_getaffinity(0))


def test_a_script_read_from_stdin_can_run_a_pool() -> None:
    """Spawned and forkserver workers re-run the main script, which "<stdin>" does not have."""
    script = (
        "import newsparse\n"
        "page = 'Headline here\\n\\nA paragraph long enough to be prose, it really is long enough.'\n"
        "print(sorted({r.ok for r in newsparse.parse_many([page] * 4, workers=2)}))\n"
    )
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "[True]", done.stderr


def test_a_script_without_a_main_guard_is_told_why_its_workers_die(tmp_path: Path) -> None:
    script = tmp_path / "unguarded.py"
    script.write_text(f"import newsparse\nprint(list(newsparse.parse_many([{SEED_TEXT[:80]!r}], workers=1)))\n")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "WorkerStartError" in done.stderr
    assert "if __name__ ==" in done.stderr


def test_a_path_given_as_text_gets_a_record_saying_to_pass_a_path() -> None:
    path = str(SEED / "input.txt")
    [record, parsed] = parse_many([path, Path(path)], workers=0)
    assert isinstance(record, Failure)
    assert (record.error, record.source) == ("UnsupportedInputError", "<input 0>")
    assert f"pass Path({path!r})" in record.message
    assert isinstance(parsed, Parsed)
