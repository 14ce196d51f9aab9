"""The Dask engine: the per-document task on a dask.distributed cluster, results streamed back.

Dask cannot stop a task that is running, and a task that kills its worker process is retried
elsewhere. So each Dask worker hands its documents to one child process of its own (a pebble
pool of one, `Isolated`), exactly as the local engine does: an overrun is stopped at the
per-file timeout and a crash is reported for that file alone, while the Dask worker carries on.

A child needs a worker that is allowed children. The LocalCluster started here is configured
for that; workers of an existing cluster must be started with
`DASK_DISTRIBUTED__WORKER__DAEMON=False` (docs/audit.md). Where they are not, documents are
checked inside the worker itself and the timeout cannot be enforced: a warning says so.
"""
from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Iterator, Sequence
from functools import partial

from ..errors import EiaRulesError
from .engines import crash_result, error_result, outcome
from .result import DocResult
from .worker import audit_document, warm_pool, warm_up

log = logging.getLogger("eia_rules.audit")


class Isolated:
    """One child process (spawned, warmed up once) that audits this process's documents."""

    def __init__(self) -> None:
        self._pool = warm_pool(1, spawn=True)  # a Dask worker runs threads (its event loop)

    def audit(self, path: str, timeout: float | None) -> DocResult:
        while True:
            result = outcome(self._pool.schedule(audit_document, args=(path,), timeout=timeout), path, timeout)
            if result is not None:
                return result

    def close(self) -> None:
        self._pool.stop()
        self._pool.join()


_isolated: Isolated | None = None
_isolated_lock = threading.Lock()


def can_isolate() -> bool:
    """Whether this process may start children (daemonic processes may not)."""
    return not multiprocessing.current_process().daemon


def isolated() -> Isolated:
    """This worker's `Isolated` child, started on first use."""
    global _isolated
    with _isolated_lock:
        if _isolated is None:
            _isolated = Isolated()
        return _isolated


def close_isolated() -> None:
    """Stop this process's child, if it has one."""
    global _isolated
    with _isolated_lock:
        if _isolated is not None:
            _isolated.close()
            _isolated = None


def audit_on_worker(path: str, timeout: float | None) -> DocResult:
    """The Dask task: audit one file in this worker's child, or here if children are not allowed."""
    if can_isolate():
        return isolated().audit(path, timeout)
    return audit_document(path)


def _import_dask():
    try:
        import dask
        import distributed
    except ImportError:
        raise EiaRulesError("the Dask engine needs dask.distributed: pip install '.[dask]' from the eia-rules repository (it is not on a package index)") from None
    return dask, distributed


def run_dask(paths: Sequence[str], jobs: int, timeout: float | None,
             scheduler: str | None = None) -> Iterator[DocResult]:
    """Audit `paths` on a dask.distributed cluster (a LocalCluster of `jobs` processes by default)."""
    dask, distributed = _import_dask()

    class WarmUp(distributed.WorkerPlugin):
        """Start each worker's child (which loads spaCy and the rules once), or warm up the
        worker itself when it may not have children."""

        name = "eia-rules-warm-up"

        def setup(self, worker: object) -> None:
            if can_isolate():
                isolated()
            else:
                warm_up(ignore_interrupt=False)  # not the main thread: signals cannot be set here

        def teardown(self, worker: object) -> None:
            close_isolated()

    cluster = None
    # allowed-failures = 1: a file that kills its worker is retried once, then reported.
    with dask.config.set({"distributed.scheduler.allowed-failures": 1, "distributed.worker.daemon": False}):
        if scheduler is None:
            cluster = distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                               dashboard_address=None)
        client = distributed.Client(scheduler or cluster)
    futures = []
    try:
        client.register_plugin(WarmUp())
        if timeout is not None and not all(client.run(can_isolate).values()):
            log.warning("some Dask workers may not start child processes, so --timeout cannot be enforced "
                        "on them; start them with DASK_DISTRIBUTED__WORKER__DAEMON=False (see docs/audit.md)")
        futures = client.map(partial(audit_on_worker, timeout=timeout), list(paths), pure=False)
        by_key = {f.key: p for f, p in zip(futures, paths)}
        for future in distributed.as_completed(futures):
            path = by_key[future.key]
            try:
                yield future.result()
            except distributed.KilledWorker:  # the file took its worker down (twice)
                yield crash_result(path, "unknown; the Dask worker died")
            except Exception as e:  # noqa: BLE001 - e.g. a result that could not be sent back
                yield error_result(path, e)
            future.release()
    finally:
        client.cancel(futures)
        client.close()
        if cluster is not None:
            cluster.close()
