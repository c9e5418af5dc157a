"""Batch inputs: directory walks, globs, JSON lines and WARC files, built from the fixture pages.

Every input becomes a Document or a Failure in its place; nothing here may raise, however
damaged the file.
"""

from __future__ import annotations

import ast
import gzip
import io
import json
import re
import shutil
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import FIXTURES
from newsparse import parse_html, read_records
from newsparse.batch.inputs import documents, read_jsonl, read_warc
from newsparse.batch.pool import parse_document
from newsparse.batch.records import Document, Failure, Parsed
from newsparse.cli import main

Item = Document | Failure


def fixture_input(case: str) -> Path:
    [found] = (FIXTURES / case).glob("input.*")
    return found


def expected_headline(case: str) -> str:
    return str(json.loads((FIXTURES / case / "expected.json").read_text("utf-8"))["headline"])


def fixture_text(case: str) -> str:
    return fixture_input(case).read_text("utf-8")


def headline_of(doc: Item) -> str | None:
    assert isinstance(doc, Document), doc
    record = parse_document(doc)
    assert isinstance(record, Parsed), record
    return record.article.headline


def ids(items: list[Item]) -> list[str]:
    return [item.id if isinstance(item, Document) else item.source for item in items]


# ---------------------------------------------------------------- files, directories, globs

# The tree's pages, in the order a walk yields them: the folder's sorted files (upper case
# sorts first), then its sorted subfolders, depth first.
TREE_PAGES = {
    "Shout.HTML": "html-votes-likes-k",
    "goat.txt": "text-goat-cliff-rescue",
    "news/fr.html": "html-drupal-fr",
    "news/nl/utrecht.htm": "html-nl-nieuws",
    "news/pl/krakow.html.gz": "html-pl-portal",
    "news/pl/radweg.txt.gz": "text-de-radweg-lindenau",
}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A crawl folder: pages (two gzipped) among files that are no pages, and hidden ones."""
    top = tmp_path / "crawl"
    for name, case in TREE_PAGES.items():
        target = top / name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = fixture_input(case).read_bytes()
        target.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    # Not pages: an image, a JSON file, notes; hidden files and folders; a .gz of something else.
    (top / "news" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (top / "news" / "feed.json").write_text('{"html": "<p>not a JSON-lines file</p>"}')
    (top / "notes.md").write_text("# todo")
    (top / "news" / "dump.sql.gz").write_bytes(gzip.compress(b"select 1;"))
    hidden = top / ".cache" / "old"
    hidden.mkdir(parents=True)
    shutil.copy(fixture_input("html-forum-thread"), hidden / "page.html")
    shutil.copy(fixture_input("html-forum-thread"), top / "news" / ".draft.html")
    return top


def test_a_walk_yields_the_pages_in_a_stable_order_and_nothing_else(tree: Path) -> None:
    found = list(documents([tree]))
    assert found == [Document(id=str(tree / name), path=str(tree / name)) for name in TREE_PAGES]


def test_walked_pages_parse_like_the_fixtures_gzipped_or_not(tree: Path) -> None:
    for doc, case in zip(documents([tree]), TREE_PAGES.values(), strict=True):
        assert headline_of(doc) == expected_headline(case)


def test_a_recursive_glob_finds_pages_at_every_depth(tree: Path) -> None:
    found = list(documents([f"{tree}/**/*.html"]))
    # ** matches no folder too; hidden files and folders stay out; globs are case-sensitive.
    assert ids(found) == [str(tree / "news" / "fr.html")]
    found = list(documents([f"{tree}/**/*.txt*"]))
    assert ids(found) == [str(tree / "goat.txt"), str(tree / "news" / "pl" / "radweg.txt.gz")]


def test_a_glob_matching_folders_and_their_files_yields_each_file_once(tree: Path) -> None:
    # "news/pl/**" matches news/pl/ and the files in it: the folder is walked, and a file both
    # walked and matched is one input, not two.
    found = list(documents([f"{tree}/news/pl/**"]))
    assert ids(found) == [str(tree / "news" / "pl" / "krakow.html.gz"), str(tree / "news" / "pl" / "radweg.txt.gz")]
    everything = ids(list(documents([f"{tree}/news/**/*.*"])))
    assert len(everything) == len(set(everything))


def test_a_glob_that_matches_nothing_is_one_failure(tree: Path) -> None:
    pattern = f"{tree}/**/*.xhtml"
    assert list(documents([pattern])) == [Failure(pattern, "UnreadableFileError", "no file matches this pattern")]


def test_a_missing_path_is_a_failure_and_the_stream_goes_on(tree: Path) -> None:
    missing = tree / "gone" / "page.html"
    page = tree / "goat.txt"
    found = list(documents([missing, page, f"{tree}/nothing-*.html"]))
    assert len(found) == 3
    first, second, third = found
    assert isinstance(first, Failure)
    assert (first.source, first.error) == (str(missing), "UnreadableFileError")
    assert second == Document(id=str(page), path=str(page))
    assert isinstance(third, Failure)
    assert third.error == "UnreadableFileError"


def test_a_page_named_twice_is_two_inputs(tree: Path) -> None:
    page = tree / "goat.txt"
    assert ids(list(documents([page, page]))) == [str(page)] * 2


# ---------------------------------------------------------------- JSON lines


def jsonl_lines() -> list[str]:
    """The lines of a crawler's export: pages under several field names, and bad lines."""
    return [
        json.dumps({"url": "https://www.rhonematin.fr/a", "html": fixture_text("html-drupal-fr")}),
        json.dumps({"url": "https://news.example/goat", "text": fixture_text("text-goat-cliff-rescue")}),
        "",  # blank: skipped, but counted in the line numbers
        "{not json at all",
        json.dumps({"url": "https://news.example/empty", "title": "no page here"}),
        json.dumps({"content": fixture_text("html-en-no-metadata")}, ensure_ascii=False),  # no URL
        json.dumps(["a", "list"]),
        # Two fields: raw comes before text in the default order (html, content, raw, text).
        json.dumps({"raw": fixture_text("html-nl-nieuws"), "text": "A decoy text dump.\n\nNot this one."}),
    ]


