"""The ``newsparse`` command: one page or a crawl of millions, with no subcommand to learn.

    newsparse page.html                                   # a JSON array on standard output
    newsparse crawl/ 'dumps/**/*.txt' pages.jsonl.gz crawl.warc.gz -o out.jsonl --workers 8
    newsparse crawl/ -o out.jsonl --resume                # after a crash: only what is missing

Every input yields exactly one record in the output: its article, or its error (``error`` and
``message`` fields). The exit status is 0 when every input parsed, 1 when some did not, 2 for
a usage error (an output that cannot be opened among them), 74 when the output could not be
written on (a full disk), 130 when interrupted (Ctrl-C) and 143 when terminated (SIGTERM). In
the last three cases the records written so far are whole.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import logging
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import IO

from newsparse import __version__
from newsparse.batch import DEFAULT_TIMEOUT, Document, Failure, parse_many
from newsparse.batch.inputs import PAGE_SUFFIXES, file_documents, input_files, single_document, suffix_of
from newsparse.batch.outputs import FORMATS, PARQUET_NEEDS_PYARROW, RESUMABLE, Writer, as_utf8, format_for, open_writer
from newsparse.batch.pool import default_workers
from newsparse.batch.readback import done_keys
from newsparse.batch.records import Record
from newsparse.display import escape_controls

log = logging.getLogger("newsparse")

STDIN = "-"
EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
# sysexits.h's EX_IOERR: the output failed while being written (a full disk).
EXIT_OUTPUT_FAILED = 74
# A shell's code for a command a signal stopped: 128 + the signal's number.
EXIT_STOPPED: dict[int, int] = {signal.SIGINT: 130, signal.SIGTERM: 143}
STOPPED_HOW: dict[int, str] = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}
WHOLE = "the records written so far are whole"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _configure_logging(verbose=args.verbose)
    try:
        fmt = format_for(args.output, args.format)
        problem = _usage_problem(args, fmt) or _output_problem(args.output)
        done = done_keys(args.output, fmt) if args.resume and not problem else set()
    except ValueError as exc:
        problem = str(exc)
    if problem:
        parser.error(problem)  # exits with status 2
    try:
        return _batch(args, fmt, done)
    except BrokenPipeError:  # "newsparse ... | head": the reader has what it wanted
        _silence_stdout()
        return EXIT_OK


def _silence_stdout() -> None:
    """Point stdout at /dev/null: what Python would flush into a closed pipe or a full disk at
    exit would print a second error."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _configure_logging(*, verbose: bool) -> None:
    """Our messages on stderr, the debug ones with -v."""
    handler = logging.StreamHandler()  # this run's stderr: one handler, not one per call of main()
    handler.setFormatter(_EscapingFormatter("newsparse: %(message)s"))
    log.handlers = [handler]
    log.setLevel(logging.DEBUG if verbose else logging.WARNING)
    log.propagate = False


class _EscapingFormatter(logging.Formatter):
    """Messages name inputs and fields a page chose: their controls reach the terminal escaped."""

    def format(self, record: logging.LogRecord) -> str:
        return escape_controls(super().format(record))


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
    parser.add_argument(
        "--follow-links", action="store_true", help="read files a walk or glob reaches through links out of its folder"
    )
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


def _output_problem(path: str | None) -> str | None:
    """Why the output cannot be written, told before any page is parsed."""
    if path is None:
        return None
    folder = os.path.dirname(path) or "."
    if os.path.isdir(path):
        reason = "it is a directory"
    elif not os.path.isdir(folder):
        reason = f"there is no directory {folder}"
    elif not os.access(path if os.path.exists(path) else folder, os.W_OK):
        reason = "permission denied"
    else:
        return None
    return f"cannot write {path}: {reason}"


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


def _real(path: str | Path) -> Path:
    """The path with every link followed. Path.resolve() raises RuntimeError on a link loop
    (Python < 3.13); os.path.realpath leaves the loop where it is."""
    return Path(os.path.realpath(path))


def _inputs(args: argparse.Namespace) -> Iterator[Document | Failure]:
    output = _real(args.output) if args.output else None
    for spec in args.inputs:
        if spec == STDIN:
            found: Iterable[Document | Failure] = [Document(STDIN, content=sys.stdin.buffer.read())]
        else:
            found = _documents_but(spec, output, args)
        for item in found:
            if args.url and isinstance(item, Document) and not item.url:
                item = dataclasses.replace(item, url=args.url)
            yield item


def _inputs_left(args: argparse.Namespace, done: set[str]) -> int | None:
    """The records this run will write, counted from the inputs' names (nothing is read): the
    progress bar's total. None when a JSONL or WARC file is among them. Skips what ``_inputs``
    and ``_skip_done`` skip: the output file, and the inputs already done."""
    output = _real(args.output) if args.output else None
    count = sum(1 for spec in args.inputs if spec == STDIN and STDIN not in done)
    for found in input_files((spec for spec in args.inputs if spec != STDIN), follow_links=args.follow_links):
        if isinstance(found, Failure):
            count += not _is_done(found.key, done)
        elif not _is_output(found, output):
            if not single_document(found):
                return None
            count += not _is_done(str(found), done)  # a page's record is named by its path
    return count


def _is_output(found: Path, output: Path | None) -> bool:
    # The name first: resolving every file of a crawl costs 4 s per 100,000 files.
    return output is not None and found.name == output.name and _real(found) == output


