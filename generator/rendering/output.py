"""Writing sheets and pages to disk, so that a run either writes everything or nothing.

Everything is rendered in memory first. A folder of files is written into a fresh temporary
folder beside the output and then swapped in whole, so the output always matches the bank (a
removed goal's files do not linger) and a failure leaves the previous folder as it was. A
single file is written beside its target and renamed over it. Output is refused where it could
destroy sources: the guide's pages, the banks, the generator's templates, the project itself,
or a system folder. Every path problem is an `OutputError` with a one-line message.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

# Written into every folder we write, so a later run knows it may replace that folder.
MARKER = ".infointerview-output"


class OutputError(Exception):
    """An output path that cannot or must not be written; the message is one line."""


def check_output_folder(output: Path, sources: Iterable[Path], project: Path) -> None:
    """Refuse an output folder that is, holds or lies inside a source folder, that is or holds
    the project folder (a folder inside it, such as build/docs, is fine), or a system one."""
    target = output.resolve()
    if target == Path(target.anchor) or target == Path.home().resolve():
        raise OutputError(f"refusing to write into {output}: choose a new folder for the output")
    if target == project.resolve() or target in project.resolve().parents:
        raise OutputError(
            f"refusing to write into {output}: it holds the project; "
            "choose a folder for the output only, such as build/docs"
        )
    for source in sources:
        folder = source.resolve()
        if target == folder or folder in target.parents or target in folder.parents:
            raise OutputError(
                f"refusing to write into {output}: it overlaps the source folder {source}; "
                "choose a folder outside it, such as build/docs"
            )


def check_writable_folder(output: Path) -> None:
    """Refuse, before any work, a folder that could not be written."""
    _refuse_files_in_the_way(output)
    if output.exists() and not output.is_dir():
        raise OutputError(f"cannot write to {output}: it is a file, not a folder")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).is_file():
        raise OutputError(
            f"cannot write to {output}: the folder has files that infointerview did not write; "
            "choose a new or empty folder"
        )


def _refuse_files_in_the_way(output: Path) -> None:
    """Refuse a path under a file, or under a folder where nothing can be made (/proc)."""
    for parent in output.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"cannot write to {output}: {parent} is a file, not a folder")
            try:  # the one sure test of being able to write there
                tempfile.TemporaryDirectory(dir=parent).cleanup()
            except OSError as error:
                raise OutputError(f"cannot write to {output}: {error.strerror}") from None
            return


def write_folder(output: Path, files: dict[str, bytes]) -> None:
    """Make `output` hold exactly `files` (relative names), or raise OutputError and leave it."""
    check_writable_folder(output)
    parent = output.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-", dir=parent))
    except OSError as error:
        raise OutputError(f"cannot write to {output}: {error.strerror}") from None
    try:
        for name, data in {**files, MARKER: b"Written by infointerview; replaced whole.\n"}.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        _swap_in(staging, output)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write to {output}: {error.strerror or error}") from None


def _swap_in(staging: Path, output: Path) -> None:
    staging.chmod(0o755)  # mkdtemp makes it private; the output is a normal folder
    if not output.exists():
        staging.rename(output)
        return
    retired = staging.with_name(staging.name + "-old")
    output.rename(retired)
    try:
        staging.rename(output)
    except OSError:
        retired.rename(output)  # put the previous folder back
        raise
    shutil.rmtree(retired, ignore_errors=True)


def write_file(output: Path, data: bytes) -> None:
    """Write one file by renaming a finished temporary file over it."""
    if output.is_dir():
        raise OutputError(f"cannot write to {output}: it is a folder; give a file name")
    _refuse_files_in_the_way(output)
    temporary: Path | None = None
    try:
        output.absolute().parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{output.name}-", dir=output.absolute().parent)
        temporary = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, output)
    except OSError as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise OutputError(f"cannot write to {output}: {error.strerror or error}") from None
