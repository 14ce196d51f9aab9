"""The per-document task run in worker processes (local pool or Dask), and its warm-up.

durable_rules keeps process-global C state, so each worker process holds exactly one checker
(the pipeline caches it) and checks one document at a time. `warm_up` builds it, and loads
spaCy and the lexicons, by checking a tiny document once, so the first real document pays
nothing extra and a broken installation fails before any document is blamed.

Test-only hooks (never set them in production): `EIA_RULES_TEST_CRASH_ON=<file name>` makes
the worker exit abruptly (os._exit) when given that file, and `EIA_RULES_TEST_HANG_ON=<file
name>` makes it sleep forever on it; the test suite uses them to prove a crash or a hang on
one file loses nothing else.
"""
from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

from ..errors import EiaRulesError, InputError
from .result import DocResult

CRASH_HOOK = "EIA_RULES_TEST_CRASH_ON"
HANG_HOOK = "EIA_RULES_TEST_HANG_ON"
# Exit status of a worker that retires itself after an engine error (see `audit_document`);
# the file it is then given is not at fault and is sent again.
RETIRE_EXIT_CODE = 75

# A tiny document, so warm-up goes through the structurer (spaCy, lexicons) and the engine.
_WARM_TEXT = b"# Equality impact assessment\n\n## Age\n\nNo impact on older people was found.\n"
_retire = False


def warm_up(ignore_interrupt: bool = True) -> None:
    """Load spaCy, the lexicons and the rules once in this process."""
    if ignore_interrupt:
        # Ctrl-C reaches the whole process group; only the parent decides how to stop.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        from ..boundary import limit_worker

        limit_worker()  # the memory rlimit, and death with the parent (a SIGKILLed audit leaves no workers)
    from ..pipeline import BytesSource, check_record, parse

    check_record(parse(BytesSource("warm-up.md", _WARM_TEXT)))


def warm_pool(workers: int, *, spawn: bool = False):
    """A pebble process pool whose processes each warm up once (`warm_up`) before their first
    document. `spawn` for a parent that runs threads (a Dask worker, the HTTP service), which a
    forked child would not inherit safely; otherwise the platform's default (fork on Linux,
    cheap after `preload_parent`)."""
    import multiprocessing

    from pebble import ProcessPool

    context = multiprocessing.get_context("spawn" if spawn else None)
    return ProcessPool(max_workers=workers, initializer=warm_up, context=context)


def preload_parent() -> None:
    """Before forking workers: read the tiny document here, so spaCy, the lexicons and the
    modules are loaded once and shared copy-on-write. The rules engine is not built here:
    each worker builds its own in `warm_up`."""
    from ..pipeline import BytesSource, parse

    parse(BytesSource("warm-up.md", _WARM_TEXT))


def run_test_hooks(path: str) -> None:
    """The test-only crash and hang hooks (see the module docstring); nothing when unset."""
    name = Path(path).name
    if os.environ.get(CRASH_HOOK) == name:
        os._exit(1)
    if os.environ.get(HANG_HOOK) == name:
        while True:
            time.sleep(3600)


def _finding_row(finding) -> dict:  # Finding -> the columns the store keeps
    return {
        "rule_id": finding.rule_id, "family": finding.family, "severity": finding.severity.value,
        "outcome": finding.outcome.value, "suppressed": finding.suppressed, "message": finding.message,
        "location": "; ".join(loc.label() for loc in finding.locations),
        "section": finding.section, "fingerprint": finding.fingerprint,
        "subject_kind": next(iter(finding.subject), ""), "subject": next(iter(finding.subject.values()), ""),
        "duty": finding.duty, "json": finding.model_dump_json(),
    }


def _limits_for(path: str):
    """The limits of the configuration found for this document (docs/limits.md)."""
    from ..config import config_for

    return config_for(document=Path(path)).limits


def audit_document(path: str) -> DocResult:
    """Parse and check one file; every problem becomes a failed result, never an exception."""
    global _retire
    if _retire:
        os._exit(RETIRE_EXIT_CODE)
    run_test_hooks(path)
    from ..pipeline import check_record, parse
    from .classify import not_an_assessment

    start = time.perf_counter()
    try:
        record = parse(path, limits=_limits_for(path))
    except InputError as e:
        return DocResult.failed(path, "input", e.problem, time.perf_counter() - start)
    except EiaRulesError as e:
        return DocResult.failed(path, "input", str(e), time.perf_counter() - start)
    except MemoryError:
        return DocResult.failed(path, "error", "needed more memory than the worker's limit (max_memory_mb)",
                                time.perf_counter() - start)
    except Exception as e:  # noqa: BLE001 - a reader bug on one odd file must not stop an archive audit
        return DocResult.failed(path, "error", f"could not read the document ({type(e).__name__}: {e})",
                                time.perf_counter() - start)
    if (why := not_an_assessment(record)) is not None:
        return DocResult(path=path, status="skipped", format=record.source.format, reason=why,
                         seconds=time.perf_counter() - start)
    try:
        report = check_record(record)
    except EiaRulesError as e:
        return DocResult.failed(path, "input", str(e), time.perf_counter() - start)
    except Exception as e:  # noqa: BLE001 - see below
        # The engine's C state may be inconsistent now: report this file, then let the next
        # task retire this process so the pool starts a clean one.
        _retire = True
        return DocResult.failed(path, "error", f"the rules engine failed ({type(e).__name__}: {e})",
                                time.perf_counter() - start)
    meta = record.metadata
    directorate, service = owner(meta.service_area)
    when = meta.assessment_date or meta.decision_date or meta.approval_date
    return DocResult(
        path=path, status="ok", format=record.source.format or report.format,
        seconds=time.perf_counter() - start, record_json=record.model_dump_json(),
        findings=[_finding_row(f) for f in report.findings], directorate=directorate, service=service,
        doc_date=when.isoformat() if when else None,
    )


_OWNER_SPLIT = re.compile(r"\s+[-–—/:|]\s+|\s*;\s*")


def owner(service_area: str) -> tuple[str, str]:
    """(directorate, service) from the form's own 'Directorate / service area' field:
    'Education and Lifelong Learning - Learner Travel' -> both; a single value is the
    directorate (the field the forms label 'Directorate' or 'Department')."""
    parts = [p.strip() for p in _OWNER_SPLIT.split(service_area.strip(), maxsplit=1) if p.strip()]
    return (parts[0], parts[1]) if len(parts) == 2 else (parts[0] if parts else "", "")
