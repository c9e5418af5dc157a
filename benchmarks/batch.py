"""Batch throughput and memory: parse_many's process pool, the Dask path, and the pool users
would write by hand around trafilatura, on the shared benchmark's pages repeated.

    python benchmarks/batch.py [DATA_DIR] [--docs 5000] [--small 1000]

The 181 pages of ``DATA_DIR/html`` are repeated to ``--docs`` documents (each read from its
file by a worker, as a crawl on disk is). Reported: documents per second with 1 and 2 worker
processes, the speed-up, the peak resident memory of the whole process tree (parent, fork
server and workers) at ``--small`` and ``--docs`` documents, and a Dask LocalCluster of 2
worker processes reading the same files. Timings include starting the pool's workers; the
Dask cluster is started beforehand, as a long-lived cluster is. The machine's load average
and CPU count are printed at the start and at the end: the speed-up means little on a machine
that other processes keep busy.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
from scoring import DEFAULT_DATA, pages, require_data

import newsparse
from newsparse.batch import Document

SAMPLE_SECONDS = 0.02


@dataclass
class Run:
    name: str
    docs: int
    seconds: float
    peak_mb: float | None = None

    @property
    def rate(self) -> float:
        return self.docs / self.seconds


def page_files(data: Path) -> list[Path]:
    return [data / "html" / f"{page_id}.html.gz" for page_id, _ in pages(data / "html", ".html.gz")]


def corpus(files: list[Path], count: int) -> list[Document]:
    """``count`` documents cycling through ``files``, each with its own id."""
    return [Document(id=f"{files[i % len(files)]}#{i}", path=str(files[i % len(files)])) for i in range(count)]


@contextmanager
def peak_rss() -> Iterator[list[float]]:
    """The highest total RSS (MB) of this process and its descendants while the block runs."""
    peak = [0.0]
    stop = threading.Event()
    me = psutil.Process()

    def sample() -> None:
        while not stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):  # a worker that just exited
                    total += process.memory_info().rss
            peak[0] = max(peak[0], total / 2**20)
            stop.wait(SAMPLE_SECONDS)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        stop.set()
        thread.join()


def run_pool(docs: list[Document], workers: int) -> Run:
    with peak_rss() as peak:
        start = time.perf_counter()
        records = sum(1 for _ in newsparse.parse_many(docs, workers=workers))
        seconds = time.perf_counter() - start
    assert records == len(docs)
    return Run(f"newsparse.parse_many, {workers} worker{'s' * (workers > 1)}", records, seconds, peak[0])


def _trafilatura_file(path: str) -> str:
    import gzip

    import trafilatura

    return trafilatura.extract(gzip.decompress(Path(path).read_bytes()).decode("utf-8", "replace")) or ""


def run_trafilatura_pool(docs: list[Document], workers: int) -> Run:
    """What users write without newsparse: multiprocessing.Pool.imap over trafilatura.extract
    (no timeouts, no record per failure), for scale."""
    with peak_rss() as peak:
        start = time.perf_counter()
        with multiprocessing.get_context("forkserver").Pool(workers) as pool:
            count = sum(1 for _ in pool.imap(_trafilatura_file, [d.path for d in docs], chunksize=8))
        seconds = time.perf_counter() - start
    return Run(f"multiprocessing.Pool + trafilatura.extract, {workers} workers", count, seconds, peak[0])


def run_dask(files: list[Path], count: int, workers: int) -> Run:
    from dask.distributed import Client, LocalCluster

    import newsparse.dask

    paths = [files[i % len(files)] for i in range(count)]
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster),
    ):
        start = time.perf_counter()
        records = newsparse.dask.read_records(paths).compute()
        seconds = time.perf_counter() - start
    assert len(records) == count
    return Run(f"newsparse.dask, LocalCluster of {workers} workers", len(records), seconds)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--docs", type=int, default=5000, help="documents in the big runs (default 5000)")
    parser.add_argument("--small", type=int, default=1000, help="documents in the memory baseline (default 1000)")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    files = page_files(require_data(args.data, "html"))
    big, small = corpus(files, args.docs), corpus(files, args.small)
    steps: list[tuple[str, Callable[[], Run]]] = [
        ("pool1", lambda: run_pool(big, 1)),
        ("pool2", lambda: run_pool(big, 2)),
        ("small", lambda: run_pool(small, 2)),
        ("dask", lambda: run_dask(files, args.docs, 2)),
        ("traf", lambda: run_trafilatura_pool(big, 2)),
    ]
    print(machine_load("before the runs"), flush=True)
    runs = {key: step() for key, step in steps}
    _print(runs, len(files))
    # The runs' own workers count in the end's figure: about 2 after the 2-worker runs.
    print(machine_load("after the runs"))


def machine_load(when: str) -> str:
    """The load average beside the CPU count. On a loaded machine 2 workers measured 0.96x the
    rate of 1 worker, against 1.90x on an idle one: a reader must see which one a figure had."""
    if not hasattr(os, "getloadavg"):  # Windows
        return f"load average {when}: unknown on this system; {os.cpu_count()} CPUs"
    one, five, fifteen = os.getloadavg()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"load average {when}: {one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min); "
        f"{os.cpu_count()} CPUs, {usable} usable by this process"
    )


def _print(runs: dict[str, Run], distinct: int) -> None:
    one, two = runs["pool1"], runs["pool2"]
    print(f"{two.docs} documents ({distinct} benchmark pages repeated), {os.cpu_count()} CPUs")
    print(f"{'run':58} {'docs':>6} {'seconds':>8} {'docs/s':>8} {'vs 1 worker':>12} {'peak RSS MB':>12}")
    for run in runs.values():
        rss = f"{run.peak_mb:12.0f}" if run.peak_mb is not None else f"{'':>12}"
        print(f"{run.name:58} {run.docs:6d} {run.seconds:8.1f} {run.rate:8.1f} {run.rate / one.rate:11.2f}x {rss}")
    small = runs["small"]
    assert small.peak_mb is not None
    assert two.peak_mb is not None
    print()
    print(f"parallel speed-up, 2 workers vs 1:            {two.rate / one.rate:.2f}x (target >= 1.8x)")
    print(f"peak RSS at {two.docs} vs {small.docs} documents:     {two.peak_mb / small.peak_mb:.2f}x (target <= 1.2x)")
    print(f"Dask LocalCluster vs the pool, 2 workers each: {runs['dask'].rate / two.rate:.2f}x (target >= 0.8x)")


if __name__ == "__main__":
    main()
