"""A batch's outputs as a pandas user meets them: one type per column, read back into the
records that were written, ids of the input's own, and --resume that touches only our files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest

import newsparse
import newsparse.dask
from conftest import FIXTURES
from newsparse.batch.outputs import open_writer
from newsparse.batch.records import Document, Failure, Parsed, Record
from newsparse.cli import main

# A dump whose byline gives a time without a zone: the naive kind of ``published``.
NIGHT_BUSES = """Night buses return to the valley routes

By Mara Jensen | 5 March 2024, 09:15

The regional transport board restored three night bus routes on Monday after a year without them.

Drivers were hired over the winter, a spokesman said, and the timetable runs until 2 a.m."""


def fixture_input(case: str) -> Path:
    [found] = (FIXTURES / case).glob("input.*")
    return found


@pytest.fixture(scope="module")
def records() -> list[Record]:
    """Real pages whose dates come in every kind: a day, a time at -05:00, a UTC time, a time
    without a zone, none; and an input that failed."""
    cases = ["html-en-no-metadata", "html-drupal-news-en", "html-forum-thread", "text-goat-cliff-rescue"]
    docs = [Document(case, path=str(fixture_input(case))) for case in cases]
    docs.append(Document("night-buses", content=NIGHT_BUSES))
    docs.append(Document("binary", content=bytes(range(32)) * 8))
    found = list(newsparse.parse_many(docs, workers=0))
    kinds = [type(r.article.published).__name__ if isinstance(r, Parsed) else "failed" for r in found]
    assert kinds == ["date", "datetime", "datetime", "NoneType", "datetime", "failed"]
    return found


def write(records: list[Record], path: Path, fmt: str) -> Path:
    if fmt == "parquet":
        writer = open_writer(None, str(path), fmt)
        for record in records:
            writer.write(record)
        writer.close()
        return path
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = open_writer(stream, str(path), fmt)
        for record in records:
            writer.write(record)
        writer.close()
    return path


# ---------------------------------------------------------------- published: one type per column


def expected_instants(records: list[Record]) -> list[pd.Timestamp | None]:
    instants: list[pd.Timestamp | None] = []
    for record in records:
        moment = record.article.published if isinstance(record, Parsed) else None
        if isinstance(moment, datetime):
            aware = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
            instants.append(pd.Timestamp(aware).tz_convert("UTC"))
        elif isinstance(moment, date):
            instants.append(pd.Timestamp(moment.isoformat(), tz="UTC"))
        else:
            instants.append(None)
    return instants


def test_csv_published_is_read_by_pandas_without_arguments(records: list[Record], tmp_path: Path) -> None:
    frame = pd.read_csv(write(records, tmp_path / "out.csv", "csv"))
    published = pd.to_datetime(frame["published"])  # mixed days, zones and naive times: one column
    assert str(published.dtype).startswith("datetime64")
    assert str(published.dt.tz) == "UTC"
    assert [None if pd.isna(v) else v for v in published] == expected_instants(records)
    # The page's own offset beside it: -05:00 on the Drupal page, none for a day or a naive time.
    assert [None if pd.isna(v) else int(v) for v in frame["published_offset"]] == [None, -300, 0, None, None, None]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_the_cli_to_dataframe_and_dask_agree_on_every_column(records: list[Record], tmp_path: Path, fmt: str) -> None:
    reference = newsparse.to_dataframe(records)
    written = newsparse.to_dataframe(newsparse.read_records(write(records, tmp_path / f"out.{fmt}", fmt)))
    pd.testing.assert_frame_equal(written, reference)
    assert str(reference["published"].dtype) == "datetime64[us, UTC]"
    bag = db.from_sequence(records, npartitions=2)
    newsparse.dask.to_parquet(bag, tmp_path / "dask")
    from_dask = dd.read_parquet(tmp_path / "dask").compute().reset_index(drop=True)
    from_cli = pd.read_parquet(write(records, tmp_path / "cli.parquet", "parquet"))
    pd.testing.assert_series_equal(from_dask["published"], from_cli["published"])
    # pandas reads an int column with gaps as float, Dask keeps pandas' Int64: the same values.
    pd.testing.assert_series_equal(from_dask["published_offset"], from_cli["published_offset"].astype("Int64"))
    assert list(from_dask.columns) == list(from_cli.columns)


# ---------------------------------------------------------------- read_records


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_json_outputs_read_back_into_the_same_records(records: list[Record], tmp_path: Path, fmt: str) -> None:
    assert list(newsparse.read_records(write(records, tmp_path / f"out.{fmt}", fmt))) == records


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_outputs_read_back_with_what_a_table_holds(records: list[Record], tmp_path: Path, fmt: str) -> None:
    back = list(newsparse.read_records(write(records, tmp_path / f"out.{fmt}", fmt)))
    assert [r.source for r in back] == [r.source for r in records]
    for got, want in zip(back, records, strict=True):
        if isinstance(want, Failure):
            assert got == want
            continue
        assert isinstance(got, Parsed)
        article, original = got.article, want.article
        assert (article.headline, article.paragraphs, article.votes) == (
            original.headline,
            original.paragraphs,
            original.votes,
        )
        assert (article.byline, article.related, article.url) == (original.byline, original.related, original.url)
        assert article.published == original.published  # every kind, the zone kept
        assert [r.rule for r in article.removed] == [r.rule for r in original.removed]  # texts are not in tables


def test_a_long_body_reads_back_from_csv(tmp_path: Path) -> None:
    """csv's own field limit is 131,072 characters; a 3,000-paragraph page is longer."""
    article = newsparse.Article(headline="Minutes of the council", paragraphs=("Item read and agreed.",) * 8000)
    out = write([Parsed("minutes", article)], tmp_path / "out.csv", "csv")
    [back] = newsparse.read_records(out)
    assert isinstance(back, Parsed)
    assert back.article.paragraphs == article.paragraphs


