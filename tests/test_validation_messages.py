"""One test per validation message: the exact text, file and line a career-centre editor sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.errors import BankError
from generator.core.loader import load_bank

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "bank.yml"


def problems_after(tmp_path: Path, old: str, new: str, extra: dict[str, str] | None = None):
    """Load the minimal bank with one edit (and extra files); return (file, line, message)s."""
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text, f"fixture does not contain {old!r}"
    (tmp_path / "bank.yml").write_text(text.replace(old, new, 1), encoding="utf-8")
    for name, content in (extra or {}).items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank([tmp_path])
    return [(p.path.name, p.line, p.message) for p in caught.value.problems]


def line_of(text: str) -> int:
    """The line of the minimal bank that contains `text`."""
    for number, line in enumerate(MINIMAL.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(text)


def test_minimal_bank_is_valid() -> None:
    bank = load_bank([MINIMAL.parent])
    assert list(bank.goals) == ["explore"]
    assert len(bank.questions) == 9


def test_unknown_key_suggests_the_close_one(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "priority: core, why: To see the work.",
                          "prority: core, why: To see the work.") == [
        ("bank.yml", line_of("id: q1,"), "question 'q1' is missing the required key 'priority'"),
        ("bank.yml", line_of("id: q1,"), "unknown key 'prority' (did you mean 'priority'?)"),
    ]


def test_unknown_key_lists_the_known_ones(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "    title: In person\n", "    title: In person\n    colour: red\n") == [
        ("bank.yml", line_of("title: In person") + 1,
         "unknown key 'colour'. Expected one of: ['description', 'id', 'title']"),
    ]


def test_missing_required_key(tmp_path: Path) -> None:
    assert problems_after(tmp_path, " why: For referrals.,", "") == [
        ("bank.yml", line_of("id: ask,"), "question 'ask' is missing the required key 'why'"),
    ]


def test_wrong_choice_quotes_the_choices_and_the_value(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "category: closing, priority: core", "category: closing, priority: high") == [
        ("bank.yml", line_of("id: ask,"),
         "priority: Expected one of: ['core', 'optional'] but received: 'high'"),
    ]


def test_text_of_the_wrong_type(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "text: Who else should I talk to?", "text: [a, b]") == [
        ("bank.yml", line_of("id: ask,"), "text: expected text but received: a list"),
    ]


def test_empty_text(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "text: Who else should I talk to?", "text: '  '") == [
        ("bank.yml", line_of("id: ask,"), "text: must not be empty"),
    ]


def test_bad_id(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "{id: ask,", "{id: Ask_Me,") == [
        ("bank.yml", line_of("id: ask,"),
         "id: expected lowercase letters, digits and hyphens (like 'my-id') but received: 'Ask_Me'"),
    ]


def test_duplicate_id_in_one_folder(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "{id: q2,", "{id: q1,") == [
        ("bank.yml", line_of("id: q2,"), "duplicate question id 'q1' (first defined at "
         f"{_display(tmp_path / 'bank.yml')}:{line_of('id: q1,')})"),
    ]


def _display(path: Path) -> str:
    from generator.core.errors import display_path

    return display_path(path)


def test_reference_to_an_unknown_category(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "category: closing, priority: core", "category: closin, priority: core") == [
        ("bank.yml", line_of("id: ask,"),
         "category: unknown category 'closin'. Expected one of: ['work', 'closing']"),
    ]


def test_reference_to_an_unknown_goal(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "{id: q1, text:", "{id: q1, goals: [student], text:") == [
        ("bank.yml", line_of("id: q1,"), "goals: unknown goal 'student'. Expected one of: ['explore']"),
    ]


def test_suits_field_must_be_a_list_or_all(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "{id: q1, text:", "{id: q1, roles: manager, text:") == [
        ("bank.yml", line_of("id: q1,"),
         "roles: expected a list or 'all' but received: 'manager'"),
    ]


def test_boolean_field(tmp_path: Path) -> None:
    tips = "tips:\n  - {id: t, kind: do, stage: before, text: Be early., on_sheet: sometimes}\n"
    assert problems_after(tmp_path, "roles:", "roles:", {"tips.yml": tips}) == [
        ("tips.yml", 2, "on_sheet: expected true or false but received: 'sometimes'"),
    ]


def test_item_that_is_not_a_mapping(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "formats:\n  - id: in-person", "formats:\n  - in-person\n  - id: in-person") == [
        ("bank.yml", line_of("formats:") + 1,
         "formats: each item must be a mapping (key: value) but received: 'in-person'"),
    ]


def test_section_that_is_not_a_list(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "roles:", "roles:", {"more.yml": "industries: technology\n"}) == [
        ("more.yml", 1, "industries: expected a list but received: 'technology'"),
    ]


def test_unknown_section(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "roles:", "roles:", {"more.yml": "question:\n  - {}\n"}) == [
        ("more.yml", 1, "unknown section 'question'. Expected one of: ['avoid', 'benefits', "
         "'categories', 'formats', 'goals', 'hide', 'industries', 'kinds', 'questions', 'renamed', 'roles', 'steps', "
         "'templates', 'tips']"),
    ]


def test_top_level_list(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "roles:", "roles:", {"more.yml": "- a\n- b\n"}) == [
        ("more.yml", 1, "expected a mapping with keys such as 'questions:' at the top of the file "
         "but received: a list"),
    ]


def test_too_few_questions_for_a_sheet(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "  - {id: q8, text: What should I read next?, category: work, "
                          "priority: optional, why: For resources., kind: k-q8}\n", "") == [
        ("bank.yml", line_of("- id: explore"),
         "goal 'explore' has questions of only 7 kinds for role 'practitioner'; "
         "a 30-minute sheet asks 8 kinds, one question each"),
    ]


def test_goal_without_a_closing_question(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "category: closing, priority: core", "category: work, priority: core") == [
        ("bank.yml", line_of("- id: explore"),
         "goal 'explore' has no closing question for role 'practitioner'"),
    ]


def test_missing_default_role(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "  - id: practitioner", "  - id: worker") == [
        (tmp_path.name, 0, "the bank has no role 'practitioner'; the site's sheets use it"),
    ]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    found = problems_after(
        tmp_path, "category: closing, priority: core, why: For referrals.",
        "category: closing, priority: high, why: ''",
    )
    assert [message for _, _, message in found] == [
        "priority: Expected one of: ['core', 'optional'] but received: 'high'",
        "why: must not be empty",
    ]


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(BankError) as caught:
        load_bank([tmp_path / "nowhere"])
    assert [p.message for p in caught.value.problems] == ["bank folder not found"]


def test_text_longer_than_its_limit_is_refused_with_the_count(tmp_path: Path) -> None:
    # A long text once made a PDF take minutes to lay out; every text field has a bound.
    long = "word " * 100
    assert problems_after(tmp_path, "text: What do you do on a normal day?", f"text: {long}") == [
        ("bank.yml", line_of("id: q1,"), "text: must be at most 200 characters but has 499"),
    ]


def test_a_goal_id_that_names_a_page_of_the_site_is_reserved(tmp_path: Path) -> None:
    problems = problems_after(tmp_path, "  - id: explore\n", "  - id: index\n")
    assert ("bank.yml", line_of("id: explore"),
            "id: 'index' is reserved by the site's pages; choose another id "
            "(reserved: ['index', 'make'])") in problems


def test_a_number_beyond_its_limit_is_refused(tmp_path: Path) -> None:
    extra = {"steps.yml": "steps:\n  - {id: s, title: S, text: T, phase: opening, "
                          "minutes: 1000000000000000000000000000}\n"}
    assert problems_after(tmp_path, "x", "x", extra) == [
        ("steps.yml", 2, "minutes: must be at most 90 but received: 1000000000000000000000000000"),
    ]
