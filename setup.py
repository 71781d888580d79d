"""Packaging step that pyproject.toml cannot express: put the shipped folders into the wheel.

The guide pages, the question bank and the theme overrides stay at the repository's top level,
where writers expect them; this copies them into `generator/_data/` of the build, so a normal
(non-editable) install carries them. An editable install reads them from the checkout instead
(see generator/core/resources.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("content", "question_bank", "site_overrides")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the checkout's folders are used in place
        for name in SHIPPED:
            target = Path(self.build_lib) / "generator" / "_data" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(ROOT / name, target,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": BuildWithData})
