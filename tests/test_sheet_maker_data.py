"""The sheet maker's data: built from tailor alone, small, reproducible and safe to embed."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import pytest
import yaml

from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import suits
from generator.site.sheet_maker import (
    DATA_PATH,
    DIGITS,
    SUITS_PATH,
    data_assets,
    maker_data,
    suits_data,
)
from generator.site.site_pages import site_pages
from tests.conftest import BANK
from tests.maker_cases import every_choice, expected

FIXTURE = Path(__file__).parent / "fixtures" / "maker"


@pytest.fixture(scope="module", params=["shipped", "fixture"])
def bank(request: pytest.FixtureRequest) -> Bank:
    return load_bank([BANK if request.param == "shipped" else FIXTURE])


def _numbers(text: str, digits: int) -> list[int]:
    """sheet-lookup.js's `numbers`: base64 digits, `digits` to a number."""
    values = []
    for at in range(0, len(text), digits):
        value = 0
        for digit in text[at:at + digits]:
            value = value * 64 + DIGITS.index(digit)
        values.append(value)
    return values


def _patch(base: list[int], changes: list[int]) -> list[int]:
    """sheet-lookup.js's `patch`: runs of (keep, drop, add, the added numbers) on `base`."""
    values, at, k = [], 0, 0
    while k < len(changes):
        keep, drop, add = changes[k:k + 3]
        values += base[at:at + keep] + changes[k + 3:k + 3 + add]
        at += keep + drop
        k += 3 + add
    return values + base[at:]


def _tables(data: dict) -> tuple[list[int], list[list[list[int]]], list[list[int]]]:
    """sheet-lookup.js's `decode`: the sheets, selections and alternatives as numbers."""
    digits = data["digits"]
    alternatives: list[list[int]] = []
    for item in data["alternatives"]:
        alternatives.append(_numbers(item, digits) if isinstance(item, str)
                            else _patch(alternatives[item[0]], _numbers(item[1], digits)))
    selections = [[_numbers(part, digits) for part in selection.split(" ")]
                  for selection in data["selections"]]
    return _numbers(data["sheets"], digits), selections, alternatives


def _decode(bank: Bank, data: dict, choice: dict[str, str],
            tables: tuple[list[int], list[list[list[int]]], list[list[int]]]) -> dict:
    """Read a choice out of the tables (`_tables` of `data`) the way the page's script does
    (index arithmetic only)."""
    g, r = list(bank.goals).index(choice["goal"]), list(bank.roles).index(choice["role"])
    f = list(bank.formats).index(choice["format"])
    i = list(bank.industries).index(choice["industry"]) + 1 if choice["industry"] else 0
    m = data["minutes"].index(int(choice["minutes"]))
    key = ((g * len(bank.roles) + r) * (len(bank.industries) + 1) + i) * len(data["minutes"]) + m
    sheets, selections, alternatives = tables
    questions, extras, closing, [topic], [swaps] = selections[sheets[key]]
    ids = data["ids"]
    form = data["formats"][f]
    return {
        "questions": [ids[n] for n in questions], "extras": [ids[n] for n in extras],
        "closing": [ids[n] for n in closing], "reminders": form["reminderIds"],
        "after": form["afterIds"], "topics": data["topics"][topic],
        "alternatives": [ids[n] for n in alternatives[swaps]],
        "plan": [int(choice["minutes"]), *data["plans"][m][:3]],
    }


def test_the_tables_give_build_sheets_answer_for_every_choice(bank: Bank) -> None:
    data = maker_data(bank)
    assert data["ids"] == list(bank.questions)
    tables = _tables(data)
    wrong = [c for c in every_choice(bank) if _decode(bank, data, c, tables) != expected(bank, c)]
    assert not wrong, f"{len(wrong)} choices differ, first {wrong[0]}"


def test_identical_selections_are_stored_once(bank: Bank) -> None:
    data = maker_data(bank)
    keys = [json.dumps(s) for s in data["selections"]]
    assert len(keys) == len(set(keys))
    sheets, _, _ = _tables(data)
    # What Swap may bring in depends on the goal, role and industry, not on the length.
    assert len(data["alternatives"]) < len(sheets)


def test_numbers_take_the_fewest_digits_and_lists_are_written_as_changes_when_shorter(
    bank: Bank,
) -> None:
    data = maker_data(bank)
    sheets, _, alternatives = _tables(data)
    # The largest number is below the count of questions or of sheets (selections, topics and
    # alternatives are no more than sheets).
    largest = max(len(bank.questions), len(sheets))
    assert 64 ** (data["digits"] - 1) <= largest < 64 ** data["digits"]
    # An industry adds its own questions to a goal and role's list: at least half the lists
    # are written as changes, each to a list written in full.
    patched = [item for item in data["alternatives"] if not isinstance(item, str)]
    assert len(patched) >= len(data["alternatives"]) / 2
    assert all(isinstance(data["alternatives"][base], str) for base, _ in patched)
    assert len(set(map(tuple, alternatives))) == len(alternatives)


def test_the_suits_sets_are_tailors_suits_rule(bank: Bank) -> None:
    data = suits_data(bank)
    questions = list(bank.questions.values())
    for g_index, goal in enumerate(bank.goals):
        for r_index, role in enumerate(bank.roles):
            for i_index, industry in enumerate([None, *bank.industries]):
                key = (g_index * (len(bank.roles) + 1) + r_index) * (len(bank.industries) + 2)
                bits = base64.b64decode(data["sets"][data["index"][key + i_index]])
                shown = [q.id for n, q in enumerate(questions) if bits[n // 8] >> (n % 8) & 1]
                request = SheetRequest(goal=goal, role=role, industry=industry)
                assert shown == [q.id for q in questions if suits(q, request)], (goal, role, industry)


def test_every_question_is_rendered_once_and_escaped() -> None:
    bank = load_bank([FIXTURE])
    data = maker_data(bank)
    assert len(data["questions"]) == len(bank.questions)
    script = data_assets(bank)[DATA_PATH]
    assert "<script>" not in script and "</script>" not in script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in script
    assert 'id=\\"q-b1\\"' in script  # closing asks use the closing template


def test_the_data_is_the_same_bytes_every_time() -> None:
    bank = load_bank([BANK])
    assert data_assets(bank) == data_assets(load_bank([BANK]))


def test_the_shipped_banks_page_data_is_under_150_kb_gzipped() -> None:
    assets = data_assets(load_bank([BANK]))
    size = sum(len(gzip.compress(assets[path].encode())) for path in (DATA_PATH, SUITS_PATH))
    assert size < 150_000, size


def test_the_site_has_the_maker_page_and_its_data() -> None:
    pages = site_pages(load_bank([BANK]))
    assert {"sheets/make.md", DATA_PATH, SUITS_PATH} <= set(pages)
    assert "bank-suits.js" in pages["questions/index.md"]
    # The sheet maker loads bank-suits.js only when its question finder is first used.
    scripts = yaml.safe_load(pages["sheets/make.md"].split("---\n")[1])["scripts"]
    assert DATA_PATH in scripts and SUITS_PATH not in scripts
    assert f'data-ii-maker-suits="../{SUITS_PATH}"' in pages["sheets/make.md"]
