"""Labels derived from the source: what the document truly contains, by the corpus decision rules.

Rules (as in the real-excerpt set): `assessed` = judgement with reasons or evidence, `asserted` =
judgement with no reason, `listed` = only named, `absent` = not mentioned. Free-text blocks carry
explicit `tags` written with the text; table rows derive their status from judgement and reason.
A block that claims engagement without being an `engagement` block (a ticked 'Yes' box) carries
`tags: {engagement: {vague: true}}`.
"""
from __future__ import annotations

from typing import Any

from eia_rules.model.record import CHARACTERISTICS

from .content import TOPICS, WAYS, check_row, row_statuses, stronger
from .rule_codes import expected_rules
from .source import Source, block_type

CONSULTATION_FLAGS: tuple[str, ...] = ("who", "when_or_duration", "responses_considered", "changes_made")
_ENGAGEMENT_KEYS: dict[str, str] = {
    "who": "who", "when_or_duration": "when", "responses_considered": "responses_considered",
    "changes_made": "changes_made",
}


def _apply_tags(tags: dict[str, Any], pc: dict[str, str], ways: dict[str, str], topics: dict[str, str], where: str) -> None:
    for key, value in tags.items():
        if key == "pc":
            for char, status in value.items():
                if char not in pc:
                    raise ValueError(f"{where}: unknown characteristic {char!r}")
                pc[char] = stronger("pc", pc[char], status)
        elif key == "wow":
            for way, status in value.items():
                if way not in ways:
                    raise ValueError(f"{where}: unknown way of working {way!r}")
                ways[way] = stronger("way", ways[way], status)
        elif key in ("engagement", "wellbeing_goals"):
            continue
        elif key in topics:
            topics[key] = stronger("topic", topics[key], value)
        else:
            raise ValueError(f"{where}: unknown tag {key!r}")


def _consultation(events: list[dict[str, Any]]) -> dict[str, bool]:
    out = {"present": bool(events)}
    for flag, key in _ENGAGEMENT_KEYS.items():
        out[flag] = any(bool(e.get(key)) for e in events)
    out["vague"] = bool(events) and all(bool(e.get("vague")) for e in events)
    return out


def derive(source: Source) -> dict[str, Any]:
    """The expected-labels object for one source."""
    pc = {c: "absent" for c in CHARACTERISTICS}
    ways = {w: "absent" for w in WAYS}
    topics = {t: "absent" for t in TOPICS}
    events: list[dict[str, Any]] = []
    goals = "absent"
    for i, block in enumerate(source.blocks):
        where = f"{source.name} block {i + 1}"
        kind = block_type(block)
        if kind in ("pc_table", "pc_sections"):
            for row in block[kind]["rows"]:
                check_row(row, where)
                for char, status in row_statuses(row).items():
                    pc[char] = stronger("pc", pc[char], status)
        if kind == "engagement":
            events.append(block)
        if "engagement" in block.get("tags", {}):
            events.append(block["tags"]["engagement"])
        goals = stronger("topic", goals, block.get("tags", {}).get("wellbeing_goals", "absent"))
        _apply_tags(block.get("tags", {}), pc, ways, topics, where)
    labels = {
        "document": source.document,
        "family": source.family,
        "format": source.format,
        "language": source.language,
        "quality": source.quality,
        "pc": pc,
        "socio_economic": topics["socio_economic"],
        "ways_of_working": ways,
        "wellbeing_goals": goals,
        "strategic": source.meta.get("is_strategic", "unknown"),
        "sets_wellbeing_objectives": source.meta.get("sets_wellbeing_objectives", "no") == "yes",
        "consultation": _consultation(events),
        "welsh_language": topics["welsh_language"],
        "childrens_rights": topics["childrens_rights"],
        "mitigation": topics["mitigation"],
        "monitoring": topics["monitoring"],
        "rules": {},
        "notes": source.notes,
    }
    labels["rules"] = expected_rules(labels, source.rules)
    return labels
