"""A release renames an id; a centre's overlay written for the older release still names it.
Every place the old id appears gets a message naming the new one, at the overlay's own line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

OLD, NEW = "story-how-started", "story-first-steps"


@pytest.fixture
def upgraded(bank_copy: Path) -> Path:
    """The shipped bank as a release that renamed one question and one category would ship it."""
    story = bank_copy / "questions" / "story.yml"
    story.write_text(story.read_text("utf-8").replace(f"id: {OLD}", f"id: {NEW}"), "utf-8")
    for path in bank_copy.rglob("*.yml"):
        text = path.read_text("utf-8")
        path.write_text(text.replace("category: story\n", "category: life-story\n")
                        .replace("- id: story\n", "- id: life-story\n"), "utf-8")
    goals = bank_copy / "goals.yml"
    goals.write_text(goals.read_text("utf-8").replace(" story,", " life-story,")
                     .replace("[story", "[life-story").replace(" story]", " life-story]"), "utf-8")
    (bank_copy / "renamed.yml").write_text(
        f"renamed:\n  questions:\n    {OLD}: {NEW}\n  categories:\n    story: life-story\n",
        "utf-8")
    assert check(bank_copy).returncode == 0, check(bank_copy).stderr
    return bank_copy


def check(*banks: Path) -> object:
    return run_cli("check", *(arg for bank in banks for arg in ("--bank", str(bank))))


def overlay(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "ours"
    folder.mkdir(parents=True)
    (folder / "ours.yml").write_text(text, "utf-8")
    return folder


def test_replacing_a_renamed_question_names_the_new_id_at_the_overlays_line(
    upgraded: Path, tmp_path: Path,
) -> None:
    ours = overlay(tmp_path, f"questions:\n  - id: {OLD}\n    text: How did you start?\n"
                   "    category: life-story\n    kind: path-in\n    priority: core\n    why: Routes in.\n")
    result = check(upgraded, ours)
    assert result.returncode == 1
    assert (f"ours/ours.yml:2: the question {OLD!r} was renamed {NEW!r}; write {NEW!r} to "
            "replace it, or choose another id for a new question") in result.stderr
    assert "Traceback" not in result.stderr


def test_hiding_a_renamed_question_names_the_new_id(upgraded: Path, tmp_path: Path) -> None:
    ours = overlay(tmp_path, f"hide:\n  questions: [{OLD}]\n")
    result = check(upgraded, ours)
    assert result.returncode == 1
    assert (f"ours/ours.yml:2: hide: the question {OLD!r} was renamed {NEW!r}; write {NEW!r}"
            in result.stderr)
    fixed = overlay(tmp_path / "fixed", f"hide:\n  questions: [{NEW}]\n")
    assert check(upgraded, fixed).returncode == 0


def test_a_question_in_a_renamed_category_names_the_new_category(
    upgraded: Path, tmp_path: Path,
) -> None:
    ours = overlay(tmp_path, "questions:\n  - id: our-own\n    text: What surprised you?\n"
                   "    category: story\n    kind: surprises\n    priority: core\n    why: Honest answers.\n")
    result = check(upgraded, ours)
    assert result.returncode == 1
    assert ("ours/ours.yml:4: category: unknown category 'story'; the category 'story' was "
            "renamed 'life-story'; write 'life-story'") in result.stderr


def test_a_rename_to_an_id_that_does_not_exist_is_reported_where_it_is_recorded(
    bank_copy: Path,
) -> None:
    (bank_copy / "renamed.yml").write_text(
        "renamed:\n  questions:\n    gone-question: never-written\n", "utf-8")
    result = check(bank_copy)
    assert result.returncode == 1
    assert ("renamed.yml:3: renamed.questions: no question 'never-written' to rename to"
            in result.stderr)


@pytest.mark.parametrize(("text", "line", "message"), [
    ("renamed: [a, b]\n", 1,
     "renamed: expected a mapping such as 'questions: {old-id: new-id}' but received: a list"),
    ("renamed:\n  question:\n    a: b\n", 2,
     "renamed: unknown section 'question'. Expected one of:"),
    ("renamed:\n  questions: [a]\n", 2,
     "renamed.questions: expected a mapping of old id to new id"),
    ("renamed:\n  questions:\n    Old Id: new-id\n", 3, "renamed.questions: "),
    ("renamed:\n  questions:\n    same: same\n", 3,
     "renamed.questions: 'same' is renamed to itself"),
])
def test_a_malformed_renamed_section_is_reported_at_its_line(
    bank_copy: Path, text: str, line: int, message: str,
) -> None:
    (bank_copy / "renamed.yml").write_text(text, "utf-8")
    result = check(bank_copy)
    assert result.returncode == 1
    assert f"renamed.yml:{line}: {message}" in result.stderr, result.stderr


def test_the_shipped_bank_records_its_renames_and_they_are_valid() -> None:
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
