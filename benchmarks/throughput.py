"""Throughput, memory and re-audit figures for `eia-rules audit`, printed next to their targets.

    python benchmarks/throughput.py            # full run (about 15 min on 2 cores)
    python benchmarks/throughput.py --quick    # scaled-down counts, about 3-4 min

Documents are synthetic: the corpus's short assessments repeated into ~10, ~20 and ~30 page .docx,
.pdf, .html and .md files, generated in a temporary folder. Every paragraph carries its own
reference, so no two paragraphs of the archive are the same text: real assessments rarely
repeat a paragraph, and the structurer keeps work per distinct text, which identical copies
would flatter. The "floor" is the time to extract only the text with the same parser library
the reader uses (python-docx paragraphs and table cells, lxml text, pdfplumber text).

Throughput is the steady rate once every worker has returned its first document, so pool
start-up and warm-up (spaCy, lexicons, the rules engine) are not counted; the archive mixes
the four formats, interleaved.
"""
from __future__ import annotations

import argparse
import html
import multiprocessing
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from eia_rules.audit import QuietListener

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "corpora" / "examples" / "weak-iia.md", REPO / "corpora" / "narrative-md" / "caerwen-leisure-fees.md"]
TINY = "# Equality impact assessment\n\n## Age\n\nNo impact on older people was found. Reference {n}.\n"


