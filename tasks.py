#!/usr/bin/env python3
"""Set up and run the project with nothing but Python 3.11+.

    python3 tasks.py serve   build the guide and serve it at http://127.0.0.1:8000
    python3 tasks.py build   build the guide into site/
    python3 tasks.py test    run every test (lint, unit, build, browser, PDF)
    python3 tasks.py bench   run the benchmarks and print their table

Each command first makes a virtual environment in .venv and installs the project into it;
the install is skipped while pyproject.toml is unchanged.
"""

from __future__ import annotations

import hashlib
import os
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


def run(command: list[str]) -> None:
    executable = str(BIN / command[0])
    env = {**os.environ, **QUIET}
    result = subprocess.run([executable, *command[1:]], cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def main() -> None:
    task = sys.argv[1] if len(sys.argv) > 1 else "help"
    extra = sys.argv[2:]
    if task not in {"serve", "build", "test", "bench"}:
        sys.exit(__doc__)
    ensure_environment()
    if task == "serve":
        run(["mkdocs", "serve", "--livereload", "--dev-addr", "127.0.0.1:8000", *extra])
    elif task == "build":
        run(["mkdocs", "build", "--strict", *extra])
    elif task == "test":
        run(["ruff", "check", "generator", "tests", "benchmarks", "scripts", "tasks.py"])
        run(["python", "-m", "pytest", *extra])
    elif task == "bench":
        run(["python", "benchmarks/run.py", *extra])


if __name__ == "__main__":
    main()
