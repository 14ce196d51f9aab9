"""Challenge questions: for each recurring gap, the question a leader should put to the service.

The wording lives in questions.yaml, so policy officers can change it without touching code;
this module only counts, picks the services and documents to name, and fills placeholders.
Placeholders are replaced by name from a fixed set (no str.format attribute access).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..errors import ConfigError
from ..model.record import CHARACTERISTICS
from .data import Doc
from .metrics import pct

PLACEHOLDERS = frozenset({"count", "total", "share", "rule", "title", "services", "documents", "groups"})
_FIELD = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Wording:
    min_documents: int
    min_share: float
    max_rules: int
    default_finding: str
    families: dict[str, dict[str, str]]   # family -> {label, ask}
    rules: dict[str, dict[str, str]]      # rule id -> {finding}
    people: dict[str, str]

    def label(self, family: str) -> str:
        return self.families.get(family, {}).get("label") or family.replace("-", " ").capitalize()


def _check(text: str, where: str) -> str:
    unknown = set(_FIELD.findall(text)) - PLACEHOLDERS
    if unknown:
        raise ConfigError(f"questions.yaml {where}: unknown placeholder(s) {', '.join(sorted(unknown))}")
    return text


@cache
def wording() -> Wording:
    """The bundled wording, checked once: every placeholder must be one the report can fill."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("eia_rules.report").joinpath("questions.yaml").read_text("utf-8"))
    families = {k: {f: _check(str(v[f]), f"families.{k}.{f}") for f in ("label", "ask")}
                for k, v in raw["families"].items()}
    rules = {k: {"finding": _check(str(v["finding"]), f"rules.{k}")} for k, v in (raw.get("rules") or {}).items()}
    return Wording(int(raw["min_documents"]), float(raw["min_share"]), int(raw["max_rules_per_family"]),
                   _check(str(raw["default_finding"]), "default_finding"), families, rules,
                   {k: str(raw["people"][k]) for k in CHARACTERISTICS})


def fill(template: str, values: dict[str, str]) -> str:
    return _FIELD.sub(lambda m: values[m.group(1)], " ".join(template.split()))


def join_names(names: list[str], limit: int = 3) -> str:
    """'A', 'A and B', 'A, B and C', 'A, B, C and 2 more'."""
    if not names:
        return "these"
    shown, rest = names[:limit], len(names) - limit
    if rest > 0:
        return f"{', '.join(shown)} and {rest} more"
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def owners(docs: list[Doc]) -> list[str]:
    """Who the questions are put to: the services or directorates the documents name, most
    gaps first, then the rest counted ('66 other'); never a title or a folder name."""
    named = Counter(d.service or d.directorate for d in docs if d.service or d.directorate)
    names = [name for name, _ in named.most_common()]
    unnamed = len(docs) - sum(named.values())
    return names + [f"{unnamed} other"] if unnamed else names


@dataclass(frozen=True)
class RuleGap:
    rule_id: str
    title: str
    severity: str
    documents: list[Doc]
    sentence: str


@dataclass(frozen=True)
class Question:
    family: str
    label: str
    gaps: list[RuleGap]
    ask: str
    services: list[str]


def _least_assessed(docs: list[Doc], people: dict[str, str]) -> str:
    missing = Counter({k: sum(d.characteristics.get(k, "absent") != "assessed" for d in docs if d.characteristics)
                       for k in CHARACTERISTICS})
    top = [people[k] for k, n in missing.most_common(2) if n]
    return join_names(top) if top else "the people affected"


def challenge_questions(docs: list[Doc], rules: dict[str, Any], families: list[str],
                        words: Wording | None = None) -> list[Question]:
    """One question per family with a recurring gap, naming the services, documents and counts.

    `rules` maps rule id -> rule metadata (title, family, severity); `families` gives the order.
    """
    words = words or wording()
    ok = [d for d in docs if d.ok]
    total = len(ok)
    firing: dict[str, list[Doc]] = {}
    for doc in ok:
        for rule_id in {f.rule_id for f in doc.findings if f.active and f.severity in ("error", "warning")}:
            firing.setdefault(rule_id, []).append(doc)
    questions = []
    for family in families:
        recurring = [(rid, found) for rid, found in firing.items()
                     if rid in rules and rules[rid].family == family
                     and (len(found) >= words.min_documents or len(found) >= words.min_share * total)]
        if not recurring:
            continue
        recurring.sort(key=lambda item: (rules[item[0]].severity != "error", -len(item[1]), item[0]))
        gaps = [RuleGap(rid, rules[rid].title, rules[rid].severity, found,
                        fill(words.rules.get(rid, {}).get("finding", words.default_finding),
                             {"count": str(len(found)), "total": str(total), "share": pct(len(found) / total),
                              "rule": rid, "title": rules[rid].title}))
                for rid, found in recurring[:words.max_rules]]
        lead = gaps[0]
        services = owners(lead.documents)
        values = {"count": str(len(lead.documents)), "total": str(total),
                  "share": pct(len(lead.documents) / total), "rule": lead.rule_id, "title": lead.title,
                  "services": join_names(services), "documents": join_names([d.label for d in lead.documents]),
                  "groups": _least_assessed(lead.documents, words.people)}
        ask = fill(words.families.get(family, {}).get("ask", "What will the {services} services do about this?"),
                   values)
        questions.append(Question(family, words.label(family), gaps, ask, services))
    return questions
