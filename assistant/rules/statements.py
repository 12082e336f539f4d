"""Helpers shared by the Mozilla-step builders: statements with checked provisions."""

from __future__ import annotations

from assistant.rules.model import Finding, Statement
from assistant.rules.trace import make_reason
from assistant.vocabulary import Regime, ScopeStatus

__all__ = ["IN_SCOPE", "by_status", "statement"]

IN_SCOPE = (ScopeStatus.APPLIES, ScopeStatus.LIKELY)


def statement(
    cond: str,
    text: str,
    provisions: list[str] | tuple[str, ...] = (),
    actors: list[str] | None = None,
) -> Statement:
    """A statement whose provisions are checked against the condition catalogue."""
    r = make_reason(cond, text, provisions)
    return Statement.model_construct(
        condition=cond, text=text, provisions=r.provisions, actors=actors or []
    )


def by_status(
    findings: list[Finding], regime: Regime, statuses: tuple[ScopeStatus, ...]
) -> list[str]:
    """Actors whose public row for ``regime`` has one of ``statuses``."""
    return [
        f.actor
        for f in findings
        if f.regime is regime and f.line is None and f.scope_status in statuses
    ]
