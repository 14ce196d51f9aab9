"""Size limits checked before any parser sees a file, so a hostile or broken file fails fast.

A .docx is a zip: a few kilobytes can inflate to gigabytes (a "zip bomb"). The zip's
directory is checked here — member count, total declared uncompressed size and compression
ratio — before python-docx opens it. Python's zipfile never reads past a member's declared
size, so the declared sizes are a real bound.
"""
from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Upper bounds on what a reader will accept. Lower them in tests or for a web service."""

    max_file_bytes: int = 50 * MB
    max_uncompressed_bytes: int = 300 * MB
    max_compression_ratio: float = 100.0
    # Ratios are only judged above this size: small XML parts legitimately compress very well.
    ratio_floor_bytes: int = 1 * MB
    max_zip_members: int = 5000
    max_pdf_pages: int = 1000


DEFAULT_LIMITS = Limits()


def corrupt(path: str, what: str, reason: object) -> InputError:
    """The one wording for files a parser rejects: short, with the parser's reason."""
    text = " ".join(str(reason).split()) or type(reason).__name__
    if len(text) > 160:
        text = text[:157] + "..."
    return InputError(path, f"corrupt or unreadable {what}: {text}")


def _size_text(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n} bytes"


def check_size(path: str, size: int, limits: Limits) -> None:
    if size > limits.max_file_bytes:
        raise InputError(path, f"the file is too large ({_size_text(size)}; the limit is "
                               f"{_size_text(limits.max_file_bytes)})")


def load_bytes(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Read a file, refusing it by its size on disk before reading it into memory."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        check_size(name, size, limits)
        with open(path, "rb") as handle:
            return handle.read(limits.max_file_bytes + 1)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "this is a folder, not a file") from None
    except PermissionError:
        raise InputError(name, "permission denied when reading the file") from None
    except OSError as exc:
        raise InputError(name, f"the file could not be read: {exc.strerror or exc}") from None


def load(path: str | os.PathLike[str], data: bytes | None, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, checked against the size limit whether given or read from disk."""
    if data is None:
        return load_bytes(path, limits)
    check_size(str(path), len(data), limits)
    return data


def check_zip(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """Open a zip container after checking its directory against the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise corrupt(path, "Word file (damaged zip container)", exc) from None
    if len(members) > limits.max_zip_members:
        raise InputError(path, f"the Word file has too many parts ({len(members)}; the limit is "
                               f"{limits.max_zip_members})")
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    if total > limits.max_uncompressed_bytes:
        raise InputError(path, f"the Word file would expand to {_size_text(total)} (the limit is "
                               f"{_size_text(limits.max_uncompressed_bytes)}); it may be a zip bomb")
    for member in members:
        if member.file_size >= limits.ratio_floor_bytes:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise InputError(path, f"part {member.filename} is compressed {ratio:.0f} to 1 (the limit "
                                       f"is {limits.max_compression_ratio:.0f}); it may be a zip bomb")
    if total >= limits.ratio_floor_bytes and total / max(packed, 1) > limits.max_compression_ratio:
        raise InputError(path, f"the Word file is compressed {total / max(packed, 1):.0f} to 1 (the "
                               f"limit is {limits.max_compression_ratio:.0f}); it may be a zip bomb")
    return archive
