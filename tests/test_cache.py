"""The disk cache: what it saves is really used, gives the same results, and is never stale."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import cache_store, pdf
from generator.errors import BankError
from generator.loader import load_bank
from generator.model import SECTION_NAMES, Bank
from generator.pages import cached_site_pages, sheet_document
from generator.tailor import SheetRequest, build_sheet
from tests.conftest import ROOT, copy_project, mkdocs_command, run


def _everything(bank: Bank) -> list[tuple]:
    return [(name, list(getattr(bank, name).items())) for name in SECTION_NAMES]


def _refuse(what: str):
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError(f"{what} although the cache holds the answer")

    return refuse


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("INFOINTERVIEW_CACHE_DIR", str(folder))
    return folder


def test_an_unchanged_bank_is_neither_parsed_nor_checked_again(
    cache: Path, bank_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_bank([bank_copy])
    assert len(list(cache.glob("bank-*.pickle"))) == 1
    monkeypatch.setattr("generator.yaml_parse.parse_yaml", _refuse("parsed"))
    monkeypatch.setattr("generator.loader.check_item", _refuse("checked"))
    again = load_bank([bank_copy])
    assert _everything(again) == _everything(first)
    assert again.fingerprint == first.fingerprint != ""


def test_a_copied_bank_is_the_same_bank(
    cache: Path, bank_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_bank([bank_copy])
    moved = shutil.copytree(bank_copy, tmp_path / "elsewhere" / "bank")
    monkeypatch.setattr("generator.loader.check_item", _refuse("checked"))
    assert _everything(load_bank([moved])) == _everything(first)
    with pytest.raises(AssertionError, match="checked"):  # two folders are not one
        load_bank([moved, bank_copy])


def test_after_an_edit_only_the_edited_file_is_parsed(
    cache: Path, bank_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_bank([bank_copy])
    goals = bank_copy / "goals.yml"
    goals.write_text(goals.read_text().replace("title: Exploring a field", "title: Looking around"))
    parsed = []
    real = __import__("generator.yaml_parse", fromlist=["parse_yaml"]).parse_yaml
    monkeypatch.setattr("generator.yaml_parse.parse_yaml",
                        lambda path, data: parsed.append(path.name) or real(path, data))
    again = load_bank([bank_copy])
    assert again.goals["explore"].title == "Looking around"
    assert again.fingerprint != first.fingerprint
    assert parsed == ["goals.yml"]


def test_a_bank_with_problems_is_never_cached(cache: Path, bank_copy: Path) -> None:
    goals = bank_copy / "goals.yml"
    goals.write_text(goals.read_text().replace("  - id: explore\n", "  - id: explore\n    colour: red\n", 1))
    for _ in range(2):  # reported again, not remembered
        with pytest.raises(BankError, match="unknown key 'colour'"):
            load_bank([bank_copy])
    assert list(cache.glob("bank-*")) == []


def test_damaged_entries_are_made_again(cache: Path, bank_copy: Path) -> None:
    first = load_bank([bank_copy])
    for entry in [*cache.glob("bank-*.pickle"), *cache.glob("parsed-*.json")]:
        entry.write_bytes(entry.read_bytes()[:40])
    assert _everything(load_bank([bank_copy])) == _everything(first)
    assert len(list(cache.glob("bank-*.pickle"))) == 1


def test_an_empty_setting_turns_the_cache_off(
    tmp_path: Path, bank_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INFOINTERVIEW_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_store.cache_dir() is None
    bank = load_bank([bank_copy])
    assert cached_site_pages(bank)["sheets/explore.md"]
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


def test_a_folder_others_can_write_to_is_not_used(cache: Path, bank_copy: Path) -> None:
    # Pickles and compiled templates run code when loaded: another user must not plant them.
    cache.mkdir()
    cache.chmod(0o777)
    assert cache_store.private_dir() is None
    load_bank([bank_copy])
    assert list(cache.iterdir()) == []
    cache.chmod(0o755)
    load_bank([bank_copy])
    assert list(cache.glob("bank-*.pickle"))


def test_a_folder_owned_by_someone_else_is_not_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cache_store.private_dir() == cache
    me = os.getuid()
    monkeypatch.setattr(cache_store.os, "getuid", lambda: me + 1)
    assert cache_store.private_dir() is None


def test_a_new_folder_is_private(cache: Path) -> None:
    assert cache_store.private_dir() == cache
    assert cache.stat().st_mode & 0o777 == 0o700


def test_only_the_most_recently_used_entries_are_kept(cache: Path) -> None:
    for number in range(cache_store.KEEP_ENTRIES):
        cache_store.write(f"demo-{number}.bin", b"x")
        os.utime(cache / f"demo-{number}.bin", (1_000_000 + number,) * 2)
    assert cache_store.read("demo-0.bin") == b"x"  # the oldest, now used again
    cache_store.write("demo-new.bin", b"y")
    cache_store.write("other-1.bin", b"z")  # another kind is counted on its own
    kept = sorted(path.name for path in cache.glob("demo-*"))
    assert len(kept) == cache_store.KEEP_ENTRIES
    assert "demo-0.bin" in kept and "demo-new.bin" in kept and "demo-1.bin" not in kept
    assert (cache / "other-1.bin").exists()


def test_entries_beyond_the_size_limit_are_dropped_but_never_the_newest(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_store, "KEEP_BYTES", 25)
    for number in range(3):
        cache_store.write(f"big-{number}.bin", b"x" * 10)
        os.utime(cache / f"big-{number}.bin", (1_000_000 + number,) * 2)
    assert sorted(path.name for path in cache.glob("big-*")) == ["big-1.bin", "big-2.bin"]
    cache_store.write("big-huge.bin", b"x" * 100)
    assert [path.name for path in cache.glob("big-*")] == ["big-huge.bin"]


def test_site_pages_come_from_the_cache_while_the_bank_is_unchanged(
    cache: Path, bank_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = load_bank([bank_copy])
    first = cached_site_pages(bank, downloads=True)
    monkeypatch.setattr("generator.pages.site_pages", _refuse("rendered"))
    assert cached_site_pages(load_bank([bank_copy]), downloads=True) == first
    with pytest.raises(AssertionError, match="rendered"):  # links to PDFs or not: another entry
        cached_site_pages(bank, downloads=False)


def test_a_bank_made_without_the_loader_is_not_cached(cache: Path, bank_copy: Path) -> None:
    bank = load_bank([bank_copy])
    unnamed = Bank.from_sections({name: getattr(bank, name) for name in SECTION_NAMES})
    assert cached_site_pages(unnamed) == cached_site_pages(bank)
    assert len(list(cache.glob("pages-*.pickle"))) == 1


def test_a_pdf_is_rendered_once_for_the_same_html(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = load_bank([ROOT / "question_bank"])
    html = sheet_document(build_sheet(bank, SheetRequest(goal="explore")))
    first = pdf.pdf_bytes(html)
    assert first.startswith(b"%PDF") and len(list(cache.glob("pdf-*.pdf"))) == 1
    monkeypatch.setattr(pdf, "_made", {})  # as a new process would start
    monkeypatch.setattr(pdf, "_render", _refuse("rendered"))
    assert pdf.pdf_bytes(html) == first
    with pytest.raises(AssertionError, match="rendered"):
        pdf.pdf_bytes(html.replace("Question sheet", "Question list"))


def test_an_edited_template_reaches_the_next_build(tmp_path: Path) -> None:
    """The pages cache is keyed by the templates too, so a warm cache is never stale."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"

    def build() -> None:
        result = run(mkdocs_command(project, site), cwd=project, INFOINTERVIEW_PDF="false")
        assert result.returncode == 0, result.stderr

    build()
    template = project / "generator" / "templates" / "sheet_body.html.j2"
    text = template.read_text(encoding="utf-8")
    marker = "</header>"
    assert marker in text
    template.write_text(text.replace(marker, f"{marker}<p>Edited template</p>", 1), encoding="utf-8")
    build()
    assert "<p>Edited template</p>" in (site / "sheets" / "explore.html").read_text(encoding="utf-8")
