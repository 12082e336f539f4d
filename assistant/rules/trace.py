"""Building a finding: conditions fire, each with a status and a reason; the weakest link wins.

Precedence within one regime (LEGAL_RULES.md §0.1): excluded > unknown > possible > likely >
applies. Every reason names its condition; its provisions must be listed for that condition
in the catalogue (or come from the legal-date data or the national digest), which is what
makes ``emittable_provisions()`` complete.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.rules.catalogue import CATALOGUE, default_provisions
from assistant.rules.dates import legal_data
from assistant.rules.model import Finding, MissingFact, ProvisionalStatuses, Reason
from assistant.rules.national import national_ids
from assistant.vocabulary import (
    LiabilityOutcome,
    PublicStatus,
    Regime,
    ScopeStatus,
    public_status,
)

__all__ = ["RANK", "Draft", "Trace", "make_reason", "weakest"]

RANK: dict[ScopeStatus, int] = {
    ScopeStatus.EXCLUDED: 0,
    ScopeStatus.UNKNOWN: 1,
    ScopeStatus.POSSIBLE: 2,
    ScopeStatus.LIKELY: 3,
    ScopeStatus.APPLIES: 4,
}


def weakest(statuses: Iterable[ScopeStatus]) -> ScopeStatus | None:
    """The status that wins under the precedence rule (None for no statuses)."""
    return min(statuses, key=RANK.__getitem__, default=None)


@lru_cache(maxsize=1)
def _extra_allowed() -> frozenset[str]:
    return frozenset(legal_data().all_provisions() | national_ids())


def make_reason(cond: str, text: str, provisions: Iterable[str] = ()) -> Reason:
    """A reason for ``cond``; provisions default to the condition's own list.

    Raises ``ValueError`` if a provision is not declared for the condition: every ID the core
    prints must be known in advance. Reasons are immutable and memoised (the question ranking
    re-evaluates a case many times).
    """
    return _reason(cond, text, tuple(provisions))


@lru_cache(maxsize=8192)
def _reason(cond: str, text: str, provisions: tuple[str, ...]) -> Reason:
    entry = CATALOGUE[cond]
    provs = list(dict.fromkeys(provisions)) or list(default_provisions(cond))
    extra = _extra_allowed()
    for pid in provs:
        if pid not in entry.provisions and pid not in extra:
            raise ValueError(f"condition {cond} may not cite {pid!r}; add it to the catalogue")
    return Reason.model_construct(condition=cond, text=text, provisions=provs)


@dataclass(frozen=True, slots=True)
class Draft:
    """A finding as the rules produce it; ``to_finding()`` makes the public pydantic model.

    A plain dataclass because the question ranking builds thousands of them per turn.
    """

    regime: Regime
    actor: str
    line: str | None
    scope_status: ScopeStatus
    liability_outcome: LiabilityOutcome | None
    reasons: list[Reason]
    provisions: list[str]
    needs_facts: list[str]
    missing: list[MissingFact]
    provisional_statuses: ProvisionalStatuses | None
    step: int
    defence_candidates: list[Reason]
    reduction_possible: bool

    @property
    def status(self) -> PublicStatus:
        """Public status (VOCABULARY.md table)."""
        return public_status(self.scope_status, self.liability_outcome)

    def to_finding(self) -> Finding:
        """The pydantic model for the assessment."""
        return Finding.model_construct(
            regime=self.regime,
            actor=self.actor,
            line=self.line,
            scope_status=self.scope_status,
            liability_outcome=self.liability_outcome,
            reasons=self.reasons,
            provisions=self.provisions,
            needs_facts=self.needs_facts,
            missing=self.missing,
            provisional_statuses=self.provisional_statuses,
            step=self.step,
            defence_candidates=self.defence_candidates,
            reduction_possible=self.reduction_possible,
        )


@lru_cache(maxsize=8192)
def _missing(path: str, condition: str, provisions: tuple[str, ...]) -> MissingFact:
    return MissingFact.model_construct(path=path, condition=condition, provisions=list(provisions))


@lru_cache(maxsize=4096)
def _provisional(
    fact: str, if_true: ScopeStatus, if_false: ScopeStatus, true: str, false: str
) -> ProvisionalStatuses:
    return ProvisionalStatuses.model_construct(
        fact=fact, if_true=if_true, if_false=if_false, if_true_means=true, if_false_means=false
    )


class Trace:
    """Collects the conditions that fired for one regime x actor (x line)."""

    def __init__(self, regime: Regime, actor: str, line: str | None = None, step: int = 1) -> None:
        self.regime = regime
        self.actor = actor
        self.line = line
        self.step = step
        self.reasons: list[Reason] = []
        self.levels: list[ScopeStatus] = []
        self.missing: dict[str, MissingFact] = {}
        self.sticky: set[str] = set()
        self.defences: list[Reason] = []
        self.outcome: LiabilityOutcome | None = None
        self.reduction = False
        self.provisional: ProvisionalStatuses | None = None

    # -- recording ---------------------------------------------------------------------
    def hit(self, status: ScopeStatus, cond: str, text: str, *provisions: str) -> None:
        """A condition that decides (part of) the scope status."""
        self.levels.append(status)
        self.reasons.append(make_reason(cond, text, provisions))

    def why(self, cond: str, text: str, *provisions: str) -> None:
        """A reason with no effect on the status (indicator, hint, context)."""
        self.reasons.append(make_reason(cond, text, provisions))

    def add(self, reason: Reason, status: ScopeStatus | None = None) -> None:
        """Record a prepared reason (shared between lines), optionally with a status."""
        self.reasons.append(reason)
        if status is not None:
            self.levels.append(status)

    def need(self, path: str, cond: str, *provisions: str, sticky: bool = False) -> None:
        """A missing fact this finding waits for.

        Needs are dropped when the finding ends up excluded (a hard exclusion makes them
        moot) unless ``sticky``: an exclusion by default that the fact could lift.
        """
        if sticky:
            self.sticky.add(path)
        if path not in self.missing:
            provs = list(provisions) or list(default_provisions(cond))
            self.missing[path] = _missing(path, cond, tuple(provs))

    def defence(self, cond: str, text: str, *provisions: str) -> None:
        """A defence the defendant may raise (LEGAL_RULES.md §1.7)."""
        self.defences.append(make_reason(cond, text, provisions))

    def provisionally(
        self, fact: str, if_true: ScopeStatus, if_false: ScopeStatus, true: str, false: str
    ) -> None:
        """§9.3 branch for the first missing fact that decides an unknown status."""
        if self.provisional is None:
            self.provisional = _provisional(fact, if_true, if_false, true, false)

    # -- result ------------------------------------------------------------------------
    @property
    def scope(self) -> ScopeStatus:
        """Scope status under the precedence rule."""
        found = weakest(self.levels)
        if found is None:
            raise RuntimeError(f"no condition decided {self.regime} for {self.actor}")
        return found

    def build(self) -> Draft:
        """The finding (outcome dropped when the regime is excluded)."""
        scope = self.scope
        outcome = None if scope is ScopeStatus.EXCLUDED else self.outcome
        provisions: dict[str, None] = {}
        defences = self.defences if scope is not ScopeStatus.EXCLUDED else []
        for r in self.reasons + defences:
            for pid in r.provisions:
                provisions.setdefault(pid, None)
        provisional = self.provisional if scope is ScopeStatus.UNKNOWN else None
        missing = [
            m
            for m in self.missing.values()
            if scope is not ScopeStatus.EXCLUDED or m.path in self.sticky
        ]
        return Draft(
            regime=self.regime,
            actor=self.actor,
            line=self.line,
            scope_status=scope,
            liability_outcome=outcome,
            reasons=list(self.reasons),
            provisions=list(provisions),
            needs_facts=[m.path for m in missing],
            missing=missing,
            provisional_statuses=provisional,
            step=self.step,
            defence_candidates=list(self.defences) if scope is not ScopeStatus.EXCLUDED else [],
            reduction_possible=self.reduction and scope is not ScopeStatus.EXCLUDED,
        )
