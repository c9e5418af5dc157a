"""The ``newsparse`` command: one page or a crawl of millions, with no subcommand to learn.

    newsparse page.html                                   # a JSON array on standard output
    newsparse crawl/ 'dumps/**/*.txt' pages.jsonl.gz crawl.warc.gz -o out.jsonl --workers 8
    newsparse crawl/ -o out.jsonl --resume                # after a crash: only what is missing

Every input yields exactly one record in the output: its article, or its error (``error`` and
``message`` fields). The exit status is 0 when every input parsed, 1 when some did not, 2 for
a usage error and 130 when interrupted (the records written so far are whole).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from newsparse import __version__
from newsparse.batch import DEFAULT_TIMEOUT, Document, Failure, parse_many
from newsparse.batch.inputs import PAGE_SUFFIXES, file_documents, input_files, single_document, suffix_of
from newsparse.batch.outputs import FORMATS, PARQUET_NEEDS_PYARROW, RESUMABLE, format_for, open_writer
from newsparse.batch.pool import default_workers
from newsparse.batch.readback import done_keys
from newsparse.batch.records import Record

log = logging.getLogger("newsparse")

STDIN = "-"
EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _configure_logging(verbose=args.verbose)
    try:
        fmt = format_for(args.output, args.format)
        problem = _usage_problem(args, fmt)
        done = done_keys(args.output, fmt) if args.resume and not problem else set()
    except ValueError as exc:
        problem = str(exc)
    if problem:
        parser.error(problem)  # exits with status 2
    try:
        return _batch(args, fmt, done)
    except BrokenPipeError:  # "newsparse ... | head": the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _configure_logging(*, verbose: bool) -> None:
    """Our messages on stderr, the debug ones with -v."""
    handler = logging.StreamHandler()  # this run's stderr: one handler, not one per call of main()
    handler.setFormatter(logging.Formatter("newsparse: %(message)s"))
    log.handlers = [handler]
    log.setLevel(logging.DEBUG if verbose else logging.WARNING)
    log.propagate = False


def _batch(args: argparse.Namespace, fmt: str, done: set[str]) -> int:
    tally = _Tally(skipped=0)
    items = _skip_done(_inputs(args), done, tally)
    progress = args.progress if args.progress is not None else (args.output is not None and sys.stderr.isatty())
    timeout = args.timeout or None  # 0: no limit
    total = _inputs_left(args, done) if progress else None  # a walk up front, for the bar's ETA
    records = parse_many(
        items,
        workers=_workers(args),
        timeout=timeout,
        ordered=not args.unordered,
        progress=progress,
        total=total,
        max_memory_mb=args.max_memory,
    )
    status = _run(records, args, fmt, tally, quiet=progress)
    if args.output or tally.failed or progress or tally.skipped:
        _complain(tally.summary())
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsparse", description="Extract articles from HTML pages and text dumps, one page or millions."
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files (.gz too), directories (walked for pages), globs ('**/*.html'), JSONL or WARC files; - is stdin",
    )
    parser.add_argument("-o", "--output", help="write here instead of standard output (format from the suffix)")
    parser.add_argument("--format", choices=FORMATS, help="json (default on stdout), jsonl, csv, parquet or text")
    parser.add_argument("--workers", type=int, help="worker processes (default: one per CPU; 0: none)")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds a page may take (default 60; 0: no limit)"
    )
    parser.add_argument(
        "--max-memory", type=int, metavar="MB", help="memory a worker may hold, imports included (about 150 MB)"
    )
    parser.add_argument("--field", help="the JSONL field holding the page (default: html, content, raw or text)")
    parser.add_argument("--id-field", help="the JSONL field holding each page's id (default: file:line)")
    parser.add_argument("--url", help="the page's URL, to resolve relative links (for inputs that carry none)")
    parser.add_argument("--resume", action="store_true", help="skip the inputs already in the output, append the rest")
    parser.add_argument("--unordered", action="store_true", help="write records as they complete, not in input order")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, help="a progress bar on stderr")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what is going on")
    parser.add_argument("--version", action="version", version=f"newsparse {__version__}")
    return parser


def _usage_problem(args: argparse.Namespace, fmt: str) -> str | None:
    if args.resume and not args.output:
        return "--resume needs -o: the output to read what is done from"
    if args.resume and fmt not in RESUMABLE:
        return f"--resume works with {' or '.join(RESUMABLE)} output, not {fmt}"
    if fmt == "parquet" and not args.output:
        return "Parquet output needs a file: -o out.parquet"
    if fmt == "parquet" and not _importable("pyarrow.parquet"):
        return PARQUET_NEEDS_PYARROW
    if args.timeout is not None and not args.timeout >= 0:  # "not >=" refuses NaN too
        return "--timeout must be positive (or 0 for no limit)"
    if args.workers is not None and args.workers < 0:
        return "--workers must be 0 (parse in the main process) or more"
    if args.max_memory is not None and args.max_memory <= 0:
        return "--max-memory must be a positive number of MB"
    if args.output and any(_same_file(args.output, spec) for spec in args.inputs):
        return f"the output {args.output} is also an input: it would be emptied before it is read"
    return None


def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inputs(args: argparse.Namespace) -> Iterator[Document | Failure]:
    output = Path(args.output).resolve() if args.output else None
    for spec in args.inputs:
        if spec == STDIN:
            found: Iterable[Document | Failure] = [Document(STDIN, content=sys.stdin.buffer.read())]
        else:
            found = _documents_but(spec, output, field=args.field, id_field=args.id_field)
        for item in found:
            if args.url and isinstance(item, Document) and not item.url:
                item = dataclasses.replace(item, url=args.url)
            yield item


def _inputs_left(args: argparse.Namespace, done: set[str]) -> int | None:
    """The records this run will write, counted from the inputs' names (nothing is read): the
    progress bar's total. None when a JSONL or WARC file is among them. Skips what ``_inputs``
    and ``_skip_done`` skip: the output file, and the inputs already done."""
    output = Path(args.output).resolve() if args.output else None
    count = sum(1 for spec in args.inputs if spec == STDIN and STDIN not in done)
    for found in input_files(spec for spec in args.inputs if spec != STDIN):
        if isinstance(found, Failure):
            count += found.key not in done
        # The name first: resolving every file of a crawl costs 4 s per 100,000 files.
        elif output is None or found.name != output.name or found.resolve() != output:
            if not single_document(found):
                return None
            count += str(found) not in done  # a page's record is named by its path
    return count


def _documents_but(
    spec: str, output: Path | None, *, field: str | None, id_field: str | None
) -> Iterator[Document | Failure]:
    """The documents at ``spec`` but the output file's: ``newsparse crawl/ -o crawl/out.jsonl``
    would otherwise read its own records back as JSON lines, and write one for each, forever."""
    for found in input_files([spec]):
        if isinstance(found, Failure):
            yield found
        elif output is not None and found.resolve() == output:
            log.debug("%s: the output file, not an input", found)
        else:
            yield from file_documents(found, field=field, id_field=id_field)


def _skip_done(items: Iterator[Document | Failure], done: set[str], tally: _Tally) -> Iterator[Document | Failure]:
    for item in items:
        if item.key in done:
            tally.skipped += 1
        else:
            yield item


def _workers(args: argparse.Namespace) -> int:
    """As asked; else none for a single page (a pool's start costs more than the page), else one per CPU."""
    if args.workers is not None:
        return int(args.workers)
    [first, *rest] = args.inputs
    single = not rest and (first == STDIN or (os.path.isfile(first) and suffix_of(first) in PAGE_SUFFIXES))
    return 0 if single else default_workers()


@dataclasses.dataclass
class _Tally:
    skipped: int
    parsed: int = 0
    failed: int = 0
    errors: Counter[str] = dataclasses.field(default_factory=Counter)
    started: float = dataclasses.field(default_factory=time.monotonic)

    def add(self, record: Record) -> None:
        if record.ok:
            self.parsed += 1
        else:
            self.failed += 1
            assert isinstance(record, Failure)
            self.errors[record.error] += 1

    def summary(self) -> str:
        seconds = time.monotonic() - self.started
        done = self.parsed + self.failed
        kinds = ", ".join(f"{n} {kind}" for kind, n in self.errors.most_common())
        failed = f"{self.failed} failed" + (f" ({kinds})" if kinds else "")
        skipped = f", {self.skipped} skipped as already done" if self.skipped else ""
        rate = f"{done / seconds:.1f} docs/s" if seconds > 0 else "-"
        return f"{done} inputs: {self.parsed} parsed, {failed}{skipped}; {rate} over {seconds:.1f} s"


def _run(records: Iterator[Record], args: argparse.Namespace, fmt: str, tally: _Tally, *, quiet: bool) -> int:
    """Write every record as it comes; on Ctrl-C, close the output with whole records only."""
    append = bool(args.resume and os.path.exists(args.output) and os.path.getsize(args.output))
    with _output_stream(args.output, fmt, append=args.resume) as out:
        writer = open_writer(out, args.output, fmt, append=append)
        try:
            for record in records:
                writer.write(record)
                tally.add(record)
                if isinstance(record, Failure) and not quiet:
                    _complain(f"{record.source}: {record.error}: {record.message}")
        except KeyboardInterrupt:
            _complain("interrupted; the records written so far are whole (use --resume to go on)")
            return EXIT_INTERRUPTED
        finally:
            writer.close()
    return EXIT_FAILURES if tally.failed else EXIT_OK


@contextmanager
def _output_stream(path: str | None, fmt: str, *, append: bool) -> Iterator[IO[str] | None]:
    """The text stream records go to: the output file, or stdout; None for Parquet, which
    pyarrow writes to its path itself."""
    if fmt == "parquet":
        yield None
    elif path is None:
        yield sys.stdout
    else:
        with open(path, "a" if append else "w", encoding="utf-8", newline="") as stream:
            yield stream


def _complain(message: str) -> None:
    print(f"newsparse: {message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
