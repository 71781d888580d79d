"""Nothing stale (issue 13): with only PDFs cached, a change to the parser, a template or a
library is seen by the very next run, and a cached PDF is keyed by everything it depends on."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from generator.rendering import pdf, pdf_cache
from tests.conftest import copy_project, run, run_cli


def test_an_edited_template_reaches_the_next_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = project / "site"
    env = {"INFOINTERVIEW_PDF": "false"}
    assert run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                "-d", str(site)], cwd=project, **env).returncode == 0
    template = project / "generator" / "rendering" / "templates" / "sheet_body.html.j2"
    template.write_text(template.read_text().replace("Opening", "Opening (edited)", 1))
    result = run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                  str(project / "mkdocs.yml"), "-d", str(site)], cwd=project, **env)
    assert result.returncode == 0, result.stderr
    assert "Opening (edited)" in (site / "sheets" / "explore.html").read_text()


def test_an_edited_template_reaches_the_next_command(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    template = project / "generator" / "rendering" / "templates" / "sheet.md.j2"
    before = run_cli("sheet", "--goal", "explore", cwd=project).stdout
    template.write_text(template.read_text() + "\nEdited footer line.\n")
    after = run_cli("sheet", "--goal", "explore", cwd=project).stdout
    assert "Edited footer line." not in before and "Edited footer line." in after


def test_a_new_library_version_renders_the_pdf_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INFOINTERVIEW_CACHE_DIR", str(tmp_path / "cache"))
    pdf._made.clear()
    renders: list[str] = []
    monkeypatch.setattr(pdf, "_render", lambda html, base: renders.append(html) or
                        b"%PDF-1.7\n" + html.encode() + b"\n%%EOF\n")
    pdf.pdf_bytes("<p>one</p>")
    pdf._made.clear()
    pdf.pdf_bytes("<p>one</p>")
    assert len(renders) == 1, "the same HTML and libraries come from the cache"
    pdf._made.clear()
    monkeypatch.setattr(pdf, "_versions", lambda: ("weasyprint=999.0", "pango=1"))
    pdf.pdf_bytes("<p>one</p>")
    assert len(renders) == 2, "a new WeasyPrint version must render again"


def test_a_change_to_the_fonts_changes_the_pdf_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    monkeypatch.setattr(pdf_cache, "FONT_PLACES", (str(fonts),))
    pdf_cache.font_setup.cache_clear()
    before = pdf_cache.font_setup()
    (fonts / "new.ttf").write_bytes(b"not really a font")
    pdf_cache.font_setup.cache_clear()
    assert pdf_cache.font_setup() != before
    pdf_cache.font_setup.cache_clear()


def test_nothing_but_pdfs_is_written_to_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"INFOINTERVIEW_CACHE_DIR": str(cache)}
    for args in (["check"], ["sheet", "--goal", "explore"],
                 ["sheet", "--goal", "explore", "-o", str(tmp_path / "s.html")]):
        assert run([sys.executable, "-m", "generator", *args], **env).returncode == 0
    assert not cache.exists() or not any(cache.iterdir())
    assert run([sys.executable, "-m", "generator", "sheet", "--goal", "explore", "-o",
                str(tmp_path / "s.pdf")], **env).returncode == 0
    assert [p.suffix for p in cache.iterdir()] == [".pdf"]
    assert oct(os.stat(cache).st_mode & 0o777) == "0o700"
