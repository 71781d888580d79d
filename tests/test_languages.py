"""Our words and the bank in other languages: the same sheet in every language, every missing
or stray translation reported at its line, and links between a page's languages that work from
any depth of the site (issue 21). The built bilingual site is tested in test_bilingual_site.py.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from generator.core.bank_translations import TRANSLATIONS, translate_bank
from generator.core.errors import ConfigError, display_path
from generator.core.languages import gettext, load_language, untranslated, use_language
from generator.core.loader import load_bank
from generator.core.model import NO_INDUSTRY
from generator.core.sheet import MAX_MINUTES, MIN_MINUTES, SheetRequest
from generator.core.site_options import check_options
from generator.core.tailor import build_sheet
from generator.rendering import documents
from generator.site.page_languages import language_links, translation_of
from tests.conftest import ROOT, run_cli

BANK = ROOT / "question_bank"
LENGTHS = sorted({MIN_MINUTES, 20, 30, 45, 60, MAX_MINUTES})


@pytest.fixture(scope="module")
def english():
    return load_bank([BANK])


@pytest.fixture(scope="module")
def french(english):
    return translate_bank(english, [BANK], "fr")


def test_the_shipped_bank_is_wholly_translated_into_french_with_no_stray_entry(french) -> None:
    assert french.problems == []
    assert french.missing == []


def test_every_french_text_differs_from_the_english_it_translates(english, french) -> None:
    """A copied English sentence in a translation file is an untranslated text."""
    same = [f"{q.id}: {q.text}" for q in english.questions.values()
            if french.bank.questions[q.id].text == q.text]
    assert not same, "\n".join(same)


def test_the_french_sheet_holds_the_same_questions_as_the_english_for_every_meeting(
    english, french,
) -> None:
    industries = [None, *(i for i in english.industries if i != NO_INDUSTRY)]
    compared = 0
    for goal, role, industry, minutes in itertools.product(
            english.goals, english.roles, industries, LENGTHS):
        request = SheetRequest(goal=goal, role=role, minutes=minutes, industry=industry)
        ours = build_sheet(english, request)
        theirs = build_sheet(french.bank, request)
        assert [q.id for q in theirs.questions] == [q.id for q in ours.questions], request
        assert [q.id for q in theirs.alternatives] == [q.id for q in ours.alternatives], request
        compared += 1
    assert compared == len(english.goals) * len(english.roles) * len(industries) * len(LENGTHS)


def _overlay(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "ours"
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return folder


QUESTION = """questions:
  - id: our-question
    text: What does a first week look like here?
    category: role
    kind: typical-day
    priority: optional
    why: It shows the work as it starts.
    probes: [Who helps a newcomer?]
