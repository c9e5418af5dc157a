"""Where each part of an article sits in a page of blocks.

A page reads head, body, tail. Each block first gets a ``Mark`` from what it says alone
(noise phrase, score, author line, or plain content). Then positions decide the rest:

1. the headline is the first title-like content block before the first prose block;
2. the body runs from the headline to the first *closing* mark after some content
   (a reaction prompt, a vote widget, a comment form, an author box, a related label);
3. the tail holds the votes, the author box and its bio, and the related teasers;
   every other tail block is boilerplate.

Every block ends up in exactly one place: a field, the body, or ``removed`` with a reason.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType

from newsparse.fields import headline_model
from newsparse.fields.byline import lone_name_after_date, names_in_bar, names_only, parse_author_line, split_names
from newsparse.fields.dates import (
    calendar_day,
    copyright_year,
    dateline_date,
    day_and_month,
    filed_dateline,
    is_publication_stamp,
    is_update_stamp,
    opening_date,
    text_date,
    url_date,
    url_month,
    years_apart,
)
from newsparse.fields.headline import REPEAT_OVERLAP, same_title, strip_site_name
from newsparse.fields.headline_model import Candidates
from newsparse.fields.related import label_strength
from newsparse.fields.votes import bar_count, bar_pair, parse_votes, share_row
from newsparse.filters.noise import noise_rule
from newsparse.model import Byline, RelatedLink, Removal, VoteCount
from newsparse.normalize import SENTENCE_END, SENTENCE_STOP, phrase_key, word_count
from newsparse.page import Block, Hints
from newsparse.region import Region, is_code, main_region, stretch_end
from newsparse.rules import Rules
from newsparse.rules.patterns import GLUED_DATE_REACH
from newsparse.sources.main_content import CELL_SEPARATOR

# A headline or teaser title is a short line; a 25-word line is a standfirst or prose.
MAX_TITLE_WORDS = 25
# Teaser titles are real headlines, not "Home" or "Reply".
MIN_TEASER_WORDS = 3
# An author's bio is a sentence or more, not a name or a button.
MIN_BIO_WORDS = 6
# Prose: a long line, or one ending like a sentence. Titles sit before the first of these.
MIN_PROSE_WORDS = 15
# Lines this short repeat legitimately ("Advertisement" aside, "Yes.", list items).
MIN_DUPLICATE_WORDS = 4
_DIGIT = re.compile(r"\d")
_NUMBERS = re.compile(r"\d+")
# A year alone on its line: a date's last element, split off by a flattener.
_LONE_YEAR = re.compile(r"(?:19|20)\d{2}")
# A full stop inside a line, after a lower-case word ("Wednesday. Demand"), not "U.S. Senate".
_INNER_STOP = re.compile(r"\w[a-zß-ÿ]\.\s+\S")
# An inline teaser box holds a label and a few headlines; prose this soon after continues the article.
INLINE_BOX_LINES = 6
# A media player's running time, which ends its label ("Watch video 02:17").
_RUNNING_TIME = re.compile(r"\s\d{1,2}:\d{2}(?::\d{2})?$")
# How many lines under a player's label its title stands (a share button between).
MEDIA_TITLE_REACH = 2
# A related item prints at most this many lines beside its title (a kicker, a byline, a date,
# an excerpt), and a kicker at most this many words ("Harbour Notes", "AUTO NEWS").
MAX_ITEM_LINES = 2
MAX_ITEM_KICKER_WORDS = 3
MAX_USER_NAME_CHARS = 40
# How many lines after the headline a byline inside a bar of items is believed.
INLINE_BYLINE_REACH = 15
# ... and how many lines above it, where a theme prints its meta bar over the title.
BYLINE_ABOVE = 3
# Author lines kept in reserve behind the byline, should the site filter rule it out.
MAX_LATER_BYLINES = 2
# The separator between a header bar's items (date | time | author, date // author).
_META_BAR = re.compile(r"\s(?:[|·•–]|//)\s")
# A list a colon introduces: at most this many items are taken past the stretch's end.
MAX_LIST_ITEMS = 12
# Indentation a line of the article may differ by (list items, quotes) from its prose.
COLUMN_SLACK = 2
# A table set inside the text has at least this many rows: a photo's caption over its credit,
# indented as a table would be, has two.
MIN_TABLE_ROWS = 3
# A paragraph this many columns away from the article's prose is another column's, where it
# stands between two of the article's paragraphs (every prose line this far away, wherever it
# stands, cost an inscriptis page laid out in table columns 5 `with` snippets).
MIN_SIDE_COLUMN_GAP = 40
# A caption is a sentence or two; a longer line under a caption's label is the article's text.
MAX_CAPTION_WORDS = 40
# How many lines under a poll's options its vote count stands.
POLL_COUNT_REACH = 2
# A line saying how long ago ("Publicado hace 13 horas") is short.
MAX_AGO_CHARS = 40
# A line of names only: a few names and their joiners.
MAX_NAME_LINE_WORDS = 12
# Words in a line of byline furniture: a job title, a handle, "Search for this author in:".
MAX_FURNITURE_WORDS = 6
# A dateline is a short line that is not a sentence: "Updated on: November 19, 2019 / 10:07 AM";
# an embedded tweet's signature ("— Name (@handle) November 18, 2019") is quoted text instead.
MAX_DATELINE_WORDS = 20
# A dated line that says this much besides its date is a sentence, not a dateline's label.
MIN_DATED_SENTENCE_WORDS = 6
# A dated bar beside a line of names: "18. Februar 2024 · 7 Min. Lesezeit · Anja Vogt · …".
MAX_BAR_WORDS = 28
# A dateline may end in a clock's "a.m.", a German "Uhr." or a date's own dot ("4. 2. 2022."),
# which is no sentence's full stop. Searched in a line's last characters only (its longest match,
# "p. m.", has 5): from the start, the search tried every position of every paragraph.
_CLOCK_END = re.compile(r"(?:[ap]\.\s?m|uhr|h)\.$", re.IGNORECASE)
_CLOCK_END_CHARS = 5
# How far under the headline its dateline is looked for: up to the article's second paragraph
# (a standfirst may come first), within this many lines; above it, within this many.
DATELINE_BELOW, DATELINE_ABOVE = 40, 10
# A dateline may also close the article ("Pubblicato il: 30 Settembre 2020" under its text).
DATELINE_PAST_END = 3
# A breadcrumb path ending in the title stands a few lines over the title's own line.
BREADCRUMB_REACH = 10
# WordPress and most comment systems head a comment "Name on <date> at <time>" or "Name says:".
_COMMENT_HEADER = re.compile(
    r"\bon\b.{0,40}\d.{0,30}\bat\s*\d{1,2}[:.]\d{2}"
    r"|\b(?:says|said|schreibt|sagt|dice|dit|disse|zegt|scrive|pisze)\s?:$",
    re.I,
)
# A list's label before a colon is a few words ("Related links:"); a longer line introduces
# the article's own list ("Related reading on the topic of sleep:").
MAX_LIST_LABEL_WORDS = 3
# The bullets text flatteners print before a list's items ("* ", "• ", "+ " for a nested
# list; "-" goes last in each class below, where it stands for itself).
_BULLETS = "*+•·▪◦‣●■►▸–—"
# A list item's marker, which text flatteners print before a teaser's title: a bullet or a
# guillemet, or an ordered list's number ("3. ").
_LIST_MARKER = re.compile(rf"(?:[{_BULLETS}»-]|\d{{1,2}}[.)])\s+")
# A numbered list's item ("01. Robert Plant", "3) Stir", a note's "[1] http://…"), a
# chronology's entry ("1998/99 Erneute Abrisspläne", "2008: Umbau"): the text after the number
# may be short, but a word follows a year (an archive's "2019 (12)" is no entry).
_NUMBERED_ITEM = re.compile(r"(\d{1,3})[.)]\s+\S|\[(\d{1,3})\]\s*\S")
_YEAR_ITEM = re.compile(r"((?:1[5-9]|20)\d{2})(?:/\d{2,4})?:?\s+[^\W\d_]")
# Items of a list are this close together (a question, its answer, a credit under a photo).
SEQUENCE_REACH = 6
MIN_SEQUENCE_ITEMS = 3
# A chronology's next entry lies within a few decades of the last.
MAX_YEAR_STEP = 30
# A commenter's name and date under a thread's heading, one line each ("Lucía" / "29. Mai 2019").
COMMENTER_LINES = 3
# The header's bar under a byline: a role, "Copy link", a row of share buttons, an audio
# player's label, a photo's credit, one line each.
MAX_HEADER_BAR_LINES = 12
# A first line this long can be the page's <title>; a shorter one is a menu entry.
MIN_TITLE_ANCHOR_WORDS = 5
# A recipe's ingredient list between its headline and its method: lines of a few words, at
# least this many of them opening with a quantity ("200 g Zucker", "1 Pck. Backpulver", or
# "135 g" over "Butter"), and up to a few labels in a row between them ("Belag:", "Salz").
MIN_QUANTITY_ITEMS = 4
MAX_QUANTITY_WORDS = 10
MAX_LIST_LABELS = 3
# A body with this many quantities of things among its first lines opens with its
# ingredients, not with a kicker to trim.
MIN_OPENING_QUANTITIES = 2
OPENING_LINES = 3
# A list of works, each credited to its maker ("Plum Clafoutis by Harbor Kitchen Notes", a
# roundup's links; "Der Vorleser von Bernhard Schlink", a reading list): this many such lines
# in a row, one tag, each naming someone else, are the article's list, not its byline said
# again (fixtures html-en-blog-roundup-credited-dishes, html-de-blog-leseliste-titel-von).
MIN_CREDITED_WORKS = 3
# A recipe card under the article's text (its name, servings and times over the ingredients):
# its ingredient list starts within this many lines of the stretch's end.
RECIPE_CARD_REACH = 20
# Its method is a few steps: one sentence under a run of counts is the footer's ("1 Fans Like",
# "299 Followers" / "Nobody covers the region like we do.").
MIN_METHOD_STEPS = 2
# A box of teasers inside the article ("Most Read" over three titles and their authors): its
# label within a few lines of the stretch's end (a share button between), the text resuming
# within this many lines under it, in this many paragraphs in a row, at least this share
# of their words of four letters or more standing in the text above (a teaser's excerpt, a
# footer's notice or the comments' rules are on a topic of their own).
BOX_HEAD_REACH = 3
BOX_REACH = 12
MIN_RESUMED_PARAGRAPHS = 3
MIN_TOPIC_OVERLAP = 0.4
# A code listing the text goes on under: two lines or more (a wire credit's "…; Editing by …"
# has a semicolon on its one line), up to this many, of code or of its output's few words
# ("> 29" / "100").
MIN_LISTING_LINES = 2
MAX_LISTING_LINES = 25
MAX_OUTPUT_WORDS = 3
# A table of contents under the article's first paragraphs: at least this many of its lines,
# within this many, are its sections' subheadings printed again further down.
MIN_CONTENTS_ENTRIES = 3
MAX_CONTENTS_LINES = 20
CONTENTS_GAP = 3
# A recipe's nutrition facts: the energy within this many lines of the method's end.
NUTRITION_REACH = 5
_ENERGY = re.compile(r"\d\s?(?:kcal|kj)\b", re.IGNORECASE)
# A list item's bullet as a dump prints it (``_BULLETS``); "?" is a glyph it could not print.
# No quotation mark: paragraphs of quotes in a row ("« … »") are no list.
_BULLET = re.compile(rf"([{_BULLETS}?-])\s+\w")
_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")
_WORD = re.compile(r"[^\W\d]{2,}")
# A quantity: "200", "0,5", "1/2", "½", a mixed number ("1 1/2", "1½") or a range ("1-2", "1 – 1 1/2").
_AMOUNT = r"(?:\d+(?:[.,/]\d+)?(?:\s\d+/\d+|\s?[½¼¾⅓⅔])?|[½¼¾⅓⅔])"
_QUANTITY = re.compile(rf"(?:[*+•·▪◦‣●■►▸»–—-]\s+)?{_AMOUNT}(?:\s?[-–]\s?{_AMOUNT})?[.)]?(?:\s*[^\W\d]|$)")
# Headline candidates: words count up to the cap; a full stop or a bar of items costs.
HEADLINE_WORDS_CAP = 20
# A headline ending in a full stop is short ("Kraków zaostrza zasady strefy czystego transportu.").
MAX_SENTENCE_HEADLINE_WORDS = 14
HEADLINE_STOP_PENALTY = 4.0
HEADLINE_BAR_PENALTY = 8.0
# How many lines above a dump's article text its headline is looked for.
HEADLINE_WINDOW = 25
# How far into the main content a repeated headline is looked for.
MAX_BLOCKS_BEFORE_HEADLINE = 3
MAX_HEADLINE_TAIL_WORDS = 5
# A roofline over the headline is a topic or a question of a few words.
MAX_HEADLINE_KICKER_WORDS = 8
# At the body's edges, lines this short that are not sentences are labels and kickers: on the
# benchmark 32 of 35 such first lines and 33 of 39 such last lines were not article text.
# A last line that ends a sentence ("See you next week!") and the items of a list or table
# that closes the article (a poll's results, a price list) are its text, however short.
MAX_FRAGMENT_WORDS = 5
# A row of this many short cells is a table's data (``main_content`` joins a row of short cells).
MIN_DATA_CELLS = 4
# Elements of a list or a table: a run of them at the body's end is one list, not loose labels.
_LIST_TAGS = frozenset({"td"})
# A list's items: the list closes the article where one of them is text (see ``_closing_list``).
_ITEM_TAGS = frozenset({"li"})
# An author's bio closes a dump's article: among its last few blocks, after some text of its own.
BIO_REACH = 3
MIN_TEXT_BEFORE_BIO = 3
# An aside after the name in a bio ("Maren T. Oakes (maren@example.org) is an assistant professor …").
_ASIDE = re.compile(r"\([^()]*\)")


@dataclass(frozen=True, slots=True)
class Mark:
    """What a block is, judged by its text alone."""

    kind: str  # "content", "noise", "votes", "author" or "date"
    closes_article: bool = False
    removal: Removal | None = None
    votes: VoteCount | None = None
    authors: tuple[str, ...] = ()
    date: datetime | date | None = None
    inline: bool = False  # an author line found inside a bar of other items

    @property
    def rule(self) -> str | None:
        """The rule that dropped the block, if one did."""
        return self.removal.rule if self.removal is not None else None


@dataclass(frozen=True, slots=True)
class Layout:
    """The article's parts as they stand on the page."""

    headline: str | None
    paragraphs: tuple[str, ...]
    published: datetime | date | None
    votes: VoteCount | None
    byline: Byline | None
    related: tuple[RelatedLink, ...]
    removed: tuple[Removal, ...]
    # The author lines believed next, in order, for a caller that rules the byline out (the
    # site's name over its tagline reads as an author box).
    later_bylines: tuple[Byline, ...] = ()


