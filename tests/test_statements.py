"""The privacy notice and the accessibility statement say only what is true of the site built:
who keeps the server's log, which GDPR details are given or missing, what was checked, and a
configuration that would contact other websites stops the build."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from generator.core.centre import Centre
from generator.core.statement_facts import GDPR, MEANING, StatementFacts
from generator.site.statements import release, statement_pages
from tests.conftest import SOURCE_DATE_EPOCH, run, run_cli
from tests.edition_site import CENTRE, fill_in

FACTS = {
    "hosting": "gitlab-pages",
    "controller": "Northfield University",
    "address": "1 College Road, Northfield",
    "data_protection_contact": "dpo@northfield.example",
    "legal_basis": "legitimate interest in a secure website",
    "retention": "30 days",
    "supervisory_authority": "the Northfield Data Protection Office",
    "enforcement_body": "the Northfield Accessibility Monitor",
    "own_pages_checked": "on 12 January 2027, with axe DevTools and the keyboard",
}


def site_with(tmp_path: Path, options: str = "", extra: str = "") -> Path:
    """A filled-in starter site (no PDFs), with lines added under the plugin and at the end."""
    site = tmp_path / "careers"
    assert run_cli("new-site", str(site)).returncode == 0
    fill_in(site, pdf=False)
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8")
    anchor = "      # Facts for the privacy notice"
    assert anchor in text
    text = text.replace(anchor, options + anchor)
    config.write_text(text + extra, "utf-8")
    return site


def build(site: Path) -> object:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
               SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)


def text_of(site: Path, page: str) -> str:
    html = (site / "site" / page).read_text("utf-8")
    body = html.split('<article class="md-content__inner')[1].split("</article>")[0]
    return " ".join(re.sub(r"<[^>]+>", " ", body).split()).replace(" .", ".")


@pytest.fixture(scope="module")
def stated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A centre site that gives every fact, built once."""
    options = "      statements:\n" + "".join(
        f"        {key}: {value!r}\n" for key, value in FACTS.items())
    site = site_with(tmp_path_factory.mktemp("stated"), options)
    result = build(site)
    assert result.returncode == 0, result.stderr
    return site


def test_the_notice_says_the_hosting_company_keeps_the_log(stated: Path) -> None:
    privacy = text_of(stated, "about/privacy.html")
    assert "This site is hosted on GitLab Pages" in privacy
    assert "GitLab keeps a log of the requests" in privacy
    assert f"{CENTRE['name']} cannot see or delete that log" in privacy
    assert "is run by" not in privacy


def test_every_gdpr_detail_given_is_printed_and_nothing_is_called_missing(stated: Path) -> None:
    privacy = text_of(stated, "about/privacy.html")
    for key in GDPR:
        assert FACTS[key] in privacy, key
    assert "Not given yet" not in privacy
    assert "complain to a data protection authority" in privacy


def test_a_notice_without_facts_says_plainly_what_is_missing() -> None:
    page = statement_pages(Centre(name="Northfield", contact="help@northfield.example"),
                           StatementFacts())["about/privacy.md"]
    assert "This copy does not say where it is hosted, so this notice cannot say who keeps " \
           "that log. Ask help@northfield.example." in page
    missing = page.split("**Not given yet.**")[1].split("\n")[0]
    for key in GDPR:
        assert MEANING[key] in missing, key


@pytest.mark.parametrize(("hosting", "says"), [
    ("github-pages", "GitHub keeps a log of the requests"),
    ("own-server", "Northfield runs the web server that sends you these pages"),
    ("lms", "shown inside the learning platform of Northfield"),
])
def test_each_kind_of_hosting_names_who_keeps_the_log(hosting: str, says: str) -> None:
    page = statement_pages(Centre(name="Northfield"), StatementFacts(hosting=hosting))
    assert says in page["about/privacy.md"]


def test_the_accessibility_statement_says_what_was_checked_and_what_was_not(stated: Path) -> None:
    statement = text_of(stated, "about/accessibility.html")
    assert f"as they come in version {release()} of the infointerview package" in statement
    assert f"did not check the pages that {CENTRE['name']} wrote itself" in statement
    assert (f"{CENTRE['name']} checked those itself: on 12 January 2027, with axe DevTools and "
            "the keyboard.") in statement
    assert "partially compliant" in statement and "self-assessment" in statement
    assert "complain to the Northfield Accessibility Monitor" in statement
    assert "Markdown version" not in statement


@pytest.mark.parametrize(("extra", "words"), [
    ("  analytics:\n    provider: google\n    property: G-XXXXXXX\n", "extra.analytics is set"),
    ("extra_javascript:\n  - https://cdn.example.com/x.js\n",
     "extra_javascript lists https://cdn.example.com/x.js"),
    ("repo_url: https://github.com/northfield/careers\n", "repo_url is set"),
])
def test_a_setting_that_contacts_other_websites_stops_the_build(
    tmp_path: Path, extra: str, words: str,
) -> None:
    site = site_with(tmp_path)
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8")
    if extra.startswith("  "):  # under the existing `extra:`
        text = text.replace("extra:\n  generator: false\n", "extra:\n  generator: false\n" + extra)
    else:
        text += extra
    config.write_text(text, "utf-8")
    result = build(site)
    assert result.returncode != 0
    assert "the privacy notice says this site contacts no other website" in result.stderr
    assert words in result.stderr and str(config) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "site").exists()


def test_an_outside_font_stops_the_build(tmp_path: Path) -> None:
    site = site_with(tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  font: false        # no requests to Google Fonts\n",
        "  font:\n    text: Roboto\n"), "utf-8")
    result = build(site)
    assert result.returncode != 0
    assert "theme.font is not false" in result.stderr


@pytest.mark.parametrize(("options", "message"), [
    ("      statements:\n        hosting: netlify\n",
     "statements.hosting: Expected one of: ['github-pages', 'gitlab-pages', 'own-server', "
     "'lms'] but received: 'netlify'"),
    ("      statements:\n        controler: Northfield\n",
     "statements.controler: unknown option; the known options are hosting, controller"),
    ("      statements:\n        retention:\n", "statements.retention: is empty"),
])
def test_a_wrong_statement_option_stops_the_build_naming_it(
    tmp_path: Path, options: str, message: str,
) -> None:
    site = site_with(tmp_path, options)
    result = build(site)
    assert result.returncode != 0
    assert message in result.stderr and "mkdocs.yml:" in result.stderr
    assert "Traceback" not in result.stderr


def test_facts_are_text_in_the_notice_never_markup(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script> [click](javascript:alert(1)) **bold**"
    options = ("      statements:\n        hosting: own-server\n"
               f"        controller: {hostile!r}\n        retention: {hostile!r}\n")
    site = site_with(tmp_path, options)
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "about" / "privacy.html").read_text("utf-8")
    assert "<script>alert(1)" not in html and 'href="javascript:' not in html
    assert "<strong>bold</strong>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
