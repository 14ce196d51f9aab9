"""Errors a user can act on. Each names the file (or rule file) and the problem in one line."""
from __future__ import annotations

import os


def safe_name(name: str) -> str:
    """A file name that can be printed and stored: bytes that were not UTF-8 (kept by Python as
    lone surrogates) become '\\xNN', and control characters are escaped, so a name never breaks
    an output stream or a database and never moves the terminal's cursor."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = os.fsencode(name).decode("utf-8", errors="backslashreplace")
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


class EiaRulesError(Exception):
    """Base for errors shown to users as one line, never as a traceback."""


class InputError(EiaRulesError):
    """A document could not be read: corrupt, empty, encrypted, unsupported, too large..."""

    def __init__(self, path: str, problem: str) -> None:
        path = safe_name(str(path))
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self):  # so it crosses from a worker process intact (args hold the joined message)
        return (type(self), (self.path, self.problem))


class RuleError(EiaRulesError):
    """A rule file is invalid. The message names the file, line, rule id and field."""


class ConfigError(EiaRulesError):
    """A configuration file is invalid. The message names the file, key and allowed values."""
