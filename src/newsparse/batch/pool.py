"""A process pool that gives every document one record, whatever the document does.

``concurrent.futures`` cannot stop one task: a page that loops forever would hold its worker
and the batch's end. Here each worker takes one document at a time over a pipe, and the
parent watches the clock: a worker past its document's deadline is killed and replaced, and
the document gets a ``Timeout`` record; a worker whose resident memory passes the limit is
killed the same way (``MemoryLimit``), before the kernel's OOM killer picks a victim; a worker
that dies (a segfault in a C library, the OOM killer) gives a ``WorkerCrashed`` record. Either
way the batch goes on.

Memory stays flat: documents are pulled from the input iterator only when a worker is free,
and at most ``max_pending`` records wait for an earlier one when the order is kept.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkContext, ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import MappingProxyType

from newsparse.batch.records import (
    INTERNAL_ERROR,
    MEMORY_LIMIT,
    TIMEOUT,
    WORKER_CRASHED,
    Document,
    Failure,
    Parsed,
    Record,
)
from newsparse.errors import NewsparseError, WorkerStartError
from newsparse.pipeline import parse, parse_html, parse_text

__all__ = ["default_workers", "parse_document", "run_pool"]

# How long a new worker may take to import newsparse and report for work.
START_SECONDS = 120.0
READY = "ready"
# A killed worker's pipe can take a moment to report EOF; this bounds the wait for it.
JOIN_SECONDS = 5.0
# How often a busy worker's memory is read when there is a limit: a parse grows by a few
# hundred MB a second at most, so the overshoot stays small.
MEMORY_POLL_SECONDS = 0.2
MB = 1024 * 1024
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

_DOORS = MappingProxyType({"auto": parse, "html": parse_html, "text": parse_text})


def parse_document(doc: Document) -> Record:
    """Parse one document in this process: its record, never an exception."""
    door = _DOORS[doc.kind]
    try:
        source = doc.content if doc.content is not None else Path(doc.path or "")
        return Parsed(doc.id, door(source, url=doc.url), doc.origin)
    except NewsparseError as exc:
        return doc.failure(type(exc).__name__, str(exc))
    except MemoryError as exc:  # the process's own limit (ulimit -v), not the pool's
        return doc.failure(MEMORY_LIMIT, f"the process ran out of memory: {exc}")
    except Exception as exc:  # a bug in newsparse: reported in the record, the batch goes on
        return doc.failure(INTERNAL_ERROR, f"{type(exc).__name__}: {exc}")


def _serve(conn: Connection) -> None:
    """A worker's life: documents in, records out, until the parent sends None or goes away."""
    # Ctrl-C and SIGTERM are the parent's to handle: it stops us. systemd and a terminal send
    # them to the whole group, and a worker that died of one would give its page a crash record.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _exit_with_parent()
    # A parent killed (SIGKILL, SIGTERM) leaves a closed pipe: EOF on recv, BrokenPipeError or
    # ConnectionResetError on send. Nobody is left to read a traceback; the worker just ends.
    with contextlib.suppress(EOFError, OSError):
        conn.send(READY)
        while (task := conn.recv()) is not None:
            seq, doc = task
            conn.send((seq, parse_document(doc)))


def _exit_with_parent() -> None:
    """End this worker as soon as its parent process ends, even mid-parse: a worker on a page
    that never finishes would otherwise outlive it, with no parent left to enforce the timeout.

    multiprocessing hands every child a sentinel, a pipe whose other end only the parent holds
    (for forkserver and spawn children too, not just forks): it reads as ready when the parent is
    gone. A thread waits on it, so the check costs nothing while the parent lives, and works
    wherever multiprocessing does (unlike Linux's PR_SET_PDEATHSIG, which would watch the
    forkserver, not the parent)."""
    parent = multiprocessing.parent_process()
    if parent is None:  # parse_document called in the main process
        return

    def watch(sentinel: int) -> None:
        wait([sentinel])
        os._exit(0)

    threading.Thread(target=watch, args=(parent.sentinel,), name="newsparse-parent-watch", daemon=True).start()


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    task: tuple[int, Document] | None = None
    deadline: float = float("inf")


def _context() -> ForkServerContext | SpawnContext | ForkContext:
    """A forkserver that has imported newsparse once: workers start fast, without the parent's
    threads (a progress bar's, Dask's). Spawn where there is no forkserver (Windows).

    Both run the main script again in each worker; a script read from stdin ("<stdin>") has
    no file to run, so there the workers are plain forks of this process."""
    methods = multiprocessing.get_all_start_methods()
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    if main is not None and not os.path.isfile(main) and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newsparse.pipeline", "newsparse.batch.pool"])
    return context


