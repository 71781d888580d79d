"""Hiding works for everything the format page says it does: a template, a tip, an industry,
a goal, a role, a category or every question of one. The guide's own files that name a hidden
item follow the hide, `check` and the build agree, and a mistake, or a hide the guide's bank
cannot do without, is reported at the centre's own line, never inside the shipped bank."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from generator.core.loader import load_bank
from tests.conftest import BANK, SOURCE_DATE_EPOCH, run, run_cli
from tests.edition_site import fill_in

HIDES = ("hide:\n  templates: [linkedin-note]\n  industries: [healthcare, government]\n"
         "  goals: [student]\n  roles: [recruiter]\n  categories: [feedback]\n"
         "  tips: [start-with-people-you-know]\n")
# One of each section the docs say can be hidden. Each once failed inside the shipped bank: a
# goal's or role's list of kinds still named a kind only the hidden item's questions answered.
ONE_OF_EACH = [
    ("goals", "student"), ("roles", "recruiter"), ("roles", "manager"),
    ("industries", "government"), ("categories", "feedback"), ("categories", "organisation"),
    ("templates", "linkedin-note"), ("tips", "start-with-people-you-know"),
]


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


@pytest.mark.parametrize(("section", "ident"), ONE_OF_EACH)
def test_each_kind_of_item_the_docs_name_can_be_hidden(
    tmp_path: Path, section: str, ident: str,
) -> None:
    bank = load_bank([BANK, overlay(tmp_path, f"hide:\n  {section}: [{ident}]\n")])
    assert ident not in getattr(bank, section)
    for recipe in (*bank.goals.values(), *bank.roles.values()):  # every kind still answerable
        assert set(recipe.kinds) <= set(bank.kinds), recipe.id


def test_every_question_of_a_category_can_be_hidden_one_by_one(tmp_path: Path) -> None:
    ids = [q.id for q in load_bank([BANK]).questions.values() if q.category == "feedback"]
    hides = "hide:\n  questions:\n" + "".join(f"    - {ident}\n" for ident in ids)
    bank = load_bank([BANK, overlay(tmp_path, hides)])
    assert not [q for q in bank.questions.values() if q.category == "feedback"]


@pytest.mark.parametrize(("hides", "line", "message"), [
    # The ready-made sheets are for this role and format.
    ("hide:\n  roles: [practitioner]\n", 2, "hide: the role 'practitioner' cannot be hidden: "
     "the bank has no role 'practitioner'; the site's sheets use it"),
    ("hide:\n  categories: [closing]\n", 2, "hide: the category 'closing' cannot be hidden: "
     "the bank has no category with 'place: closing'"),
    # The guide's industries would be left with too few questions.
    ("hide:\n  tips: [follow-up-once]\n  categories: [role]\n", 3,
     "hide: the category 'role' cannot be hidden: industry 'technology' needs at least 3 core"),
])
def test_a_hide_the_guide_cannot_do_without_is_reported_at_the_hide_line(
    tmp_path: Path, hides: str, line: int, message: str,
) -> None:
    ours = overlay(tmp_path, hides)
    result = run_cli("check", "--bank", str(BANK), "--bank", str(ours))
    assert result.returncode == 1
    assert f"ours/hide.yml:{line}: {message}" in result.stderr, result.stderr
    places = [text for text in result.stderr.splitlines() if text[:1] not in " F"]
    assert places and all("ours/hide.yml:" in text for text in places), result.stderr


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
    """A centre site hiding one item of each section: (folder, check, build)."""
    site = tmp_path_factory.mktemp("hiding") / "careers"
    assert run_cli("new-site", str(site)).returncode == 0
    fill_in(site, pdf=False)
    (site / "question_bank" / "hide.yml").write_text(HIDES, "utf-8")
    checked = run_cli("check", cwd=site)
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
                SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    return site, checked, built


def test_check_and_the_build_agree_that_a_site_hiding_one_of_each_is_valid(
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
    assert "which of my skills or experiences, from what you have heard today" not in bank
    assert not (site / "site" / "sheets" / "student.html").exists()  # the hidden goal's sheet
    maker = (site / "site" / "sheets" / "make.html").read_text("utf-8")
    assert 'value="recruiter"' not in maker and 'value="manager"' in maker
    checklist = (site / "site" / "guide" / "checklist.html").read_text("utf-8")
    assert "Start with people you already know" not in checklist


def test_check_and_the_build_agree_on_a_hide_that_cannot_be_done_and_say_where(
    tmp_path: Path,
) -> None:
    site = tmp_path / "careers"
    assert run_cli("new-site", str(site)).returncode == 0
    fill_in(site, pdf=False)
    (site / "question_bank" / "hide.yml").write_text("hide:\n  categories: [role]\n", "utf-8")
    checked = run_cli("check", cwd=site)
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site)
    for result in (checked, built):
        assert result.returncode != 0
        assert ("question_bank/hide.yml:2: hide: the category 'role' cannot be hidden: industry "
                "'technology' needs") in result.stderr, result.stderr
        assert "industries.yml" not in result.stderr and "site-packages" not in result.stderr


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
