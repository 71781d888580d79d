"""Hostile centre options (issue 23, classes 1, 2, 4 and 5): a centre's mkdocs.yml is read and
checked through one path by the build and by the command line run in the centre's folder. Each
case runs the real `mkdocs build --strict` and the real command in fresh processes and checks
what a centre would see: exit status 1, `mkdocs.yml:LINE: option: message`, no traceback, and
nothing of the bad value in any output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SOURCE_DATE_EPOCH, run, run_cli

PLACEHOLDER = "        # url: https://careers.example.edu            # your home page\n"


def _site(tmp_path: Path, centre_lines: str, extra: str = "") -> Path:
    """A fresh `new-site` whose centre has `centre_lines` (YAML, indented 8) after its name."""
    site = tmp_path / "careers"
    made = run_cli("new-site", str(site))
    assert made.returncode == 0, made.stderr
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert PLACEHOLDER in text
    config.write_text(text.replace(PLACEHOLDER, centre_lines) + extra, encoding="utf-8")
    return site


def _line(site: Path, text: str) -> int:
    lines = (site / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def _build(site: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
               SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)


def _both_refuse(site: Path, expected: str) -> None:
    """The build and the command line stop on the same one-line message."""
    built = _build(site)
    assert built.returncode == 1, built.stderr
    assert expected in built.stderr and "Traceback" not in built.stderr
    assert not (site / "site").exists()
    sheet = run_cli("sheet", "--goal", "explore", "--output", "sheet.html", cwd=site)
    assert sheet.returncode == 1, sheet.stderr
    assert sheet.stderr.startswith(expected) and len(sheet.stderr.strip().splitlines()) == 1
    assert not (site / "sheet.html").exists()


@pytest.mark.parametrize("option, value", [
    ("url", "javascript://host/%0Aalert(1)"),
    ("booking_url", "JavaScript:alert(1)"),
    ("booking_url", "data:text/html,<script>alert(1)</script>"),
    ("url", "//evil.example/page"),
    ("contact", "javascript:alert(document.cookie)"),
    ("contact", "vbscript:msgbox(1)"),
    ("contact", "tel:+15551234"),
])
def test_a_configured_link_must_be_a_web_or_mail_address(
    tmp_path: Path, option: str, value: str
) -> None:
    site = _site(tmp_path, f"        {option}: {value!r}\n")
    line = _line(site, f"        {option}: ")
    allowed = ("https://, http:// or mailto:" if option == "contact"
               else "https:// or http://")
    _both_refuse(site, f"mkdocs.yml:{line}: centre.{option}: "
                 + ("a link here must start with " if option == "contact"
                    else "expected a web address starting with ") + allowed
                 + f" but received: {value!r}")


def test_web_and_mail_addresses_reach_the_cli_sheet_and_the_footer(tmp_path: Path) -> None:
    site = _site(tmp_path, "        url: https://careers.example.edu\n"
                           "        contact: careers@example.edu\n"
                           "        booking_url: http://book.example.edu/?a=1&b=2\n")
    sheet = run_cli("sheet", "--goal", "explore", "--output", "sheet.html", cwd=site)
    assert sheet.returncode == 0, sheet.stderr
    html = (site / "sheet.html").read_text(encoding="utf-8")
    assert 'href="http://book.example.edu/?a=1&amp;b=2"' in html
    assert 'href="mailto:careers@example.edu"' in html


@pytest.mark.parametrize("name, code", [(r"Careers\e]0;owned\a", "001B"),
                                        (r"Careers\x00Centre", "0000"),
                                        (r"Careers\u0085Centre", "0085")])
def test_control_characters_in_configured_text_are_refused(
    tmp_path: Path, name: str, code: str
) -> None:
    site = tmp_path / "careers"
    run_cli("new-site", str(site))
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("name: Your Career Centre", f'name: "{name}"'), "utf-8")
    # The reader refuses it before any option is looked at, for the build as for the CLI.
    line = _line(site, 'name: "Careers')
    _both_refuse(site, f"mkdocs.yml:{line}: control character "
                       f"U+{code} is not allowed in mkdocs.yml; remove it or write the text "
                       "without it")


@pytest.mark.parametrize("logo, reason", [
    ("../outside.svg", "expected a path inside the docs folder"),
    ("/etc/passwd", "expected a path inside the docs folder"),
    ("assets/notes.txt", "expected a picture ending in one of"),
    ("https://cdn.example/logo.png", "expected a path inside the docs folder"),
])
def test_a_logo_must_be_a_picture_inside_the_docs_folder(
    tmp_path: Path, logo: str, reason: str
) -> None:
    (tmp_path / "outside.svg").write_text("<svg/>", encoding="utf-8")
    site = _site(tmp_path, f"        logo: {logo!r}\n")
    _both_refuse(site, f"mkdocs.yml:{_line(site, '        logo: ')}: centre.logo: {reason}")


def test_a_logo_linked_out_of_the_docs_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.svg").write_text("<svg/>", encoding="utf-8")
    site = _site(tmp_path, "        logo: assets/logo.svg\n")
    (site / "docs" / "assets" / "logo.svg").unlink(missing_ok=True)
    (site / "docs" / "assets" / "logo.svg").symlink_to(tmp_path / "secret.svg")
    _both_refuse(site, f"mkdocs.yml:{_line(site, '        logo: ')}: centre.logo: 'assets/logo.svg' "
                       f"is not a file in the docs folder docs")


def test_an_alias_bomb_in_mkdocs_yml_stops_the_cli_with_its_line(tmp_path: Path) -> None:
    bomb = "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 12))
    site = _site(tmp_path, "", extra='l0: &l0 "lol"\n' + bomb)
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=site, text=True,
                            capture_output=True, timeout=120, check=False)  # a hang fails here
    assert result.returncode == 1
    assert result.stderr.strip() == (f"mkdocs.yml:{_line(site, 'l0: &l0')}: anchors and "
                                     "aliases (&name, *name) are not supported")


def test_tags_in_mkdocs_yml_are_never_run_by_the_cli(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    site = _site(tmp_path, "        url: !ENV [CENTRE_URL, 'https://careers.example.edu']\n",
                 extra=f"hook: !!python/object/apply:os.system ['touch {marker}']\n"
                       "emoji: !!python/name:os.system\n")
    result = run_cli("sheet", "--goal", "explore", cwd=site)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()


def test_a_centre_without_a_name_is_refused_by_both(tmp_path: Path) -> None:
    site = tmp_path / "careers"
    run_cli("new-site", str(site))
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("name: Your Career Centre",
                                   "url: https://careers.example.edu"), "utf-8")
    _both_refuse(site, f"mkdocs.yml:{_line(site, '      centre:')}: centre.name: missing; centre "
                       "needs a name: Shown in the header, the footer and on every sheet.")
