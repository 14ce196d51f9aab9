"""Throughput, memory and re-audit figures for `eia-rules audit`, printed next to their targets.

    python benchmarks/throughput.py            # full run (about 15 min on 2 cores)
    python benchmarks/throughput.py --quick    # scaled-down counts, about 3-4 min

Documents are synthetic: the corpus's short assessments repeated into ~10, ~20 and ~30 page .docx,
.pdf, .html and .md files, generated in a temporary folder. Every paragraph carries its own
reference, so no two paragraphs of the archive are the same text: real assessments rarely
repeat a paragraph, and the structurer keeps work per distinct text, which identical copies
would flatter. The "floor" is the fastest extraction of the same text (pypdfium2 for PDF, zip + lxml of
document.xml for .docx, lxml for HTML), measured in the same process as the reader and the
whole check, interleaved file by file, the minimum of several rounds. A cold start is measured
as separate processes, alternating with `python -c "import spacy"`.

Throughput is the steady rate once every worker has returned its first document, so pool
start-up and warm-up (spaCy, lexicons, the rules engine) are not counted; the archive mixes
the four formats, interleaved.
"""
from __future__ import annotations

import argparse
import html
import multiprocessing
import resource
import subprocess
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


# ---------------------------------------------------------------- floors and ratios
def floor_text(path: Path) -> str:
    """The fastest extraction of the file's text: pypdfium2 for PDF, zip + lxml for .docx
    (document.xml), lxml for HTML; Markdown is its own text."""
    fmt = path.suffix.lstrip(".")
    if fmt == "docx":
        import zipfile

        from lxml import etree

        with zipfile.ZipFile(path) as archive:
            return "".join(etree.fromstring(archive.read("word/document.xml")).itertext())
    if fmt == "pdf":
        import pypdfium2

        document = pypdfium2.PdfDocument(str(path))
        try:
            return "\n".join(page.get_textpage().get_text_range() for page in document)
        finally:
            document.close()
    if fmt == "html":
        import lxml.html

        return lxml.html.fromstring(path.read_bytes()).text_content()
    return path.read_text("utf-8")


def _timed(fn, *args, **kwargs) -> float:
    start = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - start


def reading_ratios(made: dict[str, list[Path]], rounds: int) -> dict[str, dict[str, float]]:
    """format -> summed seconds over its files of: the floor extraction, `read_document`, a
    whole `check`, and spaCy's `make_doc` of the floor text; each the minimum over `rounds`
    rounds. Within a round every file is read all four ways before the next file, so a change
    in the machine's speed touches all four alike."""
    import eia_rules
    from eia_rules.readers import read_document
    from eia_rules.structure.nlp import tokenise

    eia_rules.check(str(made["md"][0]))  # warm up: spaCy, lexicons, rules engine
    texts = {p: floor_text(p) for paths in made.values() for p in paths}
    best: dict[str, dict[str, float]] = {}
    for _ in range(rounds):
        sums: dict[str, dict[str, float]] = {fmt: dict.fromkeys(("floor", "read", "check", "tokens"), 0.0)
                                             for fmt in made}
        for fmt, path in _interleaved(made):
            sums[fmt]["floor"] += _timed(floor_text, path)
            sums[fmt]["read"] += _timed(read_document, str(path))
            sums[fmt]["check"] += _timed(eia_rules.check, str(path))
            sums[fmt]["tokens"] += _timed(tokenise, texts[path])
        for fmt, row in sums.items():
            kept = best.setdefault(fmt, dict(row))
            for key, value in row.items():
                kept[key] = min(kept[key], value)
    return best


def _interleaved(made: dict[str, list[Path]]):
    for i in range(max(map(len, made.values()))):
        for fmt, paths in made.items():
            if i < len(paths):
                yield fmt, paths[i]


def cold_start(rounds: int) -> tuple[float, float]:
    """(cold `eia-rules check weak-iia.md`, cold `python -c "import spacy"`) in seconds, each the
    minimum over `rounds`, the two run alternately."""
    script = Path(sys.executable).with_name("eia-rules")
    check = [str(script)] if script.exists() else [sys.executable, "-m", "eia_rules_cli.main"]
    check += ["check", str(SOURCES[0]), "--exit-zero"]
    spacy = [sys.executable, "-c", "import spacy"]
    subprocess.run(check, check=True, capture_output=True)  # the rule cache filled, files in the page cache
    times: dict[str, list[float]] = {"check": [], "spacy": []}
    for _ in range(rounds):
        for name, command in (("check", check), ("spacy", spacy)):
            times[name].append(_timed(subprocess.run, command, capture_output=True))
    return min(times["check"]), min(times["spacy"])


