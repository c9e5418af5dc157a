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

# A sentence of article prose per language, for invented pages.
PROSE = {
    "en": "The council met on the evening before and agreed the plan for the harbour after a long debate.",
    "de": "Der Gemeinderat hat am Abend zuvor nach einer langen Debatte den Plan für den Hafen beschlossen.",
    "fr": "Le conseil municipal a adopté la veille au soir le projet du port après un long débat entre les élus.",
    "es": "El pleno aprobó anoche el plan del puerto después de un largo debate entre los grupos municipales.",
    "it": "Il consiglio comunale ha approvato ieri sera il piano per il porto dopo un lungo dibattito in aula.",
    "pt": "A câmara aprovou ontem à noite o plano do porto depois de um longo debate entre os vereadores.",
    "pl": "Rada miasta przyjęła wczoraj wieczorem plan dla portu po długiej debacie wszystkich radnych.",
    "ru": "Городской совет вчера вечером после долгих споров утвердил план реконструкции старого порта.",
}


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
