"""Shared archive folders for the audit tests: real corpus documents mixed with broken files."""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
GOOD = {
    "Customer Services/2024/library-hours.docx": CORPORA / "la-docx" / "caerwen-library-hours.docx",
    "Leisure/weak-iia.md": CORPORA / "examples" / "weak-iia.md",
    "Environment/waste-record.json": CORPORA / "json" / "cwm-lleu-waste-collection.json",
}


def _odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


# name -> (bytes, words the recorded reason must contain)
BROKEN = {
    "empty.docx": (b"", "empty"),
    "corrupt.docx": (b"PK\x03\x04" + b"\x00garbage" * 40, "zip"),
    "text-named.pdf": (b"Plain words in a file whose name says PDF.\n", "name ends in .pdf"),
    "minutes.odt": (_odt(), "not supported"),
    "legacy.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "Word 97-2003"),
}


def small_md(tmp: Path, names: list[str]) -> Path:
    """Copies of a short Markdown assessment, each made distinct so each has its own hash."""
    tmp.mkdir(parents=True, exist_ok=True)
    text = (CORPORA / "examples" / "weak-iia.md").read_text("utf-8")
    for i, name in enumerate(names):
        (tmp / name).write_text(f"{text}\n\nCopy {i}.\n", "utf-8")
    return tmp


@pytest.fixture(scope="session")
def mixed_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    for rel, source in GOOD.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, root / rel)
    for name, (data, _) in BROKEN.items():
        (root / "Broken" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "Broken" / name).write_bytes(data)
    (root / "Leisure" / "weak-iia.expected.json").write_text("{}")  # a corpus label, not a document
    (root / ".hidden").mkdir()
    (root / ".hidden" / "draft.md").write_text("# hidden\n")
    return root
