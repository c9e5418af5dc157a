"""Where the article stands in a whole-page text dump: menus above it, comments below it.

A dump of a page's visible text keeps no tags, but its lines keep their length. Menus,
breadcrumbs, footers and teaser lists are runs of short lines; an article is a run of long
ones, with a short subheading or a one-line paragraph here and there. Each line scores its
words minus a threshold, and the article is the stretch with the highest total (the
maximum-sum segment, found in one pass). A closing mark (a comment form, a reaction prompt)
is a wall: no stretch crosses one after text has begun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsparse.normalize import SENTENCE_END
from newsparse.page import Block

# A line of more words than this adds to a stretch, a shorter one takes away. Calibrated on
# the shared benchmark's text dumps: 8, 10 and 12 score within 0.004 of each other.
LINE_THRESHOLD = 10
# A line of the page's noise vocabulary ("Advertisement", "Share") costs what a menu line
# does: a cheaper one let regions run on through share bars and sign-up boxes (4 against 2:
# +0.006 / +0.001 F1 on the text benchmark).
NOISE_COST = 4
TITLE_COST = 4
# A stretch ends once its score falls this far below its best: a dozen or so menu lines.
DRAWDOWN = 60
# The article is the first stretch with at least this share of the largest one's score.
FIRST_SHARE = 0.6
# A stretch that starts this close under the repeated title, with at least this score and a
# sentence, is the article's start.
ANCHOR_GAP = 8
MIN_ANCHORED_SCORE = 30
# A comment thread may run longer than the article above it: a stretch above the thread's
# head with at least this share of the largest one is the article.
THREAD_SHARE = 0.15
# Long lines count as prose even without a final full stop (dumps cut some, quotes end in ").
MIN_UNPUNCTUATED_PROSE = 25
# No writer runs two sentences' worth of words without one mark of punctuation: a longer run
# without any is a tag cloud or a menu flattened onto one line, even when an abbreviation
# ("E. T. A. Hoffmann", "S. Gimignano") puts a full stop somewhere in it.
_UNPUNCTUATED_RUN = 50
# ... nor with nearly every word capitalised, as a menu's entries are: German prose, which
# capitalises its nouns, stays far below (a share of 0.7 took one German line for a menu).
MENU_CAPITALS = 0.8
# A list that a sentence ending in a colon introduces ("For the sauce you will need:") is the
# text's own, as in layout's list after a colon: up to this many items of two words or more
# cost the stretch nothing. A label of a few words ("Tags:", "Suche nach:") heads a widget.
MAX_LIST_ITEMS = 12
MIN_ITEM_WORDS = 2
MAX_LIST_LABEL_WORDS = 3
# A line of code (an assignment, a call, a statement's keyword, a shell or an interpreter's
# prompt, a tag) costs nothing either: no menu reads like one, and a tutorial's listing would
# end the stretch.
_CODE = re.compile(
    r"[=;{}]|\w\(|^(?:(?:import|from|def|class|return|const|let|var)\s|[$#>]\s|//|</?\w|(?:>>>|\.\.\.)(?:\s|$))"
)
_SENTENCE_END = (*SENTENCE_END, ":")
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")  # a bare number: a program's output, one value a line
_PUNCTUATION = re.compile(r"[.,;:!?\u3001\u3002\uff0c\uff01\uff1f\u060c\u061f\u0964]")


def _score(block: Block) -> int:
    """Words above the threshold; a line that does not end like a sentence (a menu entry, a
    teaser headline, a subheading) costs a fixed amount, however long it is: a run of teaser
    headlines then walls the article off, while one subheading inside it does not. A short
    line of code costs nothing."""
    score = _line_score(block)
    return 0 if score < 0 and is_code(block.text) else score


def _content_score(block: Block, content: bool) -> int:
    """A line's score; a short line of code costs nothing even where a noise rule took it: a
    listing repeats its lines (a duplicate), an interpreter's bare prompt ("...") is symbols."""
    if content:
        return _score(block)
    return 0 if _line_score(block) < 0 and is_code(block.text) else -NOISE_COST


def is_code(text: str) -> bool:
    """A line of code: an assignment, a call, a statement's keyword, a shell or an interpreter's
    prompt (">>> ", "... "), a tag."""
    return _CODE.search(text) is not None


def _line_score(block: Block) -> int:
    text = block.text
    if text.endswith(_SENTENCE_END):
        return block.words - LINE_THRESHOLD
    if MIN_UNPUNCTUATED_PROSE <= block.words <= _UNPUNCTUATED_RUN and not _title_cased(text):
        return block.words - LINE_THRESHOLD
    if block.words > _UNPUNCTUATED_RUN and _punctuated(text):
        return block.words - LINE_THRESHOLD
    return -TITLE_COST


