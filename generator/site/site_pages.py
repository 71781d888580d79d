"""The pages the generator adds to the site, as a map from path (inside the docs folder) to text.

The MkDocs plugin serves this map as virtual files; `infointerview pages` writes the same map to
disk for builders that do not run MkDocs plugins.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.core.errors import BankError, Problem
from generator.core.languages import SOURCE_LANGUAGE, available_languages, gettext
from generator.core.model import NO_INDUSTRY, Bank
from generator.core.resources import shipped_path
from generator.core.sheet import DEFAULT_MINUTES, DEFAULT_ROLE
from generator.rendering import render
from generator.rendering.documents import (
    RECORDS,
    SHEET_CSS,
    SHEET_CSS_PATH,
    default_sheet,
    front_matter_title,
    record_fragment,
    sheet_fragment,
)
from generator.site.inserts import INSERT, expand_inserts
from generator.site.page_languages import translated_file, translation_of
from generator.site.script_text import script_files
from generator.site.sheet_maker import SUITS_PATH
from generator.site.sheet_maker_page import maker_pages
from generator.site.statements import statement_pages


def site_pages(
    bank: Bank, downloads: bool = False, minutes: int = DEFAULT_MINUTES
) -> dict[str, str]:
    """Every generated page and asset, keyed by its path in the docs folder. `downloads` says
    whether PDF handouts are built alongside, so the pages link to them. Built in the active
    language (generator.core.languages.use_language): each language's build has its own words,
    the scripts' included (text.js)."""
    pages = {
        "sheets/index.md": render.render_markdown(
            "page_sheets_index.md.j2",
            goals=list(bank.goals.values()),
            roles=list(bank.roles.values()),
            formats=list(bank.formats.values()),
            industries=list(bank.industries.values()),
            role=bank.roles[DEFAULT_ROLE],
            minutes=minutes,
        ),
        "questions/index.md": _question_bank_page(bank),
        SHEET_CSS_PATH: render.compact_css(render.stylesheet(SHEET_CSS)),
    }
    pages.update(script_files(_text_helper()))
    for kind, title in RECORDS.items():
        pages[f"records/{kind}.md"] = render.render_markdown(
            "page_record.md.j2", title=front_matter_title(gettext(title)),
            body=record_fragment(kind, downloads, {f.id: f.title for f in bank.formats.values()}),
        )
    pages.update(maker_pages(bank, downloads))
    for goal in bank.goals:
        sheet = default_sheet(bank, goal, minutes)
        pages[f"sheets/{goal}.md"] = render.render_markdown(
            "page_sheet.md.j2", sheet=sheet, body=sheet_fragment(sheet, downloads),
            title=front_matter_title(
                gettext("Question sheet: %(goal)s") % {"goal": sheet.goal.title}),
        )
    return pages


def _text_helper() -> str:
    """The scripts' `t()` (text-helper.js), written into text.js after the catalogue, without
    its comments (every byte of a first visit counts, tests/browser/test_page_weight.py)."""
    path = shipped_path("site_overrides") / "assets" / "javascripts" / "text-helper.js"
    return render.compact_js(path.read_text(encoding="utf-8"))


def _question_bank_page(bank: Bank) -> str:
    filters = [
        ("goal", gettext("Goal"), list(bank.goals.values())),
        ("role", gettext("Role"), list(bank.roles.values())),
        ("industry", gettext("Industry"), list(bank.industries.values())),
    ]
    groups = []
    for category in bank.categories.values():
        questions = [q for q in bank.questions.values() if q.category == category.id]
        if questions:
            items = render.render_html(
                "bank_questions.html.j2", questions=questions,
                goals=bank.goals, roles=bank.roles, industries=bank.industries,
            )
            groups.append((category, items))
    return render.render_markdown(
        "page_question_bank.md.j2",
        questions=bank.questions,
        groups=groups,
        filter=render.render_html("bank_filter.html.j2", filters=filters,
                                  total=len(bank.questions), no_industry=NO_INDUSTRY),
        suits_path=SUITS_PATH,
    )


def content_pages(bank: Bank, content_dir: Path, downloads: bool = False,
                  language: str = SOURCE_LANGUAGE) -> dict[str, str]:
    """The hand-written pages that carry insert comments, expanded, in `language` (each page
    from its translation, `x.fr.md`, under the English page's name); raises BankError."""
    pages = {}
    for uri, path in _hand_written(content_dir, language).items():
        text = path.read_text(encoding="utf-8")
        if INSERT.search(text):
            pages[uri] = expand_inserts(text, bank, path, downloads)
    return pages


def _hand_written(content_dir: Path, language: str) -> dict[str, Path]:
    """Each hand-written page's uri and the file that holds it in `language`; a page with no
    translation raises BankError (a page half in English is never written unasked)."""
    found: dict[str, Path] = {}
    missing: list[Problem] = []
    for path in sorted(content_dir.rglob("*.md")):
        uri = path.relative_to(content_dir).as_posix()
        if translation_of(uri, {language, *available_languages()}):
            continue  # a translation (the plugin's rule): taken below, under the English name
        source = path if language == SOURCE_LANGUAGE else translated_file([content_dir], uri,
                                                                          language)
        if source is None:
            missing.append(Problem(path, 0, f"has no {language!r} translation ({uri[:-3]}."
                                            f"{language}.md)"))
            continue
        found[uri] = source
    if missing:
        raise BankError(missing)
    return found


def all_pages(bank: Bank, content_dirs: Iterable[Path], downloads: bool = False,
              language: str = SOURCE_LANGUAGE) -> dict[str, str]:
    pages = {}
    for content_dir in content_dirs:
        pages.update(content_pages(bank, content_dir, downloads, language))
    pages.update(site_pages(bank, downloads))
    pages.update(statement_pages(None))  # the project's own statements
    return pages


def docs_folder(bank: Bank, content: Path | None,
                language: str = SOURCE_LANGUAGE) -> dict[str, bytes]:
    """A whole docs folder for another site builder, in one language: the hand-written pages
    (inserts expanded) and their assets, and the generated pages."""
    files: dict[str, bytes] = {}
    if content is not None:
        pages = _hand_written(content, language)
        for path in sorted(content.rglob("*")):
            if path.is_file() and not path.is_symlink() and path.suffix != ".md":
                files[path.relative_to(content).as_posix()] = path.read_bytes()
        for uri, path in pages.items():
            files[uri] = path.read_bytes()
    for name, text in all_pages(bank, [content] if content is not None else [], False,
                                language).items():
        files[name] = text.encode("utf-8")
    return dict(sorted(files.items()))
