"""The body score of the shared benchmark, as its README defines it.

Tokens are ``\\w+`` matches; texts become multisets of 4-token shingles; per page tp, fp and
fn are normalised to sum to one; precision and recall are averaged over the pages where they
are defined; F1 is the harmonic mean of the two averages.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

TOKEN = re.compile(r"\w+")
SHINGLE = 4
DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "zyte"
# argparse's status for a usage error: the run cannot start with what it was given.
USAGE_ERROR = 2


def require_data(data: Path, *needed: str) -> Path:
    """``data``, when it holds the ``needed`` files and folders; else a message and exit status 2.

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
        f"Expected the Zyte article-extraction benchmark ({', '.join(needed)}); the default is "
        f"../shared/bench/zyte beside the checkout.\n"
        f"Give the data path as the first argument: python benchmarks/{script} DATA_DIR",
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


def score_page(truth: str, predicted: str) -> PageScore:
    true_words, pred_words = tokens(truth), tokens(predicted)
    true_sh, pred_sh = shingles(true_words), shingles(pred_words)
    tp = sum((true_sh & pred_sh).values())
    fp = sum((pred_sh - true_sh).values())
    fn = sum((true_sh - pred_sh).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageScore(tp, fp, fn, exact=true_words == pred_words, empty=not pred_words)


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
