"""The pipeline calls the service makes, run on worker threads with a time limit.

Checking is CPU work (spaCy, durable_rules); running it on the event loop would stall every
other request. A document that takes longer than the operator's limit gets a 504 answer; its
thread cannot be killed, so it finishes in the background and its result is dropped. The pool
is bounded, so runaway documents cannot start unlimited threads.
"""
from __future__ import annotations

import asyncio
import re
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TypeVar

from ..config import Config
from ..errors import InputError
from ..model.findings import Report
from ..model.record import IIARecord
from ..pipeline import BytesSource, check_record, parse
from .catalogue import rules

T = TypeVar("T")

_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")
DEFAULT_NAME = "upload"


class WorkTimeout(Exception):
    """The work did not finish within the service's time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the check did not finish within {seconds:g} seconds; "
                         "try a smaller document or ask the operator to raise the limit")


def upload_name(raw: str | None) -> str:
    """The client's file name reduced to a bare name: no folders, no control characters.

    The name decides the reader (by extension) and appears in messages; it never becomes a
    path on the server.
    """
    name = PureWindowsPath(PurePosixPath(raw or "").name).name
    name = _UNSAFE.sub("", name).strip()
    return name or DEFAULT_NAME


@dataclass(frozen=True)
class Upload:
    """One uploaded document: its bare name and bytes."""

    filename: str
    data: bytes


class Worker:
    """Runs parse/check/annotate off the event loop, each call bounded by `timeout` seconds."""

    def __init__(self, config: Config, timeout: float, workers: int) -> None:
        self.config = config
        self.timeout = timeout
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="eia-rules")

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        """`fn(*args)` on the pool; WorkTimeout when it takes longer than the limit."""
        future = self._pool.submit(fn, *args)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            future.cancel()  # drops it if it has not started; a running thread finishes alone
            raise WorkTimeout(self.timeout) from None

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    # The functions below run on the pool.

    def parse(self, upload: Upload) -> IIARecord:
        return parse(BytesSource(upload.filename, upload.data))

    def check(self, upload: Upload) -> Report:
        return self.check_parsed(self.parse(upload), upload.filename)

    def check_parsed(self, record: IIARecord, filename: str) -> Report:
        """Check with the operator's configuration, never with files found from the upload's name."""
        report = check_record(record, config=self.config, local_files=False)
        return report.model_copy(update={"path": filename})

    def annotate(self, upload: Upload) -> tuple[Report, bytes]:
        """The report and the annotated Word copy, written in a temporary folder deleted after."""
        from ..output.docx_comments import annotate_docx

        if Path(upload.filename).suffix.lower() != ".docx":
            raise InputError(upload.filename, "only Word (.docx) documents can be annotated")
        report = self.check(upload)
        with tempfile.TemporaryDirectory(prefix="eia-rules-") as tmp:
            source, dest = Path(tmp) / "upload.docx", Path(tmp) / "annotated.docx"
            source.write_bytes(upload.data)
            annotate_docx(source, report, rules(), dest)
            return report, dest.read_bytes()
