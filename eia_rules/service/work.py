"""The pipeline calls the service makes, run in worker processes with a time limit.

Checking is CPU work (spaCy, durable_rules); running it on the event loop would stall every
other request, and threads cannot be stopped. So each call runs in a pebble process pool
(`workers` processes, each loading spaCy and the rules once): a document that takes longer
than the operator's limit gets a 504 answer and its process is stopped and replaced, and a
document that crashes its process gets a 500 answer while the service carries on. The pool
is bounded, so runaway documents cannot start unlimited work.
"""
from __future__ import annotations

import asyncio
import logging
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from ..audit.worker import run_test_hooks, warm_pool
from ..config import Config
from ..errors import EiaRulesError, InputError
from ..model.findings import Report
from ..model.record import IIARecord
from ..pipeline import BytesSource, check_record, parse
from .catalogue import rules

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")
DEFAULT_NAME = "upload"


class WorkTimeout(Exception):
    """The work did not finish within the service's time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the check did not finish within {seconds:g} seconds; "
                         "try a smaller document or ask the operator to raise the limit")


class WorkCrashed(Exception):
    """The worker process stopped while handling the document."""

    def __init__(self, filename: str, exitcode: object) -> None:
        super().__init__(f"{filename}: the checker stopped unexpectedly on this document (exit code {exitcode}); "
                         "the service carries on, but please report the document to the operator")


def upload_name(raw: str | None) -> str:
    """The client's file name reduced to a bare name: no folders, no control characters.

    The name decides the reader (by extension) and appears in messages; it never becomes a
    path on the server.
    """
    name = PureWindowsPath(PurePosixPath(raw or "").name).name
    name = _UNSAFE.sub("", name).strip()
    return name or DEFAULT_NAME


class WorkFailed(Exception):
    """Something unexpected went wrong while handling the document (the catch-all)."""

    def __init__(self, filename: str, error: BaseException) -> None:
        text = " ".join(str(error).split())[:200]
        super().__init__(f"{filename}: unexpected error while checking this document ({type(error).__name__}"
                         f"{': ' + text if text else ''}); the service carries on, but please report the "
                         "document to the operator")


@dataclass(frozen=True)
class Upload:
    """One uploaded document: its bare name and bytes."""

    filename: str
    data: bytes


class Worker:
    """Runs parse/check/annotate in worker processes, each call bounded by `timeout` seconds.

    The processes start (and warm up) when the app starts serving (`start`) or on the first
    call, so merely creating an app costs nothing.
    """

    def __init__(self, config: Config, timeout: float, workers: int) -> None:
        self.config = config
        self.timeout = timeout
        self._pool = warm_pool(workers, spawn=True)  # the service runs threads (event loop, thread pool)

    async def _run(self, fn: Any, upload: Upload, *args: object) -> Any:
        """`fn(upload, *args)` in a worker; WorkTimeout when it takes longer than the limit, the
        process then being stopped; WorkCrashed when the process dies."""
        from pebble import ProcessExpired

        future = self._pool.schedule(fn, args=(upload, *args))
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            future.cancel()  # pebble stops the process running it, and starts a fresh one
            raise WorkTimeout(self.timeout) from None
        except ProcessExpired as e:
            raise WorkCrashed(upload.filename, e.exitcode) from None
        except EiaRulesError:
            raise
        except MemoryError:
            raise InputError(upload.filename, "checking it needed more memory than the service's limit "
                                              "(max_memory_mb)") from None
        except Exception as e:  # noqa: BLE001 - the catch-all: a JSON 500 naming the file, never a plain page
            log.exception("unexpected error on %s", upload.filename)
            raise WorkFailed(upload.filename, e) from None

    async def parse(self, upload: Upload) -> IIARecord:
        return await self._run(parse_upload, upload)

    async def check(self, upload: Upload) -> Report:
        return await self._run(check_upload, upload, self.config)

    async def annotate(self, upload: Upload) -> tuple[Report, bytes]:
        return await self._run(annotate_upload, upload, self.config)

    def start(self) -> None:
        """Start the worker processes now (each warms up in the background), so the first
        upload does not wait for spaCy and the rules to load."""
        self._pool.schedule(_ready)

    def shutdown(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=10)


# The functions below run in the worker processes.

def _ready() -> None:
    """Nothing: scheduling it makes the pool start its (warming) processes."""


def parse_upload(upload: Upload) -> IIARecord:
    run_test_hooks(upload.filename)
    return parse(BytesSource(upload.filename, upload.data))


def check_upload(upload: Upload, config: Config) -> Report:
    """Check with the operator's configuration, never with files found from the upload's name."""
    report = check_record(parse_upload(upload), config=config, local_files=False)
    return report.model_copy(update={"path": upload.filename})


def annotate_upload(upload: Upload, config: Config) -> tuple[Report, bytes]:
    """The report and the annotated Word copy, written in a temporary folder deleted after."""
    from ..output.docx_comments import annotate_docx

    if Path(upload.filename).suffix.lower() != ".docx":
        raise InputError(upload.filename, "only Word (.docx) documents can be annotated")
    report = check_upload(upload, config)
    with tempfile.TemporaryDirectory(prefix="eia-rules-") as tmp:
        source, dest = Path(tmp) / "upload.docx", Path(tmp) / "annotated.docx"
        source.write_bytes(upload.data)
        annotate_docx(source, report, rules(), dest)
        return report, dest.read_bytes()
