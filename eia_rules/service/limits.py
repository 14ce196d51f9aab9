"""The request size limit, enforced on Content-Length before reading and on bytes as they arrive.

Starlette's own body limit answers with a bare plain-text 413 whatever the client is; this one
answers like every other error here (JSON for the API, a page for people) and says what the
limit is. A client that understates or omits Content-Length is still stopped once the bytes it
sends pass the limit, before the body is parsed.
"""
from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LimitFor = Callable[[str], int]


class TooLarge(HTTPException):
    """Raised from `receive` when the body passes the limit; the app's 413 handler answers."""

    def __init__(self) -> None:
        super().__init__(status_code=413, detail="request body too large")


class BodySizeLimit:
    """ASGI middleware: 413 for bodies larger than `limit_for(path)` bytes."""

    def __init__(self, app: ASGIApp, limit_for: LimitFor, answer: Callable[[Request], Response]) -> None:
        self.app = app
        self.limit_for = limit_for
        self.answer = answer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await self.answer(Request(scope))(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise TooLarge
            return message

        await self.app(scope, counted, send)
