"""Reading never changes the input file and never resolves external entities or fetches."""
from __future__ import annotations

import hashlib
import io
import zipfile

import pytest

from eia_rules.readers import read_document

from . import test_docx, test_html, test_pdf, test_text


def _fixtures() -> dict[str, bytes]:
    return {
        "iia.docx": test_docx.build_iia(),
        "iia.pdf": test_pdf._pdf(test_pdf.build_iia),
        "iia.html": test_html.PAGE.encode(),
        "iia.md": test_text.MARKDOWN.encode(),
        "iia.txt": test_text.PLAIN.encode(),
    }


@pytest.mark.parametrize("name", sorted(_fixtures()))
def test_reading_leaves_the_file_unchanged(write, name):
    path = write(name, _fixtures()[name])
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    doc = read_document(path)
    assert doc.blocks
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before
    assert doc.sha256 == before[0]


def _with_entity(docx: bytes, secret_path: str) -> bytes:
    """The same .docx with an external entity declared and used in document.xml."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                declaration_end = text.index("?>") + 2
                text = (text[:declaration_end]
                        + f'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file://{secret_path}">]>'
                        + text[declaration_end:])
                text = text.replace("We propose to change", "&secret; We propose to change", 1)
                data = text.encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()


def test_docx_external_entities_are_not_resolved(write, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    path = write("xxe.docx", _with_entity(test_docx.build_iia(), str(secret)))
    doc = read_document(path)
    assert "TOP-SECRET-VALUE" not in doc.text()
    assert "Integrated Impact Assessment" in doc.text()


def test_html_entities_and_resources_are_not_loaded(write, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    page = (f'<!DOCTYPE html [<!ENTITY secret SYSTEM "file://{secret}">]>'
            f'<html><body><p>&secret; visible</p><iframe src="file://{secret}"></iframe>'
            f'<img src="file://{secret}" alt="chart"></body></html>')
    doc = read_document(write("xxe.html", page))
    assert "TOP-SECRET-VALUE" not in doc.text()
    assert "visible" in doc.text()
