"""Shared helpers: the fixture pages, one folder each with an input and its expected JSON."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The benchmarks' scorer is shared with the tests that compare two doors' bodies.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "seed-azerbaijan-armenia-clashes"


@dataclass(frozen=True)
class Fixture:
    name: str
    input: Path
    expected: dict[str, Any]


def fixtures(kind: str) -> list[Fixture]:
    """Every fixture folder whose input is ``input.<kind>`` (txt or html)."""
    found = []
    for folder in sorted(FIXTURES.iterdir()):
        source = folder / f"input.{kind}"
        if source.is_file():
            found.append(Fixture(folder.name, source, json.loads((folder / "expected.json").read_text("utf-8"))))
    return found
