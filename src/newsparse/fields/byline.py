"""Bylines: person names from "By X", "Written by X and Y", "Von X", "Escrito por X" lines."""

from __future__ import annotations

import re

from newsparse.rules import Rules

# Name particles that stay lower-case inside a name: "Ludwig van Beethoven", "María de la Cruz".
PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la", "le"}
    | {"bin", "ibn", "al", "el", "y", "e", "ter", "ten", "zu"}
)
MAX_NAME_TOKENS = 5
MAX_NAME_CHARS = 60
# A byline is a short line; a longer one starting "By ..." is a sentence ("By the end of ...").
MAX_BYLINE_CHARS = 120
# Where the names stop and a date, a role or a site begins.
_SEGMENT_END = re.compile(r"\s+[|•·—–-]\s+|\s*[(\[]|\s+\d|\s*\|")
_INITIAL = re.compile(r"\w\.(?:-?\w\.)*")


def parse_author_line(text: str, rules: Rules) -> tuple[tuple[str, ...], bool] | None:
    """The names an author line gives and whether it opens an author box.

    >>> from newsparse.rules import rules_for
    >>> parse_author_line("Written by Anonymous", rules_for("en"))
    (('Anonymous',), True)
    >>> parse_author_line("Von Anna Weber und Jörg Klein", rules_for("de"))
    (('Anna Weber', 'Jörg Klein'), False)
    >>> parse_author_line("By the end of the year, prices rose.", rules_for("en")) is None
    True
    """
    if len(text) > MAX_BYLINE_CHARS:
        return None
    for pattern, is_box in ((rules.author_box, True), (rules.byline, False)):
        match = pattern.fullmatch(text)
        names = split_names(match.group("rest"), rules) if match else ()
        if names:
            return names, is_box
    return None


def split_names(text: str, rules: Rules) -> tuple[str, ...]:
    """The person names in a byline's tail, in order, roles and dates left out.

    >>> from newsparse.rules import rules_for
    >>> split_names("Jane Doe, Senior Reporter", rules_for("en"))
    ('Jane Doe',)
    >>> split_names("Ann Lee, Bo Chen & John C. Welch | 3 May 2024", rules_for("en"))
    ('Ann Lee', 'Bo Chen', 'John C. Welch')
    """
    head = _SEGMENT_END.split(text.strip(), maxsplit=1)[0]
    parts = (p.strip(" .,:;") for p in rules.name_separator.split(head))
    names = (p for p in parts if looks_like_name(p, rules))
    return tuple(dict.fromkeys(names))


def looks_like_name(text: str, rules: Rules) -> bool:
    """A person's name: a few capitalised words, no digits, no role or publisher word.

    >>> from newsparse.rules import rules_for
    >>> [looks_like_name(t, rules_for("en")) for t in ("Jean-Luc Martin", "Staff Writer", "the editors")]
    [True, False, False]
    """
    tokens = text.split()
    if not 1 <= len(tokens) <= MAX_NAME_TOKENS or len(text) > MAX_NAME_CHARS:
        return False
    if any(ch.isdigit() or ch in "@/:" for ch in text):
        return False
    not_names = rules.words["not_a_name"]
    if text.casefold() in not_names or any(t.casefold().strip(".,") in not_names for t in tokens):
        return False
    return tokens[0][0].isupper() and all(_is_name_token(t) for t in tokens)


def _is_name_token(token: str) -> bool:
    return token[0].isupper() or token in PARTICLES or bool(_INITIAL.fullmatch(token))