def _sections(repeats: int, document: int = 0) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) from the corpus Markdown, repeated; each paragraph made unique by a
    reference to its document, repeat and place."""
    sections: list[tuple[str, list[str]]] = []
    for source in SOURCES:
        heading, paras = "Assessment", []
        for line in source.read_text("utf-8").splitlines():
            if line.startswith("#"):
                if paras:
                    sections.append((heading, paras))
                heading, paras = line.lstrip("# ").strip(), []
            elif line.strip():
                paras.append(line.strip())
        sections.append((heading, paras))
    return [(f"{h} ({i + 1})" if i else h,
             [f"{x} (Ref. {document}-{i}-{k}.)" for k, x in enumerate(p)]) for i in range(repeats) for h, p in sections]


def write_md(path: Path, sections) -> None:
    path.write_text("\n\n".join(f"## {h}\n\n" + "\n\n".join(p) for h, p in sections), "utf-8")


def write_html(path: Path, sections) -> None:
    body = "".join(f"<h2>{html.escape(h)}</h2>" + "".join(f"<p>{html.escape(x)}</p>" for x in p)
                   for h, p in sections)
    path.write_text(f"<!DOCTYPE html><html><head><title>IIA</title></head><body><main>{body}</main></body></html>",
                    "utf-8")


def write_docx(path: Path, sections) -> None:
    import docx

    document = docx.Document()
    for h, paras in sections:
        document.add_heading(h, level=2)
        for p in paras:
            document.add_paragraph(p)
    document.save(path)


def write_pdf(path: Path, sections) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    for h, paras in sections:
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 8, h.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)
        for p in paras:
            pdf.multi_cell(0, 5, p.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


WRITERS = {"docx": write_docx, "pdf": write_pdf, "html": write_html, "md": write_md}


def make_archive(folder: Path, per_format: int, repeats: int) -> dict[str, list[Path]]:
    made: dict[str, list[Path]] = {}
    for fmt, writer in WRITERS.items():
        for i in range(per_format):
            path = folder / f"iia-{i:04d}.{fmt}"  # one folder: the formats interleave in the run
            path.parent.mkdir(parents=True, exist_ok=True)
            # ~10, ~20 and ~30 pages in turn
            writer(path, _sections(repeats * (1 + i % 3), document=len(WRITERS) * i + list(WRITERS).index(fmt)))
            made.setdefault(fmt, []).append(path)
    return made


# ---------------------------------------------------------------- floors
def floor_text(path: Path) -> str:
    fmt = path.suffix.lstrip(".")
    if fmt == "docx":
        import docx

        document = docx.Document(str(path))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if fmt == "pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    if fmt == "html":
        import lxml.html

        return lxml.html.fromstring(path.read_bytes()).text_content()
    return path.read_text("utf-8")


def _median_time(fn, items) -> float:
    times = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_format_ratios(made: dict[str, list[Path]]) -> dict[str, tuple[float, float, str]]:
    """format -> (e2e s/doc, floor s/doc, the files' range of pages), in this process after warm-up."""
    from eia_rules.audit.worker import audit_document, warm_up

    warm_up(ignore_interrupt=False)
    out = {}
    for fmt, paths in made.items():
        floor = _median_time(floor_text, paths)
        e2e = _median_time(lambda p: audit_document(str(p)), paths)
        pages = sorted(_pages(p) for p in paths)
        out[fmt] = (e2e, floor, f"{pages[0]}-{pages[-1]}")
    return out


def _pages(path: Path) -> int:
    words = len(floor_text(path).split())
    return max(1, round(words / 500))  # ~500 words a page


# ---------------------------------------------------------------- throughput and re-audit
class _Clock(QuietListener):
    """Audit listener noting when each result arrives."""

    def __init__(self) -> None:
        self.times: list[float] = []

    def advance(self, result) -> None:
        assert result.status == "ok", result.reason
        self.times.append(time.perf_counter())


def audit_rate(folder: Path, jobs: int, db: Path) -> tuple[float, int, float]:
    """(steady documents/s, documents, whole run in s). The rate counts the documents after the
    first `jobs` results, over the time from the `jobs`-th result to the last: by then every
    worker has started, warmed up and finished a document."""
    from eia_rules.audit import AuditOptions, run_audit

    clock = _Clock()
    run = run_audit([str(folder)], AuditOptions(db=db, jobs=jobs, force=True), listener=clock)
    times = clock.times
    return (len(times) - jobs) / (times[-1] - times[jobs - 1]), run.audited, run.seconds


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def _worker_memory(paths: list[str], marks: list[int], queue) -> None:
    """In a fresh worker: RSS after warm-up and at each mark, and the peak (ru_maxrss)."""
    from eia_rules.audit.worker import audit_document, warm_up

    warm_up(ignore_interrupt=False)
    report = {"warm": _rss_mb()}
    for n in range(1, marks[-1] + 1):
        result = audit_document(paths[n % len(paths)])
        assert result.status == "ok", result.reason
        if n in marks:
            report[n] = _rss_mb()
    report["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(report)


def in_worker(paths: list[str], marks: list[int]) -> dict:
    ctx = multiprocessing.get_context("spawn")  # a clean process, like a fresh pool worker
    queue = ctx.Queue()
    proc = ctx.Process(target=_worker_memory, args=(paths, marks, queue))
    proc.start()
    report = queue.get()
    proc.join()
    return report


def tiny_archive(folder: Path, n: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"d{i:05d}.md"
        path.write_text(TINY.format(n=i), "utf-8")
        paths.append(str(path))
    return paths


def reaudit_time(folder: Path, db: Path) -> tuple[float, int]:
    from eia_rules.audit import AuditOptions, run_audit

    run_audit([str(folder)], AuditOptions(db=db))
    again = run_audit([str(folder)], AuditOptions(db=db))
    assert again.audited == 0
    return again.seconds, again.skipped


# ---------------------------------------------------------------- main
def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="scale counts down (about 2-3 minutes)")
    args = parser.parse_args()
    per_format, marks, reaudit_n = (5, [100, 1000], 200) if args.quick else (12, [1000, 10000], 2000)
    with tempfile.TemporaryDirectory(prefix="eia-bench-") as tmp:
        root = Path(tmp)
        print(f"eia-rules audit benchmark ({'quick' if args.quick else 'full'}); temp folder {root}", flush=True)
        made = make_archive(root / "archive", per_format, repeats=14)
        print(f"archive: {sum(map(len, made.values()))} documents ({per_format} per format)", flush=True)

        r1, n, s1 = audit_rate(root / "archive", 1, root / "j1.sqlite")
        r2, _, s2 = audit_rate(root / "archive", 2, root / "j2.sqlite")
        ratio = r2 / r1
        print(f"\nthroughput ({n} mixed documents, steady rate after each worker's first document; whole run "
              f"in brackets): 1 worker {r1:.2f} docs/s ({s1:.1f} s), 2 workers {r2:.2f} docs/s ({s2:.1f} s); "
              f"ratio {ratio:.2f}x "
              f"[target >= 1.7x: {verdict(ratio >= 1.7)}]", flush=True)

        print("\nend-to-end vs text-extraction floor, median per document (one warm process):")
        for fmt, (e2e, floor, pages) in per_format_ratios(made).items():
            target = " [target <= 2x: " + verdict(e2e / floor <= 2) + "]" if fmt in ("docx", "html") else ""
            print(f"  {fmt:5} {pages:>5} pages: e2e {e2e * 1000:7.1f} ms, floor {floor * 1000:7.1f} ms, "
                  f"ratio {e2e / floor:5.1f}x{target}", flush=True)

        mixed = [str(p) for paths in made.values() for p in paths]
        peak = in_worker(mixed, [len(mixed)])
        print(f"\npeak RSS of one worker over the mixed archive: {peak['peak']:.0f} MB "
              f"(after warm-up {peak['warm']:.0f} MB)", flush=True)

        small = tiny_archive(root / "tiny", 50)
        mem = in_worker(small, marks)
        growth = (mem[marks[1]] - mem[marks[0]]) / mem[marks[0]] * 100
        print(f"RSS in one worker: {mem[marks[0]]:.1f} MB after {marks[0]:,} documents, {mem[marks[1]]:.1f} MB after "
              f"{marks[1]:,}; growth {growth:+.1f}% [target < 10%: {verdict(growth < 10)}]", flush=True)

        tiny_archive(root / "reaudit", reaudit_n)
        seconds, skipped = reaudit_time(root / "reaudit", root / "re.sqlite")
        scaled = "" if reaudit_n == 2000 else f" (scaled to 2,000: {seconds * 2000 / reaudit_n:.2f} s)"
        print(f"re-audit of {skipped:,} unchanged documents: {seconds:.2f} s{scaled} "
              f"[target < 5 s for 2,000: {verdict(seconds * 2000 / reaudit_n < 5)}]", flush=True)


if __name__ == "__main__":
    sys.exit(main())
