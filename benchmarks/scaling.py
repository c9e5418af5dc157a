"""Time against page size for hostile page families: seconds per size, to compare checkouts.

    python benchmarks/scaling.py [--family NAME ...] [--budget SECONDS]

Each family builds pages of growing size, four times larger at each step, and parses each page
once (after a warm-up parse, with the garbage collector off). The last column is the growth
of the time over the previous size: about 4 when the time is linear, 16 when quadratic. A
family stops after the first size that takes over ``--budget`` seconds (60 by default): a
quadratic family would run for hours at the next. The families are the second attack's
(issue 15); ``tests/test_adversarial.py`` runs smaller versions in CI. To time another
checkout: ``PYTHONPATH=../other/src python benchmarks/scaling.py``.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from dataclasses import dataclass

import newsparse

P = "<p>A paragraph of the story that is long enough to count as prose in any language.</p>"
HEADED = "<h1>Headline</h1>" + P * 5
LINE = "and the line of the paragraph goes on " * 11  # 418 characters, no sentence end
BOX = "Share this story with your friends and family on every network you use " * 2


def skeleton(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>A hostile page</title></head><body>{body}</body></html>"


def deep(depth: int, markup: str, *, aside: bool = True) -> str:
    """``markup`` under ``depth`` nested <div>s after the article (libxml2 keeps 2,048 levels),
    in an <aside>, which trafilatura drops before its own walks up the tree: newsparse's time."""
    return skeleton(HEADED + ("<aside>" if aside else "") + "<div>" * depth + markup)


def related_sections(count: int) -> str:
    return "".join(
        f'<h3>Related posts</h3><p><a href="/s/{i}">A story about things number {i}</a></p>' for i in range(count)
    )


def boxes_and_blocks(count: int) -> str:
    return skeleton(
        "<h1>Headline</h1>"
        + "".join(
            f'<p>Paragraph {i} of the story, long enough to be kept as prose.</p><div class="share">{BOX}{i}</div>'
            for i in range(count)
        )
    )


def teaser_dump(count: int) -> str:
    """A text dump whose article ends in ``count`` teaser titles."""
    titles = "\n".join(f"Story Title {i}" for i in range(count))
    return "A headline for a dump\n\n" + (P[3:-4] + "\n") * 5 + titles


@dataclass(frozen=True)
class Family:
    build: Callable[[int], str]
    sizes: tuple[int, ...]
    door: Callable[[str], newsparse.Article] = newsparse.parse


FAMILIES = {
    # 4n vote widgets n levels deep: at 2,000, the 8,000 spans at depth 1,900 (56 s).
    "vote-widgets-deep": Family(lambda n: deep(n, '<span class="votes">12 points</span>' * 4 * n), (125, 500, 2000)),
    "byline-candidates-deep": Family(lambda n: deep(n, '<span class="byline">x</span>' * 4 * n), (125, 500, 2000)),
    "nested-byline-candidates": Family(lambda n: deep(0, '<div class="author">Jane Doe' * n), (125, 500, 2000)),
    "nested-vote-widgets": Family(lambda n: deep(0, '<div class="votes">x ' * n), (125, 500, 2000)),
    "related-labels-deep": Family(lambda n: deep(n, related_sections(n)), (125, 500, 2000)),
    # The same outside the <aside>: trafilatura's own time too.
    "byline-candidates-deep-read": Family(
        lambda n: deep(n, '<span class="byline">x</span>' * 4 * n, aside=False), (125, 500, 2000)
    ),
    "related-labels-deep-read": Family(lambda n: deep(n, related_sections(n), aside=False), (125, 500, 2000)),
    "signup-fields": Family(
        lambda n: skeleton(HEADED + "<div>" + '<p>Sign up for our letter.</p><input type="email">' * n + "</div>"),
        (1000, 4000, 16000),
    ),
    "boxes-and-blocks": Family(boxes_and_blocks, (1000, 4000, 16000)),
    # One paragraph of n lines cut by <br>; at 48,000, 20 MB.
    "wrapped-lines": Family(lambda n: skeleton(f"{HEADED}<p>{(LINE + '<br>') * n}end.</p>"), (3000, 12000, 48000)),
    "teaser-run": Family(teaser_dump, (25_000, 100_000, 400_000), newsparse.parse_text),
}


def seconds(door: Callable[[str], newsparse.Article], page: str) -> float:
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        door(page)
        return time.perf_counter() - start
    finally:
        gc.enable()


def run(name: str, family: Family, budget: float) -> None:
    previous = None
    for size in family.sizes:
        page = family.build(size)
        try:
            took = seconds(family.door, page)
        except Exception as exc:  # a broken contract is a result too: shown, and the family ends
            print(f"{name:26} {size:>8,} {len(page) / 1e6:7.2f} MB {type(exc).__name__}", flush=True)
            return
        growth = f"x{took / previous:.1f}" if previous else ""
        print(f"{name:26} {size:>8,} {len(page) / 1e6:7.2f} MB {took:8.2f} s {growth:>6}", flush=True)
        previous = took
        if took > budget:
            return


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="the default: all")
    parser.add_argument("--budget", type=float, default=60.0, help="stop a family past this many seconds")
    args = parser.parse_args(argv)
    newsparse.parse(skeleton(HEADED))  # the language profiles load once
    print(f"{'family':26} {'size':>8} {'page':>10} {'time':>10} {'growth':>6}")
    for name in args.family or FAMILIES:
        run(name, FAMILIES[name], args.budget)


if __name__ == "__main__":
    main()