CONTENT = Mark("content")
_NO_BOXES: Mapping[str, str] = MappingProxyType({})
_NO_HINTS = Hints()
_CARD_DETAIL = "an item of the list of cards that ends the find: a linked heading over its excerpt"
_GLUED_DETAIL = "a card's title run into its date, one of a list"
# A list has this many cards whose dates run into their titles (see ``_mark_glued_cards``).
MIN_GLUED_CARDS = 2


def mark_block(block: Block, rules: Rules, boxed: Mapping[str, str] = _NO_BOXES) -> Mark:
    """Judge one block by its text: noise, a score, an author line, or content.

    ``boxed`` maps the texts of an HTML page's boilerplate boxes (newsletter, share bar,
    caption ...) to the box's class; a block that is one of them is dropped for where it stands.
    """
    box = boxed.get(block.text)
    if box is not None:
        return Mark("noise", removal=Removal(block.text, "boilerplate.box", f"inside a box of class {box!r}"))
    if block.tag == "card":
        return Mark("noise", removal=Removal(block.text, "boilerplate.teaser_card", _CARD_DETAIL))
    found = noise_rule(block.text, rules)
    if found:
        rule, removal = found
        return Mark("noise", closes_article=rule.closes_article, removal=removal)
    # A labelled date inside the text ("Einsendeschluss: 03.11.2019") dates what it tells of.
    dated = _may_be_dated(block) and not rules.event_label.match(block.text)
    when = dateline_date(block.text, rules) if dated else None
    author = parse_author_line(block.text, rules)
    if author is None and when is not None:  # "03/09/2021 by Lou 12 Comments"
        lone = lone_name_after_date(block.text, rules)
        author = (lone, False) if lone else None
    if author:  # "Von Jörg Klein 07.03.2024, 16:45 Uhr": a byline that also dates the article
        names, is_box = author
        inline = not is_box and not rules.byline.match(block.text)
        return Mark("author", closes_article=is_box, authors=names, inline=inline, date=when)
    if when is not None:
        return _dateline_mark(block.text, when, rules)
    if _ago_bar(block, rules):  # "Jacobo Betancur Peláez | Publicado hace 3 horas"
        names = names_in_bar(block.text, rules)
        if names:
            return Mark("author", authors=names, inline=True)
    votes = parse_votes(block.text, rules)
    if votes:
        return Mark("votes", closes_article=True, votes=votes, authors=_submitter(block.text, votes.raw, rules))
    return CONTENT


def _may_be_dated(block: Block) -> bool:
    """Short, with a digit, not a sentence, not a tweet's signature nor a table's data: a row
    of figures, or a cell read as a block of its own, which stands in a row that holds a
    sentence (see ``main_content``): a table of deadlines, its "Bis 30. Juni 2024" beside the
    step it dates."""
    text = block.text
    if block.tag == "td" or _data_row(block) or _DIGIT.search(text) is None or "(@" in text:
        return False  # the cheap tests first: this runs on every block
    clock = _CLOCK_END.search(text, max(0, len(text) - _CLOCK_END_CHARS))
    sentence = text.endswith(("!", "?", ";", ",")) or (text.endswith(".") and not clock)
    return not sentence and _item_words(block) <= MAX_DATELINE_WORDS


def _data_row(block: Block) -> bool:
    """A row of a table of figures, its cells joined in one block: a schedule's "2 | 9/18/16 |
    WAS | 0-0 | 0" is data, not a dateline (a dateline's row has a cell or two)."""
    return block.tag == "tr" and block.text.count(CELL_SEPARATOR) >= MIN_DATA_CELLS - 1


def _item_words(block: Block) -> int:
    """Words, not counting the separators of a bar ("14 May 2024 · 5 min read · Anja Vogt")."""
    if block.words <= MAX_DATELINE_WORDS or block.words > 2 * MAX_DATELINE_WORDS:
        return block.words
    return sum(1 for token in block.text.split() if any(ch.isalnum() for ch in token))


def _ago_bar(block: Block, rules: Rules) -> bool:
    """A bar of items, one of which says how long ago the page was published."""
    if block.words > MAX_BAR_WORDS or not _META_BAR.search(block.text):
        return False
    return any(_says_ago(item, rules) for item in _META_BAR.split(block.text))


