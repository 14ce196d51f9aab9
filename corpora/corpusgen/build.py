"""Render every source and its labels; used by generate.py and by the freshness test."""
from __future__ import annotations

import json
from pathlib import Path

from .labels import derive
from .layout import layout
from .render_docx import render_docx
from .render_json import render_json
from .render_pdf import render_pdf
from .render_text import render_html, render_md, render_txt
from .source import Source, load_all

RENDERERS = {"docx": render_docx, "pdf": render_pdf, "html": render_html, "md": render_md, "txt": render_txt,
             "json": render_json}
EXAMPLE_DIR = "examples"


def render(source: Source) -> bytes:
    """The document bytes for one source, in its format."""
    return RENDERERS[source.format](source, layout(source))


def labels_bytes(labels: dict) -> bytes:
    return (json.dumps(labels, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def outputs(source: Source) -> dict[str, bytes]:
    """Every file one source produces, keyed by path relative to `corpora/`."""
    data = render(source)
    labels = derive(source)
    out = {source.document: data, f"{source.family}/{source.name}.expected.json": labels_bytes(labels)}
    if source.example:
        # A plain copy without labels, so corpus measurements do not count the document twice.
        out[f"{EXAMPLE_DIR}/{source.example}"] = data
    return out


def build_all(corpora_dir: Path) -> dict[str, bytes]:
    """All outputs of all sources under `corpora_dir/src`."""
    files: dict[str, bytes] = {}
    for source in load_all(corpora_dir / "src"):
        for rel, data in outputs(source).items():
            if rel in files:
                raise ValueError(f"two sources write {rel}")
            files[rel] = data
    return files
