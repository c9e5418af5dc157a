"""Where the article stands in a whole-page text dump: menus above it, comments below it.

A dump of a page's visible text keeps no tags, but its lines keep their length. Menus,
breadcrumbs, footers and teaser lists are runs of short lines; an article is a run of long
ones, with a short subheading or a one-line paragraph here and there. Each line scores its
words minus a threshold, and the article is the stretch with the highest total (the
maximum-sum segment, found in one pass). A closing mark (a comment form, a reaction prompt)
is a wall: no stretch crosses one after text has begun.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsparse.normalize import SENTENCE_END
from newsparse.page import Block

# A line of more words than this adds to a stretch, a shorter one takes away. Calibrated on
# the shared benchmark's text dumps: 8, 10 and 12 score within 0.004 of each other.
LINE_THRESHOLD = 10
# A line of the page's own noise vocabulary ("Advertisement", "Share") inside an article
# costs little: it is dropped later, but must not split the article in two.
NOISE_COST = 2
TITLE_COST = 6
# Long lines count as prose even without a final full stop (dumps cut some, quotes end in ").
MIN_UNPUNCTUATED_PROSE = 25
_SENTENCE_END = (*SENTENCE_END, ":")


def _score(block: Block) -> int:
    """Words above the threshold; a line that does not end like a sentence (a menu entry, a
    teaser headline, a subheading) costs a fixed amount, however long it is: a run of teaser
    headlines then walls the article off, while one subheading inside it does not."""
    if block.text.endswith(_SENTENCE_END) or block.words >= MIN_UNPUNCTUATED_PROSE:
        return block.words - LINE_THRESHOLD
    return -TITLE_COST


@dataclass(frozen=True, slots=True)
class Region:
    start: int  # first block of the article's stretch
    end: int  # one past its last block


def main_region(blocks: Sequence[Block], content: Sequence[bool], walls: Sequence[bool]) -> Region:
    """The stretch of blocks with the most words above the threshold.

    ``content`` tells the blocks that are text (not noise, not a field); ``walls`` the closing
    marks no stretch may cross once it holds text.

    >>> lines = [Block(t) for t in ("Home", "News", " ".join(["word"] * 30), "Short line.", " ".join(["w"] * 25))]
    >>> main_region(lines, [True] * 5, [False] * 5)
    Region(start=2, end=5)
    """
    best, best_total = Region(0, 0), 0
    start, total = 0, 0
    for i, block in enumerate(blocks):
        if walls[i] and total > 0:
            start, total = i + 1, 0
            continue
        score = _score(block) if content[i] else -NOISE_COST
        if total <= 0:
            start, total = i, 0
        total += score
        if total > best_total:
            best, best_total = Region(start, i + 1), total
    return best
