"""Hostile and broken input (issue 14): each hole found by an attack on the bank, the CLI and
the cache, and the safe behaviour that replaced it. Every case runs the real command in a fresh
process and checks what a user would see: the exit status, a one-line message, no traceback,
no signal death, sources unchanged and nothing half-written."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import BANK, ROOT, copy_project, mkdocs_build, run, run_cli

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def _digest(folder: Path) -> str:
    hasher = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            hasher.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return hasher.hexdigest()


def _bank_with(tmp_path: Path, name: str, data: bytes) -> Path:
    bank = Path(shutil.copytree(MINIMAL, tmp_path / "bank"))
    (bank / name).write_bytes(data)
    return bank


@pytest.mark.parametrize("opening, closing", [("[", "]"), ("{a: ", "}")], ids=["lists", "maps"])
def test_deep_nesting_is_refused_before_the_parser_can_recurse(
    tmp_path: Path, opening: str, closing: str
) -> None:
    depth = 50_000  # 40,000 levels once killed the process inside libyaml's composer
    bank = _bank_with(tmp_path, "deep.yml", f"a: {opening * depth}{closing * depth}\n".encode())
    result = run_cli("check", "--bank", str(bank))
    _no_traceback(result)  # also: not -11 (SIGSEGV)
    assert "deep.yml:1: nested more than 20 levels deep" in result.stderr


def test_deep_nesting_stops_a_site_build_with_a_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    deep = "x: " + "[" * 30_000 + "]" * 30_000 + "\n"
    (project / "question_bank" / "deep.yml").write_text(deep, encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 1 and "nested more than 20 levels deep" in result.stderr
    assert not (project / "site").exists()


@pytest.mark.parametrize("output", ["content", "question_bank", ".", "/", "content/guide",
                                    "generator/rendering/templates"])
def test_pages_refuses_to_write_over_its_own_sources(tmp_path: Path, output: str) -> None:
    project = copy_project(tmp_path / "project")
    before = _digest(project)
    result = run_cli("pages", "--output", output, cwd=project)
    _no_traceback(result)
    assert result.stderr.startswith("Error: refusing to write into"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert _digest(project) == before


def test_pages_refuses_a_folder_inside_the_installed_templates(tmp_path: Path) -> None:
    templates = ROOT / "generator" / "rendering" / "templates" / "inner"
    result = run_cli("pages", "--output", str(templates))
    _no_traceback(result)
    assert "overlaps the source folder" in result.stderr and not templates.exists()


def test_a_link_out_of_the_bank_folder_is_not_read_or_quoted(tmp_path: Path) -> None:
    bank = Path(shutil.copytree(MINIMAL, tmp_path / "bank"))
    secret = tmp_path / ".env"
    secret.write_text("SECRET_TOKEN=hunter2\n", encoding="utf-8")
    (bank / "secrets.yml").symlink_to(secret)
    (bank / "environ.yml").symlink_to("/proc/self/environ")
    result = run_cli("check", "--bank", str(bank))
    _no_traceback(result)
    assert "environ.yml: is a link to a file outside the bank folder, which is not read" in result.stderr
    assert "secrets.yml: is a link to a file outside the bank folder" in result.stderr
    assert "hunter2" not in result.stderr and "PATH=" not in result.stderr


def test_a_link_inside_the_bank_folder_is_read(tmp_path: Path) -> None:
    bank = Path(shutil.copytree(MINIMAL, tmp_path / "bank"))
    (bank / "bank.yml").rename(bank / "real.txt")
    (bank / "bank.yml").symlink_to(bank / "real.txt")
    assert run_cli("check", "--bank", str(bank)).returncode == 0


def test_fifos_and_links_to_folders_are_reported_not_skipped(tmp_path: Path) -> None:
    bank = Path(shutil.copytree(MINIMAL, tmp_path / "bank"))
    os.mkfifo(bank / "pipe.yml")
    (bank / "more").symlink_to(tmp_path)
    result = run_cli("check", "--bank", str(bank))
    _no_traceback(result)
    assert "pipe.yml:1: not a regular file" in result.stderr
    assert "more: is a link to a folder, which is not read" in result.stderr


def test_uppercase_suffixes_are_read(tmp_path: Path) -> None:
    bank = Path(shutil.copytree(MINIMAL, tmp_path / "bank"))
    (bank / "extra.YML").write_text("questions:\n  - {id: bad}\n", encoding="utf-8")
    result = run_cli("check", "--bank", str(bank))
    assert "extra.YML:2: question 'bad' is missing the required key" in result.stderr


@pytest.mark.pdf
def test_an_unwritable_cache_is_simply_not_used(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    output = tmp_path / "sheet.pdf"
    result = run([sys.executable, "-m", "generator", "sheet", "--goal", "student", "-o",
                  str(output)], INFOINTERVIEW_CACHE_DIR=str(blocker / "cache"))
    assert result.returncode == 0, result.stderr
    assert output.read_bytes().startswith(b"%PDF-")


@pytest.mark.pdf
def test_pdf_cache_entries_it_did_not_write_are_treated_as_absent(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"INFOINTERVIEW_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "generator", "sheet", "--goal", "explore", "-o"]
    assert run([*command, str(tmp_path / "a.pdf")], **env).returncode == 0
    (entry,) = cache.glob("pdf-*.pdf")
    entry.write_bytes(b"%PDF-1.7 planted\n%%EOF\n")
    entry.chmod(0o666)  # writable by anyone: not ours to trust
    assert run([*command, str(tmp_path / "b.pdf")], **env).returncode == 0
    assert b"planted" not in (tmp_path / "b.pdf").read_bytes()
    entry.chmod(0o600)
    entry.write_bytes(b"%PDF-1.7 trunc")  # cut short
    assert run([*command, str(tmp_path / "c.pdf")], **env).returncode == 0
    assert (tmp_path / "c.pdf").read_bytes().rstrip().endswith(b"%%EOF")
    assert not list(cache.glob("*.tmp")) and not list(cache.glob(".*.tmp"))


def test_many_problems_are_reported_quickly_and_capped(tmp_path: Path) -> None:
    # Each item misses five required keys: 50,000 problems (40,000 took 34 seconds of
    # re-reading once).
    lines = ["questions:"] + [f"  - {{id: bad-{n}}}" for n in range(10_000)]
    bank = _bank_with(tmp_path, "many.yml", "\n".join(lines).encode())
    result = run_cli("check", "--bank", str(bank))
    _no_traceback(result)
    assert "... and 49800 more, not shown." in result.stderr
    assert result.stderr.rstrip().endswith("Found 50000 problems in the question bank.")


@pytest.mark.parametrize("number", ["1" * 5000, "0x" + "f" * 4000, "1:" * 3000 + "1"],
                         ids=["decimal", "hex", "sexagesimal"])
def test_huge_numbers_are_refused_with_a_message(tmp_path: Path, number: str) -> None:
    bank = _bank_with(tmp_path, "big.yml", f"steps:\n  - minutes: {number}\n".encode())
    result = run_cli("check", "--bank", str(bank))
    _no_traceback(result)
    assert "big.yml:2: number of " in result.stderr and "is too long" in result.stderr


def test_a_change_to_the_parser_is_seen_by_the_next_command(tmp_path: Path) -> None:
    # Caches keyed by file bytes once hid a parser change; nothing of the bank is cached now.
    project = copy_project(tmp_path / "project")
    assert run_cli("check", cwd=project).returncode == 0
    parser = project / "generator" / "core" / "yaml_parse.py"
    parser.write_text(parser.read_text().replace("MAX_DEPTH = 20", "MAX_DEPTH = 3"))
    result = run_cli("check", cwd=project)
    assert result.returncode == 1 and "nested more than 3 levels deep" in result.stderr


@pytest.mark.parametrize("make_target", ["file", "under-file", "proc"])
def test_bad_output_paths_give_one_line_and_write_nothing(tmp_path: Path, make_target: str) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    target = {"file": blocker, "under-file": blocker / "out", "proc": Path("/proc/out")}[make_target]
    for command in (["sheets", "--output", str(target)], ["pages", "--output", str(target)],
                    ["sheet", "--goal", "explore", "--output", str(target / "x.html")],
                    ["record", "debrief", "--output", str(target / "x.html")]):
        result = run_cli(*command)
        _no_traceback(result)
        assert result.stderr.startswith("Error: "), result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert blocker.read_text() == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker"]


def test_sheet_to_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "x.html").mkdir()
    result = run_cli("sheet", "--goal", "explore", "--output", str(tmp_path / "x.html"))
    _no_traceback(result)
    assert "it is a folder; give a file name" in result.stderr


def test_writing_pages_again_after_removing_a_goal_leaves_no_old_files(tmp_path: Path) -> None:
    output = tmp_path / "docs"
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "goal.yml").write_text(
        "goals:\n  - {id: second, title: Second, description: D., emphasis: E.}\n",
        encoding="utf-8")
    with_goal = run_cli("pages", "--output", str(output), "--bank", str(BANK), "--bank",
                        str(overlay))
    assert with_goal.returncode == 0, with_goal.stderr
    assert (output / "sheets" / "second.md").is_file()
    assert run_cli("pages", "--output", str(output)).returncode == 0
    assert not (output / "sheets" / "second.md").exists()
    assert (output / "sheets" / "explore.md").is_file()


def test_pages_will_not_replace_a_folder_it_did_not_write(tmp_path: Path) -> None:
    output = tmp_path / "mine"
    output.mkdir()
    (output / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run_cli("pages", "--output", str(output))
    _no_traceback(result)
    assert "has files that infointerview did not write" in result.stderr
    assert (output / "notes.txt").read_text() == "keep me"


def _as_nobody(args: list[str], work: Path) -> subprocess.CompletedProcess[str]:
    """Run `infointerview ARGS` as an ordinary user: CI runs as root, whom permissions do not
    stop. The checkout may sit in a folder that user cannot enter (a private temporary folder),
    so the generator and the libraries `check` imports are copied into `work` first."""
    import importlib

    lib = work / "lib"
    for name in ("generator", "yaml", "click", "jinja2", "markupsafe"):
        source = Path(importlib.import_module(name).__file__).parent
        shutil.copytree(source, lib / name, ignore=shutil.ignore_patterns("__pycache__"))
    for path in [lib, *lib.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IROTH | (stat.S_IXOTH if path.is_dir() else 0))
    return subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
         sys.executable, "-m", "generator", *args],
        cwd=work, capture_output=True, text=True, check=False,
        env={**os.environ, "INFOINTERVIEW_CACHE_DIR": "", "PYTHONDONTWRITEBYTECODE": "1",
             "PYTHONPATH": str(lib)},
    )


@pytest.mark.skipif(shutil.which("setpriv") is None or os.geteuid() != 0,
                    reason="needs root and setpriv to test as an ordinary user")
def test_unreadable_files_and_folders_are_reported_not_skipped() -> None:
    # The project files must be readable by that user: use a world-readable temporary folder.
    work = Path(tempfile.mkdtemp(prefix="infointerview-unreadable-"))
    try:
        work.chmod(0o755)
        bank = Path(shutil.copytree(MINIMAL, work / "bank"))
        (bank / "sub").mkdir()
        (bank / "sub" / "more.yml").write_text("questions: []\n", encoding="utf-8")
        (bank / "locked.yml").write_text("questions: []\n", encoding="utf-8")
        for path in (work, bank, bank / "bank.yml"):
            path.chmod(path.stat().st_mode | stat.S_IROTH | stat.S_IXOTH)
        (bank / "locked.yml").chmod(0o600)
        (bank / "sub").chmod(0o700)
        result = _as_nobody(["check", "--bank", str(bank)], work)
        _no_traceback(result)
        assert "locked.yml:1: cannot read the file: Permission denied" in result.stderr
        assert "sub: cannot read the folder: Permission denied" in result.stderr
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.mark.parametrize("escape, code", [(r"\e]0;TITLE\a", "001B"), (r"\0", "0000"),
                                          (r"\x7f", "007F"), (r"\x9b", "009B")])
def test_control_characters_from_escapes_are_refused_at_their_line(
    tmp_path: Path, escape: str, code: str
) -> None:
    data = f'questions:\n  - id: x\n    text: "Hello {escape}"\n'.encode()
    result = run_cli("check", "--bank", str(_bank_with(tmp_path, "ctl.yml", data)))
    _no_traceback(result)
    assert f"ctl.yml:3: control character U+{code} is not allowed" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_a_raw_control_character_is_reported_at_its_real_line(tmp_path: Path) -> None:
    data = b"questions:\n  - id: x\n\n    text: Hello \x1b[31m red\n"
    result = run_cli("check", "--bank", str(_bank_with(tmp_path, "raw.yml", data)))
    _no_traceback(result)
    assert "raw.yml:4: control character U+001B is not allowed" in result.stderr
    assert "\x1b" not in result.stderr


def test_odd_file_names_are_shown_escaped(tmp_path: Path) -> None:
    bank = Path(shutil.copytree(MINIMAL, tmp_path / "bank"))
    (bank / "forged\nbank.yml:1: all good.yml").write_text("questions: 3\n", encoding="utf-8")
    handle = os.open(os.fsencode(bank) + b"/caf\xe9.yml", os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(handle, b"questions: 3\n")
    os.close(handle)
    result = run_cli("check", "--bank", str(bank))
    _no_traceback(result)
    assert "forged\\nbank.yml:1: all good.yml:1: questions: expected a list" in result.stderr
    assert "caf\\xe9.yml:1: questions: expected a list" in result.stderr
    assert not any(line.startswith("bank.yml:1: all good") for line in result.stderr.splitlines())


def test_bank_text_starting_with_block_markup_stays_text(tmp_path: Path) -> None:
    import markdown

    from generator.rendering.render import md_escape

    for text in ("!!! danger Boom", "??? note Folded", "> quoted", "# heading", "1. list",
                 "- item", "+ item", "| a | b |", "---", "<div>x</div>", "R&D &amp; more"):
        html = markdown.markdown(md_escape(text), extensions=["admonition", "pymdownx.details",
                                                              "pymdownx.escapeall", "tables"])
        assert html.startswith("<p>"), (text, html)


def test_the_terminal_sheet_shows_ampersands_as_written(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "tips.yml").write_text(
        "tips:\n  - {id: amp, kind: do, stage: during, on_sheet: true,\n"
        "     text: Ask about R&D and Q&A sessions.}\n", encoding="utf-8")
    result = run_cli("sheet", "--goal", "explore", "--bank", str(BANK), "--bank", str(overlay))
    assert result.returncode == 0, result.stderr
    assert "Ask about R&D and Q&A sessions." in result.stdout
    assert "&amp;" not in result.stdout


def test_the_overlay_pages_hide_example_names_ids_that_exist() -> None:
    page = (ROOT / "content" / "career-centres" / "your-own-bank.md").read_text()
    block = page[page.index("```yaml\nhide:"):]
    example = yaml.safe_load(block[len("```yaml\n"):block.index("```", 8)])
    from generator.core.loader import load_bank

    bank = load_bank([BANK])
    for section, ids in example["hide"].items():
        assert set(ids) <= set(getattr(bank, section)), section
