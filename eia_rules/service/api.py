"""The JSON API under /v1: check, parse, annotate, and the rule catalogue."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from ..model.findings import Report
from ..model.record import IIARecord
from ..output import render
from . import catalogue
from .uploads import REQUEST_BODY, read_upload
from .work import Worker

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Report formats other than the default JSON, with the media type each is sent as.
REPORT_FORMATS: dict[str, str] = {
    "sarif": "application/sarif+json",
    "junit": "application/xml",
    "csv": "text/csv; charset=utf-8",
}
ReportFormat = Literal["json", "sarif", "junit", "csv"]


def annotated_name(filename: str) -> str:
    """The download name of the annotated copy: 'draft.docx' -> 'draft-reviewed.docx'."""
    return f"{Path(filename).stem}-reviewed.docx"


def attachment(filename: str) -> dict[str, str]:
    """A Content-Disposition header that survives any characters in the name (RFC 6266)."""
    from urllib.parse import quote

    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "'")
    return {"Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"}


def build_router(worker: Worker) -> APIRouter:
    router = APIRouter()

    @router.get("/healthz", tags=["service"])
    def healthz() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @router.post("/v1/check", tags=["check"], response_model=Report,
                 openapi_extra={"requestBody": REQUEST_BODY},
                 responses={413: {"description": "upload too large"},
                            422: {"description": "unreadable document or invalid record"},
                            504: {"description": "the check ran out of time"}})
    async def check(request: Request, format: ReportFormat = "json") -> Response:
        """Check one document (multipart field `file`) or JSON record (the body).

        Returns the report as JSON, or as SARIF, JUnit XML or CSV with `?format=`.
        """
        upload = await read_upload(request)
        report = await worker.check(upload)
        if format == "json":
            return JSONResponse(report.model_dump(mode="json"))
        return Response(render(format, [report], catalogue.rules()), media_type=REPORT_FORMATS[format])

    @router.post("/v1/parse", tags=["check"], response_model=IIARecord,
                 openapi_extra={"requestBody": REQUEST_BODY})
    async def parse(request: Request) -> JSONResponse:
        """The structured record (IIARecord) read from one document."""
        upload = await read_upload(request)
        record = await worker.parse(upload)
        return JSONResponse(record.model_dump(mode="json"))

    @router.post("/v1/annotate", tags=["check"],
                 openapi_extra={"requestBody": {"required": True,
                                                "content": {"multipart/form-data": REQUEST_BODY["content"]["multipart/form-data"]}}},
                 responses={200: {"content": {DOCX_TYPE: {}}, "description": "the annotated Word copy"}})
    async def annotate(request: Request) -> Response:
        """The uploaded .docx with a Word comment per finding."""
        upload = await read_upload(request, allow_json=False)
        _, data = await worker.annotate(upload)
        return Response(data, media_type=DOCX_TYPE, headers=attachment(annotated_name(upload.filename)))

    @router.get("/v1/rules", tags=["rules"])
    def rules() -> list[dict[str, Any]]:
        """The rule catalogue: code, title, family, severity, legal basis, how to fix."""
        return catalogue.summaries()

    @router.get("/v1/rules/{code}", tags=["rules"], responses={404: {"description": "unknown rule code"}})
    def rule(code: str) -> dict[str, Any]:
        """One rule in full."""
        found = catalogue.summary(code)
        if found is None:
            raise HTTPException(404, f"unknown rule code '{code}'; GET /v1/rules lists them")
        return found

    return router
