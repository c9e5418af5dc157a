"""Decoding pages that do not declare their charset: how many come out right, and how fast.

    python benchmarks/charsets.py [BENCH_DIR] [--sample BYTES]

Each page of the shared benchmarks (``BENCH_DIR/*/html``) and of the test fixtures is decoded,
its main script found, and written again in the legacy charsets of that script (windows-1252
for Western Latin, windows-1250 for Central European, windows-1251, KOI8-R and ISO-8859-5 for Cyrillic,
windows-1253, windows-1256 and the CJK ones), its charset declarations taken out. The CJK pages
of the tests join them. Each is decoded twice: as written, and with one byte that no charset
defines (0x81, which sent detection to chardet) put in its markup. A page is right when
``newsparse.load.decode`` gives what its charset gives. Beside it, in the same run, the
detectors a user would pick instead: charset-normalizer (``from_bytes(...).best()``, which
trafilatura installs and uses) and trafilatura's own ``decode_file``; ratios are newsparse's
time over theirs. ``--sample BYTES`` sets how much newsparse's detection reads (0: the whole
page), to show what the sample costs.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import charset_normalizer  # noqa: E402
from trafilatura.utils import decode_file  # noqa: E402

from conftest import FIXTURES, cjk_page  # noqa: E402
from newsparse.load import decode  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "bench"
# A script's share of a page's letters that makes it the page's script.
SCRIPTS = {
    "cjk-ja": re.compile("[\u3040-\u30ff]"),
    "cjk-ko": re.compile("[\uac00-\ud7a3]"),
    "cjk-zh": re.compile("[\u4e00-\u9fff]"),
    "cyrillic": re.compile("[\u0400-\u04ff]"),
    "greek": re.compile("[\u0370-\u03ff]"),
    "arabic": re.compile("[\u0600-\u06ff]"),
    "central-european": re.compile("[\u0100-\u017f]"),
    "western": re.compile("[\u00c0-\u00ff]"),
}
CHARSETS = {
    "cjk-ja": ("cp932", "euc-jp", "iso-2022-jp"),
    "cjk-ko": ("euc-kr",),
    "cjk-zh": ("gbk", "gb18030"),
    "cyrillic": ("cp1251", "koi8-r", "iso8859-5"),
    "greek": ("cp1253",),
    "arabic": ("cp1256",),
    "central-european": ("cp1250",),
    "western": ("cp1252",),
}
TEST_PAGES = {"cjk-ko": ["ko"], "cjk-ja": ["ja"], "cjk-zh": ["zh", "gb18030"]}
_DECLARATION = re.compile(r"<meta[^>]*charset[^>]*>|<\?xml[^>]*\?>", re.IGNORECASE)
_STRAY = b"\x81"


def script_of(text: str) -> str | None:
    counts = {name: len(pattern.findall(text)) for name, pattern in SCRIPTS.items()}
    if counts["cjk-ja"] > 50:  # Japanese writes kanji too: its kana decide
        return "cjk-ja"
    name = max(counts, key=lambda key: counts[key])
    return name if counts[name] > 100 else None


def pages(data: Path) -> Iterator[tuple[str, str]]:
    """(script, page text) for every page with a script to write again."""
    sources = [p for p in data.glob("*/html/**/*") if p.is_file()] + sorted(FIXTURES.glob("*/input.*"))
    for path in sources:
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        text = _DECLARATION.sub("", decode(raw))
        script = script_of(text)
        if script is not None:
            yield script, text
    for script, languages in TEST_PAGES.items():
        for language in languages:
            yield script, cjk_page(language)


def stray(data: bytes) -> bytes:
    """The bytes with 0x81 after the first '>' past a third of the page (markup, not a character)."""
    at = data.find(b">", len(data) // 3) + 1
    return data[:at] + _STRAY + data[at:]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, help="bytes detection reads (default: its own; 0: the whole page)")
    args = parser.parse_args(argv)
    if args.sample is not None:
        from newsparse import charsets

        charsets.SAMPLE_BYTES = args.sample or 1 << 40
    right: dict[tuple[str, str, str], dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    seconds: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for script, text in pages(args.data):
        for charset in CHARSETS[script]:
            written = text.encode(charset, errors="xmlcharrefreplace")
            for variant, data in (("clean", written), ("stray byte", stray(written))):
                expected = data.decode(charset, errors="replace")
                for name, decoder in DECODERS.items():
                    start = time.perf_counter()
                    decoded = decoder(data)
                    seconds[name].append((time.perf_counter() - start, len(data)))
                    right[script, charset, variant][name].append(decoded == expected)
    names = list(DECODERS)
    print(f"{'script':18} {'charset':12} {'variant':11} {'pages':>5} " + " ".join(f"{n:>18}" for n in names))
    for (script, charset, variant), by_name in sorted(right.items()):
        counts = " ".join(f"{sum(by_name[n]):18}" for n in names)
        print(f"{script:18} {charset:12} {variant:11} {len(by_name[names[0]]):5} {counts}")
    ours = sum(s for s, _ in seconds[names[0]])
    for name in names:
        total = [r for by_name in right.values() for r in by_name[name]]
        spent = sum(s for s, _ in seconds[name])
        slowest, size = max(seconds[name])
        print(f"{name}: {sum(total)}/{len(total)} right; {spent:.2f} s in all ", end="")
        print(f"(newsparse {ours / spent:.2f}x), ", end="")
        print(f"slowest {slowest * 1000:.1f} ms ({size:,} bytes)")


def _charset_normalizer(data: bytes) -> str:
    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


DECODERS = {"newsparse": decode, "charset-normalizer": _charset_normalizer, "trafilatura": decode_file}


if __name__ == "__main__":
    main()
