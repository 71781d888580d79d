#!/usr/bin/env python3
"""Set up and run the project with nothing but Python 3.11+.

    python3 tasks.py serve   build the guide and serve it at http://127.0.0.1:8000
    python3 tasks.py build   build the guide into site/
    python3 tasks.py test    run every test (lint, types, unit, build, browser, PDF)
    python3 tasks.py test --fast
                             lint, types and the tests that answer in seconds (no browser,
                             no PDF, no site build, no wheel): the inner loop
    python3 tasks.py bench   run the benchmarks and print their table
    python3 tasks.py messages
                             extract our words into generator/locales/messages.pot and
                             update each language's messages.po (README, "Translating")
    python3 tasks.py templates
                             write the templates' compiled code (generator/rendering/compiled/)
                             after a template, render.py or Jinja changed

Each command first makes a virtual environment in .venv and installs the project into it;
the install is skipped while pyproject.toml is unchanged.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".infointerview-installed"
# Material and MkDocs print end-of-life banners on every run; they are noise in our output.
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
LINTED = ["generator", "tests", "benchmarks", "scripts", "tasks.py"]
# The fast tier: the markers are given in tests/conftest.py.
FAST = ["-m", "not browser and not pdf and not slow"]
# Two workers on a 2-core machine; whole files go to one worker, so a file's module fixtures
# (a centre's site, an installed wheel) are made once. Files go out in the order
# tests/conftest.py gives (RUN_FIRST: the longest first), not xdist's own (most tests first).
# A later `-n 0` turns the workers off.
WORKERS = ["-n", "auto", "--dist", "loadfile", "--no-loadscope-reorder"]
# pytest's "no tests collected" (a marker or -k that matches nothing): not a failure here.
NO_TESTS = 5


def ensure_environment() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs on whatever python3 is
        sys.exit(f"Python 3.11 or later is needed; this is {sys.version.split()[0]}.")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.is_file() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    print("Installing the project and its tools into .venv ...", flush=True)
    run(["python", "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run(["python", "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"])
    STAMP.write_text(wanted)


def run(command: list[str], ok: tuple[int, ...] = (0,), **env: str) -> None:
    executable = str(BIN / command[0])
    environment = {**os.environ, **QUIET, **env}
    result = subprocess.run([executable, *command[1:]], cwd=ROOT, env=environment, check=False)
    if result.returncode not in ok:
        sys.exit(result.returncode)


def javascript_checks() -> None:
    """ESLint and the unit tests of the pages' scripts, when Node is here (CI installs it)."""
    npm = shutil.which("npm")
    if not (ROOT / "package.json").is_file():
        return
    if npm is None or shutil.which("node") is None:
        print("Node.js not found: the JavaScript lint and unit tests are skipped.", flush=True)
        return
    if not (ROOT / "node_modules" / ".bin" / "eslint").exists():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--quiet"], cwd=ROOT, check=True)
    for script in ("lint", "test"):
        if subprocess.run([npm, "run", "--silent", script], cwd=ROOT, check=False).returncode:
            sys.exit(1)


def test(extra: list[str]) -> None:
    fast = "--fast" in extra
    extra = [arg for arg in extra if arg != "--fast"]
    run(["ruff", "check", *LINTED])
    run(["mypy"])
    javascript_checks()
    tier = {"INFOINTERVIEW_FAST_TESTS": "1"} if fast else {}
    run(["python", "-m", "pytest", *WORKERS, *(FAST if fast else []), *extra], ok=(0, NO_TESTS),
        **tier)


def main() -> None:
    task = sys.argv[1] if len(sys.argv) > 1 else "help"
    extra = sys.argv[2:]
    if task not in {"serve", "build", "test", "bench", "messages", "templates"}:
        sys.exit(__doc__)
    ensure_environment()
    if task == "serve":
        run(["mkdocs", "serve", "--livereload", "--dev-addr", "127.0.0.1:8000", *extra])
    elif task == "build":
        run(["mkdocs", "build", "--strict", *extra])
    elif task == "test":
        test(extra)
    elif task == "bench":
        run(["python", "benchmarks/run.py", *extra])
    elif task == "messages":
        run(["python", "scripts/messages.py", *extra])
    elif task == "templates":
        run(["python", "scripts/templates.py", *extra])


if __name__ == "__main__":
    main()
