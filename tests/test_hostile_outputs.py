"""Hostile folders and settings for what the commands write (issue 23, classes 3, 4, 6 and 9):
`package` trusts nothing in the site folder, `new-site` gives one line for every path problem,
and the PDF cache hits under any umask and misses when the user's fonts change. Each case runs
the real command in a fresh process."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import run, run_cli
from tests.test_hostile_input import _as_nobody, _no_traceback

MENU = ('<nav class="md-nav md-nav--primary"><a class="md-nav__link" href="index.html">Home</a>'
        '<a class="md-nav__link" href="guide.html">The \x0cguide</a></nav>')


def _site(folder: Path, title: str = "Careers") -> Path:
    """A small built site: a home page with Material's menu, a page and a PDF."""
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(f"<title>{title}</title>{MENU}", encoding="utf-8")
    (folder / "guide.html").write_text("<title>Guide</title>", encoding="utf-8")
    (folder / "sheets").mkdir()
    (folder / "sheets" / "explore.pdf").write_bytes(b"%PDF-1.7\n%%EOF\n")
    return folder


def _names(archive: Path) -> list[str]:
    with zipfile.ZipFile(archive) as opened:
        return opened.namelist()


@pytest.mark.parametrize("link", ["file", "folder"])
def test_package_refuses_a_site_with_symbolic_links_and_names_them(
    tmp_path: Path, link: str
) -> None:
    site = _site(tmp_path / "site")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "key.txt").write_text("TOP SECRET", encoding="utf-8")
    if link == "file":
        (site / "passwd.html").symlink_to("/etc/passwd")
    else:
        (site / "assets").symlink_to(secret)
    result = run_cli("package", "--site", str(site), "--output", str(tmp_path / "dist"))
    _no_traceback(result)
    shown = "'passwd.html'" if link == "file" else "'assets'"
    assert result.stderr.startswith(f"Error: refusing to pack {site}: it holds symbolic links")
    assert shown in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize("output", ["/", "site", "site/dist", "."])
def test_package_output_gets_the_checks_every_output_has(tmp_path: Path, output: str) -> None:
    _site(tmp_path / "site")
    before = sorted(path.name for path in (tmp_path / "site").iterdir())
    result = run_cli("package", "--site", "site", "--output", output, cwd=tmp_path)
    _no_traceback(result)
    assert result.stderr.startswith("Error: refusing to write into")
    assert sorted(path.name for path in (tmp_path / "site").iterdir()) == before
    assert not (tmp_path / "site-offline.zip").exists()


def test_package_leaves_out_archives_of_an_earlier_run(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    (site / "site-offline.zip").write_bytes(b"PK old archive")
    (site / "downloads").mkdir()
    (site / "downloads" / "site.imscc").write_bytes(b"PK old cartridge")
    result = run_cli("package", "--site", str(site), "--output", str(tmp_path / "dist"))
    assert result.returncode == 0, result.stderr
    assert "Left out site-offline.zip: an archive from an earlier run" in result.stderr
    assert "Left out downloads/site.imscc" in result.stderr
    assert _names(tmp_path / "dist" / "site-offline.zip") == [
        "guide.html", "index.html", "sheets/explore.pdf"]
    again = run_cli("package", "--site", str(site), "--output", str(tmp_path / "dist"))
    assert again.returncode == 0, again.stderr  # its own folder: replaced whole


def test_the_manifest_is_valid_xml_whatever_the_titles_hold(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", title="Careers\x1b]0;owned\x07 &amp; <Jobs>")
    result = run_cli("package", "--site", str(site), "--output", str(tmp_path / "dist"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "dist" / "site.imscc") as cartridge:
        root = ET.fromstring(cartridge.read("imsmanifest.xml"))  # raises if not XML
    titles = [element.text for element in root.iter() if element.tag.endswith("title")]
    assert "The guide" in titles
    strings = [element.text for element in root.iter() if element.tag.endswith("string")]
    assert strings == ["Careers]0;owned & <Jobs>"]


def test_new_site_gives_one_line_for_each_path_problem(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    (tmp_path / "broken").symlink_to(tmp_path / "nowhere")
    cases = {
        str(tmp_path / "a-file" / "site"): f"{tmp_path / 'a-file'} is a file, not a folder",
        str(tmp_path / "broken"): "which does not exist",
        str(tmp_path / "a-file"): "it is a file, not a folder",
        "/proc/careers": "cannot write to /proc/careers",
    }
    for target, message in cases.items():
        result = run_cli("new-site", target)
        _no_traceback(result)
        assert message in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.skipif(shutil.which("setpriv") is None or os.geteuid() != 0,
                    reason="needs root and setpriv to test as an ordinary user")
def test_new_site_in_a_folder_it_cannot_write_is_one_line() -> None:
    work = Path(tempfile.mkdtemp(prefix="infointerview-new-site-"))
    try:
        work.chmod(0o755)
        (work / "locked").mkdir(mode=0o755)
        result = _as_nobody(["new-site", str(work / "locked" / "careers")], work)
        _no_traceback(result)
        assert result.stderr.strip() == (
            f"Error: cannot write to {work / 'locked' / 'careers'}: Permission denied")
        assert not (work / "locked" / "careers").exists()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _pdf(tmp_path: Path, name: str, cache: Path, **env: str) -> bytes:
    command = [sys.executable, "-c", "import os, sys; os.umask(0o002); from generator.cli "
               "import main; sys.argv[0] = 'infointerview'; main()",
               "sheet", "--goal", "explore", "-o", str(tmp_path / name)]
    result = run(command, INFOINTERVIEW_CACHE_DIR=str(cache), **env)
    assert result.returncode == 0, result.stderr
    return (tmp_path / name).read_bytes()


def test_the_pdf_cache_hits_under_umask_002(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _pdf(tmp_path, "a.pdf", cache, HOME=str(tmp_path))
    (entry,) = cache.glob("pdf-*.pdf")
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    # A mark only the cache entry carries: the next PDF has it only if it came from the cache.
    entry.write_bytes(entry.read_bytes() + b"%from-the-cache\n%%EOF\n")
    assert b"%from-the-cache" in _pdf(tmp_path, "b.pdf", cache, HOME=str(tmp_path))


@pytest.mark.parametrize("change", ["user fonts.conf", "user font", "FONTCONFIG_FILE"])
def test_the_users_own_font_settings_are_part_of_the_cache_key(
    tmp_path: Path, change: str
) -> None:
    cache = tmp_path / "cache"
    home = tmp_path / "home"
    home.mkdir()
    _pdf(tmp_path, "a.pdf", cache, HOME=str(home))
    env = {"HOME": str(home)}
    if change == "user fonts.conf":
        (home / ".config" / "fontconfig").mkdir(parents=True)
        (home / ".config" / "fontconfig" / "fonts.conf").write_text("<fontconfig/>", "utf-8")
    elif change == "user font":
        (home / ".local" / "share" / "fonts").mkdir(parents=True)
        (home / ".local" / "share" / "fonts" / "Own.ttf").write_bytes(b"\0" * 64)
    else:
        env["FONTCONFIG_FILE"] = "/etc/fonts/fonts.conf"
    _pdf(tmp_path, "b.pdf", cache, **env)
    assert len(list(cache.glob("pdf-*.pdf"))) == 2
