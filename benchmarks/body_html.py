"""Body accuracy and speed on the HTML of every benchmark set, newsparse next to the alternatives.

    python benchmarks/body_html.py [BENCH_DIR] [--set zyte|wceb|articles|all] [--only NAME]
                                   [--errors N] [--repeat N]

BENCH_DIR defaults to ../shared/bench beside the checkout and holds ``zyte/`` (181 pages,
annotated bodies), ``wceb/`` (778 pages in two subsets, annotated bodies) and ``articles/``
(511 pages, ``with``/``without`` snippets); the zyte folder itself (the old default) is read
as the zyte set alone. zyte and wceb are scored by shingle F1, articles by the share of
snippets found (``with``) and kept out (``without``). Every system gets the same decoded
page (str) and URL, in the same run, page by page in turn; a page's time is the fastest of
``--repeat`` runs. Compare the ratios, not the absolutes. ``newsparse`` builds the whole
Article (every field), not only the body. After each set's table(s): the pages where
newsparse's body is empty and another's is not, and the pages where newsparse trails the best
other system by more than 0.2 (page F1, or the page's share of snippets scored right).
"""

from __future__ import annotations

import logging
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import (
    KINDS,
    LABELS,
    PAGE_SETS,
    Page,
    Run,
    System,
    arguments,
    empty_alone,
    groups,
    print_leads,
    read_html,
    require_data,
    run_interleaved,
    set_folders,
    warm_up,
)

import newsparse

OURS, BASELINE, FLOOR = "newsparse", "trafilatura (defaults)", "bare lxml parse"
RIVALS = (BASELINE, "trafilatura (include_comments=False)", "readability-lxml")
# Elements whose text stands on lines of its own in readability's summary, as a browser shows it.
_BLOCKS = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre table tr td th br section article"
    " figure figcaption header footer".split()
)


def _newsparse(html: str, url: str | None) -> str:
    try:
        return newsparse.parse_html(html, url=url).body
    except newsparse.NewsparseError:
        return ""


def _trafilatura(*, include_comments: bool = True) -> System:
    import trafilatura

    def run(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, include_comments=include_comments) or ""

    return run


def _readability(html: str, url: str | None) -> str:
    from readability import Document  # type: ignore[import-untyped]

    try:
        summary = str(Document(html, url=url).summary(html_partial=True))
    except Exception:  # readability raises its own Unparseable and lxml's errors: no body
        return ""
    return _rendered(summary) if summary.strip() else ""


def _rendered(fragment: str) -> str:
    """The fragment's text with line breaks around block elements only: the joins inside a
    line stay as written, so a ``with`` snippet that runs through a link is still found."""
    root = lxml.html.fromstring(fragment)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return "".join(str(text) for text in root.itertext())


def _bare_lxml(html: str, url: str | None) -> str:
    try:
        lxml.html.document_fromstring(html)
    except ValueError:  # a str that opens with an XML declaration (one wceb page): lxml wants bytes
        lxml.html.document_fromstring(html.encode("utf-8"))
    return ""


SYSTEMS: dict[str, System] = {
    OURS: _newsparse,
    BASELINE: _trafilatura(),
    "trafilatura (include_comments=False)": _trafilatura(include_comments=False),
    "readability-lxml": _readability,
    FLOOR: _bare_lxml,
}


def main(argv: list[str] | None = None) -> None:
    args = arguments(
        __doc__,
        list(PAGE_SETS),
        argv,
        ("--only", {"action": "append", "help": "run only these systems (and newsparse and the timing references)"}),
    )
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)  # trafilatura logs every page it finds too short
    folders = set_folders(args.bench, args.set, list(PAGE_SETS))
    for name, data in folders.items():
        require_data(data, LABELS[name], "html", argument="BENCH_DIR")
    names = [n for n in SYSTEMS if not args.only or n in args.only or n in (OURS, BASELINE, FLOOR)]
    for name, data in folders.items():
        pages = PAGE_SETS[name](data)
        docs = [(page, read_html(page)) for page in pages]
        systems = {n: SYSTEMS[n] for n in names}
        warm_up(systems.values(), docs)
        report(name, pages, run_interleaved(systems, docs, args.repeat), args.errors)


def report(name: str, pages: Sequence[Page], runs: dict[str, Run], errors: int) -> None:
    """The set's table (one per wceb subset, then all), newsparse's lone empty bodies and its trails."""
    kind, rivals = KINDS[name], [n for n in RIVALS if n in runs]
    for group, group_pages in groups(pages):
        print(f"\n{name} {group}".rstrip() + f": {len(group_pages)} pages, HTML")
        print(f"{'system':40} {kind.header} {'ms/page':>8} {'vs traf':>8} {'vs lxml':>8}")
        base, floor = runs[BASELINE].total(group_pages), runs[FLOOR].total(group_pages)
        for system, run in runs.items():
            alone = len(empty_alone(runs, system, (OURS, *rivals), group_pages))
            quality = kind.blank if system == FLOOR else kind.cells(group_pages, run.outputs, alone)
            total = run.total(group_pages)
            print(f"{system:40} {quality} {run.median_ms(group_pages):8.1f} {total / base:7.2f}x {total / floor:7.1f}x")
    print_leads(name, kind, pages, runs, OURS, rivals, errors)


if __name__ == "__main__":
    main()
