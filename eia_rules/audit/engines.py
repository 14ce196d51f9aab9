"""Run `audit_document` over many files in worker processes and yield results as they come.

Two engines, one contract (an iterator of `DocResult`, one per path, in completion order):
- `local`: a pebble ProcessPool. pebble kills and replaces a worker that overruns the per-file
  timeout, and reports a worker that died (os._exit, segfault) as `ProcessExpired` while the
  pool carries on; concurrent.futures would instead break the whole pool.
- `dask`: the same task on a dask.distributed cluster (a LocalCluster of processes by default,
  or an existing scheduler), streamed back with `as_completed`.

Closing the iterator early (Ctrl-C in the caller) stops the workers; results already yielded
have been stored by then.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait

from .result import DocResult
from .worker import RETIRE_EXIT_CODE, audit_document, preload_parent, warm_up

ENGINES = ("local", "dask")


def _timeout_result(path: str, timeout: float | None) -> DocResult:
    return DocResult.failed(path, "timeout", f"took longer than the per-file limit of {timeout:g} s; "
                                             "the worker was stopped", seconds=timeout or 0.0)


def _crash_result(path: str, exitcode: object) -> DocResult:
    return DocResult.failed(path, "crash", f"the worker process stopped while reading this file "
                                           f"(exit code {exitcode})")


def _preload() -> None:
    """With fork, load the structurer once in the parent so (re)started workers start quickly."""
    if multiprocessing.get_start_method(allow_none=True) in (None, "fork"):
        preload_parent()


def run_local(paths: Sequence[str], jobs: int, timeout: float | None) -> Iterator[DocResult]:
    """Audit `paths` in a pool of `jobs` processes, each with its own rules engine."""
    from pebble import ProcessExpired, ProcessPool

    _preload()
    pool = ProcessPool(max_workers=jobs, initializer=warm_up)
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
                try:
                    yield future.result()
                except TimeoutError:
                    yield _timeout_result(path, timeout)
                except ProcessExpired as e:
                    if e.exitcode == RETIRE_EXIT_CODE:  # a worker retired itself; not this file's fault
                        submit(path)
                    else:
                        yield _crash_result(path, e.exitcode)
                except Exception as e:  # noqa: BLE001 - e.g. a result that could not be sent back
                    yield DocResult.failed(path, "error", f"the worker failed on this file ({type(e).__name__}: {e})")
        finished = True
    finally:
        if finished:
            pool.close()
        else:
            pool.stop()
        pool.join()


def run_dask(paths: Sequence[str], jobs: int, timeout: float | None,
             scheduler: str | None = None) -> Iterator[DocResult]:
    """Audit `paths` on a dask.distributed cluster; `timeout` is not enforced there (see docs/audit.md)."""
    try:
        import dask
        from distributed import Client, LocalCluster, as_completed
        from distributed.diagnostics.plugin import WorkerPlugin
    except ImportError:
        from ..errors import EiaRulesError

        raise EiaRulesError("the Dask engine needs dask.distributed: pip install 'eia-rules[dask]'") from None

    class WarmUp(WorkerPlugin):
        """Load spaCy and the rules once in each worker, as the local pool's initializer does."""

        name = "eia-rules-warm-up"

        def setup(self, worker: object) -> None:
            warm_up(ignore_interrupt=False)  # not the main thread: signals cannot be set here

    cluster = None
    # allowed-failures = 1: a file that kills its worker is retried once, then reported.
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        if scheduler is None:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        client = Client(scheduler or cluster)
    futures = []
    try:
        client.register_plugin(WarmUp())
        futures = client.map(audit_document, list(paths), pure=False)
        by_key = {f.key: p for f, p in zip(futures, paths)}
        for future in as_completed(futures):
            path = by_key[future.key]
            try:
                yield future.result()
            except Exception as e:  # noqa: BLE001 - KilledWorker: the file took its worker down (twice)
                if type(e).__name__ == "KilledWorker":
                    yield _crash_result(path, "unknown; the Dask worker died")
                else:
                    yield DocResult.failed(path, "error", f"the worker failed on this file ({type(e).__name__}: {e})")
            future.release()
    finally:
        client.cancel(futures)
        client.close()
        if cluster is not None:
            cluster.close()


def run_engine(engine: str, paths: Sequence[str], jobs: int, timeout: float | None,
               scheduler: str | None = None) -> Iterator[DocResult]:
    if engine == "dask":
        return run_dask(paths, jobs, timeout, scheduler)
    if scheduler:
        from ..errors import EiaRulesError

        raise EiaRulesError("--scheduler needs --engine dask")
    return run_local(paths, jobs, timeout)
