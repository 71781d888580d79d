"""A disk cache of rendered PDFs: the one cache that pays (a site build's PDFs take about four
seconds to render and well under one to read back).

An entry is a plain PDF file named by a hash of everything its bytes depend on: the HTML, the
versions of WeasyPrint, pydyf and Pango, and the font setup (the font files and fontconfig's
settings that the system offers), so no change can be served stale. Nothing in it is ever
executed. An entry is used only when it is a regular file that this user owns and no one else
can write, in a folder that is private too, and that looks like a whole PDF; anything else is
treated as absent. A cache that cannot be read or written is simply not used.

Location: $INFOINTERVIEW_CACHE_DIR, else $XDG_CACHE_HOME/infointerview, else
~/.cache/infointerview. Set INFOINTERVIEW_CACHE_DIR to an empty value to turn it off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

# Entries kept: the site's PDFs for a few editions, and some single sheets.
KEEP_ENTRIES = 60
# Where fontconfig finds fonts and its settings on Linux and macOS; a change there may change
# the fonts a PDF embeds.
FONT_PLACES = (
    "/etc/fonts", "/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts",
    "/System/Library/Fonts", "~/.fonts", "~/.local/share/fonts", "~/Library/Fonts",
)


def cache_dir() -> Path | None:
    """Where the cache lives (it may not exist yet), or None when it is turned off."""
    configured = os.environ.get("INFOINTERVIEW_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "infointerview"


def _private_dir() -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    return folder if stat.S_ISDIR(info.st_mode) and _is_private(info) else None


def _is_private(info: os.stat_result) -> bool:
    # Windows has no owner ids or group bits here; a folder under the profile is private.
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def digest(*parts: str | bytes) -> str:
    """A SHA-256 of several parts, each length-prefixed so no two lists of parts collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


@functools.cache
def font_setup() -> str:
    """A hash of the font files and font settings on this system: names, sizes and times."""
    parts: list[str] = []
    for place in FONT_PLACES:
        root = Path(place).expanduser()
        for folder, subfolders, files in os.walk(root):
            subfolders.sort()
            for name in sorted(files):
                with contextlib.suppress(OSError):
                    info = os.stat(os.path.join(folder, name))
                    parts.append(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}")
    return digest(*parts)


def cached(key_parts: list[str], make: Callable[[], bytes]) -> bytes:
    """The PDF for `key_parts` from the cache, or `make()` stored for next time."""
    folder = _private_dir()
    if folder is None:
        return make()
    path = folder / f"pdf-{digest(*key_parts, font_setup())}.pdf"
    data = _read(path)
    if data is None:
        data = make()
        _write(folder, path, data)
    return data


def _read(path: Path) -> bytes | None:
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or not _is_private(info):
            return None
        data = path.read_bytes()
        os.utime(path)  # recently used, so pruning keeps it
    except OSError:
        return None
    # A truncated or foreign file is not a PDF we wrote: make it again.
    return data if data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") else None


def _write(folder: Path, path: Path, data: bytes) -> None:
    temporary = folder / f".{path.name}.{os.getpid()}.tmp"
    try:
        # Write a temporary file and rename it, so a reader never sees half an entry.
        with open(temporary, "xb") as output:
            output.write(data)
        os.replace(temporary, path)
    except OSError:  # full or read-only: no cache this time, and nothing left behind
        with contextlib.suppress(OSError):
            temporary.unlink()
        return
    _prune(folder)


def _prune(folder: Path) -> None:
    entries = []
    for entry in folder.glob("pdf-*.pdf"):
        with contextlib.suppress(OSError):  # removed by another process meanwhile
            entries.append((entry.stat().st_mtime, entry))
    entries.sort(reverse=True)
    for _, entry in entries[KEEP_ENTRIES:]:
        with contextlib.suppress(OSError):
            entry.unlink()
