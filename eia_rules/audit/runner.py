"""`run_audit`: find documents, skip the unchanged, audit the rest, store each result at once.

The parent process hashes every file (the floor cost of a re-run) and is the only writer of
the store; workers only read documents and return plain results.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..discovery import Found, discover
from ..engine.version import rules_version
from ..errors import EiaRulesError, InputError, safe_name
from ..readers.guards import check_file_type
from .engines import run_engine
from .folders import folder_labels
from .manifest import ManifestEntry, load_manifest
from .result import DocResult
from .store import DEFAULT_DB, DocumentInfo, Known, Store
from .version import config_key, config_summary


class Listener(Protocol):
    """Told about progress; the CLI shows it, tests may stop the run from `advance`."""

    def start(self, total: int, skipped: int) -> None: ...

    def advance(self, result: DocResult) -> None: ...

    def stop(self) -> None: ...


class QuietListener:
    """A listener that ignores everything: the default, and a base for one that cares about
    only some of the calls (override just those)."""

    def start(self, total: int, skipped: int) -> None:
        pass

    def advance(self, result: DocResult) -> None:
        pass

    def stop(self) -> None:
        pass


@dataclass
class AuditOptions:
    """How to run an audit (the CLI's options)."""

    db: Path = DEFAULT_DB
    jobs: int | None = None
    force: bool = False
    timeout: float | None = 120.0
    engine: str = "local"
    scheduler: str | None = None
    argv: list[str] = field(default_factory=list)
    manifest: Path | None = None  # CSV/YAML: path -> directorate, service, decision date


@dataclass
class AuditRun:
    """What happened in one run (details are in the store under `run_id`)."""

    run_id: int
    db: Path
    found: int
    skipped: int
    audited: int = 0
    failed: int = 0
    not_assessments: int = 0
    interrupted: bool = False
    seconds: float = 0.0


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _hash_file(path: Path) -> tuple[str, int]:
    with path.open("rb") as f:
        digest = hashlib.file_digest(f, "sha256")
    return digest.hexdigest(), path.stat().st_size


def _describe(found: Found, manifest: Mapping[str, ManifestEntry]) -> tuple[DocumentInfo, str | None]:
    """The parent's facts about a file, and a reason if it cannot even be opened. Directorate
    and service come from the manifest only (the document's own fields win when stored); a
    date in the folder or file names is kept as the last resort for the date."""
    path = found.path
    entry = manifest.get(str(_absolute(path)), ManifestEntry())
    directorate, service = entry.directorate, entry.service
    when = entry.decision_date or folder_labels(path, found.root)[2]
    problem = None
    try:
        check_file_type(path)  # before opening: a FIFO would block the hash for ever
        sha, size = _hash_file(path)
    except InputError as e:
        sha, size, problem = "", 0, e.problem
    except FileNotFoundError:
        sha, size, problem = "", 0, "no such file"
    except IsADirectoryError:
        sha, size, problem = "", 0, "this is a folder, not a document"
    except OSError as e:
        sha, size, problem = "", 0, f"cannot open the file ({e.strerror or e})"
    info = DocumentInfo(path=safe_name(str(_absolute(path))), sha256=sha, size=size, directorate=directorate,
                        folder_service=service, folder_date=when, config_key=config_key(path),
                        suffix_format=path.suffix.lower().lstrip("."))
    return info, problem


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return path.absolute()


def _unchanged(info: DocumentInfo, known: Known | None, version: str) -> bool:
    return (known is not None and not known.retry and known.sha256 == info.sha256
            and known.rules_version == version and known.config_key == info.config_key)


def run_audit(paths: Sequence[str], options: AuditOptions | None = None,
              listener: Listener | None = None) -> AuditRun:
    """Audit every document under `paths` into the store; Ctrl-C keeps what is finished."""
    options = options or AuditOptions()
    listener = listener or QuietListener()
    started = time.perf_counter()
    found = discover(paths)
    if not found:
        raise EiaRulesError(f"no documents found in: {', '.join(paths)}")
    manifest = load_manifest(options.manifest) if options.manifest else {}
    version = rules_version()
    jobs = options.jobs or default_jobs()
    with Store(options.db) as store:
        known = store.known()
        run_id = store.start_run(version, config_summary([f.path for f in found]), options.argv,
                                 options.engine, jobs)
        todo: dict[str, DocumentInfo] = {}  # by the path the worker opens
        unopened: list[tuple[DocumentInfo, str]] = []
        skipped: list[str] = []
        for item in found:
            info, problem = _describe(item, manifest)
            if problem:
                unopened.append((info, problem))
            elif not options.force and _unchanged(info, known.get(info.path), version):
                skipped.append(info.path)
            else:
                todo[str(_absolute(item.path))] = info
        store.mark_seen(run_id, skipped)
        run = AuditRun(run_id=run_id, db=options.db, found=len(found), skipped=len(skipped))
        listener.start(len(todo) + len(unopened), len(skipped))
        status = "finished"
        try:
            for info, problem in unopened:
                _record(store, run, info, DocResult.failed(info.path, "input", problem), version, listener)
            if todo:
                # Largest first: a big file started last would leave the other workers idle
                # at the end of the run while it finishes alone.
                order = sorted(todo, key=lambda path: todo[path].size, reverse=True)
                results = run_engine(options.engine, order, min(jobs, len(todo)), options.timeout,
                                     options.scheduler)
                with contextlib.closing(results):
                    for result in results:
                        _record(store, run, todo[result.path], result, version, listener)
        except KeyboardInterrupt:
            status, run.interrupted = "interrupted", True
        finally:
            listener.stop()
            store.finish_run(run_id, status)
        run.seconds = time.perf_counter() - started
        return run


def _record(store: Store, run: AuditRun, info: DocumentInfo, result: DocResult, version: str,
            listener: Listener) -> None:
    if result.reason is not None:
        result.reason = safe_name(result.reason)
    store.save(run.run_id, info, result, version)
    run.audited += 1
    run.failed += result.status == "failed"
    run.not_assessments += result.status == "skipped"
    listener.advance(result)
