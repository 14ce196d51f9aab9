"""Errors a user can act on. Each names the file (or rule file) and the problem in one line."""
from __future__ import annotations


class EiaRulesError(Exception):
    """Base for errors shown to users as one line, never as a traceback."""


class InputError(EiaRulesError):
    """A document could not be read: corrupt, empty, encrypted, unsupported, too large..."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self):  # so it crosses from a worker process intact (args hold the joined message)
        return (type(self), (self.path, self.problem))


class RuleError(EiaRulesError):
    """A rule file is invalid. The message names the file, line, rule id and field."""


class ConfigError(EiaRulesError):
    """A configuration file is invalid. The message names the file, key and allowed values."""
