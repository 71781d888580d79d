"""`mkdocs serve` rebuilds when a bank file changes, and shows a bank error without dying."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import QUIET, copy_project

TIMEOUT = 90.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, wanted: str, process: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, "mkdocs serve stopped"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if wanted in body:
                return body
        except OSError:  # not serving yet
            pass
        time.sleep(0.5)
    raise AssertionError(f"{wanted!r} did not appear at {url} within {TIMEOUT} seconds:\n"
                         + log.read_text(encoding="utf-8")[-2000:])


def test_serve_rebuilds_after_a_yaml_edit(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")  # a file, not a pipe, which could fill and block
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, **QUIET, "INFOINTERVIEW_PDF": "false"},
    )
    try:
        url = f"http://127.0.0.1:{port}/questions/index.html"
        _wait_for(url, "ii-bank__item", process, tmp_path / "serve.log")
        story = project / "question_bank" / "questions" / "story.yml"
        text = story.read_text(encoding="utf-8")
        marker = "A question added while the server was running?"
        story.write_text(text.replace("questions:\n", "questions:\n  - id: story-live-edit\n"
                                      f"    text: {marker}\n    category: story\n    kind: path-in\n"
                                      "    priority: optional\n    why: To test reloading.\n", 1),
                         encoding="utf-8")
        _wait_for(url, marker, process, tmp_path / "serve.log")
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
