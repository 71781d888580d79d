"""`infointerview new-site DIR`: a small, working career-centre site to start from.

The starter files live in generator/edition/starter/ as plain files, so they read as what a centre
gets. Dot-files are stored under visible names (a wheel's package data leaves hidden files out)
and renamed here. The centre's folder holds only its own things; the guide, the bank and the
theme come from the installed package through the MkDocs plugin, so upgrading the package
upgrades the guide and leaves the centre's files alone.

Every path problem (a folder that is not empty, a path under a file, a broken link, a folder
that cannot be written) is one line and exit status 1, as for the other commands, and the
starter is written into a temporary folder beside the target and renamed into place, so a
failure leaves no half-made site.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import click

from generator.rendering import output as out

STARTER = Path(__file__).resolve().parent / "starter"
# Stored name in generator/edition/starter -> name in the new site.
RENAMED = {
    "github-pages.yml": ".github/workflows/pages.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "gitignore.txt": ".gitignore",
}


def starter_files() -> dict[str, bytes]:
    """Path in the new site -> contents, in a stable order."""
    files = {}
    paths = (p for p in STARTER.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in sorted(paths):
        stored = path.relative_to(STARTER).as_posix()
        files[RENAMED.get(stored, stored)] = path.read_bytes()
    return files


# What a freshly made repository holds before its first real commit: a clone of a new GitHub or
# GitLab repository has its .git folder, often a README, a licence and a .gitignore. A folder
# holding nothing else is as good as empty; anything more may be someone's work.
FRESH_REPOSITORY = (".git", ".gitattributes", ".gitignore", "README", "README.md", "README.rst",
                    "README.txt", "LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "LICENCE.md",
                    "LICENCE.txt", "COPYING")
# Files of a fresh repository the starter also has: the starter's text is added after theirs.
APPENDED = ("README.md", ".gitignore")


def _check_target(target: Path) -> None:
    if target.is_symlink() and not target.exists():
        raise click.ClickException(
            f"cannot write to {target}: it is a link to {os.readlink(target)}, which does not "
            "exist; choose a new folder name")
    if target.exists() and not target.is_dir():
        raise click.ClickException(f"cannot write to {target}: it is a file, not a folder")
    present = sorted(p.name for p in target.iterdir()) if target.is_dir() else []
    others = [name for name in present if name not in FRESH_REPOSITORY]
    if others:
        raise click.ClickException(
            f"{target} is not an empty folder or a freshly made repository (it holds "
            f"{', '.join(others[:5])}); choose a new folder name so nothing is overwritten")
    if present:  # a fresh repository: its files stay, so only ask whether we may add ours
        if not os.access(target, os.W_OK | os.X_OK):
            raise click.ClickException(f"cannot write to {target}: permission denied")
        return
    try:
        out.check_writable_folder(target)  # a path under a file, or where nothing can be made
    except out.OutputError as error:
        raise click.ClickException(str(error)) from None


def _with_existing(target: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    """A fresh repository's README.md and .gitignore keep their text, the starter's after it."""
    merged = dict(files)
    for name in APPENDED:
        path = target / name
        if name in merged and path.is_file():
            old = path.read_bytes()
            separator = b"\n" if old.endswith(b"\n") or not old else b"\n\n"
            merged[name] = old + separator + files[name]
    return merged


def write_site(target: Path) -> list[str]:
    """Write the starter into `target`, which must be missing, empty or a freshly made
    repository; returns the paths written. The files are made in a staging folder first, so a
    failure leaves nothing half-made; nothing of a fresh repository is lost."""
    _check_target(target)
    files = _with_existing(target, starter_files())
    try:
        target.absolute().parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.absolute().parent))
    except OSError as error:
        raise click.ClickException(f"cannot write to {target}: {error.strerror}") from None
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        staging.chmod(0o755)  # mkdtemp makes it private; a site folder is a normal folder
        if target.is_dir() and any(target.iterdir()):
            # A fresh repository: move each staged entry in; only APPENDED names can be there.
            for entry in sorted(staging.iterdir()):
                os.replace(entry, target / entry.name)
            staging.rmdir()
        else:
            if target.is_dir():
                target.rmdir()  # empty, as checked; a rename cannot replace a folder
            staging.rename(target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise click.ClickException(f"cannot write to {target}: {error.strerror or error}") from None
    return list(files)


@click.command("new-site")
@click.argument("folder", type=click.Path(path_type=Path))
def new_site(folder: Path) -> None:
    """Make a career centre's own site in FOLDER (a new or empty folder)."""
    written = write_site(folder)
    click.echo(f"Wrote {len(written)} files to {folder}.", err=True)
    click.echo("Next: set your centre's name in mkdocs.yml, then run:", err=True)
    click.echo(f"  cd {folder}\n  mkdocs serve", err=True)


if __name__ == "__main__":  # pragma: no cover - for `python -m generator.edition.new_site`
    sys.exit(new_site())
