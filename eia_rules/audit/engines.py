"""Run `audit_document` over many files in worker processes and yield results as they come.

Two engines, one contract (an iterator of `DocResult`, one per path, in completion order):
- `local`: a pebble ProcessPool on this machine (below).
- `dask`: the same task on a dask.distributed cluster (`dask_engine`).

Both run each document in a pebble-managed process, because pebble kills and replaces a
process that overruns the per-file timeout and reports one that died (os._exit, segfault) as
`ProcessExpired` while the pool carries on; concurrent.futures would break the whole pool and
Dask cannot stop a running task. `outcome` turns what pebble reports into a `DocResult` for both.

Closing the iterator early (Ctrl-C in the caller) stops the workers; results already yielded
have been stored by then.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait

from .result import DocResult
from .worker import RETIRE_EXIT_CODE, audit_document, preload_parent, warm_pool

ENGINES = ("local", "dask")


def timeout_result(path: str, timeout: float | None) -> DocResult:
    return DocResult.failed(path, "timeout", f"took longer than the per-file limit of {timeout:g} s; "
                                             "the worker was stopped", seconds=timeout or 0.0)


def crash_result(path: str, exitcode: object) -> DocResult:
    return DocResult.failed(path, "crash", f"the worker process stopped while reading this file "
                                           f"(exit code {exitcode})")


def error_result(path: str, error: Exception) -> DocResult:
    return DocResult.failed(path, "error", f"the worker failed on this file ({type(error).__name__}: {error})")


def outcome(future: Future, path: str, timeout: float | None) -> DocResult | None:
    """The result a finished pebble future stands for; None when the file must be sent again
    because its worker retired itself (after an engine error on the previous file)."""
    from pebble import ProcessExpired

    try:
        return future.result()
    except TimeoutError:
        return timeout_result(path, timeout)
    except ProcessExpired as e:
        return None if e.exitcode == RETIRE_EXIT_CODE else crash_result(path, e.exitcode)
    except Exception as e:  # noqa: BLE001 - e.g. a result that could not be sent back
        return error_result(path, e)


def _preload() -> None:
    """With fork, load the structurer once in the parent so (re)started workers start quickly."""
    if multiprocessing.get_start_method(allow_none=True) in (None, "fork"):
        preload_parent()


def run_local(paths: Sequence[str], jobs: int, timeout: float | None) -> Iterator[DocResult]:
    """Audit `paths` in a pool of `jobs` processes, each with its own rules engine."""
    _preload()
    pool = warm_pool(jobs)
    finished = False
    try:
        futures: dict[Future, str] = {}

        def submit(path: str) -> None:
            futures[pool.schedule(audit_document, args=(path,), timeout=timeout)] = path

        for path in paths:
            submit(path)
        while futures:
            done, _ = wait(list(futures), return_when=FIRST_COMPLETED)
            for future in done:
                path = futures.pop(future)
                result = outcome(future, path, timeout)
                if result is None:
                    submit(path)
                else:
                    yield result
        finished = True
    finally:
        if finished:
            pool.close()
        else:
            pool.stop()
        pool.join()


def run_engine(engine: str, paths: Sequence[str], jobs: int, timeout: float | None,
               scheduler: str | None = None) -> Iterator[DocResult]:
    if engine == "dask":
        from .dask_engine import run_dask

        return run_dask(paths, jobs, timeout, scheduler)
    if scheduler:
        from ..errors import EiaRulesError

        raise EiaRulesError("--scheduler needs --engine dask")
    return run_local(paths, jobs, timeout)
