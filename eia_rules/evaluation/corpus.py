"""Labelled corpora: documents paired with what an expert says they contain.

Two layouts are read, so the project's generated corpus and the real-excerpt set are measured
by one code path:
- sidecars: every document `X.ext` has `X.expected.json` next to it (searched recursively);
- jsonl: `labels.jsonl` (one object per line, with an `id`) beside `fragments/<id>.txt`, or
  naming its document in a `file` field relative to the folder (whole documents of any format).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError

LABEL_SUFFIX = ".expected.json"
JSONL_NAME = "labels.jsonl"
FRAGMENTS_DIR = "fragments"


@dataclass(frozen=True)
class LabelledDocument:
    """One document to evaluate: a short name for reports, its file and its expert labels."""

    name: str
    path: Path
    labels: dict[str, Any] = field(hash=False)


def _document_for(label_path: Path) -> Path | None:
    """The document a sidecar describes: same stem, any suffix but the label's own."""
    stem = label_path.name[: -len(LABEL_SUFFIX)]
    candidates = sorted(p for p in label_path.parent.glob(f"{stem}.*")
                        if p.is_file() and p != label_path and not p.name.endswith(LABEL_SUFFIX)
                        and p.name[len(stem):].count(".") == 1)
    return candidates[0] if candidates else None


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(str(path), f"labels cannot be read: {e}") from e
    if not isinstance(data, dict):
        raise InputError(str(path), "labels must be a JSON object")
    return data


def load_sidecars(root: Path) -> list[LabelledDocument]:
    """Every `*.expected.json` under `root` with its document; a label without a document is an error."""
    docs = []
    for label_path in sorted(root.rglob(f"*{LABEL_SUFFIX}")):
        if any(part.startswith(".") for part in label_path.relative_to(root).parts):
            continue
        doc = _document_for(label_path)
        if doc is None:
            raise InputError(str(label_path), "no document with the same name sits next to these labels")
        docs.append(LabelledDocument(doc.relative_to(root).as_posix(), doc, _read_json(label_path)))
    return docs


def _relative_file(value: Any, where: str) -> str | None:
    """A label's own `file`, which must stay inside the corpus folder; None when it gives none."""
    if value is None:
        return None
    rel = Path(str(value))
    if rel.is_absolute() or ".." in rel.parts or not str(value).strip():
        raise InputError(where, f"'file' must be a path inside the corpus folder, not {value!r}")
    return rel.as_posix()


def load_jsonl(root: Path) -> list[LabelledDocument]:
    """`labels.jsonl` entries paired with `fragments/<id>.txt`."""
    jsonl = root / JSONL_NAME
    docs = []
    try:
        lines = jsonl.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(jsonl), f"labels cannot be read: {e}") from e
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            labels = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{jsonl}:{number}", f"not valid JSON: {e.msg}") from e
        if not isinstance(labels, dict) or not str(labels.get("id", "")).strip():
            raise InputError(f"{jsonl}:{number}", "each line must be a JSON object with an 'id'")
        doc_id = str(labels["id"])
        rel = _relative_file(labels.get("file"), f"{jsonl}:{number}") or f"{FRAGMENTS_DIR}/{doc_id}.txt"
        docs.append(LabelledDocument(rel, root / rel, labels))
    return docs


def load_corpus(root: str | Path) -> list[LabelledDocument]:
    """The labelled documents in a folder of either layout; `InputError` when there are none.

    A missing fragment is not an error here: it is reported as that document's failure, so
    one lost file does not stop the measurement of the rest.
    """
    folder = Path(root)
    if not folder.is_dir():
        raise InputError(str(folder), "not a readable folder")
    docs = load_jsonl(folder) if (folder / JSONL_NAME).is_file() else load_sidecars(folder)
    if not docs:
        raise InputError(str(folder), f"no labelled documents (expected *{LABEL_SUFFIX} sidecars "
                                      f"or {JSONL_NAME} with {FRAGMENTS_DIR}/)")
    return docs