"""


def test_a_missing_translation_is_reported_at_the_english_line_with_where_it_belongs(
    english, tmp_path: Path,
) -> None:
    ours = _overlay(tmp_path, {"questions.yml": QUESTION,
                               f"{TRANSLATIONS}/fr/questions.yml":
                               "questions:\n  our-question:\n    text: Une première semaine ?\n"})
    bank = load_bank([BANK, ours])
    result = translate_bank(bank, [BANK, ours], "fr")
    expected = display_path(ours / TRANSLATIONS / "fr" / "questions.yml")
    assert [(p.path, p.line, p.message) for p in result.missing] == [
        (ours / "questions.yml", 7, "question 'our-question': why has no 'fr' translation; add "
                                    f"it under questions: our-question: why: in {expected}"),
        (ours / "questions.yml", 8, "question 'our-question': probes has no 'fr' translation; "
                                    f"add it under questions: our-question: probes: in {expected}"),
    ]
    assert result.bank.questions["our-question"].text == "Une première semaine ?"


def test_a_translation_of_no_item_a_wrong_field_or_a_wrong_count_is_reported_at_its_line(
    english, tmp_path: Path,
) -> None:
    ours = _overlay(tmp_path, {"questions.yml": QUESTION, f"{TRANSLATIONS}/fr/q.yml": (
        "questions:\n"
        "  our-questoin:\n    text: Une faute ?\n"
        "  our-question:\n    priority: core\n    probes: [Un, Deux]\n"
        "goalz:\n  explore: {title: Explorer}\n")})
    result = translate_bank(load_bank([BANK, ours]), [BANK, ours], "fr")
    where = display_path(ours / TRANSLATIONS / "fr" / "q.yml")
    assert [str(p) for p in result.problems] == [
        f"{where}:2: questions: no question 'our-questoin' in the bank to translate",
        f"{where}:5: questions.our-question.priority: not a text field to translate. Expected "
        "one of: ['text', 'why', 'probes']",
        f"{where}:6: questions.our-question.probes: 2 items, but the English has 1; translate "
        "each one, in the same order",
        f"{where}:7: unknown section 'goalz'. Expected one of: ['avoid', 'benefits', "
        "'categories', 'formats', 'goals', 'industries', 'kinds', 'questions', 'roles', "
        "'steps', 'templates', 'tips']",
    ]


def test_an_overlay_that_rewrites_a_question_never_shows_the_french_of_the_old_words(
    english, tmp_path: Path,
) -> None:
    shipped = english.questions["opening-explain-job"]
    rewritten = (f"questions:\n  - id: {shipped.id}\n    text: What is your job, in one line?\n"
                 f"    category: {shipped.category}\n    kind: {shipped.kind}\n"
                 "    priority: core\n    why: A short start.\n")
    ours = _overlay(tmp_path, {"questions.yml": rewritten})
    result = translate_bank(load_bank([BANK, ours]), [BANK, ours], "fr")
    assert result.bank.questions[shipped.id].text == "What is your job, in one line?"
    assert [p.line for p in result.missing if shipped.id in p.message] == [3, 7]


def test_translation_files_are_not_read_as_bank_files(tmp_path: Path) -> None:
    ours = _overlay(tmp_path, {"questions.yml": QUESTION,
                               f"{TRANSLATIONS}/fr/questions.yml": "questions:\n  x: {}\n"})
    assert "x" not in load_bank([BANK, ours]).questions


def test_the_french_catalogue_translates_every_word_of_ours() -> None:
    french = load_language("fr")
    assert untranslated(french) == []
    # Words are chosen in the language a build is in, and only while it is in it.
    with use_language(french):
        assert gettext("Question sheet: %(goal)s") == "Fiche de questions : %(goal)s"
    assert gettext("Question sheet: %(goal)s") == "Question sheet: %(goal)s"


def test_a_language_without_a_catalogue_is_refused_with_the_choices() -> None:
    with pytest.raises(ConfigError) as raised:
        load_language("xx")
    assert "languages: Expected one of: ['en', 'fr'] but received: 'xx'" in str(raised.value)


@pytest.mark.parametrize(("value", "message"), [
    (["en", "en"], "languages: 'en' is listed twice"),
    (["english"], "languages: expected a language code such as 'fr' or 'pt-BR' but received: "
                  "'english'"),
    ([], "languages: must name at least one language, such as [en]; leave the line out for "
         "English only"),
    ("fr", "languages: expected a list of language codes such as [en, fr] but received: 'fr'"),
])
def test_the_languages_option_says_what_is_wrong(value: object, message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        check_options({"languages": value}, Path("mkdocs.yml"))
    assert str(raised.value) == f"mkdocs.yml:1: {message}"


def test_a_french_sheet_from_the_command_line_is_french_and_says_so() -> None:
    result = run_cli("sheet", "--goal", "explore", "--language", "fr", "--minutes", "20")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Fiche de questions")
    english = run_cli("sheet", "--goal", "explore", "--minutes", "20").stdout
    assert "Question sheet" in english and "Question sheet" not in result.stdout


def test_an_html_sheet_in_french_declares_its_language() -> None:
    french = load_language("fr")
    with use_language(french):
        bank = translate_bank(load_bank([BANK]), [BANK], "fr").bank
        html = documents.sheet_document(build_sheet(bank, SheetRequest(goal="student")), "a4")
    assert '<html lang="fr">' in html


def test_an_unknown_language_on_the_command_line_lists_the_choices() -> None:
    result = run_cli("sheet", "--goal", "explore", "--language", "xx")
    assert result.returncode == 2
    assert "Invalid value for '--language': Expected one of: ['en', 'fr'] but received: 'xx'" \
        in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("url", "current", "expected"), [
    ("index.html", "en", ["index.html", "fr/index.html"]),
    ("guide/asking.html", "en", ["../guide/asking.html", "../fr/guide/asking.html"]),
    ("guide/asking.html", "fr", ["../../guide/asking.html", "../../fr/guide/asking.html"]),
    ("index.html", "fr", ["../index.html", "../fr/index.html"]),
])
def test_each_language_link_leads_to_the_same_page_relative_to_where_it_is(
    url: str, current: str, expected: list[str],
) -> None:
    links = language_links(url, current, [("en", "English"), ("fr", "Français")])
    assert [link.href for link in links] == expected
    assert [link.current for link in links] == [current == "en", current == "fr"]


def test_only_a_page_in_a_site_language_is_taken_for_a_translation() -> None:
    assert translation_of("guide/asking.fr.md", ["en", "fr"]) == ("guide/asking.md", "fr")
    assert translation_of("notes.v2.md", ["en", "fr"]) is None
    assert translation_of("guide/asking.md", ["en", "fr"]) is None


def test_pages_for_another_builder_in_french_put_each_translation_under_its_english_name(
    tmp_path: Path,
) -> None:
    output = tmp_path / "docs-fr"
    result = run_cli("pages", "--language", "fr", "--output", str(output))
    assert result.returncode == 0, result.stderr
    asking = (output / "guide" / "asking.md").read_text("utf-8")
    assert "# Demander la rencontre {#asking-for-the-meeting}" in asking
    assert "<!-- insert:" not in asking  # the bank's French is put in
    assert not list(output.rglob("*.fr.md"))
    assert "Fiche de questions" in (output / "sheets" / "explore.md").read_text("utf-8")
