"""Character encodings: the labels browsers honour, and what undeclared bytes are written in.

**Labels.** Only the labels of the WHATWG Encoding Standard name a charset, as in every browser.
Python's codec registry knows many more names, some of which are no web charset at all:
``utf-7`` and ``unicode_escape`` turn plain ASCII into markup (``+ADw-script+AD4-`` is
``<script>``), ``cp037`` is EBCDIC, ``base64`` and ``rot13`` are transforms. A declaration
with any other label is ignored and the bytes are detected instead.

**Detection** reads a sample of the page: windows that start at its non-ASCII bytes, at most
``SAMPLE_BYTES`` in all, so that its time does not grow with the page (chardet over a whole
0.5 MB page took 1.4-8.3 s). Each candidate decodes the sample, and the reading that looks
like text wins:

- UTF-8, when at most one non-ASCII character in ``MAX_ERROR_SHARE`` is an invalid byte
  (a UTF-8 page with a stray byte);
- a CJK or Cyrillic charset, when its reading is mostly letters of its script in runs: legacy
  Western text read as GBK, Shift_JIS or windows-1251 gives one such letter for each accented
  letter, between ASCII letters; Korean read as GBK gives ideographs where the Korean reading
  gives hangul; KOI8-R read as windows-1251 gives capitals where prose has small letters;
- otherwise none: the caller falls back to windows-1252, which keeps every letter of a
  Western page. Greek, Hebrew, Arabic, Thai and Central European pages that declare nothing
  are not told apart from it (``benchmarks/charsets.py`` measures each family).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

__all__ = ["SAMPLE_BYTES", "codec_for", "detect", "is_single_byte", "iso_2022_jp"]

# The WHATWG Encoding Standard (encoding.spec.whatwg.org, "Names and labels"): each Python
# codec with the labels that name it. "replacement" labels (ISO-2022-KR, HZ, ISO-2022-CN),
# which browsers decode to nothing to defuse them, are left out: they are ignored here.
_LABELS = {
    # A page that can declare "utf-16" in ASCII is not UTF-16 (the prescan's rule): those labels
    # mean UTF-8 here.
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8 "
    "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le unicodefffe utf-16be",
    "cp866": "866 cp866 csibm866 ibm866",
    "iso8859-2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    "iso8859-3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    "iso8859-4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    "iso8859-5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    "iso8859-6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
    "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    "iso8859-7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
    "iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "iso8859-8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
    "iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical",
    "iso8859-10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso8859-13": "iso-8859-13 iso8859-13 iso885913",
    "iso8859-14": "iso-8859-14 iso8859-14 iso885914",
    "iso8859-15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso8859-16": "iso-8859-16",
    "koi8-r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8-u": "koi8-ru koi8-u",
    "mac-roman": "csmacintosh mac macintosh x-mac-roman",
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "cp1250": "cp1250 windows-1250 x-cp1250",
    "cp1251": "cp1251 windows-1251 x-cp1251",
    # WHATWG: latin-1 and ASCII labels mean windows-1252; latin-1 would make its quotes C1 controls.
    # x-user-defined in a <meta> means windows-1252 too (the prescan's own rule).
    "cp1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 "
    "iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252 x-user-defined",
    "cp1253": "cp1253 windows-1253 x-cp1253",
    "cp1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 "
    "windows-1254 x-cp1254",
    "cp1255": "cp1255 windows-1255 x-cp1255",
    "cp1256": "cp1256 windows-1256 x-cp1256",
    "cp1257": "cp1257 windows-1257 x-cp1257",
    "cp1258": "cp1258 windows-1258 x-cp1258",
    "mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    # WHATWG's GBK decoder is its gb18030 decoder; its Big5 holds HKSCS; its Shift_JIS and EUC-KR
    # are Microsoft's code pages 932 and 949; its ISO-2022-JP knows half-width katakana (ESC ( I).
    "gb18030": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030",
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc-jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso2022-jp-ext": "csiso2022jp iso-2022-jp",
    "cp932": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "cp949": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 "
    "windows-949",
}
_CODECS = {label: codec for codec, labels in _LABELS.items() for label in labels.split()}
_MULTI_BYTE = frozenset({"utf-8", "gb18030", "big5hkscs", "euc-jp", "iso2022-jp-ext", "cp932", "cp949"})


def codec_for(label: str) -> str | None:
    """The Python codec a WHATWG label names, None for any other label.

    >>> codec_for(" ISO-8859-1 "), codec_for("Shift_JIS"), codec_for("utf-16")
    ('cp1252', 'cp932', 'utf-8')
    >>> codec_for("utf-7"), codec_for("unicode_escape"), codec_for("cp037")
    (None, None, None)
    """
    return _CODECS.get(label.strip().lower())


def is_single_byte(codec: str) -> bool:
    return codec not in _MULTI_BYTE


# ISO-2022-JP is 7-bit: its text is ASCII bytes between escape sequences, which no other
# charset of the web writes.
_ISO_2022_JP_ESCAPE = re.compile(rb"\x1b(?:\$[@B]|\([BJI])")


def iso_2022_jp(data: bytes) -> str | None:
    """The bytes read as ISO-2022-JP when they switch to its Japanese sets and are 7-bit but for
    a stray byte or two (replaced); else None."""
    if b"\x1b" not in data or not _ISO_2022_JP_ESCAPE.search(data):
        return None
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return data.decode("iso2022-jp-ext", errors="replace") if high <= 2 + len(data) // 1000 else None


_HIGH_BYTES = bytes(range(0x80, 0x100))


# --- detection ------------------------------------------------------------------------------

# The most detection reads: 16 windows of 4 KB hold thousands of characters of text in any
# script, and deciding on them takes about a millisecond whatever the page's size.
SAMPLE_BYTES = 1 << 16
_WINDOW = 1 << 12
_HIGH = re.compile(rb"[\x80-\xff]")
# Bytes that are never the second byte of a character in the multi-byte charsets tried here
# (their trail bytes are 0x40 and up; GB18030's four-byte form has digits second): a window
# ends after one, unless none comes within _CUT_REACH bytes.
_SAFE_END = re.compile(rb"[\x00-\x2f]")
_CUT_REACH = 256

_HIGH_RUN = re.compile(rb"[\x80-\xff]{2,}")
# The share of non-ASCII bytes in runs below which a sample is Western text. CJK and Cyrillic
# pages written again in their legacy charsets have 50-100% (Shift_JIS's trail bytes may be
# ASCII: 62% at least), Western ones a median of 2%.
MIN_HIGH_IN_RUNS = 0.25

# At most one character in this many may be an error: an invalid byte (a stray byte, a window's
# cut), or a private-use character, which GB18030 and Big5 give for bytes no character has.
MAX_ERROR_SHARE = 50
# Fewer letters than this are no evidence either way.
MIN_LETTERS = 8
# Non-ASCII letters per run of them: CJK text runs on (a Korean word is 2-4 syllables, Chinese and
# Japanese have no spaces), a Russian word is 5 letters; Western text read as GBK, Shift_JIS or
# windows-1251 gives one such letter per accented letter, between ASCII ones (1.0-1.2).
MIN_RUN = 1.8
# The share of non-ASCII letters that must be the script's (symbols and emoji do not count).
MIN_SCRIPT_SHARE = 0.9
# Japanese prose is written with kana (30-40% of its letters); Chinese uses none.
MIN_KANA_SHARE = 0.1
# Korean prose is hangul, with a few hanja abbreviations (美, 北) in headlines.
MIN_HANGUL_SHARE = 0.8
# Simplified Chinese stays inside GB2312 but for rare names; Big5 read as GBK falls outside it
# for about 40% of its characters.
MAX_OUTSIDE_GB2312 = 0.2
# Prose is mostly small letters; windows-1251 read as KOI8-R (or back) swaps the cases.
MIN_LOWER_SHARE = 0.6

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ERROR = re.compile("[\ufffd\ue000-\uf8ff]")
_LETTER_RUN = re.compile(r"[^\W\d_\x00-\x7f]+")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = re.compile("[\u3041-\u30ff]")
_HANGUL = re.compile("[\uac00-\ud7a3]")
_HAN_LETTER = re.compile(f"[{_HAN}]")
# The small letters all Cyrillic alphabets share (а-я, ё); a wrong reading gives capitals or
# the letters only some languages use (ђ, ќ, џ).
_CYRILLIC_LOWER = re.compile("[\u0430-\u044f\u0451]")
_SCRIPT_LETTERS = {
    "ja": re.compile(f"[{_HAN}\u3041-\u30ff]"),
    "ko": re.compile(f"[{_HAN}\uac00-\ud7a3]"),
    "zh": _HAN_LETTER,
    "ru": re.compile("[\u0400-\u04ff]"),
}


def detect(data: bytes, *, single_byte: bool = True) -> str | None:
    """The charset the bytes are most likely in, judged on a sample: UTF-8 (with a few invalid
    bytes), a CJK one or (unless not ``single_byte``) a Cyrillic one; None when they read as
    Western text, or nothing better.

    >>> text = "서울시는 내년부터 심야버스 노선을 두 배로 늘린다고 밝혔다."
    >>> detect(text.encode("euc-kr")), detect((text * 3).encode("utf-8") + b"\\xff")
    ('cp949', 'utf-8')
    >>> detect("Городской совет утвердил план порта.".encode("koi8-r"))
    'koi8-r'
    >>> detect("Der Bürgermeister äußerte sich über die Straßenbahn.".encode("cp1252")) is None
    True
    """
    sample = _sample(data)
    if not _HIGH.search(sample):
        return None
    if _mostly_utf8(sample):
        return "utf-8"
    if not _high_bytes_in_runs(sample):  # accents between ASCII letters: Western text
        return None
    multi_byte = _japanese(sample) or _korean(sample) or _chinese(sample)
    return multi_byte or (_cyrillic(sample) if single_byte else None)


def _sample(data: bytes) -> bytes:
    """Windows of the bytes that start at a non-ASCII byte (a character's first byte, as ASCII
    precedes it) and end at a byte no character continues with, up to ``SAMPLE_BYTES``: long
    runs of ASCII (scripts, styles, markup) are skipped, and each byte is looked at once."""
    pieces: list[bytes] = []
    taken = position = 0
    while taken < SAMPLE_BYTES and (high := _HIGH.search(data, position)):
        end = high.start() + _WINDOW
        cut = _SAFE_END.search(data, end, end + _CUT_REACH)
        end = cut.end() if cut else end
        pieces.append(data[high.start() : end])
        taken += end - high.start()
        position = end
    return b"\n".join(pieces)


def _high_bytes_in_runs(sample: bytes) -> bool:
    """Whether enough of the non-ASCII bytes stand next to another for CJK or Cyrillic text:
    every character of those is two non-ASCII bytes, or a word of them. Western text has its
    accents alone between ASCII letters (2% of them in runs on the median benchmark page), and
    is spared the eight readings below (20 ms a page)."""
    high = len(sample) - len(_HIGH.sub(b"", sample))
    return len(b"".join(_HIGH_RUN.findall(sample))) >= MIN_HIGH_IN_RUNS * high


def _mostly_utf8(sample: bytes) -> bool:
    text = sample.decode("utf-8", errors="replace")
    errors = text.count("\ufffd")
    return _count(_NON_ASCII, text) - errors >= MAX_ERROR_SHARE * errors


@dataclass(frozen=True, slots=True)
class _Reading:
    """The sample decoded with one codec, and the measures the choice rests on."""

    codec: str
    text: str
    errors: int  # invalid bytes and private-use characters
    clean: int  # the other non-ASCII characters
    letters: int  # non-ASCII letters
    runs: int  # runs of them

    def is_text(self, script: str) -> bool:
        """Enough letters, few errors, letters in runs, and mostly of the script."""
        return (
            self.letters >= MIN_LETTERS
            and self.clean >= MAX_ERROR_SHARE * self.errors
            and self.letters >= MIN_RUN * self.runs
            and self.count(_SCRIPT_LETTERS[script]) >= MIN_SCRIPT_SHARE * self.letters
        )

    def count(self, pattern: re.Pattern[str]) -> int:
        return _count(pattern, self.text)


def _read(sample: bytes, codec: str) -> _Reading:
    text = sample.decode(codec, errors="replace")
    errors = _count(_ERROR, text)
    without_letters, runs = _LETTER_RUN.subn("", text)
    return _Reading(codec, text, errors, _count(_NON_ASCII, text) - errors, len(text) - len(without_letters), runs)


def _japanese(sample: bytes) -> str | None:
    for codec in ("cp932", "euc-jp"):
        reading = _read(sample, codec)
        if reading.is_text("ja") and reading.count(_KANA) >= MIN_KANA_SHARE * reading.letters:
            return codec
    return None


def _korean(sample: bytes) -> str | None:
    reading = _read(sample, "cp949")
    ok = reading.is_text("ko") and reading.count(_HANGUL) >= MIN_HANGUL_SHARE * reading.letters
    return reading.codec if ok else None


def _chinese(sample: bytes) -> str | None:
    """GB18030 (and GBK, its subset) or Big5: both read most of the other's bytes, but simplified
    Chinese keeps to GB2312's characters, and Big5 read as GBK does not."""
    gb, big5 = _read(sample, "gb18030"), _read(sample, "big5hkscs")
    simplified = _outside_gb2312(gb.text) <= MAX_OUTSIDE_GB2312 * gb.letters
    if gb.is_text("zh") and (simplified or not big5.is_text("zh")):
        return gb.codec
    return big5.codec if big5.is_text("zh") else None


def _outside_gb2312(text: str) -> int:
    """How many characters GB2312 cannot write (each becomes one "?")."""
    return text.encode("gb2312", errors="replace").count(b"?") - text.count("?")


def _cyrillic(sample: bytes) -> str | None:
    """windows-1251, KOI8-R or ISO-8859-5: each reads the others' letters as Cyrillic, but many
    in the other case."""
    readings = [r for r in map(partial(_read, sample), ("cp1251", "koi8-r", "iso8859-5")) if r.is_text("ru")]
    best = max(readings, key=lambda r: r.count(_CYRILLIC_LOWER), default=None)
    return best.codec if best is not None and best.count(_CYRILLIC_LOWER) >= MIN_LOWER_SHARE * best.letters else None


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Matches of a one-character pattern, counted in C: what removing them takes off."""
    return len(text) - len(pattern.sub("", text))