def _mark_duplicates(blocks: tuple[Block, ...], marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
    """A line the page (or the scraper) printed twice keeps its first copy only: captions and
    pull quotes repeat, and some scrapers emit a block twice."""
    seen: set[str] = set()
    result = []
    for block, mark in zip(blocks, marks, strict=True):
        repeat = mark is CONTENT and block.words >= MIN_DUPLICATE_WORDS and block.text in seen
        seen.add(block.text)
        removal = Removal(block.text, "noise.duplicate_line", "an earlier block says the same")
        result.append(Mark("noise", removal=removal) if repeat else mark)
    return tuple(result)


def _mark_step_controls(blocks: tuple[Block, ...], marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
    """The first copy of a widget's line repeated under each step (its later copies are
    repeats already): a photo's control, not the text."""
    removal = "a widget's line repeated under each step"
    return tuple(
        Mark("noise", removal=Removal(block.text, "noise.step_control", removal))
        if mark is CONTENT and _control_between_steps(blocks, marks, i)
        else mark
        for i, (block, mark) in enumerate(zip(blocks, marks, strict=True))
    )


def _submitter(text: str, score: str, rules: Rules) -> tuple[str, ...]:
    """The user name after a score on an aggregator's submission line ("123 points by quietlamp")."""
    rest = text[len(score) :].split() if text.startswith(score) else []
    if len(rest) >= 2 and rest[0].casefold() in rules.byline_words and len(rest[1]) <= MAX_USER_NAME_CHARS:
        return (rest[1],)
    return ()


def _mark_list_labels(blocks: tuple[Block, ...], marks: tuple[Mark, ...], rules: Rules) -> tuple[Mark, ...]:
    """Before a colon, a word that opens related labels heads a list ("More:"), and so does a
    few words' line that opens with a related label ("Related links:"); without the colon,
    the same words are a button, a menu or a promo box's heading."""
    return tuple(_list_label(b.text) if _heads_list(b, m, rules) else m for b, m in zip(blocks, marks, strict=True))


def _heads_list(block: Block, mark: Mark, rules: Rules) -> bool:
    if not block.text.endswith(":") or _is_related_label(mark):
        return False
    words = phrase_key(block.text).split()
    opens = bool(words) and len(words) <= MAX_LIST_LABEL_WORDS and words[0] in rules.phrases["related_label"]
    return opens or label_strength(block.text, rules, site=None) > 0


def _list_label(text: str) -> Mark:
    removal = Removal(text, "noise.related_label", "a related label before a colon")
    return Mark("noise", closes_article=True, removal=removal)


def _mark_inline_teasers(blocks: tuple[Block, ...], marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
    """The headlines under an inline related label, up to the next paragraph: teaser links set
    inside the article ("Czytaj także:" and three titles), not its text."""
    result = list(marks)
    for i in range(len(marks)):
        if not _inline_label(blocks, marks, i):
            continue
        for j in range(i + 1, min(len(blocks), i + 1 + INLINE_BOX_LINES)):
            if marks[j] is not CONTENT or not _is_teaser(blocks[j]):
                break
            result[j] = Mark(
                "noise", removal=Removal(blocks[j].text, "boilerplate.inline_teaser", "under a related label")
            )
    return tuple(result)


def _mark_boxed_teasers(blocks: tuple[Block, ...], marks: tuple[Mark, ...], rules: Rules) -> tuple[Mark, ...]:
    """Teasers set between the article's paragraphs without a related label: a story's title
    with its date ("El cruce entre dos diputados" / "Lunes 02 Mayo, 2022 | 09:37"), and a
    video player's label with its running time and the title under it ("Watch video 02:17" /
    "Share" / a title). An article's subheading carries neither."""
    result = list(marks)
    for i in range(1, len(blocks) - 2):
        if _dated_teaser(blocks, marks, i):
            result[i], result[i + 1] = _teaser_mark(blocks[i].text), _teaser_mark(blocks[i + 1].text)
        elif marks[i] is CONTENT and _media_label(blocks[i], rules):
            result[i] = _teaser_mark(blocks[i].text)
            below = range(i + 1, min(len(blocks), i + 1 + MEDIA_TITLE_REACH))
            title = next((j for j in below if marks[j] is CONTENT), None)
            if title is not None and _is_teaser(blocks[title]):
                result[title] = _teaser_mark(blocks[title].text)
    return tuple(result)


def _mark_glued_cards(blocks: tuple[Block, ...], marks: tuple[Mark, ...], rules: Rules) -> tuple[Mark, ...]:
    """The cards of a teaser list whose title and date the extractor ran together ("… Divided
    We FallNov 2, 2012", "… dancehall night25/06/18"): no sentence of an article ends in a date
    glued to its last word, and a list has several."""
    glued = [i for i, (b, m) in enumerate(zip(blocks, marks, strict=True)) if m is CONTENT and _date_run_in(b, rules)]
    if len(glued) < MIN_GLUED_CARDS:
        return marks
    result = list(marks)
    for i in glued:
        result[i] = Mark("noise", removal=Removal(blocks[i].text, "boilerplate.teaser_card", _GLUED_DETAIL))
    return tuple(result)


def _date_run_in(block: Block, rules: Rules) -> bool:
    """Whether the line ends in a date or a clock time run into the word before it."""
    end = block.text[-1:]
    if not (end.isdigit() or end in "MTmt"):  # the cheap test first: a date's or a clock's last character
        return False
    return rules.glued_date.search(block.text[-GLUED_DATE_REACH:]) is not None


def _mark_credited_works(blocks: tuple[Block, ...], marks: tuple[Mark, ...], rules: Rules) -> tuple[Mark, ...]:
    """A list of works credited to their makers, one a line: its author lines are content.
    The run is of lines of one tag that each credit a title (some names fail the strict reading
    and stay content, "… by What's for Tea?"), labels of its parts between them; a byline
    repeated names the same author each time."""
    if sum(mark.kind == "author" for mark in marks) < MIN_CREDITED_WORKS:
        return marks  # most pages: no list to look for
    result = list(marks)
    start = 0
    while start < len(blocks):
        end = start
        while (
            end < len(blocks)
            and blocks[end].tag == blocks[start].tag
            and _in_credit_list(blocks[end], marks[end], rules)
        ):
            end += 1
        authored = [i for i in range(start, end) if marks[i].kind == "author"]
        if len(authored) >= MIN_CREDITED_WORKS and len({marks[i].authors for i in authored}) == len(authored):
            result[start:end] = [CONTENT] * (end - start)
        start = max(end, start + 1)
    return tuple(result)


def _in_credit_list(block: Block, mark: Mark, rules: Rules) -> bool:
    """A credited work, or a label between the list's parts ("Dessert", "Zum Frühstück")."""
    return (mark is CONTENT and block.words <= MAX_LIST_LABEL_WORDS) or _credits_work(block, mark, rules)


def _credits_work(block: Block, mark: Mark, rules: Rules) -> bool:
    """A title and its maker ("Apple Dutch Baby by Salt and Cedar"): a byline prefix after the title's
    words, in a line no longer than a bar, dated by nothing (a dated bar's "12. März 2024 von
    Anna Weber" is a byline)."""
    if mark is CONTENT:  # the cheap tests first: this runs on every block
        if block.words > MAX_BAR_WORDS or rules.byline_words.isdisjoint(block.text.casefold().split()):
            return False
    elif not (mark.kind == "author" and mark.inline and mark.date is None):
        return False
    return any(m.start() > 0 for m in rules.inline_byline.finditer(block.text))


def _dated_teaser(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """A title and its date line between two paragraphs (not under a question or a breadcrumb
    that looks like one: a thread's title and its poster's date follow those). A numbered
    title ("4) Senators consider …") heads an item of the article's own list, a digest's."""
    # A bare date: a headline's meta bar under it carries a byline or a section beside it.
    if marks[index + 1].kind != "date" or blocks[index + 1].words > MAX_FURNITURE_WORDS:
        return False  # the cheap test first: this runs on every block
    around = (index - 1, index + 2)
    prose = all(marks[i] is CONTENT and _is_paragraph(blocks[i]) and not is_title_like(blocks[i].text) for i in around)
    title = marks[index] is CONTENT and _is_teaser(blocks[index]) and not _LIST_MARKER.match(blocks[index].text)
    return prose and title


def _media_label(block: Block, rules: Rules) -> bool:
    """A player's few words, a media word first, and its running time: "Watch video 02:17"."""
    if block.words > MAX_ITEM_KICKER_WORDS + 1 or _RUNNING_TIME.search(block.text) is None:
        return False
    key = phrase_key(block.text).split()
    return bool(key) and key[0] in rules.words["teaser_prefix"]


def _teaser_mark(text: str) -> Mark:
    return Mark("noise", removal=Removal(text, "boilerplate.inline_teaser", "a teaser set inside the text"))


def _mark_split_bylines(blocks: tuple[Block, ...], marks: tuple[Mark, ...], rules: Rules) -> tuple[Mark, ...]:
    """A byline prefix alone on its line and the names on the next ("By" / "Mark O'Brien and
    Priya Natarajan"), as flatteners split a byline's elements."""
    result = list(marks)
    for i in range(len(blocks) - 1):
        if marks[i] is not CONTENT or marks[i + 1] is not CONTENT:
            continue
        if phrase_key(blocks[i].text) in rules.author_prefixes:
            names = split_names(blocks[i + 1].text, rules, strict=True)
            if names:
                label = Removal(blocks[i].text, "noise.byline_label", "a byline's prefix on its own line")
                result[i] = Mark("noise", removal=label)
                more, joined = _joined_names(blocks, marks, i + 2, rules)
                for j in joined:
                    result[j] = Mark(
                        "noise",
                        removal=Removal(blocks[j].text, "noise.byline_label", "a split byline's joiner or later name"),
                    )
                result[i + 1] = Mark("author", authors=tuple(dict.fromkeys(names + more)))
    return tuple(result)


def _joined_names(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], at: int, rules: Rules
) -> tuple[tuple[str, ...], list[int]]:
    """The names a split byline goes on with, each joiner on a line of its own ("By" / "Lars
    Brandt" / "and" / "Omar Haddad"), and the lines they take."""
    names: tuple[str, ...] = ()
    taken: list[int] = []
    while at + 1 < len(blocks) and marks[at] is CONTENT and marks[at + 1] is CONTENT:
        if not rules.name_separator.fullmatch(f" {blocks[at].text.strip()} "):
            break
        more = split_names(blocks[at + 1].text, rules, strict=True)
        if not more:
            break
        names, taken, at = names + more, [*taken, at, at + 1], at + 2
    return names, taken


def _dateline_mark(text: str, when: datetime | date, rules: Rules) -> Mark:
    """A dateline, or a comment's header ("Marjorie on September 13, 2018 at 5:23 pm"),
    which means the comments have begun. A name in the dateline's bar is a byline without
    its prefix ("Hannah Okafor 14 May 2024"), believed near the headline only."""
    if _COMMENT_HEADER.search(text):
        return Mark("noise", closes_article=True, removal=Removal(text, "noise.comment_header", "a comment's date"))
    names = names_in_bar(text, rules)
    if names:
        return Mark("author", authors=names, inline=True, date=when)
    return Mark("date", date=when)


def _mark_names_by_dates(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], rules: Rules, title: str
) -> tuple[Mark, ...]:
    """Lines that are nothing but names, where the flattener split a byline's elements:
    over a bio that opens with the name, an author box ("Renata Queiroz" / "Renata Queiroz
    é repórter ..."), which closes the article; next to a dateline, the byline ("Dana
    Whitfield" / "Mar 12, 2024"), believed near the headline only."""
    result = list(marks)
    for i, block in enumerate(blocks):
        text = _unbulleted(block.text)
        if marks[i] is not CONTENT or block.words > MAX_NAME_LINE_WORDS or not text[:1].isupper():
            continue
        if text != block.text:  # a list's item ("* Ned Arvin"): its dateline is an item of that list
            dated = [j for j in (i - 1, i + 1) if _bulleted_dateline(blocks, marks, j)]
            bio = furnished = ago = False
        else:  # cheap tests of the neighbours first: most short lines are menus, next to menus
            bio = _opens_bio(blocks, marks, i + 1, text.split()[0])
            dated = [j for j in (i - 1, i + 1) if 0 <= j < len(blocks) and _may_be_dateline(blocks[j], marks[j])]
            furnished = i + 1 < len(blocks) and _author_furniture(blocks[i + 1], rules)
            ago = i + 1 < len(blocks) and _says_ago(blocks[i + 1].text, rules)  # a stamp above is a teaser's
        if not (bio or dated or furnished or ago) or _DIGIT.search(text) or same_title(text, title):
            continue  # the headline in Title Case over "By X · April 2, 2024" is no name
        # A header styled in capitals sets its dateline in capitals too ("MARCH 4, 2021").
        capitals = text.isupper() and any(blocks[j].text.isupper() for j in dated)
        names = names_only(text, rules, capitals=capitals)
        if names and bio and blocks[i + 1].text.startswith(names[0]):  # not "Dica de Leitura" / "Dica para …"
            result[i] = Mark("author", closes_article=True, authors=names)
        elif names and (ago or _dated_by(blocks, dated, rules) or (furnished and all(" " in n for n in names))):
            result[i] = Mark("author", authors=names, inline=True)  # a name over a job title: full names only
    return tuple(result)


def _mark_comment_headers(blocks: tuple[Block, ...], marks: tuple[Mark, ...], rules: Rules) -> tuple[Mark, ...]:
    """A commenter's name and verb over the comment's date, as themes print them on two
    lines ("Lucía dice:" / "5 de marzo de 2024 a las 16:47"): the comments have begun."""
    result = list(marks)
    for i in range(len(blocks) - 1):
        text, after = blocks[i].text, blocks[i + 1]
        header = marks[i] is CONTENT and blocks[i].words <= MAX_NAME_LINE_WORDS + 1 and _COMMENT_HEADER.search(text)
        if header and _may_be_dateline(after, marks[i + 1]) and text_date(after.text, rules):
            result[i] = Mark("noise", closes_article=True, removal=Removal(text, "noise.comment_header", "a commenter"))
    return tuple(result)


def _bulleted_dateline(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """A dateline printed as a list's item ("* Published 18 November 2019")."""
    if not 0 <= index < len(blocks):
        return False
    text = blocks[index].text
    return _unbulleted(text) != text and _may_be_dateline(blocks[index], marks[index])


def _says_ago(text: str, rules: Rules) -> bool:
    """A line that says how long ago the page was published, as news sites print the day's
    stories in place of a date ("Hace 13 horas", "Publicado hace 3 horas", "5 minutes ago")."""
    return len(text) <= MAX_AGO_CHARS and rules.time_ago.fullmatch(text.strip()) is not None


def _dated_by(blocks: tuple[Block, ...], dated: list[int], rules: Rules) -> bool:
    return any(text_date(blocks[j].text, rules) for j in dated)


def _author_furniture(block: Block, rules: Rules) -> bool:
    """What a page prints right under a byline's name: a job title, a handle, a follow or
    profile button ("Political Editor", "@andywoodcock", "Search for this author in:",
    "Mitglied der Redaktion"), short and with a word no name has."""
    text = block.text
    if block.words > MAX_FURNITURE_WORDS or _DIGIT.search(text) or text.endswith((".", "!", "?")) or "©" in text:
        return False  # "© REUTERS / POOL" under a headline credits its photo
    words = {t.casefold().strip(".,:()") for t in text.replace("-", " ").split()}
    return text.startswith("@") or not words.isdisjoint(rules.words["author_role"])


def _mark_captions(blocks: tuple[Block, ...], marks: tuple[Mark, ...], rules: Rules) -> tuple[Mark, ...]:
    """The line under a caption's label alone ("Image caption," "Bildunterschrift:"), as public
    broadcasters' pages flatten: a caption, which would otherwise stand between headline and
    byline like a headline."""
    result = list(marks)
    for i in range(1, len(blocks)):
        label = marks[i - 1].removal is not None and phrase_key(blocks[i - 1].text) in rules.caption_labels
        if label and marks[i] is CONTENT and blocks[i].words <= MAX_CAPTION_WORDS:
            result[i] = Mark("noise", removal=Removal(blocks[i].text, "noise.caption", "under a caption's label"))
    return tuple(result)


def _mark_polls(blocks: tuple[Block, ...], marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
    """A poll set inside the article: its question goes with its options, and its vote count
    ("2,5 mil votos") is the page's count without ending the article, whose text goes on."""
    result = list(marks)
    for i, mark in enumerate(marks):
        if mark.rule != "noise.poll":
            continue
        if i and marks[i - 1] is CONTENT and blocks[i - 1].text.endswith("?"):
            result[i - 1] = Mark("noise", removal=Removal(blocks[i - 1].text, "noise.poll", "a poll's question"))
        for j in range(i + 1, min(len(marks), i + 1 + POLL_COUNT_REACH)):
            if marks[j].kind == "votes":
                result[j] = dataclasses.replace(marks[j], closes_article=False)
    return tuple(result)


def _mark_bar_counts(blocks: tuple[Block, ...], marks: tuple[Mark, ...], rules: Rules) -> tuple[Mark, ...]:
    """A bare count between a comment count and a share bar is the post's likes, its icon
    lost in the dump: an engagement bar reads "2 comments | ♥ 14 | Facebook Twitter". Two
    counts side by side beside a share bar are a like widget's likes and dislikes ("55 3")."""
    result = list(marks)
    for i in range(1, len(blocks) - 1):
        if marks[i] is not CONTENT:
            continue
        single = bar_count(blocks[i].text, rules)  # the cheap test first: this sees every block
        votes = single or bar_pair(blocks[i].text, rules)
        if votes is None:
            continue
        sides = {_bar_item(blocks[i - 1], marks[i - 1], rules), _bar_item(blocks[i + 1], marks[i + 1], rules)}
        if sides == {"comments", "share"} if single else "share" in sides:
            result[i] = Mark("votes", votes=votes)
    return tuple(result)


def _bar_item(block: Block, mark: Mark, rules: Rules) -> str | None:
    if mark.rule == "noise.comment_count":
        return "comments"
    return "share" if mark.rule == "noise.share" or share_row(block.text, rules) else None


def _opens_bio(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int, first_word: str) -> bool:
    if index >= len(blocks) or marks[index] is not CONTENT or blocks[index].words < MIN_BIO_WORDS:
        return False
    return blocks[index].text.startswith(first_word + " ")


def _may_be_dateline(block: Block, mark: Mark) -> bool:
    """Short, with a digit, and no byline of its own."""
    return mark.kind != "author" and block.words <= MAX_BAR_WORDS and _DIGIT.search(block.text) is not None


def is_title_like(text: str) -> bool:
    """A line that could be a headline: short, not ending like a sentence of prose."""
    words = word_count(text)
    return 2 <= words <= MAX_TITLE_WORDS and not text.endswith((".", ",", ";", ":", "。"))


def is_prose(text: str) -> bool:
    return word_count(text) >= MIN_PROSE_WORDS or (text.endswith(SENTENCE_END) and not is_title_like(text))


def lay_out(
    blocks: tuple[Block, ...],
    rules: Rules,
    *,
    headline_text: str | None = None,
    hints: Hints = _NO_HINTS,
    url: str | None = None,
    published: datetime | date | None = None,
) -> Layout:
    """Split a page into headline, body and tail, and read the fields off the tail.

    ``headline_text`` is the headline when the page declared one (HTML): the block repeating
    it is found and taken out, instead of guessing the headline from the lines' shapes.
    ``url``, the page's address, is one more witness of a dump's headline (slugs repeat it).
    ``published`` is the moment the page's markup states (HTML): a dated line more than a day
    away from it is no dateline of the article ("Das Interview wurde am 7. Oktober 2022
    geführt …:", an exhibition's dates) and stays in the body.
    """
    marks = _mark_boxed_teasers(blocks, tuple(mark_block(b, rules, hints.boxed) for b in blocks), rules)
    marks = _mark_glued_cards(blocks, marks, rules)
    marks = _mark_credited_works(blocks, marks, rules)
    # A dump's first line is often the page's <title>: what it says, the site name taken off.
    title = strip_site_name(blocks[0].text, None) if blocks and headline_text is None else ""
    if headline_text is None:
        marks, region = _text_marks_and_region(blocks, marks, rules, title)
        headline = _past_breadcrumb(
            blocks, headline_model.best(blocks, _candidates(blocks, marks, region.start, title, url))
        )
        region = _past_header(blocks, marks, _under_headline(blocks, marks, region, headline), headline)
        region = Region(_extended_start(blocks, marks, region.start, headline), region.end)
        marks = _above(blocks, marks, region.start, headline, rules)
        limit, marks = _stretch_end(blocks, marks, region)
        marks = _off_column(blocks, marks, region.start, limit, headline)
        text_start = region.start
    else:
        headline = _repeated_headline(blocks, headline_text)
        marks = _mark_echoes(blocks, marks, headline_text, headline)
        limit, text_start = len(blocks), 0
    start = 0 if headline is None else headline + 1
    # A dump's lead may stand over its byline and share bar: the end is looked for in the text.
    end = min(_end_index(blocks, marks, max(start, text_start)), limit)
    claimed = _claims(blocks, marks, start, end, rules, url)
    marks, claimed = _other_day_in_body(blocks, marks, claimed, published, rules)
    body = _body_indices(blocks, marks, headline, end)
    if headline_text is None and claimed.byline is not None:
        body, marks = _without_bio(blocks, marks, body, claimed.byline.authors, rules)
    reconsidered: tuple[Removal, ...] = ()
    if not body:
        body, reconsidered = _reconsidered(blocks, marks, headline, claimed.indices)
    if not body:
        body, reconsidered = _without_prose(blocks, marks, headline)
    if claimed.byline is None and headline_text is not None:
        claimed = _signed_off(blocks, marks, body, claimed, rules)
    headline_line, tail = _headline_and_tail(blocks, headline, title)
    removed = _removals(blocks, marks, headline, end, claimed, frozenset(body))
    return Layout(
        headline=headline_line,
        paragraphs=tuple(blocks[i].text for i in body),
        published=claimed.published,
        votes=claimed.votes,
        byline=claimed.byline,
        related=claimed.related,
        removed=tail + reconsidered + removed,
        later_bylines=claimed.later_bylines,
    )


# A widget's line under each step: its first copy, then its repeats.
_STEP_CONTROL_RULES = frozenset({"noise.step_control", "noise.duplicate_line"})

# The marks that judge a block by where it stands (inside a box named as boilerplate), not
# by what it says; the article's end and edges are judged where the body is cut.
_PLACE_RULES = frozenset({"boilerplate.box", "boilerplate.teaser_card"})


def _reconsidered(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], headline: int | None, claimed: frozenset[int]
) -> tuple[list[int], tuple[Removal, ...]]:
    """The body when the layout's rules would leave none of what the extractor found: the
    rules that judge a block by its place (the article's end, its edges, a box's class) are
    set aside, as a wrong end or a story inside a box named like a teaser empties a page whole;
    the rules that judge a block by its text (share bars, cookie notices) still hold. Only
    where that leaves prose: a page of menu fragments has no article to give back."""
    kept = [
        i
        for i, mark in enumerate(marks)
        if i != headline and i not in claimed and (mark is CONTENT or mark.rule in _PLACE_RULES)
    ]
    kept = _without_edges(blocks, kept)  # a kicker, a label; a button
    if not any(is_prose(blocks[i].text) for i in kept):
        return [], ()
    return kept, _reconsideration(blocks, kept, "the place rules would have left no body; {} blocks ({} words) kept")


def _without_prose(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], headline: int | None
) -> tuple[list[int], tuple[Removal, ...]]:
    """The body of an article without prose (a photo post, a video page): the short lines the
    extractor found from the headline on — the headline, its byline and date lines, a credit —
    kept whole rather than an empty body, up to the first line a text rule names (a share bar,
    a pager, a comment form). Where no line holds prose, the article's end, found from prose,
    says nothing."""
    first = headline if headline is not None else next((i for i, m in enumerate(marks) if m.rule == _ECHO), 0)
    kept = []
    for i in range(first, len(blocks)):
        rule = marks[i].rule
        if rule is None or rule == _ECHO:
            kept.append(i)
        elif rule not in _OWN_LINES:
            break  # the page's furniture begins: a share bar, a pager, a comment form
    if not kept:
        return [], ()
    detail = "no prose under the headline; the extractor's {} short lines ({} words) kept whole"
    return kept, _reconsideration(blocks, kept, detail)


def _reconsideration(blocks: tuple[Block, ...], kept: list[int], detail: str) -> tuple[Removal, ...]:
    """The record of a reconsidered body; ``detail`` gets the count of its blocks and words."""
    words = sum(blocks[i].words for i in kept)
    return (Removal("", "layout.reconsidered", detail.format(len(kept), words)),)


# A further line that repeats the headline; the lines a text rule takes out that still belong
# to the photo or video they stand under.
_ECHO = "boilerplate.headline_repeat"
_OWN_LINES = frozenset({"noise.image_credit", _ECHO})


def _text_marks_and_region(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], rules: Rules, title: str
) -> tuple[tuple[Mark, ...], Region]:
    """A dump's marks from the lines around each line, and the article's stretch."""
    marks = _mark_step_controls(blocks, _mark_duplicates(blocks, _mark_thread_counts(blocks, marks)))
    marks = _mark_split_bylines(blocks, marks, rules)
    marks = _mark_polls(blocks, _mark_names_by_dates(blocks, _mark_comment_headers(blocks, marks, rules), rules, title))
    marks = _mark_bar_counts(blocks, marks, rules)
    marks = _mark_captions(blocks, _mark_inline_teasers(blocks, _mark_list_labels(blocks, marks, rules)), rules)
    anchor = _title_repeat(blocks, title)
    walls = _walls(blocks, marks)
    thread = next((i for i, wall in enumerate(walls) if wall and _opens_thread(blocks, marks, i)), None)
    return marks, main_region(blocks, [m is CONTENT for m in marks], walls, anchor=anchor, thread=thread)


def _opens_thread(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """A comment mark that heads the thread under the article's text (see ``_heads_thread``),
    not one in the header's share bar with the article going on below it; a commenter's date
    right under it shows the thread too, where the first comment runs on in paragraphs and a
    sentence stands shortly before it (the article's last lines, a reference list's among them;
    a rating widget's options between them and the thread's heading)."""
    if "comment" not in (marks[index].rule or ""):
        return False
    dated = any(marks[i].kind == "date" for i in range(index + 1, min(len(marks), index + 1 + COMMENTER_LINES)))
    return _heads_thread(blocks, marks, index) or (dated and _sentence_before(blocks, marks, index))


def _mark_thread_counts(blocks: tuple[Block, ...], marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
    """A comment count under the article's text ("[ 167 comments ]", "36 Comments") heads its
    thread and closes the article; in the header's bar, between headline and text, it does not
    ("0 Comments" beside the date): only a paragraph shortly before it makes it the thread's."""
    return tuple(
        dataclasses.replace(m, closes_article=True)
        if m.rule == "noise.comment_count" and _heads_thread(blocks, marks, i)
        else m
        for i, m in enumerate(marks)
    )


def _heads_thread(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """A paragraph among the few lines before the count, and no two in a row shortly after it:
    comments alternate a commenter's name and date with their text, an article goes on in
    paragraphs (a news ticker's long line over the header's "0 Comments" is no text of its own)."""
    return _text_before(blocks, marks, index) and not _prose_follows(blocks, marks, index)


def _text_before(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """A paragraph among the few lines before ``index``."""
    return any(marks[i] is CONTENT and _is_paragraph(blocks[i]) for i in _lines_before(index))


def _sentence_before(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """A sentence among the few lines before ``index``: an article may close on lines shorter
    than a paragraph (a reference list's entries, "Smith, Anna: Money and Time. Leipzig 2011.")."""
    return any(marks[i] is CONTENT and is_prose(blocks[i].text) for i in _lines_before(index))


def _lines_before(index: int) -> range:
    return range(max(0, index - 3 - INLINE_BOX_LINES), index)


def _walls(blocks: tuple[Block, ...], marks: tuple[Mark, ...]) -> list[bool]:
    return [m.closes_article and not _box_inside(blocks, marks, i) for i, m in enumerate(marks)]


def _under_headline(blocks: tuple[Block, ...], marks: tuple[Mark, ...], region: Region, headline: int | None) -> Region:
    """The article under its headline where the stretch found lies past the comments' start
    (a comment count, a form, a commenter's header): a short post above a long thread. A dump without the page's
    <title> on its first line has no other anchor."""
    if headline is None or headline >= region.start:
        return region
    walls = _walls(blocks, marks)
    if not any(walls[i] and "comment" in (marks[i].rule or "") for i in range(headline + 1, region.start)):
        return region
    under = main_region(blocks, [m is CONTENT for m in marks], walls, anchor=headline)
    return under if under.start < region.start else region


def _past_header(blocks: tuple[Block, ...], marks: tuple[Mark, ...], region: Region, headline: int | None) -> Region:
    """The stretch found may be the lead alone, right under the headline, that the header's
    byline or dateline and its share bar set apart from the text ("Von Tim Ehlers" /
    "Veröffentlicht am …" / "Artikel teilen" / "Link kopieren"): the article goes on in the
    paragraphs right below them."""
    if headline is None or region.start != headline + 1 or region.end != region.start + 1:
        return region
    meta = [i for i in range(region.end, min(len(blocks), region.end + 2)) if marks[i].kind in ("author", "date")]
    if not meta:
        return region
    text = meta[-1] + 1
    while text < min(len(blocks), meta[-1] + 1 + MAX_HEADER_BAR_LINES) and _bar_line(blocks[text], marks[text]):
        text += 1
    end = text
    while end < len(blocks) and marks[end] is CONTENT and _is_paragraph(blocks[end]):
        end += 1
    return Region(text, end) if end > text else region


def _bar_line(block: Block, mark: Mark) -> bool:
    """A line of the header's share bar: a button's few words, or a line marked as noise."""
    return mark.kind == "noise" or (mark is CONTENT and _is_fragment(block))


def _candidates(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int, title: str, url: str | None
) -> Candidates:
    return headline_model.candidates(blocks, [_candidate_kind(m) for m in marks], start, title, url=url)


def _candidate_kind(mark: Mark) -> str:
    """A line's kind to the headline model: a repeated line is still content there, since pages
    print their headline twice (a breadcrumb's last item, then the title)."""
    return "content" if _repeated(mark) else mark.kind


def headline_candidates(blocks: tuple[Block, ...], rules: Rules, *, url: str | None = None) -> Candidates:
    """A dump's headline candidates, as ``lay_out`` weighs them (for training the weights)."""
    marks = tuple(mark_block(b, rules) for b in blocks)
    title = strip_site_name(blocks[0].text, None) if blocks else ""
    marks, region = _text_marks_and_region(blocks, marks, rules, title)
    return _candidates(blocks, marks, region.start, title, url)


def _past_breadcrumb(blocks: tuple[Block, ...], headline: int | None) -> int | None:
    """The title's own line where the line chosen is a breadcrumb ending in it ("Home News
    <title>", then the title a few lines below): the path is no part of the headline."""
    if headline is None:
        return None
    text = blocks[headline].text
    for j in range(headline + 1, min(len(blocks), headline + BREADCRUMB_REACH)):
        title = blocks[j].text
        path = text[: -len(title)] if text.endswith(" " + title) else ""
        # A list's number before the title ("3. <title>") is no path: the line is the title's.
        if word_count(title) >= MIN_TEASER_WORDS and any(ch.isalpha() for ch in path):
            return j
    return headline


def _headline_and_tail(
    blocks: tuple[Block, ...], headline: int | None, title: str
) -> tuple[str | None, tuple[Removal, ...]]:
    """The headline block's text, without a flair or a source glued after the title the dump
    opened with ("… This spring: zero. Conservation (self.birding)")."""
    if headline is None:
        return None, ()
    text = headline_model.headline_text(blocks, headline)
    if not headline or not title or text == title or not text.startswith(title) or not _repeats(text, title):
        return text, ()
    tail = text[len(title) :].strip()
    return title, (Removal(tail, "boilerplate.headline_tail", "follows the page's title in the headline's line"),)


def _body_indices(blocks: tuple[Block, ...], marks: tuple[Mark, ...], headline: int | None, end: int) -> list[int]:
    """Content between the headline and the end, plus any prose a page put above its title,
    without the short fragments at either edge. A standfirst under the headline stays, as the
    body's first paragraph: it is the article's lead (``Article.description`` gives the page's
    summary apart)."""
    body = [i for i in range(end) if marks[i] is CONTENT and i != headline and _in_body(blocks[i], i, headline)]
    return _without_edges(blocks, body)


def _without_edges(blocks: tuple[Block, ...], body: list[int]) -> list[int]:
    """The body without the fragments at its start and its end."""
    first = 0  # an index, not pop(0): a page of nothing but fragments would be quadratic
    while first < len(body) and _is_fragment(blocks[body[first]]) and not _quantities_at(blocks, body, first):
        first += 1
    first = _with_section_headings(blocks, body, first)
    del body[:first]
    if not _closing_list(blocks, body) and not _closing_sequence(blocks, body) and not _closing_nutrition(blocks, body):
        while body and _loose_end(blocks[body[-1]]):
            body.pop()
    return body


def _quantities_at(blocks: tuple[Block, ...], body: list[int], first: int) -> bool:
    """The body opens with a list of quantities of things ("350 g Zucker", "500 ml Milch"): an
    ingredient list, whose items are the article's, not the kickers and labels a text starts
    under; bare numbers ("5835", "4.3182") are a counter's or a rating's."""
    ahead = body[first : first + OPENING_LINES]
    return sum(_ingredient(blocks[i]) for i in ahead) >= MIN_OPENING_QUANTITIES


def _ingredient(block: Block) -> bool:
    """A short line with a quantity of something ("1 Ei", "2 EL Backkakao")."""
    return block.words <= MAX_QUANTITY_WORDS and _quantity(block) and bool(_WORD.search(block.text))


def _with_section_headings(blocks: tuple[Block, ...], body: list[int], first: int) -> int:
    """Where the body starts once the headings right over its first text are given back, if
    the text goes on in headed sections: they head its first section ("Ingredients", "Step
    1"), not a story as a kicker does."""
    start = first
    while start and blocks[body[start - 1]].tag == "h":
        start -= 1
    later = (blocks[i].tag == "h" for i in body[first + 1 :])
    return start if start < first and any(later) else first


def _closing_list(blocks: tuple[Block, ...], body: list[int]) -> bool:
    """The body ends in a list with an item of text ("Valid e-mail address for the papers"):
    its short items are the article's too ("Basic income"). A link bar's items are all
    fragments ("1042 reads", "Add new comment")."""
    for i in reversed(body):
        if blocks[i].tag not in _ITEM_TAGS:
            return False
        if not _is_fragment(blocks[i]):
            return True
    return False


def _closing_sequence(blocks: tuple[Block, ...], body: list[int]) -> bool:
    """The body ends in an item of a numbered list or a chronology ("99. Kevin Dubrow" / "100.
    Ray Gillen"): short as it is, it is the article's."""
    if not body or _item_key(blocks[body[-1]]) is None:
        return False
    keys = [key for i in body[-SEQUENCE_REACH:] if (key := _item_key(blocks[i]))]
    return len(keys) >= 2 and _follows(keys[-1], keys[-2])


def _closing_nutrition(blocks: tuple[Block, ...], body: list[int]) -> bool:
    """The body ends in a recipe's nutrition facts ("390 kcal" / "8 g Eiweiß"): short as its
    rows are, they are the recipe's."""
    rows = list(itertools.takewhile(lambda i: _amounts(blocks[i]), reversed(body)))
    return any(_ENERGY.search(blocks[i].text) for i in rows)


def _without_bio(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], body: list[int], authors: tuple[str, ...], rules: Rules
) -> tuple[list[int], tuple[Mark, ...]]:
    """The body without the author's bio that closes it ("Maren T. Oakes is an assistant
    professor …", "Ilka ist seit 2021 Redakteurin im Lokalteil."), with the author's name on a
    line of its own over it: a dump prints the author box right under the text. The bio is
    looked for among the body's last few blocks only, after some of the article's text."""
    for k in range(max(MIN_TEXT_BEFORE_BIO, len(body) - BIO_REACH), len(body)):
        if _bio_of(blocks[body[k]].text, authors, rules):
            cut = k - 1 if k > MIN_TEXT_BEFORE_BIO and blocks[body[k - 1]].text in authors else k
            bio = set(body[cut:])
            result = tuple(
                Mark("noise", removal=Removal(b.text, "boilerplate.author_bio", "an author's bio under the text"))
                if i in bio
                else m
                for i, (b, m) in enumerate(zip(blocks, marks, strict=True))
            )
            return body[:cut], result
    return body, marks


def closing_bio(
    paragraphs: tuple[str, ...], authors: tuple[str, ...], rules: Rules
) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
    """(HTML) The body without the author box the extraction took in under the text: a heading
    that names the byline's author ("About Annie Downs", "À propos de Claire Dubois") among the
    last few paragraphs, cut with the bio after it. A bio alone is no evidence: dragnet's gold
    keeps the "<Name> covers storage …" line under some stories and drops it under others."""
    headings = {phrase_key(f"{word} {name}") for word in rules.words["author_heading"] for name in authors}
    # The heading stands over a bio among the last few paragraphs: one line further up.
    for k in range(max(MIN_TEXT_BEFORE_BIO, len(paragraphs) - BIO_REACH - 1), len(paragraphs)):
        if phrase_key(paragraphs[k]) in headings:
            detail = "under a heading that names the byline's author"
            return paragraphs[:k], tuple(Removal(t, "boilerplate.author_bio", detail) for t in paragraphs[k:])
    return paragraphs, ()


def _bio_of(text: str, authors: tuple[str, ...], rules: Rules) -> bool:
    """A paragraph opening with an author's name, in full (a middle initial may be added) or
    the first name alone, and a verb that opens a bio ("is", "ist", "est")."""
    words = _ASIDE.sub("", text).split()
    if len(words) < MIN_BIO_WORDS:
        return False
    for name in authors:
        parts = name.split()
        if not parts or words[0] != parts[0]:
            continue
        after = next((i + 1 for i in range(1, 4) if len(parts) > 1 and words[i] == parts[-1]), 1)
        if words[after].casefold() in rules.words["bio_verb"]:
            return True
    return False


def _loose_end(block: Block) -> bool:
    """A fragment left at the body's end ("Related Topics", "Subscribe to:"), not a short last
    sentence nor the last item of a list or table the article ends with."""
    # A stop proper: a closing quote or bracket also ends labels.
    sentence = block.words >= 2 and block.text.endswith(SENTENCE_STOP)
    return _is_fragment(block) and not sentence and block.tag not in _LIST_TAGS


def _is_fragment(block: Block) -> bool:
    """A few words that are not a sentence: a label, a kicker, a dangling heading, "All..."."""
    return block.words <= MAX_FRAGMENT_WORDS and not is_prose(block.text)


def _in_body(block: Block, index: int, headline: int | None) -> bool:
    return headline is None or index > headline or is_prose(block.text)


def _title_repeat(blocks: tuple[Block, ...], title: str) -> int | None:
    """Where a dump that opens with the page's <title> prints that title again, as the
    article's headline: the article's text follows it."""
    if len(blocks) < 2 or blocks[0].words < MIN_TITLE_ANCHOR_WORDS:
        return None
    size = word_count(title)
    return next((i for i in range(1, len(blocks)) if _echoes_headline(blocks[i], title, size)), None)


def _above(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], first: int, headline: int | None, rules: Rules
) -> tuple[Mark, ...]:
    """Content above the article's stretch, but its headline and its lead (menus, breadcrumbs,
    banners, the share bar and the caption between headline and text)."""
    kept = {headline, _lead(blocks, marks, first, headline, rules)}
    if headline is not None:
        kept |= _quantity_list(blocks, marks, headline + 1, first)
    return tuple(
        _above_mark(b.text) if i < first and i not in kept and m is CONTENT else m
        for i, (b, m) in enumerate(zip(blocks, marks, strict=True))
    )


def _lead(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], first: int, headline: int | None, rules: Rules
) -> int | None:
    """The first paragraph under the headline, when the byline, dateline or share bar set it
    apart from the stretch of text below: the standfirst, which is the article's first paragraph.
    Only the first: the later ones between them are captions and promotions."""
    if headline is None:
        return None
    below = [i for i in range(headline + 1, first) if marks[i] is CONTENT]
    if below and blocks[below[0]].words >= MIN_PROSE_WORDS:
        return below[0]  # right under the headline, a standfirst need not end in a full stop
    # A short line that is all that stands between the headline (and its byline or dateline)
    # and the text is the subtitle: a caption comes with a credit around it, a video's title
    # under the share bar, a kicker over the title; the headline said again in other words
    # (the post's own title under the page's) is none.
    subtitle = blocks[first - 1]
    if (
        below == [first - 1]
        and _subtitle(subtitle, rules)
        and _header_meta_only(marks, headline, first - 1)
        and not same_title(subtitle.text, blocks[headline].text)
    ):
        return first - 1
    return next((i for i in below if _is_paragraph(blocks[i])), None)


def _header_meta_only(marks: tuple[Mark, ...], headline: int, index: int) -> bool:
    """Nothing but the header's byline and dateline between the headline and ``index``."""
    return all(marks[i].kind in ("author", "date") for i in range(headline + 1, index))


def _quantity_list(blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int, end: int) -> set[int]:
    """The lines of the ingredient lists between ``start`` and ``end``: runs of short lines with
    enough quantities, no more than a few labels in a row, up to the last quantity."""
    found: set[int] = set()
    first, quantities, labels = start, [], 0
    for i in range(start, end + 1):
        short = i < end and marks[i] is CONTENT and blocks[i].words <= MAX_QUANTITY_WORDS
        if short and _quantity(blocks[i]):
            quantities.append(i)
            labels = 0
        elif short and labels < MAX_LIST_LABELS:
            labels += 1
        else:
            if len(quantities) >= MIN_QUANTITY_ITEMS:
                found.update(range(first, quantities[-1] + 1))
            first, quantities, labels = (i, [], 1) if short else (i + 1, [], 0)
    return found


def _quantity(block: Block) -> bool:
    """A line that opens with a quantity, after the list marker a flattener may print."""
    return bool(_QUANTITY.match(block.text))


def _subtitle(block: Block, rules: Rules) -> bool:
    """A line of a few words, no photo's caption or credit ("…, Bild via"): the subtitle."""
    words = {w.strip(".,:;()").casefold() for w in block.text.split()}
    return block.words >= MIN_TEASER_WORDS and words.isdisjoint(rules.caption_labels)


def _off_column(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int, end: int, headline: int | None
) -> tuple[Mark, ...]:
    """Inside the article's stretch, a line that is not a sentence and stands at another
    indentation than the stretch's prose belongs to another column (flatteners such as
    inscriptis keep a page's columns apart by indentation), and so does a paragraph set far
    off between two of the article's. The text's own lines keep their place: a numbered
    subheading whose number hangs in the margin, a listing indented under the prose, a table's
    rows set inside the text."""
    counts = Counter(blocks[i].indent for i in range(start, end) if blocks[i].words >= MIN_PROSE_WORDS)
    if not counts:
        return marks
    column = counts.most_common(1)[0][0]
    numbered = {i: key for i in range(start, end) if (key := _item_key(blocks[i])) and key[0] == "number"}

    def off(i: int) -> bool:
        block = blocks[i]
        if abs(block.indent - column) <= COLUMN_SLACK or i == headline or _hanging_number(blocks, i, column, numbered):
            return False
        if block.indent > column and is_code(block.text):
            return False  # a listing keeps its own indentation under the prose
        if _nested_run(blocks, marks, i, column):
            return False
        if is_prose(block.text):
            return _interleaved(blocks, marks, i, column)
        return not (_between_paragraphs(blocks, marks, i, column) or _in_listing(blocks, marks, i))

    removal = "beside the article's column of text"
    return tuple(
        Mark("noise", removal=Removal(b.text, "boilerplate.other_column", removal))
        if start <= i < end and m is CONTENT and off(i)
        else m
        for i, (b, m) in enumerate(zip(blocks, marks, strict=True))
    )


def _nested_run(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int, column: int) -> bool:
    """A run of lines at one indentation of their own, with the article's lines right above
    and right under it: a table's rows set inside the text, not a column beside it, whose
    lines would run on past the article's."""
    indent = blocks[index].indent
    if abs(indent - column) >= MIN_SIDE_COLUMN_GAP or not _row(blocks[index], marks[index], indent):
        return False
    first = last = index
    while first > 0 and _row(blocks[first - 1], marks[first - 1], indent):
        first -= 1
    while last + 1 < len(blocks) and _row(blocks[last + 1], marks[last + 1], indent):
        last += 1
    edges = (first - 1, last + 1)
    return (
        last - first + 1 >= MIN_TABLE_ROWS
        and all(0 <= j < len(blocks) for j in edges)
        and all(marks[j] is CONTENT and abs(blocks[j].indent - column) <= COLUMN_SLACK for j in edges)
    )


def _row(block: Block, mark: Mark, indent: int) -> bool:
    """A table's row at ``indent``: cells, no sentence, no list's marker (a teaser list's
    "* Title" items, a question over its excerpt are a box of links)."""
    return (
        mark is CONTENT
        and block.indent == indent
        and not is_prose(block.text)
        and _LIST_MARKER.match(block.text) is None
    )


def _hanging_number(
    blocks: tuple[Block, ...], index: int, column: int, numbered: Mapping[int, tuple[str, int]]
) -> bool:
    """A numbered subheading whose number hangs in the margin ("1. Rechen statt Vertikutierer"
    at column 5 over prose at 8): its words stand in the article's column, and its number
    counts on from or to another's at the same indentation ("2. Kahle Stellen nachsäen")."""
    key = numbered.get(index)
    block = blocks[index]
    if key is None or abs(block.indent + _words_offset(block.text) - column) > COLUMN_SLACK:
        return False
    return any(
        blocks[j].indent == block.indent and (_follows(other, key) or _follows(key, other))
        for j, other in numbered.items()
        if j != index
    )


def _words_offset(text: str) -> int:
    """Where a numbered line's words start after its number ("12. " is four characters)."""
    number = _NUMBERED_ITEM.match(text)
    return number.end() - 1 if number else 0


def _between_paragraphs(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int, column: int) -> bool:
    """A short line set a little off between two of the article's paragraphs that the text
    leads into: the title of a numbered section ("4. Gesundes, glänzendes Haar") or what the
    paragraph above introduces with a colon ("… the version format:" / "0.0.0-YYYYmmdd…").
    Pages indent such lines apart; a side column's line (inscriptis prints it far off, or among
    its own lines) or a teaser's title between paragraphs is neither."""
    indent = blocks[index].indent
    near = [j for j in (index - 1, index + 1) if 0 <= j < len(blocks) and marks[j] is CONTENT]
    if abs(indent - column) > MIN_SIDE_COLUMN_GAP or len(near) < 2:
        return False
    led = blocks[index - 1].text.endswith(":") or _item_key(blocks[index]) is not None
    return led and all(
        is_prose(blocks[j].text) and min(abs(blocks[j].indent - column), abs(blocks[j].indent - indent)) <= COLUMN_SLACK
        for j in near
    )


def _in_listing(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """A line of code beside another (``def deref(addr):`` / ``    return …``), or any line
    between two (``    if n < 2:``): a listing's own indentation sets its lines apart, not
    another column."""
    near = [j for j in (index - 1, index + 1) if 0 <= j < len(blocks) and marks[j] is CONTENT]
    code = sum(is_code(blocks[j].text) for j in near)
    return code == 2 or (code == 1 and is_code(blocks[index].text))


def _interleaved(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int, column: int) -> bool:
    """A paragraph of a side column far to the right, between two of the article's paragraphs:
    inscriptis prints a page's columns side by side, line by line, so a sidebar's teasers
    alternate with the article's text ("Armenia named most popular spot …" at column 467)."""
    if abs(blocks[index].indent - column) <= MIN_SIDE_COLUMN_GAP:
        return False
    near = [j for j in (index - 1, index + 1) if 0 <= j < len(blocks) and marks[j] is CONTENT]
    return len(near) == 2 and all(
        abs(blocks[j].indent - column) <= COLUMN_SLACK and is_prose(blocks[j].text) for j in near
    )


def _above_mark(text: str) -> Mark:
    return Mark("noise", removal=Removal(text, "boilerplate.before_article", "above the page's longest run of text"))


def _stretch_end(blocks: tuple[Block, ...], marks: tuple[Mark, ...], region: Region) -> tuple[int, tuple[Mark, ...]]:
    """Where a dump's article ends: the stretch's end, moved past what the article goes on with
    that costs a stretch (closing sentences, lists, a recipe card, a box inside the text); the
    marks of the lines passed over that are not the article's (a box's teasers)."""
    end = _past_sequence(blocks, marks, _extended_end(blocks, marks, region.end))
    end = _past_nutrition(blocks, marks, _past_bullets(blocks, marks, _past_recipe(blocks, marks, end)))
    end, marks = _past_box(blocks, marks, region.start, end)
    return _past_contents(blocks, marks, end)


def _extended_end(blocks: tuple[Block, ...], marks: tuple[Mark, ...], end: int) -> int:
    """The stretch's end, moved past the short sentences that close many articles
    ("Russia has not yet commented."): a line ending like a sentence still belongs to it,
    and so does a line ending in a colon, with the list items it introduces; the stretch's
    own last line too may end in that colon, since the short items after it cost the stretch
    ("… these ten principles:" / "Make time for dreams" / "Stay active"). A photo's credit
    does not stop it: the closing sentences may stand under the photo, nor does a widget's
    line repeated between the steps ("Bild anzeigen" / "2 von 17" / "Mische …")."""
    if end and marks[end - 1] is CONTENT and blocks[end - 1].text.endswith(":"):
        end = _list_end(blocks, marks, end - 1)
    while end < len(blocks) and (
        marks[end] is CONTENT
        or _credit_over_sentence(blocks, marks, end)
        or _control_between_steps(blocks, marks, end)
        or _quote_over_sentence(blocks, marks, end)
    ):
        text = blocks[end].text
        if marks[end] is not CONTENT or text.endswith(SENTENCE_END) or _control_between_steps(blocks, marks, end):
            end += 1
        elif text.endswith(":"):
            end = _list_end(blocks, marks, end)
        elif (listed := _listing_end(blocks, marks, end)) > end:
            end = listed
        else:
            break
    return end


def _listing_end(blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int) -> int:
    """Past a code listing and its output ("import ctypes" / "> 29" / "100") that the text
    goes on under in a sentence; ``start`` itself when no such listing starts there."""
    end = start
    while end < min(len(blocks), start + MAX_LISTING_LINES) and marks[end] is CONTENT:
        if not (is_code(blocks[end].text) or (end > start and blocks[end].words <= MAX_OUTPUT_WORDS)):
            break
        end += 1
    under = end < len(blocks) and marks[end] is CONTENT and blocks[end].text.endswith(SENTENCE_END)
    return end if end - start >= MIN_LISTING_LINES and under and is_code(blocks[start].text) else start


def _extended_start(blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int, headline: int | None) -> int:
    """The stretch's start, moved up over the short sentences that open the article right
    above it ("The lamp had gone out again."): each costs the stretch, which then
    starts at the first long paragraph."""
    top = 0 if headline is None else headline + 1
    while start > top and marks[start - 1] is CONTENT and _opening_sentence(blocks[start - 1]):
        start -= 1
    return start


def _opening_sentence(block: Block) -> bool:
    """A sentence of words ending in a full stop: not a step's bare "1.", a teaser's excerpt cut
    off ("… the council said,..."), a caption closed by its credit ("… [Photo: AP]") nor a
    teaser's short question ("Want more tips?"); or a line that introduces the text with a
    colon ("X, chair of Y, on the draft law:"), not a label's few words ("Share:")."""
    text = block.text
    if text.endswith(":"):
        return block.words > MAX_FRAGMENT_WORDS
    cut_off = text.endswith(("...", "…"))  # a teaser's excerpt
    sentence = block.words >= 2 and text.endswith(SENTENCE_STOP) and not cut_off
    return sentence and not is_title_like(text)


def _past_sequence(blocks: tuple[Block, ...], marks: tuple[Mark, ...], end: int) -> int:
    """The stretch's end, moved past the rest of a numbered list or a chronology it stopped in
    or stands right over ("1. What do you call …" / "2. …" / "3. …", "2006 Sanierung" /
    "2008 …"): items that count on, one to the next, are one list, however short each item is,
    and a list the article's own last lines begin or a first item numbered one right under its
    text (a photo's credit between them aside) is the article's."""
    while (moved := _sequence_end(blocks, marks, end)) > end:
        end = _extended_end(blocks, marks, moved)
    return end


def _past_bullets(blocks: tuple[Block, ...], marks: tuple[Mark, ...], end: int) -> int:
    """The stretch's end, moved past the rest of a bulleted list its last lines stand in (the
    last item perhaps wrapped onto a line of its own): the items after it carry the same
    bullet ("* …", "• …", a glyph the dump could not print, "? …")."""
    last = next((i for i in range(end - 1, max(-1, end - 3), -1) if _bullet(blocks[i].text)), None)
    if last is None or last < 1 or not all(marks[i] is CONTENT for i in range(last - 1, end)):
        return end
    bullet = _bullet(blocks[last].text)
    if bullet is None or _bullet(blocks[last - 1].text) != bullet:
        return end
    moved = end
    while moved < len(blocks) and marks[moved] is CONTENT and _bullet_or_wrap(blocks[moved].text, bullet):
        moved += 1
    return _extended_end(blocks, marks, moved) if moved > end else end


def _bullet_or_wrap(text: str, bullet: str) -> bool:
    """An item with the list's bullet, or the rest of one wrapped onto the next line ("i przy …")."""
    return _bullet(text) == bullet or text[:1].islower()


def _bullet(text: str) -> str | None:
    """The symbol a list item opens with ("*", "•", "?"), if it opens with one."""
    found = _BULLET.match(text)
    return found.group(1) if found else None


def _past_recipe(blocks: tuple[Block, ...], marks: tuple[Mark, ...], end: int) -> int:
    """The stretch's end, moved past a recipe card under the text: the ingredient list and the
    method's short steps cost the stretch, which ends at the blog post over them. The list
    comes shortly after the text, only the card's short lines between (its name, servings and
    times), and the method under it, a heading or two aside."""
    ingredients = _ingredients_after(blocks, marks, end)
    method = None if ingredients is None else _method_start(blocks, marks, ingredients + 1)
    if method is None:
        return end
    stop = _past_sequence(blocks, marks, _extended_end(blocks, marks, method))
    return stop if stop - method >= MIN_METHOD_STEPS else end  # one sentence under counts is a footer's


def _past_box(blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int, end: int) -> tuple[int, tuple[Mark, ...]]:
    """The stretch's end, moved past a box of teasers set inside the article ("Most Read" or
    "Mehr zum Thema" over a few titles and their authors) where the article's own text resumes
    under it: paragraphs in a row that go on in the words of the text above, not a teaser's
    excerpt, a footer's notice or a comment (each of those on a topic of its own). The box's
    lines are dropped as teasers; its label no longer ends the article."""
    head = _box_head(marks, end)
    if head is None or not marks[head].closes_article:
        return end, marks
    resume = _resumed_text(blocks, marks, head + 1)
    if resume is None or not _same_topic(blocks, range(start, end), range(resume, resume + MIN_RESUMED_PARAGRAPHS)):
        return end, marks
    boxed = [
        _teaser_mark(blocks[i].text) if marks[i] is CONTENT else _not_closing(marks[i]) for i in range(end, resume)
    ]
    return _resumed(blocks, marks, end, boxed, resume)


def _resumed(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], end: int, passed: list[Mark], resume: int
) -> tuple[int, tuple[Mark, ...]]:
    """The end of the article's text that resumes at ``resume``, scored as a stretch is, and
    followed as the stretch's end is (closing sentences, a numbered list); the marks with
    ``passed`` for the lines passed over from ``end``."""
    marks = (*marks[:end], *passed, *marks[resume:])
    stop = stretch_end(blocks, [m is CONTENT for m in marks], _walls(blocks, marks), resume)
    return _past_sequence(blocks, marks, _extended_end(blocks, marks, stop)), marks


def _box_head(marks: tuple[Mark, ...], end: int) -> int | None:
    """The first line at ``end`` that a rule closes the article with or that is no noise; a
    few buttons ("compartir") may stand over it."""
    reach = range(end, min(len(marks), end + BOX_HEAD_REACH))
    return next((i for i in reach if marks[i].closes_article or marks[i].kind != "noise"), None)


def _not_closing(mark: Mark) -> Mark:
    return dataclasses.replace(mark, closes_article=False) if mark.closes_article else mark


def _past_contents(blocks: tuple[Block, ...], marks: tuple[Mark, ...], end: int) -> tuple[int, tuple[Mark, ...]]:
    """The stretch's end, moved past a table of contents under the article's first paragraphs
    ("Inhalt" over the titles of its sections) and on through the sections it lists: its lines
    are the subheadings printed again further down, between the text's paragraphs. The table's
    lines are dropped; the later copies, as every repeated line, are."""
    entries = _contents(blocks, marks, end)
    if not entries:
        return end, marks
    resume = entries[-1] + 1
    while resume < len(blocks) and not (marks[resume] is CONTENT and _is_paragraph(blocks[resume])):
        resume += 1
    listed = [
        Mark("noise", removal=Removal(blocks[i].text, "boilerplate.contents", "a table of contents"))
        if marks[i] is CONTENT
        else marks[i]
        for i in range(end, resume)
    ]
    return _resumed(blocks, marks, end, listed, resume)


def _contents(blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int) -> list[int]:
    """The entries of a table of contents right at ``start``: short lines, a label aside, at
    least a few of them printed again, in their order, as the subheadings of the text that
    goes on right under the table, a paragraph or more under each; none when the lines there
    are no such table (a teaser list printed again in a side column has no text between)."""
    stop = min(len(blocks), start + MAX_CONTENTS_LINES)
    lines: dict[str, int] = {}
    for i in range(start, stop):
        lines.setdefault(blocks[i].text, i)
    copy: dict[int, int] = {}  # a line of the table's next copy
    for i in range(len(blocks) - 1, start, -1):
        first = lines.get(blocks[i].text)
        if first is not None and first < i:
            copy[first] = i
    entries = []
    for i in range(start, stop):
        if marks[i].closes_article or blocks[i].words > MAX_TITLE_WORDS or _is_paragraph(blocks[i]):
            break
        if i in copy:
            entries.append(i)
    copies = [copy[i] for i in entries]
    if len(entries) < MIN_CONTENTS_ENTRIES or not entries[-1] < copies[0] <= entries[-1] + CONTENTS_GAP:
        return []
    sections = itertools.pairwise(copies)
    between = all(a < b and any(blocks[k].words >= MIN_PROSE_WORDS for k in range(a + 1, b)) for a, b in sections)
    return entries if between else []


def _resumed_text(blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int) -> int | None:
    """The first of a few paragraphs in a row shortly after ``start``, with only short lines
    that are no comment's or author's before them (a box's titles, its authors' names)."""
    for i in range(start, min(len(blocks), start + BOX_REACH)):
        if marks[i].closes_article or marks[i].kind == "author":
            return None
        if marks[i] is CONTENT and _is_paragraph(blocks[i]):
            following = range(i, min(len(blocks), i + MIN_RESUMED_PARAGRAPHS))
            whole = len(following) == MIN_RESUMED_PARAGRAPHS
            return i if whole and all(marks[j] is CONTENT and _is_paragraph(blocks[j]) for j in following) else None
    return None


def _same_topic(blocks: tuple[Block, ...], before: range, after: range) -> bool:
    """Whether the lines ``after`` go on in the words of the lines ``before``: a good share of
    their longer words stand in the text above (names, places, the story's nouns)."""
    seen = {w.casefold() for i in before for w in _TOPIC_WORD.findall(blocks[i].text)}
    words = [w.casefold() for i in after for w in _TOPIC_WORD.findall(blocks[i].text)]
    return bool(words) and sum(w in seen for w in words) >= MIN_TOPIC_OVERLAP * len(words)


def _past_nutrition(blocks: tuple[Block, ...], marks: tuple[Mark, ...], end: int) -> int:
    """The stretch's end, moved past a recipe's nutrition facts right under its method: a
    line that gives the energy ("318 kcal", "Energie 1331 kJ") within a few short lines of the
    end (a heading, "1 Stück ca.:"), and the amounts under it ("8 g Eiweiß", "Fett 20 g")."""
    energy = _energy_line(blocks, marks, end)
    if energy is None:
        return end
    stop = energy + 1
    while stop < len(blocks) and marks[stop] is CONTENT and _amounts(blocks[stop]):
        stop += 1
    return stop


def _energy_line(blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int) -> int | None:
    """The line giving a recipe's energy among the few short lines at ``start``."""
    for i in range(start, min(len(blocks), start + NUTRITION_REACH)):
        if marks[i].closes_article or blocks[i].words > MAX_QUANTITY_WORDS:
            return None
        if marks[i] is CONTENT and _ENERGY.search(blocks[i].text):
            return i
    return None


def _amounts(block: Block) -> bool:
    """A short line that gives an amount: a nutrition table's row."""
    return block.words <= MAX_QUANTITY_WORDS and _DIGIT.search(block.text) is not None


def _ingredients_after(blocks: tuple[Block, ...], marks: tuple[Mark, ...], end: int) -> int | None:
    """The last line of the ingredient lists that start within reach of ``end`` with no
    paragraph or closing mark before them; the lists of a card follow one another, a few
    labels between ("Some salt", "For the sauce:")."""
    reach = min(len(blocks), end + RECIPE_CARD_REACH)
    gap = next((i for i in range(end, reach) if marks[i].closes_article or blocks[i].words >= MIN_PROSE_WORDS), reach)
    if not any(_quantity(blocks[i]) for i in range(end, gap)):
        return None  # no list starts in reach: the rest of the dump is not read for one
    found = _quantity_list(blocks, marks, end, len(blocks))
    first = min((i for i in found if _quantity(blocks[i])), default=len(blocks))
    if first >= gap:
        return None
    last = first
    while any(i in found for i in range(last + 1, last + MAX_LIST_LABELS + 2)):
        last += 1
    # Items numbered one after the other ("01. Girl With A Gun") are a track list, not amounts.
    amounts = sum(_ingredient(blocks[i]) and _item_key(blocks[i]) is None for i in range(first, last + 1))
    return last if amounts >= MIN_QUANTITY_ITEMS else None


def _method_start(blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int) -> int | None:
    """The first step of a recipe's method under its ingredient list, a few labels aside
    ("Zubereitung", "Directions"): a sentence or a first numbered item."""
    for i in range(start, min(len(blocks), start + MAX_LIST_LABELS + 1)):
        if marks[i] is not CONTENT:
            return None
        if blocks[i].text.endswith(SENTENCE_END) or _item_key(blocks[i]) == ("number", 1):
            return i
    return None


def _sequence_end(blocks: tuple[Block, ...], marks: tuple[Mark, ...], end: int) -> int:
    """Past the items that go on from the last one shortly before ``end`` (or from a first
    one), and past the last item's own lines, as many as an item before it had at most (the
    answer under a question, a reader's name under that)."""
    before = range(end - 1, max(-1, end - 1 - SEQUENCE_REACH), -1)
    prior = next((i for i in before if marks[i] is CONTENT and _item_key(blocks[i])), None)
    previous = _item_key(blocks[prior]) if prior is not None else None
    needed = 1 if prior is not None else MIN_SEQUENCE_ITEMS
    items, lines, i = 0, 0, end
    while (found := _next_item(blocks, marks, i, previous)) is not None:
        lines = max(lines, found - prior - 1) if prior is not None else 0
        items, prior, previous, i = items + 1, found, _item_key(blocks[found]), found + 1
    if items < needed:
        return end
    while lines and i < len(blocks) and marks[i] is CONTENT and _item_key(blocks[i]) is None:
        lines, i = lines - 1, i + 1
    return i


def _next_item(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int, previous: tuple[str, int] | None
) -> int | None:
    """The next item of the list after ``previous`` within a few lines of ``start``, with only
    the items' own lines or a photo's credit before it; a first item, with only a credit."""
    for i in range(start, min(len(blocks), start + SEQUENCE_REACH)):
        mark = marks[i]
        if mark.closes_article or _is_related_label(mark):
            return None
        key = _item_key(blocks[i]) if mark is CONTENT else None
        if key is not None:
            return i if _follows(key, previous) else None
        if previous is None and mark.rule != "noise.image_credit":
            return None  # a first item right under the text: "Popular" over "1. …" heads a teaser list
    return None


def _follows(key: tuple[str, int], previous: tuple[str, int] | None) -> bool:
    """Whether an item counts on from the one before: the next number (one may be skipped, as
    a typo or a cut item does), a later year; a list's first item is numbered one."""
    kind, value = key
    if previous is None:
        return kind == "year" or value == 1
    if kind != previous[0]:
        return False
    return (
        previous[1] < value <= previous[1] + 2
        if kind == "number"
        else previous[1] <= value <= previous[1] + MAX_YEAR_STEP
    )


def _item_key(block: Block) -> tuple[str, int] | None:
    """A list item's number ("12. …", "3) …", "[3] …") or a chronology's year ("2008 Erstellung …")."""
    number = _NUMBERED_ITEM.match(block.text)
    if number:
        return "number", int(number.group(1) or number.group(2))
    year = _YEAR_ITEM.match(block.text)
    return ("year", int(year.group(1))) if year else None


def _credit_over_sentence(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """A photo's credit with a sentence under it ("© dtv Verlag" / "Das Buch ist im dtv Verlag
    erschienen."): the photo stands inside the text, which closes under it."""
    return (
        marks[index].rule == "noise.image_credit"
        and index + 1 < len(blocks)
        and marks[index + 1] is CONTENT
        and blocks[index + 1].text.endswith(SENTENCE_END)
    )


def _quote_over_sentence(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """A sentence of the text printed again (a pull quote) with a sentence under it: the quote
    stands inside the text, which closes under it."""
    return (
        marks[index].rule == "noise.duplicate_line"
        and blocks[index].text.endswith(SENTENCE_END)
        and index + 1 < len(blocks)
        and marks[index + 1] is CONTENT
        and blocks[index + 1].text.endswith(SENTENCE_END)
    )


def _control_between_steps(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """A widget's line repeated under each of a few steps or paragraphs (a photo's "Bild
    anzeigen Bild schließen", an ad slot's "Advert"): a sentence right above it, a sentence
    of prose (or a photo's credit over one) right under it, and its next copy a few lines
    down. A line said once, or again far down (a teaser, a pull quote), is none, nor is a
    line a rule knows ("Reply" under each comment), nor a teaser list's section label over
    each title ("Weight Loss" / "Why Am I Not Losing Weight?"): a title is no prose."""
    text, after = blocks[index].text, index + 1
    later = range(after, min(len(blocks), after + SEQUENCE_REACH))
    return (
        0 < index < len(blocks) - 1
        and (marks[index] is CONTENT or marks[index].rule in _STEP_CONTROL_RULES)
        and blocks[index - 1].text.endswith(SENTENCE_END)
        and any(blocks[i].text == text for i in later)
        and ((marks[after] is CONTENT and is_prose(blocks[after].text)) or _credit_over_sentence(blocks, marks, after))
    )


def _list_end(blocks: tuple[Block, ...], marks: tuple[Mark, ...], intro: int) -> int:
    """Past the items of the list the line at ``intro`` introduces, up to one that ends a
    sentence. Under a sentence ("Check these points first:") the items are the article's,
    two words will do ("Winter sun"); under a label of a few words ("Tagged:", "Keep
    reading:") they are a widget's tags and links, and only items of a few words are taken."""
    shortest = 2 if blocks[intro].words > MAX_LIST_LABEL_WORDS else MIN_TEASER_WORDS
    first = end = intro + 1
    while end < min(len(blocks), first + MAX_LIST_ITEMS) and marks[end] is CONTENT:
        if blocks[end].words < shortest:
            break
        end += 1
        if blocks[end - 1].text.endswith(SENTENCE_END):
            break
    return end


def _mark_echoes(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], headline: str, first: int | None
) -> tuple[Mark, ...]:
    """Further blocks that repeat the headline (forum software prints it over the first post)
    are dropped like noise."""
    size = word_count(headline)
    return tuple(
        _echo_mark(b.text) if i != first and m is CONTENT and _echoes_headline(b, headline, size) else m
        for i, (b, m) in enumerate(zip(blocks, marks, strict=True))
    )


def _echoes_headline(block: Block, headline: str, size: int) -> bool:
    # Counting words first spares the comparison for almost every block.
    return abs(block.words - size) <= max(2, size // 4) and same_title(block.text, headline, overlap=REPEAT_OVERLAP)


def _echo_mark(text: str) -> Mark:
    return Mark("noise", removal=Removal(text, _ECHO, "repeats the headline"))


def _repeated_headline(blocks: tuple[Block, ...], headline: str) -> int | None:
    """Main-content extractors often start with the title again, after a kicker or two, or
    followed by a flair or a source ("… zero. Conservation (self.birding)"). Once the text has
    begun, only the title itself counts: a heading that opens with its words and goes on heads
    a section ("Hive Keeper Multiplayer" under "Hive Keeper")."""
    begun = False
    for i, block in enumerate(blocks[:MAX_BLOCKS_BEFORE_HEADLINE]):
        if same_title(block.text, headline, overlap=REPEAT_OVERLAP) or (not begun and _repeats(block.text, headline)):
            return i
        begun = begun or is_prose(block.text)
    return None


def _repeats(text: str, headline: str) -> bool:
    if same_title(text, headline, overlap=REPEAT_OVERLAP):
        return True
    key, head = phrase_key(text), phrase_key(headline)
    if not head:
        return False
    # The <h1>'s kicker may be glued before it, as the headline leaves it out.
    if key.endswith(head) and len(key[: -len(head)].split()) <= MAX_HEADLINE_KICKER_WORDS:
        return True
    return key.startswith(head) and len(key[len(head) :].split()) <= MAX_HEADLINE_TAIL_WORDS


def _end_index(blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int) -> int:
    """The first closing mark after some body content; the page's end when there is none.

    A related label followed by prose is an inline teaser box ("Leggi anche: ..."), which
    is dropped but does not end the article. Nor does a closing mark before the article's
    first paragraph with paragraphs after it: an author line over the text ("Escrito por …",
    read as an author box) or a comment link in its meta bar is no end to a text that has not
    begun.
    """
    seen_content = seen_paragraph = False
    for i in range(start, len(marks)):
        if marks[i] is CONTENT:
            seen_content = True
            seen_paragraph = seen_paragraph or _is_paragraph(blocks[i])
        elif seen_content and marks[i].closes_article and not _box_inside(blocks, marks, i):
            early = not seen_paragraph and _paragraphs_follow(blocks, marks, i)  # a byline, not the end
            if not early:
                return i
    return len(marks)


def _box_inside(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """A closing mark set inside the article's text: a related box or an author line."""
    return _inline_label(blocks, marks, index) or _author_inside(blocks, marks, index)


def _author_inside(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """An author line set inside the article's prose (a column's author box between its
    paragraphs, a study's byline under its title): paragraphs shortly before it, and two in a
    row shortly after it, as the article goes on (an author box at the end has a bio, then
    teasers or comments, which alternate a title or a commenter's name with a paragraph)."""
    if marks[index].kind != "author":
        return False
    before = range(max(0, index - 3 - INLINE_BOX_LINES), index)
    # A flattened list's items ("* Title (142)") are a teaser list's, not the article's prose.
    prose = [i for i in before if marks[i] is CONTENT and _is_paragraph(blocks[i])]
    return any(not _LIST_MARKER.match(blocks[i].text) for i in prose) and _prose_follows(blocks, marks, index)


def _inline_label(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """A related label with the article's prose going on after its few teasers: a box set
    inside the text ("Related" + two headlines, then the next paragraphs, or the next one
    right after the headlines). The label's own list is no prose, however long its items."""
    if not _is_related_label(marks[index]):
        return False
    return _prose_follows(blocks, marks, index, items=False) or _titles_then_prose(blocks, marks, index)


def _titles_then_prose(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """Two teaser headlines or more right under the label, then a paragraph: a box of titles
    without excerpts, after which the article goes on (a list with excerpts alternates a
    headline and one paragraph, so one paragraph after a single title proves nothing). The
    titles may already be marked as the box's (``_mark_inline_teasers`` asks this too)."""
    for titles, i in enumerate(range(index + 1, min(len(marks), index + 1 + INLINE_BOX_LINES))):
        if marks[i] is CONTENT and _is_paragraph(blocks[i]):
            return titles >= 2
        if not (marks[i] is CONTENT or marks[i].rule == "boilerplate.inline_teaser") or not _is_teaser(blocks[i]):
            return False
    return False


def _prose_follows(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int, *, items: bool = True) -> bool:
    """Two paragraphs in a row shortly after ``index``: the article goes on. A related list
    with excerpts alternates a headline and one paragraph. Without ``items``, list items are
    no paragraphs: under a related label they are its list's, however long (a slideshow's
    slides, each a title and its text, under "Also on <site>:")."""
    return any(a and b for a, b in itertools.pairwise(_paragraphs_after(blocks, marks, index, items=items)))


def _paragraphs_follow(blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int) -> bool:
    """Two paragraphs or more shortly after ``index``, a question or a subheading between them
    as an interview sets them: the article's text, when none stood before."""
    return sum(_paragraphs_after(blocks, marks, index)) >= 2


def _paragraphs_after(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], index: int, *, items: bool = True
) -> list[bool]:
    """For each content block shortly after ``index``, whether it is a paragraph (a list item
    only with ``items``); a teaser set apart already counts as a line that is not (it parts a
    related list's excerpts)."""
    following = range(index + 1, min(len(marks), index + 3 + INLINE_BOX_LINES))
    teaser = "boilerplate.inline_teaser"
    return [
        marks[i] is CONTENT and _is_paragraph(blocks[i]) and (items or blocks[i].tag != "li")
        for i in following
        if marks[i] is CONTENT or marks[i].rule == teaser
    ]


def _is_paragraph(block: Block) -> bool:
    return block.words >= MIN_PROSE_WORDS and block.text.endswith(SENTENCE_END)


@dataclass(frozen=True, slots=True)
class _Claims:
    published: datetime | date | None
    votes: VoteCount | None
    byline: Byline | None
    related: tuple[RelatedLink, ...]
    indices: frozenset[int]  # blocks taken by a field, so neither body nor removed
    later_bylines: tuple[Byline, ...] = ()
    dateline: int | None = None  # the block taken as the dateline, if a line of its own


def _claims(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int, end: int, rules: Rules, url: str | None = None
) -> _Claims:
    votes_at = next((i for i in range(start, len(marks)) if marks[i].kind == "votes"), None)
    headline = start - 1
    second = _second_paragraph(blocks, marks, headline) if headline >= 0 else headline  # the header's end
    openings = _openings(blocks, marks, headline, second, rules)
    unmarked = openings | _header_datelines(blocks, marks, headline, second, rules, url)
    date_at = _as_filed(marks, _date_index(blocks, marks, headline, second, end, rules, unmarked), unmarked, url)
    authors_at = _author_index(blocks, marks, start, rules)
    bio_at = _bio_index(blocks, marks, end)
    dateline_at = None if date_at in openings else date_at  # an opening's paragraph stays in the body
    taken = {i for i in (votes_at, authors_at, bio_at, dateline_at) if i is not None}
    related_at = _related_indices(blocks, marks, start, end, taken, rules)
    byline = None
    if authors_at is not None:
        bio = blocks[bio_at].text if bio_at is not None else None
        byline = Byline(authors=marks[authors_at].authors, bio=bio)
    later = _later_author_indices(blocks, marks, start, authors_at, rules)
    return _Claims(
        published=unmarked.get(date_at, marks[date_at].date) if date_at is not None else None,
        votes=marks[votes_at].votes if votes_at is not None else None,
        byline=byline,
        related=tuple(RelatedLink(_link_title(blocks[i].text, rules), blocks[i].href) for i in related_at),
        indices=frozenset(taken | set(related_at)),
        later_bylines=tuple(Byline(authors=marks[i].authors) for i in later),
        dateline=dateline_at if dateline_at is not None and marks[dateline_at].kind == "date" else None,
    )


def _other_day_in_body(
    blocks: tuple[Block, ...],
    marks: tuple[Mark, ...],
    claimed: _Claims,
    published: datetime | date | None,
    rules: Rules,
) -> tuple[tuple[Mark, ...], _Claims]:
    """The marks and claims with the dated line taken as the dateline given back to the body,
    where it dates another day than the page states and says more than a date: a sentence
    that mentions a day ("Das Interview wurde am 7. Oktober 2022 geführt …:"), not a dateline,
    whose words besides the date are a label or two ("Update vom 3. April 2019"). A day's
    difference is the same moment in another zone."""
    at = claimed.dateline
    if at is None or published is None or claimed.published is None:
        return marks, claimed
    if _words_besides_date(blocks[at].text, rules) < MIN_DATED_SENTENCE_WORDS:
        return marks, claimed
    if abs((calendar_day(claimed.published) - calendar_day(published)).days) <= 1:
        return marks, claimed
    given_back = (*marks[:at], CONTENT, *marks[at + 1 :])
    return given_back, dataclasses.replace(claimed, indices=claimed.indices - {at}, dateline=None)


def _words_besides_date(text: str, rules: Rules) -> int:
    """The words of a line that are neither figures nor month names."""
    words = (token.strip(".,:;()|–-").casefold() for token in text.split())
    return sum(1 for w in words if w and not _DIGIT.search(w) and any(c.isalpha() for c in w) and w not in rules.months)


def _as_filed(
    marks: tuple[Mark, ...], at: int | None, unmarked: Mapping[int, datetime | date], url: str | None
) -> int | None:
    """The dateline at ``at``, unless it is more than a day away from the day the URL files
    the article under (/2019/11/18/) and a line shows that day: then that line, since the one
    taken was a teaser's or a comment's (a day's difference is the same moment in another
    zone)."""
    filed = url_date(url)
    when = unmarked.get(at, marks[at].date) if at is not None else None
    if when is None or filed is None or abs((calendar_day(when) - filed).days) <= 1:
        return at
    return next((i for i, m in enumerate(marks) if m.date is not None and calendar_day(m.date) == filed), at)


def _date_index(
    blocks: tuple[Block, ...],
    marks: tuple[Mark, ...],
    headline: int,
    second: int,
    end: int,
    rules: Rules,
    unmarked: Mapping[int, datetime | date],
) -> int | None:
    """The dateline a reader sees by the headline (teasers, comments and quotes elsewhere carry
    dates of their own): under it, up to the article's second paragraph, a line that a
    publication stamp or a byline dates before a bare date, and an update stamp last; else the
    one above it; else the first in the article or right under it. The ``unmarked`` dates under
    it, that no line's mark carries (a paragraph's opening date, a date without its year),
    count as those lines'."""
    dated = [i for i, m in enumerate(marks) if m.date is not None and m.kind in ("date", "author")]
    if headline < 0 or not (dated or unmarked):
        return next((i for i in dated if i < end), None)
    below = sorted({i for i in dated if headline < i < second} | set(unmarked))
    stated = [i for i in below if marks[i].kind == "author" or is_publication_stamp(blocks[i].text, rules)]
    bare = [i for i in below if not is_update_stamp(blocks[i].text, rules)]
    above = [i for i in dated if headline - DATELINE_ABOVE <= i < headline]
    later = [i for i in dated if headline < i < _past_end(marks, end)]
    # Above the headline, the nearest dateline, unless it is one of a list's dated items.
    alone = [i for i in above[-1:] if not _listed(blocks, i, above)]
    return next(iter(stated or bare or below or alone or later), None)


def _listed(blocks: tuple[Block, ...], index: int, dated: list[int]) -> bool:
    """A dated line shaped like another one near it (digits aside): a list's item."""
    shape = _NUMBERS.sub("0", blocks[index].text)
    return any(_NUMBERS.sub("0", blocks[i].text) == shape for i in dated if i != index)


def _signed_off(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], body: list[int], claimed: _Claims, rules: Rules
) -> _Claims:
    """A byline signed under the article: a line of full names only, right after its last
    paragraph and before anything else of it ("… Sieger zu küren." / "Jörg Dallmeier"),
    as regional papers, press releases and essays sign their pieces. HTML only: there the
    blocks are the main content's, while a dump goes on with widget labels in Title Case
    ("DH Newsletter") that read the same."""
    after = body[-1] + 1 if body else len(blocks)
    if after >= len(blocks) or marks[after] is not CONTENT or not _is_paragraph(blocks[body[-1]]):
        return claimed
    if after + 1 < len(blocks) and marks[after + 1] is CONTENT and _is_paragraph(blocks[after + 1]):
        return claimed  # prose goes on: a subheading, not a signature
    names = names_only(blocks[after].text, rules)
    if not names or any(len(n.split()) < 2 for n in names):
        return claimed
    return dataclasses.replace(claimed, byline=Byline(authors=names), indices=claimed.indices | {after})


def _past_end(marks: tuple[Mark, ...], end: int) -> int:
    """A few lines past the article's end, up to a mark that closes it (teasers carry dates),
    the author box that closes it included: it signs the article ("Written by Ana Lopes on
    July 27, 2017")."""
    stop = end
    while stop < min(len(marks), end + DATELINE_PAST_END) and not marks[stop].closes_article:
        stop += 1
    closing_box = stop < len(marks) and marks[stop].closes_article and marks[stop].kind == "author"
    return stop + 1 if closing_box else stop


def _openings(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], headline: int, second: int, rules: Rules
) -> dict[int, datetime | date]:
    """The dates that open the article's first two paragraphs, set apart from their text
    ("31. Oktober 2023. Der Stadtrat …"): the dateline of agencies, press releases, columns."""
    if headline < 0:
        return {}
    paragraphs = [i for i in range(headline + 1, min(second + 1, len(blocks))) if marks[i] is CONTENT]
    found = {i: opening_date(blocks[i].text, rules) for i in paragraphs if _is_paragraph(blocks[i])}
    return {i: when for i, when in found.items() if when is not None}


def _header_datelines(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], headline: int, second: int, rules: Rules, url: str | None
) -> dict[int, datetime | date]:
    """Datelines under the headline, up to the article's second paragraph, that the marks
    leave out: a date glued to the next element ("08.12.2022Bundesverband Windenergie"; read
    so only here, where it cannot be one of a list's lines), and one without its year, as
    sites print this year's dates ("Updated Mar 5, 7:40 AM; Posted Mar 5, 7:36 AM").
    Such a date takes the year of the month the URL files the article under (/2021/03/), where
    it names that month; else of a lone year on one of the next two lines, where a flattener
    split the date's elements ("November 20" / "15:23" / "2019"); else of the page's copyright
    notice, the year the page was made."""
    if headline < 0:
        return {}
    lines = [i for i in range(headline + 1, second) if marks[i].date is None and _may_be_dated(blocks[i])]
    found = {i: _glued_date(blocks[i].text, rules) for i in lines}
    yearless = [i for i in lines if found[i] is None and day_and_month(blocks[i].text)]
    if yearless:
        made = next(filter(None, (copyright_year(b.text) for b in reversed(blocks))), None)
        sources = (url_month(url), (made, None) if made else None)
        found |= {i: _in_year(blocks, i, rules, sources) for i in yearless}
    return {i: when for i, when in found.items() if when is not None}


def _glued_date(text: str, rules: Rules) -> datetime | date | None:
    unglued = years_apart(text)
    return dateline_date(unglued, rules) if unglued != text else None


def _in_year(
    blocks: tuple[Block, ...], index: int, rules: Rules, sources: tuple[tuple[int, int | None] | None, ...]
) -> datetime | date | None:
    """A header line's date without its year, in the first year the sources give: the URL's
    month, a lone year on the next two lines, the copyright notice's year."""
    split = next((int(b.text) for b in blocks[index + 1 : index + 3] if _LONE_YEAR.fullmatch(b.text)), None)
    url, made = sources
    for filed in (url, (split, None) if split else None, made):
        when = filed_dateline(blocks[index].text, rules, filed) if filed else None
        if when is not None:
            return when
    return None


def _second_paragraph(blocks: tuple[Block, ...], marks: tuple[Mark, ...], headline: int) -> int:
    seen = 0
    for i in range(headline + 1, min(len(blocks), headline + 1 + DATELINE_BELOW)):
        if marks[i] is CONTENT and _is_paragraph(blocks[i]):
            seen += 1
            if seen == 2:
                return i
    return min(len(blocks), headline + 1 + DATELINE_BELOW)


def _author_index(blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int, rules: Rules) -> int | None:
    """The first author line; one found inside a bar of other items only near the headline,
    since "Powered by Ghost" and "… di Como" read the same."""
    plain = next((i for i, m in enumerate(marks) if m.kind == "author" and not m.inline), None)
    if plain is not None:
        return plain
    submitter = next((i for i, m in enumerate(marks) if m.kind == "votes" and m.authors), None)
    if submitter is not None:
        return submitter
    near = range(max(0, start - 1), min(len(marks), start + INLINE_BYLINE_REACH))
    bylines = [i for i in near if marks[i].kind == "author"]
    # A header's meta bar dates the article too; an undated one may be a standfirst's "par X".
    found = next((i for i in bylines if marks[i].date is not None), bylines[0] if bylines else None)
    if found is not None or not start:
        return found
    # Some themes print the meta bar over the title ("Posted on … by Julia Brenner" / title):
    # there a byline's prefix is wanted, since a kicker over a headline reads like a name,
    # unless only the header's bylines and datelines stand between it and the title
    # ("09.03.2022 | 16:40 Uhr | Ines Wohlgemuth" / title).
    above = range(start - 2, max(-1, start - 2 - BYLINE_ABOVE), -1)
    return next(
        (
            i
            for i in above
            if marks[i].kind == "author"
            and (_header_meta(blocks, marks, i, start - 1) or bool(rules.inline_byline.search(blocks[i].text)))
        ),
        None,
    )


def _later_author_indices(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int, first: int | None, rules: Rules
) -> list[int]:
    """The author lines ``_author_index`` would take next, each in turn set aside."""
    found: list[int] = []
    remaining = list(marks)
    while first is not None and len(found) < MAX_LATER_BYLINES:
        remaining[first] = CONTENT
        first = _author_index(blocks, tuple(remaining), start, rules)
        found += [first] if first is not None else []
    return found


def _header_meta(blocks: tuple[Block, ...], marks: tuple[Mark, ...], first: int, headline: int) -> bool:
    """Nothing but bylines and datelines from ``first`` to the headline, the header's meta: a
    bar of items ("09.03.2022 | 16:40 Uhr | Ines Wohlgemuth") or a name beside a dateline line
    of its own; a kicker with a date ("Evening Digest 03.17.21") is neither."""
    span = range(first, headline)
    if not all(marks[i].kind in ("author", "date") for i in span):
        return False
    return bool(_META_BAR.search(blocks[first].text)) or any(marks[i].kind == "date" for i in span)


def _bio_index(blocks: tuple[Block, ...], marks: tuple[Mark, ...], end: int) -> int | None:
    """The prose right after an author box ("Written by X") in the tail is the author's bio."""
    for i in range(end, len(marks) - 1):
        if marks[i].kind == "author" and marks[i].closes_article:
            nxt = i + 1
            if marks[nxt] is CONTENT and blocks[nxt].words >= MIN_BIO_WORDS:
                return nxt
            return None
    return None


def _related_indices(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], start: int, end: int, taken: set[int], rules: Rules
) -> list[int]:
    """Teaser titles: those under the first related label in the tail that has some (a label
    over topic tags, "Related Topics", has none), the article itself left out; else those of
    the first box set inside the text ("Related" and two headlines, then the next paragraph),
    as a box below the article beats one inside it; else the text's "Related: …" lines; else,
    on a page with no related label, the page's final run of them."""
    labels = [i for i in range(end, len(marks)) if _is_related_label(marks[i])]
    runs = (_title_run(blocks, marks, label + 1, taken, rules) for label in labels)
    found = next((run for run in runs if run), None)
    if found is not None:
        headline = blocks[start - 1].text if start else ""
        return [i for i in found if not _names_article(blocks[i], headline)]
    inline = [i for i in range(start, end) if _is_related_label(marks[i])]
    found = next((run for run in (_inline_run(blocks, marks, label + 1, taken) for label in inline) if run), None)
    if found is not None:
        return found
    linked = [i for i in range(start, end) if i not in taken and _labelled_link(blocks[i], marks[i], rules)]
    return linked if linked or labels or inline else _final_run(blocks, marks, end, taken)


def _final_run(blocks: tuple[Block, ...], marks: tuple[Mark, ...], end: int, taken: set[int]) -> list[int]:
    """The page's last two or more lines, when they are headlines set in from the article's
    text or right under the article's closing widget ("Leave a Reply"), and above any copyright
    notice: elsewhere a page's last short lines are its footer's links."""
    run: list[int] = []  # read from the end backwards, then put in order (insert(0) was quadratic)
    for i in range(len(marks) - 1, end - 1, -1):
        if i in taken or marks[i] is not CONTENT or not _is_teaser(blocks[i]):
            break
        run.append(i)
    if len(run) < 2:
        return []
    first = run[-1]
    if any(copyright_year(blocks[i].text) for i in range(end, first)):
        return []  # under the copyright notice: the footer
    margin = blocks[end - 1].indent if end else 0
    indented = all(blocks[i].indent > margin for i in run)
    return run[::-1] if indented or marks[first - 1].closes_article else []


def _labelled_link(block: Block, mark: Mark, rules: Rules) -> bool:
    """A line in the text that points to another story after a related label ("Related: …",
    "[Read more: …]")."""
    if mark.rule != "noise.teaser_link":
        return False
    label, colon, title = block.text.strip("[]").partition(":")
    return bool(colon) and label_strength(label, rules, site=None) > 0 and _is_related_teaser(Block(title.strip()))


def _names_article(block: Block, headline: str) -> bool:
    """A list's item that is the article itself (lists of a section or a site's latest)."""
    return bool(headline) and same_title(_unbulleted(block.text), headline)


def _title_run(
    blocks: tuple[Block, ...], marks: tuple[Mark, ...], first: int, taken: set[int], rules: Rules
) -> list[int]:
    """The titles of a related box, which may print each item's kicker, byline, date or
    excerpt beside its title ("Harbour Notes" / title; title / "Clara Vespoli"). The lines
    between two titles are as many for every item: where that changes, another list began."""
    run: list[int] = []
    between, period = 0, None  # lines since the last title; between the first two titles
    for i in range(first, len(marks)):
        if i in taken:
            break
        if run and blocks[i].text == blocks[run[-1]].text:
            between = 0  # a card printed twice (over its image, then beside its excerpt)
        elif (run and _more_button(blocks[i], rules)) or _LIST_MARKER.fullmatch(blocks[i].text + " "):
            continue  # after the excerpt of some items only; a list's bullet on a line of its own
        elif not run and _paid(blocks[i], rules):
            break  # "Ad Brand" over the first story: the box is an ad's
        elif _titled(blocks[i], marks[i], rules):
            if run and period is not None and between != period:
                break
            period = between if run and period is None else period
            run.append(i)
            between = 0
        elif between < MAX_ITEM_LINES and _item_line(blocks[i], marks[i], rules):
            between += 1
        else:
            break
    return run


def _titled(block: Block, mark: Mark, rules: Rules) -> bool:
    """A teaser's title line; a list may print a story that the page showed before ("Most
    read" above the article), so a repeated line counts too."""
    return (mark is CONTENT or _repeated(mark)) and _is_related_teaser(block) and not _is_date_line(block, rules)


def _more_button(block: Block, rules: Rules) -> bool:
    """An item's "Read more": a button that is also a related label."""
    key = phrase_key(block.text)
    return key in rules.phrases["related_label"] and key in rules.words["button"]


def _paid(block: Block, rules: Rules) -> bool:
    """An ad's notice: a few words that open with an ad label ("Ad Brand", "Sponsored by X")."""
    first = phrase_key(block.text).split(maxsplit=1)
    return bool(first) and block.words <= MAX_ITEM_KICKER_WORDS and first[0] in rules.phrases["advert"]


def _repeated(mark: Mark) -> bool:
    """A line the page printed before: items repeat a byline, lists repeat a story."""
    return mark.rule == "noise.duplicate_line"


def _item_line(block: Block, mark: Mark, rules: Rules) -> bool:
    """A line a related item prints beside its title: a date, a byline, a kicker, an excerpt."""
    if mark.kind in ("date", "author"):
        return True
    short = block.words <= MAX_ITEM_KICKER_WORDS
    return (mark is CONTENT or _repeated(mark)) and (short or is_prose(block.text) or _is_date_line(block, rules))


def _is_date_line(block: Block, rules: Rules) -> bool:
    """A date, or a short meta line with one, its year left out ("Ana Lopes • Nov 18")."""
    if not _may_be_dated(block):
        return False
    if text_date(block.text, rules) is not None:
        return True
    return block.words <= MAX_FURNITURE_WORDS and day_and_month(block.text) is not None


def _inline_run(blocks: tuple[Block, ...], marks: tuple[Mark, ...], first: int, taken: set[int]) -> list[int]:
    """The headlines of a box inside the text, which the body already set apart as teasers."""
    run: list[int] = []
    for i in range(first, len(marks)):
        if i in taken or marks[i].rule != "boilerplate.inline_teaser" or not _is_related_teaser(blocks[i]):
            break
        run.append(i)
    return run


def _is_related_label(mark: Mark) -> bool:
    return mark.rule == "noise.related_label"


def _is_teaser(block: Block) -> bool:
    return is_title_like(block.text) and block.words >= MIN_TEASER_WORDS


def _unbulleted(text: str) -> str:
    """A line without the list marker a flattener printed before it: a teaser's title ("* Title"),
    a byline's item ("* Ronja Falk")."""
    marker = _LIST_MARKER.match(text)
    return text[marker.end() :] if marker and marker.end() < len(text) else text


def _link_title(text: str, rules: Rules) -> str:
    """A related item's title, without its list marker or the label before it ("[Related: …]")."""
    title = _unbulleted(text)
    label, colon, rest = title.strip("[]").partition(":")
    return rest.strip() if colon and rest.strip() and label_strength(label, rules, site=None) > 0 else title


def _is_related_teaser(block: Block) -> bool:
    """A teaser title in a related list, its list marker aside ("* Harbour Notes" is a kicker),
    perhaps cut short ("Diehards remain at HK campus as …"): an ellipsis ends no sentence."""
    title = _unbulleted(block.text).removesuffix("...").removesuffix("…")
    signs = sum(not any(c.isalnum() for c in w) for w in title.split())  # "&", "–": no words
    return is_title_like(title) and word_count(title) - signs >= MIN_TEASER_WORDS


def _taken(text: str, mark: Mark, claimed: _Claims) -> Removal:
    """The record of a line a field took out of the body: the byline's line or its bio, the
    dateline, the score, a related teaser (the headline's line is ``field.headline``). The
    field holds what was read off it; the record keeps the line itself."""
    if mark.kind == "votes":
        return Removal(text, "field.votes", "read as the article's score")
    if mark.kind == "date":
        return Removal(text, "field.published", "read as the dateline")
    byline = claimed.byline
    if mark.kind == "author":
        return Removal(text, "field.byline", "read as the byline")
    if byline is not None and text == byline.bio:
        return Removal(text, "field.byline", f"read as the bio under the author line of {', '.join(byline.authors)}")
    return Removal(text, "field.related", "read as a related teaser")


def _removals(
    blocks: tuple[Block, ...],
    marks: tuple[Mark, ...],
    headline: int | None,
    end: int,
    claimed: _Claims,
    body: frozenset[int],
) -> tuple[Removal, ...]:
    removed: list[Removal] = []
    for i, (block, mark) in enumerate(zip(blocks, marks, strict=True)):
        if i in body:
            continue  # a boxed block the reconsidered body kept
        if mark.removal is not None:
            removed.append(mark.removal)
        elif i in claimed.indices:
            removed.append(_taken(block.text, mark, claimed))
        elif i == headline:
            removed.append(Removal(block.text, "field.headline", "read as the headline"))
        elif mark is not CONTENT:
            detail = f"block {i} repeats a field taken from an earlier block"
            removed.append(Removal(block.text, f"boilerplate.extra_{mark.kind}", detail))
        elif headline is not None and i < headline and not is_prose(block.text):
            removed.append(Removal(block.text, "boilerplate.before_headline", f"block {i} stands before the headline"))
        elif i >= end:
            detail = f"block {i} follows the article's end at block {end} ({blocks[end].text[:40]!r})"
            removed.append(Removal(block.text, "boilerplate.after_article", detail))
        elif i not in body:
            detail = f"block {i}: {block.words} words at the body's edge"
            removed.append(Removal(block.text, "boilerplate.edge_fragment", detail))
    return tuple(removed)
