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
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from ..errors import InputError, safe_name
from .guards import check_file_type

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Upper bounds on what one document may cost. Lower them in tests or for a web service.

    Each is set in configuration (`[limits]`) or with `--limit NAME=VALUE`, and each breach is one
    line naming the file and the limit (docs/limits.md). They refuse only what no assessment
    needs: the longest real IIAs are a few hundred thousand characters and a few thousand blocks.
    """

    max_file_bytes: int = 50 * MB
    max_uncompressed_bytes: int = 300 * MB
    max_compression_ratio: float = 100.0
    # Ratios are only judged above this size: small XML parts legitimately compress very well.
    ratio_floor_bytes: int = 1 * MB
    max_zip_members: int = 5000
    max_pdf_pages: int = 1000
    # A dense A4 page at 6 pt holds about 15,000 characters; each costs about 1 KB while its page
    # is laid out, so a page of millions (a generated content stream) is refused before that.
    max_page_chars: int = 100_000
    max_chars: int = 20_000_000
    max_blocks: int = 200_000
    max_table_cells: int = 200_000
    max_depth: int = 100
    max_seconds: float = 60.0
    max_memory_mb: int = 1536

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def with_values(self, values: Mapping[str, float]) -> Limits:
        """These limits with some replaced; unknown names or values below 1 are a ConfigError."""
        from ..errors import ConfigError

        known = {f.name: f.type for f in fields(self)}
        changes: dict[str, float] = {}
        for name, value in values.items():
            if name not in known:
                raise ConfigError(f"unknown limit {name!r}; the limits are: {', '.join(known)}")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ConfigError(f"limit {name} must be a number above 0, not {value!r}")
            changes[name] = float(value) if known[name] in ("float", float) else int(value)
        return replace(self, **changes)


def breach(path: str, what: str, amount: str, limit: object, name: str) -> InputError:
    """The one wording for a limit breach: what was too much, the limit, and its setting's name."""
    return InputError(path, f"{what} ({amount}; the limit is {limit}, {name}); it was not read")


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
    """Read a file, refusing it by its type (FIFO, device, link loop) and size before opening it."""
    name = safe_name(str(path))
    check_file_type(path)
    try:
        size = os.stat(path).st_size
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
    check_size(safe_name(str(path)), len(data), limits)
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
