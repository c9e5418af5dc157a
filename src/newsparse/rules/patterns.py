"""Regular expressions built from the word lists, compiled once per language set.

Every pattern is anchored and made of bounded pieces, so none backtracks badly on a long
line: the quantified classes never overlap the literal words next to them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A count as pages write it: "5.5", "1,234", "1 234", "-3", "12,5".
NUMBER = r"[+\-\u2212\u2013]?\d{1,3}(?:[.,'\u2009 ]\d{3})*(?:[.,]\d+)?|[+\-\u2212\u2013]?\d+(?:[.,]\d+)?"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so "upvotes" wins over "upvote".

    >>> alternation(["k", "mil", "m"])
    'mil|k|m'
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def vote_pattern(labels: Iterable[str], multipliers: Iterable[str]) -> re.Pattern[str]:
    """A whole line that is a score: "5.5k Points", "2,5 mil votos", "Score: 42".

    >>> p = vote_pattern(["points", "score"], ["k", "mil"])
    >>> p.fullmatch("5.5k Points").group("number", "multiplier", "label")
    ('5.5', 'k', 'Points')
    >>> p.fullmatch("Score: -3").group("label2", "number2")
    ('Score', '-3')
    >>> p.fullmatch("the index fell 40 points") is None
    True
    """
    label, mult = alternation(labels), alternation(multipliers)
    # A number starts where a run of digits starts: searched from inside a long run, it would
    # rescan the rest of the run from every digit.
    count_first = rf"(?<![\d.,])(?P<number>{NUMBER})\s?(?:(?P<multiplier>{mult})\.?\s?)?(?P<label>{label})"
    label_first = rf"(?P<label2>{label})\s?:?\s?(?P<number2>{NUMBER})\s?(?:(?P<multiplier2>{mult})\.?)?"
    return re.compile(rf"(?:{count_first}|{label_first})\b", re.IGNORECASE)


def prefix_pattern(prefixes: Iterable[str]) -> re.Pattern[str]:
    """A line that opens with one of ``prefixes`` and goes on: "Written by Jane Doe".

    >>> prefix_pattern(["written by", "by"]).fullmatch("Written by: Jane Doe").group("rest")
    'Jane Doe'
    >>> prefix_pattern(["记者"]).fullmatch("记者：王小明").group("rest")  # a full-width colon, no space
    '王小明'
    """
    return re.compile(rf"(?:{alternation(prefixes)})\s?(?::?\s|：\s?)(?P<rest>\S.*)", re.IGNORECASE)


def name_separator(joiners: Iterable[str]) -> re.Pattern[str]:
    """Where a list of names splits: commas, semicolons, slashes and the joining words.

    >>> name_separator(["and", "&"]).split("Ann Lee, Bo Chen and Cy Diaz")
    ['Ann Lee', 'Bo Chen', 'Cy Diaz']
    """
    joiner = alternation(joiners)
    # Starting only where a run of spaces starts: from inside one, a search would rescan it.
    return re.compile(rf"(?<!\s)(?:\s*[,;/]\s*(?:(?:{joiner})\s+)?|\s+(?:{joiner})\s+)", re.IGNORECASE)


def time_ago_pattern(phrases: Iterable[str], stamps: Iterable[str]) -> re.Pattern[str]:
    """How long ago a page says it published, in place of a date, a publication stamp before it
    or not; ``{n}`` in a phrase is a count.

    >>> time_ago_pattern(["hace {n} horas"], ["publicado"]).fullmatch("Publicado hace 3 horas") is not None
    True
    """
    ago = "|".join(
        re.escape(p).replace(re.escape("{n}"), r"\d{1,3}") for p in sorted(set(phrases), key=len, reverse=True)
    )
    return re.compile(rf"(?:(?:{alternation(stamps)})\s+)?(?:{ago})", re.IGNORECASE)


def count_pattern(multipliers: Iterable[str]) -> re.Pattern[str]:
    """A bare count as a widget shows it: "248", "1.1K", "12,5 k".

    >>> count_pattern(["k"]).fullmatch("1.1K").group("number", "multiplier")
    ('1.1', 'K')
    """
    return re.compile(rf"(?P<number>{NUMBER})\s?(?:(?P<multiplier>{alternation(multipliers)})\.?)?", re.IGNORECASE)


def date_patterns(months: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Dates as datelines write them, each pattern with groups y (or y2, a two-digit year),
    and d and m (a name or a number), or a and b: two numbers whose order (day or month first)
    the language decides.

    >>> [p.search("Updated March 5, 2024 at 7:14 am") is not None for p in date_patterns(["march"])]
    [True, False, False, False, False, False]
    >>> date_patterns(["mar"])[0].search("MAR 4, 20237:20 AM").group(0)
    'MAR 4, 2023'
    >>> texts = ("2019-11-19T12:48Z", "11/19/19 6:56", "2016年12月1日", "14 | 03 | 2023")
    >>> [p.search(t).group("y") or p.search(t).group("y2") for p, t in zip(date_patterns([])[2:], texts, strict=True)]
    ['2019', '19', '2016', '2023']
    """
    month = alternation(months)
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
    # A browser's innerText glues the next element to the year: "MAR 4, 20237:20 AM",
    # "06/11/20230 Kommentare", "28. Juni 201914. Januar 2020"; three digits more are no year,
    # and a letter is a word of the next line ("June 9, 2018Harbor Hall" is a venue's list),
    # unless it opens a month: the page's second timestamp ("Oktober 12, 2022Oktober 12, 2022").
    year = rf"(?P<y>(?:19|20)\d{{2}})(?!(?!(?:{month})\b)[^\W\d_]|\d{{3}})"
    # A two-digit year after the month's name ends the date: "( Roma, 14 Gennaio 20 )",
    # "14 Jan 20 | 10:30"; not a time ("14 Jan 20:30") nor a count ("5 marzo 20 persone").
    short_year = r"(?P<y2>\d{2})(?=\s*(?:$|[)\]|·•,;–—]|-\s))"
    return tuple(
        re.compile(p, re.IGNORECASE)
        for p in (
            rf"\b(?P<m>{month})\.?\s+{day},?\s+{year}",  # March 5, 2024
            # 5 March 2024, 5 de marzo de 2024, 5 Mar 24
            rf"\b{day}\s+(?:de\s+)?(?P<m>{month})\.?,?\s+(?:de\s+)?(?:{year}|{short_year})",
            r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)",  # 2024-03-05, 2024-03-05T09:00
            # 05.03.2024, 5/3/2024, 4. 2. 2022, 11/19/19 (not a version number's 3.10.12.1)
            r"(?<![\d.])(?P<a>[0-3]?\d)\s?([./])\s?(?P<b>[0-3]?\d)\s?\2\s?(?:(?P<y>(?:19|20)\d{2})(?![^\W\d_]|\d{3})|(?P<y2>\d{2})(?!\d|\.\d))",
            # 2016.12.01, 2016年12月1日
            r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s?[./年]\s?(?P<m>[01]?\d)\s?[./月]\s?(?P<d>[0-3]?\d)(?!\d)",
            # 14 | 03 | 2023: a theme's bars between the numbers, the whole year only
            r"(?<![\d|])(?P<a>[0-3]?\d)\s?\|\s?(?P<b>[0-3]?\d)\s?\|\s?(?P<y>(?:19|20)\d{2})(?![^\W\d_]|\d)",
        )
    )


