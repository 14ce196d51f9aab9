"""Loading a YAML source: validation of its shape and expansion of shared fragments."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

FAMILIES: dict[str, str] = {
    "wg-html": "html", "la-docx": "docx", "hb-docx": "docx", "pdf": "pdf",
    "narrative-md": "md", "json": "json",
}
QUALITIES: tuple[str, ...] = ("thorough", "middling", "poor")
LANGUAGES: tuple[str, ...] = ("en", "cy", "bilingual")
BLOCK_TYPES: tuple[str, ...] = (
    "h1", "h2", "h3", "p", "bullets", "table", "fields", "ticks", "pc_table", "pc_sections", "engagement", "use",
)


class SourceError(ValueError):
    """A source file does not have the shape the renderers expect."""


@dataclass
class Source:
    """One assessment as written for the corpus."""

    path: Path
    name: str
    family: str
    format: str
    language: str
    quality: str
    meta: dict[str, str]
    blocks: list[dict[str, Any]]
    notes: str
    example: str = ""
    evidence: list[dict[str, Any]] = field(default_factory=list)
    rules: dict[str, list[str]] = field(default_factory=lambda: {"must_fire": [], "must_not_fire": []})

    @property
    def filename(self) -> str:
        return f"{self.name}.{self.format}"

    @property
    def document(self) -> str:
        """The path of the rendered document relative to `corpora/`."""
        return f"{self.family}/{self.filename}"


def _block_type(block: dict[str, Any], where: str) -> str:
    kinds = [k for k in block if k in BLOCK_TYPES]
    if len(kinds) != 1:
        raise SourceError(f"{where}: a block needs exactly one of {', '.join(BLOCK_TYPES)}; got {sorted(block)}")
    return kinds[0]


def block_type(block: dict[str, Any]) -> str:
    """The kind of a block (its one recognised key)."""
    return _block_type(block, "block")


def _substitute(value: Any, variables: dict[str, str]) -> Any:
    """Fill {title}-style placeholders in fragment text with the document's metadata."""
    if isinstance(value, str):
        for key, text in variables.items():
            value = value.replace("{" + key + "}", text)
        return value
    if isinstance(value, list):
        return [_substitute(v, variables) for v in value]
    if isinstance(value, dict):
        return {k: _substitute(v, variables) for k, v in value.items()}
    return value


def expand(blocks: list[dict[str, Any]], fragments: dict[str, list[dict[str, Any]]],
           variables: dict[str, str], where: str) -> list[dict[str, Any]]:
    """Replace `use: name` blocks by the named fragment, filled with the document's metadata."""
    out: list[dict[str, Any]] = []
    for i, block in enumerate(blocks):
        kind = _block_type(block, f"{where} block {i + 1}")
        if kind == "use":
            name = block["use"]
            if name not in fragments:
                raise SourceError(f"{where}: unknown fragment {name!r}")
            out.extend(expand(_substitute(fragments[name], variables), fragments, variables, f"fragment {name}"))
        else:
            out.append(block)
    return out


def load_fragments(src_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Shared boilerplate (form instructions, legislation preambles) kept once for all sources."""
    path = src_dir / "_fragments.yaml"
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def load_source(path: Path, fragments: dict[str, list[dict[str, Any]]]) -> Source:
    """Read and check one YAML source, expanding its fragments."""
    where = f"{path.parent.name}/{path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SourceError(f"{where}: not valid YAML: {exc}") from exc
    for key in ("language", "quality", "meta", "blocks", "notes"):
        if key not in data:
            raise SourceError(f"{where}: missing key {key!r}")
    family = path.parent.name
    if family not in FAMILIES or data.get("family", family) != family:
        raise SourceError(f"{where}: sources live in src/<family>/ with family one of {sorted(FAMILIES)}")
    fmt = data.get("format", FAMILIES[family])
    if data["quality"] not in QUALITIES or data["language"] not in LANGUAGES:
        raise SourceError(f"{where}: quality must be one of {QUALITIES} and language one of {LANGUAGES}")
    meta = {k: str(v) for k, v in data["meta"].items()}
    variables = {"title": meta.get("title", ""), "org": meta.get("organisation", "")}
    rules = data.get("rules") or {}
    return Source(
        path=path, name=path.stem, family=family, format=fmt, language=data["language"],
        quality=data["quality"], meta=meta, blocks=expand(data["blocks"], fragments, variables, where),
        notes=" ".join(str(data["notes"]).split()), example=data.get("example", ""),
        evidence=list(data.get("evidence", [])),
        rules={"must_fire": list(rules.get("must_fire", [])), "must_not_fire": list(rules.get("must_not_fire", []))},
    )


def load_all(src_dir: Path) -> list[Source]:
    """Every source under `src_dir`, sorted by name so output order is stable."""
    fragments = load_fragments(src_dir)
    return [load_source(p, fragments) for p in sorted(src_dir.glob("*/*.yaml")) if not p.name.startswith("_")]
