"""The career-centre path end to end, from a wheel: build the wheel from this checkout, install
it into a fresh virtual environment, make a centre's site with `new-site`, fill in the centre,
add a question for a new industry and a page, and build with --strict. Then look at the result
as a student would: the centre everywhere, the statements, axe-core clean in light and dark,
and on every page not one request to another site, console error or uncaught exception. And
the upgrade a centre makes: a site built with an older release, whose overlay replaces a
question this release renamed, upgraded to this wheel.

Installing takes a minute or two: the dependencies come from the package index.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page
from pypdf import PdfReader

from tests.conftest import QUIET, ROOT, SOURCE_DATE_EPOCH
from tests.edition_site import CENTRE, FAILING_COLOUR, NEW_INDUSTRY_QUESTION, fill_in

from .conftest import is_local, serve, site_pages, watch
from .test_accessibility import DESKTOP, check_both_schemes

pytestmark = pytest.mark.browser

INSTALL_TIMEOUT = 900
# A rename this release records in question_bank/renamed.yml (two questions merged into one).
OLD, NEW = "story-turning-point", "story-key-steps"
OVERLAY = (f"questions:\n  - id: {OLD}\n"
           "    text: Was there one moment that changed the direction of your work?\n"
           "    category: story\n    kind: key-moves\n    priority: core\n"
           "    why: It shows how careers really turn.\n")


def _run(args: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    # Nothing from this checkout may leak in: no PYTHONPATH, and the commands run elsewhere.
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False,
                          timeout=timeout,
                          env={**env, **QUIET, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel of this checkout installed; its bin folder."""
    work = tmp_path_factory.mktemp("wheel")
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(work / "dist"),
                  str(ROOT)], cwd=work, timeout=INSTALL_TIMEOUT)
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "dist").glob("infointerview-*.whl")
    venv.create(work / "venv", with_pip=True)
    bin_dir = work / "venv" / ("Scripts" if os.name == "nt" else "bin")
    install = _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                   cwd=work, timeout=INSTALL_TIMEOUT)
    assert install.returncode == 0, install.stderr
    return bin_dir


@pytest.fixture(scope="module")
def centre_build(installed: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    work = tmp_path_factory.mktemp("installed-centre")
    made = _run([str(installed / "infointerview"), "new-site", "careers"], cwd=work)
    assert made.returncode == 0, made.stderr
    site = work / "careers"
    fill_in(site)
    # Facts for the statements, and a hidden composer template (both issue 22).
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "      # statements:\n", "      statements:\n        hosting: github-pages\n"
        "        controller: Northfield University\n      # statements:\n", 1), "utf-8")
    (site / "question_bank" / "hide.yml").write_text("hide:\n  templates: [linkedin-note]\n",
                                                     "utf-8")
    result = _run([str(installed / "mkdocs"), "build", "--strict"], cwd=site)
    assert result.returncode == 0, result.stderr
    return site, result.stderr


def test_the_installed_package_uses_its_own_files_not_the_checkout(installed: Path) -> None:
    where = _run([str(installed / "python"), "-c",
                  "import generator.core.resources as r; print(r.shipped_path('content'))"],
                 cwd=installed)
    assert where.returncode == 0, where.stderr
    content = Path(where.stdout.strip())
    assert content.is_dir() and "site-packages" in content.parts
    assert not content.is_relative_to(ROOT)


def test_the_installed_edition_shows_the_centre_everywhere(
    centre_build: tuple[Path, str],
) -> None:
    site, output = centre_build
    built = site / "site"
    home = (built / "index.html").read_text(encoding="utf-8")
    assert CENTRE["name"] in home and 'src="assets/logo.svg"' in home
    assert f'href="{CENTRE["booking_url"]}"' in home  # the footer
    assert f"From {CENTRE['name']}." in (built / "sheets" / "student.html").read_text("utf-8")
    pdf = " ".join(p.extract_text() for p in PdfReader(built / "sheets" / "explore-a4.pdf").pages)
    assert CENTRE["name"] in " ".join(pdf.split())
    for statement in ("about/accessibility.html", "about/privacy.html"):
        assert CENTRE["name"] in (built / statement).read_text(encoding="utf-8"), statement
    assert NEW_INDUSTRY_QUESTION in (built / "questions" / "index.html").read_text("utf-8")
    assert (built / "drop-in.html").is_file()
    assert sum(FAILING_COLOUR in line for line in output.splitlines()) == 1
    privacy = (built / "about" / "privacy.html").read_text("utf-8")
    assert "GitHub keeps a log" in privacy and "Northfield University" in privacy
    first = PdfReader(built / "sheets" / "explore-a4.pdf")
    assert first.metadata.author == CENTRE["name"]
    assert CENTRE["booking_url"] in " ".join(first.pages[0].extract_text().split())
    assert "Short LinkedIn connection note" not in (built / "guide" / "asking.html").read_text(
        "utf-8")


