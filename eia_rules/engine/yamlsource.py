"""Read YAML safely while remembering the line of every key and list item.

Rule errors must name the line a rule author has to fix. A `SafeLoader` subclass builds dicts
and lists that carry those lines, so schema and compiler errors can point at the exact field.
Duplicate keys are an error here because PyYAML would otherwise keep the last one silently.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml
from yaml.constructor import ConstructorError


class LineDict(dict):
    """A mapping from YAML with `line` (its own) and `lines` (per key)."""

    line: int = 0
    lines: dict[Any, int]


class LineList(list):
    """A sequence from YAML with `line` (its own) and `lines` (per item)."""

    line: int = 0
    lines: list[int]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings and sequences remember their source lines."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:  # type: ignore[override]
        self.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in result:
                raise ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            result[key] = self.construct_object(value_node, deep=True)
            result.lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:  # type: ignore[override]
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.lines = [child.start_mark.line + 1 for child in node.value]
        return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)


def parse_yaml(text: str) -> Any:
    """Parse one YAML document; raises `yaml.YAMLError` (with a mark) on bad input."""
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass


def line_of(data: Any, path: Sequence[Any]) -> int:
    """The line of the deepest element of `path` inside `data` that is known (0 if none)."""
    line = getattr(data, "line", 0)
    node = data
    for step in path:
        lines = getattr(node, "lines", None)
        try:
            if isinstance(node, LineDict) and lines is not None and step in lines:
                line = lines[step]
            elif isinstance(node, LineList) and lines is not None and isinstance(step, int) and step < len(lines):
                line = lines[step]
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return line


def plain(data: Any) -> Any:
    """The same data as ordinary dicts and lists (for pydantic and deep-merging)."""
    if isinstance(data, dict):
        return {k: plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    return data
