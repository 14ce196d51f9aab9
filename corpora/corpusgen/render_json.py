"""JSON renderer: the record a forms system would export, built and validated as an `IIARecord`."""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from eia_rules.model.record import (
    TOPIC_FLAGS,
    CharacteristicAssessment,
    EngagementEvent,
    EvidenceSource,
    IIARecord,
    Metadata,
    Mitigation,
    Monitoring,
    SourceInfo,
    Topic,
    WayOfWorking,
)

from .content import TOPICS, paragraphs, row_statuses, stronger
from .labels import derive
from .source import Source, block_type

_META_FIELDS = ("title", "organisation", "service_area", "author", "version", "approver", "decision_maker", "outcome",
                "proposal_type")
_DATE_FIELDS = ("assessment_date", "approval_date", "decision_date")


def block_text(block: dict[str, Any]) -> str:
    """The plain text of a free-text block, as a forms system would store the answer."""
    kind = block_type(block)
    value = block[kind]
    if kind in ("p", "engagement", "bullets", "h1", "h2", "h3"):
        return " ".join(paragraphs(value))
    if kind == "table":
        return " ".join(" ".join(map(str, r)) for r in value["rows"])
    if kind == "fields":
        return " ".join(f"{k}: {v}" for k, v in value)
    return ""


def _characteristics(source: Source, labels: dict[str, Any]) -> dict[str, CharacteristicAssessment]:
    out = {c: CharacteristicAssessment(status=s) for c, s in labels["pc"].items()}
    best = {c: "absent" for c in out}
    for block in source.blocks:
        kind = block_type(block)
        if kind not in ("pc_table", "pc_sections"):
            continue
        for row in block[kind]["rows"]:
            for char, status in row_statuses(row).items():
                if stronger("pc", best[char], status) == best[char] and best[char] != "absent":
                    continue
                best[char] = status
                imp = row.get("impact", "")
                out[char] = CharacteristicAssessment(
                    status=labels["pc"][char], impact={"na": "none", "": None}.get(imp, imp),
                    reasons=str(row.get("reason", "")) if status == "assessed" else "",
                    mitigation=str(row.get("mitigation", "")),
                    non_assessment=imp in ("na", "none") and not str(row.get("reason", "")).strip(),
                    grouped_with=[c for c in row["chars"] if c != char],
                )
    return out


def _first_text(source: Source, tag: str, key: str | None = None) -> str:
    for block in source.blocks:
        tags = block.get("tags", {})
        if tag in tags and (key is None or key in tags[tag]):
            return block_text(block)
    return ""


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _topic_flags(source: Source, topic: str) -> dict[str, bool]:
    """Flags a forms system stores as answers: the `flags` listed on the blocks tagged with the topic."""
    named = {f for b in source.blocks if topic in b.get("tags", {}) for f in b.get("flags", [])}
    unknown = named - set(TOPIC_FLAGS.get(topic, ()))
    if unknown:
        raise ValueError(f"{source.name}: unknown {topic} flags {sorted(unknown)}")
    return {f: f in named for f in TOPIC_FLAGS.get(topic, ())}


def _event(block: dict[str, Any]) -> EngagementEvent:
    start, end = _date(block.get("start")), _date(block.get("end"))
    return EngagementEvent(
        text=block_text(block), who=list(block.get("who_names", [])), represents=list(block.get("represents", [])),
        methods=list(block.get("methods", [])), start=start, end=end,
        duration_days=(end - start).days if start and end else None,
        responses=block.get("responses"), responses_considered=bool(block.get("responses_considered")),
        changes_made=str(block.get("changes", "")), vague=bool(block.get("vague")))


def build_record(source: Source) -> IIARecord:
    """The `IIARecord` for a json-family source, with statuses equal to its labels."""
    labels = derive(source)
    meta = source.meta
    metadata = Metadata(
        **{k: meta[k] for k in _META_FIELDS if k in meta}, **{k: _date(meta.get(k)) for k in _DATE_FIELDS},
        language=source.language,
        is_strategic={"yes": True, "no": False}.get(meta.get("is_strategic", ""), None),
    )
    topics = {t: Topic(status=labels[t], text=_first_text(source, t), flags=_topic_flags(source, t))
              for t in TOPICS if t not in ("mitigation", "monitoring")}
    events = [_event(b) for b in source.blocks if block_type(b) == "engagement"]
    mitigations = [Mitigation(text=block_text(b)) for b in source.blocks
                   if b.get("tags", {}).get("mitigation") == "addressed"]
    record = IIARecord(
        source=SourceInfo(path=source.document, format="json"),
        metadata=metadata,
        characteristics=_characteristics(source, labels),
        socio_economic=topics["socio_economic"], welsh_language=topics["welsh_language"],
        childrens_rights=topics["childrens_rights"],
        ways_of_working={w: WayOfWorking(status=s, text=_first_text(source, "wow", w))
                         for w, s in labels["ways_of_working"].items()},
        engagement=events, mitigations=mitigations,
        evidence=[EvidenceSource(**item) for item in source.evidence],
        monitoring=Monitoring(status=labels["monitoring"], text=_first_text(source, "monitoring"),
                              review_date=_date(meta.get("review_date")), owner=meta.get("monitoring_owner", "")),
    )
    return record


def render_json(source: Source, elements: object = None) -> bytes:
    """Serialise and re-validate, so a record that the model would reject is never written."""
    text = json.dumps(build_record(source).model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    IIARecord.model_validate_json(text)
    return text.encode("utf-8")
