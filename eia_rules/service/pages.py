"""The upload page for people: a plain form, results grouped by family, no JavaScript needed.

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
from itertools import groupby

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from ..model.findings import Finding, Outcome, Report, Severity
from ..output import rulemeta
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
class FamilyView:
    name: str
    findings: list[FindingView]


# Rule families (rules/schema/rule.schema.json) as headings; hyphenated words keep their hyphen.
FAMILY_LABELS = {"socio-economic": "Socio-economic duty", "well-being": "Well-being",
                 "mitigation-monitoring": "Mitigation and monitoring"}


def family_label(family: str) -> str:
    """'protected-characteristics' -> 'Protected characteristics'."""
    return FAMILY_LABELS.get(family) or family.replace("-", " ").replace("_", " ").capitalize()


def _view(finding: Finding, by_id: dict[str, object]) -> FindingView:
    rule = by_id.get(finding.rule_id)
    return FindingView(
        rule_id=finding.rule_id, title=rulemeta.title(finding, rule), severity=finding.severity.value,
        needs_review=finding.outcome is Outcome.NEEDS_REVIEW, message=finding.message,
        location=rulemeta.location_label(finding.locations), section=rulemeta.section(finding),
        excerpt=finding.excerpt, legal_basis=rulemeta.legal_basis(finding, rule),
        remediation=rulemeta.remediation(finding, rule), also_at=rulemeta.other_places(finding),
    )


def group_findings(report: Report) -> list[FamilyView]:
    """Unsuppressed findings by family (most serious family first), worst severity first within."""
    by_id = {r.id: r for r in catalogue.rules()}
    active = sorted((f for f in report.findings if not f.suppressed),
                    key=lambda f: (f.family, -f.severity.rank, f.rule_id))
    families = [FamilyView(family_label(fam), [_view(f, by_id) for f in group])
                for fam, group in groupby(active, key=lambda f: f.family)]
    worst = {fam.name: max(Severity(v.severity).rank for v in fam.findings) for fam in families}
    return sorted(families, key=lambda fam: -worst[fam.name])


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
            "results.html", report=report, families=group_findings(report),
            counts=[(s.value, counts[s.value]) for s in Severity], total=sum(counts.values()),
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
