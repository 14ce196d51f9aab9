"""Run the pipeline over hostile files in bounded worker processes and classify each answer.

Used by the hostile tests and by hand (`python -m tests.hostile.harness FOLDER`) to count how many
files get a clean answer. A worker returns ("ok", summary), ("error", the one-line message) for
an `EiaRulesError`, or ("bug", traceback) for anything else; the harness adds ("timeout", ...)
and ("crash", ...) for workers it had to stop or that died.
"""
from __future__ import annotations

import resource
import sys
import time
import traceback
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path


def classify(path: str) -> tuple[str, str, float, int]:
    """(kind, text, seconds, peak RSS in MB of this worker so far) for one file."""
    from eia_rules import check_record, parse
    from eia_rules.errors import EiaRulesError

    start = time.perf_counter()
    try:
        report = check_record(parse(path))
        kind, text = "ok", f"{len(report.findings)} findings; " + report.model_dump_json()
    except EiaRulesError as e:
        kind, text = "error", str(e)
    except BaseException:  # noqa: BLE001 - counting exactly these is the point
        kind, text = "bug", traceback.format_exc()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return kind, text, time.perf_counter() - start, peak


def run(paths: list[Path], jobs: int = 2, timeout: float = 60.0) -> dict[str, tuple[str, str, float, int]]:
    from pebble import ProcessExpired, ProcessPool

    results: dict[str, tuple[str, str, float, int]] = {}
    with ProcessPool(max_workers=jobs) as pool:
        futures = {str(p): pool.schedule(classify, args=(str(p),), timeout=timeout) for p in paths}
        for name, future in futures.items():
            try:
                results[name] = future.result()
            except FutureTimeout:
                results[name] = ("timeout", f"over {timeout} s", timeout, 0)
            except ProcessExpired as e:
                results[name] = ("crash", f"exit {e.exitcode}", 0.0, 0)
            except Exception as e:  # noqa: BLE001
                results[name] = ("crash", repr(e), 0.0, 0)
    return results


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0
    paths = sorted(folder.iterdir())
    t = time.time()
    out = run(paths, timeout=timeout)
    for name, (kind, text, secs, peak) in sorted(out.items()):
        first = text.strip().splitlines()[-1] if kind == "bug" else text.splitlines()[0] if text else ""
        print(f"{kind:8} {secs:6.1f}s {peak:5d}MB {Path(name).name[:50]!r}: {first[:150]}")
    kinds = {}
    for kind, *_ in out.values():
        kinds[kind] = kinds.get(kind, 0) + 1
    print(kinds, f"{time.time() - t:.0f} s")
