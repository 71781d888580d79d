"""A corpus of bad bank files. Each one must end with exit 1, a `path:line: message` error, no
traceback, and the previously built site left exactly as it was.

Each file's message is checked in-process, one file at a time; one real check process and one
real build with every bad file at once prove the command and the build report the same."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.core.errors import BankError
from generator.core.loader import load_bank
from generator.core.model import Bank
from tests.conftest import copy_project, mkdocs_build, run_cli

CORPUS = Path(__file__).parent / "bad_inputs"
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def _bytes_of(name: str) -> Callable[[], bytes]:
    return lambda: (CORPUS / name).read_bytes()


# file name in the bank -> (how to make its bytes, the exact first line of the report)
CASES: dict[str, tuple[Callable[[], bytes], str]] = {
    "broken-yaml.yml": (_bytes_of("broken-yaml.yml"), "broken-yaml.yml:5: YAML syntax error: "
                        "while scanning a quoted scalar (from line 3); found unexpected end of stream"),
    "tabs.yml": (_bytes_of("tabs.yml"),
                 "tabs.yml:3: tab character in indentation; indent with spaces"),
    "bom.yml": (lambda: b"\xef\xbb\xbfquestions: []\n",
                "bom.yml:1: file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"),
    "latin1.yml": (lambda: b"questions:\n  - id: x\n    text: caf\xe9\n",
                   "latin1.yml:3: not valid UTF-8 (byte 0xe9 at column 14); save as UTF-8"),
    "empty.yml": (_bytes_of("empty.yml"),
                  "empty.yml:1: file is empty; expected a mapping such as 'questions:'"),
    "list-not-mapping.yml": (_bytes_of("list-not-mapping.yml"),
                             "list-not-mapping.yml:1: expected a mapping with keys such as "
                             "'questions:' at the top of the file but received: a list"),
    "unknown-key.yml": (_bytes_of("unknown-key.yml"),
                        "unknown-key.yml:7: unknown key 'colour'. Expected one of: ['category', "
                        "'goals', 'id', 'industries', 'kind', 'priority', 'probes', 'roles', 'text', 'why']"),
    # Files are read in path order; "zz-" puts this one after the shipped question files.
    "zz-duplicate-id.yml": (_bytes_of("duplicate-id.yml"),
                         "zz-duplicate-id.yml:2: duplicate question id 'story-how-started' (first "
                         "defined at "),
    "missing-goal.yml": (_bytes_of("missing-goal.yml"),
                         "missing-goal.yml:5: goals: unknown goal 'retirement'. Expected one of: "
                         "['explore', 'career-change', 'student', 'job-search']"),
    "big.yml": (lambda: b"# padding\n" * 500_000,
                "big.yml:1: file is 5.0 MB; a bank file may be at most 1 MB"),
    "alias-bomb.yml": (_bytes_of("alias-bomb.yml"),
                       "alias-bomb.yml:1: anchors and aliases (&name, *name) are not supported"),
    "python-tag.yml": (_bytes_of("python-tag.yml"), "python-tag.yml:2: YAML tags such as "
                       "'!!python/object/apply:os.system' are not allowed in a bank file"),
}


def _first_error_line(stderr: str, name: str) -> str:
    for line in stderr.splitlines():
        if f"{name}:" in line:
            return line[line.index(name):]
    raise AssertionError(f"no error naming {name}:\n{stderr}")


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_reports_the_bad_file(name: str, bank_copy: Path) -> None:
    # In-process (click's runner): the same command code a user runs, without a new Python.
    make, expected = CASES[name]
    (bank_copy / name).write_bytes(make())
    result = CliRunner().invoke(main, ["check", "--bank", str(bank_copy)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception  # a message, no traceback
    assert _first_error_line(result.stderr, name).startswith(expected)


# Problems in one file are found without the rest of the bank; a reference to an unknown id is
# found only once every file has loaded, so it is left out of the one build with every bad file.
_FILE_CASES = sorted(name for name in CASES if name != "missing-goal.yml")


def test_a_real_check_and_build_report_each_bad_file_and_keep_the_previous_site(
    tmp_path: Path, built_site: Path,
) -> None:
    """One real `infointerview check` process and one real `mkdocs build` with every bad file at
    once: both print each file's message, exit 1 without a traceback, and the site built before
    is left byte for byte. The messages themselves are checked one by one above."""
    project = copy_project(tmp_path / "project")
    site = Path(shutil.copytree(built_site, project / "site"))  # the site a good build made
    digest = _tree_digest(site)
    for name in _FILE_CASES:
        (project / "question_bank" / name).write_bytes(CASES[name][0]())
    checked = run_cli("check", "--bank", str(project / "question_bank"))
    built = mkdocs_build(project, site)
    for result in (checked, built):
        assert result.returncode == 1
        assert "Traceback" not in result.stderr + result.stdout
        for name in _FILE_CASES:
            assert _first_error_line(result.stderr, name).startswith(CASES[name][1])
    assert _tree_digest(site) == digest, "a failed build changed the previous site"


# Random structures for the loader: whatever YAML it is given, it returns a bank or a clean error.
_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                     st.text(max_size=20))
_values = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(["id", "text", "questions", "goals", "hide", "title",
                                         "category", "priority", "why", "x"]) | st.text(max_size=8),
                        children, max_size=5),
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=_values)
def test_loader_returns_a_bank_or_a_clean_error(document: object, tmp_path: Path) -> None:
    folder = tmp_path / "bank"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(MINIMAL, folder)
    (folder / "random.yml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    try:
        assert isinstance(load_bank([folder]), Bank)
    except BankError as error:
        assert error.problems
        assert all(p.message and p.path.name in {"random.yml", "bank.yml", "bank"} for p in error.problems)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200))
def test_loader_survives_random_bytes(data: bytes, tmp_path: Path) -> None:
    folder = tmp_path / "bytes"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "random.yml").write_bytes(data)
    with pytest.raises(BankError):  # one file of random bytes never makes a complete bank
        load_bank([folder])
