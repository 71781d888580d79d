"""Write every template's compiled file (generator/rendering/compiled_templates.py says why).

    python3 tasks.py templates     write generator/rendering/compiled/ again, after a template,
                                   render.py or the installed Jinja changed

Files no template makes any more are removed. tests/test_compiled_templates.py fails while a
file is missing, stale or left over.
"""

from __future__ import annotations

from generator.rendering.compiled_templates import COMPILED, SUFFIX, compiled_files
from generator.rendering.render import environments


def main() -> None:
    files = {path: text.encode("utf-8") for path, text in compiled_files(environments()).items()}
    for path in sorted(COMPILED.rglob(f"*{SUFFIX}")):
        if path not in files:
            path.unlink()
            print(f"removed {path.relative_to(COMPILED)}")
    for path, data in sorted(files.items()):
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(COMPILED)}")


if __name__ == "__main__":
    main()
