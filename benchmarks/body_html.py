"""Body accuracy and speed on the shared HTML benchmark, newsparse next to the alternatives.

    python benchmarks/body_html.py [DATA_DIR] [--only NAME] [--errors N]

DATA_DIR defaults to ../shared/bench/zyte. Every system gets the same decoded page (str),
in the same run, page by page in turn; a page's time is the fastest of ``--repeat`` runs.
Compare the ratios, not the absolutes.
``newsparse`` builds the whole Article (every field), not only the body.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import (
    DEFAULT_DATA,
    PageScore,
    Summary,
    ground_truth,
    ground_truth_urls,
    pages,
    require_data,
    score_page,
    summarize,
)

import newsparse
from newsparse.load import decode

Extractor = Callable[[str, str], str]


def _newsparse(html: str, url: str) -> str:
    return newsparse.parse_html(html, url=url).body


def _trafilatura(**options: object) -> Extractor:
    import trafilatura

    def run(html: str, url: str) -> str:
        return trafilatura.extract(html, url=url, **options) or ""  # type: ignore[arg-type]

    return run


def _readability(html: str, url: str) -> str:
    from readability import Document

    summary = Document(html, url=url).summary(html_partial=True)
    return "\n".join(lxml.html.fromstring(summary).itertext()) if summary.strip() else ""


def _bare_lxml(html: str, url: str) -> str:
    lxml.html.document_fromstring(html)
    return ""


SYSTEMS: dict[str, Extractor] = {
    "newsparse": _newsparse,
    "trafilatura (defaults)": _trafilatura(),
    "trafilatura (include_comments=False)": _trafilatura(include_comments=False),
    "readability-lxml": _readability,
    "bare lxml parse": _bare_lxml,
}
BASELINE, FLOOR = "trafilatura (defaults)", "bare lxml parse"


def run_all(
    systems: dict[str, Extractor], docs: list[tuple[str, str, str]], repeat: int
) -> dict[str, tuple[dict[str, str], list[float]]]:
    """Each page through every system in turn, ``repeat`` times; a page's time is its fastest
    run. Interleaving puts every system under the same machine load; the minimum drops the
    noise of a shared machine, which otherwise moves the ratios by several percent."""
    outputs: dict[str, dict[str, str]] = {name: {} for name in systems}
    best: dict[str, list[float]] = {name: [float("inf")] * len(docs) for name in systems}
    for _ in range(repeat):
        for i, (page_id, html, url) in enumerate(docs):
            for name, system in systems.items():
                start = time.perf_counter()
                outputs[name][page_id] = system(html, url)
                best[name][i] = min(best[name][i], time.perf_counter() - start)
    return {name: (outputs[name], best[name]) for name in systems}


def _warm_up(system: Extractor, docs: list[tuple[str, str, str]]) -> None:
    """Lazy imports and one-time loads (langdetect's profiles: about 0.3 s) are not per-page costs."""
    newsparse.parse_text("Warm-up line\n\nThis sentence is here only to load the language profiles once.")
    for _, html, url in docs[:3]:
        system(html, url)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--only", action="append", help="run only these systems (and the timing references)")
    parser.add_argument("--errors", type=int, default=0, help="list newsparse's N worst pages")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; its fastest counts (default 3)")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    require_data(args.data, "ground-truth.json", "html")

    truth, urls = ground_truth(args.data), ground_truth_urls(args.data)
    docs = [(pid, decode(raw), urls[pid]) for pid, raw in pages(args.data / "html", ".html.gz")]
    names = [n for n in SYSTEMS if not args.only or n in args.only or n in (BASELINE, FLOOR)]
    for name in names:
        _warm_up(SYSTEMS[name], docs)
    runs = run_all({name: SYSTEMS[name] for name in names}, docs, args.repeat)
    results: dict[str, tuple[Summary, list[float]]] = {}
    scores: dict[str, PageScore] = {}
    for name, (outputs, times) in runs.items():
        page_scores = {pid: score_page(truth[pid], outputs[pid]) for pid, _, _ in docs}
        results[name] = (summarize(page_scores.values()), times)
        if name == "newsparse":
            scores = page_scores
    _print_table(results, len(docs))
    if args.errors and scores:
        _print_worst(scores, args.errors)


def _print_table(results: dict[str, tuple[Summary, list[float]]], count: int) -> None:
    base, floor = sum(results[BASELINE][1]), sum(results[FLOOR][1])
    print(f"{count} pages of the HTML benchmark")
    columns = ("F1", "prec", "recall", "acc", "empty", "ms/page", "vs traf", "vs lxml")
    widths = (6, 6, 6, 6, 5, 8, 8, 8)
    print(f"{'system':40} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)))
    for name, (s, times) in results.items():
        median = statistics.median(times) * 1000
        total = sum(times)
        quality = f"{s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f} {s.accuracy:6.3f} {s.empty:5d}"
        if name == FLOOR:
            quality = f"{'':6} {'':6} {'':6} {'':6} {'':5}"
        print(f"{name:40} {quality} {median:8.1f} {total / base:7.2f}x {total / floor:7.1f}x")


def _print_worst(scores: dict[str, PageScore], n: int) -> None:
    print(f"\nnewsparse's {n} lowest-F1 pages (precision / recall):")

    def f1(s: PageScore) -> float:
        return 2 * s.precision * s.recall / (s.precision + s.recall) if s.precision + s.recall else 0.0

    for pid, s in sorted(scores.items(), key=lambda kv: f1(kv[1]))[:n]:
        print(f"  {pid[:16]}  F1 {f1(s):.3f}  P {s.precision:.3f}  R {s.recall:.3f}")


if __name__ == "__main__":
    main()
