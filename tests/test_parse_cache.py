"""The parse cache: a second load reads it, gives the same bank, and survives damage."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator import parse_cache
from generator.loader import load_bank
from generator.model import Bank


def _everything(bank: Bank) -> list[tuple]:
    """Every item with its origin (file and lines), which equality of items leaves out."""
    return [
        (dataclasses.astuple(item), item.origin.line, dict(item.origin.key_lines))
        for field in dataclasses.fields(bank)
        for item in getattr(bank, field.name).values()
    ]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("INFOINTERVIEW_CACHE_DIR", str(folder))
    return folder


def test_second_load_reads_the_cache_and_gives_the_same_bank(cache: Path, bank_copy: Path) -> None:
    first = load_bank([bank_copy])
    entries = sorted(cache.glob("parsed-v*.json"))
    assert len(entries) == len(list(bank_copy.rglob("*.yml")))
    again = load_bank([bank_copy])
    assert _everything(again) == _everything(first)


def test_a_cached_parse_is_really_used(cache: Path, bank_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_bank([bank_copy])

    def refuse(*_: object) -> None:
        raise AssertionError("parsed although the cache holds the file")

    monkeypatch.setattr("generator.yaml_parse.parse_yaml", refuse)
    assert load_bank([bank_copy]).questions


def test_an_edited_file_is_parsed_again(cache: Path, bank_copy: Path) -> None:
    load_bank([bank_copy])
    goals = bank_copy / "goals.yml"
    goals.write_text(goals.read_text().replace("title: Exploring a field", "title: Looking around"))
    assert load_bank([bank_copy]).goals["explore"].title == "Looking around"


def test_a_damaged_entry_is_ignored(cache: Path, bank_copy: Path) -> None:
    first = load_bank([bank_copy])
    for entry in cache.glob("parsed-v*.json"):
        entry.write_text('{"m": 1, "k": [["id", "not a line"')
    assert _everything(load_bank([bank_copy])) == _everything(first)


def test_an_empty_setting_turns_the_cache_off(
    tmp_path: Path, bank_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INFOINTERVIEW_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert parse_cache.cache_dir() is None
    assert load_bank([bank_copy]).questions
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()
