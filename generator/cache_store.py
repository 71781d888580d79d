"""The generator's disk cache: one private folder of entries, each named by a hash of its inputs.

What it holds, and who writes it:
    parsed-v*-<hash>.json      one parsed bank file (parse_cache)
    bank-<hash>.pickle         a whole validated bank (loader)
    pages-<hash>.pickle        the pages a site build adds (pages.cached_site_pages)
    pdf-<hash>.pdf             one PDF, keyed by its HTML (pdf.pdf_bytes)
    templates/                 Jinja's compiled templates (render)

A key covers everything the entry was made from: the bytes of the inputs and of the generator's
own code, so an edit can never be served stale and deleting the folder is always safe. Pickles
and compiled templates run code when they are loaded, so the folder is used only when it is
private: owned by the current user and writable by no one else.

Location: $INFOINTERVIEW_CACHE_DIR, else $XDG_CACHE_HOME/infointerview, else
~/.cache/infointerview. Set INFOINTERVIEW_CACHE_DIR to an empty value to turn the cache off.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
PACKAGE = Path(__file__).parent
# Bump when the meaning of an entry changes without the code that makes it changing.
FORMAT = "1"
# Entries of one kind kept when a new one is written, the most recently used first: enough for
# several banks, editions and PDF settings, while a folder edited all day does not grow without
# end. The size limit matters for large banks (a 10,000-question bank's pages take ~10 MB).
KEEP_ENTRIES = 32
KEEP_BYTES = 200_000_000


def cache_dir() -> Path | None:
    """Where the cache lives (it may not exist yet), or None when it is turned off."""
    configured = os.environ.get("INFOINTERVIEW_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "infointerview"


def private_dir(*parts: str) -> Path | None:
    """The cache folder (or a folder inside it), made if missing; None if off or not private."""
    folder = cache_dir()
    if folder is None:
        return None
    folder = folder.joinpath(*parts)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    # The same rule as Jinja's own default bytecode folder. Windows has no owner ids or group
    # bits here; a folder under the user's profile is private by its access rules.
    if hasattr(os, "getuid") and (
        info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    ):
        return None
    return folder


def digest(*parts: str | bytes) -> str:
    """A SHA-256 of several parts, each length-prefixed so no two lists of parts collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


@functools.cache
def python_digest() -> str:
    """A hash of the generator's Python code (and Python's version). Computed once per process:
    the modules already imported are what this process runs, even if their files change later
    (as they may while `mkdocs serve` keeps running)."""
    files = sorted(PACKAGE.glob("*.py"))
    return digest(FORMAT, sys.implementation.cache_tag, *(path.read_bytes() for path in files))


def code_digest() -> str:
    """A hash of the generator's code and templates. Templates are read afresh on every call,
    because Jinja reloads an edited template in a running process."""
    templates = sorted(p for p in (PACKAGE / "templates").rglob("*") if p.is_file())
    return digest(python_digest(), *(
        part for path in templates
        for part in (path.relative_to(PACKAGE).as_posix(), path.read_bytes())
    ))


def read(name: str) -> bytes | None:
    folder = private_dir()
    if folder is None:
        return None
    try:
        data = (folder / name).read_bytes()
        os.utime(folder / name)  # recently used, so pruning keeps it
    except OSError:
        return None
    return data


def write(name: str, data: bytes, keep: int = KEEP_ENTRIES) -> None:
    """Store an entry, then drop the least recently used ones of its kind beyond `keep` entries
    or KEEP_BYTES in all. A cache that cannot be written is simply not used."""
    folder = private_dir()
    if folder is None:
        return
    import tempfile  # noqa: PLC0415 - only when writing: a command that only reads is quicker

    with contextlib.suppress(OSError):
        # Write a temporary file and rename it, so a reader never sees half an entry.
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as output:
            output.write(data)
        os.replace(temporary, folder / name)
    kind = name.split("-", 1)[0]
    _prune(folder, f"{kind}-*", keep)


def _prune(folder: Path, pattern: str, keep: int) -> None:
    entries = []
    for path in folder.glob(pattern):
        with contextlib.suppress(OSError):  # removed by another process meanwhile
            info = path.stat()
            entries.append((info.st_mtime, info.st_size, path))
    entries.sort(key=lambda entry: entry[0], reverse=True)
    total = 0
    for count, (_, size, path) in enumerate(entries):
        total += size
        if count >= keep or (count > 0 and total > KEEP_BYTES):  # the newest always stays
            path.unlink(missing_ok=True)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while making many objects without cycles: its passes
    over a growing heap are pure cost (about a third of loading a large bank)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def memo(kind: str, parts: list[str], make: Callable[[], T]) -> T:
    """`make()`, or its value from an earlier call with the same `parts`, which must cover
    everything `make` reads (the code too: see python_digest and code_digest). An exception
    from `make` is raised as usual and nothing is stored."""
    name = f"{kind}-{digest(*parts)}.pickle"
    data = read(name)
    if data is not None:
        try:
            with paused_gc():
                return pickle.loads(data)  # safe: our own private folder, see above
        except Exception:  # a damaged entry can fail in many ways: make it again
            pass
    value = make()
    write(name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value
