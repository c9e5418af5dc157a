"""Headline, authors and date accuracy on the shared benchmarks, newsparse next to trafilatura.

    python benchmarks/fields.py [BENCH_DIR] [--set zyte|articles|all]
                                [--door html|html_text|inscriptis|chromium|all] [--errors N] [--repeat N]

BENCH_DIR defaults to ../shared/bench and holds ``zyte/`` (181 pages; labels in fields.json
and related_votes.json, rules in FIELDS.md) and ``articles/`` (511 pages; labels in
cases.jsonl, rules in its README). Each door reads every page once: the HTML door gives
newsparse's ``parse_html`` and trafilatura's ``bare_extraction(with_metadata=True)`` the
same decoded page and URL; the text doors give ``parse_text`` the page's dump in one of
three styles (trafilatura reads HTML only, so the text rows have no trafilatura column).
On zyte, related links and vote counts are scored too. ``--errors N`` lists up to N misses
per field and door, marking those the HTML door or trafilatura gets right. Times are of one
pass (``--repeat N``: the fastest of N); newsparse's is the whole Article's. Compare the
ratios, not the absolutes.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fields_scoring import (
    FIELDS,
    Case,
    Fields,
    LinkTally,
    Tally,
    articles_cases,
    day,
    link_pairs,
    read_gz,
    score_fields,
    score_related,
    score_votes,
    trafilatura_names,
    zyte_cases,
)
from scoring import DEFAULT_BENCH, require_data

import newsparse
from newsparse.load import decode

SETS: dict[str, Callable[[Path], list[Case]]] = {"zyte": zyte_cases, "articles": articles_cases}
LABELS = {"zyte": ("fields.json", "related_votes.json", "ground-truth.json"), "articles": ("cases.jsonl",)}
TEXT_STYLES = ("html_text", "inscriptis", "chromium")
DOORS = ("html", *TEXT_STYLES)
COLUMN = {"headline": "headline", "authors": "authors", "published": "date"}


@dataclass
class Reading:
    """What one system read off each page of a set through one door, and how long each page took."""

    fields: dict[str, Fields] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)
    refused: int = 0  # inputs newsparse refused (an empty dump): scored as finding nothing

    def timed(self, page_id: str, read: Callable[[], Fields | None], repeat: int) -> None:
        """Read one page ``repeat`` times: its fastest time counts, its first reading is scored."""
        start = time.perf_counter()
        got = read()
        best = time.perf_counter() - start
        for _ in range(repeat - 1):
            start = time.perf_counter()
            read()
            best = min(best, time.perf_counter() - start)
        self.times.append(best)
        self.fields[page_id] = got or Fields()
        self.refused += got is None


@dataclass(frozen=True)
class DoorRun:
    door: str
    newsparse: Reading
    trafilatura: Reading | None = None


def from_article(article: newsparse.Article) -> Fields:
    return Fields(
        headline=article.headline,
        authors=article.byline.authors if article.byline else (),
        published=day(article.published),
        related=tuple(link_pairs(article.related)),
        votes=article.votes.count if article.votes else None,
    )


def _newsparse(door: Callable[..., newsparse.Article], text: str, url: str | None) -> Fields | None:
    """The whole Article's fields, or None where newsparse refuses the input (three empty chromium dumps)."""
    try:
        return from_article(door(text, url=url))
    except newsparse.NewsparseError:
        return None


def _trafilatura(html: str, url: str | None) -> Fields:
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if not isinstance(document, Document):  # None: nothing extracted
        return Fields()
    return Fields(headline=document.title, authors=trafilatura_names(document.author), published=day(document.date))


def run_html(cases: Sequence[Case], folder: Path, repeat: int) -> DoorRun:
    """Each page through newsparse, then trafilatura, so both see the same machine load."""
    ours, theirs = Reading(), Reading()
    for case in cases:
        html = decode(read_gz(folder, case.id, ".html.gz"))
        ours.timed(case.id, partial(_newsparse, newsparse.parse_html, html, case.url), repeat)
        theirs.timed(case.id, partial(_trafilatura, html, case.url), repeat)
    return DoorRun("html", ours, theirs)