def glued_date_pattern(months: Iterable[str]) -> re.Pattern[str]:
    """A date or a clock time that ends a line run into the word before it: a card's title
    and its date, which the extractor glued ("… We FallNov 2, 2012", "… night25/06/18", "…
    Won't Solve…5:31 PM ET"). Searched in a line's last characters (``GLUED_DATE_REACH``).

    >>> bool(glued_date_pattern(["nov"]).search("Together We Stand, Divided We FallNov 2, 2012"))
    True
    >>> bool(glued_date_pattern(["nov"]).search("The vote was held on Nov 2, 2012"))
    False
    """
    month = alternation(months)
    year = r"(?:19|20)\d{2}"
    dates = (
        rf"(?:{month})\.?\s\d{{1,2}},?\s{year}",  # Nov 2, 2012
        rf"\d{{1,2}}\.?\s(?:{month})\.?\s{year}",  # 2 Nov 2012
        r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}",  # 25/06/18
        rf"{year}-\d{{2}}-\d{{2}}",  # 2012-10-30
        r"\d{1,2}:\d{2}\s?[ap]\.?m\.?(?:\s[a-z]{2,3})?",  # 5:31 PM ET
    )
    return re.compile(rf"[^\W\d_][.…!?)]*(?:{'|'.join(dates)})$", re.IGNORECASE)


