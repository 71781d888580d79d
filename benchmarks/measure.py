"""What the benchmarks share: their folders, Chromium, built sites served on 127.0.0.1, and the
machine's load, which every report states because this machine is shared.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"  # git-ignored
BIN = Path(sys.executable).parent  # the venv's python, mkdocs and infointerview
CHROMIUM = os.environ.get("INFOINTERVIEW_CHROMIUM") or "/usr/bin/chromium"  # as the tests


@contextlib.contextmanager
def work_folder(prefix: str, keep: bool = False) -> Iterator[Path]:
    """A new folder under WORK, removed at the end unless `keep`."""
    WORK.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=WORK))
    try:
        yield folder
    finally:
        if keep:
            print(f"Kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # a line per request would bury the tables


@contextlib.contextmanager
def serve(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    """Each folder at the root of its own 127.0.0.1 port, uncompressed, as many static hosts
    send it; yields each one's base URL."""
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(f)))
               for f in sites.values()]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield {name: f"http://127.0.0.1:{s.server_address[1]}/" for name, s in zip(
            sites, servers, strict=True)}
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def load() -> str:
    """The load averages (1, 5, 15 minutes), as `uptime` prints them."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())
