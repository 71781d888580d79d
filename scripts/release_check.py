"""Check that a release tag, the package's version and CHANGELOG.md agree, before publishing.

The release workflow runs it on the pushed tag, so a tag that does not match pyproject.toml, or
a version with no section in the changelog, stops the release before anything is uploaded. A
centre reads the changelog to decide whether to upgrade, so a release without its section is a
release they cannot judge.

    python scripts/release_check.py v0.2.0
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def problems(tag: str, root: Path = ROOT) -> list[str]:
    """What is wrong with releasing `tag` from `root`; empty when it may be released."""
    version = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    found = []
    if tag != f"v{version}":
        found.append(f"the tag {tag!r} does not match the version in pyproject.toml: "
                     f"tag it v{version}, or change the version")
    changelog = (root / "CHANGELOG.md").read_text("utf-8")
    if not re.search(rf"^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M):
        found.append(f"CHANGELOG.md has no section '## [{version}] - YYYY-MM-DD': give the "
                     "release its date and its list of changes")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    found = problems(argv[0])
    for problem in found:
        print(f"release: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