def test_a_file_we_did_not_write_is_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.jsonl"
    foreign.write_text('{"id": 1, "text": "a note"}\n', encoding="utf-8")
    with pytest.raises(newsparse.ForeignFileError, match=r"line 1 of .* is no newsparse record"):
        list(newsparse.read_records(foreign))


# ---------------------------------------------------------------- --resume touches only our files


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "crawl"
    folder.mkdir()
    for case in ("html-nl-nieuws", "text-goat-cliff-rescue"):
        source = fixture_input(case)
        (folder / f"{case}{source.suffix}").write_bytes(source.read_bytes())
    return folder


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("sales.csv", "region,total\nnorth,12\nsouth,9", None),  # a spreadsheet export, no newline at its end
        ("events.jsonl", '{"event": "login", "user": 7}\n{"event": "logout", "user": 7}', None),
        ("notes.jsonl", "remember to renew the crawl certificate", None),
        ("ours.jsonl", None, "csv"),  # our JSONL, resumed as CSV
    ],
)
def test_resume_refuses_a_file_it_did_not_write_without_touching_it(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | None, fmt: str | None
) -> None:
    out = tmp_path / name
    if content is None:
        assert main([str(pages), "-o", str(out), "--workers", "0"]) == 0
    else:
        out.write_text(content, encoding="utf-8")
    before = out.read_bytes()
    with pytest.raises(SystemExit) as exited:
        main([str(pages), "-o", str(out), "--resume", "--workers", "0", *(["--format", fmt] if fmt else [])])
    assert exited.value.code == 2
    assert "no newsparse" in capsys.readouterr().err
    assert out.read_bytes() == before


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_resume_knows_inputs_whose_names_a_table_changes(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """A name that starts a formula is quoted in CSV, one that is no UTF-8 (a lone surrogate in
    Python) is written with U+FFFD: --resume still knows them as done."""
    page = (pages / "text-goat-cliff-rescue.txt").read_bytes()
    (pages / "=cmd.txt").write_bytes(page)
    (pages / "-draft.txt").write_bytes(page)
    (pages / os.fsdecode(b"caf\xe9.txt")).write_bytes(page)  # latin-1 bytes in a name: "caf\udce9.txt"
    out = tmp_path / f"out.{fmt}"
    assert main([str(pages), "-o", str(out), "--workers", "0"]) == 0
    before = out.read_bytes()
    assert main([str(pages), "-o", str(out), "--workers", "0", "--resume"]) == 0
    assert "0 inputs: 0 parsed, 0 failed, 5 skipped as already done" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_resume_reads_back_a_csv_body_longer_than_csv_allows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """csv's own field limit is 131,072 characters: a 3,000-paragraph page passes it."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    paragraphs = (f"Item {i} of the council's minutes was read and agreed without a vote." for i in range(3000))
    (folder / "minutes.txt").write_text("Minutes of the council\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main([str(folder / "minutes.txt"), "-o", str(out), "--workers", "0"]) == 0
    assert len(out.read_bytes()) > 2 * 131_072
    shutil.copy(fixture_input("text-goat-cliff-rescue"), folder / "goat.txt")
    assert main([str(folder), "-o", str(out), "--workers", "0", "--resume"]) == 0
    assert "1 inputs: 1 parsed, 0 failed, 1 skipped as already done" in capsys.readouterr().err
    assert [r.source for r in newsparse.read_records(out)] == [str(folder / "minutes.txt"), str(folder / "goat.txt")]


# ---------------------------------------------------------------- ids of the input's own


def test_id_field_names_each_jsonl_record_and_resume_goes_by_where_it_was_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        {"doc_id": "nl-utrecht-0307", "html": fixture_input("html-nl-nieuws").read_text("utf-8")},
        {"doc_id": 4411, "text": fixture_input("text-goat-cliff-rescue").read_text("utf-8")},
        {"html": "<p>a line that lost its id</p>"},
    ]
    pages = tmp_path / "pages.jsonl"
    pages.write_text("".join(json.dumps(line) + "\n" for line in lines[:2]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(pages), "-o", str(out), "--id-field", "doc_id", "--workers", "0"]) == 0
    first = list(newsparse.read_records(out))
    assert [(r.source, r.origin) for r in first] == [("nl-utrecht-0307", f"{pages}:1"), ("4411", f"{pages}:2")]
    with pages.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps(lines[2]) + "\n")
    assert main([str(pages), "-o", str(out), "--id-field", "doc_id", "--workers", "0", "--resume"]) == 1
    records = list(newsparse.read_records(out))
    assert records[:2] == first
    assert isinstance(records[2], Failure)
    assert records[2].origin is None
    assert (records[2].source, records[2].error) == (f"{pages}:3", "InvalidInput")
    assert "no id in field 'doc_id'; the line has html" in records[2].message
    capsys.readouterr()


def test_a_wrong_field_is_named_once_with_the_fields_the_lines_have(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages.jsonl"
    page = fixture_input("html-nl-nieuws").read_text("utf-8")
    pages.write_text("".join(json.dumps({"url": f"https://x.example/{i}", "body_html": page}) + "\n" for i in range(3)))
    assert main([str(pages), "--field", "html", "--workers", "0", "--format", "jsonl"]) == 1
    err = capsys.readouterr().err
    assert err.count("the first such line has body_html, url") == 1


# ---------------------------------------------------------------- missing extras


def test_parquet_without_pyarrow_names_the_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for module in [m for m in sys.modules if m == "pyarrow" or m.startswith("pyarrow.")]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what an import finds when pyarrow is absent
    with pytest.raises(SystemExit) as exited:
        main([str(fixture_input("html-nl-nieuws")), "-o", str(tmp_path / "out.parquet")])
    assert exited.value.code == 2
    assert "pip install 'newsparse[parquet]'" in capsys.readouterr().err
    assert not (tmp_path / "out.parquet").exists()
    with pytest.raises(ImportError, match=r"newsparse\[parquet\]"):
        open_writer(None, str(tmp_path / "out.parquet"), "parquet")


def test_newsparse_dask_without_dask_names_the_extra() -> None:
    code = "import sys; sys.modules['dask'] = None; import newsparse.dask"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "ImportError: newsparse.dask needs Dask and pandas: pip install 'newsparse[dask]'" in done.stderr


# ---------------------------------------------------------------- bad arguments


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"timeout": 0}, "timeout must be a positive number of seconds"),
        ({"timeout": -5.0}, "timeout must be a positive number of seconds"),
        ({"timeout": float("nan")}, "timeout must be a positive number of seconds"),
        ({"workers": -1}, "workers must be 0"),
    ],
)
def test_parse_many_refuses_settings_that_would_mark_every_page(options: dict[str, float], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        newsparse.parse_many([NIGHT_BUSES], **options)  # type: ignore[arg-type]


def test_a_timezone_far_east_keeps_its_day_and_offset() -> None:
    """+14:00 (Kiribati) moves the UTC instant to the day before; the offset brings it back."""
    moment = datetime(2024, 3, 5, 8, 0, tzinfo=timezone(timedelta(hours=14)))
    article = newsparse.Article(headline="Line Islands ferry", published=moment)
    [back] = newsparse.to_dataframe([article])["published"]
    assert back == pd.Timestamp("2024-03-04T18:00:00Z")
    assert newsparse.to_dataframe([article])["published_offset"].tolist() == [840]