def resident_bytes(pid: int) -> int | None:
    """A process's resident memory, from /proc (Linux); None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE_BYTES
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class _Pool:
    size: int
    timeout: float | None
    max_memory: int | None = None  # bytes of resident memory a worker may hold
    context: ForkServerContext | SpawnContext | ForkContext = field(default_factory=_context)
    workers: list[_Worker] = field(default_factory=list)

    def start(self) -> None:
        """Start the workers and wait for each to say it is ready: one that dies first cannot
        parse anything, and the caller should hear why instead of a crash record per page."""
        self.workers = [self._spawn() for _ in range(self.size)]
        for worker in self.workers:
            ready = worker.conn.poll(START_SECONDS)
            try:
                greeting = worker.conn.recv() if ready else None
            except (EOFError, OSError):
                greeting = None
            if greeting != READY:
                worker.process.join(JOIN_SECONDS)
                code = worker.process.exitcode
                self.close()
                raise WorkerStartError(
                    f"a worker process did not start (exit code {code}). In a script, start the batch under "
                    "'if __name__ == \"__main__\":', since each worker process imports the script again."
                )

    def _spawn(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child,), daemon=True, name="newsparse-worker")
        process.start()
        child.close()
        return _Worker(process, parent)

    def idle(self) -> _Worker | None:
        return next((w for w in self.workers if w.task is None), None)

    def busy(self) -> list[_Worker]:
        return [w for w in self.workers if w.task is not None]

    def submit(self, worker: _Worker, seq: int, doc: Document) -> Failure | None:
        try:
            worker.conn.send((seq, doc))
        except (OSError, ValueError) as exc:  # a dead worker's pipe, or a document pickle refuses
            self._replace(worker)
            return doc.failure(WORKER_CRASHED, f"could not hand the document to a worker: {exc}")
        worker.task = (seq, doc)
        worker.deadline = time.monotonic() + self.timeout if self.timeout is not None else float("inf")
        return None

    def collect(self) -> list[tuple[int, Record]]:
        """Wait for the first result or deadline; the records that are ready, with their seq."""
        busy = self.busy()
        if not busy:
            return []
        wait_for = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        if self.max_memory is not None:
            wait_for = min(wait_for, MEMORY_POLL_SECONDS)
        ready = wait([w.conn for w in busy], timeout=None if wait_for == float("inf") else wait_for)
        done: list[tuple[int, Record]] = []
        for worker in busy:
            if worker.conn in ready:
                received = self._receive(worker)
                if received is not None:
                    done.append(received)
            elif time.monotonic() >= worker.deadline:
                done.append(self._expire(worker, TIMEOUT, f"no result after {self.timeout:g} s"))
            elif self._over_memory(worker):
                done.append(self._expire(worker, MEMORY_LIMIT, f"over {(self.max_memory or 0) // MB:,} MB of memory"))
        return done

    def _over_memory(self, worker: _Worker) -> bool:
        if self.max_memory is None or worker.process.pid is None:
            return False
        resident = resident_bytes(worker.process.pid)
        return resident is not None and resident > self.max_memory

    def _receive(self, worker: _Worker) -> tuple[int, Record] | None:
        """The worker's record; None for a replacement worker's greeting, sent before its result."""
        assert worker.task is not None
        seq, doc = worker.task
        try:
            message = worker.conn.recv()
            if message == READY:
                return None
            got_seq, record = message
        except (EOFError, OSError):
            worker.process.join(JOIN_SECONDS)
            code = worker.process.exitcode
            self._replace(worker)
            return seq, doc.failure(WORKER_CRASHED, f"the worker died (exit code {code}) on this document")
        worker.task, worker.deadline = None, float("inf")
        if self._over_memory(worker):  # Python keeps what a big page took: the next page starts clean
            self._replace(worker)
        return got_seq, record

    def _expire(self, worker: _Worker, error: str, why: str) -> tuple[int, Record]:
        assert worker.task is not None
        seq, doc = worker.task
        self._replace(worker)
        return seq, doc.failure(error, f"{why}; the worker was stopped")

    def _replace(self, worker: _Worker) -> None:
        _stop(worker)
        self.workers[self.workers.index(worker)] = self._spawn()

    def close(self) -> None:
        for worker in self.workers:
            _stop(worker, gently=worker.task is None)
        self.workers = []


def _stop(worker: _Worker, *, gently: bool = False) -> None:
    if gently:
        with contextlib.suppress(OSError, ValueError):  # already gone
            worker.conn.send(None)
        worker.process.join(JOIN_SECONDS)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join(JOIN_SECONDS)
    worker.conn.close()


def run_pool(
    items: Iterable[Document | Failure],
    *,
    workers: int,
    timeout: float | None,
    ordered: bool,
    max_pending: int,
    max_memory: int | None = None,
) -> Iterator[Record]:
    """Records for ``items`` from ``workers`` processes: in input order when ``ordered``,
    else as they complete. Failures already in ``items`` pass through in their place.
    ``max_memory``: bytes of resident memory a worker may hold (Linux)."""
    pool = _Pool(size=workers, timeout=timeout, max_memory=max_memory)
    source = enumerate(items)
    waiting: dict[int, Record] = {}  # finished, held for an earlier record (ordered mode)
    next_out = 0
    dispatched = 0
    exhausted = False
    pool.start()
    try:
        while True:
            while not exhausted and dispatched - next_out < max_pending and (worker := pool.idle()) is not None:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                seq, doc = item
                dispatched += 1
                early = doc if isinstance(doc, Failure) else pool.submit(worker, seq, doc)
                if early is not None:
                    waiting[seq] = early
            for seq, record in pool.collect():
                waiting[seq] = record
            if ordered:
                while next_out in waiting:
                    yield waiting.pop(next_out)
                    next_out += 1
            else:
                for seq in sorted(waiting):
                    yield waiting.pop(seq)
                    next_out += 1
            if exhausted and not pool.busy() and not waiting:
                return
    finally:
        pool.close()


def default_workers() -> int:
    """The CPUs this process may run on (its affinity mask, not the host's count; a container's
    CPU quota is not seen here: pass ``workers`` to match it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)
