"""A throw-away copy of the site project that builds a synthetic bank instead of the shipped one.

The copy holds `content/`, `site_overrides/` and `generator/`, copied once at the start, so
edits others make to the real project during a run cannot change what is measured half-way
(every command runs with PYTHONPATH at the copy, which wins over the editable install), and the
real `mkdocs.yml` as `base.yml`. Each variant is a small config that inherits from `base.yml`
(MkDocs' `INHERIT:`), so the theme, plugins and Markdown extensions are exactly the site's,
and only what must differ is overridden:

N is the number of questions, or `shipped` for a copy of the shipped bank (`question_bank/`).

- `plugin-N.yml`: the real build of bank folder `bank-N`, as mkdocs.yml configures it (with the
  PDF handouts, if mkdocs.yml builds them);
- `nopdf-N.yml`: the same without the PDF handouts (the plugin's `pdf: false`), so it
  makes the same pages as `infointerview pages`;
- `plain-N.yml`: without the infointerview plugin, `docs_dir` at `pages-N`, which
  `infointerview pages` pre-rendered.

The plugin always reads the shipped bank first, then its `banks:` overlays. In the copy the
shipped bank is an empty `question_bank/` folder, so only the synthetic bank is measured.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = 0  # the size that stands for the shipped bank, question_bank/ (as report.SHIPPED)
COPIED = ("content", "site_overrides", "generator")


@dataclass(frozen=True)
class Variant:
    """The files of one bank size inside the project copy."""

    project: Path
    size: int  # SHIPPED (0) for the shipped bank
    label: str = ""  # tells apart banks of one size (phases.py's `322:goals10`)

    @property
    def name(self) -> str:
        base = "shipped" if self.size == SHIPPED else str(self.size)
        return f"{base}-{self.label}" if self.label else base

    @property
    def bank(self) -> Path:
        return self.project / f"bank-{self.name}"

    @property
    def pages(self) -> Path:
        return self.project / f"pages-{self.name}"

    @property
    def plugin_config(self) -> Path:
        return self.project / f"plugin-{self.name}.yml"

    @property
    def nopdf_config(self) -> Path:
        return self.project / f"nopdf-{self.name}.yml"

    @property
    def plain_config(self) -> Path:
        return self.project / f"plain-{self.name}.yml"


def make_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copytree(ROOT / name, target / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(ROOT / "mkdocs.yml", target / "base.yml")
    (target / "question_bank").mkdir(exist_ok=True)  # the (empty) shipped bank, see above
    return target


def project_env(project: Path, pdf_cache: Path | None = None) -> dict[str, str]:
    """Environment for the measured commands: they import `generator` from the copy.

    The PDF cache, the generator's only cache, is off (every command pays the cold path, as a
    clean CI job does) unless `pdf_cache` names a folder for it.
    """
    # MkDocs and Material print end-of-life banners; SOURCE_DATE_EPOCH makes builds repeatable.
    # Python writes .pyc files as it does for a user, even where the shell says otherwise
    # (PYTHONDONTWRITEBYTECODE would make every command compile the generator again).
    inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {
        **inherited,
        # Empty turns the cache off; a folder in the work folder keeps the user's apart.
        "INFOINTERVIEW_CACHE_DIR": str(pdf_cache or ""),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(project), os.environ.get("PYTHONPATH")])),
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "SOURCE_DATE_EPOCH": "1767225600",
    }


def add_variant(project: Path, size: int, label: str = "") -> Variant:
    """Write the configs for a bank of `size` questions (the bank itself is the caller's)."""
    variant = Variant(project, size, label)
    bank = variant.bank.name
    _write_config(variant.plugin_config, {
        # `watch` is replaced, not extended: base.yml's question_bank/ does not exist here,
        # and the live generator/rendering/templates must not trigger rebuilds while `serve`
        # is timed.
        "watch": [bank],
        "plugins": ["search", "offline", {"infointerview": {"banks": [bank]}}],
    })
    _write_config(variant.nopdf_config, {
        "watch": [bank],
        "plugins": ["search", "offline", {"infointerview": {"banks": [bank], "pdf": False}}],
    })
    _write_config(variant.plain_config, {
        "docs_dir": variant.pages.name,
        "plugins": ["search", "offline"],
        "watch": [],
    })
    return variant


def _write_config(path: Path, overrides: dict[str, object]) -> None:
    # INHERIT merges dicts key by key and replaces lists, so `plugins:` here replaces base.yml's.
    text = yaml.safe_dump({"INHERIT": "base.yml", **overrides}, sort_keys=False)
    path.write_text(text, encoding="utf-8")
