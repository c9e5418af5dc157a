"""Learn the text door's headline weights from the labelled sets, cross-validated across them.

    python benchmarks/train_headline.py [BENCH_DIR] [--write]

Each labelled dump (zyte and articles, in the three dump styles) gives its headline
candidates as ``newsparse.layout`` finds them, measured by ``headline_model.features``; the
labelled headline is the candidate whose text equals it (pages where none does teach
nothing and are skipped in training, counted as misses in testing). The model is a
conditional logit: a softmax over each page's candidates, fitted by gradient descent with an
L2 penalty. It is trained on one set and tested on the other, both ways, and the accuracy
of the choice is printed per set and style; ``--write`` then fits it on both sets and writes
``src/newsparse/fields/headline_weights.py``. Nothing of the pages or labels is written.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from fields_scoring import articles_cases, normalise, read_gz, zyte_cases
from scoring import require_data

from newsparse.fields.headline_model import FEATURES, features, headline_text
from newsparse.fields.language import detect_language
from newsparse.layout import headline_candidates
from newsparse.rules import rules_for
from newsparse.sources.text import text_page

DEFAULT_BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
STYLES = ("html_text", "inscriptis", "chromium")
WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "src" / "newsparse" / "fields" / "headline_weights.py"
# L2 penalty per page and the descent's settings: the fit converges well within these steps.
PENALTY = 0.01
STEPS = 3000
RATE = 0.5

Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Example:
    """One dump: its candidates' measures and which of them are the labelled headline."""

    set: str
    style: str
    x: Matrix
    gold: npt.NDArray[np.bool_]


def examples(bench: Path) -> list[Example]:
    found = []
    for name, cases in (("zyte", zyte_cases(bench / "zyte")), ("articles", articles_cases(bench / "articles"))):
        for style in STYLES:
            folder = bench / name / "text" / style
            for case in cases:
                label = case.labels.get("headline")
                if label:
                    raw = read_gz(folder, case.id, ".txt.gz")
                    found.append(_example(name, style, raw, label, case.url))
                    # Each dump again without its URL, as users without one parse it: else the
                    # other weights come to lean on the slug's evidence.
                    found.append(_example(name, f"{style}, no URL", raw, label, None))
    return found


def _example(name: str, style: str, raw: bytes, label: str, url: str | None) -> Example:
    text = raw.decode("utf-8")
    empty = Example(name, style, np.zeros((0, len(FEATURES))), np.zeros(0, dtype=bool))
    if not text.strip():
        return empty
    page = text_page(text, url=None)
    blocks = page.blocks
    found = headline_candidates(blocks, rules_for(detect_language(page)), url=url)
    if not found.indices:
        return empty
    rows = [features(blocks, found, i) for i in found.indices]
    x = np.array([[row[f] for f in FEATURES] for row in rows])
    gold = np.array([normalise(headline_text(blocks, i)) == normalise(label) for i in found.indices])
    return Example(name, style, x, gold)


def fit(train: list[Example]) -> Matrix:
    """Weights maximising the log-likelihood of each page's headline among its candidates: every
    page's candidates stacked in one matrix, each page's softmax taken over its own rows."""
    pages = [e for e in train if e.gold.any()]
    x = np.concatenate([page.x for page in pages])
    gold = np.concatenate([page.gold for page in pages]).astype(float)
    sizes = np.array([len(page.x) for page in pages])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    row_page = np.repeat(np.arange(len(pages)), sizes)
    weights = np.zeros(len(FEATURES))
    for _ in range(STEPS):
        scores = x @ weights
        e = np.exp(scores - np.maximum.reduceat(scores, starts)[row_page])
        p = e / np.add.reduceat(e, starts)[row_page]
        q = p * gold / np.add.reduceat(p * gold, starts)[row_page]  # the posterior over the gold candidates
        weights -= RATE * (PENALTY * weights - (q - p) @ x / len(pages))
    return weights


def accuracy(weights: Matrix, test: list[Example]) -> dict[tuple[str, str], float]:
    """Per set and style, the share of pages whose best-scored candidate is the headline."""
    hits: dict[tuple[str, str], list[bool]] = {}
    for page in test:
        right = bool(len(page.x)) and bool(page.gold[int(np.argmax(page.x @ weights[::1] + _later(page)))])
        hits.setdefault((page.set, page.style), []).append(right)
    return {key: 100 * sum(v) / len(v) for key, v in hits.items()}


def _later(page: Example) -> Matrix:
    """A tie goes to the later candidate, as at run time."""
    return np.arange(len(page.x)) * 1e-9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--write", action="store_true", help=f"fit on both sets and write {WEIGHTS_FILE.name}")
    args = parser.parse_args()
    require_data(args.bench, "zyte/fields.json", "articles/cases.jsonl", argument="BENCH_DIR")
    data = examples(args.bench)
    for train_on, test_on in (("zyte", "articles"), ("articles", "zyte")):
        weights = fit([e for e in data if e.set == train_on])
        scores = accuracy(weights, [e for e in data if e.set == test_on])
        cells = ", ".join(f"{style} {scores[(test_on, style)]:.1f}" for style in STYLES)
        print(f"trained on {train_on:8} tested on {test_on:8}: {cells}")
    weights = fit(data)
    scores = accuracy(weights, data)
    print("trained on both, in sample:", ", ".join(f"{s} {t} {v:.1f}" for (s, t), v in sorted(scores.items())))
    print("weights:", ", ".join(f"{f} {w:+.2f}" for f, w in zip(FEATURES, weights, strict=True)))
    if args.write:
        _write(weights)
        print(f"wrote {WEIGHTS_FILE}", file=sys.stderr)


def _write(weights: Matrix) -> None:
    lines = "".join(f'        "{f}": {w:.4f},\n' for f, w in zip(FEATURES, weights, strict=True))
    WEIGHTS_FILE.write_text(
        '"""The headline model\'s weights (``headline_model``), written by ``benchmarks/train_headline.py``\n'
        'from the zyte and articles dumps (the three styles of each). Do not edit by hand: train again."""\n\n'
        "from types import MappingProxyType\n\n"
        f"WEIGHTS = MappingProxyType(\n    {{\n{lines}    }}\n)\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
