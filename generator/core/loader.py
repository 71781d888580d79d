"""Load and merge bank folders into one validated Bank.

Folders are read in order: the shipped bank first, then any local overlays. In a later folder,
an item whose id already exists replaces it (keeping its place in the order), a new id is added
at the end, and `hide:` removes items that earlier folders defined. Within one folder an id may
appear only once per section, so a typo cannot silently replace another item.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.core import checks, coverage
from generator.core.bank_translations import TRANSLATIONS
from generator.core.errors import BankError, Problem, display_path
from generator.core.hiding import HideEntry, blame_hides, follow_hides, follow_recipes
from generator.core.model import Bank, Item, Question
from generator.core.renames import Rename, Renames, check_renames, collect, read_renamed
from generator.core.schema import (
    HIDE,
    RENAMED,
    SECTIONS,
    TOP_LEVEL_KEYS,
    by_section,
    check_item,
    show,
)
from generator.core.yaml_parse import parse_yaml
from generator.core.yaml_source import YamlList, YamlMapping, read_bank_file

BANK_SUFFIXES = (".yml", ".yaml")


@dataclass
class _Folder:
    """What one folder contributes: its items per section, and the ids it hides."""

    items: dict[str, dict[str, Item]] = field(default_factory=dict)
    hides: list[HideEntry] = field(default_factory=list)
    renames: list[Rename] = field(default_factory=list)


def bank_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Every YAML file under `folder`, in a stable order so builds are reproducible, and the
    problems met on the way: an unreadable folder, and links that lead out of the bank folder
    (a link to /proc/self/environ or a .env file must never be read, let alone quoted)."""
    root = folder.resolve()
    files: list[Path] = []
    problems: list[Problem] = []

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        problems.append(Problem(where, 0, f"cannot read the folder: {error.strerror}"))

    for parent, subfolders, names in os.walk(folder, onerror=unreadable):
        subfolders.sort()
        if Path(parent) == folder and TRANSLATIONS in subfolders:
            subfolders.remove(TRANSLATIONS)  # words in other languages: bank_translations.py
        for name in [*subfolders]:
            path = Path(parent, name)
            if path.is_symlink():  # os.walk does not follow links to folders: say so
                subfolders.remove(name)
                problems.append(Problem(path, 0, (
                    "is a link to a folder, which is not read; put the files in the bank folder"
                )))
        for name in names:
            path = Path(parent, name)
            if not name.lower().endswith(BANK_SUFFIXES):
                continue
            if path.is_symlink() and not _inside(path.resolve(), root):
                problems.append(Problem(path, 0, (
                    "is a link to a file outside the bank folder, which is not read"
                )))
                continue
            files.append(path)
    files.sort(key=lambda p: p.relative_to(folder).as_posix())
    return files, problems


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def load_bank(folders: Iterable[Path]) -> Bank:
    """Read, merge and check the folders; raise BankError listing every problem found."""
    folders = list(folders)
    return _load_bank(folders, [_read_files(folder) for folder in folders])


# What reading one file gave: its bytes, or the problem that stopped it.
_FileRead = tuple[Path, bytes] | tuple[Path, BankError]


def _read_files(folder: Path) -> list[_FileRead] | None:
    if not folder.is_dir():
        return None
    paths, problems = bank_files(folder)
    found: list[_FileRead] = [(problem.path, BankError([problem])) for problem in problems]
    for path in paths:
        try:
            found.append((path, read_bank_file(path)))
        except BankError as error:
            found.append((path, error))
    return found


def _load_bank(folders: list[Path], files: list[list[_FileRead] | None]) -> Bank:
    problems: list[Problem] = []
    contributions: list[_Folder] = []
    for folder, found in zip(folders, files, strict=True):
        if found is None:
            problems.append(Problem(folder, 0, "bank folder not found"))
            continue
        contributions.append(_read_folder(found, problems))
    if not folders:
        raise BankError([Problem(Path("."), 0, "no bank folder given")])
    merge = _merge(contributions, problems)
    renames = collect(merge.renamed, problems)
    problems.extend(check_renames(renames, merge.items, merge.hidden))
    if problems:  # references would only repeat errors about items that failed to load
        raise BankError(problems)
    bank, problems = _finish(merge, renames, folders[-1])
    if problems and merge.hides:
        # The guide's own files cannot be edited: what only hiding breaks is reported at the
        # centre's `hide:` lines (generator/core/hiding.py).
        problems = blame_hides(problems, merge.hides, lambda hides: _finish(
            _merge(contributions, [], hides), renames, folders[-1])[1])
    if problems:
        raise BankError(problems)
    return bank


@dataclass
class _Merged:
    """The folders merged in order: items, renames, what `hide:` took out and where."""

    items: dict[str, dict[str, Item]]
    renamed: list[Rename] = field(default_factory=list)
    hidden: set[tuple[str, str]] = field(default_factory=set)
    hides: list[HideEntry] = field(default_factory=list)  # the entries that hid an item
    asked: set[str] = field(default_factory=set)  # every kind a question of some folder asks
    # Every question before any was hidden: what the goals' and roles' recipes could ask.
    questions: dict[str, Item] = field(default_factory=dict)


