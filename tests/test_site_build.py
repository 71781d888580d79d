"""The real site: `mkdocs build --strict` with the plugin, what it contains, and that it repeats."""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from pathlib import Path

import yaml

from generator.core.loader import load_bank
from generator.rendering.documents import SHEET_CSS
from generator.rendering.render import compact_css, stylesheet
from generator.site.page_languages import translation_of
from tests.conftest import (
    BANK,
    ROOT,
    SOURCE_DATE_EPOCH,
    copy_project,
    mkdocs_build,
    mkdocs_command,
    pdf_cache_of,
    run,
    run_cli,
)


def _search_locations(site: Path) -> set[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].split("#")[0] for doc in index["docs"]}


def _nav_paths(nav: list) -> list[str]:
    paths = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        paths.extend(_nav_paths(value) if isinstance(value, list) else [value])
    return paths


def _load_mkdocs_yml() -> dict:
    # mkdocs.yml may use `!ENV` tags, which a safe loader does not know; ignore them here.
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def test_generated_pages_exist_and_are_searchable(built_site: Path) -> None:
    bank = load_bank([BANK])
    expected = ["sheets/index.html", "sheets/make.html", "questions/index.html", "records/contact-log.html",
                "records/debrief.html"] + [f"sheets/{goal}.html" for goal in bank.goals]
    locations = _search_locations(built_site)
    for page in expected:
        assert (built_site / page).is_file(), page
        assert page in locations, f"{page} is not in the search index"
    bank_page = (built_site / "questions" / "index.html").read_text(encoding="utf-8")
    assert bank_page.count('class="ii-bank__item"') == len(bank.questions)


def test_every_guide_page_is_in_the_nav_and_the_search_index(built_site: Path) -> None:
    nav = _nav_paths(_load_mkdocs_yml()["nav"])
    written = sorted(p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*.md")
                     if not translation_of(p.name, ["fr"]))
    assert [page for page in written if page not in nav] == []
    locations = _search_locations(built_site)
    for page in written:
        assert page.replace(".md", ".html") in locations, page


def test_inserts_are_expanded_in_the_guide(built_site: Path) -> None:
    for page in (built_site / "guide").glob("*.html"):
        assert "insert:" not in page.read_text(encoding="utf-8"), page.name
    checklist = visible_text((built_site / "guide" / "checklist.html").read_text(encoding="utf-8"))
    for tip in load_bank([BANK]).tips.values():
        assert tip.text in checklist, tip.id


def visible_text(page: str) -> str:
    text = re.sub(r"<script.*?</script>|<[^>]+>", " ", page, flags=re.DOTALL)
    return " ".join(html.unescape(text).split()).replace(" .", ".").replace(" ,", ",")


def test_pages_reference_nothing_outside_the_site(built_site: Path) -> None:
    external = re.compile(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)=["'](?:https?:)?//""")
    for page in built_site.rglob("*.html"):
        assert not external.search(page.read_text(encoding="utf-8")), page


def test_the_sheet_stylesheet_loads_only_on_pages_that_show_a_sheet(built_site: Path) -> None:
    # The sheet's styles make every page that has them heavier, so guide pages go without them;
    # the pages that show a sheet have them written into their head (head_styles.py).
    written = f"<style>{compact_css(stylesheet(SHEET_CSS))}</style>"
    with_sheet, styled = set(), set()
    for page in built_site.rglob("*.html"):
        text, name = page.read_text(encoding="utf-8"), page.relative_to(built_site).as_posix()
        if 'class="ii-sheet' in text:
            with_sheet.add(name)
        if written in text.split("</head>")[0]:
            styled.add(name)
        assert "stylesheets/sheet.css" not in text, name
    assert styled == with_sheet
    assert {"sheets/explore.html", "sheets/make.html", "records/debrief.html"} <= styled


def _digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_builds_are_byte_identical_with_and_without_the_pdf_cache(
    built_site: Path, tmp_path: Path,
) -> None:
    # The shared site was built with an empty cache of its own (every PDF rendered afresh, as
    # with no cache; tests/conftest.py); a second build served from that cache must give the
    # very same site. The sitemap's dates, which SOURCE_DATE_EPOCH fixes, are checked where
    # a build has a site URL (test_third_language.py).
    cache = pdf_cache_of(built_site)
    # Per paper size and language: four goals' sheets, two records and the checklist.
    assert len(list(cache.glob("pdf-*.pdf"))) == 14 * 2
    warm = tmp_path / "warm"
    result = mkdocs_build(ROOT, warm, INFOINTERVIEW_CACHE_DIR=str(cache))
    assert result.returncode == 0, result.stderr
    cold, served = _digest(built_site), _digest(warm)
    assert [name for name in cold if cold[name] != served.get(name)] == []
    assert cold.keys() == served.keys()


def test_written_pages_build_without_the_hook(tmp_path: Path) -> None:
    """The path for builders without MkDocs plugins (Zensical, ProperDocs): pages on disk."""
    docs = tmp_path / "docs"
    assert run_cli("pages", "--output", str(docs)).returncode == 0
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # Leave out the infointerview plugin (its entry and its indented options).
    config = re.sub(r"\n  - infointerview:\n(?:      .*\n|\s*#.*\n)*", "\n", config)
    assert "infointerview:" not in config
    config = config.replace("docs_dir: content", f"docs_dir: {docs}")
    shutil.copytree(ROOT / "site_overrides", tmp_path / "site_overrides")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    (tmp_path / "question_bank").mkdir()
    (tmp_path / "generator" / "rendering" / "templates").mkdir(parents=True)
    result = mkdocs_build(tmp_path, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    sheet = (tmp_path / "site" / "sheets" / "career-change.html").read_text(encoding="utf-8")
    assert "assets/stylesheets/sheet.css" in sheet  # the page asks for it, the theme links it


def test_a_bank_overlay_reaches_the_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    overlay = project / "our_bank"
    overlay.mkdir()
    (overlay / "ours.yml").write_text(
        "questions:\n  - id: local-one\n    text: Which of our alumni should I meet next?\n"
        "    category: closing\n    kind: who-else\n    priority: optional\n    why: Local knowledge.\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("banks: [question_bank]",
                                                 "banks: [question_bank, our_bank]"))
    # Without PDFs: a closing question may change every sheet, and each PDF would be rendered
    # again (a minute). What reaches the sheets reaches their PDFs (test_pdf.py).
    result = run(mkdocs_command(project, project / "site"), cwd=project,
                 SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, INFOINTERVIEW_PDF="false")
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "questions" / "index.html").read_text(encoding="utf-8")
    assert "Which of our alumni should I meet next?" in page


def test_each_bank_question_has_its_own_link_and_search_section(built_site: Path) -> None:
    """A search for a question's words lands on that question, not on its category (issue 12)."""
    bank = load_bank([BANK])
    page = (built_site / "questions" / "index.html").read_text(encoding="utf-8")
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = {doc["location"]: doc for doc in index["docs"]}
    for question in bank.questions.values():
        assert f'id="q-{question.id}"' in page, question.id
        section = sections[f"questions/index.html#q-{question.id}"]
        assert " ".join(section["title"].split()) == question.text, question.id
