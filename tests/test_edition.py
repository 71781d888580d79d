"""A career centre's edition, built as a centre builds it: `new-site`, the plugin's options,
branding, the statements and the centre's footer on every sheet and PDF."""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from generator.edition.branding import AA_TEXT, SLATE_BACKGROUND, contrast
from generator.edition.guide_nav import GUIDE_NAV
from tests.conftest import ROOT, SOURCE_DATE_EPOCH, run, run_cli
from tests.edition_site import (
    CENTRE,
    FAILING_COLOUR,
    NEW_INDUSTRY_QUESTION,
    OWN_PAGE_TITLE,
    fill_in,
)


def mkdocs(site: Path) -> object:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
               SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)


def new_site(folder: Path) -> Path:
    result = run_cli("new-site", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def centre_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A filled-in centre site, built once: (project folder, build output)."""
    site = new_site(tmp_path_factory.mktemp("centre") / "careers")
    fill_in(site)
    result = mkdocs(site)
    assert result.returncode == 0, result.stderr
    return site, result.stderr


def read(site: Path, page: str) -> str:
    return (site / "site" / page).read_text(encoding="utf-8")


def test_new_site_writes_the_starter_with_its_deployment_files(tmp_path: Path) -> None:
    site = new_site(tmp_path / "careers")
    for name in ("mkdocs.yml", "README.md", "docs/our-service.md", "docs/assets/logo.svg",
                 "question_bank/README.md", ".github/workflows/pages.yml", ".gitlab-ci.yml"):
        assert (site / name).is_file(), name
    for name in (".github/workflows/pages.yml", ".gitlab-ci.yml"):
        assert "mkdocs build --strict" in (site / name).read_text(encoding="utf-8"), name
    assert not list((site / "question_bank").glob("*.yml"))  # the overlay starts empty


def test_new_site_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("new-site", str(tmp_path))
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"Error: {tmp_path} is not an empty folder or a freshly made repository (it holds "
        "notes.txt); choose a new folder name so nothing is overwritten"]
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_fresh_starter_builds_with_strict_and_nothing_else(tmp_path: Path) -> None:
    site = new_site(tmp_path / "careers")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("pdf: true", "pdf: false"),
                      encoding="utf-8")
    result = mkdocs(site)
    assert result.returncode == 0, result.stderr
    assert (site / "site" / "guide" / "what-it-is.html").is_file()
    assert (site / "site" / "our-service.html").is_file()


def test_the_header_shows_the_centre_name_and_logo(centre_site: tuple[Path, str]) -> None:
    site, _ = centre_site
    page = read(site, "index.html")
    assert CENTRE["name"] in re.search(r'<span class="md-ellipsis">\s*([^<]*)', page).group(1)
    assert 'src="assets/logo.svg"' in page
    assert (site / "site" / "assets" / "logo.svg").is_file()


def test_the_footer_gives_contact_booking_link_and_statements(
    centre_site: tuple[Path, str],
) -> None:
    site, _ = centre_site
    footer = read(site, "guide/asking.html").split('class="md-copyright')[1]
    assert f'href="mailto:{CENTRE["contact"]}"' in footer
    assert f'href="{CENTRE["booking_url"]}"' in footer
    assert 'href="../about/accessibility.html"' in footer
    assert 'href="../about/privacy.html"' in footer


def test_sheets_records_and_pdfs_carry_the_centre(
    centre_site: tuple[Path, str], built_site: Path
) -> None:
    site, _ = centre_site
    logo = "data:image/svg+xml;base64," + base64.b64encode(
        (site / "docs" / "assets" / "logo.svg").read_bytes()).decode()
    for page in ("sheets/student.html", "records/debrief.html"):
        html = read(site, page)
        band = html.index(f"From {CENTRE['name']}.")
        # The band comes before the sheet's title: on page 1, the page a student carries.
        assert band < html.index('class="ii-sheet__title"'), page
        assert f'<img class="ii-centre__logo" src="{logo}" alt="">' in html, page
    pdfs = sorted((site / "site").rglob("*.pdf"))
    assert {p.parent.name for p in pdfs} == {"sheets", "records", "guide"}  # checklist in guide/
    for pdf in pdfs:
        reader = PdfReader(pdf)
        first = " ".join(reader.pages[0].extract_text().split())
        assert f"From {CENTRE['name']}." in first, pdf
        assert CENTRE["booking_url"] in first and CENTRE["contact"] in first, pdf
        assert reader.metadata.author == CENTRE["name"], pdf
        # The band sits in the page margin: a centre's name never adds a page.
        ours = PdfReader(built_site / pdf.relative_to(site / "site"))
        assert len(reader.pages) == len(ours.pages), pdf
        assert ours.metadata.author == "The infointerview project", pdf


def test_the_statements_name_the_centre_and_its_contact(centre_site: tuple[Path, str]) -> None:
    site, _ = centre_site
    accessibility = read(site, "about/accessibility.html")
    assert "WCAG" in accessibility and "axe-core" in accessibility
    assert f'href="mailto:{CENTRE["contact"]}"' in accessibility
    privacy = read(site, "about/privacy.html")
    assert "no cookies" in privacy.lower() and CENTRE["name"] in privacy


def test_the_centre_page_and_overlay_question_reach_the_site(
    centre_site: tuple[Path, str],
) -> None:
    site, _ = centre_site
    home = read(site, "index.html")
    assert 'href="drop-in.html"' in home  # in the menu, beside the guide
    assert OWN_PAGE_TITLE in read(site, "drop-in.html")
    bank = read(site, "questions/index.html")
    assert NEW_INDUSTRY_QUESTION in bank and "Agriculture" in bank


def test_a_failing_brand_colour_is_shaded_and_reported_once(
    centre_site: tuple[Path, str],
) -> None:
    site, output = centre_site
    messages = [line for line in output.splitlines() if "brand colour" in line]
    assert len(messages) == 1, output
    assert messages[0].startswith("INFO")
    assert FAILING_COLOUR in messages[0] and "1.51:1" in messages[0]
    css = read(site, "assets/stylesheets/infointerview-brand.css")
    light = re.search(r"scheme=default\].*?--md-typeset-a-color: (#\w+)", css, re.S).group(1)
    dark = re.search(r"scheme=slate\].*?--md-typeset-a-color: (#\w+)", css, re.S).group(1)
    header = re.search(r"--md-primary-fg-color: (#\w+)", css).group(1)
    assert contrast(header, "#ffffff") >= AA_TEXT
    assert contrast(light, "#ffffff") >= AA_TEXT
    assert contrast(dark, SLATE_BACKGROUND) >= AA_TEXT
    assert header != FAILING_COLOUR
    # The statement says so too, not only the build's log.
    statement = " ".join(read(site, "about/accessibility.html").split())
    assert f"behind the white header text it has 1.51:1, so {header} is used" in statement
    # Every page has the colours, written into its head rather than linked (head_styles.py).
    head = read(site, "index.html").split("</head>")[0]
    assert header in head and light in head and "infointerview-brand.css" not in head


def _starter_with(tmp_path: Path, old: str, new: str) -> Path:
    site = new_site(tmp_path / "careers")
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")
    return site


def _line(site: Path, text: str) -> int:
    """The line of mkdocs.yml that holds `text`."""
    lines = (site / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_an_unknown_plugin_option_is_an_error_naming_it_and_the_line(tmp_path: Path) -> None:
    site = _starter_with(tmp_path, "      default_minutes: 30", "      minutes: 45")
    result = mkdocs(site)
    assert result.returncode != 0
    assert (f"mkdocs.yml:{_line(site, 'minutes: 45')}: minutes: unknown option; the known "
            "options are centre, banks, default_minutes, pdf, languages, missing_translations, "
            "locales, statements") in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_centre_option_is_an_error_naming_it(tmp_path: Path) -> None:
    site = _starter_with(tmp_path, "        # colour:", "        color:")
    result = mkdocs(site)
    assert result.returncode != 0
    assert (f"mkdocs.yml:{_line(site, 'color:')}: centre.color: unknown option; the known "
            "options are name, url, contact, booking_url, logo, colour") in result.stderr


def test_a_wrong_type_is_an_error_in_plain_words_with_the_line(tmp_path: Path) -> None:
    site = _starter_with(tmp_path, "default_minutes: 30", "default_minutes: half an hour")
    result = mkdocs(site)
    assert result.returncode != 0
    assert (f"mkdocs.yml:{_line(site, 'half an hour')}: default_minutes: expected a whole "
            "number but received: 'half an hour'") in result.stderr
    assert "<class" not in result.stderr


def test_a_colour_that_is_not_a_colour_stops_the_build_naming_it(tmp_path: Path) -> None:
    site = _starter_with(tmp_path, '# colour: "#7a0019"', 'colour: "dark red"')
    result = mkdocs(site)
    assert result.returncode != 0
    assert (f"mkdocs.yml:{_line(site, 'dark red')}: centre.colour: 'dark red' is not a colour "
            "written as #rrggbb, for example #7a0019") in result.stderr
    assert "Traceback" not in result.stderr


def test_the_default_menu_is_the_projects_own_menu() -> None:
    """generator/edition/guide_nav.py gives centres the menu mkdocs.yml gives this project's site."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("!ENV", lambda loader, node: None)
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    assert ours == GUIDE_NAV


def test_the_starters_sample_menu_lists_every_page_of_the_guide() -> None:
    """A centre that takes the commented-out menu in its mkdocs.yml as a start loses no page
    (the sheet maker, the message composer and the sources were once missing from it)."""
    text = (ROOT / "generator" / "edition" / "starter" / "mkdocs.yml").read_text(encoding="utf-8")
    sample = text[text.index("# nav:"):]
    nav = yaml.safe_load("\n".join(line.removeprefix("# ") for line in sample.splitlines()))

    def pages(entries: list) -> list[str]:
        found = []
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            found += pages(value) if isinstance(value, list) else [value]
        return found

    own = [page for page in pages(nav["nav"]) if page not in pages(GUIDE_NAV)]
    assert own == ["our-service.md"]
    assert [page for page in pages(nav["nav"]) if page not in own] == pages(GUIDE_NAV)


def test_handouts_made_in_a_centre_folder_carry_the_centre(tmp_path: Path) -> None:
    site = new_site(tmp_path / "careers")
    fill_in(site)
    made = run_cli("sheets", "--output", str(tmp_path / "handouts"), "--bank",
                   str(ROOT / "question_bank"), cwd=site)
    assert made.returncode == 0, made.stderr
    record = run_cli("record", "debrief", "--output", str(tmp_path / "debrief.html"), cwd=site)
    assert record.returncode == 0, record.stderr
    for path in (tmp_path / "handouts" / "student-20min.html", tmp_path / "debrief.html"):
        assert f"From {CENTRE['name']}." in path.read_text(encoding="utf-8"), path
    # The same command in this project's folder, which names no centre, adds no footer.
    assert run_cli("record", "debrief", "--output", str(tmp_path / "ours.html")).returncode == 0
    assert '<p class="ii-centre">' not in (tmp_path / "ours.html").read_text(encoding="utf-8")


def test_the_starters_example_overlay_is_valid_and_check_reads_it(tmp_path: Path) -> None:
    """`infointerview check` in a centre's folder checks the shipped bank plus the overlay, and
    the example the starter gives (add, replace, hide) passes it."""
    site = new_site(tmp_path / "careers")
    readme = (site / "question_bank" / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", readme, re.S).group(1)
    (site / "question_bank" / "ours.yml").write_text(example, encoding="utf-8")
    listed = run_cli("list", "industries", cwd=site)
    assert listed.returncode == 0, listed.stderr
    assert "agriculture" in listed.stdout and "healthcare" in listed.stdout
    (site / "question_bank" / "ours.yml").write_text(
        example.replace("category: industry", "category: harvest"), encoding="utf-8")
    checked = run_cli("check", cwd=site)
    assert checked.returncode == 1
    assert "question_bank/ours.yml:" in checked.stderr and "harvest" in checked.stderr


def test_a_logo_that_is_not_there_stops_the_build_naming_it(tmp_path: Path) -> None:
    site = _starter_with(tmp_path, "# logo: assets/logo.svg", "logo: assets/crest.png")
    result = mkdocs(site)
    assert result.returncode != 0
    assert (f"mkdocs.yml:{_line(site, 'crest.png')}: centre.logo: 'assets/crest.png' is not a "
            "file in the docs folder") in result.stderr


def test_centre_details_are_escaped_wherever_they_land(tmp_path: Path) -> None:
    site = new_site(tmp_path / "careers")
    fill_in(site, pdf=False)
    config = site / "mkdocs.yml"
    hostile = "<script>window.__pwned=1</script> *Centre* [link](javascript:alert(1))"
    text = config.read_text(encoding="utf-8").replace(repr(CENTRE["name"]), repr(hostile))
    text = text.replace(repr(CENTRE["contact"]), repr('"><img src=x onerror=alert(1)>'))
    config.write_text(text, encoding="utf-8")
    result = mkdocs(site)
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "about/accessibility.html", "about/privacy.html",
                 "sheets/student.html", "records/debrief.html"):
        html = read(site, page)
        assert "<script>window.__pwned" not in html, page
        assert "<img src=x" not in html, page
        assert "javascript:alert" not in html.replace("[link](javascript:alert(1))", ""), page
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html, page


def test_the_projects_own_edition_has_both_statements_and_no_centre(built_site: Path) -> None:
    accessibility = (built_site / "about" / "accessibility.html").read_text(encoding="utf-8")
    assert "infointerview project" in accessibility and "axe-core" in accessibility
    assert "no cookies" in (built_site / "about" / "privacy.html").read_text("utf-8").lower()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="about/accessibility.html"' in home and 'href="about/privacy.html"' in home
    assert "ii-footer__centre" not in home
    assert '<p class="ii-centre">' not in (built_site / "sheets" / "student.html").read_text("utf-8")


def test_an_english_only_edition_has_no_french_pages(centre_site: tuple[Path, str]) -> None:
    """The guide ships its French beside its English (`x.fr.md`): a site that did not ask for
    French shows none of it, neither as pages of their own nor in a folder."""
    site, _ = centre_site
    built = site / "site"
    assert not list(built.rglob("*.fr.html"))
    assert not (built / "fr").exists()
    assert '<html lang="en"' in read(site, "guide/asking.html")
