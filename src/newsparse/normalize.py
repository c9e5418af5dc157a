"""Character-level cleanup of text before it is split into blocks.

Each fixer is small and named; ``clean_line`` applies them in order.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

__all__ = ["clean_line", "drop_invisible", "phrase_key", "repair_mojibake", "word_count"]

# UTF-8 lead bytes read as Windows-1252: "Ã©", "â€™", "Â ".
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf\u2018-\u203a\u0152-\u017e]|â€[\u0080-\u00bf\u2018-\u203a\u0152-\u017e™]")
# Zero-width space/joiners, word joiner (and invisible operators), BOM and soft hyphen: invisible
# in a browser, but they split words for every tokenizer downstream. Direction marks, embeddings,
# overrides and isolates too: right-to-left dumps put one after each sentence, where it hid the
# sentence's end. The zero-width non-joiner stays between letters of the scripts that spell
# with it (Persian "می‌خواهم", the Indic scripts).
_JOINING_SCRIPTS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\u0900-\u0dff\ufb50-\ufdff\ufe70-\ufefe"
_INVISIBLE = re.compile(
    "[\u200b\u200d\u2060-\u2064\ufeff\u00ad\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
    f"|(?<![{_JOINING_SCRIPTS}])\u200c|\u200c(?![{_JOINING_SCRIPTS}])"
)
_MAYBE_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u061c\u202a-\u202e\u2066-\u2069]")
# Surrogates too: a str can hold them (JSON escapes), no encoding can write them.
_CONTROLS = dict.fromkeys([*range(0x20), 0x7F, *range(0x80, 0xA0), *range(0xD800, 0xE000)])
_ODD_APOSTROPHES = ("\u2019", "\u2018", "\u02bc", "\u00b4")
# What the last character of a sentence can be, in the languages and typographies seen:
# German closes quotes with “ and ‘, French with », Japanese ends with 。, Chinese news with the
# reporter's name in full-width brackets ("…不要在湖中游泳。（记者 李明）").
SENTENCE_END = (".", "!", "?", "…", '"', "”", "“", "’", "‘", "»", "«", ")", "。", "！", "？", "」", "）")
# A stop proper, no closing quote or bracket after it: what closes a sentence of running text.
SENTENCE_STOP = (".", "!", "?", "…", "。", "！", "？")
# Han, kana and hangul: scripts written without spaces between words.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# Two characters of those scripts carry about as much as one English word.
CHARS_PER_UNSPACED_WORD = 2
# "Comments (12)": the count is not part of the phrase (it has lost its ")" by then). Tried
# only from the start of a run of spaces: inside a long run it was quadratic.
_TRAILING_COUNT = re.compile(r"(?<!\s)\s*\(\d+\)?$")
_EDGE_PUNCTUATION = " .,:;!?¡¿…-–—|•·*#()[]\"'“”«»"


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252 ("donâ€™t" -> "don’t"), with ftfy, only where its
    tell-tale pairs occur: ftfy is thorough but slow, and most pages are fine.

    >>> repair_mojibake("donâ€™t"), repair_mojibake("already fine")
    ('don’t', 'already fine')
    """
    suspect = "Ã" in text or "â" in text or "Â" in text  # three scans in C spare the pattern
    return ftfy.fix_encoding(text) if suspect and _MOJIBAKE.search(text) else text


def drop_invisible(text: str) -> str:
    """Remove zero-width characters, soft hyphens and direction marks.

    >>> drop_invisible("up\\u200bvote and soft\\u00adhyphen"), drop_invisible("\\u202bخبر.\\u200f\\u202c")
    ('upvote and softhyphen', 'خبر.')
    """
    # One character-class scan first: the full pattern's lookarounds cost 3x on every line.
    return _INVISIBLE.sub("", text) if _MAYBE_INVISIBLE.search(text) else text


def clean_line(text: str) -> str:
    """NFC-normalise a line, drop invisible characters, make every run of spaces one space.

    ``str.split()`` splits at every Unicode space (no-break and thin spaces, line breaks),
    so joining its parts is the whole space cleanup, and ASCII text needs nothing else.
    This runs on every text of every page, so it avoids regular expressions where it can.

    >>> clean_line("  Caf\u0065\u0301\u00a0au lait\u200b  ")
    'Café au lait'
    >>> clean_line("Printer-friendly version |\\n  E-mail this story")
    'Printer-friendly version | E-mail this story'
    >>> clean_line("NUL\\x00 and escape\\x1b[0m codes")
    'NUL and escape[0m codes'
    """
    if not text.isascii():
        # Invisible characters go after the repair, which can bring one back ("â€‹" is U+200B).
        text = drop_invisible(repair_mojibake(unicodedata.normalize("NFC", text)))
    line = " ".join(text.split())
    # Control characters (NUL, escape codes, C1) have no place in text; one C-level test
    # spares the common case the translation.
    return line if line.isprintable() else " ".join(line.translate(_CONTROLS).split())


def phrase_key(text: str) -> str:
    """The form in which a line is compared with the vocabulary lists.

    Case-folded, typographic apostrophes made plain, edge punctuation dropped, so
    "Qu’en pensez-vous ?" and "qu'en pensez-vous" compare equal.

    >>> phrase_key("  Qu’en pensez-vous ? ")
    "qu'en pensez-vous"
    >>> phrase_key("LEAVE A REPLY"), phrase_key("Reacties (14)")
    ('leave a reply', 'reacties')
    """
    for odd in _ODD_APOSTROPHES:
        if odd in text:
            text = text.replace(odd, "'")
    key = " ".join(text.split()).strip(_EDGE_PUNCTUATION).casefold()
    return _TRAILING_COUNT.sub("", key) if key.endswith(")") or key[-1:].isdigit() else key


def word_count(text: str) -> int:
    """Words in ``text``, with scripts that use no spaces counted by characters.

    >>> word_count("Armed clashes have resumed."), word_count("商標法違反の疑いで逮捕された")
    (4, 7)
    """
    spaced = len(text.split())
    unspaced = len(_UNSPACED.findall(text))
    return max(spaced, unspaced // CHARS_PER_UNSPACED_WORD) if unspaced else spaced
