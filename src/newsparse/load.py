"""Turn what the user hands us (str, bytes or a path) into text, and tell HTML from plain text.

Bytes are decoded in the order a browser trusts: a byte-order mark, then the charset the
document declares (WHATWG labels only, see ``charsets``), then detection on a bounded sample
(``charsets.detect``). A declared multi-byte charset is used only when it decodes the bytes
cleanly, and a declared single-byte one gives way to bytes that read as UTF-8 or as CJK text,
so a page that tells the truth about its encoding never comes out as mojibake, and one that
lies is still read.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import stat
from pathlib import Path

from newsparse.charsets import codec_for, detect, is_single_byte, iso_2022_jp
from newsparse.errors import DecodeError, EmptyInputError, UnreadableFileError, UnsupportedInputError

Source = str | bytes | os.PathLike[str]

# The charset declarations HTML allows, looked for in the first bytes only (as browsers do).
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
_SNIFF_BYTES = 4096

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# A str this short on one line may be a path or URL given where the page was meant.
_MAX_POINTER_CHARS = 4096
_BARE_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]{0,15}://\S+")
_FILE_NAME = re.compile(r"\S+\.(?:html?|xhtml|shtml|txt|gz|jsonl|ndjson|warc)", re.IGNORECASE)

# A page read from a path is at most this big, unpacked: real pages are a few MB.
MAX_PAGE_BYTES = 64 << 20
# Text where more than this share of characters are control codes is binary data, not a page.
_MAX_CONTROL_SHARE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A str may hold surrogate code points (from JSON "\ud83d" escapes or surrogateescape decoding),
# which no encoding can write: libxml2 stops at the first one and drops the rest of the page.
# Looking for them costs 0.4 ms a page, so the HTML door does it only when libxml2 stopped
# there, and the text door's line cleanup drops them.
_SURROGATE = re.compile("[\ud800-\udfff]")

_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<\?xml|<!--)", re.IGNORECASE)
# The elements of HTML's body and head that fragments are made of; a dump may quote "<3" or
# "a < b", which name none.
_ELEMENTS = (
    "a|abbr|address|article|aside|audio|b|blockquote|body|br|button|caption|cite|code|dd|div|dl|dt|em|figcaption|"
    "figure|footer|form|h[1-6]|head|header|hr|i|iframe|img|input|label|li|link|main|meta|nav|noscript|ol|option|p|"
    "picture|pre|q|s|script|section|select|small|source|span|strong|style|sub|sup|table|tbody|td|th|thead|time|"
    "title|tr|u|ul|video"
)
_TAG = re.compile(rf"</?(?:{_ELEMENTS})(?=[\s/>])", re.IGNORECASE)
_STARTS_WITH_TAG = re.compile(rf"\s*<(?:{_ELEMENTS})(?=[\s/>])", re.IGNORECASE)
_ENDS_WITH_END_TAG = re.compile(rf"</(?:{_ELEMENTS})\s*>\s*$", re.IGNORECASE)
_CODE_OPEN = re.compile(r"<(script|style)\b[^<>]{0,2048}>")
# How much of the text's start is looked at to tell markup from a dump.
_SNIFF_CHARS = 16_384


def read_source(source: Source) -> str | bytes:
    """The content of ``source``: text as given, bytes as given, a path read (``.gz`` unpacked)."""
    if isinstance(source, (str, bytes)):
        return source
    if isinstance(source, bytearray | memoryview):
        return bytes(source)
    if isinstance(source, os.PathLike):
        return _read_path(Path(source))
    raise UnsupportedInputError(f"cannot parse a {type(source).__name__}: give str, bytes or a path")


def _read_path(path: Path) -> bytes:
    """A regular file's bytes, unpacked when gzipped, up to ``MAX_PAGE_BYTES``: a device
    (/dev/zero), a FIFO or a gzip bomb would otherwise fill memory or never end."""
    try:
        status = path.stat()  # a missing file raises here, with its cause
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableFileError(f"cannot read {path}: not a regular file")
        if status.st_size > MAX_PAGE_BYTES:
            raise UnreadableFileError(f"cannot read {path}: larger than {MAX_PAGE_BYTES >> 20} MB")
        data = path.read_bytes()
        if data[:2] != b"\x1f\x8b":
            return data
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
            page = unpacked.read(MAX_PAGE_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise UnreadableFileError(f"cannot read {path}: {exc}") from exc
    if len(page) > MAX_PAGE_BYTES:
        raise UnreadableFileError(f"cannot read {path}: unpacks to more than {MAX_PAGE_BYTES >> 20} MB")
    return page


def decode(data: bytes) -> str:
    """Decode page bytes: BOM, then declared charset, then detection.

    >>> decode(b'<meta charset="iso-8859-1"><p>caf\\xe9 \\x93quoted\\x94</p>')
    '<meta charset="iso-8859-1"><p>café “quoted”</p>'
    >>> decode("na\\u00efve".encode("utf-16"))
    'naïve'
    """
    text = _decode_bom(data) or _decode_declared(data) or _decode_detected(data)
    _reject_binary(text)
    return text


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    return None


def _decode_declared(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    codec = codec_for((match.group(1) or match.group(2)).decode("ascii"))
    if codec is None:
        return None  # no WHATWG label ("utf-7", "cp037"): browsers ignore it, and so does newsparse
    if not is_single_byte(codec):
        return _strict(data, codec)
    # A single-byte label (often a CMS's default) on bytes that are valid UTF-8, or that read as
    # CJK text, is a mislabel: single-byte text is almost never either by chance. Between
    # single-byte charsets, the label is believed.
    text = _multi_byte(data)
    if text is None and (found := detect(data, single_byte=False)) is not None:
        text = _decoded(data, found)
    return text if text is not None else data.decode(codec, errors="replace")


def _strict(data: bytes, encoding: str) -> str | None:
    """The bytes decoded without a replacement, or None."""
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeError):  # unknown codecs, and codecs that are no charset ("undefined")
        return None


def _decoded(data: bytes, encoding: str) -> str:
    """The bytes decoded, with replacement characters only if they do not decode cleanly."""
    text = _strict(data, encoding)
    return text if text is not None else data.decode(encoding, errors="replace")


def _decode_detected(data: bytes) -> str:
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    text = _multi_byte(data)
    if text is not None:
        return text
    # Binary data is refused on its first bytes, before any detection.
    _reject_binary(data[:_SNIFF_BYTES].decode("latin-1"))
    # The last resort, windows-1252, keeps every letter of a Western page with one undefined byte.
    return _decoded(data, detect(data) or "cp1252")


def _multi_byte(data: bytes) -> str | None:
    """The bytes as ISO-2022-JP (7-bit, so before UTF-8) or as UTF-8, when they read cleanly."""
    return iso_2022_jp(data) or _strict(data, "utf-8")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly-ASCII text has a NUL in every other byte."""
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _reject_binary(text: str) -> None:
    sample = text[:_SNIFF_BYTES]
    controls = len(_CONTROL.findall(sample))
    if sample and controls > _MAX_CONTROL_SHARE * len(sample):
        raise DecodeError(f"input looks binary: {controls} control characters in its first {len(sample)}")


