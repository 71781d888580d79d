"""What the benchmarks share (run.py for growth and start-up, pages.py for the pages in
Chromium): their folders and Chromium, timed processes, Markdown tables, built sites served on
127.0.0.1, and the machine's load, which every report states because this machine is shared.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
ROOT, WORK = HERE.parent, HERE / "work"  # WORK is git-ignored
BIN = Path(sys.executable).parent  # the venv's python, mkdocs and infointerview
CHROMIUM = os.environ.get("INFOINTERVIEW_CHROMIUM") or "/usr/bin/chromium"  # as the tests
LAUNCH: dict[str, Any] = {"executable_path": CHROMIUM,
                          "args": ["--no-sandbox", "--disable-gpu"]}
RSS_UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB


class Sample(NamedTuple):
    seconds: float  # wall time: what a person waits for
    peak_bytes: int  # the process's own peak RSS
    cpu_seconds: float  # user + system: less disturbed by other load


def say(text: str) -> None:
    """Progress, on stderr: stdout has the report."""
    print(text, file=sys.stderr, flush=True)


def run_measured(command: list[str | Path], cwd: Path, env: dict[str, str] | None = None
                 ) -> Sample:
    """`command` in a fresh process, which must succeed: its wall time, and its own peak RSS and
    CPU time from `os.wait4` on its pid (not RUSAGE_CHILDREN, the maximum over every child)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                   stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # Popen must not reap again
        if process.returncode:
            errors.seek(0)
            sys.exit(f"{' '.join(map(str, command))} exited with {process.returncode}:\n"
                     + errors.read().decode("utf-8", "replace")[-4000:])
    return Sample(elapsed, usage.ru_maxrss * RSS_UNIT, usage.ru_utime + usage.ru_stime)


def table(header: list[str], rows: Iterable[list[Any]], align: str = "") -> list[str]:
    """A Markdown table; `align`, l or r a column, defaults to the first left, the others right."""
    align = align or "l" + "r" * (len(header) - 1)
    lines = [header, ["---:" if side == "r" else "---" for side in align], *rows]
    return ["| " + " | ".join(map(str, cells)) + " |" for cells in lines]


def median_range(values: list[float], form: str = "{:.2f}") -> str:
    low, middle, high = (form.format(value) for value in (
        min(values), statistics.median(values), max(values)))
    return middle if low == high else f"{middle} ({low}-{high})"


@contextlib.contextmanager
def work_folder(prefix: str, keep: bool = False) -> Iterator[Path]:
    """A new folder under WORK, removed at the end unless `keep` (growth names it at the start)."""
    WORK.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=WORK))
    try:
        yield folder
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # a line per request would bury the tables


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """The folder at the root of a 127.0.0.1 port, uncompressed as many hosts send it: its URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()


def load() -> str:
    """The load averages (1, 5, 15 minutes), as `uptime` prints them: the machine is shared."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())
