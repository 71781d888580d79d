"""Time commands as fresh processes and read their peak memory; time `mkdocs serve` rebuilds.

Peak memory is the child's own `ru_maxrss`, read with `os.wait4` on its pid. Unlike
`getrusage(RUSAGE_CHILDREN)`, which is a maximum over every child this process has ever waited
for (so after one large build every later row would show the same peak), `wait4` reports the
one process just reaped, together with any descendants it waited for. POSIX only.
"""

from __future__ import annotations

import os
import queue
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# ru_maxrss is in kibibytes on Linux and in bytes on macOS.
_RSS_UNIT = 1 if sys.platform == "darwin" else 1024


class MeasureError(RuntimeError):
    """A measured command failed or hung; the message carries its output."""


@dataclass(frozen=True)
class Sample:
    seconds: float  # wall time: what the reader waits for
    peak_bytes: int | None = None
    cpu_seconds: float | None = None  # user + system: less disturbed by other load


@dataclass(frozen=True)
class Summary:
    """The median of several samples, and their spread."""

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
        return cls(
            statistics.median(seconds), min(seconds), max(seconds),
            int(statistics.median(peaks)) if peaks else None,
            statistics.median(cpus) if cpus else None, len(samples),
        )


def run_measured(
    command: Sequence[str | Path], cwd: Path, env: dict[str, str], stdout: Path | None = None,
    timeout: float = 900,
) -> Sample:
    """Run `command` to completion in a fresh process: wall time and peak RSS."""
    args = [str(part) for part in command]
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    with tempfile.TemporaryFile() as errors:
        try:
            start = time.perf_counter()
            process = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=errors)
            status, usage = _wait(process, timeout, args)
            elapsed = time.perf_counter() - start
        finally:
            if stdout:
                out.close()  # type: ignore[union-attr]
        if status != 0:
            errors.seek(0)
            text = errors.read().decode("utf-8", "replace")[-4000:]
            raise MeasureError(f"{' '.join(args)} exited with {status}:\n{text}")
    return Sample(elapsed, usage.ru_maxrss * _RSS_UNIT, usage.ru_utime + usage.ru_stime)


def _wait(
    process: subprocess.Popen[bytes], timeout: float, args: list[str]
) -> tuple[int, os.struct_rusage]:
    deadline = time.monotonic() + timeout
    while True:
        # WNOHANG polling (every 2 ms) keeps a timeout without a second thread; the delay it
        # adds is far below the run-to-run noise of even the 0.1 s commands.
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)  # Popen must not reap again
            return process.returncode, usage
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            raise MeasureError(f"{' '.join(args)} took longer than {timeout:.0f} s")
        time.sleep(0.002)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class ServeResult:
    first_build: float  # start-up to "Serving on": what `python3 tasks.py serve` costs
    seen: float  # YAML written to "Detected file changes": MkDocs' file watcher at work
    rebuild: float  # YAML written to "Reloading browsers": the edit is visible
    extra_builds: int  # builds started in the second after the reload: one edit, one build
    peak_bytes: int | None  # the server's peak RSS over both builds


