"""Where the generator's time goes on the cold path: its phases, timed inside one fresh process.

    .venv/bin/python benchmarks/phases.py                  # shipped bank, 1,000 and 10,000
    .venv/bin/python benchmarks/phases.py --sizes 1000 --runs 5
    .venv/bin/python benchmarks/phases.py --sizes 322,322:goals10,322:roles10,322:industries10

A size `N:goals10` is N synthetic questions over ten times the shipped goals (each goal copied
under new ids; also `roles10`, `industries10`): every step must grow linearly with those too.
The sheet maker's data is the one step that cannot: it holds a sheet for every goal x role x
format x industry x length the page offers, so it grows with that product (issue 23).

The plugin's work in a build (`on_pre_build` and the insert comments) is what the generator adds to
a plain build of the same pages, so this splits it up: importing the generator (with Jinja),
parsing the bank's YAML, the rest of loading (validation, references, coverage), checking the
hand-written pages, compiling the templates (which a build does on first use) and rendering
the site pages. Each run is a fresh process, like a build; the
table shows the median over runs, in milliseconds. CPU time, so a busy machine disturbs it less.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PHASES = {
    "import": "import the generator (and Jinja)",
    "parse": "parse the YAML (parse_yaml, every file)",
    "validate": "load_bank less the parse: checks, model, references, coverage",
    "content": "check the hand-written pages' inserts",
    "compile": "compile every template (Jinja, no bytecode cache)",
    "maker": "the sheet maker's and filter's data alone (data_assets; part of render)",
    "render": "render the site pages (site_pages, templates compiled)",
    "total": "total (what the plugin adds to a build, about)",
}


def _templates(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.j2"))


def child(bank: Path, content: Path) -> dict[str, float]:
    """The phases in this process, in seconds of CPU time."""
    clock = time.process_time
    start = clock()
    # Imported here, not at the top, so that the import is timed (and the parent never pays it).
    from generator.core.loader import bank_files, load_bank
    from generator.core.yaml_parse import parse_yaml
    from generator.rendering import render
    from generator.site.inserts import check_content
    from generator.site.sheet_maker import data_assets
    from generator.site.site_pages import site_pages
    times = {"import": clock() - start}
    files = [(path, path.read_bytes()) for path in bank_files(bank)[0]]
    start = clock()
    for path, data in files:
        parse_yaml(path, data)
    times["parse"] = clock() - start
    start = clock()
    loaded = load_bank([bank])
    times["validate"] = clock() - start - times["parse"]
    start = clock()
    check_content(loaded, content)
    times["content"] = clock() - start
    start = clock()
    for name in _templates(render.TEMPLATES):
        environment = render.markdown_environment() if ".md" in name else render.html_environment()
        environment.get_template(name)
    times["compile"] = clock() - start
    start = clock()
    data_assets(loaded)
    times["maker"] = clock() - start
    start = clock()
    site_pages(loaded, False)
    times["render"] = clock() - start
    times["total"] = sum(value for key, value in times.items() if key != "maker")
    return times


def _spec(text: str) -> tuple[int, dict[str, int], str]:
    """'shipped', '1000' or '322:goals10' -> (size, scale, column name)."""
    size_text, _, scaled = text.partition(":")
    size = 0 if size_text == "shipped" else int(size_text)  # 0 is project.SHIPPED
    scale = {}
    if scaled:
        section = scaled.rstrip("0123456789")
        scale[section] = int(scaled[len(section):])
    name = "shipped bank" if size == 0 else f"{size:,} q"
    name += "".join(f", {section} x{factor}" for section, factor in scale.items())
    return size, scale, name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="shipped,1000,10000",
                        help="comma-separated: 'shipped' or a number of synthetic questions")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    import synth  # only the parent makes banks
    from project import SHIPPED, add_variant, make_project, project_env

    specs = [_spec(text) for text in args.sizes.split(",")]
    (HERE / "work").mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="phases-", dir=HERE / "work"))
    columns: dict[str, dict[str, float]] = {}
    try:
        project = make_project(tmp / "project")
        env = project_env(project)
        for size, scale, name in specs:
            label = "-".join(f"{section}{factor}" for section, factor in scale.items())
            variant = add_variant(project, size, label)
            if size == SHIPPED:
                shutil.copytree(synth.SHIPPED_BANK, variant.bank)
            else:
                synth.write_bank(size, variant.bank, scale=scale)
            runs = []
            for _ in range(args.runs):
                result = subprocess.run(
                    [sys.executable, __file__, "--child", str(variant.bank),
                     str(project / "content")],
                    cwd=project, env=env, capture_output=True, text=True, check=True,
                )
                runs.append(json.loads(result.stdout))
            columns[name] = {key: statistics.median(run[key] for run in runs) for key in PHASES}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"Median CPU time in ms over {args.runs} fresh processes:\n")
    print("| Phase | " + " | ".join(columns) + " |")
    print("| --- |" + " ---: |" * len(columns))
    for key, label in PHASES.items():
        print(f"| {label} | " + " | ".join(f"{c[key] * 1000:.0f}" for c in columns.values())
              + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
