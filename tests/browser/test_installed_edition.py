"""The career-centre path end to end, from a wheel: build the wheel from this checkout, install
it into a fresh virtual environment, make a centre's site with `new-site`, fill in the centre,
add a question for a new industry and a page, and build with --strict. Then look at the result
as a student would: the centre everywhere, the statements, axe-core clean in light and dark,
and not one request to another site.

Installing takes a minute or two: the dependencies come from the package index.
"""

from __future__ import annotations

import os
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
from .test_accessibility import DESKTOP, SCHEMES, check_page

pytestmark = pytest.mark.browser

INSTALL_TIMEOUT = 900


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


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_installed_edition_passes_axe_and_stays_on_the_site(
    scheme: str, centre_build: tuple[Path, str], centre_url: str,
    new_page: Callable[..., Page],
) -> None:
    axe = Axe()
    page = new_page(color_scheme=scheme, viewport=DESKTOP)
    log = watch(page)
    failures: list[str] = []
    for name in site_pages(centre_build[0] / "site"):
        page.goto(centre_url + name)
        failures += check_page(axe, page, name, scheme)
    assert not failures, "\n".join(failures)
    assert [url for url in log.requests if not is_local(url, centre_url)] == []