# How far from a line's end a glued date is looked for.
GLUED_DATE_REACH = 40


def teaser_pattern(prefixes: Iterable[str]) -> re.Pattern[str]:
    """A line that opens like a link to another story: "Read more: ...", "[Related: ...]".

    Matched against ``phrase_key`` text (case-folded, edge punctuation gone).

    >>> bool(teaser_pattern(["read more", "related"]).match("related: the 15 weirdest galaxies"))
    True
    >>> bool(teaser_pattern(["more"]).match("more than 40 ferries were cancelled"))
    False
    """
    return re.compile(rf"(?:{alternation(prefixes)})\s?[:|»›>\-–—]")


def credit_pattern(prefixes: Iterable[str]) -> re.Pattern[str]:
    """A line that opens like an image credit: "© Reuters", "Photo: AP", "Photo by Jane Doe",
    "Image source, Network Rail" (public broadcasters' form), or is a caption's label alone.

    >>> p = credit_pattern(["photo", "getty images", "image caption"])
    >>> [bool(p.match(t)) for t in ("© reuters", "photo by jane doe", "photo: ap", "photos were released")]
    [True, True, True, False]
    >>> bool(p.match("image caption")), bool(p.match("getty images, network rail"))  # a label alone, a comma
    (True, True)
    """
    return re.compile(rf"(?:©|\(c\)|copyright\b|(?:{alternation(prefixes)})\s?(?:[:/|,]|by\b|$))")


# A phrase's gap for a name ("the … newsletter"): one to three words, no sentence's end between.
NAME_GAP = "…"
_NAME_GAP_REGEX = r" (?:[^\s.!?]+ ){1,3}"


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored by shared prefixes.

    Python's ``re`` tries every branch of a flat alternation at every position; factored,
    most positions fail on their first character. On the benchmark's 82,000 class names
    this took a stem search from 0.23 s to a few hundredths.

    For finding whether a stem occurs, a word that extends another adds nothing, so it is
    dropped ("share" covers "sharedaddy").

    >>> trie_pattern(["author", "auteur", "share", "sharedaddy"])
    'aut(?:eur|hor)|share'

    A phrase may hold a gap, " … ", for a name of one to three words: "sign up for the …
    newsletter" finds "sign up for the daily blog tips newsletter".

    >>> import re
    >>> bool(re.search(trie_pattern(["sign up for the … newsletter"]), "sign up for the crypto-gram newsletter"))
    True
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in sorted(set(words)):
        node = trie
        for char in word.replace(f" {NAME_GAP} ", NAME_GAP):
            node = node.setdefault(char, {})
        node[""] = {}
    branches = [_char_regex(char) + _trie_regex(child) for char, child in sorted(trie.items())]
    return "|".join(branches)


def _char_regex(char: str) -> str:
    return _NAME_GAP_REGEX if char == NAME_GAP else re.escape(char)


def _trie_regex(node: dict) -> str:  # type: ignore[type-arg]
    if "" in node:  # a shorter word ends here and already matches
        return ""
    branches = [_char_regex(char) + _trie_regex(child) for char, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