def serve_rebuild(
    mkdocs: Path, config: Path, edited: Path, new_text: str, page: str, marker: str,
    env: dict[str, str], tmp: Path, timeout: float = 600,
) -> ServeResult:
    """Start `mkdocs serve`, wait for its first build, edit a file, and time the rebuild.

    `edited` gets `new_text`, which holds `marker`, and is restored afterwards. The rebuild
    counts as seen when the log says "Detected file changes" (MkDocs 1.6 polls the watched
    folders every 0.5 s, then waits 0.1 s for more changes), and as done when it says "Reloading
    browsers" (printed once the new site is in place); the served `page` is then fetched to
    confirm that the marker is in it.
    """
    port = free_port()
    original = edited.read_bytes()
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    log: list[str] = []
    # serve builds into a mkdtemp folder: keep it in our work folder (removed even if the
    # server has to be killed), but outside the project, whose files the server watches.
    env = {**env, "TMPDIR": str(tmp)}
    start = time.perf_counter()
    server = subprocess.Popen(
        [str(mkdocs), "serve", "--livereload", "-f", str(config),
         "--dev-addr", f"127.0.0.1:{port}"],
        cwd=config.parent, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    reader = threading.Thread(target=_read_lines, args=(server, lines), daemon=True)
    reader.start()
    peak: int | None = None
    try:
        _wait_for(lines, log, "Serving on", timeout, server)
        first_build = time.perf_counter() - start
        time.sleep(0.5)  # let the watcher settle, so the edit is a change of its own
        edit_time = time.perf_counter()
        # Save the way editors do (write elsewhere, then rename): a file truncated and then
        # written in place can be read half-written by the watcher, a failed build of its own.
        staged = edited.with_suffix(".tmp")
        staged.write_text(new_text, encoding="utf-8")
        os.replace(staged, edited)
        seen = _wait_for(lines, log, "Detected file changes", timeout, server)
        done = _wait_for(lines, log, "Reloading browsers", timeout, server)
        url = f"http://127.0.0.1:{port}/{page}"
        with urllib.request.urlopen(url, timeout=60) as response:
            if marker.encode() not in response.read():
                raise MeasureError(f"{url} lacks the edited text after the rebuild")
        rebuild = done - edit_time
        # A build that wrote into a watched folder would start another one: look for it for
        # two of the watcher's polling rounds.
        extra_builds = _count(lines, log, "Detected file changes", seconds=1.2)
    except MeasureError as error:
        raise MeasureError(f"{error}\nmkdocs serve log:\n" + "\n".join(log[-40:])) from None
    finally:
        peak = _stop(server)
        edited.write_bytes(original)
    return ServeResult(first_build, seen - edit_time, rebuild, extra_builds, peak)


def _read_lines(server: subprocess.Popen[str], lines: queue.Queue[tuple[float, str]]) -> None:
    assert server.stderr is not None
    for line in server.stderr:  # stamped on arrival, so the waiting thread's delay is not counted
        lines.put((time.perf_counter(), line.rstrip()))


def _wait_for(
    lines: queue.Queue[tuple[float, str]], log: list[str], text: str, timeout: float,
    server: subprocess.Popen[str],
) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            stamp, line = lines.get(timeout=0.5)
        except queue.Empty:
            if server.poll() is not None:
                raise MeasureError(f"mkdocs serve exited with {server.returncode}") from None
            continue
        log.append(line)
        if "ERROR" in line or "Aborted" in line:
            raise MeasureError(f"mkdocs serve reported: {line}")
        if text in line:
            return stamp
    raise MeasureError(f"mkdocs serve did not log {text!r} within {timeout:.0f} s")


def _count(
    lines: queue.Queue[tuple[float, str]], log: list[str], text: str, seconds: float
) -> int:
    """How many log lines holding `text` arrive in the next `seconds`."""
    deadline, found = time.monotonic() + seconds, 0
    while (left := deadline - time.monotonic()) > 0:
        try:
            _stamp, line = lines.get(timeout=left)
        except queue.Empty:
            break
        log.append(line)
        found += text in line
    return found


def _stop(server: subprocess.Popen[str]) -> int | None:
    """Stop the server we started and return its peak RSS.

    Ctrl+C first, so that it removes its temp site; then SIGTERM, then SIGKILL. The signals go
    to its own session (start_new_session), so they reach only this server and its children.
    """
    if server.poll() is not None:  # it stopped by itself (and poll reaped it): no usage left
        return None
    for sig, grace in ((signal.SIGINT, 10.0), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        os.killpg(server.pid, sig)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(server.pid, os.WNOHANG)
            if pid:  # killed or not, wait4 still reports what the process used
                server.returncode = os.waitstatus_to_exitcode(status)
                return usage.ru_maxrss * _RSS_UNIT
            time.sleep(0.05)
    return None
