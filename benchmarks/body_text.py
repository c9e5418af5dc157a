"""Body accuracy and speed on the text dumps of the benchmark sets.

    python benchmarks/body_text.py [BENCH_DIR] [--set zyte|articles|all]
                                   [--style html_text|inscriptis|chromium] [--errors N] [--repeat N]

BENCH_DIR defaults to ../shared/bench beside the checkout; its ``zyte/`` (181 pages, scored
by shingle F1) and ``articles/`` (511 pages, scored by ``with``/``without`` snippets) hold
every page flattened to its whole visible text in three styles (``text/html_text``,
``text/inscriptis``, ``text/chromium``), scored against the same labels as the HTML. The zyte
folder itself (the old default) is read as the zyte set alone. newsparse's text door runs next
to trafilatura given the same text wrapped as one ``<p>`` per line, and the whole dump taken as
the body; every system gets the page's URL. The HTML door on the original pages is timed
beside them, since the text door should not be the slower one. After each table: the pages
where newsparse's body is empty and trafilatura's is not, and the pages where newsparse trails
trafilatura by more than 0.2 (the whole dump is a baseline, not a system to trail).
"""

from __future__ import annotations

import html
import logging
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import (
    KINDS,
    LABELS,
    PAGE_SETS,
    Kind,
    Page,
    Run,
    System,
    arguments,
    empty_alone,
    print_leads,
    read_dump,
    read_html,
    require_data,
    run_interleaved,
    set_folders,
    warm_up,
)

import newsparse

STYLES = ("html_text", "inscriptis", "chromium")
SETS = ("zyte", "articles")  # the sets with dumps
OURS, RIVAL, WHOLE = "newsparse (text door)", "trafilatura (one <p> per line)", "whole dump as the body"


def _newsparse(text: str, url: str | None) -> str:
    try:
        return newsparse.parse_text(text, url=url).body
    except newsparse.NewsparseError:  # an empty dump (three articles chromium ones) is refused: no body
        return ""


def _newsparse_html(page: str, url: str | None) -> str:
    return newsparse.parse_html(page, url=url).body


def _trafilatura(text: str, url: str | None) -> str:
    import trafilatura

    wrapped = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines()) + "</body></html>"
    return trafilatura.extract(wrapped, url=url, include_comments=False) or ""


def _whole_dump(text: str, url: str | None) -> str:
    return text


SYSTEMS: dict[str, System] = {OURS: _newsparse, RIVAL: _trafilatura, WHOLE: _whole_dump}


def main(argv: list[str] | None = None) -> None:
    args = arguments(
        __doc__,
        SETS,
        argv,
        ("--style", {"choices": STYLES, "action": "append", "help": "dump styles to run (default: all three)"}),
    )
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)  # trafilatura logs every dump it finds too short
    styles = args.style or STYLES
    folders = set_folders(args.bench, args.set, SETS)
    for name, data in folders.items():
        require_data(data, LABELS[name], "html", *(f"text/{style}" for style in styles), argument="BENCH_DIR")
    for name, data in folders.items():
        pages = PAGE_SETS[name](data)
        html_door = html_door_run(pages, args.repeat)
        for style in styles:
            docs = [(page, read_dump(data, style, page)) for page in pages]
            warm_up(SYSTEMS.values(), docs)
            runs = run_interleaved(SYSTEMS, docs, args.repeat)
            report(f"{name}, {style}", KINDS[name], pages, runs, html_door, args.errors)


def html_door_run(pages: Sequence[Page], repeat: int) -> Run:
    """newsparse's HTML door on the set's original pages, fastest of ``repeat`` runs each."""
    docs = [(page, read_html(page)) for page in pages]
    warm_up([_newsparse_html], docs)
    return run_interleaved({"HTML door": _newsparse_html}, docs, repeat)["HTML door"]


def report(title: str, kind: Kind, pages: Sequence[Page], runs: dict[str, Run], html_door: Run, errors: int) -> None:
    print(f"\n{title}: {len(pages)} text dumps")
    print(f"{'system':34} {kind.header} {'ms/page':>8} {'vs HTML door':>13}")
    html_total = html_door.total(pages)
    for name, run in runs.items():
        alone = len(empty_alone(runs, name, (OURS, RIVAL), pages))
        quality = kind.cells(pages, run.outputs, alone)
        print(f"{name:34} {quality} {run.median_ms(pages):8.2f} {run.total(pages) / html_total:12.2f}x")
    print_leads(title, kind, pages, runs, OURS, [RIVAL], errors)


if __name__ == "__main__":
    main()
