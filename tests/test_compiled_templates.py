"""The templates' compiled code (generator/rendering/compiled/) is what Jinja makes of them now,
and a template is rendered from it only while it was made from the template as it is: an edit
shows at once."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from generator.rendering import compiled_templates, render
from generator.rendering.compiled_templates import (
    COMPILED,
    SUFFIX,
    CompiledLoader,
    compiled_code,
    compiled_files,
)

REGENERATE = "stale compiled templates: run python3 tasks.py templates"


def test_every_compiled_file_is_what_jinja_makes_of_its_template_now() -> None:
    expected = {path: text.encode("utf-8")
                for path, text in compiled_files(render.environments()).items()}
    on_disk = {path: path.read_bytes() for path in COMPILED.rglob(f"*{SUFFIX}")}
    assert sorted(on_disk) == sorted(expected), REGENERATE
    assert [str(path) for path in expected if on_disk[path] != expected[path]] == [], REGENERATE
    # Every template has one, each in the environment that renders it.
    templates = {path.relative_to(render.TEMPLATES).as_posix()
                 for path in render.TEMPLATES.rglob("*.j2")}
    assert {path.relative_to(COMPILED).as_posix().split("/", 1)[1].removesuffix(SUFFIX)
            for path in expected} == templates


def _closing(folder: Path) -> jinja2.Environment:
    """The HTML environment, reading templates from `folder` with a cache of its own."""
    return render.html_environment().overlay(loader=CompiledLoader(folder, "html"))


def test_a_template_renders_from_its_compiled_code_while_that_is_current(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(render.TEMPLATES / "sheet_closing.html.j2", tmp_path)
    environment = _closing(tmp_path)

    def compile_source(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled from source")

    monkeypatch.setattr(environment, "compile", compile_source)
    template = environment.get_template("sheet_closing.html.j2")
    assert template.filename == str(tmp_path / "sheet_closing.html.j2")  # as Jinja names it
    question = SimpleNamespace(id="q1", text="Who else should I talk to?")
    assert "Who else should I talk to?" in template.render(question=question)


def test_an_edited_template_renders_as_edited(tmp_path: Path) -> None:
    (tmp_path / "sheet_closing.html.j2").write_text("<li>{{ question.text }}, edited</li>\n",
                                                    encoding="utf-8")
    template = _closing(tmp_path).get_template("sheet_closing.html.j2")
    assert template.render(question=SimpleNamespace(text="Who else?")) == "<li>Who else?, edited</li>\n"


def test_a_change_to_the_environments_or_to_jinja_is_a_stale_compiled_file(
        monkeypatch: pytest.MonkeyPatch) -> None:
    name = "sheet_closing.html.j2"
    filename = str(render.TEMPLATES / name)
    source = (render.TEMPLATES / name).read_text(encoding="utf-8")
    assert compiled_code("html", name, source, filename) is not None
    assert compiled_code("markdown", name, source, filename) is None  # not made for it
    with monkeypatch.context() as patched:
        patched.setattr(compiled_templates, "_SETUP", b"# render.py, edited")
        assert compiled_code("html", name, source, filename) is None
    with monkeypatch.context() as patched:
        patched.setattr(jinja2, "__version__", "9.9.9")
        assert compiled_code("html", name, source, filename) is None
