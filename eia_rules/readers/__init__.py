"""Readers: turn a file into an ordered list of located blocks (or, for JSON, an IIARecord).

    from eia_rules.readers import read_document, read_record, detect_format
    doc = read_document("iia.docx")          # SourceDocument with blocks
    record = read_record("iia-record.json")  # IIARecord validated against its JSON Schema

The content of a file decides its format; a name that disagrees, an unsupported, empty,
encrypted, oversized or corrupt file raises `InputError` with a one-line message. Parsers
are imported only when a file of their format is read, so reading Markdown stays quick.
"""
from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Callable

from ..errors import InputError, safe_name
from ..model.blocks import SourceDocument
from .blocks import BlockBuilder, BuildLimits, TooMuch
from .guards import quiet_library_logs
from .limits import DEFAULT_LIMITS, Limits, breach, load
from .sniff import SUPPORTED_FORMATS, decode_text, detect_format

__all__ = [
    "DEFAULT_LIMITS",
    "SUPPORTED_FORMATS",
    "Limits",
    "detect_format",
    "read_document",
    "read_record",
]

Reader = Callable[[str, bytes, BlockBuilder, Limits], dict[str, str]]

# format -> (module, function); each function feeds the builder and returns file properties
_READERS: dict[str, tuple[str, str]] = {
    "md": ("text", "read_md"),
    "txt": ("text", "read_txt"),
    "docx": ("docx", "read_docx"),
    "pdf": ("pdf", "read_pdf"),
    "html": ("html", "read_html"),
}


def _reader(fmt: str) -> Reader:
    module_name, function = _READERS[fmt]
    module = importlib.import_module(f"{__name__}.{module_name}")
    return getattr(module, function)


def read_document(path: str | os.PathLike[str], data: bytes | None = None, *,
                  limits: Limits = DEFAULT_LIMITS) -> SourceDocument:
    """Read a .docx, .pdf, .html, .md or .txt file into blocks in reading order.

    Every limit in `limits` holds whatever the format: a breach is an InputError naming the
    file and the limit, raised as soon as it is crossed."""
    name = safe_name(str(path))
    data = load(path, data, limits)
    fmt = detect_format(path, data)
    if fmt == "json":
        raise InputError(name, "this is a JSON IIA record, not a document; read it with read_record "
                               "(or the command's record option)")
    if fmt in ("md", "txt") and len(data) > limits.max_chars and len(decode_text(data)) > limits.max_chars:
        raise breach(name, "the document's text is too long", f"over {limits.max_chars:,} characters",
                     f"{limits.max_chars:,}", "max_chars")
    builder = BlockBuilder(BuildLimits(limits.max_blocks, limits.max_chars, limits.max_table_cells, limits.max_depth))
    quiet_library_logs()
    try:
        properties = _reader(fmt)(name, data, builder, limits)
    except TooMuch as too_much:
        raise breach(name, too_much.what, too_much.amount, f"{too_much.limit:,}", too_much.name) from None
    except RecursionError:
        raise breach(name, "the document is nested too deeply to read", "beyond Python's recursion limit",
                     f"{limits.max_depth:,}", "max_depth") from None
    if not builder.blocks:
        raise InputError(name, "no readable text was found in the file")
    return SourceDocument(path=name, format=fmt, blocks=builder.blocks, properties=properties,
                          sha256=hashlib.sha256(data).hexdigest())


def read_record(path: str | os.PathLike[str], data: bytes | None = None, *,
                limits: Limits = DEFAULT_LIMITS):  # -> IIARecord (imported lazily)
    """Read a JSON IIA record; see `eia_rules.readers.record_json.read_record`."""
    from .record_json import read_record as _read_record

    return _read_record(path, data, limits=limits)
