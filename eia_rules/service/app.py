"""Assemble the FastAPI application: limits, error answers, the API and the upload page."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from .. import __version__
from . import api, errors, pages
from .limits import BodySizeLimit
from .settings import Settings
from .work import Worker


def create_app(settings: Settings | None = None) -> FastAPI:
    """A ready-to-serve app. Settings default to the environment (see `Settings.from_env`)."""
    settings = settings or Settings.from_env()
    worker = Worker(settings.config, settings.timeout_seconds, settings.workers)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        worker.start()
        yield
        worker.shutdown()

    # /docs and /redoc with Swagger UI and ReDoc served from the package, not from a CDN.
    app = FastAPIOffline(
        title="eia-rules", version=__version__, lifespan=lifespan,
        description="Checks Welsh integrated impact assessments against the duties they must show. "
                    "Upload a document or post a JSON record; get findings with locations, legal "
                    "basis and how to fix each one.",
    )
    app.state.settings = settings
    app.state.worker = worker
    answers = errors.Answers(settings, pages.error_page)
    errors.install(app, answers)

    def limit_for(path: str) -> int:
        return pages.annotate_limit(settings) if path == pages.ANNOTATE_PATH else settings.max_upload_bytes

    app.add_middleware(BodySizeLimit, limit_for=limit_for, answer=answers.too_large)
    app.include_router(api.build_router(worker))
    app.include_router(pages.build_router(worker, settings))
    return app
