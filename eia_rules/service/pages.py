"""The upload page for people: a plain form, results in document order, no JavaScript needed.

The results page opens with a summary (counts by severity and needs review, families with
gaps) and a jump list of the document's sections; the findings follow section by section in
the order the document has them, errors first within each (the same order as `check`'s text).

Everything from the document reaches the page through autoescaping Jinja2 templates, and the
pages load nothing external (inline CSS only), so they work offline and behind strict proxies.

The page keeps no state: for a Word upload the results page carries the document back in a
hidden field, so "Download the annotated Word copy" posts it again and the copy is made then.
"""
from __future__ import annotations

import base64
import binascii
from collections import Counter
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from ..model.findings import Finding, Outcome, Report, Severity
from ..output import rulemeta
from ..output import text as text_out
from . import catalogue
from .api import DOCX_TYPE, annotated_name, attachment
from .settings import Settings
from .uploads import UploadProblem, read_upload
from .work import Upload, Worker, upload_name

_ENV = Environment(loader=PackageLoader("eia_rules.service", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True))


@dataclass(frozen=True)
class FindingView:
    """One finding as the results page shows it."""

    rule_id: str
    title: str
    severity: str
    needs_review: bool
    message: str
    location: str
    section: str
    excerpt: str
    legal_basis: str
    remediation: str
    also_at: str = ""  # a repeated finding's other places, e.g. '2 other places: table 1 row 3; ...'


@dataclass(frozen=True)
class SectionView:
    """One section of the document with its findings; `anchor` is its id for the jump list."""

    name: str
    anchor: str
    findings: list[FindingView]


# Rule families (rules/schema/rule.schema.json) as headings; hyphenated words keep their hyphen.
FAMILY_LABELS = {"socio-economic": "Socio-economic duty", "well-being": "Well-being",
                 "mitigation-monitoring": "Mitigation and monitoring"}


def family_label(family: str) -> str:
    """'protected-characteristics' -> 'Protected characteristics'."""
    return FAMILY_LABELS.get(family) or family.replace("-", " ").replace("_", " ").capitalize()


# How much of the document's text a finding quotes on the page (cut at a word boundary).
EXCERPT_CHARS = 240


def _view(finding: Finding, by_id: dict[str, object], fmt: str = "") -> FindingView:
    rule = by_id.get(finding.rule_id)
    return FindingView(
        rule_id=finding.rule_id, title=rulemeta.title(finding, rule), severity=finding.severity.value,
        needs_review=finding.outcome is Outcome.NEEDS_REVIEW, message=finding.message,
        location=rulemeta.where(finding.place(), fmt), section=rulemeta.section(finding),
        excerpt=rulemeta.excerpt_words(finding.excerpt, EXCERPT_CHARS),
        legal_basis=rulemeta.legal_basis(finding, rule),
        remediation=rulemeta.remediation(finding, rule), also_at=rulemeta.other_places(finding, where=fmt),
    )


def section_findings(report: Report) -> list[SectionView]:
    """Unsuppressed findings by section, in document order (the whole document first), errors
    first within each, as `check`'s text output orders them."""
    by_id = {r.id: r for r in catalogue.rules()}
    active = [f for f in report.findings if not f.suppressed]
    return [SectionView(section or "Whole document", f"section-{i}", [_view(f, by_id, report.format) for f in group])
            for i, (section, group) in enumerate(text_out.in_document_order(active), start=1)]


ANNOTATE_PATH = "/annotate"


def annotate_limit(settings: Settings) -> int:
    """The page's annotate form sends the document back base64-encoded: 4/3 of its size."""
    return settings.max_upload_bytes * 4 // 3 + 64 * 1024


def render_page(name: str, status: int = 200, **context: object) -> HTMLResponse:
    return HTMLResponse(_ENV.get_template(name).render(**context), status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    return render_page("error.html", status=status, status_code=status, message=message)


def build_router(worker: Worker, settings: Settings) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def index() -> HTMLResponse:
        return render_page("index.html", max_upload=settings.max_upload_label)

    @router.post("/check", response_class=HTMLResponse)
    async def check(request: Request) -> HTMLResponse:
        upload = await read_upload(request, allow_json=False)
        report = await worker.check(upload)
        counts = Counter(f.severity.value for f in report.findings if not f.suppressed)
        is_docx = upload.filename.lower().endswith(".docx")
        return render_page(
            "results.html", report=report, sections=section_findings(report),
            summary=text_out.counts(report.findings), gaps=text_out.families_with_gaps(report.findings),
            counts=[(s.value, text_out.plural(counts[s.value], s.value) if s is not Severity.INFO
                     else f"{counts[s.value]} info") for s in Severity], total=sum(counts.values()),
            suppressed=sum(f.suppressed for f in report.findings),
            passed=len(report.passed), not_applicable=len(report.not_applicable),
            annotate_name=annotated_name(upload.filename) if is_docx else None,
            document_b64=base64.b64encode(upload.data).decode("ascii") if is_docx else None,
        )

    @router.post(ANNOTATE_PATH)
    async def annotate(request: Request) -> Response:
        form = await request.form(max_part_size=annotate_limit(settings))
        try:
            data = base64.b64decode(str(form.get("document", "")), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise UploadProblem("the document to annotate was not sent intact; upload it again") from exc
        upload = Upload(upload_name(str(form.get("filename", ""))), data)
        _, annotated = await worker.annotate(upload)
        return Response(annotated, media_type=DOCX_TYPE, headers=attachment(annotated_name(upload.filename)))

    return router