def _merge(contributions: list[_Folder], problems: list[Problem],
           only: list[HideEntry] | None = None) -> _Merged:
    """Merge the folders; `only`: apply just these `hide:` entries (to see what they do)."""
    merged = _Merged({name: {} for name in SECTIONS})
    for contribution in contributions:
        # Earlier folders' renames explain this folder's old ids (an overlay meets the guide's).
        merged.renamed.extend(contribution.renames)
        renames = collect(merged.renamed, [])
        for name, items in contribution.items.items():
            merged.items[name].update(items)  # dict.update keeps a replaced item in its place
        questions = contribution.items.get("questions", {})
        merged.questions.update(questions)
        merged.asked.update(q.kind for q in questions.values() if isinstance(q, Question))
        for entry in contribution.hides:
            if only is not None and entry not in only:
                continue
            section, ident, path, line = entry
            if merged.items[section].pop(ident, None) is None:
                rename = renames.get(section, {}).get(ident)
                message = (f"hide: {rename.hint()}" if rename else
                           f"hide: no {SECTIONS[section].singular} {ident!r} to hide")
                problems.append(Problem(path, line, message))
            else:
                merged.hidden.add((section, ident))
                merged.hides.append(entry)
    return merged


def _finish(merge: _Merged, renames: Renames, folder: Path) -> tuple[Bank, list[Problem]]:
    """The merged bank with its hides followed, and the problems of the whole bank."""
    merged = {name: dict(items) for name, items in merge.items.items()}
    hidden = merge.hidden
    # What the hidden items' ids leave behind in the guide's own files, which a centre cannot edit.
    hidden = follow_hides(merged, {h for h in hidden if h[1] not in merged[h[0]]})
    # A kind whose every question a centre hid (a category, say) goes with them, so the
    # recipes skip it instead of failing check for a kind nothing can ask any more.
    left = {q.kind for q in merged["questions"].values() if isinstance(q, Question)}
    if emptied := {("kinds", kind)
                   for kind in merge.asked - left if merged["kinds"].pop(kind, None)}:
        hidden = follow_hides(merged, hidden | emptied)
    if hidden:
        follow_recipes(merged, merge.questions)
    bank = Bank.from_sections(merged, frozenset(hidden))
    problems = [*checks.check_references(bank, renames), *checks.check_anchors(bank)]
    if not problems:
        # Last, whether sheets can be made at all: a question of the selection rules.
        problems.extend(coverage.coverage_problems(bank, folder))
    return bank, problems


def _read_folder(found: list[_FileRead], problems: list[Problem]) -> _Folder:
    result = _Folder()
    for read in found:
        path, data = read
        if isinstance(data, BankError):
            problems.extend(data.problems)
            continue
        try:
            document = parse_yaml(path, data)
        except BankError as error:
            problems.extend(error.problems)
            continue
        if not isinstance(document, YamlMapping):
            message = "expected a mapping with keys such as 'questions:' at the top of the file"
            line = getattr(document, "line", 1)
            problems.append(Problem(path, line, f"{message} but received: {show(document)}"))
            continue
        for key, value in document.items():
            line = document.key_lines[key]
            if key == HIDE:
                result.hides.extend(_read_hide(value, path, line, problems))
            elif key == RENAMED:
                result.renames.extend(read_renamed(value, path, line, problems))
            elif key in SECTIONS:
                _read_section(key, value, path, line, result, problems)
            else:
                message = f"unknown section {key!r}. Expected one of: {TOP_LEVEL_KEYS}"
                problems.append(Problem(path, line, message))
    return result


def _read_section(
    name: str, value: object, path: Path, line: int, into: _Folder, problems: list[Problem]
) -> None:
    if not isinstance(value, YamlList):
        problems.append(Problem(path, line, f"{name}: expected a list but received: {show(value)}"))
        return
    section = SECTIONS[name]
    items = into.items.setdefault(name, {})
    for item, item_line in zip(value, value.item_lines, strict=True):
        made, found = check_item(section, item, path, item_line)
        problems.extend(found)
        if made is None:
            continue
        ident, origin = made.id, made.origin
        if ident in items:
            first = items[ident].origin
            assert first is not None  # every item the loader made carries its origin
            message = (
                f"duplicate {section.singular} id {ident!r} "
                f"(first defined at {display_path(first.path)}:{first.line})"
            )
            problems.append(Problem(path, origin.line_of("id"), message))
            continue
        items[ident] = made


def _read_hide(
    value: object, path: Path, line: int, problems: list[Problem]
) -> list[HideEntry]:
    hides: list[HideEntry] = []
    for section, ids, key_line in by_section(HIDE, "questions: [some-id]", value, path, line,
                                             problems):
        if not isinstance(ids, YamlList) or not all(isinstance(i, str) for i in ids):
            message = f"hide.{section}: expected a list of ids but received: {show(ids)}"
            problems.append(Problem(path, key_line, message))
            continue
        for ident, id_line in zip(ids, ids.item_lines, strict=True):
            hides.append((section, ident, path, id_line))
    return hides
