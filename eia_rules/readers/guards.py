"""Guards for what an untrusted file controls: numbers in attributes, nesting, names, file types.

Readers call these instead of `int()` or `open()` on values a document supplies, so a hostile
or broken file can only ever produce an `InputError` with one clear line, never a traceback,
an enormous allocation or a hang. Each guard is small and has no knowledge of any format.
"""
from __future__ import annotations

import errno
import logging
import os
import re
import stat
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import TypeVar

from ..errors import InputError, safe_name

# Word allows at most 63 columns; a span or skip beyond this is damage, not layout.
MAX_GRID_COLUMNS = 64
_LOCK_NAME = re.compile(r"^(~\$|\.~lock\.|~WRL\d+\.tmp$)", re.IGNORECASE)
_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_OPEN, _CLOSE = b"[{", b"]}"
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
K = TypeVar("K", bound=Hashable)


def int_attr(value: str | None, default: int, low: int, high: int) -> int:
    """An integer attribute clamped to [low, high]; anything that is not plain digits is `default`.

    `int()` accepts '١٢' and '1_000', and raises on '1.5' or '1e9'; a value of 10**30 would
    overflow list sizes. None of these is a layout a person made, so they read as the default.
    """
    text = (value or "").strip()
    if not text.isascii() or not text.isdigit():
        return default
    if len(text) > 9:
        return high
    return min(max(int(text), low), high)


def is_editor_file(path: str | os.PathLike[str]) -> bool:
    """Word's owner files (~$draft.docx), LibreOffice's locks (.~lock.draft.docx#) and Word's
    temporary copies (~WRL0001.tmp): editors make them beside an open document; they are not
    documents and are skipped, not reported as broken."""
    return bool(_LOCK_NAME.match(Path(path).name))


def check_file_type(path: str | os.PathLike[str]) -> None:
    """Refuse, before opening, anything that is not a regular file: opening a FIFO blocks for
    ever, a device never ends, and a loop of links or an over-long name cannot be opened."""
    name = safe_name(str(path))
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(name, "the link points to a file that does not exist") from None
        raise InputError(name, "no such file") from None
    except OSError as exc:
        raise InputError(name, _stat_problem(exc)) from None
    if stat.S_ISDIR(mode):
        raise InputError(name, "this is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise InputError(name, f"this is {_special_kind(mode)}, not a document; only regular files are read")


def _stat_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "the path is a loop of symbolic links"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is longer than the system allows"
    if exc.errno == errno.EACCES:
        return "permission denied when reading the file"
    return f"the file could not be read: {exc.strerror or exc}"


def _special_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((what for test, what in kinds if test(mode)), "a special file")


def json_depth(data: bytes) -> int:
    """The deepest nesting of [ and { in JSON text, counted without decoding it.

    Strings are removed first (brackets in them do not nest), then everything but brackets;
    both steps run in C, so a large record costs milliseconds and a deep one cannot recurse.
    """
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    depth = deepest = 0
    for byte in brackets:
        if byte in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def check_json_depth(path: str, data: bytes, limit: int) -> None:
    depth = json_depth(data)
    if depth > limit:
        raise InputError(safe_name(path), f"the JSON is nested {depth} levels deep (the limit is {limit}, "
                                          "max_depth); it is not an IIA record")


def resolve_inherited(own: Mapping[K, tuple[object, K | None]],
                      merge: Callable[[object, object], object]) -> dict[K, object]:
    """Each key's value merged with those it inherits from (`own[key] = (value, parent)`), walking
    every chain once: memoised, so thousands of chained styles cost linear time, and a cycle is
    cut where it closes."""
    resolved: dict[K, object] = {}
    for start in own:
        chain: list[K] = []
        seen: set[K] = set()
        key: K | None = start
        while key is not None and key in own and key not in resolved and key not in seen:
            seen.add(key)
            chain.append(key)
            key = own[key][1]
        inherited = resolved.get(key) if key is not None else None
        for item in reversed(chain):
            value = own[item][0]
            inherited = value if inherited is None else merge(value, inherited)
            resolved[item] = inherited
    return resolved


def quiet_library_logs() -> None:
    """Send the PDF libraries' warnings ('EOF marker not found') to the log, not stderr: with no
    logging configured Python prints warnings through its last-resort handler, and the user
    would see a library's line before the one eia-rules line about the file."""
    for name in ("pypdf", "pdfminer", "pdfplumber", "PyPDF2"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
