"""The body score of the shared benchmark, as its README defines it.

Tokens are ``\\w+`` matches; texts become multisets of 4-token shingles; per page tp, fp and
fn are normalised to sum to one; precision and recall are averaged over the pages where they
are defined; F1 is the harmonic mean of the two averages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import newsparse
from newsparse.load import decode

TOKEN = re.compile(r"\w+")
SHINGLE = 4
DEFAULT_BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
DEFAULT_DATA = DEFAULT_BENCH / "zyte"
# argparse's status for a usage error: the run cannot start with what it was given.
USAGE_ERROR = 2


def require_data(data: Path, *needed: str, argument: str = "DATA_DIR") -> Path:
    """``data``, when it holds the ``needed`` files and folders; else a message and exit status 2.
    ``argument`` names the script's first argument in the message.

    The default data sits outside the repository (``../shared`` beside the checkout), so a
    plain clone lacks it: the reader gets the path that was looked at and how to give another,
    not a FileNotFoundError's traceback or a division by zero over no pages.
    """
    problem = _data_problem(data, needed)
    if problem is None:
        return data
    script = Path(sys.argv[0]).name or "the benchmark"
    print(
        f"{script}: no benchmark data at {data} ({problem}).\n"
        f"Expected {', '.join(needed)} there; the benchmark sets live in ../shared/bench beside the checkout.\n"
        f"Give the data path as the first argument: python benchmarks/{script} {argument}",
        file=sys.stderr,
    )
    raise SystemExit(USAGE_ERROR)


def _data_problem(data: Path, needed: tuple[str, ...]) -> str | None:
    if not data.is_dir():
        return "no such folder"
    missing = [name for name in needed if not (data / name).exists()]
    return f"missing {', '.join(missing)}" if missing else None


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def shingles(words: list[str]) -> Counter[tuple[str, ...]]:
    if not words:
        return Counter()
    if len(words) < SHINGLE:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


@dataclass(frozen=True)
class PageScore:
    tp: float
    fp: float
    fn: float
    exact: bool
    empty: bool

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score_page(truth: str, predicted: str) -> PageScore:
    true_words, pred_words = tokens(truth), tokens(predicted)
    true_sh, pred_sh = shingles(true_words), shingles(pred_words)
    tp = sum((true_sh & pred_sh).values())
    fp = sum((pred_sh - true_sh).values())
    fn = sum((true_sh - pred_sh).values())
    total = tp + fp + fn or 1
    return PageScore(tp / total, fp / total, fn / total, exact=true_words == pred_words, empty=not pred_words)


@dataclass(frozen=True)
class Summary:
    f1: float
    precision: float
    recall: float
    accuracy: float
    empty: int
    pages: int


def summarize(scores: Iterable[PageScore]) -> Summary:
    scores = list(scores)
    precisions = [s.precision for s in scores if s.tp + s.fp > 0]
    recalls = [s.recall for s in scores if s.tp + s.fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(s.exact for s in scores) / len(scores) if scores else 0.0
    return Summary(f1, precision, recall, accuracy, sum(s.empty for s in scores), len(scores))


def ground_truth(data: Path) -> Mapping[str, str]:
    with (data / "ground-truth.json").open(encoding="utf-8") as fh:
        return {key: value["articleBody"] for key, value in json.load(fh).items()}


def ground_truth_urls(data: Path) -> Mapping[str, str]:
    with (data / "ground-truth.json").open(encoding="utf-8") as fh:
        return {key: value["url"] for key, value in json.load(fh).items()}


def pages(folder: Path, suffix: str) -> Iterator[tuple[str, bytes]]:
    """(page id, raw bytes) for every gzipped page in ``folder``, in id order."""
    for path in sorted(folder.glob(f"*{suffix}")):
        yield path.name[: -len(suffix)], gzip.decompress(path.read_bytes())


# The sets of ../shared/bench as pages with their labels, and the pieces both body scripts share:
# the interleaved timed run, the snippet score of articles/, the tables' quality cells, and the
# pages where newsparse trails another system.


@dataclass(frozen=True)
class Page:
    """One page of a set: its HTML file, its URL (if the set gives one) and its labels.

    ``body`` is the annotated body (zyte, wceb), ``wanted`` and ``unwanted`` the ``with`` and
    ``without`` snippets (articles); ``group`` is wceb's subset.
    """

    id: str
    url: str | None
    html: Path
    group: str = ""
    body: str = ""
    wanted: tuple[str, ...] = ()
    unwanted: tuple[str, ...] = ()


def zyte_pages(data: Path) -> list[Page]:
    with (data / "ground-truth.json").open(encoding="utf-8") as fh:
        truth = json.load(fh)
    return [
        Page(pid, truth[pid]["url"], data / "html" / f"{pid}.html.gz", body=truth[pid]["articleBody"])
        for pid in sorted(truth)
    ]


def wceb_pages(data: Path) -> list[Page]:
    """The wceb pages, grouped by subset; a page is ``html/<subset>/<name>.html.gz`` or ``.html``."""
    found = []
    for row in _jsonl(data / "gold.jsonl"):
        subset, name = row["id"].split("/", 1)
        html = data / "html" / subset / f"{name}.html.gz"
        if not html.exists():
            html = html.with_suffix("")
        found.append(Page(row["id"], row["url"], html, group=subset, body=row["articleBody"]))
    return found


def articles_pages(data: Path) -> list[Page]:
    """The articles pages that carry ``with`` or ``without`` snippets (all 511 of them)."""
    return [
        Page(
            row["id"],
            row["url"],
            data / "html" / f"{row['id']}.html.gz",
            wanted=tuple(row.get("with", ())),
            unwanted=tuple(row.get("without", ())),
        )
        for row in _jsonl(data / "cases.jsonl")
        if row.get("with") or row.get("without")
    ]


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


LABELS = {"zyte": "ground-truth.json", "wceb": "gold.jsonl", "articles": "cases.jsonl"}
PAGE_SETS: dict[str, Callable[[Path], list[Page]]] = {
    "zyte": zyte_pages,
    "wceb": wceb_pages,
    "articles": articles_pages,
}


def arguments(
    doc: str | None, sets: Sequence[str], argv: list[str] | None, *extra: tuple[str, dict[str, Any]]
) -> argparse.Namespace:
    """The options both body scripts take: BENCH_DIR, ``--set``, ``--errors``, ``--repeat``, then ``extra``."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH, help="folder holding the sets")
    parser.add_argument("--set", choices=(*sets, "all"), default="all", help="which set (default: all)")
    parser.add_argument("--errors", type=int, default=0, help="also list newsparse's N lowest pages per table")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; its fastest counts (default 3)")
    for flag, options in extra:
        parser.add_argument(flag, **options)
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.errors < 0:
        parser.error("--repeat must be at least 1 and --errors at least 0")
    return args