def to_text(source: Source) -> str:
    """The source as a ``str``, refusing empty input and a ``str`` that only points at a page."""
    content = read_source(source)
    text = decode(content) if isinstance(content, bytes) else content
    if not text or text.isspace():  # strip() would copy the whole page to say the same
        raise EmptyInputError("the input is empty or only whitespace")
    if isinstance(source, str):
        _refuse_pointer(text)
    return text


def _refuse_pointer(text: str) -> None:
    """A ``str`` is the page itself. One that is only a URL, or only a file's name, was meant
    as a pointer to a page (as trafilatura's and newspaper4k's users pass them): parsing it
    would give an empty Article that looks like a result, so it is refused with the way out.

    >>> try:
    ...     _refuse_pointer("https://example.org/story")
    ... except UnsupportedInputError as error:
    ...     print(str(error)[:70])
    'https://example.org/story' is a URL, and a str is the page itself: ne
    """
    if len(text) > _MAX_POINTER_CHARS:
        return
    token = text.strip()
    if "\n" in token:
        return
    if _BARE_URL.fullmatch(token):
        raise UnsupportedInputError(
            f"{token!r} is a URL, and a str is the page itself: newsparse does no network I/O, "
            f"so fetch the page and pass its HTML (with url={token!r})"
        )
    if os.path.isdir(token):
        raise UnsupportedInputError(f"{token!r} names a folder: parse_many([Path({token!r})]) parses the pages in it")
    if os.path.exists(token) or _FILE_NAME.fullmatch(token):
        found = "names a file" if os.path.exists(token) else "looks like a file name (no such file here)"
        raise UnsupportedInputError(
            f"{token!r} {found}, and a str is the page itself: to read a file, pass Path({token!r})"
        )


def without_surrogates(text: str) -> str:
    """Pairs of surrogates joined into the character they encode, lone ones replaced by U+FFFD.

    >>> without_surrogates("a \\ud83d\\ude00 b \\ud83d c")
    'a \U0001f600 b \ufffd c'
    """
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def looks_like_html(text: str) -> bool:
    """True for markup, False for a plain-text dump, told by how tags sit in the lines.

    A document or fragment of markup starts with a doctype, or has a tag in most of its lines,
    or opens with an element and closes one. A dump may quote a tag, or open with a tracking
    pixel's ``<noscript>`` markup as text, but its other lines are text.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("<p>A short fragment.</p>\\n<p>Two paragraphs.</p>")
    True
    >>> looks_like_html("Headline\\n\\nA paragraph that mentions <p> once.")
    False
    """
    if _HTML_START.match(text):
        return True
    sample = text[:_SNIFF_CHARS]
    lines = [line for line in _outside_scripts(sample).splitlines() if line and not line.isspace()]
    tagged = sum(1 for line in lines if _TAG.search(line))
    if 2 * tagged > len(lines):
        return True
    return bool(_STARTS_WITH_TAG.match(sample) and _ENDS_WITH_END_TAG.search(text[-1024:]))


def _outside_scripts(markup: str) -> str:
    """The markup without what its scripts and styles hold: code lines carry no tags, and a page
    may open with a long script before its first element.

    >>> _outside_scripts("<script>\\nvar a;\\n</script>\\n<p>x</p>")
    '<script></script>\\n<p>x</p>'
    """
    lower, kept, position = markup.lower(), [], 0
    while opening := _CODE_OPEN.search(lower, position):
        kept.append(markup[position : opening.end()])
        position = lower.find(f"</{opening.group(1)}", opening.end())
        if position < 0:
            return "".join(kept)
    kept.append(markup[position:])
    return "".join(kept)
