"""The package's shape as the README promises it: one module reaches MkDocs, data flows one way,
and the README's module map names the modules that exist. Material reaches end of life in May
2027; these promises are what let another builder take its place."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
# YAML -> validated model -> tailored selection: the core, which knows nothing of rendering.
CORE = {"errors", "yaml_source", "yaml_parse", "value_types", "model", "schema", "checks",
        "loader", "sheet", "tailor"}


def _modules() -> dict[str, Path]:
    return {path.stem: path for path in sorted(PACKAGE.glob("*.py"))}


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, `from generator import x` counted as `generator.x`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module == "generator":
                found.update(f"generator.{alias.name}" for alias in node.names)
    return found


def test_only_the_plugin_module_imports_mkdocs() -> None:
    reaching = {name for name, path in _modules().items()
                if any(m.split(".")[0] in {"mkdocs", "material"} for m in _imports(path))}
    assert reaching == {"plugin"}


def test_the_core_imports_only_the_core_never_rendering() -> None:
    for name in sorted(CORE):
        ours = {m for m in _imports(PACKAGE / f"{name}.py") if m.startswith("generator.")}
        outside = {m.removeprefix("generator.") for m in ours} - CORE
        assert not outside, f"generator/{name}.py imports {sorted(outside)}"
        third_party = {m for m in _imports(PACKAGE / f"{name}.py")
                       if m.split(".")[0] in {"jinja2", "markupsafe", "weasyprint"}}
        assert not third_party, f"generator/{name}.py imports {sorted(third_party)}"


def test_the_readme_module_map_names_every_module_and_nothing_else() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `generator/` |"))
    named = set(re.findall(r"`([a-z_]+)`", row)) - {"templates", "starter"}
    modules = set(_modules()) - {"__init__", "__main__"}
    assert sorted(modules - named) == [], "modules the README's map does not name"
    assert sorted(named - modules) == [], "names in the README's map that are not modules"
