"""Find the documents to check or audit: folders (recursive), glob patterns and `@list.txt` files.

Under a folder, supported documents are taken, and so are files that are plainly documents in
a format eia-rules cannot read (.doc, .odt, .rtf...): an archive audit should say they exist
and could not be checked, not pass over them in silence. Hidden files and folders and the
corpus's `.expected.json` label files are left out. A file named explicitly is always taken.
"""
from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .readers.guards import is_editor_file
from .readers.sniff import EXTENSIONS, UNSUPPORTED_EXTENSIONS

DOCUMENT_SUFFIXES = frozenset(EXTENSIONS) | frozenset(UNSUPPORTED_EXTENSIONS) - {".zip", ".csv"}
_GLOB_CHARS = set("*?[")


def _in_folder(folder: Path) -> Iterator[Path]:
    for child in sorted(folder.rglob("*")):
        rel = child.relative_to(folder).parts
        if (child.suffix.lower() in DOCUMENT_SUFFIXES and not child.name.endswith(".expected.json")
                and not any(part.startswith(".") for part in rel) and not is_editor_file(child)
                and child.is_file()):
            yield child


def _list_file(list_path: Path) -> Iterator[str]:
    """Paths from a list file, one a line; blank lines and '#' comments are ignored.

    Relative paths are read from the current folder, or else from the list file's folder.
    """
    try:
        # names as the system holds them: bytes that are not UTF-8 stay as surrogate escapes
        lines = [os.fsdecode(line) for line in list_path.read_bytes().splitlines()]
    except OSError as e:
        raise InputError(str(list_path), f"cannot read the list file ({e.strerror or e})") from None
    for line in lines:
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not Path(entry).is_absolute() and not Path(entry).exists():
            beside = list_path.parent / entry
            if beside.exists():
                entry = str(beside)
        yield entry


@dataclass(frozen=True)
class Found:
    """A document to audit and the folder it was found under (None if named directly)."""

    path: Path
    root: Path | None


def _expand(raw: str) -> Iterator[Found]:
    if raw.startswith("@"):
        for entry in _list_file(Path(raw[1:])):
            yield from _expand(entry)
        return
    path = Path(raw)
    if _is_dir(path):
        yield from (Found(p, path) for p in _in_folder(path))
    elif is_editor_file(path):
        return  # Word's ~$ owner files and LibreOffice's .~lock files are the editor's, not documents
    elif _exists(path) or not _GLOB_CHARS & set(raw):
        yield Found(path, None)  # a missing explicit file is reported as a failed document
    else:
        for match in sorted(glob.glob(raw, recursive=True)):
            yield from _expand(match)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # an over-long name: not a folder; the reader reports it
        return False


def _exists(path: Path) -> bool:
    """Whether the path names anything, without raising on a loop of links or an over-long name."""
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return True  # it is there but cannot be looked at: the reader says why


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links: the path itself is the key
        return path.absolute()


def discover(paths: Iterable[str]) -> list[Found]:
    """Every document named or found, once each, in a stable order."""
    seen: dict[Path, Found] = {}
    for raw in paths:
        for found in _expand(raw):
            seen.setdefault(_key(found.path), found)
    return list(seen.values())
