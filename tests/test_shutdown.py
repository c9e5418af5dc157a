"""A batch whose main process is killed: its workers end quietly, and none outlives it."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

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
