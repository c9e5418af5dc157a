"""A fuzz run over mutated real pages: every outcome counted, the slowest kept.

    python benchmarks/fuzz.py [DATA_DIR] [--runs 2000] [--seed 1]

Each run takes one of the benchmark's 181 pages (``DATA_DIR/html``) and applies 1 to 6
random mutations: a slice deleted, duplicated or replaced by random bytes or by markup
fragments (tags, entities, JSON-LD, NULs, BOMs, mojibake, and the hostile inputs of issue 15:
deep lists, an unclosed XML declaration, foreign charset labels and bytes, impossible dates,
hidden characters in links), or the page truncated. The page
goes to ``parse`` as bytes. Outcomes: an Article, a NewsparseError by class, or anything
else (a bug: printed with its seed). Also reported: the slowest parse per input size.
"""

from __future__ import annotations

import argparse
import random
import time
import traceback
import warnings
from collections import Counter
from pathlib import Path

from scoring import DEFAULT_DATA, pages, require_data

import newsparse

FRAGMENTS = (
    b"<div>",
    b"</div>",
    b"<p>",
    b"</p>",
    b"<script>",
    b"</script>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"&amp;",
    b"&#0;",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xc3\xa2\xe2\x82\xac\xe2\x84\xa2",
    b'<script type="application/ld+json">{"@graph": [[[',
    b'<meta charset="utf-16">',
    b'<base href="javascript:x">',
    b"<h1>",
    b"5.5k Points",
    b"By Jane Doe",
    b"Leave a Reply",
    # A second attack (issue 15): lists nested 600 deep, a declaration that never closes, a
    # label no browser honours, offsets and years no clock has, hidden characters in URLs,
    # direction marks, legacy CJK bytes and a byte no charset defines.
    b"<ul><li>x " * 600,
    b'<?xml version="1.0" encoding="utf-8"',
    b'<meta charset="utf-7">+ADw-script+AD4-',
    b'<meta property="article:published_time" content="2024-03-05T10:00:00+24:00">',
    b'<script type="application/ld+json">{"datePublished": "9999-12-31T23:00-12:00"}</script>',
    b'<a rel="author" href="https://ex\x1bample.org/\xe2\x80\xae">Jane Doe</a>',
    b"\xe2\x80\x8f\xe2\x80\xab\xe2\x81\xa9",
    "서울시는 심야버스 노선을 늘린다".encode("euc-kr"),
    b"\x81",
)


def mutate(page: bytes, rng: random.Random) -> bytes:
    data = bytearray(page)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(data) + 1)
        length = rng.randint(0, 2000)
        kind = rng.randrange(5)
        if kind == 0:
            del data[at : at + length]
        elif kind == 1:
            data[at:at] = data[at : at + length]
        elif kind == 2:
            data[at : at + length] = rng.randbytes(rng.randint(0, 40))
        elif kind == 3:
            data[at:at] = b"".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 20)))
        else:
            del data[at:]
    return bytes(data)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    corpus = [raw for _, raw in pages(require_data(args.data, "html") / "html", ".html.gz")]
    outcomes: Counter[str] = Counter()
    slowest = (0.0, 0, 0)
    started = time.perf_counter()
    for run in range(args.runs):
        rng = random.Random(args.seed * 1_000_003 + run)
        page = mutate(rng.choice(corpus), rng)
        start = time.perf_counter()
        try:
            newsparse.parse(page)
            outcomes["Article"] += 1
        except newsparse.NewsparseError as exc:
            outcomes[type(exc).__name__] += 1
        except Exception:  # a bug: the contract is an Article or a NewsparseError
            outcomes["other exception (bug)"] += 1
            print(f"run {run} (seed {args.seed}): {traceback.format_exc(limit=3)}")
        elapsed = time.perf_counter() - start
        slowest = max(slowest, (elapsed, len(page), run))
    seconds = time.perf_counter() - started
    print(f"{args.runs} mutated pages (seed {args.seed}) in {seconds:.0f} s")
    for outcome, count in outcomes.most_common():
        print(f"  {outcome:28} {count:7d}")
    print(f"slowest: {slowest[0] * 1000:.0f} ms for {slowest[1]:,} bytes (run {slowest[2]})")


if __name__ == "__main__":
    main()