def run_text(cases: Sequence[Case], folder: Path, style: str, repeat: int) -> DoorRun:
    ours = Reading()
    for case in cases:
        dump = decode(read_gz(folder, case.id, ".txt.gz"))
        ours.timed(case.id, partial(_newsparse, newsparse.parse_text, dump, case.url), repeat)
    return DoorRun(style, ours)


def _warm_up(cases: Sequence[Case], data: Path, doors: Sequence[str]) -> None:
    """Lazy imports and one-time loads (language profiles, trafilatura's modules) are not per-page costs."""
    newsparse.parse_text("Warm-up line\n\nThis sentence is here only to load the language profiles once.")
    if "html" in doors:
        for case in cases[:3]:
            html = decode(read_gz(data / "html", case.id, ".html.gz"))
            newsparse.parse_html(html, url=case.url)
            _trafilatura(html, case.url)


def run_set(name: str, data: Path, doors: Sequence[str], repeat: int) -> tuple[list[Case], list[DoorRun]]:
    cases = SETS[name](data)
    _warm_up(cases, data, doors)
    runs = [
        run_html(cases, data / "html", repeat)
        if door == "html"
        else run_text(cases, data / "text" / door, door, repeat)
        for door in doors
    ]
    return cases, runs


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)  # trafilatura logs every page it finds too short
    sets = list(SETS) if args.set == "all" else [args.set]
    doors = list(DOORS) if args.door == "all" else [args.door]
    folders = ["html" if door == "html" else f"text/{door}" for door in doors]
    for name in sets:
        require_data(args.bench / name, *LABELS[name], *folders, argument="BENCH_DIR")
    timings: list[tuple[str, DoorRun]] = []
    for name in sets:
        cases, runs = run_set(name, args.bench / name, doors, args.repeat)
        _report_set(name, cases, runs, args.errors)
        timings += [(name, run) for run in runs]
    _print_times(timings, args.repeat)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH, help="folder holding zyte/ and articles/")
    parser.add_argument("--set", choices=(*SETS, "all"), default="all", help="which benchmark (default: all)")
    parser.add_argument("--door", choices=(*DOORS, "all"), default="all", help="which door (default: all)")
    parser.add_argument("--errors", type=int, default=0, help="list up to N misses per field and door")
    parser.add_argument("--repeat", type=int, default=1, help="time each page N times, keep the fastest (default 1)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.errors < 0:
        parser.error("--repeat must be at least 1 and --errors at least 0")
    return args


def _report_set(name: str, cases: list[Case], runs: list[DoorRun], errors: int) -> None:
    scores = {run.door: score_fields(cases, run.newsparse.fields) for run in runs}
    reference = next((score_fields(cases, run.trafilatura.fields) for run in runs if run.trafilatura), None)
    _print_table(name, cases, runs, scores, reference)
    zyte = name == "zyte"  # the only set with related and vote labels
    related = {run.door: score_related(cases, run.newsparse.fields, by_url=run.door == "html") for run in runs}
    votes = {run.door: score_votes(cases, run.newsparse.fields) for run in runs}
    if zyte:
        _print_related_votes(related, votes)
    if not errors:
        return
    others = _missed_by_others(scores.get("html"), reference)
    for run in runs:
        where = f"{name}, {_door_label(run.door)}"
        for field_name, tally in scores[run.door].items():
            _print_misses(f"{where}, {COLUMN[field_name]}", tally, errors, others, field_name)
        if zyte:
            _print_related_misses(f"{where}, related", related[run.door], errors)
            _print_misses(f"{where}, votes", votes[run.door], errors, {}, "votes")


def _door_label(door: str) -> str:
    return "HTML" if door == "html" else f"text {door}"


def _print_table(
    name: str,
    cases: list[Case],
    runs: list[DoorRun],
    scores: dict[str, dict[str, Tally]],
    reference: dict[str, Tally] | None,
) -> None:
    counts = ", ".join(f"{COLUMN[f]} {sum(f in c.labels for c in cases)}" for f in FIELDS)
    print(f"\n{name}: {len(cases)} pages; labelled: {counts}. Accuracy, % of the labelled pages")
    print(f"{'':18}" + "".join(f"{COLUMN[f]:^22}" for f in FIELDS))
    print(f"{'door':18}" + f"{'newsp':>8}{'traf':>7}{'diff':>7}" * len(FIELDS))
    for run in runs:
        cells = "".join(
            _cells(scores[run.door][f], reference[f] if reference and run.trafilatura else None) for f in FIELDS
        )
        refused = f"  ({run.newsparse.refused} empty inputs refused)" if run.newsparse.refused else ""
        print(f"{_door_label(run.door):18}{cells}{refused}")
    if reference and any(not run.trafilatura for run in runs):
        print("(trafilatura reads HTML only: for the text rows, compare with its HTML figure)")


def _cells(ours: Tally, theirs: Tally | None) -> str:
    if theirs is None:
        return f"{ours.percent:8.1f}{'':14}"
    return f"{ours.percent:8.1f}{theirs.percent:7.1f}{ours.percent - theirs.percent:+7.1f}"


def _print_related_votes(related: dict[str, LinkTally], votes: dict[str, Tally]) -> None:
    print("related links, counted over links (HTML: by URL; text: by title)")
    for door, links in related.items():
        print(
            f"  {_door_label(door):16}  precision {links.precision:5.1f}% ({links.matched} of {links.predicted})"
            f"  recall {links.recall:5.1f}% ({links.matched} of {links.labelled})"
        )
    print("vote counts")
    for door, tally in votes.items():
        wrong = tally.total - tally.right
        print(f"  {_door_label(door):16}  {wrong} of {tally.total} pages wrong ({tally.percent:.1f}% right)")


def _missed_by_others(html: dict[str, Tally] | None, reference: dict[str, Tally] | None) -> dict[str, dict[str, Tally]]:
    """Per reader, one tally per field: a miss that the HTML door or trafilatura gets right is a lead."""
    return {label: tallies for label, tallies in (("HTML door", html), ("trafilatura", reference)) if tallies}


def _print_misses(title: str, tally: Tally, n: int, others: Mapping[str, dict[str, Tally]], field_name: str) -> None:
    print(f"\n{title}: {len(tally.misses)} of {tally.total} wrong")
    for pid, expected, got in tally.misses[:n]:
        right = [
            label
            for label, tallies in others.items()
            if tallies[field_name] is not tally and pid in tallies[field_name].hits
        ]
        note = f"  [{' and '.join(right)} right]" if right else ""
        print(f"  {_short(pid)}  want: {expected}{note}\n  {'':40}  got:  {got}")


def _print_related_misses(title: str, links: LinkTally, n: int) -> None:
    print(f"\n{title}: {len(links.pages)} pages not matched exactly")
    worst = sorted(links.pages, key=lambda page: page[3] - max(page[1], page[2]))
    for pid, labelled, predicted, matched in worst[:n]:
        print(f"  {_short(pid)}  labelled {labelled:2d}  found {predicted:2d}  matched {matched:2d}")


def _short(page_id: str) -> str:
    return f"{page_id:40}" if len(page_id) <= 40 else page_id[:39] + "…"


def _print_times(timings: list[tuple[str, DoorRun]], repeat: int) -> None:
    passes = "one pass" if repeat == 1 else f"fastest of {repeat} runs per page"
    print(f"\ntime ({passes}): newsparse's whole Article against trafilatura's bare_extraction, same input")
    html_totals = {name: sum(run.trafilatura.times) for name, run in timings if run.trafilatura}
    for name, run in timings:
        ours = sum(run.newsparse.times)
        line = f"  {name:8} {_door_label(run.door):16} newsparse {_median_ms(run.newsparse):5.1f} ms/page"
        if run.trafilatura:
            theirs = sum(run.trafilatura.times)
            line += f", trafilatura {_median_ms(run.trafilatura):5.1f}; total {ours:.1f} s / {theirs:.1f} s"
            line += f" = {ours / theirs:.2f}x"
        elif name in html_totals:
            line += f"; total {ours:.1f} s = {ours / html_totals[name]:.2f}x trafilatura's on the HTML"
        print(line)
    pairs = [(sum(run.newsparse.times), sum(run.trafilatura.times)) for _, run in timings if run.trafilatura]
    if len(pairs) > 1:
        ours, theirs = (sum(column) for column in zip(*pairs, strict=True))
        print(f"  {'all sets':8} {'HTML':16} total {ours:.1f} s / {theirs:.1f} s = {ours / theirs:.2f}x")


def _median_ms(reading: Reading) -> float:
    return statistics.median(reading.times) * 1000


if __name__ == "__main__":
    main()
