"""The pipeline's report JSON as the scorer sees it (VOCABULARY.md §Report JSON).

Parsing is deliberately forgiving: a report with a missing or malformed field is still scored on
everything else, and each problem is recorded (``Prediction.problems``) so the eval report shows
where the pipeline strays from the vocabulary instead of crashing on it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.vocabulary import (
    ActCode,
    PublicStatus,
    Role,
    find_ids,
    normalise_harm,
    normalise_role,
)

__all__ = ["PredictedActor", "PredictedFinding", "Prediction", "parse_prediction", "prose_ids"]

_PUBLIC = frozenset(s.value for s in PublicStatus)
# Internal scope statuses a pipeline might leak, read the way VOCABULARY.md maps them.
_INTERNAL_TO_PUBLIC = {"applies": "likely", "unknown": "possible"}


@dataclass(frozen=True)
class PredictedActor:
    """An actor named by the report, with the roles that are in the vocabulary."""

    name: str
    roles: frozenset[Role]


@dataclass(frozen=True)
class PredictedFinding:
    """One regime x actor finding (status is the public status, lower-cased)."""

    regime: str
    actor: str
    status: str
    provisions: tuple[str, ...]
    reasons: tuple[str, ...] = ()


@dataclass
class Prediction:
    """What the scorer reads from a report."""

    actors: list[PredictedActor] = field(default_factory=list)
    ai_act_risk: str | None = None
    harms: frozenset[str] = frozenset()
    findings: list[PredictedFinding] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    analysis_markdown: str = ""
    problems: list[str] = field(default_factory=list)

    def all_cited_ids(self) -> list[str]:
        """Every ID the report cites: ``citations``, finding provisions, IDs in the prose."""
        seen: dict[str, None] = {}
        for cid in self.citations:
            seen.setdefault(cid, None)
        for finding in self.findings:
            for cid in finding.provisions:
                seen.setdefault(cid, None)
        for cid in prose_ids(self.analysis_markdown):
            seen.setdefault(cid, None)
        return list(seen)

    def text(self) -> str:
        """All prose of the report (analysis, finding reasons, questions) for text checks."""
        parts = [self.analysis_markdown]
        for finding in self.findings:
            parts.extend(finding.reasons)
        parts.extend(self.questions)
        return "\n".join(p for p in parts if p)


_BEFORE_ACT_CODE = re.compile(
    r"(?<=\S) (?=(?:" + "|".join(sorted((a.value for a in ActCode), key=len)[::-1]) + r")\b)"
)


def prose_ids(text: str) -> list[str]:
    """Citation IDs in prose via ``find_ids``, without run-on national labels.

    ``find_ids`` lets a NATIONAL label run on over a following ID whose act code contains a digit
    ("NATIONAL DE BGB §823(1) PLD_2024 Art 8" becomes one ID). A separator is put before every
    act code first, so both IDs are found and neither is wrongly counted as unresolvable.
    """
    return find_ids(_BEFORE_ACT_CODE.sub("; ", text))


def _str_list(value: Any, what: str, problems: list[str]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        problems.append(f"{what} should be a list, got {type(value).__name__}")
        return []
    return [str(v).strip() for v in value if v is not None and str(v).strip()]


def _actors(raw: Any, problems: list[str]) -> list[PredictedActor]:
    out: list[PredictedActor] = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, Mapping) or not str(item.get("name") or "").strip():
            problems.append(f"actor without a name: {item!r:.80}")
            continue
        roles: set[Role] = set()
        for role in _str_list(item.get("roles"), "actor roles", problems):
            try:
                roles.update(normalise_role(role))
            except ValueError:
                problems.append(f"role {role!r} of {item['name']!r} is not in the vocabulary")
        out.append(PredictedActor(str(item["name"]).strip(), frozenset(roles)))
    return out


def _findings(raw: Any, problems: list[str]) -> list[PredictedFinding]:
    out: list[PredictedFinding] = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, Mapping):
            problems.append(f"finding is not an object: {item!r:.80}")
            continue
        regime = str(item.get("regime") or "").strip()
        status = str(item.get("status") or "").strip().lower()
        if not regime or not status:
            problems.append(f"finding without regime or status: {dict(item)!r:.100}")
            continue
        if status not in _PUBLIC:
            mapped = _INTERNAL_TO_PUBLIC.get(status)
            problems.append(
                f"finding {regime}/{item.get('actor')!s}: status {status!r} is not a public status"
                + (f" (read as {mapped!r})" if mapped else " (ignored)")
            )
            if mapped is None:
                continue
            status = mapped
        out.append(
            PredictedFinding(
                regime=regime,
                actor=str(item.get("actor") or "").strip(),
                status=status,
                provisions=tuple(_str_list(item.get("provisions"), "finding provisions", problems)),
                reasons=tuple(_str_list(item.get("reasons"), "finding reasons", problems)),
            )
        )
    return out


def _questions(raw: Any, problems: list[str]) -> list[str]:
    out: list[str] = []
    for item in raw if isinstance(raw, list) else []:
        text = item.get("text") if isinstance(item, Mapping) else item
        if isinstance(text, str) and text.strip():
            out.append(text.strip())
        else:
            problems.append(f"question without text: {item!r:.80}")
    return out


def parse_prediction(raw: Mapping[str, Any]) -> Prediction:
    """Read a report JSON object into a ``Prediction``, recording every deviation."""
    problems: list[str] = []
    for key in ("actors", "findings", "citations", "questions"):
        if key in raw and raw[key] is not None and not isinstance(raw[key], list):
            problems.append(f"{key} should be a list")
    harms: set[str] = set()
    for harm in _str_list(raw.get("harms"), "harms", problems):
        try:
            harms.add(normalise_harm(harm).value)
        except ValueError:
            problems.append(f"harm {harm!r} is not in the vocabulary")
    risk = raw.get("ai_act_risk")
    analysis = raw.get("analysis_markdown")
    return Prediction(
        actors=_actors(raw.get("actors"), problems),
        ai_act_risk=str(risk).strip().lower() if risk else None,
        harms=frozenset(harms),
        findings=_findings(raw.get("findings"), problems),
        citations=_str_list(raw.get("citations"), "citations", problems),
        questions=_questions(raw.get("questions"), problems),
        analysis_markdown=analysis if isinstance(analysis, str) else "",
        problems=problems,
    )
