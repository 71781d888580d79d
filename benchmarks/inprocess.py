"""Timed inside one fresh process, which run.py starts with PYTHONPATH at the project copy:

    python inprocess.py phases BANK CONTENT   the plugin's work in a build, phase by phase
    python inprocess.py yaml BANK ROUNDS      our YAML parse against libyaml's yaml.compose

Each prints JSON, in seconds. Nothing but the standard library is imported before the clock
starts, so the "import" phase holds the generator, Jinja and PyYAML.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path


def phases(bank: Path, content: Path) -> dict[str, float]:
    """CPU time of each phase (README.md lists them); "maker" is part of "render"."""
    clock, times = time.process_time, {}
    start = clock()
    from generator.core.loader import bank_files, load_bank  # timed: the "import" phase
    from generator.core.yaml_parse import parse_yaml
    from generator.rendering import render
    from generator.site.inserts import check_content
    from generator.site.sheet_maker import data_assets
    from generator.site.site_pages import site_pages
    times["import"] = clock() - start
    files = [(path, path.read_bytes()) for path in bank_files(bank)[0]]
    start = clock()
    for path, data in files:
        parse_yaml(path, data)
    times["parse"] = clock() - start
    start = clock()
    loaded = load_bank([bank])
    times["validate"] = clock() - start - times["parse"]
    steps: dict[str, Callable[[], object]] = {
        "content": lambda: check_content(loaded, content),
        "compile": lambda: [  # every template, in the environment that renders it
            (render.markdown_environment() if ".md" in path.name else render.html_environment())
            .get_template(path.relative_to(render.TEMPLATES).as_posix())
            for path in sorted(render.TEMPLATES.rglob("*.j2"))],
        "maker": lambda: data_assets(loaded),
        "render": lambda: site_pages(loaded, False),
    }
    for name, step in steps.items():
        start = clock()
        step()
        times[name] = clock() - start
    times["total"] = sum(value for key, value in times.items() if key != "maker")
    return times


def yaml_rounds(bank: Path, rounds: int) -> dict[str, dict[str, float]]:
    """`parse_yaml` (the loader's parse: checks, and values with their lines) against
    `yaml.compose(text, Loader=CSafeLoader)` (a node tree with lines, no checks) over every
    bank file already in memory; rounds alternate, at least `rounds` and 1 s (at most 100); the
    best round of each counts. Each round keeps what it parsed, as the loader does."""
    import yaml  # here and below: not timed, as in the loader's process

    from generator.core.yaml_parse import parse_yaml
    files = [(path, path.read_bytes()) for path in sorted(bank.rglob("*.yml"))]
    texts = [data.decode("utf-8") for _, data in files]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    work = {"ours": lambda: [parse_yaml(path, data) for path, data in files],
            "plain": lambda: [yaml.compose(text, Loader=loader) for text in texts]}
    best: dict[str, dict[str, float]] = {}
    started, done = time.perf_counter(), 0
    while done < rounds or (time.perf_counter() - started < 1.0 and done < 100):
        for name, parse in work.items():
            gc.collect()
            gc.disable()  # collector passes cost by all that is alive, not by the parse
            wall, cpu = time.perf_counter(), time.process_time()
            kept = parse()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            gc.enable()
            del kept
            if name not in best or wall < best[name]["seconds"]:
                best[name] = {"seconds": wall, "cpu_seconds": cpu}
        done += 1
    return best


if __name__ == "__main__":
    task, bank, other = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    print(json.dumps(phases(bank, Path(other)) if task == "phases" else
                     yaml_rounds(bank, int(other))))
