"""Templates shipped compiled, so that a sheet does not wait for Jinja to compile them.

Jinja turns a template into Python source and compiles that, for every template a process
renders: for the HTML sheet's six templates about 20 ms of its 0.15 s start-up, for the
Markdown sheet's one about 8 (issue 25). So each template also ships as the Python source
Jinja makes of it, in compiled/<environment>/<template>.code, which Python reads through its
own bytecode cache (__pycache__), as it reads any module.

Never stale: a compiled file ends with a digest of all that its code is made from: the
template's source, the environment it is for, render.py (where both environments are set up,
as this process imported it) and Jinja's version. A template whose compiled file is missing,
or ends with another digest, is compiled from its source as Jinja always does, so an edit
shows at once. `python3 tasks.py templates` writes the files again, and
tests/test_compiled_templates.py fails until it has. Not a cache: nothing of ours is written
at run time (Python keeps these files' bytecode as it keeps every module's), and the files are
part of the source, checked like it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, MutableMapping
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2

COMPILED = Path(__file__).parent / "compiled"
SUFFIX = ".code"
# The environment that renders a template, by the end of the template's name.
ENVIRONMENTS = {"markdown": ".md.j2", "html": ".html.j2"}
try:  # what both environments' options are made from, as this process imported it
    _SETUP: bytes | None = Path(__file__).with_name("render.py").read_bytes()
except OSError:  # pragma: no cover - an install without sources: every template from source
    _SETUP = None


class CompiledLoader(jinja2.FileSystemLoader):
    """Jinja's loader for a folder of templates, taking a template's code from its compiled
    file when that was made from what is here now, and from Jinja's compiler otherwise."""

    def __init__(self, folder: Path, kind: str) -> None:
        super().__init__(folder)
        self.kind = kind  # the environment's name: "markdown" or "html"

    def load(self, environment: jinja2.Environment, name: str,
             globals: MutableMapping[str, Any] | None = None) -> jinja2.Template:
        # BaseLoader.load without its bytecode cache (we have none), but for where the code
        # comes from.
        source, filename, uptodate = self.get_source(environment, name)
        code = (compiled_code(self.kind, name, source, filename)
                or environment.compile(source, name, filename))
        return environment.template_class.from_code(
            environment, code, {} if globals is None else globals, uptodate)


def digest(kind: str, source: str) -> str:
    """What a compiled file is made from, as the line that ends it."""
    made_of = hashlib.sha256(b"\0".join([jinja2.__version__.encode(), kind.encode(),
                                          _SETUP or b"", source.encode()]))
    return f"# made from: {made_of.hexdigest()}\n"


def compiled_code(kind: str, name: str, source: str, filename: str) -> CodeType | None:
    """The code of template `name` in environment `kind` from its compiled file, if that was
    made from `source` and the rest as they are now; else None."""
    path = COMPILED / kind / f"{name}{SUFFIX}"
    try:
        current = _SETUP is not None and path.read_bytes().endswith(
            digest(kind, source).encode())
    except OSError:
        return None
    code = SourceFileLoader(name, str(path)).get_code(name) if current else None
    return _named(code, filename) if code else None


def _named(code: CodeType, filename: str) -> CodeType:
    """`code` named after the template's file, as Jinja's compiler names it: tracebacks and
    `Template.filename` point at the template, not at its compiled file."""
    return code.replace(co_filename=filename, co_consts=tuple(
        _named(const, filename) if isinstance(const, CodeType) else const
        for const in code.co_consts))


def compiled_files(environments: Mapping[str, jinja2.Environment]) -> dict[Path, str]:
    """Every compiled file as it should be now, path -> text: each template in the environment
    that renders it (`environments`: render.environments())."""
    files: dict[Path, str] = {}
    for kind, environment in environments.items():
        assert environment.loader is not None
        for name in environment.list_templates(extensions=["j2"]):
            if name.endswith(ENVIRONMENTS[kind]):
                source = environment.loader.get_source(environment, name)[0]
                code = environment.compile(source, name, raw=True)
                files[COMPILED / kind / f"{name}{SUFFIX}"] = f"{code}\n{digest(kind, source)}"
    return files