def set_folders(bench: Path, wanted: str, sets: Sequence[str]) -> dict[str, Path]:
    """Each chosen set's folder under ``bench`` (``wanted``: a set's name or "all").

    A ``bench`` that is itself the zyte folder (the scripts' old default) is read as the zyte set.
    """
    if (bench / LABELS["zyte"]).exists():
        return {"zyte": bench}
    return {name: bench / name for name in sets if wanted in ("all", name)}


def read_html(page: Page) -> str:
    raw = page.html.read_bytes()
    return decode(gzip.decompress(raw) if page.html.suffix == ".gz" else raw)


def read_dump(data: Path, style: str, page: Page) -> str:
    return decode(gzip.decompress((data / "text" / style / f"{page.id}.txt.gz").read_bytes()))


# A system reads one input (decoded HTML or a text dump) and the page's URL, and gives a body.
System = Callable[[str, "str | None"], str]


@dataclass
class Run:
    """One system's body and fastest time (seconds) per page id."""

    outputs: dict[str, str] = field(default_factory=dict)
    times: dict[str, float] = field(default_factory=dict)

    def total(self, pages: Iterable[Page]) -> float:
        return sum(self.times[page.id] for page in pages)

    def median_ms(self, pages: Iterable[Page]) -> float:
        return statistics.median(self.times[page.id] for page in pages) * 1000


def run_interleaved(systems: Mapping[str, System], docs: Sequence[tuple[Page, str]], repeat: int) -> dict[str, Run]:
    """Each input through every system in turn, ``repeat`` times; a page's time is its fastest
    run. Interleaving puts every system under the same machine load; the minimum drops the
    noise of a shared machine, which otherwise moves the ratios by several percent."""
    runs = {name: Run() for name in systems}
    for _ in range(repeat):
        for page, text in docs:
            for name, system in systems.items():
                start = time.perf_counter()
                runs[name].outputs[page.id] = system(text, page.url)
                took = time.perf_counter() - start
                runs[name].times[page.id] = min(runs[name].times.get(page.id, took), took)
    return runs


def warm_up(systems: Iterable[System], docs: Sequence[tuple[Page, str]]) -> None:
    """Lazy imports and one-time loads (langdetect's profiles: about 0.3 s) are not per-page costs."""
    newsparse.parse_text("Warm-up line\n\nThis sentence is here only to load the language profiles once.")
    for system in systems:
        for page, text in docs[:3]:
            system(text, page.url)


_SPACES = re.compile(r"\s+")


def collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class SnippetScore:
    """articles/README.md's with/without score of one page's body."""

    wanted_found: int
    wanted: int
    unwanted_absent: int
    unwanted: int
    empty: bool

    @property
    def share(self) -> float:
        """The share of the page's snippets scored right."""
        total = self.wanted + self.unwanted
        return (self.wanted_found + self.unwanted_absent) / total if total else 1.0


def score_snippets(page: Page, predicted: str) -> SnippetScore:
    body = collapse(predicted)
    found = sum(collapse(snippet) in body for snippet in page.wanted)
    absent = sum(collapse(snippet) not in body for snippet in page.unwanted)
    return SnippetScore(found, len(page.wanted), absent, len(page.unwanted), empty=not tokens(predicted))


