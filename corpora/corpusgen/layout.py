"""Blocks -> a few layout primitives (heading, paragraph, list, table) every format can draw.

Keeping one translation from the structured blocks to what a reader sees means a characteristic
row looks the same in a .docx, a PDF or an HTML page; only the drawing differs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .content import check_row, impact_label, paragraphs, row_label, ui_language
from .source import Source, block_type

TICKED, UNTICKED = "☒", "☐"


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...] | None
    rows: tuple[tuple[str, ...], ...]


Element = Heading | Para | Bullets | Table

_WORDS = {
    "en": {"char": "Characteristic", "pos": "Positive", "neg": "Negative", "neu": "Neutral", "na": "N/A",
           "reasons": "Reasons / evidence", "impact": "Impact", "mitigation": "Mitigation",
           "any": "Any impact?", "details": "Details", "yes": "Yes", "no": "No",
           "impact_is": "Impact", "mit_is": "Mitigation"},
    "cy": {"char": "Nodwedd", "pos": "Cadarnhaol", "neg": "Negyddol", "neu": "Niwtral", "na": "Amh.",
           "reasons": "Rhesymau / tystiolaeth", "impact": "Effaith", "mitigation": "Lliniaru",
           "any": "Unrhyw effaith?", "details": "Manylion", "yes": "Ydy", "no": "Nac ydy",
           "impact_is": "Effaith", "mit_is": "Lliniaru"},
}


def _tick(flag: bool) -> str:
    return TICKED if flag else UNTICKED


def _ticks_table(spec: dict[str, Any], language: str) -> Table:
    w = _WORDS[ui_language(language)]
    na_col = bool(spec.get("na_column"))
    header = [w["char"], w["pos"], w["neg"], w["neu"]] + ([w["na"]] if na_col else []) + [w["reasons"]]
    rows = []
    for row in spec["rows"]:
        imp = row.get("impact", "")
        cells = [row_label(row, language), _tick(imp in ("positive", "mixed")), _tick(imp in ("negative", "mixed")),
                 _tick(imp in ("neutral", "none"))]
        reason = str(row.get("reason", ""))
        if na_col:
            cells.append(_tick(imp == "na"))
        elif imp == "na":
            reason = (w["na"] + " " + reason).strip()
        rows.append(tuple(cells + [reason]))
    return Table(tuple(spec.get("header", header)), tuple(rows))


def _judgement_table(spec: dict[str, Any], language: str) -> Table:
    w = _WORDS[ui_language(language)]
    with_mit = spec.get("mitigation_column", any(r.get("mitigation") for r in spec["rows"]))
    header = [w["char"], w["impact"], w["reasons"]] + ([w["mitigation"]] if with_mit else [])
    rows = []
    for row in spec["rows"]:
        cells = [row_label(row, language), impact_label(row, language), str(row.get("reason", ""))]
        if with_mit:
            cells.append(str(row.get("mitigation", "")))
        rows.append(tuple(cells))
    return Table(tuple(spec.get("header", header)), tuple(rows))


def _yesno_table(spec: dict[str, Any], language: str) -> Table:
    w = _WORDS[ui_language(language)]
    answer = {"positive": w["yes"], "negative": w["yes"], "mixed": w["yes"], "neutral": w["no"], "none": w["no"],
              "na": w["na"], "": ""}
    header = [w["char"], w["any"], w["details"]]
    rows = tuple((row_label(r, language), answer[r.get("impact", "")], str(r.get("reason", ""))) for r in spec["rows"])
    return Table(tuple(spec.get("header", header)), rows)


_PC_TABLES = {"ticks": _ticks_table, "judgement": _judgement_table, "yesno": _yesno_table}


def _pc_sections(spec: dict[str, Any], language: str) -> list[Element]:
    w = _WORDS[ui_language(language)]
    out: list[Element] = []
    for row in spec["rows"]:
        out.append(Heading(int(spec.get("level", 3)), row_label(row, language)))
        text = str(row.get("reason", ""))
        if row.get("impact"):
            text = f"{w['impact_is']}: {impact_label(row, language)}. {text}".strip()
        if text:
            out.append(Para(text))
        if row.get("mitigation"):
            out.append(Para(f"{w['mit_is']}: {row['mitigation']}"))
    return out


def layout(source: Source) -> list[Element]:
    """The document as a reader would see it, title first (none when `meta.title` is empty, as in
    notes pasted from a case system that start with their first sentence)."""
    title = source.meta.get("title", source.name)
    out: list[Element] = [Heading(0, title)] if title else []
    for i, block in enumerate(source.blocks):
        kind = block_type(block)
        value = block[kind]
        if kind in ("h1", "h2", "h3"):
            out.append(Heading(int(kind[1]), str(value)))
        elif kind in ("p", "engagement"):
            out.extend(Para(t) for t in paragraphs(value))
        elif kind == "bullets":
            out.append(Bullets(tuple(str(v) for v in value)))
        elif kind == "table":
            header = tuple(str(h) for h in value["header"]) if value.get("header") else None
            out.append(Table(header, tuple(tuple(str(c) for c in r) for r in value["rows"])))
        elif kind == "fields":
            if any(len(pair) != 2 for pair in value):
                raise ValueError(f"{source.name} block {i + 1}: each field is [label, value] (quote values with commas)")
            out.append(Table(None, tuple((str(k), str(v)) for k, v in value)))
        elif kind == "ticks":
            opts = "   ".join(f"{_tick(o in value.get('checked', []))} {o}" for o in value["options"])
            out.append(Table(None, ((str(value["question"]), opts),)))
        elif kind in ("pc_table", "pc_sections"):
            for row in value["rows"]:
                check_row(row, f"{source.name} block {i + 1}")
            if kind == "pc_sections":
                out.extend(_pc_sections(value, source.language))
            else:
                out.append(_PC_TABLES[value.get("style", "judgement")](value, source.language))
    return out
