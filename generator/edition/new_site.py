"""`infointerview new-site DIR`: a small, working career-centre site to start from.

The starter files live in generator/edition/starter/ as plain files, so they read as what a centre
gets. Dot-files are stored under visible names (a wheel's package data leaves hidden files out)
and renamed here. The centre's folder holds only its own things; the guide, the bank and the
theme come from the installed package through the MkDocs plugin, so upgrading the package
upgrades the guide and leaves the centre's files alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

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


def write_site(target: Path) -> list[str]:
    """Write the starter into `target`, which must be missing, empty or a fresh repository;
    returns the paths written. A fresh repository's README.md and .gitignore keep their text,
    with the starter's added after it; nothing is overwritten."""
    if target.exists() and not target.is_dir():
        raise click.ClickException(f"{target} is a file; choose a new folder name")
    present = sorted(p.name for p in target.iterdir()) if target.exists() else []
    others = [name for name in present if name not in FRESH_REPOSITORY]
    if others:
        raise click.ClickException(
            f"{target} is not an empty folder or a freshly made repository (it holds "
            f"{', '.join(others[:5])}); choose a new folder name so nothing is overwritten")
    files = starter_files()
    for name, data in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():  # only the APPENDED files of a fresh repository can be there
            if name not in APPENDED:
                raise click.ClickException(f"{path} is already there; nothing was overwritten")
            old = path.read_bytes()
            data = old + (b"" if old.endswith(b"\n") or not old else b"\n") + b"\n" + data
        path.write_bytes(data)
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