@dataclass(frozen=True)
class Kind:
    """How a set is scored: a page's value (0 to 1) for the trails list, a row's quality cells."""

    header: str
    page_value: Callable[[Page, str], float]
    cells: Callable[[Sequence[Page], Mapping[str, str], int], str]

    @property
    def blank(self) -> str:
        return " " * len(self.header)


def _f1_cells(pages: Sequence[Page], outputs: Mapping[str, str], alone: int) -> str:
    s = summarize(score_page(page.body, outputs[page.id]) for page in pages)
    return f"{s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f} {s.accuracy:6.3f} {s.empty:5d} {alone:5d}"


def _snippet_cells(pages: Sequence[Page], outputs: Mapping[str, str], alone: int) -> str:
    scores = [score_snippets(page, outputs[page.id]) for page in pages]
    wanted = 100 * sum(s.wanted_found for s in scores) / (sum(s.wanted for s in scores) or 1)
    unwanted = 100 * sum(s.unwanted_absent for s in scores) / (sum(s.unwanted for s in scores) or 1)
    return f"{wanted:6.1f} {unwanted:7.1f} {sum(s.empty for s in scores):5d} {alone:5d}"


F1 = Kind(
    f"{'F1':>6} {'prec':>6} {'recall':>6} {'acc':>6} {'empty':>5} {'alone':>5}",
    lambda page, predicted: score_page(page.body, predicted).f1,
    _f1_cells,
)
SNIPPETS = Kind(
    f"{'with %':>6} {'without':>7} {'empty':>5} {'alone':>5}",
    lambda page, predicted: score_snippets(page, predicted).share,
    _snippet_cells,
)
KINDS = {"zyte": F1, "wceb": F1, "articles": SNIPPETS}


def groups(pages: Sequence[Page]) -> list[tuple[str, list[Page]]]:
    """[("", every page)]; for a set with groups (wceb's subsets), each group's pages, then ("all", every page)."""
    names = sorted({page.group for page in pages if page.group})
    if not names:
        return [("", list(pages))]
    return [(name, [page for page in pages if page.group == name]) for name in names] + [("all", list(pages))]


def empty_alone(runs: Mapping[str, Run], name: str, others: Iterable[str], pages: Iterable[Page]) -> list[str]:
    """The pages where system ``name`` gives no body and at least one of ``others`` gives one."""
    rivals = [runs[other] for other in others if other != name]
    return [
        page.id
        for page in pages
        if not tokens(runs[name].outputs[page.id]) and any(tokens(run.outputs[page.id]) for run in rivals)
    ]


@dataclass(frozen=True)
class Trail:
    page_id: str
    ours: float
    rival: str  # the best rival's name (the names of all that tie for best)
    theirs: float


def trails(
    kind: Kind, pages: Iterable[Page], runs: Mapping[str, Run], ours: str, rivals: Sequence[str], margin: float = 0.2
) -> list[Trail]:
    """The pages where ``ours`` scores more than ``margin`` below the best of ``rivals``, widest gap first."""
    found = []
    for page in pages:
        mine = kind.page_value(page, runs[ours].outputs[page.id])
        theirs = {name: kind.page_value(page, runs[name].outputs[page.id]) for name in rivals}
        best = max(theirs.values())
        if best - mine > margin:
            found.append(Trail(page.id, mine, ", ".join(name for name in rivals if theirs[name] == best), best))
    return sorted(found, key=lambda trail: trail.ours - trail.theirs)


def short_id(page_id: str, width: int = 40) -> str:
    return f"{page_id:{width}}" if len(page_id) <= width else page_id[: width - 1] + "…"


def print_trails(title: str, found: Sequence[Trail], ours: str) -> None:
    print(f"\n{title}: {len(found)} pages where {ours} trails the best other system by more than 0.2")
    if found:
        print(f"  {'page':40}  {'ours':>5}   {'best':>5}  (by)")
    for trail in found:
        print(f"  {short_id(trail.page_id)}  {trail.ours:5.3f} < {trail.theirs:5.3f}  {trail.rival}")


def print_leads(
    title: str, kind: Kind, pages: Sequence[Page], runs: Mapping[str, Run], ours: str, rivals: Sequence[str], worst: int
) -> None:
    """Where to look next: the pages where ``ours`` gives no body and a rival gives one, the pages
    where it trails the best rival by more than 0.2, and (``worst`` > 0) its lowest pages."""
    empty = empty_alone(runs, ours, rivals, pages)
    print(f"\n{title}: {len(empty)} pages where {ours}'s body is empty and another system's is not")
    for page_id in empty:
        print(f"  {page_id}")
    print_trails(title, trails(kind, pages, runs, ours, rivals), ours)
    if worst:
        print_worst(f"{title}, {ours}", kind, pages, runs[ours], worst)


def print_worst(title: str, kind: Kind, pages: Iterable[Page], run: Run, n: int) -> None:
    values = sorted((kind.page_value(page, run.outputs[page.id]), page.id) for page in pages)
    print(f"\n{title}: the {n} lowest pages")
    for value, page_id in values[:n]:
        print(f"  {short_id(page_id)}  {value:.3f}")
