"""The bank in other languages: translation files beside the English ones, by id.

Why a parallel file per language, holding only words (`<bank>/translations/fr/questions/
opening.yml`: `questions: {opening-explain-job: {text: ..., why: ..., probes: [...]}}`):
- the English file stays the one place for what decides a sheet (goals, roles, kinds, priority),
  so a translator cannot change which questions a sheet holds: ids are shared, and the French
  sheet is the English sheet, word for word translated, by construction;
- bank authors keep editing readable English files, and a translator works through one file per
  English file, in the same order;
- a centre's overlay folder can carry its own `translations/` for its own items.

The text fields are the ones the model declares as text (Text, Block, Texts): declared once in
model.py, found here. A translation applies only to an item defined in its own folder or an
earlier one: when an overlay rewrites a shipped question, the shipped French of the old wording
must not be shown under the new one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.core.errors import BankError, Problem, display_path
from generator.core.languages import SOURCE_LANGUAGE
from generator.core.model import SECTIONS, Bank, Item
from generator.core.value_types import Block, Invalid, Text, Texts, field_specs, show
from generator.core.yaml_parse import parse_yaml
from generator.core.yaml_source import YamlMapping, read_bank_file

TRANSLATIONS = "translations"  # <bank folder>/translations/<language code>/...
MISSING_CHOICES = ("fail", "english")


def text_fields(model: type) -> list[str]:
    """The fields of a bank item that are words to translate, as model.py declares them."""
    return [name for name, spec in field_specs(model).items()
            if isinstance(spec.value_type, (Text, Block, Texts))]


@dataclass(frozen=True)
class Translated:
    """A bank in one language: its items with translated words, the problems of the
    translation files, and each English text left untranslated (at the English `path:line`)."""

    bank: Bank
    problems: list[Problem]
    missing: list[Problem]


# (section, id) -> field -> (value, folder index, path, line)
_Words = dict[tuple[str, str], dict[str, tuple[Any, int, Path, int]]]


def translate_bank(bank: Bank, folders: Sequence[Path], code: str) -> Translated:
    """`bank` (read from `folders`) with the words of language `code` put in."""
    problems: list[Problem] = []
    words: _Words = {}
    for index, folder in enumerate(folders):
        root = folder / TRANSLATIONS / code
        for path in sorted(root.rglob("*.y*ml")) if root.is_dir() else []:
            if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
                problems.append(Problem(path, 0, "is a link to a file outside the bank folder, "
                                                 "which is not read"))
                continue
            _read(path, index, bank, words, problems)
    sections: dict[str, dict[str, Item]] = {}
    missing: list[Problem] = []
    for name in SECTIONS:
        items: dict[str, Item] = dict(getattr(bank, name))
        fields = text_fields(SECTIONS[name].model)
        for ident, item in items.items():
            defined_in = _folder_index(item, folders)
            found = words.get((name, ident), {})
            changes = {}
            for field in fields:
                if getattr(item, field) in (None, ()):
                    continue
                entry = found.get(field)
                if entry is not None and entry[1] >= defined_in:
                    changes[field] = entry[0]
                elif item.origin is not None:
                    missing.append(Problem(item.origin.path, item.origin.line_of(field), (
                        f"{SECTIONS[name].singular} {ident!r}: {field} has no {code!r} "
                        f"translation; add it under {name}: {ident}: {field}: in "
                        f"{display_path(_expected_file(item, folders, code))}")))
            if changes:
                items[ident] = dataclasses.replace(item, **changes)
        sections[name] = items
    return Translated(Bank.from_sections(sections, bank.hidden), problems, missing)


def bank_in_language(bank: Bank, folders: Sequence[Path], code: str,
                     missing_translations: str = "fail") -> Translated:
    """The bank as a build or a command shows it in language `code`, by the one rule both
    follow: a problem in a translation file always stops them; a text with no translation stops
    them too, unless the site chose `missing_translations: english` (then it is shown in
    English, and `missing` lists it). Raises BankError."""
    if code == SOURCE_LANGUAGE:
        return Translated(bank, [], [])
    translated = translate_bank(bank, folders, code)
    problems = [*translated.problems,
                *(translated.missing if missing_translations == "fail" else [])]
    if problems:
        raise BankError(problems)
    return translated


def _read(path: Path, index: int, bank: Bank, words: _Words, problems: list[Problem]) -> None:
    try:
        document = parse_yaml(path, read_bank_file(path))
    except Exception as error:
        problems.extend(getattr(error, "problems", [Problem(path, 0, str(error))]))
        return
    if not isinstance(document, YamlMapping):
        problems.append(Problem(path, 1, "expected a mapping with keys such as 'questions:' "
                                         f"but received: {show(document)}"))
        return
    for name, entries in document.items():
        line = document.key_lines[name]
        if name not in SECTIONS:
            problems.append(Problem(path, line, f"unknown section {name!r}. Expected one of: "
                                                f"{sorted(SECTIONS)}"))
            continue
        if not isinstance(entries, YamlMapping):
            problems.append(Problem(path, line, f"{name}: expected a mapping from id to the "
                                                f"translated fields but received: {show(entries)}"))
            continue
        section = SECTIONS[name]
        specs = field_specs(section.model)
        fields = text_fields(section.model)
        known = getattr(bank, name)
        for ident, values in entries.items():
            id_line = entries.key_lines[ident]
            if ident not in known:
                if (name, ident) not in bank.hidden:
                    problems.append(Problem(path, id_line, (
                        f"{name}: no {section.singular} {ident!r} in the bank to translate")))
                continue
            if not isinstance(values, YamlMapping):
                problems.append(Problem(path, id_line, f"{name}.{ident}: expected a mapping of "
                                                       f"fields but received: {show(values)}"))
                continue
            for field, value in values.items():
                field_line = values.key_lines[field]
                if field not in fields:
                    problems.append(Problem(path, field_line, (
                        f"{name}.{ident}.{field}: not a text field to translate. Expected one "
                        f"of: {fields}")))
                    continue
                try:
                    converted = specs[field].value_type.convert(value)
                except Invalid as error:
                    problems.append(Problem(path, field_line, f"{name}.{ident}.{field}: {error}"))
                    continue
                english = getattr(known[ident], field)
                if isinstance(english, tuple) and len(converted) != len(english):
                    problems.append(Problem(path, field_line, (
                        f"{name}.{ident}.{field}: {len(converted)} items, but the English has "
                        f"{len(english)}; translate each one, in the same order")))
                    continue
                words.setdefault((name, ident), {})[field] = (converted, index, path, field_line)


def _folder_index(item: Item, folders: Sequence[Path]) -> int:
    origin = item.origin
    for index in range(len(folders) - 1, -1, -1):
        if origin is not None and origin.path.resolve().is_relative_to(folders[index].resolve()):
            return index
    return 0


def _expected_file(item: Item, folders: Sequence[Path], code: str) -> Path:
    """Where the translation of `item` belongs: its English file's path, under translations/."""
    assert item.origin is not None
    folder = folders[_folder_index(item, folders)]
    try:
        relative = item.origin.path.resolve().relative_to(folder.resolve())
    except ValueError:
        return folder / TRANSLATIONS / code
    return folder / TRANSLATIONS / code / relative
