"""How failures reach clients: one clear sentence, as JSON for the API and as a page for people.

- unreadable or malformed documents (the readers' InputError, any EiaRulesError) -> 422 with
  the reader's one-line message, which names the uploaded file;
- bodies over the size limit -> 413 saying what the limit is;
- checks that run out of time -> 504 (the worker process is stopped);
- a document that crashes its worker process -> 500 naming the file;
- anything unexpected -> a JSON 500 (naming the file when it happened on one), never a plain page.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.exception_handlers import http_exception_handler
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..errors import EiaRulesError
from .settings import Settings
from .work import WorkCrashed, WorkFailed, WorkTimeout

API_PREFIXES = ("/v1/", "/healthz", "/openapi.json", "/docs", "/redoc", "/static-offline-docs")

ErrorPage = Callable[[Request, int, str], Response]


def wants_page(request: Request) -> bool:
    """Requests from the upload page get an HTML error page; API clients get JSON."""
    return not request.url.path.startswith(API_PREFIXES)


@dataclass(frozen=True)
class Answers:
    """Builds error responses in the form the client expects."""

    settings: Settings
    error_page: ErrorPage

    def answer(self, request: Request, status: int, message: str) -> Response:
        if wants_page(request):
            return self.error_page(request, status, message)
        return JSONResponse({"detail": message}, status_code=status)

    def too_large(self, request: Request) -> Response:
        return self.answer(request, 413, "the upload is larger than this service accepts "
                                         f"({self.settings.max_upload_label})")


def install(app: FastAPI, answers: Answers) -> None:
    """Register the handlers that turn the service's failures into answers."""

    async def on_input(request: Request, exc: EiaRulesError) -> Response:
        return answers.answer(request, 422, str(exc))

    async def on_timeout(request: Request, exc: WorkTimeout) -> Response:
        return answers.answer(request, 504, str(exc))

    async def on_crash(request: Request, exc: WorkCrashed) -> Response:
        return answers.answer(request, 500, str(exc))

    async def on_failed(request: Request, exc: WorkFailed) -> Response:
        return answers.answer(request, 500, str(exc))

    async def on_anything(request: Request, exc: Exception) -> Response:
        return answers.answer(request, 500, f"unexpected error ({type(exc).__name__}); the service carries on, "
                                            "but please report what you sent to the operator")

    async def on_http(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 413:
            return answers.too_large(request)
        if wants_page(request) and exc.status_code >= 400 and isinstance(exc.detail, str):
            return answers.error_page(request, exc.status_code, exc.detail)
        return await http_exception_handler(request, exc)

    app.add_exception_handler(EiaRulesError, on_input)  # type: ignore[arg-type]
    app.add_exception_handler(WorkTimeout, on_timeout)  # type: ignore[arg-type]
    app.add_exception_handler(WorkCrashed, on_crash)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, on_http)  # type: ignore[arg-type]
    app.add_exception_handler(WorkFailed, on_failed)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, on_anything)  # type: ignore[arg-type]
