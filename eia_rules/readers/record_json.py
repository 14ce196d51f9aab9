"""Read an IIA record supplied as JSON (e.g. exported from a forms system).

The record is checked against the JSON Schema generated from `IIARecord` before pydantic
sees it, because jsonschema reports *every* invalid field with its path, so a forms team can
fix an export in one pass instead of one error at a time.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from pydantic import ValidationError as PydanticError

from ..errors import InputError, safe_name
from .guards import check_json_depth
from ..model.record import IIARecord, SourceInfo
from .limits import DEFAULT_LIMITS, Limits, breach, corrupt, load
from .sniff import decode_text

_MAX_LISTED = 50


@lru_cache(maxsize=1)
def record_validator() -> Draft202012Validator:
    """The validator for the current IIARecord schema (built once; the schema is static)."""
    schema = IIARecord.model_json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _json_path(error: ValidationError) -> str:
    parts: list[str] = []
    for part in error.absolute_path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts) or "(top level)"


def _message(error: ValidationError) -> str:
    """The error in words; for an optional field (anyOf X or null) say what X wanted."""
    if not error.context:
        return error.message
    specific = [e for e in error.context if e.validator != "type"]
    if specific:
        return best_match(specific).message
    wanted = [repr(e.validator_value) for e in error.context]
    return f"{error.instance!r} is not of type {' or '.join(wanted)}"


def _problems(document: Any) -> list[str]:
    errors = sorted(record_validator().iter_errors(document),
                    key=lambda e: ([str(p) for p in e.absolute_path], e.message))
    return [_shorten(f"{_json_path(e)}: {_message(e)}") for e in errors]


def _shorten(text: str, most: int = 300) -> str:
    """One problem in at most `most` characters: a record with 100,000 unknown keys must not
    produce a message of megabytes."""
    return text if len(text) <= most else text[: most - 3] + "..."


def read_record(path: str | os.PathLike[str], data: bytes | None = None, *,
                limits: Limits = DEFAULT_LIMITS) -> IIARecord:
    """Parse, validate and return the record; InputError lists every invalid field."""
    name = safe_name(str(path))
    data = load(path, data, limits)
    if not data.strip():
        raise InputError(name, "the file is empty")
    check_json_depth(name, data, limits.max_depth)
    text = decode_text(data)
    if len(text) > limits.max_chars:
        raise breach(name, "the record is too long", f"{len(text):,} characters", f"{limits.max_chars:,}", "max_chars")
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise corrupt(name, "JSON", exc) from None
    if not isinstance(document, dict):
        raise InputError(name, f"an IIA record must be a JSON object, not a {type(document).__name__}")
    problems = _problems(document)
    if problems:
        shown = problems[:_MAX_LISTED]
        more = f"; and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        raise InputError(name, f"the record has {len(problems)} invalid field(s): " + "; ".join(shown) + more)
    try:
        record = IIARecord.model_validate(document)
    except PydanticError as exc:  # the schema and the model should agree; report it plainly if not
        details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InputError(name, f"the record is invalid: {details}") from None
    record.source = SourceInfo(path=name, format="json", sha256=hashlib.sha256(data).hexdigest())
    return record
