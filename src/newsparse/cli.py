"""The ``newsparse`` command: parse pages given as files (or ``-`` for standard input).

Each input yields one record on standard output; an input that cannot be read or parsed
gets one line on standard error and the command goes on with the others. The exit
status is 0 when every input parsed, 1 when some did not, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from newsparse import __version__
from newsparse.errors import NewsparseError
from newsparse.model import Article
from newsparse.pipeline import parse

log = logging.getLogger("newsparse")

STDIN = "-"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, format="newsparse: %(message)s")
    records = list(_records(args.files, url=args.url))
    _write(records, args.format, sys.stdout)
    return 0 if len(records) == len(args.files) else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsparse", description="Extract articles from HTML pages or text dumps.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="HTML or text files (.gz too); - reads stdin")
    parser.add_argument("--format", choices=("json", "jsonl", "text"), default="json", help="output format")
    parser.add_argument("--url", help="the page's URL, to resolve relative links (applies to every FILE)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what is going on")
    parser.add_argument("--version", action="version", version=f"newsparse {__version__}")
    return parser


def _records(names: Sequence[str], *, url: str | None) -> Iterator[tuple[str, Article]]:
    for name in names:
        try:
            source = sys.stdin.buffer.read() if name == STDIN else Path(name)
            yield name, parse(source, url=url)
        except NewsparseError as exc:
            _complain(f"{name}: {exc}")
        except Exception as exc:  # a bug; one bad page must not stop the others
            log.debug("traceback for %s", name, exc_info=True)
            _complain(f"{name}: internal error {type(exc).__name__}: {exc} (please report it)")


def _complain(message: str) -> None:
    print(f"newsparse: {message}", file=sys.stderr)


def _record_dict(name: str, article: Article) -> dict[str, Any]:
    return {"source": name, **article.to_dict()}


def _write(records: list[tuple[str, Article]], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump([_record_dict(n, a) for n, a in records], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for name, article in records:
            out.write(json.dumps(_record_dict(name, article), ensure_ascii=False) + "\n")
    else:
        out.write("\n\n".join(render_text(n, a) for n, a in records) + "\n")


def render_text(name: str, article: Article) -> str:
    """A plain reading view: headline, what is known about the page, the body, related links."""
    headline = article.headline or "(no headline)"
    lines = [f"# {name}", headline, "=" * min(len(headline), 80)]
    lines += [f"{key}: {value}" for key, value in _facts(article) if value]
    lines += ["", article.body or "(no body)"]
    if article.related:
        lines += ["", "Related:"] + [f"  - {r.title}" + (f" <{r.url}>" if r.url else "") for r in article.related]
    return "\n".join(lines)


def _facts(article: Article) -> list[tuple[str, str | None]]:
    votes = f"{article.votes.count} ({article.votes.raw})" if article.votes else None
    byline = article.byline
    return [
        ("By", ", ".join(byline.authors) if byline else None),
        ("Published", article.published.isoformat() if article.published else None),
        ("Language", article.language),
        ("Votes", votes),
        ("Site", article.site_name),
        ("URL", article.url),
        ("Removed", f"{len(article.removed)} blocks" if article.removed else None),
    ]


if __name__ == "__main__":
    sys.exit(main())
