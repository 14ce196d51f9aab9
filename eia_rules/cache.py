"""A small on-disk cache for work every process would otherwise repeat at start-up (compiled
rule packs), keyed by a hash of everything the result depends on.

The cache lives in the user's cache folder (`$EIA_RULES_CACHE_DIR`, else
`$XDG_CACHE_HOME/eia-rules`, else `~/.cache/eia-rules`); `EIA_RULES_CACHE_DIR=off` turns it
off. It is only ever a shortcut: a folder that cannot be written, a missing, damaged or
foreign entry, all fall back to computing the value, silently, so a read-only home or a
shared machine never stops a check.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_FORMAT = b"eia-rules-cache-1"  # bump when what is stored changes shape


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    configured = os.environ.get("EIA_RULES_CACHE_DIR")
    if configured:
        return None if configured.lower() in ("off", "0", "none") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eia-rules"


def key_of(parts: Iterable[str | bytes]) -> str:
    """A hash of the parts, each length-prefixed so that ('ab', 'c') and ('a', 'bc') differ."""
    digest = hashlib.sha256(_FORMAT)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def cached(namespace: str, key: str, compute: Callable[[], T]) -> T:
    """The value stored under `namespace/key`, or `compute()` (stored for next time)."""
    folder = cache_dir()
    if folder is None:
        return compute()
    path = folder / namespace / f"{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own file, named by the hash of its inputs
    except Exception:  # noqa: BLE001 - missing, truncated, or from an incompatible version
        pass
    value = compute()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    """Write atomically (a temporary file renamed into place), ignoring any failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception:  # noqa: BLE001 - an unwritable cache only costs the time it would save
        pass