def _long_document(pages: int, folder: str, queue) -> None:
    """In a fresh process: check a generated .md assessment of about `pages` pages; put
    (seconds, pages measured, peak RSS in MB)."""
    import eia_rules

    eia_rules.check(str(SOURCES[0]))  # warm up, as for every document of an archive
    per_repeat = _pages_of_words(sum(len(" ".join(p).split()) for _, p in _sections(1)))
    path = Path(folder) / f"long-{pages}.md"
    write_md(path, _sections(max(1, round(pages / per_repeat)), document=pages))
    seconds = _timed(eia_rules.check, str(path))
    queue.put((seconds, _pages(path), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def _pages_of_words(words: int) -> float:
    return words / 500  # ~500 words a page


def long_document(pages: int, folder: Path) -> tuple[float, int, float]:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_long_document, args=(pages, str(folder), queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def _pages(path: Path) -> int:
    return max(1, round(_pages_of_words(len(floor_text(path).split()))))


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


def report_ratios(made: dict[str, list[Path]], rounds: int) -> None:
    sums = reading_ratios(made, rounds)
    print(f"\nreading against the fastest extraction (summed over each format's files, min of {rounds} rounds, "
          "interleaved):")
    for fmt, row in sums.items():
        target = f" [target <= 3x: {verdict(row['read'] / row['floor'] <= 3)}]" if fmt != "md" else ""
        print(f"  {fmt:5} read {row['read'] * 1000:8.1f} ms, floor {row['floor'] * 1000:7.1f} ms, "
              f"ratio {row['read'] / row['floor']:6.1f}x{target}", flush=True)
    total = {key: sum(row[key] for row in sums.values()) for key in ("floor", "read", "check", "tokens")}
    floor = total["floor"] + total["tokens"]
    print(f"end-to-end check over the archive {total['check']:.2f} s against floor + make_doc {floor:.2f} s "
          f"({total['floor']:.2f} + {total['tokens']:.2f}): ratio {total['check'] / floor:.1f}x "
          f"[target <= 3x: {verdict(total['check'] / floor <= 3)}]", flush=True)
    for fmt, row in sums.items():
        print(f"  {fmt:5} check {row['check'] * 1000:8.1f} ms against {(row['floor'] + row['tokens']) * 1000:7.1f} ms: "
              f"{row['check'] / (row['floor'] + row['tokens']):5.1f}x", flush=True)


def report_cold_start(rounds: int) -> None:
    check, spacy = cold_start(rounds)
    print(f"\ncold `eia-rules check weak-iia.md` {check:.2f} s against cold `import spacy` {spacy:.2f} s "
          f"(min of {rounds}, alternating): ratio {check / spacy:.2f}x [target <= 1.3x: {verdict(check / spacy <= 1.3)}]",
          flush=True)


def report_long_documents(root: Path, long_pages: int) -> None:
    folder = root / "long"
    folder.mkdir(parents=True, exist_ok=True)
    short_s, short_p, _ = long_document(10, folder)
    long_s, long_p, peak = long_document(long_pages, folder)
    ratio = (long_s / long_p) / (short_s / short_p)
    print(f"\nlong document: {long_p} pages in {long_s:.1f} s ({long_s / long_p * 1000:.0f} ms a page), "
          f"{short_p} pages in {short_s:.2f} s ({short_s / short_p * 1000:.0f} ms a page); per-page ratio "
          f"{ratio:.2f}x [target <= 1.5x: {verdict(ratio <= 1.5)}]; peak RSS {peak:.0f} MB "
          f"[target < 1 GB: {verdict(peak < 1024)}]", flush=True)


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

        report_ratios(made, rounds=2 if args.quick else 3)
        report_cold_start(rounds=3 if args.quick else 5)
        report_long_documents(root, long_pages=100 if args.quick else 300)

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