@pytest.mark.parametrize("name", ["pages.jsonl", "pages.jsonl.gz", "pages.ndjson"])
def test_jsonl_lines_become_documents_and_bad_lines_failures(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    data = ("\n".join(jsonl_lines()) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    found = list(documents([path]))
    assert ids(found) == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7, 8)]
    html, text, not_json, no_field, content, a_list, raw = found
    assert html == Document(f"{path}:1", fixture_text("html-drupal-fr"), url="https://www.rhonematin.fr/a")
    # The "text" field holds a text dump: its door is forced.
    assert text == Document(
        f"{path}:2", fixture_text("text-goat-cliff-rescue"), url="https://news.example/goat", kind="text"
    )
    assert content == Document(f"{path}:6", fixture_text("html-en-no-metadata"))
    assert isinstance(raw, Document)
    assert (raw.content, raw.kind) == (fixture_text("html-nl-nieuws"), "auto")
    for failed in (not_json, no_field, a_list):
        assert isinstance(failed, Failure)
        assert failed.error == "InvalidInput"
    assert isinstance(not_json, Failure)
    assert "not a JSON line" in not_json.message
    assert isinstance(no_field, Failure)
    assert "no text in field" in no_field.message
    # What the lines hold parses as the pages themselves.
    assert headline_of(html) == expected_headline("html-drupal-fr")
    assert headline_of(text) == expected_headline("text-goat-cliff-rescue")
    assert headline_of(content) == expected_headline("html-en-no-metadata")
    assert headline_of(raw) == expected_headline("html-nl-nieuws")


