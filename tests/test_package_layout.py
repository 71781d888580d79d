"""The package's shape as the README promises it: the folders are layers that import one way,
one module reaches MkDocs, and the README's map names the folders and modules that exist.
Material reaches end of life in May 2027; these promises are what let another builder take its
place."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import ROOT, RUN_FIRST

PACKAGE = ROOT / "generator"
# Each layer may import itself and the layers before it, never one after it.
LAYERS = ("core", "rendering", "site", "edition")
# What each layer may not import from outside the package (core: nothing of rendering).
FORBIDDEN_THIRD_PARTY = {
    "core": {"jinja2", "markupsafe", "weasyprint", "mkdocs", "material"},
    "rendering": {"mkdocs", "material"},
    "site": {"mkdocs", "material"},
}


def _modules() -> dict[str, Path]:
    """'core.tailor' -> its path, for every module in a layer folder; 'cli' for the top ones."""
    return {".".join(path.relative_to(PACKAGE).with_suffix("").parts): path
            for path in sorted(PACKAGE.rglob("*.py"))
            if "_data" not in path.parts and "starter" not in path.parts}


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, `from generator.core import x` counted as
    `generator.core.x`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module.startswith("generator"):
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _layer(module: str) -> str:
    return module.split(".")[0]


def test_every_module_lives_in_a_layer_folder_except_the_command_line() -> None:
    top = {name for name in _modules() if "." not in name}
    assert top == {"__init__", "__main__", "cli"}
    assert {_layer(name) for name in _modules()} - top == set(LAYERS)


def test_only_the_plugin_modules_import_mkdocs() -> None:
    reaching = {name for name, path in _modules().items()
                if any(m.split(".")[0] in {"mkdocs", "material"} for m in _imports(path))}
    assert reaching == {"edition.plugin", "edition.plugin_languages", "edition.plugin_output"}


def test_each_layer_imports_only_itself_and_the_layers_before_it() -> None:
    for name, path in _modules().items():
        if _layer(name) not in LAYERS:
            continue
        allowed = set(LAYERS[: LAYERS.index(_layer(name)) + 1])
        ours = {m.split(".")[1] for m in _imports(path)
                if m.startswith("generator.") and m.split(".")[1] in LAYERS}
        assert ours <= allowed, f"generator/{path.relative_to(PACKAGE)} imports {sorted(ours - allowed)}"
        third_party = {m.split(".")[0] for m in _imports(path)} & FORBIDDEN_THIRD_PARTY.get(
            _layer(name), set())
        assert not third_party, f"generator/{path.relative_to(PACKAGE)} imports {sorted(third_party)}"


def test_the_readme_module_map_names_every_module_and_nothing_else() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = readme.split("```text\ngenerator/\n", 1)[1].split("```", 1)[0]
    named = set(re.findall(r"\b([a-z_]+)\.py\b", tree))
    modules = {name.split(".")[-1] for name in _modules()} - {"__init__"}
    assert sorted(modules - named) == [], "modules the README's map does not name"
    assert sorted(named - modules) == [], "names in the README's map that are not modules"
    folders = set(re.findall(r"^\s*([a-z_]+)/", tree, re.M))
    assert set(LAYERS) <= folders, "layer folders the README's map does not name"


def test_the_files_the_workers_start_with_exist() -> None:
    """A renamed file would drop out of tests/conftest.py's RUN_FIRST without a word."""
    assert [name for name in RUN_FIRST if not (ROOT / "tests" / name).is_file()] == []
