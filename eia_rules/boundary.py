"""One boundary for everything a file can do: time, memory and an answer of one line.

The readers bound size, expanded size, characters, blocks, cells, depth and pages (`Limits`);
this module bounds what they cannot: wall time and memory. `check` of several files and `audit`
run each document in a worker process with an address-space rlimit (`max_memory_mb`) and a
per-file timeout (`max_seconds`); a worker exits when its parent dies,
so a killed run leaves nothing behind. A single file is checked in the calling process under
an alarm. Whatever happens, the caller gets an `Outcome`: a report, or one line naming the file.
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import EiaRulesError, safe_name
from .readers.limits import DEFAULT_LIMITS, Limits

MB = 1024 * 1024


@dataclass(frozen=True)
class Outcome:
    """What became of one file: a report, or the one-line reason it has none (and, for an
    unexpected error, the traceback `--debug` shows)."""

    path: str
    report: Any = None
    error: str | None = None
    debug: str | None = None


class OverTime(BaseException):
    """Raised by the alarm when a file in the calling process runs past `max_seconds`. A
    BaseException, so a reader's broad `except Exception` cannot mistake it for a damaged file."""


def over_time(path: str, limits: Limits) -> str:
    return (f"{safe_name(path)}: took longer than the per-file limit of {limits.max_seconds:g} s "
            "(max_seconds); it was stopped")


def over_memory(path: str, limits: Limits) -> str:
    return (f"{safe_name(path)}: needed more memory than the limit of {limits.max_memory_mb} MB "
            "(max_memory_mb); it was stopped")


def unexpected(path: str, error: BaseException) -> str:
    text = " ".join(str(error).split())[:200]
    return (f"{safe_name(path)}: unexpected error while checking this file ({type(error).__name__}"
            f"{': ' + text if text else ''}); please report it (--debug shows the details)")


def limit_worker(limits: Limits = DEFAULT_LIMITS) -> None:
    """In a worker process: cap its address space and make it die with its parent."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        cap = int(limits.max_memory_mb * MB)
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    die_with_parent()


def die_with_parent(poll: float = 0.5) -> None:
    """Exit this worker as soon as its parent is gone, so a killed run leaves nothing behind.

    A watching thread rather than Linux's parent-death signal: that signal follows the parent
    *thread* that started the worker, and pools start workers from short-lived threads (the
    service's startup thread), which would kill healthy workers."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll)
        os._exit(1)

    threading.Thread(target=watch, name="eia-rules-parent-watch", daemon=True).start()


def check_file(path: str, config: Any, limits: Limits) -> Outcome:
    """Parse and check one file; every problem becomes an Outcome with one line, never a raise."""
    from .pipeline import check_record, parse

    try:
        record = parse(path, limits=limits)
        return Outcome(path, report=check_record(record, config=config))
    except EiaRulesError as e:
        return Outcome(path, error=str(e))
    except MemoryError:
        return Outcome(path, error=over_memory(path, limits))
    except OverTime:
        return Outcome(path, error=over_time(path, limits))
    except Exception as e:  # noqa: BLE001 - the boundary: one line, with the traceback kept for --debug
        return Outcome(path, error=unexpected(path, e), debug=traceback.format_exc())


def check_here(path: str, config: Any, limits: Limits) -> Outcome:
    """Check one file in this process, under an alarm when this is the main thread."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return check_file(path, config, limits)

    def ring(signum, frame):  # noqa: ARG001 - signal handler signature
        raise OverTime()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, limits.max_seconds)
    try:
        return check_file(path, config, limits)
    except OverTime:  # rang outside check_file's own try
        return Outcome(path, error=over_time(path, limits))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _start_worker(limits: Limits) -> None:
    from .audit.worker import warm_up

    limit_worker(limits)
    warm_up()


def check_isolated(items: Sequence[tuple[str, Any, Limits]], jobs: int) -> Iterator[Outcome]:
    """Check each (path, config, limits) in a pool of `jobs` limited workers; yield in the
    order given. A worker that runs over time is stopped and replaced; one that dies is
    reported; neither affects the other files."""
    import multiprocessing

    from pebble import ProcessExpired, ProcessPool

    from .audit.worker import preload_parent

    if multiprocessing.get_start_method(allow_none=True) in (None, "fork"):
        preload_parent()
    limits = min((lim for _, _, lim in items), key=lambda lim: lim.max_memory_mb, default=DEFAULT_LIMITS)
    pool = ProcessPool(max_workers=jobs, initializer=_start_worker, initargs=(limits,))
    try:
        futures: list[tuple[Future, str, Limits]] = [
            (pool.schedule(check_file, args=(path, config, lim), timeout=lim.max_seconds), path, lim)
            for path, config, lim in items]
        for future, path, lim in futures:
            try:
                yield future.result()
            except TimeoutError:
                yield Outcome(path, error=over_time(path, lim))
            except ProcessExpired as e:
                yield Outcome(path, error=f"{safe_name(path)}: the worker checking this file stopped (exit code "
                                          f"{e.exitcode}); it may have needed more than {lim.max_memory_mb} MB "
                                          "(max_memory_mb)")
            except Exception as e:  # noqa: BLE001 - e.g. a result that could not be sent back
                yield Outcome(path, error=unexpected(path, e), debug=traceback.format_exc())
    finally:
        pool.stop()
        pool.join()


def parse_limit_options(values: Sequence[str]) -> dict[str, float]:
    """`--limit NAME=VALUE` options as a mapping (checked by `Limits.with_values`)."""
    from .errors import ConfigError

    result: dict[str, float] = {}
    for raw in values:
        name, sep, value = raw.partition("=")
        try:
            if not sep:
                raise ValueError
            result[name.strip().replace("-", "_")] = float(value)
        except ValueError:
            raise ConfigError(f"--limit {raw!r}: give NAME=NUMBER, e.g. --limit max_seconds=30; "
                              f"the limits are: {', '.join(Limits.names())}") from None
    DEFAULT_LIMITS.with_values(result)
    return result


def display(path: Path | str) -> str:
    return safe_name(str(path))
