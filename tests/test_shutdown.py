"""A batch whose main process is killed: its workers end quietly, and none outlives it."""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import SEED

# One worker is held in a minute-long task (as by a page that never finishes) and never sends
# again; the other parses page after page, so the kill finds it parsing and its send fails.
SCRIPT = """
import multiprocessing, sys, time
from newsparse.batch import Document, parse_many


class Hang(Document):
    __slots__ = ()

    def __reduce__(self):
        return time.sleep, (60,)


def documents():
    yield Hang("hang", content="x")
    page = open(sys.argv[1], encoding="utf-8").read()
    while True:
        yield Document("page", content=page)


if __name__ == "__main__":
    records = parse_many(documents(), workers=2, ordered=False, timeout=None)
    next(records)
    print(*(p.pid for p in multiprocessing.active_children()), flush=True)
    for _ in records:
        pass
"""
# Starting Python, newsparse and a forkserver takes a second or two; a dead parent's workers
# should be gone at once: the bound only keeps a broken build from hanging the suite.
START_SECONDS = 60.0
GONE_SECONDS = 5.0
EXIT_SECONDS = 1.0


def _alive(pid: int) -> bool:
    """Running, not a zombie (whether an orphan's zombie is reaped depends on the host's init)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _survivors(pids: list[int]) -> list[int]:
    """The processes still alive after a moment: one that has closed its files may take a few
    more microseconds to become a zombie."""
    deadline = time.monotonic() + EXIT_SECONDS
    while (alive := [pid for pid in pids if _alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="reads process states from /proc (Linux)")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killing_the_parent_ends_its_workers_without_a_traceback(tmp_path: Path, signum: int) -> None:
    script = tmp_path / "batch.py"
    script.write_text(SCRIPT)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(SEED / "input.txt")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: list[int] = []
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], START_SECONDS)
        workers = [int(pid) for pid in proc.stdout.readline().split()] if ready else []
        assert len(workers) == 2, "the batch did not start"
        time.sleep(0.3)  # the busy worker is in the middle of its pages
        os.kill(proc.pid, signum)
        # stderr closes when every process holding it has ended: workers, forkserver and all.
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.communicate(timeout=GONE_SECONDS)
        survivors = _survivors(workers)
    finally:
        proc.kill()
        for pid in filter(_alive, workers):  # a failed run's: not left to the next test
            os.kill(pid, signal.SIGKILL)
    _, err = proc.communicate()
    assert survivors == []
    assert err == ""


# ---------------------------------------------------------------- SIGTERM to the command

# What `timeout`, systemd and `docker stop` send; systemd sends it to the whole group.
PAGES = 3000  # seconds of work at hundreds of pages a second


def _crawl(folder: Path) -> list[Path]:
    """Pages, the first of them binary: its failure, told on stderr, says the workers are at work."""
    folder.mkdir()
    (folder / "0-binary.html").write_bytes(bytes(range(256)) * 4)
    for i in range(PAGES):
        shutil.copy(SEED / "input.txt", folder / f"page-{i:04}.txt")
    return sorted(folder.iterdir())


def _records_of(out: Path) -> list[str]:
    """The sources an output holds; it must be whole: a JSON array, a Parquet file."""
    if out.suffix == ".parquet":
        return [str(s) for s in pq.read_table(out).column("source").to_pylist()]
    return [record["source"] for record in json.loads(out.read_text("utf-8"))]


def _started(process: subprocess.Popen[str]) -> str:
    """Wait until the workers have parsed the first page (its failure is on stderr), and a few more."""
    assert process.stderr is not None
    ready, _, _ = select.select([process.stderr], [], [], START_SECONDS)
    first = process.stderr.readline() if ready else ""
    assert "DecodeError" in first, f"the run did not start: {process.poll()}"
    time.sleep(0.2)
    return first


@pytest.mark.parametrize("target", ["command", "group"])
@pytest.mark.parametrize("fmt", ["json", "parquet"])
def test_sigterm_closes_the_output_whole_and_exits_143(tmp_path: Path, fmt: str, target: str) -> None:
    pages = _crawl(tmp_path / "crawl")
    out = tmp_path / f"out.{fmt}"
    command = [sys.executable, "-m", "newsparse", str(tmp_path / "crawl"), "-o", str(out), "--workers", "2"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        first = _started(process)
        if target == "group":
            os.killpg(process.pid, signal.SIGTERM)
        else:
            os.kill(process.pid, signal.SIGTERM)
        _, rest = process.communicate(timeout=START_SECONDS)
        err = first + rest
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 143, err
    assert "Traceback" not in err
    assert "terminated; the records written so far are whole" in err
    sources = _records_of(out)
    assert 1 < len(sources) < len(pages)
    assert sources == [str(page) for page in pages[: len(sources)]]  # in order, none lost, none crashed
    assert "WorkerCrashed" not in err
