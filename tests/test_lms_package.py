"""`infointerview package`: the offline zip and the Common Cartridge of the real built site."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from generator.edition.guide_nav import GUIDE_NAV
from generator.edition.lms_package import CP, WEB
from tests.conftest import run_cli

NS = {"cp": CP}


@pytest.fixture(scope="module")
def packages(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("packages")
    result = run_cli("package", "--site", str(built_site), "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output


def _manifest(cartridge: Path) -> ET.Element:
    with zipfile.ZipFile(cartridge) as archive:
        return ET.fromstring(archive.read("imsmanifest.xml"))


def test_the_manifest_parses_as_a_common_cartridge_1_1(packages: Path) -> None:
    root = _manifest(packages / "site.imscc")
    assert root.tag == f"{{{CP}}}manifest"
    assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "IMS Common Cartridge"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.1.0"


def test_every_listed_file_is_in_the_cartridge_and_every_file_is_listed(packages: Path) -> None:
    root = _manifest(packages / "site.imscc")
    listed = [f.get("href") for f in root.iter(f"{{{CP}}}file")]
    with zipfile.ZipFile(packages / "site.imscc") as archive:
        in_archive = set(archive.namelist()) - {"imsmanifest.xml"}
    assert len(listed) == len(set(listed))
    assert set(listed) == in_archive
    for resource in root.iter(f"{{{CP}}}resource"):
        href = resource.get("href")
        assert href is None or href in in_archive


def test_identifiers_are_unique_and_every_reference_resolves(packages: Path) -> None:
    root = _manifest(packages / "site.imscc")
    ids = [e.get("identifier") for e in root.iter() if e.get("identifier")]
    assert len(ids) == len(set(ids))
    refs = [e.get("identifierref") for e in root.iter() if e.get("identifierref")]
    assert refs and set(refs) <= set(ids)


def test_the_module_has_the_chapters_in_guide_order_then_the_sheets_and_pdfs(
    packages: Path,
) -> None:
    root = _manifest(packages / "site.imscc")
    resources = {r.get("identifier"): r.get("href") for r in root.iter(f"{{{CP}}}resource")}
    module = root.find("cp:organizations/cp:organization/cp:item/cp:item", NS)
    hrefs = [resources[i.get("identifierref")].removeprefix(f"{WEB}/")
             for i in module.iter(f"{{{CP}}}item") if i.get("identifierref")]
    chapters = [h for h in hrefs if h.startswith("guide/") and h.endswith(".html")]
    guide = next(entry["The guide"] for entry in GUIDE_NAV if "The guide" in entry)
    in_order = [page.replace(".md", ".html") for page in guide if isinstance(page, str)]
    assert chapters == in_order
    assert chapters[:2] == ["guide/what-it-is.html", "guide/why-do-one.html"]
    assert "sheets/index.html" in hrefs
    pdfs = [h for h in hrefs if h.endswith(".pdf")]
    assert "sheets/student-a4.pdf" in pdfs and "records/debrief-letter.pdf" in pdfs
    # Each PDF comes right after its page.
    assert hrefs.index("sheets/student-a4.pdf") == hrefs.index("sheets/student.html") + 1


def test_the_archives_are_the_same_bytes_every_time(built_site: Path, packages: Path,
                                                    tmp_path: Path) -> None:
    assert run_cli("package", "--site", str(built_site), "--output", str(tmp_path)).returncode == 0
    for name in ("site.imscc", "site-offline.zip"):
        first = hashlib.sha256((packages / name).read_bytes()).hexdigest()
        assert hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() == first, name


def test_every_link_in_the_extracted_zip_reaches_a_file(packages: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(packages / "site-offline.zip") as archive:
        archive.extractall(tmp_path)
    broken = []
    for page in sorted(tmp_path.rglob("*.html")):
        if page.name == "404.html":  # root-absolute links on purpose (see MkDocs)
            continue
        for href in re.findall(r'href="([^"#?]+)', page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", href):
                continue
            if not (page.parent / href).resolve().exists():
                broken.append(f"{page.relative_to(tmp_path)} -> {href}")
    assert broken == []


def test_package_without_a_built_site_says_what_to_do(tmp_path: Path) -> None:
    result = run_cli("package", "--site", str(tmp_path / "site"), "--output", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip() == (f"Error: {tmp_path / 'site'} has no index.html; build the "
                                     "site first with `mkdocs build --strict`")


def _sections(packages: Path) -> dict[str, list[str]]:
    """Section title -> the titles of its items, in order ('' for top-level items)."""
    module = _manifest(packages / "site.imscc").find(
        "cp:organizations/cp:organization/cp:item/cp:item", NS)
    sections: dict[str, list[str]] = {"": []}
    for child in module.findall("cp:item", NS):
        if child.get("identifierref"):
            sections[""].append(child.findtext("cp:title", namespaces=NS))
        else:
            sections[child.findtext("cp:title", namespaces=NS)] = [
                i.findtext("cp:title", namespaces=NS) for i in child.findall("cp:item", NS)]
    return sections


def test_the_module_is_grouped_by_the_menus_sections_with_real_titles(packages: Path) -> None:
    sections = _sections(packages)
    assert list(sections)[1:] == ["The guide", "Question sheets", "Meeting records",
                                  "About this site"]
    assert sections[""] == ["Home", "Question bank"]
    assert sections["The guide"][0] == "What an informational interview is"
    sheets = sections["Question sheets"]
    student = sheets.index("Question sheet: Student or new graduate")
    assert sheets[student + 1:student + 3] == [
        "Question sheet: Student or new graduate (PDF, A4)",
        "Question sheet: Student or new graduate (PDF, US Letter)"]
    assert not [t for titles in sections.values() for t in titles if t.startswith("PDF:")]


def test_staff_pages_404_and_sitemap_stay_out_unless_asked(
    built_site: Path, packages: Path, tmp_path: Path,
) -> None:
    def names(cartridge: Path) -> set[str]:
        with zipfile.ZipFile(cartridge) as archive:
            return {n.removeprefix(f"{WEB}/") for n in archive.namelist()}
    left_out = {"404.html", "sitemap.xml", "career-centres/index.html"}
    assert (built_site / "career-centres" / "index.html").is_file()
    assert not names(packages / "site.imscc") & left_out
    assert "For career centres" not in _sections(packages)
    with zipfile.ZipFile(packages / "site-offline.zip") as offline:  # the zip is the whole site
        assert "career-centres/index.html" in offline.namelist()
    result = run_cli("package", "--site", str(built_site), "--output", str(tmp_path),
                     "--with-staff-pages")
    assert result.returncode == 0, result.stderr
    assert left_out <= names(tmp_path / "site.imscc")


def test_pages_that_need_scripts_say_so_in_text_a_platform_keeps(
    built_site: Path, packages: Path, tmp_path: Path,
) -> None:
    with zipfile.ZipFile(packages / "site.imscc") as archive:
        maker = archive.read(f"{WEB}/sheets/make.html").decode()
        composer = archive.read(f"{WEB}/guide/messages.html").decode()
        chapter = archive.read(f"{WEB}/guide/asking.html")
    body = maker.split('<article class="md-content__inner md-typeset">', 1)[1]
    assert body.startswith('<p class="ii-lms-note"><strong>If the sheet maker does not respond '
                           'here:</strong>')
    assert 'href="../sheets/index.html">ready-made question sheets and their PDFs</a>' in body
    assert "If the message composer does not respond here" in composer
    assert chapter == (built_site / "guide" / "asking.html").read_bytes()  # others unchanged
    result = run_cli("package", "--site", str(built_site), "--output", str(tmp_path),
                     "--site-url", "https://careers.example.edu/guide/")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "site.imscc") as archive:
        maker = archive.read(f"{WEB}/sheets/make.html").decode()
    assert ('<a href="https://careers.example.edu/guide/sheets/make.html">open this page on the '
            "website</a>") in maker
