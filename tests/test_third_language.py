"""A third language is a recipe: a centre adds a catalogue, bank translations and pages, and
names the language. Tested with a tiny language (Esperanto, `eo`): a few words, one goal's
title and one page translated, the rest shown in English with a note, as the centre chose.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.conftest import SOURCE_DATE_EPOCH, run, run_cli

CATALOGUE = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: eo\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "The guide"
msgstr "La gvidilo"
'''
GOAL_TITLE = "Esplori kampon"
OWN_PAGE = "# Niaj horoj\n\nVenu al ĉambro 12 marde.\n"


def mkdocs(site: Path) -> object:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
               SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A centre site in English and Esperanto, made as the README's recipe says."""
    site = tmp_path_factory.mktemp("eo") / "careers"
    assert run_cli("new-site", str(site)).returncode == 0
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8").replace("pdf: true", "pdf: false")
    text = text.replace("      banks: [question_bank]", (
        "      banks: [question_bank]\n      languages: [en, eo]\n"
        "      missing_translations: english\n      locales: [locales]"))
    config.write_text(text, "utf-8")
    po = site / "locales" / "eo" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(CATALOGUE, "utf-8")
    goals = site / "question_bank" / "translations" / "eo" / "goals.yml"
    goals.parent.mkdir(parents=True)
    goals.write_text(f"goals:\n  explore:\n    title: {GOAL_TITLE}\n", "utf-8")
    (site / "docs" / "hours.md").write_text("# Our hours\n\nCome to room 12 on Tuesdays.\n",
                                            "utf-8")
    (site / "docs" / "hours.eo.md").write_text(OWN_PAGE, "utf-8")
    return site


@pytest.fixture(scope="module")
def built(tiny: Path) -> Path:
    result = mkdocs(tiny)
    assert result.returncode == 0, result.stderr
    return tiny / "site"


def test_the_third_language_is_built_into_its_folder_marked_with_its_code(built: Path) -> None:
    page = (built / "eo" / "hours.html").read_text("utf-8")
    assert '<html lang="eo"' in page
    assert "Venu al ĉambro 12 marde." in page
    assert not (built / "hours.eo.html").exists()
    assert not (built / "eo" / "hours.eo.html").exists()


def test_a_page_not_yet_translated_says_so_and_marks_its_english(built: Path) -> None:
    page = (built / "eo" / "guide" / "asking.html").read_text("utf-8")
    assert "it is shown in English" in page  # the note's own words, untranslated here too
    assert '<div lang="en"><h1 id="asking-for-the-meeting">Asking for the meeting' in page


def test_the_translated_bank_and_words_reach_the_third_languages_pages(built: Path) -> None:
    maker = (built / "eo" / "sheets" / "make.html").read_text("utf-8")
    assert GOAL_TITLE in maker
    assert "Some texts of the question bank are not yet translated" in maker
    english = (built / "sheets" / "make.html").read_text("utf-8")
    assert GOAL_TITLE not in english and "not yet translated" not in english
    assert "La gvidilo" in (built / "eo" / "index.html").read_text("utf-8")


def test_every_page_links_to_itself_in_the_other_language(built: Path) -> None:
    english = (built / "hours.html").read_text("utf-8")
    assert re.search(r'href="eo/hours\.html" hreflang="eo" lang="eo"', english)
    other = (built / "eo" / "hours.html").read_text("utf-8")
    assert re.search(r'href="\.\./hours\.html" hreflang="en" lang="en"', other)
    assert not (built / "eo" / "404.html").exists()  # the root's 404 serves every language


def test_a_centre_that_wants_everything_translated_gets_the_list_of_what_is_missing(
    tiny: Path, tmp_path: Path,
) -> None:
    config = tiny / "mkdocs.yml"
    original = config.read_text("utf-8")
    try:
        config.write_text(original.replace("missing_translations: english",
                                           "missing_translations: fail"), "utf-8")
        result = mkdocs(tiny)
    finally:
        config.write_text(original, "utf-8")
    assert result.returncode != 0
    assert "the 'eo' catalogue lacks" in result.stderr
    assert "Traceback" not in result.stderr


def test_theme_language_that_contradicts_the_pages_is_refused(tiny: Path) -> None:
    config = tiny / "mkdocs.yml"
    original = config.read_text("utf-8")
    try:
        config.write_text(original.replace("  language: en\n", "  language: fr\n"), "utf-8")
        result = mkdocs(tiny)
    finally:
        config.write_text(original, "utf-8")
    assert result.returncode != 0
    assert ("theme.language is 'fr', but the site's pages are in 'en' (the first of the "
            "plugin's languages: ['en', 'eo'])") in result.stderr


def test_with_a_site_url_the_sitemaps_name_each_pages_other_languages(tiny: Path) -> None:
    # A config of its own beside the site's, so the site the other tests read stays as built.
    config = tiny / "mkdocs-with-url.yml"
    config.write_text((tiny / "mkdocs.yml").read_text("utf-8").replace(
        "# site_url: https://careers.example.edu/interviews/",
        "site_url: https://careers.example.edu/interviews/"), "utf-8")
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config.name,
                  "-d", "site-with-url"], cwd=tiny, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    assert result.returncode == 0, result.stderr
    site = tiny / "site-with-url"
    for sitemap in (site / "sitemap.xml", site / "eo" / "sitemap.xml"):
        text = sitemap.read_text("utf-8")
        assert ('<xhtml:link rel="alternate" hreflang="eo" '
                'href="https://careers.example.edu/interviews/eo/hours.html"/>') in text
        assert ('<xhtml:link rel="alternate" hreflang="en" '
                'href="https://careers.example.edu/interviews/hours.html"/>') in text
        # Every page's date is SOURCE_DATE_EPOCH's, so two builds give the same sitemap.
        dates = set(re.findall(r"<lastmod>([^<]*)</lastmod>", text))
        assert dates == {"2026-01-01"}, dates


def test_the_command_line_in_the_site_follows_its_choice_for_missing_translations(
    tiny: Path,
) -> None:
    result = run_cli("sheet", "--goal", "explore", "--language", "eo", "--minutes", "20",
                     cwd=tiny)
    assert result.returncode == 0, result.stderr
    assert GOAL_TITLE in result.stdout  # the translated goal, the rest in English
    assert "texts of the bank have no 'eo' translation and are shown in English" in result.stderr