def _documents_but(spec: str, output: Path | None, args: argparse.Namespace) -> Iterator[Document | Failure]:
    """The documents at ``spec`` but the output file's: ``newsparse crawl/ -o crawl/out.jsonl``
    would otherwise read its own records back as JSON lines, and write one for each, forever."""
    for found in input_files([spec], follow_links=args.follow_links):
        if isinstance(found, Failure):
            yield found
        elif _is_output(found, output):
            log.debug("%s: the output file, not an input", found)
        else:
            yield from file_documents(found, field=args.field, id_field=args.id_field)


def _skip_done(items: Iterator[Document | Failure], done: set[str], tally: _Tally) -> Iterator[Document | Failure]:
    for item in items:
        if _is_done(item.key, done):
            tally.skipped += 1
        else:
            yield item


def _is_done(key: str, done: set[str]) -> bool:
    """Whether a record for ``key`` was written: as it is, or as a CSV writes a name that is no
    UTF-8 (a file name's undecodable bytes come as lone surrogates, and go out as U+FFFD)."""
    return key in done or as_utf8(key) in done


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


class _Stopped(BaseException):
    """Ctrl-C or SIGTERM, raised where the run is but never inside a record's writing. A
    BaseException, as KeyboardInterrupt is, so no ``except Exception`` on the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Stop:
    """Ctrl-C and SIGTERM (from ``timeout``, systemd, ``docker stop``) stop the run alike. A
    signal that comes while a record is written, or the output closed, waits for its end: a
    JSON array or a Parquet file cut in the middle could not be read."""

    def __init__(self) -> None:
        self.busy = False
        self.pending: int | None = None
        self.stopped = False

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if self.busy or self.stopped:  # once stopping, a second signal changes nothing
            self.pending = self.pending or signum
            return
        self.stopped = True
        raise _Stopped(signum)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        self.busy = True
        try:
            yield
        finally:
            self.busy = False
        if self.pending is not None and not self.stopped:
            self.stopped = True
            raise _Stopped(self.pending)


@contextmanager
def _stop_signals() -> Iterator[_Stop]:
    """Catch SIGINT and SIGTERM while the batch runs (only the main thread may set handlers)."""
    stop = _Stop()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return
    before = {signum: signal.signal(signum, stop.handle) for signum in EXIT_STOPPED}
    try:
        yield stop
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


class _OutputError(Exception):
    """The output could not be opened or written on: one line for the user, not a traceback."""

    def __init__(self, path: str | None, cause: OSError, status: int) -> None:
        super().__init__(f"cannot write {path or 'standard output'}: {cause.strerror or cause}")
        self.path, self.status = path, status


@contextmanager
def _writing(path: str | None, status: int = EXIT_OUTPUT_FAILED) -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:  # "| head": main() ends quietly
        raise
    except OSError as exc:  # a full disk, a missing folder, an unwritable file
        raise _OutputError(path, exc, status) from exc


def _run(records: Iterator[Record], args: argparse.Namespace, fmt: str, tally: _Tally, *, quiet: bool) -> int:
    """Write every record as it comes. Ctrl-C, SIGTERM or a failing disk end the run with the
    output closed on whole records."""
    try:
        with _stop_signals() as stop, _output(args, fmt, stop) as writer:
            for record in records:
                with stop.deferred(), _writing(args.output):
                    writer.write(record)
                    tally.add(record)
                if isinstance(record, Failure) and not quiet:
                    _complain(f"{record.source}: {record.error}: {record.message}")
    except (_Stopped, KeyboardInterrupt) as exc:
        signum = exc.signum if isinstance(exc, _Stopped) else signal.SIGINT
        _complain(f"{STOPPED_HOW[signum]}; {WHOLE}{_resume_note(fmt)}")
        return EXIT_STOPPED[signum]
    except _OutputError as exc:
        if exc.path is None:
            _silence_stdout()
        _complain(str(exc) if exc.status == EXIT_USAGE else f"{exc}; {WHOLE}{_resume_note(fmt)}")
        return exc.status
    return EXIT_FAILURES if tally.failed else EXIT_OK


def _resume_note(fmt: str) -> str:
    return " (use --resume to go on)" if fmt in RESUMABLE else ""


@contextmanager
def _output(args: argparse.Namespace, fmt: str, stop: _Stop) -> Iterator[Writer]:
    """The writer of the output, closed whatever happens: a JSON array gets its "]", Parquet its
    footer. An output that cannot be opened is a usage error (exit 2)."""
    path = args.output
    append = bool(args.resume and os.path.exists(path) and os.path.getsize(path))
    with _writing(path, EXIT_USAGE):
        stream = _open_stream(path, fmt, append=args.resume)
        writer = open_writer(stream, path, fmt, append=append)
    whole = False
    try:
        yield writer
        whole = True
    finally:
        with stop.deferred():
            _close(writer, stream, path, report=whole)


def _open_stream(path: str | None, fmt: str, *, append: bool) -> IO[str] | None:
    """The text stream records go to: the output file, or stdout; None for Parquet, which
    pyarrow writes to its path itself."""
    if fmt == "parquet":
        return None
    if path is None:
        return sys.stdout
    return open(path, "a" if append else "w", encoding="utf-8", newline="")  # closed by _close


def _close(writer: Writer, stream: IO[str] | None, path: str | None, *, report: bool) -> None:
    """Close the writer, then the file, even when the writer's last flush fails. After an
    earlier failure, a second one says nothing new."""
    try:
        with _writing(path):
            try:
                writer.close()
            finally:
                if stream is not None and stream is not sys.stdout:
                    stream.close()
    except _OutputError:
        if report:
            raise


def _complain(message: str) -> None:
    """A line on stderr; names and messages come from the inputs, their controls escaped."""
    print(f"newsparse: {escape_controls(message)}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
