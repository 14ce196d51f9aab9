"""Progress for a long audit: a rich progress bar on a terminal, periodic plain lines in logs."""
from __future__ import annotations

import sys
import time
from typing import TextIO

from .result import DocResult


def _eta(done: int, total: int, elapsed: float) -> str:
    if not done or done >= total:
        return "-"
    left = elapsed / done * (total - done)
    return time.strftime("%H:%M:%S", time.gmtime(left))


class PlainProgress:
    """A line every `every` seconds (and at the end): counts, rate and ETA, for CI logs and nohup."""

    def __init__(self, out: TextIO | None = None, every: float = 10.0) -> None:
        self.out = out or sys.stderr
        self.every = every
        self.total = self.done = self.failed = 0
        self._start = self._last = 0.0

    def start(self, total: int, skipped: int) -> None:
        self.total = total
        self._start = self._last = time.monotonic()
        print(f"eia-rules audit: {total} documents to audit, {skipped} unchanged and skipped",
              file=self.out, flush=True)

    def advance(self, result: DocResult) -> None:
        self.done += 1
        self.failed += result.status == "failed"
        now = time.monotonic()
        if now - self._last >= self.every:
            self._last = now
            self._line(now)

    def _line(self, now: float) -> None:
        elapsed = now - self._start
        rate = self.done / elapsed if elapsed else 0.0
        print(f"eia-rules audit: {self.done}/{self.total} done, {self.failed} failed, "
              f"{rate:.1f} documents/s, ETA {_eta(self.done, self.total, elapsed)}", file=self.out, flush=True)

    def stop(self) -> None:
        if self.total:
            self._line(time.monotonic())


class RichProgress:
    """A live bar with counts, failures and ETA (rich.progress) for an interactive terminal."""

    def __init__(self, console) -> None:  # console: rich.console.Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(TextColumn("[bold]auditing"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn(),
                                 TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=False)
        self.task = None
        self.failed = 0

    def start(self, total: int, skipped: int) -> None:
        if skipped:
            self.progress.console.print(f"{skipped} unchanged documents skipped")
        self.task = self.progress.add_task("audit", total=total, failed=0)
        self.progress.start()

    def advance(self, result: DocResult) -> None:
        self.failed += result.status == "failed"
        self.progress.update(self.task, advance=1, failed=self.failed)

    def stop(self) -> None:
        self.progress.stop()


def progress_for(console, is_tty: bool):
    return RichProgress(console) if is_tty else PlainProgress()