def _title_cased(text: str) -> bool:
    """Nearly every word capitalised: a menu's entries flattened onto one line ("Latest News
    Applications OS Channel Programs Cloud …"), not a sentence whose full stop was cut."""
    words = [w for w in text.split() if w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= MENU_CAPITALS * len(words)


def _punctuated(text: str) -> bool:
    """Punctuated all along, not only somewhere: no run between two marks is too long."""
    return all(len(run.split()) <= _UNPUNCTUATED_RUN for run in _PUNCTUATION.split(text))


@dataclass(frozen=True, slots=True)
class Region:
    start: int  # first block of the article's stretch
    end: int  # one past its last block


def main_region(
    blocks: Sequence[Block],
    content: Sequence[bool],
    walls: Sequence[bool],
    *,
    anchor: int | None = None,
    thread: int | None = None,
) -> Region:
    """The article's stretch: the first stretch of text that holds at least a share of the
    page's largest one.

    A stretch ends where its running score falls well below its best (a run of menu lines
    or teaser headlines), at a wall, or where it drops below zero. Of the stretches, the
    first substantial one wins: articles come before comment threads and footers, which can
    be longer.

    >>> lines = [Block(t) for t in ("Home", "News", " ".join(["word"] * 30), "Short line.", " ".join(["w"] * 25))]
    >>> main_region(lines, [True] * 5, [False] * 5)
    Region(start=2, end=5)
    """
    stretches = list(_stretches(blocks, content, walls))
    if not stretches:
        return Region(0, 0)
    top = max(total for _, total in stretches)
    above = [(r, t) for r, t in stretches if thread is not None and r.end <= thread]
    if above and max(t for _, t in above) >= THREAD_SHARE * top:
        stretches, top = above, max(t for _, t in above)
    if anchor is not None:
        # The page's title printed again: the article starts there, not in a longer thread or
        # a legal notice below. Text right under it is the article even when lists and short
        # lines break it into small stretches (a recipe, a how-to).
        under = [
            r
            for r, t in stretches
            if anchor < r.start <= anchor + ANCHOR_GAP and t >= MIN_ANCHORED_SCORE and _sentences(blocks, r) > 0
        ]
        after = [r for r, t in stretches if r.start >= anchor and t >= FIRST_SHARE * top]
        if under or after:
            return (under or after)[0]
    return next(region for region, total in stretches if total >= FIRST_SHARE * top)


def _sentences(blocks: Sequence[Block], region: Region) -> int:
    """Lines of the stretch that end like sentences: a long line that does not is a widget
    (a dropdown of car brands, a numbered most-read list) flattened onto one line."""
    return sum(blocks[i].text.endswith(SENTENCE_END) for i in range(region.start, region.end))


def _stretches(blocks: Sequence[Block], content: Sequence[bool], walls: Sequence[bool]) -> Iterator[tuple[Region, int]]:
    listed = _list_items(blocks, content)
    start, total, best, best_end = 0, 0, 0, 0
    for i, block in enumerate(blocks):
        closing = walls[i] and total > 0
        score = 0 if closing else _content_score(block, content[i])
        if listed[i] and total > 0:  # a list inside a text that has begun, not one that opens it
            score = max(score, 0)
        if total <= 0 and not closing:
            start, total, best, best_end = i, 0, 0, i
        total += score
        if total > best:
            best, best_end = total, i + 1
        if best > 0 and (closing or total <= 0 or best - total >= DRAWDOWN):
            yield Region(start, best_end), best
            start, total, best, best_end = i + 1, 0, 0, i + 1
    if best > 0:
        yield Region(start, best_end), best


def stretch_end(blocks: Sequence[Block], content: Sequence[bool], walls: Sequence[bool], start: int) -> int:
    """Where the stretch that starts at ``start`` ends, scored as ``main_region`` scores one."""
    listed = _list_items(blocks, content)
    total, best, best_end = 0, 0, start
    for i in range(start, len(blocks)):
        if walls[i]:
            break
        score = _content_score(blocks[i], content[i])
        total += max(score, 0) if listed[i] else score
        if total > best:
            best, best_end = total, i + 1
        if total <= 0 or best - total >= DRAWDOWN:
            break
    return best_end


def _list_items(blocks: Sequence[Block], content: Sequence[bool]) -> list[bool]:
    """Whether each line is an item, not ending like a sentence, of a list that a sentence
    ending in a colon introduces: the lines of two words or more (or a bare number, a
    program's output printed one value a line: "0", "2", "4") after it, up to one that
    introduces a list itself ("For a wall of twelve square metres you need:", a product's
    points, a how-to's tools; each would cost the stretch what a menu entry does and end it
    halfway through the article).
    A label's list ("Tags:", "Suche nach:") is a widget's links, not the text's."""
    listed = [False] * len(blocks)
    for i, block in enumerate(blocks):
        if not (content[i] and block.text.endswith(":")) or block.words <= MAX_LIST_LABEL_WORDS:
            continue
        for j in range(i + 1, min(len(blocks), i + 1 + MAX_LIST_ITEMS)):
            short = blocks[j].words < MIN_ITEM_WORDS and not _NUMBER.fullmatch(blocks[j].text)
            if not content[j] or short or blocks[j].text.endswith(":"):
                break
            listed[j] = not blocks[j].text.endswith(_SENTENCE_END)
    return listed
