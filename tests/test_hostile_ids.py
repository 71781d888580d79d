"""Ids that become values in a page (issue 23, class 7): file names, anchors, filter values and
the sheet maker's values. Every value the pages reserve is refused as an id, by `check` with
its line, and the pages reserve nothing the model does not know about."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.core.loader import load_bank
from generator.core.model import (
    NO_INDUSTRY,
    QUESTION_ANCHOR,
    RESERVED_GOAL_IDS,
    RESERVED_INDUSTRY_IDS,
)
from generator.site.site_pages import site_pages
from tests.conftest import BANK, run_cli

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


class _Selects(HTMLParser):
    """The option values of every <select>, by its name."""

    def __init__(self) -> None:
        super().__init__()
        self.name: str | None = None
        self.values: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "select":
            self.name = found.get("name")
            self.values[self.name or ""] = []
        elif tag == "option" and self.name is not None:
            self.values[self.name].append(found.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.name = None


def _selects(html: str) -> dict[str, list[str]]:
    parser = _Selects()
    parser.feed(html)
    return parser.values


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return site_pages(load_bank([BANK]))


def test_the_pages_reserve_only_values_the_model_refuses_as_ids(pages: dict[str, str]) -> None:
    bank = load_bank([BANK])
    # File names: every page in sheets/ that is not a goal's sheet is a reserved goal id.
    others = {Path(path).stem for path in pages
              if path.startswith("sheets/") and Path(path).stem not in bank.goals}
    assert others and others <= set(RESERVED_GOAL_IDS)
    # Filter and sheet maker values: besides the ids, only "" (any) and the reserved ones.
    ids = {"goal": bank.goals, "role": bank.roles, "format": bank.formats,
           "industry": bank.industries}
    reserved = {"industry": set(RESERVED_INDUSTRY_IDS)}
    for path in ("questions/index.md", "sheets/make.md"):
        selects = _selects(pages[path])
        assert selects, path
        for name, values in selects.items():
            if name not in ids:
                continue
            extra = {value for value in values if value not in ids[name]} - {""}
            assert extra <= reserved.get(name, set()), (path, name, extra)
    assert NO_INDUSTRY in _selects(pages["questions/index.md"])["industry"]
    # Anchors: each question's, as the model names it.
    anchors = re.findall(r'id="(q-[^"]+)"', pages["questions/index.md"])
    assert sorted(anchors) == sorted(QUESTION_ANCHOR.format(q) for q in bank.questions)


def _bank(tmp_path: Path, old: str, new: str, extra: str = "") -> Path:
    bank = Path(shutil.copytree(MINIMAL, tmp_path / "bank"))
    text = (bank / "bank.yml").read_text(encoding="utf-8")
    assert old in text
    (bank / "bank.yml").write_text(text.replace(old, new) + extra, encoding="utf-8")
    return bank


def _line(bank: Path, text: str) -> int:
    lines = (bank / "bank.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


@pytest.mark.parametrize("section, ident", [("goals", "index"), ("goals", "make"),
                                            ("industries", NO_INDUSTRY)])
def test_an_id_a_page_reserves_is_refused_at_its_line(
    tmp_path: Path, section: str, ident: str
) -> None:
    if section == "goals":
        bank = _bank(tmp_path, "  - id: explore\n", f"  - id: {ident}\n")
    else:
        bank = _bank(tmp_path, "", "", extra=(
            f"industries:\n  - id: {ident}\n    title: None at all\n"
            "    description: An industry named like the filter's value.\n"))
    result = run_cli("check", "--bank", str(bank))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"bank.yml:{_line(bank, f'id: {ident}')}: id: {ident!r} is reserved by the site's "
            "pages; choose another id") in result.stderr


def test_a_category_title_that_takes_a_questions_anchor_is_refused(tmp_path: Path) -> None:
    bank = _bank(tmp_path, "    title: The work\n", "    title: Q Q1!\n")
    result = run_cli("check", "--bank", str(bank))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"bank.yml:{_line(bank, 'title: Q Q1!')}: title: its heading's anchor #q-q1 on the "
            "question bank page is the anchor of question 'q1'; change the title") in result.stderr
