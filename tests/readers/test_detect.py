"""Format detection and the errors users see for files that cannot be read."""
from __future__ import annotations

import io
import zipfile

import pytest

from eia_rules.errors import InputError
from eia_rules.readers import Limits, detect_format, read_document

OLE = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 512


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize("name, content, expected", [
    ("a.md", b"# Title\n", "md"),
    ("a.txt", b"Plain words\n", "txt"),
    ("a.html", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("a.htm", b"<p>fragment only</p>", "html"),
    ("a.json", b'{"schema_version": "1.0"}', "json"),
    ("a.pdf", b"%PDF-1.7\n...", "pdf"),
    ("a.docx", _zip({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<Types/>"}), "docx"),
    ("noextension", b"<html><body>x</body></html>", "html"),
    ("noextension", b"just words", "txt"),
])
def test_detects_supported_formats(name, content, expected):
    assert detect_format(name, content) == expected


@pytest.mark.parametrize("name, content, message", [
    ("empty.docx", b"", "the file is empty"),
    ("blank.txt", b"  \n\n", "the file is empty"),
    ("report.docx", b"%PDF-1.4\n", "the file's content is PDF but its name ends in .docx; rename it or export it again"),
    ("report.pdf", b"Just some text", "the file's content is plain text but its name ends in .pdf"),
    ("locked.docx", OLE, "encrypted or password-protected Word file (remove the password and try again)"),
    ("old.doc", OLE, "older Word 97-2003 document (.doc) is not supported (save it as .docx)"),
    ("sheet.xlsx", _zip({"xl/workbook.xml": b"<workbook/>"}), "a spreadsheet (.xlsx) is not supported"),
    ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "a PNG image is not supported"),
    ("broken.docx", b"PK\x03\x04 truncated", "corrupt or unreadable"),
    ("notes.odt", _zip({"content.xml": b"<x/>", "mimetype": b"application/vnd.oasis"}), "OpenDocument"),
])
def test_unreadable_files_get_one_line_reasons(name, content, message):
    with pytest.raises(InputError) as caught:
        detect_format(name, content)
    assert message in str(caught.value)
    assert str(caught.value).startswith(name + ": ")


def test_unsupported_names_the_supported_formats():
    with pytest.raises(InputError, match=r"supported formats are \.docx, \.pdf, \.html, \.md, \.txt"):
        detect_format("sheet.xlsx", _zip({"xl/workbook.xml": b"<workbook/>"}))


def test_json_record_is_refused_by_read_document(write):
    path = write("record.json", '{"schema_version": "1.0"}')
    with pytest.raises(InputError, match="read_record"):
        read_document(path)


def test_oversized_file_is_refused_before_reading(write):
    path = write("big.txt", "words " * 100)
    with pytest.raises(InputError, match=r"too large \(600 bytes; the limit is 100 bytes\)"):
        read_document(path, limits=Limits(max_file_bytes=100))


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nothing.md")


def test_zip_bomb_is_refused_before_parsing(write):
    bomb = _zip({"word/document.xml": b"<w:document/>", "word/media/pad.bin": b"\x00" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(InputError, match="zip bomb"):
        read_document(write("bomb.docx", bomb))


def test_zip_with_too_many_parts_is_refused(write):
    data = _zip({"word/document.xml": b"<w:document/>", **{f"word/p{i}.xml": b"x" for i in range(30)}})
    with pytest.raises(InputError, match="too many parts"):
        read_document(write("many.docx", data), limits=Limits(max_zip_members=10))
