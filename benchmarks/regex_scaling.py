"""Run with ``python -m pytest benchmarks/regex_scaling.py`` (minutes; not part of the suite yet:
issue 7 will make it fast enough for CI and give anchored patterns their own mode).

Every regular expression newsparse compiles, against the inputs that make a backtracking
engine slow: long runs of what its quantifiers accept, ending in what makes the match fail.
Ten times the input may cost about ten times the time, never a hundred."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import time

import pytest

import newsparse
from newsparse.rules import LANGUAGES, Rules, rules_for

# Runs of these (spaces, letters, digits, separators, name-like and date-like pieces) are
# what the patterns' quantified classes accept; the tails make the match fail at the end.
# (The runs that made _SEGMENT_END, the name separator and the vote pattern quadratic were
# spaces and digits; a broader set of 30 units found nothing more and takes minutes.)
UNITS = ("a", " ", "1", "a ", "1,", "Aa ", "Jo Li, ")
TAILS = ("", "\x00")
SMALL, LARGE = 500, 5_000
# The ratio allowed for ten times the input: linear with room for timer noise.
MAX_RATIO = 15
# Below this a search is too fast to time: it cannot be the quadratic kind at this size
# (a quadratic search over 5,000 characters takes tens of milliseconds and up).
NOISE_FLOOR = 0.001
SKIPPED_MODULES = ("newsparse.__main__", "newsparse.dask")


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for module in pkgutil.walk_packages(newsparse.__path__, "newsparse."):
        if module.name in SKIPPED_MODULES:
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, re.Pattern):
                found[f"{module.name}.{name}"] = value
    for language in (*LANGUAGES, None):
        _rules_patterns(rules_for(language), found)
    # Languages share most patterns: each distinct one once.
    distinct = {(p.pattern, p.flags): name for name, p in sorted(found.items(), reverse=True)}
    return {name: found[name] for name in distinct.values()}


def _rules_patterns(rules: Rules, found: dict[str, re.Pattern[str]]) -> None:
    for field in dataclasses.fields(rules):
        value = getattr(rules, field.name)
        items = value if isinstance(value, tuple) else (value,)
        for i, item in enumerate(items):
            if isinstance(item, re.Pattern):
                found.setdefault(f"{'+'.join(rules.languages[:2])}.{field.name}[{i}]", item)


PATTERNS = _patterns()


def _cost(pattern: re.Pattern[str], text: str, runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        pattern.search(text)
        best = min(best, time.perf_counter() - start)
    return best


def test_every_pattern_is_found() -> None:
    assert len(PATTERNS) > 100  # module patterns and every language's rules


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_search_time_grows_linearly(name: str) -> None:
    pattern = PATTERNS[name]
    for unit in UNITS:
        for tail in TAILS:
            large = _cost(pattern, unit * (LARGE // len(unit)) + tail, runs=1)
            if large < NOISE_FLOOR:
                continue
            small = _cost(pattern, unit * (SMALL // len(unit)) + tail)
            assert large / small <= MAX_RATIO, f"{unit!r} * n + {tail!r}: {small:.4f} s -> {large:.4f} s"
