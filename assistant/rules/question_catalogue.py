"""Question texts and priorities (LEGAL_RULES.md §10.2) from ``data/questions.toml``, keyed by
fact-path template, with the answers to try when ranking how much an answer would change."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from assistant.facts import Case
from assistant.rules.dates import legal_data

__all__ = ["QuestionSpec", "question_specs", "spec_for"]

Probe = Callable[[Case, date], list[Any]]


@dataclass(frozen=True)
class QuestionSpec:
    """One question: ID, priority (1 = first), text, and probe answers for the ranking."""

    code: str
    priority: int
    text: str
    probe: Probe


def _bools(case: Case, as_of: date) -> list[Any]:
    return [True, False]


def _incident_dates(case: Case, as_of: date) -> list[Any]:
    """The analysis date, and the day before the first date from which a duty regime applies.

    Two answers bracket every threshold at once: each finding that depends on the incident
    date changes under one of them (a cheap stand-in for probing every threshold).
    """
    data = legal_data()
    version = data.act_version_at("AI_ACT", as_of)
    floor = case.product.market_date or date.min
    days = []
    for name in (
        "AI_ACT_GENERAL",
        "AI_ACT_HIGH_RISK_ANNEX_III",
        "AI_ACT_HIGH_RISK_ANNEX_I",
        "CRA_REPORTING",
        "CRA_MAIN",
        "AI_ACT_GPAI",
    ):
        ld = data.date(name, version)
        if ld is not None and floor <= ld.day - timedelta(days=1) <= as_of:
            days.append(ld.day - timedelta(days=1))
    return [as_of, min(days)] if days else [as_of]


def _aware(case: Case, as_of: date) -> list[Any]:
    """The earliest plausible awareness: the incident (a person cannot know of harm earlier)."""
    return [case.incident.date or as_of]


def _contracts(case: Case, as_of: date) -> list[Any]:
    """No contract, or one between the first non-victim actor and the injured person."""
    first = next((a.name for a in case.actors if a.name != case.claimant.name), None)
    return [[], [{"parties": [first, "claimant"]}]] if first else [[]]


_NAMED: dict[str, Probe] = {
    "bools": _bools,
    "incident_dates": _incident_dates,
    "aware": _aware,
    "contracts": _contracts,
}


def _around(names: list[str]) -> Probe:
    """Days either side of legal dates, not later than the incident or the analysis date."""

    def probe(case: Case, as_of: date) -> list[Any]:
        data, cap = legal_data(), min(case.incident.date or as_of, as_of)
        out: list[date] = []
        for name in names:
            ld = data.date(name, data.act_version_at("AI_ACT", cap))
            if ld is not None:
                out += [
                    d for d in (ld.day - timedelta(days=1), ld.day + timedelta(days=1)) if d <= cap
                ]
        return list(dict.fromkeys(out)) or [cap]

    return probe


def _values(values: list[Any]) -> Probe:
    return lambda case, as_of: list(values)


@lru_cache(maxsize=1)
def question_specs() -> dict[str, QuestionSpec]:
    """All question specs by fact-path template (the data file, parsed once)."""
    text = resources.files("assistant.rules").joinpath("data", "questions.toml").read_text("utf-8")
    out: dict[str, QuestionSpec] = {}
    texts: dict[str, str] = {}
    for template, raw in tomllib.loads(text)["questions"].items():
        if "values" in raw:
            probe = _values(raw["values"])
        elif "around" in raw:
            probe = _around(raw["around"])
        else:
            probe = _NAMED[raw["probe"]]
        if raw.get("text"):
            texts.setdefault(raw["code"], raw["text"])
        out[template] = QuestionSpec(raw["code"], int(raw["priority"]), raw.get("text", ""), probe)
    # several facts can share one question (e.g. the Q_MODIFICATION facts): one text per code
    return {
        t: QuestionSpec(s.code, s.priority, s.text or texts[s.code], s.probe)
        for t, s in out.items()
    }


def spec_for(template: str) -> QuestionSpec | None:
    """The question for a fact-path template, if any."""
    return question_specs().get(template)
