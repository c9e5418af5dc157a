"""The documented ways to use newsparse, written as a user's typed code would be.

``mypy --strict`` checks this file with the rest of the tests (CI's ``mypy`` step): were
``record.ok`` typed ``bool``, ``record.article`` below would not type-check.
"""

from __future__ import annotations

from collections.abc import Iterable

import newsparse
from conftest import SEED


def headlines(records: Iterable[newsparse.Parsed | newsparse.Failure]) -> tuple[list[str], list[str]]:
    """The loop of docs/batch.md: ``if record.ok`` narrows each record to its type."""
    found: list[str] = []
    errors: list[str] = []
    for record in records:
        if record.ok:
            found.append(record.article.headline or "")
        else:
            errors.append(f"{record.source}: {record.error}: {record.message}")
    return found, errors


def test_the_documented_loop_runs_and_type_checks() -> None:
    records = newsparse.parse_many([SEED / "input.txt", b"\x00\x01\x02"], workers=0)
    found, errors = headlines(records)
    assert found == ["Azerbaijan and Armenia resume armed clashes"]
    assert errors == ["<input 1>: DecodeError: input looks binary: 3 control characters in its first 3"]
