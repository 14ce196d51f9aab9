"""Regenerate the corpus: `python corpora/generate.py` renders every `src/*.yaml` and its labels.

Deterministic: the same sources give the same bytes, so the committed files can be checked
against a fresh render (tests/corpora/test_corpus.py does).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpusgen.build import build_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="where to write (default: corpora/)")
    args = parser.parse_args(argv)
    files = build_all(HERE)
    for rel, data in sorted(files.items()):
        path = args.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    print(f"wrote {len(files)} files under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
