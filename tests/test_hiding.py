"""Hiding works for everything the format page says it does: a template, an industry, a
category. The guide's own files that name a hidden item follow the hide, `check` and the build
agree, and a mistake is reported at the centre's own line."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from generator.core.loader import load_bank
from tests.conftest import BANK, SOURCE_DATE_EPOCH, run, run_cli
from tests.edition_site import fill_in

HIDES = "hide:\n  templates: [linkedin-note]\n  industries: [healthcare]\n"


def overlay(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "ours"
    folder.mkdir(parents=True)
    (folder / "hide.yml").write_text(text, "utf-8")
    return folder


def test_hiding_an_industry_takes_it_out_of_the_guides_questions(tmp_path: Path) -> None:
    shipped = load_bank([BANK])
    bank = load_bank([BANK, overlay(tmp_path, "hide:\n  industries: [healthcare]\n")])
    assert "healthcare" not in bank.industries
    named = [q for q in shipped.questions.values() if q.industries and "healthcare" in q.industries]
    assert named  # the guide's own questions name it
    for question in named:
        left = tuple(i for i in question.industries if i != "healthcare")
        if left:  # it suits another industry still: kept for that one
            assert bank.questions[question.id] == dataclasses.replace(question, industries=left)
        else:  # it suited only the hidden industry: hidden with it
            assert question.id not in bank.questions
    assert ("industries", "healthcare") in bank.hidden


def test_hiding_a_category_hides_its_questions(tmp_path: Path) -> None:
    bank = load_bank([BANK, overlay(tmp_path, "hide:\n  categories: [story]\n")])
    assert "story" not in bank.categories
    assert not [q for q in bank.questions.values() if q.category == "story"]
    assert not [k for goal in bank.goals.values() for k in goal.kinds if k not in bank.kinds]


def test_an_item_hidden_and_added_again_by_a_later_folder_keeps_its_references(
    tmp_path: Path,
) -> None:
    first = overlay(tmp_path / "a", "hide:\n  industries: [healthcare]\n")
    again = overlay(tmp_path / "b", "industries:\n  - id: healthcare\n    title: Health\n"
                    "    description: Hospitals and clinics.\n")
    bank = load_bank([BANK, first, again])
    shipped = load_bank([BANK])
    assert bank.questions.keys() == shipped.questions.keys()


@pytest.fixture(scope="module")
def hidden_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object, object]:
    """A centre site hiding a composer template and an industry: (folder, check, build)."""
    site = tmp_path_factory.mktemp("hiding") / "careers"
    assert run_cli("new-site", str(site)).returncode == 0
    fill_in(site, pdf=False)
    (site / "question_bank" / "hide.yml").write_text(HIDES, "utf-8")
    checked = run_cli("check", cwd=site)
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
                SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    return site, checked, built


def test_check_and_the_build_agree_that_a_site_hiding_a_template_and_an_industry_is_valid(
    hidden_site: tuple[Path, object, object],
) -> None:
    site, checked, built = hidden_site
    assert checked.returncode == 0, checked.stderr
    assert built.returncode == 0, built.stderr
    asking = (site / "site" / "guide" / "asking.html").read_text("utf-8")
    assert "Short LinkedIn connection note" not in asking  # the page leaves it out
    assert "Cold request, with no shared contact" in asking
    messages = (site / "site" / "guide" / "messages.html").read_text("utf-8")
    assert 'value="linkedin-note"' not in messages and 'value="thank-you"' in messages
    bank = (site / "site" / "questions" / "index.html").read_text("utf-8")
    assert "Which roles in healthcare are open to people without clinical training?" not in bank


def test_a_misspelt_template_in_a_centres_page_fails_check_and_build_at_its_line(
    tmp_path: Path,
) -> None:
    site = tmp_path / "careers"
    assert run_cli("new-site", str(site)).returncode == 0
    fill_in(site, pdf=False)
    (site / "docs" / "ours.md").write_text(
        "# Our messages\n\n<!-- insert: template linkedn-note -->\n", "utf-8")
    checked = run_cli("check", cwd=site)
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site)
    for result in (checked, built):
        assert result.returncode != 0
        assert "docs/ours.md:3: insert 'template': unknown template 'linkedn-note'" in result.stderr
        assert "site-packages" not in result.stderr and "Traceback" not in result.stderr
