"""A disk cache of rendered PDFs: the one cache that pays (a site build's PDFs take about four
seconds to render and well under one to read back).

An entry is a plain PDF file named by a hash of everything its bytes depend on: the HTML, the
versions of WeasyPrint, pydyf and Pango, and the font setup (the font files and fontconfig's
settings, the system's and the user's own: ~/.fonts, ~/.local/share/fonts, ~/.config/fontconfig,
and FONTCONFIG_FILE / FONTCONFIG_PATH, which point fontconfig elsewhere), so no change can be
served stale. Entries and the folder are written with explicit modes (0600, 0700), whatever
the umask: under `umask 002` they were once written group-writable and then refused on read,
so the cache never hit. Nothing in it is ever
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
    "/System/Library/Fonts", "~/.fonts", "~/.fonts.conf", "~/.local/share/fonts",
    "~/.config/fontconfig", "~/Library/Fonts",
)
# Environment variables that make fontconfig read other settings or fonts.
FONT_VARIABLES = ("FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "XDG_CONFIG_HOME",
                  "XDG_DATA_HOME", "XDG_DATA_DIRS", "HOME")


def font_places() -> list[Path]:
    """Every file or folder whose contents can change the fonts fontconfig offers."""
    places = [Path(place).expanduser() for place in FONT_PLACES]
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        if os.environ.get(variable):
            places.append(Path(os.environ[variable]) / ("fontconfig" if "CONFIG" in variable
                                                        else "fonts"))
    for folder in os.environ.get("XDG_DATA_DIRS", "").split(os.pathsep):
        if folder:
            places.append(Path(folder) / "fonts")
    for variable in ("FONTCONFIG_FILE", "FONTCONFIG_PATH"):
        for place in os.environ.get(variable, "").split(os.pathsep):
            if place:
                places.append(Path(place))
    return places


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
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.chmod(0o700)  # mkdir's mode is cut by the umask; say it outright
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
    """A hash of the font files and font settings on this system and the user's own: names,
    sizes and times, and the variables that point fontconfig at other ones."""
    parts = [f"{name}={os.environ.get(name, '')}" for name in FONT_VARIABLES]
    for root in font_places():
        if root.is_file():
            with contextlib.suppress(OSError):
                info = root.stat()
                parts.append(f"{root}:{info.st_size}:{info.st_mtime_ns}")
            continue
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
        # Write a temporary file and rename it, so a reader never sees half an entry. The mode
        # is set outright: open's is cut by the umask, and the reader refuses group-writable.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as output:
            if hasattr(os, "fchmod"):
                os.fchmod(output.fileno(), 0o600)
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
