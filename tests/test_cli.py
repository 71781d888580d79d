"""The `infointerview` command end to end, as a fresh process, the way a reader runs it."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.core.loader import load_bank
from tests.conftest import BANK, ROOT, run, run_cli


def test_check_passes_on_the_shipped_bank() -> None:
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    bank = load_bank([BANK])
    assert result.stdout.startswith(f"The question bank is valid: {len(bank.questions)} questions")


def test_check_lists_every_problem_with_its_source_line(bank_copy: Path) -> None:
    story = bank_copy / "questions" / "story.yml"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("priority: core", "priority: urgent", 1), encoding="utf-8")
    (bank_copy / "extra.yml").write_text("goals:\n  - id: x\n", encoding="utf-8")
    result = run_cli("check", "--bank", str(bank_copy))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "priority: core" in t)
    assert any(line_.endswith(f"story.yml:{line}: priority: Expected one of: ['core', 'optional'] "
                          "but received: 'urgent'") for line_ in lines)
    assert "        priority: urgent" in lines  # the offending line is shown under its message
    assert any(line_.endswith("extra.yml:2: goal 'x' is missing the required key 'title'") for line_ in lines)
    assert lines[-1] == "Found 4 problems in the question bank."
    assert "Traceback" not in result.stderr


def test_list_prints_ids_and_titles() -> None:
    result = run_cli("list", "goals")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "explore        Exploring a field",
        "career-change  Changing careers",
        "student        Student or new graduate",
        "job-search     Searching for a job",
    ]
    assert run_cli("list", "formats").stdout.split()[::3] == ["in-person", "video", "phone"]


def test_list_refuses_an_unknown_section() -> None:
    result = run_cli("list", "colours")
    assert result.returncode == 2
    assert "'colours' is not one of 'goals', 'roles', 'formats', 'industries', 'kinds', 'categories'" in result.stderr


def test_sheet_prints_markdown() -> None:
    result = run_cli("sheet", "--goal", "career-change", "--minutes", "30")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "# Question sheet: Changing careers"
    numbered = [t for t in lines if t[:1].isdigit() and ". [ ] " in t]
    assert len(numbered) == 8  # 6 prepared questions and 2 if time allows
    assert "## Closing (about 3 minutes)" in lines


def test_python_dash_m_and_the_installed_command_agree() -> None:
    installed = Path(sys.executable).parent / "infointerview"
    args = ["sheet", "--goal", "student", "--role", "recruiter", "--format", "phone"]
    assert run([str(installed), *args]).stdout == run_cli(*args).stdout


def test_unknown_goal_lists_the_valid_ones() -> None:
    result = run_cli("sheet", "--goal", "retire")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: unknown goal 'retire'. Expected one of: ['explore', 'career-change', 'student', "
        "'job-search']"
    )


def test_minutes_out_of_range() -> None:
    result = run_cli("sheet", "--goal", "explore", "--minutes", "120")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "Error: minutes must be between 10 and 90 but received: 120"


def test_output_file_type_follows_the_extension(tmp_path: Path) -> None:
    for name in ("sheet.md", "sheet.html"):
        result = run_cli("sheet", "--goal", "job-search", "--output", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "sheet.md").read_text().startswith("# Question sheet: Searching for a job")
    html = (tmp_path / "sheet.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert "<title>Question sheet: Searching for a job (30 minutes)</title>" in html


def test_unsupported_output_type(tmp_path: Path) -> None:
    result = run_cli("sheet", "--goal", "explore", "--output", str(tmp_path / "sheet.docx"))
    assert result.returncode == 2
    assert "Expected a file ending in one of: ['.md', '.html', '.pdf']" in result.stderr
    assert not (tmp_path / "sheet.docx").exists()


def test_overlay_adds_replaces_and_hides(tmp_path: Path) -> None:
    overlay = tmp_path / "our_bank"
    overlay.mkdir()
    (overlay / "local.yml").write_text(
        """
goals:
  - id: graduate-school
    title: Choosing a graduate programme
    description: You are deciding whether further study would help.
    emphasis: Ask how further study changed their work.
    kinds: [path-in, keep-up-reading, hard-parts, typical-day, best-parts, key-skills, ways-in,
            qualifications, career-path, advice-in-my-place, who-else, stay-in-touch]
questions:
  - id: story-how-started
    text: How did you first get into this line of work, in your own words?
    category: story
    kind: path-in
    priority: core
    why: Replaced by the career centre.
  - id: local-alumni-network
    text: How has our alumni network helped you in your work?
    category: resources
    kind: keep-up-reading
    goals: [graduate-school]
    priority: core
    why: Our alumni are our best resource.
hide:
  questions: [opening-introducer]
""",
        encoding="utf-8",
    )
    bank_args = ["--bank", str(BANK), "--bank", str(overlay)]
    assert run_cli("check", *bank_args).returncode == 0
    assert "graduate-school  Choosing a graduate programme" in run_cli("list", "goals", *bank_args).stdout
    bank = load_bank([BANK, overlay])
    assert "opening-introducer" not in bank.questions
    assert bank.questions["story-how-started"].why == "Replaced by the career centre."
    shipped = list(load_bank([BANK]).questions)
    # A replaced question keeps its place; a hidden one is gone; a new one comes last.
    assert list(bank.questions) == [q for q in shipped if q != "opening-introducer"] + [
        "local-alumni-network"]
    sheet = run_cli("sheet", "--goal", "graduate-school", "--minutes", "60", *bank_args).stdout
    assert "How has our alumni network helped you in your work?" in sheet


def test_hiding_an_unknown_id_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "local.yml").write_text("hide:\n  questions: [no-such-question]\n", encoding="utf-8")
    result = run_cli("check", "--bank", str(BANK), "--bank", str(tmp_path))
    assert result.returncode == 1
    assert "local.yml:2: hide: no question 'no-such-question' to hide" in result.stderr


def test_pages_writes_every_page(tmp_path: Path) -> None:
    result = run_cli("pages", "--output", str(tmp_path / "docs"))
    assert result.returncode == 0, result.stderr
    written = {p.relative_to(tmp_path / "docs").as_posix() for p in (tmp_path / "docs").rglob("*")
               if p.is_file()}
    assert {"index.md", "guide/what-it-is.md", "sheets/index.md", "sheets/explore.md",
            "questions/index.md", "records/debrief.md", "assets/stylesheets/sheet.css"} <= written
    guide = (tmp_path / "docs" / "guide" / "asking.md").read_text(encoding="utf-8")
    assert "<!-- insert:" not in guide  # inserts are expanded for builders without the plugin
    assert (ROOT / "content" / "guide" / "asking.md").read_text().count("<!-- insert:") > 0


def test_check_reports_at_least_300_questions_and_14_industries() -> None:
    import re

    result = run_cli("check")
    found = re.search(r"(\d+) questions, .* (\d+) industries", result.stdout)
    assert result.returncode == 0 and found, result.stdout
    assert int(found.group(1)) >= 300 and int(found.group(2)) >= 14
