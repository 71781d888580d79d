"""What the benchmarks share: the project copy they measure (README.md, "Growth"), timed
processes, `mkdocs serve` timed on an edit, built sites served on 127.0.0.1, the machine.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import importlib.metadata
import os
import platform
import queue
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import synth
import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"  # git-ignored
CHROMIUM = os.environ.get("INFOINTERVIEW_CHROMIUM") or "/usr/bin/chromium"  # as the tests
SHIPPED = 0  # the "size" of the shipped bank
_RSS_UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB


class MeasureError(RuntimeError):
    """A measured command failed or hung; the message carries its output."""


@contextlib.contextmanager
def work_folder(prefix: str, keep: bool = False) -> Iterator[Path]:
    WORK.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=WORK))
    try:
        yield folder
    finally:
        if keep:
            print(f"Kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def column(size: int) -> str:
    return "shipped bank" if size == SHIPPED else f"{size:,}"


@dataclass(frozen=True)
class Variant:
    """One bank in the project copy: its folder, its pages folder, and its configs."""

    bank: Path
    pages: Path
    configs: dict[str, Path]  # "plugin", "nopdf", "plain"

    def config(self, kind: str) -> Path:
        return self.configs[kind]


def make_project(target: Path) -> Path:
    for name in ("content", "site_overrides", "generator"):
        shutil.copytree(ROOT / name, target / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(ROOT / "mkdocs.yml", target / "base.yml")
    (target / "question_bank").mkdir()  # the plugin reads it first: empty, only `banks:` count
    return target


def project_env(project: Path, pdf_cache: Path | None = None) -> dict[str, str]:
    """The measured commands' environment: `generator` from the copy, the PDF cache off (the
    cold path) unless `pdf_cache` is given, and .pyc files kept as on a user's machine."""
    inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**inherited, "INFOINTERVIEW_CACHE_DIR": str(pdf_cache or ""),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(project),
                                                        os.environ.get("PYTHONPATH")])),
            "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
            "SOURCE_DATE_EPOCH": "1767225600"}


def add_variant(project: Path, size: int, scale: dict[str, int] | None = None) -> Variant:
    """A bank of `size` questions (synth.py; the shipped bank for SHIPPED), `scale` multiplying
    its goals, roles or industries, with its three configs."""
    name = "-".join(["shipped" if size == SHIPPED else str(size),
                     *(f"{k}{v}" for k, v in (scale or {}).items())])
    bank, pages = project / f"bank-{name}", project / f"pages-{name}"
    if size == SHIPPED:
        shutil.copytree(synth.SHIPPED_BANK, bank)
    else:
        synth.write_bank(size, bank, scale=scale)
    # `watch` replaces base.yml's: only the bank may trigger a rebuild while `serve` is timed.
    # INHERIT replaces lists, so `plugins:` here replaces base.yml's.
    ours = {"watch": [bank.name], "plugins": ["search", "offline", {"infointerview": {
        "banks": [bank.name]}}]}
    overrides = {"plugin": ours, "nopdf": copy.deepcopy(ours),
                 "plain": {"watch": [], "docs_dir": pages.name, "plugins": ["search", "offline"]}}
    overrides["nopdf"]["plugins"][2]["infointerview"]["pdf"] = False
    configs = {kind: project / f"{kind}-{name}.yml" for kind in overrides}
    for kind, settings in overrides.items():
        configs[kind].write_text(yaml.safe_dump({"INHERIT": "base.yml", **settings},
                                                sort_keys=False), encoding="utf-8")
    return Variant(bank, pages, configs)


@dataclass(frozen=True)
class Sample:
    seconds: float  # wall time: what a person waits for
    peak_bytes: int | None = None
    cpu_seconds: float | None = None  # user + system: less disturbed by other load


@dataclass(frozen=True)
class Summary:
    """The median of several samples, and their range."""

    median: float
    low: float
    high: float
    peak_bytes: int | None
    cpu: float | None
    runs: int

    @classmethod
    def of(cls, samples: Sequence[Sample]) -> Summary:
        seconds = [s.seconds for s in samples]
        peaks = [s.peak_bytes for s in samples if s.peak_bytes is not None]
        cpus = [s.cpu_seconds for s in samples if s.cpu_seconds is not None]
        return cls(statistics.median(seconds), min(seconds), max(seconds),
                   int(statistics.median(peaks)) if peaks else None,
                   statistics.median(cpus) if cpus else None, len(samples))


