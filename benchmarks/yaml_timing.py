"""Time our YAML parse with line numbers against libyaml's plain compose, inside one process.

    python benchmarks/yaml_timing.py BANK_FOLDER [--rounds N] [--seconds S]

Run with PYTHONPATH at the project copy (suite.py does), so `generator` is the copy's. Both
parsers get every bank file, already in memory, so neither pays for the disk: ours
(`generator.core.yaml_parse.parse_yaml`, the loader's parse: decoding, the checks for characters,
nesting, tags and aliases, and values with their lines) and `yaml.compose(text,
Loader=yaml.CSafeLoader)`, which builds libyaml's node tree, with a line on every node, and
checks nothing. Each is timed over all files with time.perf_counter, with the garbage
collector paused, at least `--rounds` times and until `--seconds` have passed (small banks parse
in milliseconds, so they get more rounds), the two alternating so that a busy moment hits both.
The best round of each is printed as JSON with its CPU time: the best round is the one least
disturbed by other work on the machine.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from generator.core.yaml_parse import parse_yaml

BANK_SUFFIXES = (".yml", ".yaml")


def bank_files(bank: Path) -> list[tuple[Path, bytes]]:
    return [(path, path.read_bytes()) for path in sorted(bank.rglob("*"))
            if path.suffix in BANK_SUFFIXES and path.is_file()]


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    # The garbage collector is paused while a round runs: its passes cost in proportion to
    # everything alive in the process, not to the parser's work, and they swamp it. Kept, libyaml's
    # node trees of 10,000 questions cost it 0.9 s of passes, against 0.3 s for the parse itself.
    gc.collect()
    gc.disable()
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        kept = work()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        gc.enable()
    del kept  # freed outside the timed part
    return wall, cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bank", type=Path)
    parser.add_argument("--rounds", type=int, default=5, help="at least this many rounds")
    parser.add_argument("--seconds", type=float, default=1.0,
                        help="and more rounds (up to 100) until this much time has passed")
    args = parser.parse_args(argv)
    files = bank_files(args.bank)
    if not files:
        sys.exit(f"{args.bank}: no .yml or .yaml files")
    texts = [data.decode("utf-8") for _, data in files]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # as our parser: libyaml if present

    # Each keeps what it parsed until the round ends, as the loader keeps every document: freed
    # at once, each file's values reuse the memory of the file before, which the loader's
    # documents never do.
    def ours() -> list[object]:
        return [parse_yaml(path, data) for path, data in files]

    def plain() -> list[object]:
        return [yaml.compose(text, Loader=loader) for text in texts]

    best: dict[str, tuple[float, float]] = {}
    started, rounds = time.perf_counter(), 0
    while rounds < args.rounds or (time.perf_counter() - started < args.seconds and rounds < 100):
        for name, work in (("ours", ours), ("plain", plain)):
            result = _timed(work)
            best[name] = min(best.get(name, result), result)
        rounds += 1
    print(json.dumps({name: {"seconds": wall, "cpu_seconds": cpu}
                      for name, (wall, cpu) in best.items()}, sort_keys=True))


if __name__ == "__main__":
    main()