def test_a_named_field_is_the_only_one_read(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    lines = [
        {"body": fixture_text("html-pl-portal"), "html": "<p>decoy</p>", "url": "https://pl.example/1"},
        {"html": fixture_text("html-drupal-fr")},  # no "body": a failure, though html is there
        {"body": 42},
        {"body": fixture_text("text-ferry-crews-strike")},
    ]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8")
    found = list(documents([path], field="body"))
    assert [type(item).__name__ for item in found] == ["Document", "Failure", "Failure", "Document"]
    first, missing, not_text, dump = found
    assert first == Document(f"{path}:1", fixture_text("html-pl-portal"), url="https://pl.example/1")
    assert isinstance(missing, Failure)
    assert "'body'" in missing.message
    assert isinstance(not_text, Failure)
    assert not_text.source == f"{path}:3"
    assert headline_of(first) == expected_headline("html-pl-portal")
    assert headline_of(dump) == expected_headline("text-ferry-crews-strike")  # "auto" tells a dump apart


def test_a_truncated_jsonl_gz_keeps_its_whole_lines_and_ends_in_one_failure(tmp_path: Path) -> None:
    pages = [path.read_text("utf-8") for path in sorted(FIXTURES.glob("*/input.*"))[:24]]
    lines = [json.dumps({"html": page, "url": f"https://n.example/{i}"}) for i, page in enumerate(pages)]
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    *whole, last = read_jsonl(path)  # never raises
    assert 0 < len(whole) < len(pages)
    assert whole == [
        Document(f"{path}:{i + 1}", page, url=f"https://n.example/{i}") for i, page in enumerate(pages[: len(whole)])
    ]
    assert isinstance(last, Failure)
    assert (last.source, last.error) == (f"{path}:{len(whole) + 1}", "UnreadableFileError")


def test_a_walk_reads_the_jsonl_files_it_finds(tree: Path) -> None:
    export = tree / "news" / "export.jsonl"
    export.write_text(json.dumps({"html": fixture_text("html-drupal-fr")}) + "\n", "utf-8")
    found = ids(list(documents([tree / "news"])))
    assert f"{export}:1" in found
    assert str(tree / "news" / "feed.json") not in found


# ---------------------------------------------------------------- WARC


@dataclass(frozen=True)
class Written:
    """A record written to the test's archive: its id, type, URL and where it ends."""

    record_id: str
    kind: str
    url: str
    end: int
    case: str | None = None  # the fixture an HTML response holds


POLISH = "html-pl-portal"


def polish_in_cp1250() -> bytes:
    """The Polish page as an old server sends it: windows-1250, no <meta charset>."""
    page = fixture_text(POLISH)
    stripped = re.sub(r"<meta charset=[^>]*>", "", page, flags=re.IGNORECASE)
    assert stripped != page
    return stripped.encode("cp1250")


def build_warc(*, compress: bool) -> tuple[bytes, list[Written]]:
    """A small crawl: warcinfo, a request and its response, an image, a DNS lookup, a page
    whose encoding only its Content-Type header names. Ids and dates are fixed, so the
    archive is the same bytes on every run."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    written: list[Written] = []

    def add(url: str, kind: str, case: str | None = None, **options: Any) -> None:
        record_id = f"<urn:uuid:00000000-0000-4000-8000-{len(written):012d}>"
        headers = {"WARC-Record-ID": record_id, "WARC-Date": "2026-03-01T12:00:00Z"}
        warc_type = {"html": "response", "image": "response", "dns": "response"}.get(kind, kind)
        writer.write_record(writer.create_warc_record(url, warc_type, warc_headers_dict=headers, **options))
        written.append(Written(record_id, kind, url, out.tell(), case))

    def response(url: str, content_type: str, body: bytes, kind: str = "html", case: str | None = None) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        add(url, kind, case, payload=io.BytesIO(body), http_headers=http)

    add("", "warcinfo", payload=io.BytesIO(b"software: newsparse tests\r\nformat: WARC File Format 1.0\r\n"))
    url = "https://www.rhonematin.fr/lyon/education/trente-cours"
    get = "GET /lyon/education/trente-cours HTTP/1.1"
    add(url, "request", http_headers=StatusAndHeaders(get, [("Host", "www.rhonematin.fr")], is_http_request=True))
    response(url, "text/html; charset=utf-8", fixture_input("html-drupal-fr").read_bytes(), case="html-drupal-fr")
    image = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16
    response("https://www.rhonematin.fr/logo.png", "image/png", image, kind="image")
    lookup = b"20260301120000\nwww.hetdagnieuws.nl.\t300\tIN\tA\t192.0.2.7\n"
    add("dns:www.hetdagnieuws.nl", "dns", payload=io.BytesIO(lookup), warc_content_type="text/dns")
    dutch = fixture_input("html-nl-nieuws").read_bytes()
    response("https://www.hetdagnieuws.nl/utrecht", "text/html", dutch, case="html-nl-nieuws")
    response("https://wiadomosci.dzien24.pl/krakow", "text/html; charset=windows-1250", polish_in_cp1250(), case=POLISH)
    return out.getvalue(), written


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_a_warc_gives_its_html_responses_and_nothing_else(tmp_path: Path, compress: bool) -> None:
    data, written = build_warc(compress=compress)
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(data)
    found = list(documents([tmp_path]))
    pages = [w for w in written if w.kind == "html"]
    # Named by their address, as a crawl's other tables name them; the record id says where.
    assert ids(found) == [w.url for w in pages]
    assert [doc.origin for doc in found if isinstance(doc, Document)] == [
        f"{path}#{w.record_id.strip('<>')}" for w in pages
    ]
    assert all(isinstance(doc, Document) and doc.kind == "html" for doc in found)
    assert [doc.url for doc in found if isinstance(doc, Document)] == [w.url for w in pages]
    french, dutch, _ = found
    assert isinstance(french, Document)
    assert isinstance(dutch, Document)
    assert french.content == fixture_text("html-drupal-fr")  # decoded with the header's charset
    assert dutch.content == fixture_input("html-nl-nieuws").read_bytes()  # none named: left to the parser
    # Parsed from the archive as from the page itself.
    for doc, page in zip(found, pages, strict=True):
        assert page.case is not None
        assert headline_of(doc) == parse_html(fixture_input(page.case)).headline


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_the_charset_of_the_http_header_decodes_the_page(tmp_path: Path, compress: bool) -> None:
    data, _ = build_warc(compress=compress)
    path = _write(tmp_path / ("crawl.warc.gz" if compress else "crawl.warc"), data)
    polish = list(read_warc(path))[-1]
    assert isinstance(polish, Document)
    assert polish.content == polish_in_cp1250().decode("cp1250")
    record = parse_document(polish)
    assert isinstance(record, Parsed)
    reference = parse_html(fixture_input(POLISH))
    assert record.article.headline == reference.headline == expected_headline(POLISH)
    assert record.article.paragraphs == reference.paragraphs


def test_a_utf8_page_under_a_latin1_header_is_still_read_as_utf8(tmp_path: Path) -> None:
    # Servers label everything ISO-8859-1; the bytes say UTF-8, and UTF-8 it is.
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=ISO-8859-1")], protocol="HTTP/1.1")
    body = fixture_input(POLISH).read_bytes()
    writer.write_record(
        writer.create_warc_record("https://pl.example/", "response", payload=io.BytesIO(body), http_headers=http)
    )
    path = tmp_path / "latin.warc.gz"
    path.write_bytes(out.getvalue())
    [doc] = read_warc(path)
    assert headline_of(doc) == expected_headline(POLISH)


@pytest.mark.parametrize("label", ["utf-7", "unicode_escape", "cp037"])
def test_a_header_charset_no_browser_knows_is_ignored(tmp_path: Path, label: str) -> None:
    # Python would decode with each: utf-7 makes "<script>" of "+ADw-script+AD4-". As with a
    # <meta>, only the WHATWG labels count; the bytes go to the page's own reading.
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={label}")], protocol="HTTP/1.1")
    extra = b"</h1><p>+ADw-script+AD4-x \\x3cscript\\x3e caf\xe9</p>"  # and one windows-1252 byte
    body = fixture_input("html-nl-nieuws").read_bytes().replace(b"</h1>", extra, 1)
    writer.write_record(
        writer.create_warc_record("https://nl.example/", "response", payload=io.BytesIO(body), http_headers=http)
    )
    [doc] = read_warc(_write(tmp_path / "labels.warc.gz", out.getvalue()))
    assert isinstance(doc, Document)
    assert doc.content == body
    assert headline_of(doc) == expected_headline("html-nl-nieuws")


# How many bytes at a record's end carry none of its content: the two blank lines after it
# (4 bytes), or a gzip member's end (the last bits of the deflate stream, CRC and length).
TAIL_BYTES = 16


def cut_points(size: int, ends: list[int], count: int) -> list[int]:
    """Offsets spread over the archive, and a few right inside each record's start and end."""
    spread = range(1, size, max(1, size // count))
    near = [offset for end in ends for offset in (end - 40, end - 200, end + 5, end + 60, end + 300)]
    return sorted({cut for cut in (*spread, *near) if 0 < cut < size})


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_an_archive_cut_short_gives_its_whole_records_then_one_failure(tmp_path: Path, compress: bool) -> None:
    data, written = build_warc(compress=compress)
    path = tmp_path / "crawl.warc"
    complete = list(read_warc(_write(path, data)))
    ends = [w.end for w in written]
    for cut in cut_points(len(data), ends, 1500):
        found = list(read_warc(_write(path, data[:cut])))  # never raises
        before = sum(1 for w in written if w.kind == "html" and w.end <= cut)
        # The whole records come first, the very same documents as in the whole archive.
        assert found[:before] == complete[:before], cut
        # Whatever is cut (a page, an image, a DNS record, headers, the gzip envelope) is one
        # failure, last. Only a record's last bytes after its content (the blank lines after
        # it, a gzip member's checksum) may go without one: its content is whole, and a page
        # is then the same document as in the whole archive.
        rest = found[before:]
        tail = [w for w in written if 0 < w.end - cut <= TAIL_BYTES]
        if cut in ends:
            assert rest == [], cut
        elif tail and rest and isinstance(rest[0], Document):
            assert tail[0].kind == "html", cut
            assert rest == [complete[before]], cut
        else:
            assert len(rest) == 1 or (tail and not rest), cut
            assert all(isinstance(f, Failure) and f.error == "InvalidInput" for f in rest), cut


def test_a_warc_cut_inside_a_page_names_that_page(tmp_path: Path) -> None:
    data, written = build_warc(compress=True)
    last = written[-1]
    path = _write(tmp_path / "cut.warc.gz", data[: last.end - 500])
    *pages, failure = read_warc(path)
    assert len(pages) == 2
    assert isinstance(failure, Failure)
    assert failure.source == f"{path}#{last.record_id.strip('<>')}"
    assert "cut short" in failure.message


def test_a_file_that_is_no_warc_is_one_failure_and_the_walk_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a-broken.warc.gz").write_bytes(gzip.compress(b"this is not an archive\r\n" * 20))
    (tmp_path / "b-noise.warc").write_bytes(bytes(range(256)) * 8)
    shutil.copy(fixture_input("html-drupal-fr"), tmp_path / "c.html")
    found = list(documents([tmp_path]))
    assert len(found) == 3
    broken, noise, page = found
    assert isinstance(broken, Failure)
    assert broken == Failure(f"{tmp_path / 'a-broken.warc.gz'}#broken", "InvalidInput", broken.message)
    assert isinstance(noise, Failure)
    assert (noise.source, noise.error) == (f"{tmp_path / 'b-noise.warc'}#broken", "InvalidInput")
    assert "Unknown archive format" in noise.message
    assert headline_of(page) == expected_headline("html-drupal-fr")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- links, loops and bombs


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """A crawl with a link to a page inside it, links out of it (a page, the machine's users),
    a loop of two links, and a page outside."""
    top = tmp_path / "crawl"
    (top / "news").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(fixture_input("html-drupal-fr"), top / "news" / "fr.html")
    shutil.copy(fixture_input("text-goat-cliff-rescue"), outside / "goat.txt")
    (top / "a-inside.html").symlink_to(top / "news" / "fr.html")
    (top / "b-outside.txt").symlink_to(outside / "goat.txt")
    (top / "news" / "c-relative.txt").symlink_to(Path("..", "..", "elsewhere", "goat.txt"))
    (top / "d-passwd.txt").symlink_to("/etc/passwd")
    (top / "e-loop.html").symlink_to(top / "f-loop.html")
    (top / "f-loop.html").symlink_to(top / "e-loop.html")
    return top


def test_a_walk_follows_no_file_link_out_of_its_tree(linked: Path) -> None:
    found = {ids([item])[0]: item for item in documents([linked])}
    assert list(found) == [
        str(linked / name)
        for name in (
            "a-inside.html",
            "b-outside.txt",
            "d-passwd.txt",
            "e-loop.html",
            "f-loop.html",
            "news/c-relative.txt",
            "news/fr.html",
        )
    ]
    assert isinstance(found[str(linked / "a-inside.html")], Document)  # inside the tree: followed
    for name in ("b-outside.txt", "news/c-relative.txt", "d-passwd.txt"):
        link = found[str(linked / name)]
        assert isinstance(link, Failure), name
        assert link.error == "UnreadableFileError"
        assert "out of" in link.message
        assert "--follow-links" in link.message
    # A loop is no page: its record says so, from the worker, as for any file it cannot read.
    loop = parse_document(found[str(linked / "e-loop.html")])  # type: ignore[arg-type]
    assert isinstance(loop, Failure)
    assert loop.error == "UnreadableFileError"


def test_a_glob_follows_no_file_link_out_of_its_fixed_part(linked: Path) -> None:
    [link] = documents([f"{linked}/b-*.txt"])
    assert isinstance(link, Failure)
    assert "out of" in link.message


def test_follow_links_reads_links_wherever_they_lead(linked: Path) -> None:
    found = {ids([item])[0]: item for item in documents([linked], follow_links=True)}
    assert all(isinstance(found[str(linked / name)], Document) for name in ("b-outside.txt", "news/c-relative.txt"))
    assert headline_of(found[str(linked / "b-outside.txt")]) == expected_headline("text-goat-cliff-rescue")


def test_a_link_named_on_its_own_is_read(linked: Path) -> None:
    assert list(documents([linked / "b-outside.txt"])) == [
        Document(str(linked / "b-outside.txt"), path=str(linked / "b-outside.txt"))
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_the_command_keeps_the_machines_files_out_of_a_crawls_records(
    linked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main([str(linked), "-o", str(out), "--workers", "0"]) == 1  # no RuntimeError from the loop
    records = {record.source: record for record in read_records(out)}
    assert len(records) == 7
    assert isinstance(records[str(linked / "a-inside.html")], Parsed)
    for name in ("b-outside.txt", "d-passwd.txt", "e-loop.html", "f-loop.html", "news/c-relative.txt"):
        assert isinstance(records[str(linked / name)], Failure), name
    assert "root:" not in out.read_text("utf-8")
    followed = tmp_path / f"followed.{fmt}"
    assert main([str(linked), "-o", str(followed), "--workers", "0", "--follow-links"]) == 1  # the loop fails
    records = {record.source: record for record in read_records(followed)}
    for name in ("b-outside.txt", "news/c-relative.txt"):
        assert isinstance(records[str(linked / name)], Parsed), name
    capsys.readouterr()


# The cap on one record of a JSONL or WARC file, as on a page file: what the main process holds.
RECORD_CAP = 1 << 20


def test_a_jsonl_line_over_the_cap_is_one_failure_and_the_lines_after_it_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsparse.batch.inputs.MAX_RECORD_BYTES", RECORD_CAP)
    page = fixture_text("html-drupal-fr")
    lines = [{"html": page}, {"html": "x" * (3 * RECORD_CAP)}, {"html": page}]
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress("".join(json.dumps(line) + "\n" for line in lines).encode()))
    first, bomb, last = documents([path])
    assert (first, last) == (Document(f"{path}:1", page), Document(f"{path}:3", page))
    assert isinstance(bomb, Failure)
    assert (bomb.source, bomb.error) == (f"{path}:2", "InvalidInput")
    assert "over 1 MB" in bomb.message


def test_a_warc_response_over_the_cap_is_one_failure_and_the_archive_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsparse.batch.inputs.MAX_RECORD_BYTES", RECORD_CAP)
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    page = fixture_input("html-drupal-fr").read_bytes()
    for url, body in [
        ("https://a.example/", page),
        ("https://b.example/", b" " * (3 * RECORD_CAP)),
        ("https://c.example/", page),
    ]:
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    path = _write(tmp_path / "bomb.warc.gz", out.getvalue())
    first, bomb, last = read_warc(path)
    assert (type(first), type(last)) == (Document, Document)
    assert isinstance(bomb, Failure)
    assert (bomb.source, bomb.error) == ("https://b.example/", "InvalidInput")
    assert "over 1 MB" in bomb.message


BOMB_SCRIPT = """
import resource, sys
from pathlib import Path
from newsparse.batch.inputs import documents
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
found = [(type(item).__name__, len(getattr(item, "content", None) or "")) for item in documents([Path(sys.argv[1])])]
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024
print(found, grown)
"""


def _gzip_stream(head: bytes, filler: bytes, size: int, tail: bytes) -> bytes:
    """``head``, ``size`` bytes of ``filler``, ``tail``, gzipped without holding the whole."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = filler * (1 << 20)
    parts = [packer.compress(head)]
    parts += [packer.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join([*parts, packer.compress(tail), packer.flush()])


BOMB_BYTES = 400 << 20


def _jsonl_bomb() -> bytes:
    page = json.dumps({"html": fixture_text("html-drupal-fr")}).encode()
    return _gzip_stream(page + b'\n{"html": "', b"a", BOMB_BYTES, b'"}\n' + page + b"\n")


def _warc_bomb() -> bytes:
    """A response of 400 MB of spaces, then a page: one gzip member per record, as crawlers write."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\nWARC-Date: 2026-03-01T12:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http) + BOMB_BYTES}\r\n\r\n"
    )
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    page = io.BytesIO(fixture_input("html-drupal-fr").read_bytes())
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://a.example/", "response", payload=page, http_headers=headers))
    return _gzip_stream(head.encode() + http, b" ", BOMB_BYTES, b"\r\n\r\n") + out.getvalue()


@pytest.mark.parametrize(
    ("name", "bomb", "kinds"),
    [
        ("bomb.jsonl.gz", _jsonl_bomb, ["Document", "Failure", "Document"]),
        ("bomb.warc.gz", _warc_bomb, ["Failure", "Document"]),
    ],
)
def test_a_container_bomb_is_read_in_bounded_memory(
    tmp_path: Path, name: str, bomb: Callable[[], bytes], kinds: list[str]
) -> None:
    """400 MB in a file under 1 MB: the main process held all of it (1.78 GB for JSONL)."""
    path = _write(tmp_path / name, bomb())
    assert path.stat().st_size < 1 << 20
    done = subprocess.run([sys.executable, "-c", BOMB_SCRIPT, str(path)], capture_output=True, text=True, timeout=120)
    found, grown = done.stdout.rsplit(" ", 1)
    assert [kind for kind, _ in ast.literal_eval(found)] == kinds, done.stderr
    assert int(grown) < 250, f"the main process grew by {grown} MB"
