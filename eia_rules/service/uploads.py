"""Reading what a client sent: a multipart file upload, or a JSON record as the body.

Both become an `Upload` (bare file name + bytes) so one road serves them: a JSON body is read
by the same JSON record reader as a `.json` file, with the same field-by-field messages.
"""
from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

from .work import Upload, upload_name

FIELD = "file"
JSON_BODY_NAME = "record.json"

# For the OpenAPI description of endpoints that take either kind of body.
REQUEST_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object", "required": [FIELD],
                "properties": {FIELD: {"type": "string", "format": "binary",
                                       "description": ".docx, .pdf, .html, .md, .txt or .json record"}},
            },
        },
        "application/json": {"schema": {"$ref": "#/components/schemas/IIARecord"}},
    },
}


class UploadProblem(HTTPException):
    """The request carried no readable document (422, with a message saying what to send)."""

    def __init__(self, message: str) -> None:
        super().__init__(status_code=422, detail=message)


async def read_upload(request: Request, *, allow_json: bool = True) -> Upload:
    """The document in `request`: the multipart field `file`, or (if allowed) a JSON body."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if allow_json and content_type in ("application/json", "text/json"):
        return Upload(JSON_BODY_NAME, await request.body())
    if content_type != "multipart/form-data":
        wanted = "a multipart/form-data upload with a 'file' field" + (
            " or a JSON record (application/json)" if allow_json else "")
        raise UploadProblem(f"expected {wanted}, not '{content_type or 'no content type'}'")
    try:
        form = await request.form()
    except HTTPException as exc:
        if exc.status_code == 413:
            raise
        raise UploadProblem(f"the upload could not be read as a form: {exc.detail}") from exc
    item = form.get(FIELD)
    if not isinstance(item, UploadFile):
        raise UploadProblem(f"no file was uploaded: send the document in a form field named '{FIELD}'")
    try:
        return Upload(upload_name(item.filename), await item.read())
    finally:
        await item.close()
