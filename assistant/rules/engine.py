"""``evaluate(case, as_of)``: the rule core's entry point (LEGAL_RULES.md §12 evaluation order).

1. derive the context (dates, AI Act text version); 2. classify the AI system; 3. duty regimes
at the incident date (AI Act, CRA, NIS2) -> binding duties and indicators; 4. compensation
regimes (PLD 2024, PLD 1985, national fault, contract, DCD, GDPR) using those indicators;
5. public rows (duty lines merged); 6. Mozilla steps, notes and ranked questions.
Pure: no I/O beyond the legal-date data loaded once, no LLM, no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.facts import Case
from assistant.rules.ai_act import AiActOutcome, ai_act_findings
from assistant.rules.classify import Classification, classify, risk_assumption, risk_label
from assistant.rules.context import Ctx
from assistant.rules.contracts import contract_findings
from assistant.rules.cyber import cra_findings, nis2_findings
from assistant.rules.dates import legal_data
from assistant.rules.defect import DutyBinding, defect_view
from assistant.rules.fault import fault_findings
from assistant.rules.gdpr import gdpr_findings
from assistant.rules.model import Assessment, Note, Reason
from assistant.rules.notes import build_notes
from assistant.rules.pld1985 import pld1985_findings
from assistant.rules.pld2024 import pld2024_findings
from assistant.rules.steps import build_steps
from assistant.rules.trace import RANK, Draft, make_reason
from assistant.vocabulary import Regime, RiskLabel

__all__ = ["Core", "core_findings", "evaluate", "merge_public"]

_ORDER = {
    r: i
    for i, r in enumerate(
        (
            Regime.PLD_2024,
            Regime.PLD_1985,
            Regime.NATIONAL_FAULT,
            Regime.CONTRACT,
            Regime.GDPR_82,
            Regime.DCD,
            Regime.CONSUMER_LAW,
            Regime.AI_ACT_ENFORCEMENT,
            Regime.CRA,
            Regime.NIS2,
        )
    )
}


@dataclass
class Core:
    """Intermediate result shared by ``evaluate`` and the question ranking."""

    ctx: Ctx
    findings: list[Draft]
    public: list[Draft]
    ai: AiActOutcome
    risk: RiskLabel
    classification: Classification | None = None


def _merge(rows: list[Draft]) -> Draft:
    best = max(rows, key=lambda f: RANK[f.scope_status])
    reasons: dict[tuple[str, str], Reason] = {}
    for f in sorted(rows, key=lambda f: -RANK[f.scope_status]):
        for r in f.reasons:
            reasons.setdefault((r.condition, r.text), r)
    provisions: dict[str, None] = {}
    needs: dict[str, None] = {}
    missing = []
    for r in reasons.values():
        for pid in r.provisions:
            provisions.setdefault(pid, None)
    for f in rows:
        for m in f.missing:
            if m.path not in needs:
                needs[m.path] = None
                missing.append(m)
    return Draft(
        regime=best.regime,
        actor=best.actor,
        line=None,
        scope_status=best.scope_status,
        liability_outcome=None,
        reasons=list(reasons.values()),
        provisions=list(provisions),
        needs_facts=list(needs),
        missing=missing,
        provisional_statuses=best.provisional_statuses,
        step=best.step,
        defence_candidates=[],
        reduction_possible=False,
    )


def merge_public(findings: list[Draft], actor_order: list[str]) -> list[Draft]:
    """One row per (regime, actor): duty lines merged by their strongest status."""
    groups: dict[tuple[Regime, str], list[Draft]] = {}
    for f in findings:
        groups.setdefault((f.regime, f.actor), []).append(f)
    out = []
    for (_, _), rows in groups.items():
        out.append(rows[0] if len(rows) == 1 and rows[0].line is None else _merge(rows))
    pos = {name: i for i, name in enumerate(actor_order)}
    out.sort(key=lambda f: (pos.get(f.actor, 99), _ORDER[f.regime]))
    return out


def core_findings(case: Case, as_of: date) -> Core:
    """Findings only (no steps, notes or questions): what the question ranking re-runs."""
    ctx = Ctx.build(case, as_of, legal_data())
    c = classify(ctx)
    ai = ai_act_findings(ctx, c)
    cra, nis2 = cra_findings(ctx, c.is_high_risk), nis2_findings(ctx)
    duties = DutyBinding(ai.provider_binding, cra.requirements_binding, ai.prohibited_binding)
    defects = defect_view(ctx, duties)
    indicators: dict[str, list[tuple[Reason, bool]]] = {}
    for source in (ai.indicators, cra.indicators, nis2.indicators):
        for name, items in source.items():
            indicators.setdefault(name, []).extend(items)
    findings = (
        pld2024_findings(ctx, defects)
        + pld1985_findings(ctx, defect_view(ctx, duties, presumptions=False))
        + fault_findings(ctx, indicators, defects)
        + contract_findings(ctx)
        + gdpr_findings(ctx)
        + ai.findings
        + cra.findings
        + nis2.findings
    )
    order = [a.name for a in case.actors]
    pos = {name: i for i, name in enumerate(order)}
    findings.sort(key=lambda f: (pos.get(f.actor, 99), _ORDER[f.regime]))
    return Core(ctx, findings, merge_public(findings, order), ai, risk_label(ctx, c), c)


def evaluate(case: Case, as_of: date, *, questions: int = 5) -> Assessment:
    """Assess ``case`` as of ``as_of``: findings per regime x actor, steps, notes, questions.

    ``questions`` caps the ranked follow-up questions (LEGAL_RULES.md §9.3: at most 5 per
    turn); pass 0 to skip the ranking.
    """
    from assistant.rules.questions import rank_questions

    core = core_findings(case, as_of)
    findings = [d.to_finding() for d in core.findings]
    public = [d.to_finding() for d in core.public]
    return Assessment.model_construct(
        as_of=as_of,
        jurisdiction=case.jurisdiction.member_state,
        ai_act_version=core.ctx.ai_version_event,
        actors=[{"name": a.name, "roles": [r.value for r in a.roles or ()]} for a in case.actors],
        harms=[h.value for h in case.harms()],
        ai_act_risk=core.risk,
        findings=findings,
        public=public,
        steps=build_steps(core.ctx, public, core.ai),
        questions=rank_questions(case, as_of, core, questions) if questions else [],
        notes=build_notes(core.ctx, public) + _risk_notes(core),
    )


def _risk_notes(core: Core) -> list[Note]:
    """The assumption behind a risk label derived with a classification fact missing."""
    if core.classification is None:
        return []
    text = risk_assumption(core.ctx, core.classification, core.risk)
    if text is None:
        return []
    r = make_reason("HR4", text, ["AI_ACT Art 6(1)", "AI_ACT Art 6(2)"])
    return [Note.model_construct(code="NOTE_RISK_ASSUMPTION", text=text, provisions=r.provisions)]