def run_measured(command: Sequence[str | Path], cwd: Path, env: dict[str, str],
                 stdout: Path | None = None, timeout: float = 900) -> Sample:
    """Run `command` in a fresh process: its wall time, and its own peak RSS and CPU time from
    `os.wait4` on its pid (not RUSAGE_CHILDREN, the maximum over every child so far)."""
    args = [str(part) for part in command]
    with tempfile.TemporaryFile() as errors, contextlib.ExitStack() as stack:
        out = stack.enter_context(stdout.open("wb")) if stdout else subprocess.DEVNULL
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=errors)
        deadline = time.monotonic() + timeout
        while not (reaped := os.wait4(process.pid, os.WNOHANG))[0]:
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                raise MeasureError(f"{' '.join(args)} took longer than {timeout:.0f} s")
            time.sleep(0.002)  # far below the noise of even the 0.1 s commands
        elapsed = time.perf_counter() - start
        _, status, usage = reaped
        process.returncode = os.waitstatus_to_exitcode(status)  # Popen must not reap again
        if process.returncode:
            errors.seek(0)
            raise MeasureError(f"{' '.join(args)} exited with {process.returncode}:\n"
                               + errors.read().decode("utf-8", "replace")[-4000:])
    return Sample(elapsed, usage.ru_maxrss * _RSS_UNIT, usage.ru_utime + usage.ru_stime)


def serve_rebuild(mkdocs: Path, config: Path, edited: Path, new_text: str, page: str,
                  marker: str, env: dict[str, str], timeout: float = 600) -> dict[str, float]:
    """Time `mkdocs serve -f config` to its first build ("Serving on"); then save `edited` with
    `new_text` (holding `marker`) and time until the log says "Detected file changes" (seen)
    and "Reloading browsers" (rebuild), when the served `page` must hold the marker. Also: the
    builds started in the next 1.2 s (extra) and the server's peak memory (peak, bytes)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    original, log = edited.read_bytes(), []
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    start = time.perf_counter()
    server = subprocess.Popen(
        [str(mkdocs), "serve", "--livereload", "-f", str(config), "--dev-addr",
         f"127.0.0.1:{port}"], cwd=config.parent, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)

    def read() -> None:  # each line stamped as it arrives
        for line in server.stderr or ():
            lines.put((time.perf_counter(), line.rstrip()))

    def wait_for(text: str, seconds: float = timeout, needed: bool = True) -> float:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                stamp, line = lines.get(timeout=min(left, 0.5))
            except queue.Empty:
                if server.poll() is not None:
                    raise MeasureError(f"mkdocs serve exited with {server.returncode}") from None
                continue
            log.append(line)
            if "ERROR" in line or "Aborted" in line:
                raise MeasureError(f"mkdocs serve reported: {line}")
            if text in line:
                return stamp
        if needed:
            raise MeasureError(f"mkdocs serve did not log {text!r} within {seconds:.0f} s")
        return 0.0

    threading.Thread(target=read, daemon=True).start()
    result: dict[str, float] = {}
    try:
        result["first_build"] = wait_for("Serving on") - start
        time.sleep(0.5)  # the edit is a change of its own for the watcher
        edit = time.perf_counter()
        staged = edited.with_suffix(".tmp")  # saved as editors do: written, then renamed
        staged.write_text(new_text, encoding="utf-8")
        os.replace(staged, edited)
        result["seen"] = wait_for("Detected file changes") - edit
        result["rebuild"] = wait_for("Reloading browsers") - edit
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{page}", timeout=60) as response:
            if marker.encode() not in response.read():
                raise MeasureError(f"{page} lacks the edited text after the rebuild")
        result["extra"] = float(bool(wait_for("Detected file changes", 1.2, needed=False)))
    except MeasureError as error:
        raise MeasureError(f"{error}\nmkdocs serve log:\n" + "\n".join(log[-40:])) from None
    finally:
        result["peak"] = _stop(server)
        edited.write_bytes(original)
    return result


def _stop(server: subprocess.Popen[str]) -> float:
    """Stop a server in its own session: Ctrl+C (it removes its temp site), SIGTERM, SIGKILL.
    Returns its peak RSS (0 if it had stopped by itself)."""
    if server.poll() is not None:
        return 0
    for sig, grace in ((signal.SIGINT, 10.0), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        os.killpg(server.pid, sig)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(server.pid, os.WNOHANG)
            if pid:
                server.returncode = os.waitstatus_to_exitcode(status)
                return usage.ru_maxrss * _RSS_UNIT
            time.sleep(0.05)
    return 0


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # a line per request would bury the tables


@contextlib.contextmanager
def serve(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    """Each folder at the root of its own 127.0.0.1 port, uncompressed, as static hosts do;
    yields each one's base URL."""
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


def machine() -> dict[str, str]:
    """What the numbers depend on: CPU, cores, memory, OS, Python, libyaml, the packages."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        cpu = next((line.split(":", 1)[1].strip() for line in
                    Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), cpu)
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    info = {"CPU": cpu, "Cores": str(os.cpu_count()), "Memory": f"{memory:.1f} GiB",
            "OS": platform.platform(), "Python": platform.python_version(),
            "libyaml": str(yaml.__with_libyaml__)}
    for name in ("infointerview", "mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions",
                 "Jinja2", "PyYAML", "click", "weasyprint"):
        try:
            info[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            info[name] = "not installed"
    return info


def load() -> str:
    """The load averages (1, 5, 15 minutes), as `uptime` prints them."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())
