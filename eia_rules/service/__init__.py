"""The HTTP service: the same checks as the CLI, over HTTP and through an upload page.

Forms systems post records or documents to `/v1/...` and get JSON (or SARIF, JUnit, CSV)
back; officers without the CLI use the upload page at `/`. The service is stateless: uploads
are checked in memory, and the only files written (for the annotated Word copy) live in a
temporary folder deleted before the response is sent.

    from eia_rules.service import create_app
    app = create_app()          # or: eia-rules serve --port 8000
"""
from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
