"""The infointerview plugin's options in a site's mkdocs.yml: declared once, checked once.

The MkDocs build (edition/plugin.py) and the command line (run in a centre's folder, it takes
the centre and the banks from ./mkdocs.yml) both check the options here, so a value the build
refuses never reaches a sheet the command line makes. The file is read with the bank's own YAML
reader (yaml_parse: no aliases, so no alias bomb; a depth limit; lines kept), never with
PyYAML's loader; tags such as `!ENV` or `!!python/name:` are read as values not to interpret.
The build takes its values from MkDocs (which resolves `!ENV`) and the lines from that reader.
Every problem is one line, `mkdocs.yml:LINE: option: message`, and stops either.

A new option is one declared field of `PluginOptions`, or of `centre.Centre` for a centre's
detail, with its kind of value (option_types); checks, messages and lines follow from that.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.core.bank_translations import MISSING_CHOICES
from generator.core.centre import Centre, bank_folders
from generator.core.errors import BankError, ConfigError, Problem, display_path
from generator.core.option_types import Folders, LanguageCodes, Number, Section
from generator.core.resources import shipped_path
from generator.core.sheet import DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES
from generator.core.statement_facts import StatementFacts
from generator.core.value_types import Choice, Flag, Invalid, declare, field_specs, show
from generator.core.yaml_parse import TAGGED, parse_yaml
from generator.core.yaml_source import YamlList, YamlMapping, read_bank_file

PLUGIN = "infointerview"


@dataclass(frozen=True)
class PluginOptions:
    """The options under `- infointerview:` in mkdocs.yml."""

    centre: Centre | None = declare(
        Section(Centre), "Who publishes this edition; without it the site is the project's own.",
        required=False)
    banks: tuple[str, ...] = declare(
        Folders(), "Your own bank folders, read after the guide's own.", required=False,
        default=())
    default_minutes: int = declare(
        Number(MIN_MINUTES, MAX_MINUTES), "The length of the ready-made sheets.",
        required=False, default=DEFAULT_MINUTES)
    pdf: bool = declare(Flag(), "PDF sheets to download (needs the Pango library).",
                        required=False, default=True)
    languages: tuple[str, ...] = declare(
        LanguageCodes(), "The site's languages; the first is at the site's root, each other one "
        "in its own folder (`fr/`).", required=False, default=("en",))
    missing_translations: str = declare(
        Choice(MISSING_CHOICES), "What a build does when a page, a bank text or a word of the "
        "interface has no translation: `fail`, or `english` (shown in English with a note).",
        required=False, default="fail")
    locales: tuple[str, ...] = declare(
        Folders(), "Your own catalogues, `<folder>/<code>/LC_MESSAGES/messages.po`, read before "
        "the guide's own (for a language the guide does not ship).", required=False, default=())
    statements: StatementFacts | None = declare(
        Section(StatementFacts), "Facts for the privacy notice and accessibility statement.",
        required=False)


@dataclass(frozen=True)
class CheckedOptions:
    """The options, and the line in mkdocs.yml of each (`centre.logo`), for later messages."""

    options: PluginOptions
    path: Path
    lines: Mapping[str, int]

    def problem(self, option: str, message: str) -> ConfigError:
        return ConfigError([Problem(self.path, self.lines.get(option, 1), f"{option}: {message}")])

    def banks(self) -> list[Path]:
        """The banks the site builds with (shipped bank and overlays), so that the command line
        in a site's folder (`infointerview check` there) uses what the site will use."""
        return bank_folders(self.path.parent, list(self.options.banks))


def check_options(values: Any, path: Path, where: Any = None, line: int = 1) -> CheckedOptions:
    """Check the plugin's options `values` (from MkDocs or from `read_site`); `where` is the
    same mapping as our reader read it, for the line of each key (None when not known, as
    with an INHERIT file); `line` is the line of the plugin's entry."""
    problems: list[Problem] = []
    lines: dict[str, int] = {}
    checked = _section(PluginOptions, {} if values is None else values, where, "", path, line,
                       problems, lines)
    if problems or checked is None:
        raise ConfigError(problems)
    return CheckedOptions(checked, path, lines)


