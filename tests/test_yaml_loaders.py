"""libyaml's C parser is used when PyYAML has it, and gives what the pure-Python one gives:
the same values, the same line numbers, the same problems."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.core import yaml_parse
from generator.core.errors import BankError
from generator.core.yaml_source import YamlList, YamlMapping
from tests.conftest import BANK


def _parse_both(path: Path, data: bytes, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    results = []
    for loader in (yaml.CSafeLoader, yaml.SafeLoader):
        monkeypatch.setattr(yaml_parse, "_Loader", loader)
        try:
            document = yaml_parse.parse_yaml(path, data)
        except BankError as error:
            results.append(("error", error.report()))
        else:
            results.append(_with_lines(document))
    return results


def _with_lines(value: object) -> object:
    """Every value with the lines the parser recorded for it, to compare in one assert."""
    if isinstance(value, YamlMapping):
        items = [(key, value.key_lines[key], _with_lines(item)) for key, item in value.items()]
        return ("mapping", value.line, items)
    if isinstance(value, YamlList):
        return ("list", value.line, value.item_lines, [_with_lines(item) for item in value])
    return (type(value).__name__, value)


def test_the_c_parser_is_used_when_pyyaml_has_it() -> None:
    assert yaml.__with_libyaml__, "PyYAML was built without libyaml: loading is several times slower"
    assert yaml_parse._Loader is yaml.CSafeLoader


@pytest.mark.parametrize("path", sorted(BANK.rglob("*.yml")), ids=lambda p: p.name)
def test_both_parsers_give_the_same_values_and_lines(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, slow = _parse_both(path, path.read_bytes(), monkeypatch)
    assert fast == slow


@pytest.mark.parametrize("text", [
    "questions: &anchor\n  - id: a\nroles: *anchor\n",
    "key: value\nkey: again\n",
    "goals:\n  - id: a\n    when: !!python/name:os.system\n",
])
def test_both_parsers_report_the_same_problem(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, slow = _parse_both(tmp_path / "bank.yml", text.encode(), monkeypatch)
    assert fast == slow
    assert fast[0] == "error"


@pytest.mark.parametrize(("text", "line"), [
    ("questions:\n  - id: a\n    text: [unclosed\n", 4),
    ("goals:\n  - id: a\n  title: b\n", 3),
])
def test_both_parsers_find_a_syntax_error_on_the_same_line(
    text: str, line: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The wording after "YAML syntax error:" is each parser's own; the place is the same.
    fast, slow = _parse_both(tmp_path / "bank.yml", text.encode(), monkeypatch)
    prefix = f"bank.yml:{line}: YAML syntax error: while parsing"
    assert fast[0] == slow[0] == "error"
    assert prefix in fast[1] and prefix in slow[1]
