"""Decide a file's format from its content, and check the content agrees with its name.

Officers rename files and export them in odd ways; trusting the extension would hand a PDF
to the Word parser and produce a confusing traceback. The content decides, and when it
disagrees with the name the user is told which is which.
"""
from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import PurePath

from ..errors import InputError, safe_name
from .guards import is_editor_file
from .limits import corrupt, load_bytes

SUPPORTED_FORMATS: tuple[str, ...] = ("docx", "pdf", "html", "md", "txt", "json")
_SUPPORTED_TEXT = "supported formats are .docx, .pdf, .html, .md, .txt and .json (an IIA record)"

EXTENSIONS: dict[str, str] = {
    ".docx": "docx", ".docm": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html",
    ".xhtml": "html", ".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt",
    ".json": "json",
}
_TEXT_FORMATS = {"html", "md", "txt", "json"}

# what the file is, and what the user can do about it
UNSUPPORTED_EXTENSIONS: dict[str, tuple[str, str]] = {
    ".doc": ("an older Word 97-2003 document (.doc)", "save it as .docx"),
    ".xlsx": ("a spreadsheet (.xlsx)", ""), ".xls": ("a spreadsheet (.xls)", ""),
    ".csv": ("a spreadsheet (.csv)", ""),
    ".odt": ("an OpenDocument text file (.odt)", "save it as .docx"),
    ".ods": ("an OpenDocument spreadsheet (.ods)", ""),
    ".rtf": ("a Rich Text file (.rtf)", "save it as .docx"),
    ".pptx": ("a PowerPoint presentation (.pptx)", ""), ".ppt": ("a PowerPoint presentation (.ppt)", ""),
    ".zip": ("a zip archive", ""), ".msg": ("an Outlook message (.msg)", ""),
    ".eml": ("an e-mail message (.eml)", ""),
}
_IMAGE_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)


def _extension_format(path: str) -> tuple[str, str | None]:
    suffix = PurePath(path).suffix.lower()
    return suffix, EXTENSIONS.get(suffix)


def _unsupported(path: str, what: str, advice: str = "") -> InputError:
    hint = f" ({advice})" if advice else ""
    return InputError(path, f"{what} is not supported{hint}; {_SUPPORTED_TEXT}")


def _zip_format(path: str, data: bytes) -> str:
    """Name the kind of zip; only a Word document is supported."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
        raise corrupt(path, "file (damaged zip container)", exc) from None
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") for n in names):
        raise _unsupported(path, "a spreadsheet (.xlsx)")
    if any(n.startswith("ppt/") for n in names):
        raise _unsupported(path, "a PowerPoint presentation (.pptx)")
    if "content.xml" in names:
        raise _unsupported(path, "an OpenDocument file (.odt/.ods)", "save it as .docx")
    raise _unsupported(path, "a zip archive that is not a Word document")


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NULs but a byte-order mark
    return b"\x00" in head


def _sniff_text(data: bytes) -> str:
    """html, json or text: from the first characters of a text file."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return "html"
    if head.lstrip().startswith(b"{"):
        try:
            if isinstance(json.loads(decode_text(data)), dict):
                return "json"
        except RecursionError:
            return "json"  # an object nested deeper than Python recurses: the JSON reader refuses it
        except ValueError:
            pass
    return "text"


def _content_format(path: str, data: bytes) -> str:
    """The format the bytes say, or 'text' for text whose flavour the name decides."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n\x00")[:5] == b"%PDF-":
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_format(path, data)
    if data.startswith(_OLE_MAGIC):
        return "ole"
    for magic, what in _IMAGE_MAGIC:
        if data.startswith(magic):
            raise _unsupported(path, what, "scanned pages need to be converted to text first")
    if data.startswith(b"{\\rtf"):
        raise _unsupported(path, "a Rich Text file (.rtf)", "save it as .docx")
    if _looks_binary(data):
        raise _unsupported(path, "a binary file of an unknown type")
    return _sniff_text(data)


def detect_format(path: str | os.PathLike[str], data: bytes | None = None) -> str:
    """One of SUPPORTED_FORMATS for this file, or InputError saying what is wrong with it."""
    name = safe_name(str(path))
    if is_editor_file(name):
        raise InputError(name, "this is an editor's lock or temporary file, made while a document is open; "
                               "it is not a document and is skipped")
    if data is None:
        data = load_bytes(path)
    if not data.strip():
        raise InputError(name, "the file is empty")
    suffix, by_name = _extension_format(name)
    content = _content_format(name, data)
    if content == "ole":
        if suffix == ".doc":
            raise _unsupported(name, *UNSUPPORTED_EXTENSIONS[".doc"])
        if suffix in (".docx", ".docm") or b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00" in data:
            raise InputError(name, "encrypted or password-protected Word file (remove the password and try again)")
        raise _unsupported(name, "an older Microsoft Office binary file (.doc/.xls/.ppt)")
    if content == "text":
        if by_name in _TEXT_FORMATS:
            return by_name
        if suffix in UNSUPPORTED_EXTENSIONS:
            raise _unsupported(name, *UNSUPPORTED_EXTENSIONS[suffix])
        if by_name is not None:
            raise _mismatch(name, "plain text", suffix)
        return "txt"
    if content in ("html", "json") and by_name in _TEXT_FORMATS:
        # Within text formats the name wins: an .md file may begin with an HTML block, and a
        # .txt file may hold JSON the user wants read as text.
        return by_name
    if by_name is not None and by_name != content:
        raise _mismatch(name, content.upper() if content != "docx" else "a Word document", suffix)
    if by_name is None and suffix in UNSUPPORTED_EXTENSIONS and content not in ("pdf", "docx"):
        raise _unsupported(name, *UNSUPPORTED_EXTENSIONS[suffix])
    return content


def _mismatch(path: str, content: str, suffix: str) -> InputError:
    return InputError(path, f"the file's content is {content} but its name ends in {suffix}; "
                            "rename it or export it again")


def decode_text(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Windows-1252 is the fallback because "Save as plain text" from older Word on Windows
    produces it, and every byte string decodes in it, so reading never fails on encoding.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
