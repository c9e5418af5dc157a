"""Body accuracy and speed on the text-dump variant of the shared benchmark.

    python benchmarks/body_text.py [DATA_DIR] [--style html_text|inscriptis] [--errors N] [--repeat N]

The same 181 pages as ``body_html.py``, flattened to their whole visible text by two common
flatteners (``text/html_text``, ``text/inscriptis``), scored against the same annotated
bodies. newsparse's text door runs next to trafilatura given the same text wrapped as one
``<p>`` per line, and the whole dump taken as the body; the HTML door on the original page
is timed beside them, since the text door should not be the slower one.
"""

from __future__ import annotations

import argparse
import html
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import DEFAULT_DATA, PageScore, Summary, ground_truth, pages, require_data, score_page, summarize

import newsparse
from newsparse.load import decode

Extractor = Callable[[str], str]
STYLES = ("html_text", "inscriptis")


def _newsparse(text: str) -> str:
    return newsparse.parse_text(text).body


def _trafilatura(text: str) -> str:
    import trafilatura

    wrapped = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines()) + "</body></html>"
    return trafilatura.extract(wrapped, include_comments=False) or ""


def _whole_dump(text: str) -> str:
    return text


SYSTEMS: dict[str, Extractor] = {
    "newsparse (text door)": _newsparse,
    "trafilatura (one <p> per line)": _trafilatura,
    "whole dump as the body": _whole_dump,
}


def run_style(docs: list[tuple[str, str]], repeat: int) -> dict[str, tuple[dict[str, str], list[float]]]:
    """Every dump through every system in turn; a page's time is its fastest of ``repeat``."""
    outputs: dict[str, dict[str, str]] = {name: {} for name in SYSTEMS}
    best: dict[str, list[float]] = {name: [float("inf")] * len(docs) for name in SYSTEMS}
    for _ in range(repeat):
        for i, (page_id, text) in enumerate(docs):
            for name, system in SYSTEMS.items():
                start = time.perf_counter()
                outputs[name][page_id] = system(text)
                best[name][i] = min(best[name][i], time.perf_counter() - start)
    return {name: (outputs[name], best[name]) for name in SYSTEMS}


def html_door_times(data: Path, repeat: int) -> list[float]:
    """newsparse's HTML door on the original pages, fastest of ``repeat`` runs each."""
    docs = [decode(raw) for _, raw in pages(data / "html", ".html.gz")]
    best = [float("inf")] * len(docs)
    for _ in range(repeat):
        for i, page in enumerate(docs):
            start = time.perf_counter()
            newsparse.parse_html(page)
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--style", choices=STYLES, action="append", help="dump styles to run (default: both)")
    parser.add_argument("--errors", type=int, default=0, help="list newsparse's N worst pages per style")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; its fastest counts (default 3)")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    styles = args.style or STYLES
    require_data(args.data, "ground-truth.json", "html", *(f"text/{style}" for style in styles))
    truth = ground_truth(args.data)
    newsparse.parse_text("Warm-up line\n\nThis sentence is here only to load the language profiles once.")
    html_total = sum(html_door_times(args.data, args.repeat))
    for style in styles:
        docs = [(pid, decode(raw)) for pid, raw in pages(args.data / "text" / style, ".txt.gz")]
        results = run_style(docs, args.repeat)
        summaries = {
            name: (summarize(score_page(truth[pid], out[pid]) for pid, _ in docs), times)
            for name, (out, times) in results.items()
        }
        _print_table(style, summaries, html_total, len(docs))
        if args.errors:
            scores = {pid: score_page(truth[pid], results["newsparse (text door)"][0][pid]) for pid, _ in docs}
            _print_worst(scores, args.errors)


def _print_table(style: str, results: dict[str, tuple[Summary, list[float]]], html_total: float, count: int) -> None:
    print(f"\n{count} text dumps ({style})")
    print(f"{'system':34} {'F1':>6} {'prec':>6} {'recall':>6} {'empty':>5} {'ms/page':>8} {'vs HTML door':>13}")
    for name, (s, times) in results.items():
        median = statistics.median(times) * 1000
        quality = f"{s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f} {s.empty:5d}"
        print(f"{name:34} {quality} {median:8.2f} {sum(times) / html_total:12.2f}x")


def _print_worst(scores: dict[str, PageScore], n: int) -> None:
    def f1(s: PageScore) -> float:
        return 2 * s.precision * s.recall / (s.precision + s.recall) if s.precision + s.recall else 0.0

    print(f"newsparse's {n} lowest-F1 pages:")
    for pid, s in sorted(scores.items(), key=lambda kv: f1(kv[1]))[:n]:
        print(f"  {pid[:16]}  F1 {f1(s):.3f}  P {s.precision:.3f}  R {s.recall:.3f}")


if __name__ == "__main__":
    main()
