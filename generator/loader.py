"""Load and merge bank folders into one validated Bank.

Folders are read in order: the shipped bank first, then any local overlays. In a later folder,
an item whose id already exists replaces it (keeping its place in the order), a new id is added
at the end, and `hide:` removes items that earlier folders defined. Within one folder an id may
appear only once per section, so a typo cannot silently replace another item.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator import checks, parse_cache
from generator.errors import BankError, Problem, display_path
from generator.model import Bank, Item
from generator.schema import HIDE, SECTIONS, TOP_LEVEL_KEYS, check_item, show
from generator.yaml_source import Mapping, Sequence, read_bank_file

BANK_SUFFIXES = (".yml", ".yaml")


@dataclass
class _Folder:
    """What one folder contributes: its items per section, and the ids it hides."""

    items: dict[str, dict[str, Item]] = field(default_factory=dict)
    hides: list[tuple[str, str, Path, int]] = field(default_factory=list)


def bank_files(folder: Path) -> list[Path]:
    """Every YAML file under `folder`, in a stable order so builds are reproducible."""
    files = [p for p in folder.rglob("*") if p.suffix in BANK_SUFFIXES and p.is_file()]
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def load_bank(folders: Iterable[Path]) -> Bank:
    """Read, merge and check the folders; raise BankError listing every problem found."""
    # Loading makes many small objects and no reference cycles, so the cyclic garbage
    # collector's passes over the growing heap are pure cost (about a third of the time).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_bank(folders)
    finally:
        if enabled:
            gc.enable()


def _load_bank(folders: Iterable[Path]) -> Bank:
    folders = list(folders)
    problems: list[Problem] = []
    merged: dict[str, dict[str, Item]] = {name: {} for name in SECTIONS}
    for folder in folders:
        if not folder.is_dir():
            problems.append(Problem(folder, 0, "bank folder not found"))
            continue
        contribution = _read_folder(folder, problems)
        for name, items in contribution.items.items():
            merged[name].update(items)  # dict.update keeps a replaced item in its place
        for section, ident, path, line in contribution.hides:
            if merged[section].pop(ident, None) is None:
                message = f"hide: no {SECTIONS[section].singular} {ident!r} to hide"
                problems.append(Problem(path, line, message))
    if not folders:
        raise BankError([Problem(Path("."), 0, "no bank folder given")])
    if problems:  # references would only repeat errors about items that failed to load
        raise BankError(problems)
    bank = Bank.from_sections(merged)
    problems.extend(checks.check_references(bank))
    if not problems:
        problems.extend(checks.check_coverage(bank, folders[-1]))
    if problems:
        raise BankError(problems)
    return bank


def _read_folder(folder: Path, problems: list[Problem]) -> _Folder:
    result = _Folder()
    for path in bank_files(folder):
        try:
            document = _parsed(path)
        except BankError as error:
            problems.extend(error.problems)
            continue
        if not isinstance(document, Mapping):
            message = "expected a mapping with keys such as 'questions:' at the top of the file"
            line = getattr(document, "line", 1)
            problems.append(Problem(path, line, f"{message} but received: {show(document)}"))
            continue
        for key, value in document.items():
            line = document.key_lines[key]
            if key == HIDE:
                result.hides.extend(_read_hide(value, path, line, problems))
            elif key in SECTIONS:
                _read_section(key, value, path, line, result, problems)
            else:
                message = f"unknown section {key!r}. Expected one of: {TOP_LEVEL_KEYS}"
                problems.append(Problem(path, line, message))
    return result


def _parsed(path: Path) -> object:
    data = read_bank_file(path)
    document = parse_cache.read(data)
    if document is None:
        from generator.yaml_parse import parse_yaml  # noqa: PLC0415 - PyYAML only when needed

        document = parse_yaml(path, data)
        parse_cache.write(data, document)
    return document


def _read_section(
    name: str, value: object, path: Path, line: int, into: _Folder, problems: list[Problem]
) -> None:
    if not isinstance(value, Sequence):
        problems.append(Problem(path, line, f"{name}: expected a list but received: {show(value)}"))
        return
    section = SECTIONS[name]
    items = into.items.setdefault(name, {})
    for item, item_line in zip(value, value.item_lines, strict=True):
        values, found = check_item(section, item, path, item_line)
        problems.extend(found)
        if values is None:
            continue
        ident = values["id"]
        if ident in items:
            first = items[ident].origin
            message = (
                f"duplicate {section.singular} id {ident!r} "
                f"(first defined at {display_path(first.path)}:{first.line})"
            )
            problems.append(Problem(path, values["origin"].line_of("id"), message))
            continue
        items[ident] = section.model(**values)


def _read_hide(
    value: object, path: Path, line: int, problems: list[Problem]
) -> list[tuple[str, str, Path, int]]:
    if not isinstance(value, Mapping):
        message = (
            f"hide: expected a mapping such as 'questions: [some-id]' but received: {show(value)}"
        )
        problems.append(Problem(path, line, message))
        return []
    hides = []
    for section, ids in value.items():
        key_line = value.key_lines[section]
        if section not in SECTIONS:
            message = f"hide: unknown section {section!r}. Expected one of: {sorted(SECTIONS)}"
            problems.append(Problem(path, key_line, message))
            continue
        if not isinstance(ids, Sequence) or not all(isinstance(i, str) for i in ids):
            message = f"hide.{section}: expected a list of ids but received: {show(ids)}"
            problems.append(Problem(path, key_line, message))
            continue
        for ident, id_line in zip(ids, ids.item_lines, strict=True):
            hides.append((section, ident, path, id_line))
    return hides
