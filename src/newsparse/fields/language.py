"""Language: the page's own declaration when it has one, else langdetect on a bounded sample."""

from __future__ import annotations

import re
from functools import cache

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from newsparse.page import Page

# langdetect's accuracy levels off well before this; the cap bounds time on huge pages.
SAMPLE_CHARS = 2000
# Lines this long are prose; shorter ones are menus and widgets, often in English on any site.
SAMPLE_MIN_WORDS = 8
_LANGUAGE_TAG = re.compile(r"([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*")


def normalize_tag(tag: str | None) -> str | None:
    """The ISO 639-1 code of a language tag, or None.

    >>> normalize_tag("en-US"), normalize_tag("pt_BR"), normalize_tag("zh-cn"), normalize_tag("x")
    ('en', 'pt', 'zh', None)
    """
    match = _LANGUAGE_TAG.fullmatch((tag or "").strip())
    return match.group(1).lower() if match else None


def detect_language(page: Page) -> str | None:
    """The page's declared language, else the one langdetect finds in its prose."""
    declared = normalize_tag(page.meta.language)
    if declared:
        return declared
    return detect_text(_sample(page))


def _sample(page: Page) -> str:
    prose = [b.text for b in page.blocks if b.words >= SAMPLE_MIN_WORDS] or [b.text for b in page.blocks]
    return " ".join(prose)[:SAMPLE_CHARS]


def detect_text(text: str) -> str | None:
    """Seeded, so the same text always gets the same answer.

    >>> detect_text("Die Regierung hat am Dienstag neue Maßnahmen für den Klimaschutz beschlossen.")
    'de'
    """
    detector = _factory().create()
    detector.append(text[:SAMPLE_CHARS])
    try:
        return normalize_tag(detector.detect())
    except LangDetectException:
        return None


@cache
def _factory() -> DetectorFactory:
    """langdetect's profiles, loaded on first use (a quarter second) and never changed after."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0
    return factory