@pytest.fixture(scope="module")
def centre_url(centre_build: tuple[Path, str]) -> Iterator[str]:
    with serve(centre_build[0] / "site") as url:
        yield url


def test_the_installed_edition_passes_axe_and_stays_on_the_site(
    centre_build: tuple[Path, str], centre_url: str, new_page: Callable[..., Page],
) -> None:
    axe = Axe()
    page = new_page(color_scheme="light", viewport=DESKTOP)
    log = watch(page)
    failures: list[str] = []
    for name in site_pages(centre_build[0] / "site"):
        page.goto(centre_url + name)  # returns once the page's scripts have run (new_page)
        failures += check_both_schemes(axe, page, name)
    page.wait_for_load_state("networkidle")  # a late request of the last page counts too
    assert not failures, "\n".join(failures)
    # The same walk shows that no page of a branded edition asks another site for anything,
    # logs an error or throws (a wheel missing a vendored file would fetch it from a CDN).
    assert [url for url in log.requests if not is_local(url, centre_url)] == []
    assert log.console_errors == [] and log.page_errors == []


def _older_release(work: Path) -> Path:
    """The one extra wheel: this checkout as version 0.1.0, before OLD was merged into NEW
    (OLD is its own question there, and renamed.yml does not list it)."""
    source = work / "source"
    for name in ("generator", "content", "question_bank", "site_overrides"):
        shutil.copytree(ROOT / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__", "_data", "*.pyc"))
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE",
                 "CHANGELOG.md"):
        shutil.copy(ROOT / name, source / name)
    pyproject = source / "pyproject.toml"
    pyproject.write_text(re.sub(r'(?m)^version = ".*"$', 'version = "0.1.0"',
                                pyproject.read_text("utf-8")), "utf-8")
    renamed = source / "question_bank" / "renamed.yml"
    text = renamed.read_text("utf-8")
    assert f"    {OLD}: {NEW}\n" in text
    renamed.write_text(text.replace(f"    {OLD}: {NEW}\n", ""), "utf-8")
    with (source / "question_bank" / "questions" / "story.yml").open("a", encoding="utf-8") as f:
        f.write(f"  - id: {OLD}\n    text: Was there a turning point in your career?\n"
                "    category: story\n    kind: key-moves\n    goals: all\n    roles: all\n"
                "    priority: optional\n    why: One moment often explains a whole path.\n")
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(work / "dist"),
                  str(source)], cwd=work, timeout=INSTALL_TIMEOUT)
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "dist").glob("infointerview-0.1.0-*.whl")
    return wheel


def test_an_upgrade_that_renamed_an_overlays_id_names_the_new_id_and_then_builds(
    installed: Path, tmp_path: Path,
) -> None:
    (this_release,) = (installed.parent.parent / "dist").glob("infointerview-*.whl")
    python, infointerview = str(installed / "python"), str(installed / "infointerview")
    pip = [python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall"]
    older = _older_release(tmp_path / "older")
    try:
        # The centre made its site with the older release and replaced one of its questions.
        assert _run([*pip, str(older)], cwd=tmp_path).returncode == 0
        assert _run([infointerview, "new-site", "careers"], cwd=tmp_path).returncode == 0
        site = tmp_path / "careers"
        fill_in(site, pdf=False)
        ours = site / "question_bank" / "ours.yml"
        ours.write_text(OVERLAY, "utf-8")
        build = [python, "-m", "mkdocs", "build", "--strict"]
        before = _run(build, cwd=site)
        assert before.returncode == 0, before.stderr
        # The upgrade, to this release's wheel: the build stops at the overlay's own line.
        assert _run([*pip, str(this_release)], cwd=tmp_path).returncode == 0
        version = _run([infointerview, "--version"], cwd=site)
        assert "0.1.0" not in version.stdout, version.stdout
        message = (f"question_bank/ours.yml:2: the question {OLD!r} was renamed {NEW!r}; write "
                   f"{NEW!r} to replace it, or choose another id for a new question")
        checked, after = _run([infointerview, "check"], cwd=site), _run(build, cwd=site)
        for result in (checked, after):
            assert result.returncode != 0
            assert message in result.stderr, result.stderr
            assert "Traceback" not in result.stderr and "site-packages" not in result.stderr
        # Written as the message says, the site builds, with the centre's wording.
        ours.write_text(OVERLAY.replace(OLD, NEW), "utf-8")
        fixed = _run(build, cwd=site)
        assert fixed.returncode == 0, fixed.stderr
        bank = (site / "site" / "questions" / "index.html").read_text("utf-8")
        assert "Was there one moment that changed the direction of your work?" in bank
    finally:  # the module's other tests use this release
        assert _run([*pip, str(this_release)], cwd=tmp_path).returncode == 0
