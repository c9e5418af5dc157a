"""Language: the page's own declaration when it has one, else langdetect on a bounded sample."""

from __future__ import annotations

import re
from functools import cache

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from newsparse.page import Page
from newsparse.rules import STOPWORDS

# langdetect's accuracy levels off well before this; the cap bounds time on huge pages.
SAMPLE_CHARS = 1000
# Lines this long are prose; shorter ones are menus and widgets, often in English on any site.
SAMPLE_MIN_WORDS = 8
# Below this, langdetect guesses; a declaration is trusted instead.
MIN_SAMPLE_CHARS = 40
# How sure langdetect must be to overrule a page's declared language.
OVERRIDE_CONFIDENCE = 0.9
# Function words make a third or more of running text in every listed language; a tenth is
# a wide margin that still fails a page in another language.
FUNCTION_WORD_SHARE = 0.1
MIN_CHECK_TOKENS = 20
# A language "dominates" when its function words are a fifth of the text and twice any other's.
DOMINANT_SHARE = 0.2
DOMINANCE = 2.0
_TOKEN = re.compile(r"\w+")
_LANGUAGE_TAG = re.compile(r"([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*")


def normalize_tag(tag: str | None) -> str | None:
    """The ISO 639-1 code of a language tag, or None.

    >>> normalize_tag("en-US"), normalize_tag("pt_BR"), normalize_tag("zh-cn"), normalize_tag("x")
    ('en', 'pt', 'zh', None)
    """
    match = _LANGUAGE_TAG.fullmatch((tag or "").strip())
    return match.group(1).lower() if match else None


def detect_language(page: Page) -> str | None:
    """The page's language: its declaration when the text bears it out, else a detection.

    Declarations are checked because themes ship a default ``<html lang="en-US">`` that many
    sites never change. Both the check and the first detection are cheap counts of function
    words; langdetect (seeded, on a bounded sample) runs only when those are not conclusive.
    """
    declared = list(dict.fromkeys(tag for tag in map(normalize_tag, page.meta.languages) if tag))
    sample = _sample(page)
    if len(declared) == 1 and uses_function_words(sample, declared[0]):
        return declared[0]
    guessed = dominant_function_words(sample)
    if guessed:
        return guessed
    detected, confidence = detect_text(sample)
    if detected is None or detected in declared:
        return detected or (declared[0] if declared else None)
    return detected if confidence >= OVERRIDE_CONFIDENCE or not declared else declared[0]


def dominant_function_words(text: str) -> str | None:
    """The listed language whose function words clearly dominate ``text``, if one does.

    >>> dominant_function_words("Der Stadtrat hat am Dienstag mit großer Mehrheit beschlossen, dass die "
    ...                         "neue Brücke über den Fluss noch in diesem Jahr gebaut werden soll.")
    'de'
    """
    tokens = _TOKEN.findall(text.casefold())
    if len(tokens) < MIN_CHECK_TOKENS:
        return None
    shares = sorted(((sum(t in words for t in tokens) / len(tokens), lang) for lang, words in STOPWORDS.items()))
    (second, _), (best, language) = shares[-2], shares[-1]
    return language if best >= DOMINANT_SHARE and best >= DOMINANCE * second else None


def uses_function_words(text: str, language: str) -> bool:
    """Whether ``text`` reads like ``language``; True for a language without a word list.

    >>> uses_function_words("The council said on Monday that it was not yet ready to hold the vote, "
    ...                     "and that the plan for the new bridge would have to wait.", "en")
    True
    >>> uses_function_words("O conselho disse na segunda-feira que ainda não estava pronto para a votação, "
    ...                     "e que o plano da nova ponte teria de esperar mais um pouco.", "en")
    False
    """
    words = STOPWORDS.get(language)
    if not words:
        return True
    tokens = _TOKEN.findall(text.casefold())
    if len(tokens) < MIN_CHECK_TOKENS:
        return True
    return sum(t in words for t in tokens) >= FUNCTION_WORD_SHARE * len(tokens)


def _sample(page: Page) -> str:
    prose = [b.text for b in page.blocks if b.words >= SAMPLE_MIN_WORDS] or [b.text for b in page.blocks]
    return " ".join(prose)[:SAMPLE_CHARS]


def detect_text(text: str) -> tuple[str | None, float]:
    """The language of ``text`` and langdetect's probability for it; seeded, so repeatable.

    >>> detect_text("Die Regierung hat am Dienstag neue Maßnahmen für den Klimaschutz beschlossen.")[0]
    'de'
    """
    if len(text.strip()) < MIN_SAMPLE_CHARS:
        return None, 0.0
    detector = _factory().create()
    detector.append(text[:SAMPLE_CHARS])
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, 0.0
    return normalize_tag(best.lang), float(best.prob)


@cache
def _factory() -> DetectorFactory:
    """langdetect's profiles, loaded on first use (a quarter second) and never changed after."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0
    return factory
