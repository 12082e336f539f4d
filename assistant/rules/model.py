"""What the rule core returns: findings with reasons, Mozilla steps, questions, notes."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field

from assistant.vocabulary import (
    LiabilityOutcome,
    PublicStatus,
    Regime,
    RiskLabel,
    ScopeStatus,
    public_status,
)

__all__ = [
    "Assessment",
    "Finding",
    "MissingFact",
    "Note",
    "ProvisionalStatuses",
    "Question",
    "Reason",
    "Statement",
    "Step",
]

_FROZEN = ConfigDict(frozen=True)


class Reason(BaseModel):
    """One condition that fired: LEGAL_RULES.md condition ID, our explanation, its provisions."""

    model_config = _FROZEN

    condition: str = Field(description='LEGAL_RULES.md condition ID, e.g. "S2", "T1", "HR5".')
    text: str
    provisions: list[str] = Field(default_factory=list)

    @property
    def provision(self) -> str | None:
        """The main provision the condition rests on."""
        return self.provisions[0] if self.provisions else None


class MissingFact(BaseModel):
    """A fact a finding waits for, with the condition and provisions that turn on it."""

    model_config = _FROZEN

    path: str
    condition: str
    provisions: list[str] = Field(default_factory=list)


class ProvisionalStatuses(BaseModel):
    """LEGAL_RULES.md §9.3: what the status would be if the missing fact were one way or the other."""

    model_config = _FROZEN

    fact: str
    if_true: ScopeStatus
    if_false: ScopeStatus
    if_true_means: str
    if_false_means: str


class Finding(BaseModel):
    """One regime x actor (x duty line) result."""

    model_config = _FROZEN

    regime: Regime
    actor: str
    line: str | None = Field(None, description='Duty line, e.g. "provider duties", "GPAI".')
    scope_status: ScopeStatus
    liability_outcome: LiabilityOutcome | None = None
    reasons: list[Reason] = Field(default_factory=list)
    provisions: list[str] = Field(default_factory=list)
    needs_facts: list[str] = Field(default_factory=list)
    missing: list[MissingFact] = Field(default_factory=list)
    provisional_statuses: ProvisionalStatuses | None = None
    step: int = Field(1, ge=1, le=3, description="Mozilla step the finding belongs to.")
    defence_candidates: list[Reason] = Field(default_factory=list)
    reduction_possible: bool = False

    @computed_field  # type: ignore[prop-decorator]
    @property
    def status(self) -> PublicStatus:
        """Public status (VOCABULARY.md table)."""
        return public_status(self.scope_status, self.liability_outcome)

    def key(self) -> tuple[str, str, str | None]:
        """(regime, actor, line): identifies the finding across evaluations."""
        return (self.regime.value, self.actor, self.line)


class Statement(BaseModel):
    """One statement of a Mozilla step (allocation rule, evidence hint ...)."""

    model_config = _FROZEN

    condition: str
    text: str
    provisions: list[str] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)


class Step(BaseModel):
    """One of the Mozilla report's three steps."""

    model_config = _FROZEN

    number: int = Field(ge=1, le=3)
    title: str
    statements: list[Statement] = Field(default_factory=list)


class Note(BaseModel):
    """A caveat for the output (check transposition, AILD withdrawn, boundary date ...)."""

    model_config = _FROZEN

    code: str
    text: str
    provisions: list[str] = Field(default_factory=list)


class Question(BaseModel):
    """A follow-up question for a missing fact, ranked by how much its answer would change."""

    model_config = _FROZEN

    id: str = Field(description='Question ID, e.g. "Q_MARKET_DATE" or "Q_GDPR_ROLE:ACME".')
    code: str
    text: str
    fact_paths: list[str]
    reason: str = Field(description="Why it matters: the findings its answer would change.")
    provisions: list[str] = Field(default_factory=list)
    priority: int = Field(description="LEGAL_RULES.md §10.2 priority (1 = ask first).")
    impact: int = Field(description="How many findings an answer would change.")
    actor: str | None = None


class Assessment(BaseModel):
    """Everything the rule core says about a case on an analysis date."""

    model_config = _FROZEN

    as_of: date
    jurisdiction: str | None = None
    ai_act_version: str = Field(description="AI Act text version applied (in force at the event).")
    actors: list[dict[str, Any]] = Field(default_factory=list)
    harms: list[str] = Field(default_factory=list)
    ai_act_risk: RiskLabel
    findings: list[Finding] = Field(default_factory=list)
    public: list[Finding] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)

    def public_findings(self, include_excluded: bool = True) -> list[Finding]:
        """One finding per (regime, actor) in the public vocabulary (duty lines merged)."""
        if include_excluded:
            return list(self.public)
        return [f for f in self.public if f.scope_status is not ScopeStatus.EXCLUDED]

    def finding(self, regime: Regime | str, actor: str, line: str | None = None) -> Finding | None:
        """The internal finding for (regime, actor, line); ``line=None`` gives the public row."""
        pool = self.public if line is None else self.findings
        for f in pool:
            if f.regime == regime and f.actor == actor and f.line == line:
                return f
        return None

    def citations(self) -> list[str]:
        """Every provision ID cited anywhere in the assessment, first occurrence order."""
        seen: dict[str, None] = {}
        for f in self.findings + self.public:
            for pid in f.provisions:
                seen.setdefault(pid, None)
            for r in f.reasons + f.defence_candidates:
                for pid in r.provisions:
                    seen.setdefault(pid, None)
        for step in self.steps:
            for s in step.statements:
                for pid in s.provisions:
                    seen.setdefault(pid, None)
        for q in self.questions:
            for pid in q.provisions:
                seen.setdefault(pid, None)
        for n in self.notes:
            for pid in n.provisions:
                seen.setdefault(pid, None)
        return list(seen)

    def to_report_dict(self) -> dict[str, Any]:
        """The report-JSON fields the rule core can fill (VOCABULARY.md §File formats)."""
        return {
            "as_of": self.as_of.isoformat(),
            "jurisdiction": self.jurisdiction,
            "actors": [dict(a) for a in self.actors],
            "ai_act_risk": self.ai_act_risk.value,
            "harms": list(self.harms),
            "findings": [
                {
                    "regime": f.regime.value,
                    "actor": f.actor,
                    "status": f.status.value,
                    "scope_status": f.scope_status.value,
                    "liability_outcome": f.liability_outcome.value if f.liability_outcome else None,
                    "provisions": list(f.provisions),
                    "reasons": [r.text for r in f.reasons],
                    "needs_facts": list(f.needs_facts),
                }
                for f in self.public
            ],
            "citations": self.citations(),
            "questions": [{"id": q.id, "text": q.text} for q in self.questions],
            "steps": [
                {
                    "number": s.number,
                    "title": s.title,
                    "statements": [
                        {"text": st.text, "provisions": list(st.provisions)} for st in s.statements
                    ],
                }
                for s in self.steps
            ],
            "notes": [
                {"code": n.code, "text": n.text, "provisions": list(n.provisions)}
                for n in self.notes
            ],
        }
