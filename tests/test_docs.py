"""The docs keep up with the code: every rule name ``Article.removed`` can carry is in the
rule table of docs/overview.md, and every name there is one the code still emits."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "newsparse"
OVERVIEW = ROOT / "docs" / "overview.md"
# Where a rule name is given: a Removal's second argument (or rule=), a NoiseRule's first (or name=).
RULE_ARGUMENT = {"Removal": (1, "rule"), "NoiseRule": (0, "name")}
# layout._removals writes f"boilerplate.extra_{mark.kind}" for a field mark the layout did not claim;
# CONTENT never gets there (the branch tests `mark is not CONTENT`).
NOT_AN_EXTRA_KIND = "content"
_RULE_NAME = re.compile(r"[a-z]+\.\w+")

Located = tuple[str, ast.AST]  # "filters/noise.py:26" and the node there


def _nodes(package: Path) -> list[Located]:
    """Every node of the package's source, with the file and line it is on."""
    found: list[Located] = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            found.append((f"{path.relative_to(package)}:{getattr(node, 'lineno', 0)}", node))
    return found


def _called(node: ast.AST) -> str:
    func = node.func if isinstance(node, ast.Call) else None
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _text(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _rule_arguments(nodes: list[Located]) -> list[tuple[str, ast.expr]]:
    """The expressions giving the rule name in Removal and NoiseRule calls. A call passing none
    (``Removal(**r)``, a dict read back) gives nothing."""
    found = []
    for where, call in nodes:
        if isinstance(call, ast.Call) and _called(call) in RULE_ARGUMENT:
            position, keyword = RULE_ARGUMENT[_called(call)]
            given = call.args[position] if len(call.args) > position else None
            given = given or next((k.value for k in call.keywords if k.arg == keyword), None)
            found += [(where, given)] if given is not None else []
    return found


def _extra_kinds(nodes: list[Located]) -> set[str]:
    """The kinds of the Marks that carry no removal of their own: those that can become an extra."""
    marks = [n for _, n in nodes if isinstance(n, ast.Call) and _called(n) == "Mark" and n.args]
    kinds = {_text(call.args[0]) for call in marks if not any(k.arg == "removal" for k in call.keywords)}
    return {kind for kind in kinds if kind is not None} - {NOT_AN_EXTRA_KIND}


def _expanded(fstring: ast.JoinedStr, kinds: set[str]) -> set[str] | None:
    """The names an f-string like ``f"boilerplate.extra_{mark.kind}"`` makes; None for any other shape."""
    parts = fstring.values
    prefix = _text(parts[0]) if len(parts) == 2 else None
    placeholder = parts[1].value if len(parts) == 2 and isinstance(parts[1], ast.FormattedValue) else None
    if prefix is not None and isinstance(placeholder, ast.Attribute) and placeholder.attr == "kind":
        return {prefix + kind for kind in kinds}
    return None


def _families(arguments: list[tuple[str, ast.expr]]) -> tuple[str, ...]:
    """The part before the dot ("noise", "boilerplate", "parser") of the names given in the calls."""
    starts = [_text(a.values[0] if isinstance(a, ast.JoinedStr) else a) for _, a in arguments]
    return tuple(sorted({start.split(".")[0] for start in starts if start and "." in start}))


def emitted_rules(package: Path = PACKAGE) -> tuple[set[str], list[str]]:
    """Every rule name the package's source can put in a Removal, and the places where one is
    made in a way this test cannot read (so that a new way fails the test, not slips by).

    Names are read wherever they are written, not only in the calls, so that a name kept in a
    constant first is found too. A call may pass a name along (``rule.name``, or ``rule`` read
    back from a row); any other expression there is unreadable."""
    nodes = _nodes(package)
    arguments = _rule_arguments(nodes)
    readable = (ast.Constant, ast.JoinedStr, ast.Name, ast.Attribute)
    unreadable = [f"{where}: {ast.unparse(a)}" for where, a in arguments if not isinstance(a, readable)]
    names, fstrings = _written_names(nodes, _families(arguments), _extra_kinds(nodes))
    return names, unreadable + fstrings


def _written_names(nodes: list[Located], families: tuple[str, ...], kinds: set[str]) -> tuple[set[str], list[str]]:
    """Every string literal of a rule family ("noise.symbols"), and the names of every f-string
    that opens with one; with the f-strings of a shape ``_expanded`` cannot read."""
    family = f"(?:{'|'.join(families)})\\."
    rule_literal, rule_prefix = re.compile(family + r"\w+"), re.compile(family)
    # An f-string's literal parts are nodes too: "boilerplate.extra_" is no rule by itself.
    in_fstrings = {id(part) for _, node in nodes if isinstance(node, ast.JoinedStr) for part in node.values}
    names: set[str] = set()
    unreadable = []
    for where, node in nodes:
        literal = None if id(node) in in_fstrings else _text(node)
        if literal is not None and rule_literal.fullmatch(literal):
            names.add(literal)
        elif isinstance(node, ast.JoinedStr) and node.values and rule_prefix.match(_text(node.values[0]) or ""):
            found = _expanded(node, kinds)
            names |= found or set()
            unreadable += [f"{where}: {ast.unparse(node)}"] if found is None else []
    return names, unreadable


def documented_rules(markdown: str) -> set[str]:
    """The backticked names in the first column of the table headed ``| rule | drops |``."""
    table = markdown.split("| rule | drops |", 1)[1].split("\n\n", 1)[0]
    first_cells = [line.split("|")[1] for line in table.splitlines() if line.startswith("|")]
    return {name for cell in first_cells for name in re.findall(r"`([^`]+)`", cell) if _RULE_NAME.fullmatch(name)}


def test_every_rule_the_code_emits_is_documented() -> None:
    emitted, unreadable = emitted_rules()
    assert not unreadable, f"rule names made in a way tests/test_docs.py cannot read: {unreadable}"
    missing = emitted - documented_rules(OVERVIEW.read_text("utf-8"))
    assert not missing, f"add these rules to the table in docs/overview.md: {sorted(missing)}"


def test_every_documented_rule_is_still_emitted() -> None:
    stale = documented_rules(OVERVIEW.read_text("utf-8")) - emitted_rules()[0]
    assert not stale, f"docs/overview.md names rules the code no longer emits: {sorted(stale)}"


def test_the_collector_reads_every_form_a_rule_name_takes() -> None:
    emitted, _ = emitted_rules()
    # One of each: a NoiseRule, a Removal's literal, a Removal built from a mark's kind, a repair.
    one_of_each = {"noise.vote_widget", "boilerplate.before_article", "boilerplate.extra_date", "parser.deep_nesting"}
    assert one_of_each <= emitted


def test_a_new_rule_fails_until_documented(tmp_path: Path) -> None:
    (tmp_path / "new_filter.py").write_text(
        "Removal(text, 'noise.brand_new', 'detail')\n"
        "NoiseRule(name='noise.another_one', concept='x', closes_article=False)\n"
        "KEPT = 'noise.kept_in_a_constant'\n"
        "Removal(text, rule_for(text), 'detail')\n"
        "Removal(text, f'noise.{text}', 'detail')\n"
        "Removal(text='', rule=rule, detail='')\n"  # a rule read back from a row: not a new one
    )
    emitted, unreadable = emitted_rules(tmp_path)
    assert emitted == {"noise.brand_new", "noise.another_one", "noise.kept_in_a_constant"}
    assert unreadable == ["new_filter.py:4: rule_for(text)", "new_filter.py:5: f'noise.{text}'"]
    assert not emitted & documented_rules(OVERVIEW.read_text("utf-8"))