def _section(model: type, values: Any, where: Any, prefix: str, path: Path, line: int,
             problems: list[Problem], lines: dict[str, int]) -> Any:
    """One mapping of options checked against `model`'s declared fields; None if unusable."""
    label = prefix.rstrip(".") or PLUGIN
    if not isinstance(values, Mapping):
        problems.append(Problem(path, line, f"{label}: expected a mapping of options "
                                            f"but received: {show(values)}"))
        return None
    specs = field_specs(model)

    def line_of(key: str) -> int:
        return where.key_lines.get(key, line) if isinstance(where, YamlMapping) else line

    for key in values:
        if key not in specs:
            problems.append(Problem(path, line_of(str(key)), (
                f"{prefix}{key}: unknown option; the known options are {', '.join(specs)}")))
    given: dict[str, Any] = {}
    before = len(problems)
    for name, spec in specs.items():
        lines[prefix + name] = line_of(name)
        value = values.get(name)
        if value is TAGGED:  # `!ENV` and the like: MkDocs resolves them, we cannot
            if spec.required:  # so a centre named by one is left to the build
                return None
            continue
        if value is None:
            if name in values and not isinstance(spec.value_type, Section):
                problems.append(Problem(path, line_of(name), (
                    f"{prefix}{name}: is empty; {getattr(spec.value_type, 'empty_hint', '')}"
                    "give a value or leave the line out")))
            continue
        inner = where.get(name) if isinstance(where, YamlMapping) else None
        if isinstance(spec.value_type, Section) and spec.value_type.model is not None:
            value = _section(spec.value_type.model, value, inner, f"{prefix}{name}.", path,
                             line_of(name), problems, lines)
        else:
            try:
                value = spec.value_type.convert(value)
            except Invalid as error:
                problems.append(Problem(path, line_of(name), f"{prefix}{name}: {error}"))
                continue
        if value is not None:
            given[name] = value
    if prefix and not given and len(problems) == before:
        return None  # `centre:` with nothing under it: no centre
    for name, spec in specs.items():
        if spec.required and name not in given and len(problems) == before:
            problems.append(Problem(path, line, (
                f"{label}.{name}: missing; {label} needs a {name}: {spec.doc}")))
    if len(problems) > before:
        return None
    defaults = {name: spec.default for name, spec in specs.items() if not spec.required}
    return model(**{**defaults, **given})


def check_logo(checked: CheckedOptions, docs: Path) -> None:
    """The logo must be a file inside the docs folder (or the shipped pages), after links are
    followed: a link out of the folder would put another file in every header."""
    centre = checked.options.centre
    if not (centre and centre.logo):
        return
    for folder in (docs, shipped_path("content")):
        candidate = folder / centre.logo
        if candidate.is_file() and candidate.resolve().is_relative_to(folder.resolve()):
            return
    raise checked.problem("centre.logo", f"{centre.logo!r} is not a file in the docs folder "
                                         f"{display_path(docs)}")


def plugin_entry(document: Any) -> tuple[Any, int] | None:
    """The plugin's options as the reader read them, and their line; None without the plugin.
    MkDocs takes `plugins:` as a list of names and one-key mappings, or as one mapping."""
    plugins = document.get("plugins") if isinstance(document, dict) else None
    if isinstance(plugins, YamlMapping) and PLUGIN in plugins:
        return plugins[PLUGIN], plugins.key_lines[PLUGIN]
    for number, entry in enumerate(plugins if isinstance(plugins, YamlList) else []):
        if entry == PLUGIN and isinstance(plugins, YamlList):
            return None, plugins.item_lines[number]
        if isinstance(entry, YamlMapping) and PLUGIN in entry:
            return entry[PLUGIN], entry.key_lines[PLUGIN]
    return None


def read_document(config_file: Path) -> Any:
    """mkdocs.yml read safely; ConfigError for a file that cannot be read or is not YAML."""
    try:
        return parse_yaml(config_file, read_bank_file(config_file), ignore_tags=True)
    except BankError as error:
        raise ConfigError(error.problems) from None


@functools.cache  # a command asks for the centre and for the banks
def read_site(config_file: Path) -> CheckedOptions | None:
    """The checked options of the site whose mkdocs.yml this is, for the command line; None
    when there is no such file or it does not use the plugin. Raises ConfigError."""
    if not config_file.is_file():
        return None
    document = read_document(config_file)
    found = plugin_entry(document)
    if found is None:
        return None
    values, line = found
    checked = check_options(values, config_file, values, line)
    docs = document.get("docs_dir", "docs") if isinstance(document, dict) else "docs"
    if isinstance(docs, str):
        check_logo(checked, config_file.parent / docs)
    return checked
