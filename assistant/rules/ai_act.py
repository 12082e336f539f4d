"""AI Act duty lines per actor (LEGAL_RULES.md §3.3-§3.7): prohibited practice, provider,
deployer, FRIA, transparency, GPAI, importer/distributor/representative, Art 25 cooperation and
supplier agreements. Duty regime: no liability outcome; breaches and not-yet-binding duties
become fault/defect indicators (G2, VOCABULARY.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assistant.facts import Actor, AiActBreach, SeriousIncident
from assistant.rules.ai_gate import high_risk_gate, scope_gate
from assistant.rules.ai_lines import gpai_line, practice_line, transparency_lines
from assistant.rules.ai_roles import ShiftMap, is_ai_provider, role_shifts, suppliers
from assistant.rules.classify import Classification
from assistant.rules.context import Ctx
from assistant.rules.model import Reason
from assistant.rules.trace import RANK, Draft, Trace, make_reason, weakest
from assistant.vocabulary import Regime, Role, ScopeStatus

__all__ = ["AiActOutcome", "ai_act_findings"]

_R = Regime.AI_ACT_ENFORCEMENT
_BINDING = (ScopeStatus.APPLIES, ScopeStatus.LIKELY)

# breach flag -> (duty line, provision)
BREACH_LINE: dict[AiActBreach, tuple[str, str]] = {
    AiActBreach.RISK_MGMT: ("provider duties", "AI_ACT Art 9"),
    AiActBreach.DATA_GOVERNANCE: ("provider duties", "AI_ACT Art 10"),
    AiActBreach.TECH_DOC: ("provider duties", "AI_ACT Art 11"),
    AiActBreach.LOGGING: ("provider duties", "AI_ACT Art 12"),
    AiActBreach.TRANSPARENCY_DEPLOYER: ("provider duties", "AI_ACT Art 13"),
    AiActBreach.HUMAN_OVERSIGHT: ("provider duties", "AI_ACT Art 14"),
    AiActBreach.ACCURACY_ROBUSTNESS_CYBER: ("provider duties", "AI_ACT Art 15"),
    AiActBreach.SERIOUS_INCIDENT_REPORT: ("provider duties", "AI_ACT Art 73"),
    AiActBreach.IMPORTER_CHECKS: ("importer duties", "AI_ACT Art 23"),
    AiActBreach.DISTRIBUTOR_CHECKS: ("distributor duties", "AI_ACT Art 24"),
    AiActBreach.USE_PER_INSTRUCTIONS: ("deployer duties", "AI_ACT Art 26(1)"),
    AiActBreach.OVERSIGHT_STAFF: ("deployer duties", "AI_ACT Art 26(2)"),
    AiActBreach.INPUT_DATA: ("deployer duties", "AI_ACT Art 26(4)"),
    AiActBreach.MONITOR_REPORT: ("deployer duties", "AI_ACT Art 26(5)"),
    AiActBreach.KEEP_LOGS: ("deployer duties", "AI_ACT Art 26(6)"),
    AiActBreach.INFORM_WORKERS: ("deployer duties", "AI_ACT Art 26(7)"),
    AiActBreach.INFORM_AFFECTED: ("deployer duties", "AI_ACT Art 26(11)"),
    AiActBreach.FRIA: ("FRIA", "AI_ACT Art 27(1)"),
    AiActBreach.ART50_DISCLOSURE: ("transparency", "AI_ACT Art 50"),
    AiActBreach.GPAI_DOWNSTREAM_INFO: ("GPAI", "AI_ACT Art 53(1)(b)"),
    AiActBreach.VALUE_CHAIN_AGREEMENT: ("value-chain agreement", "AI_ACT Art 25(4)"),
}


# Duty lines whose content shows the standard of care towards injured persons (SOTA).
_SOTA: dict[str, tuple[str, str]] = {
    "PROV": ("high-risk provider duties", "AI_ACT Art 16"),
    "DEPL": ("high-risk deployer duties", "AI_ACT Art 26"),
    "IMP": ("importer verification duties", "AI_ACT Art 23"),
    "DIST": ("distributor verification duties", "AI_ACT Art 24"),
}


@dataclass
class AiActOutcome:
    """Duty lines plus what they feed into the compensation regimes."""

    findings: list[Draft] = field(default_factory=list)
    provider_binding: dict[str, bool | None] = field(default_factory=dict)
    prohibited_binding: bool = False
    high_risk_binding: bool = False
    # actor -> [(reason, statutory)]: statutory = breach of a duty binding at the incident
    indicators: dict[str, list[tuple[Reason, bool]]] = field(default_factory=dict)
    shifts: ShiftMap = field(default_factory=dict)
    deployer_lines: dict[str, ScopeStatus] = field(default_factory=dict)


def _is_deployer(actor: Actor) -> bool:
    return actor.has(Role.DEPLOYER, Role.OPERATOR, Role.INTEGRATOR, Role.END_USER)


def _system_date(ctx: Ctx, actor: Actor, mode: str) -> tuple[date | None, str]:
    """When the system the line is about was placed on the market or put into service.

    ``mode``: "own" (the actor's or the product's date), "shifted" (a new provider: its own
    placing, else the modification date), "cooperation" (the initial provider's duty concerns
    the modified system, so the modification date first).
    """
    mod_date = ctx.case.modification.date
    if mode == "product":
        return ctx.case.product.market_date, "product.market_date"
    if mode == "cooperation" and mod_date:
        return mod_date, "modification.date"
    if actor.market_date:
        return actor.market_date, ctx.path(actor, "market_date")
    if mode != "own" and mod_date:
        return mod_date, "modification.date"
    return ctx.case.product.market_date, "product.market_date"


def _hr_line(
    ctx: Ctx,
    c: Classification,
    out: AiActOutcome,
    actor: Actor,
    line: str,
    cond: str,
    role_status: ScopeStatus,
    role_reasons: list[Reason],
    mode: str = "own",
) -> Trace:
    t = Trace(_R, actor.name, line)
    scope_gate(ctx, t)
    t.why(
        cond,
        {
            "PROV": f"{actor.name} is the provider: Art 16 duties and the Section 2 requirements",
            "DEPL": f"{actor.name} uses the system under its authority: deployer duties of Art 26",
            "FRIA": f"{actor.name} must assess fundamental-rights impact before deploying it",
            "IMP": f"{actor.name} imports the system: verification duties",
            "DIST": f"{actor.name} distributes the system: verification duties",
            "AREP": f"{actor.name} represents a non-EU provider",
            "R25d": f"{actor.name} is no longer the provider of the repurposed or modified system but "
            "must cooperate with the new provider (documentation, known limits, access)",
            "R25f": f"{actor.name} supplies a model, tool, data or service used in the high-risk "
            "system: a written agreement with the provider is required",
        }[cond],
    )
    for r in role_reasons:
        t.add(r)
    t.levels.append(role_status)
    system_date, date_path = _system_date(ctx, actor, mode)
    public_body = actor.public_authority or ctx.case.ai.public_authority_use
    gate = high_risk_gate(ctx, c, t, system_date, date_path, public_body)
    serious = ctx.case.incident.serious
    if cond == "PROV" and serious and weakest(t.levels) in _BINDING:
        _reporting(t, serious)
    sota = _SOTA.get(cond)
    if gate.sota and sota is not None:
        label, pid = sota
        out.indicators.setdefault(actor.name, []).append(
            (
                make_reason(
                    "SOTA",
                    f"The AI Act's {label} did not bind {actor.name} at the incident, but they "
                    "describe the care expected of a diligent operator (a fault or defect indicator)",
                    [pid],
                ),
                False,
            )
        )
    return t


def _reporting(t: Trace, serious: list[SeriousIncident]) -> None:
    """REP73: serious-incident report by the provider of a high-risk system (Art 73)."""
    if SeriousIncident.DEATH_OR_HEALTH in serious:
        days, pid = "10 days if a person died, otherwise 15 days", "AI_ACT Art 73(4)"
    elif SeriousIncident.CRITICAL_INFRASTRUCTURE in serious:
        days, pid = "2 days", "AI_ACT Art 73(3)"
    else:
        days, pid = "15 days", "AI_ACT Art 73(2)"
    t.why(
        "REP73",
        "Serious incident: the provider must report it to the market surveillance "
        f"authority at the latest within {days} of becoming aware (failing to report is a "
        "fault indicator and a disclosure target)",
        "AI_ACT Art 73",
        pid,
    )


def _provider_lines(ctx: Ctx, c: Classification, out: AiActOutcome, actor: Actor) -> list[Trace]:
    traces: list[Trace] = []
    shift = out.shifts.get(actor.name)
    provider = is_ai_provider(ctx, actor)
    if shift is not None:
        traces.append(
            _hr_line(
                ctx,
                c,
                out,
                actor,
                "provider duties",
                "PROV",
                shift.status,
                shift.reasons,
                mode="shifted",
            )
        )
    elif provider:
        if out.shifts and c.high_risk is not ScopeStatus.EXCLUDED:
            status = max((s.status for s in out.shifts.values()), key=RANK.__getitem__)
            t = _hr_line(
                ctx,
                c,
                out,
                actor,
                "cooperation (Art 25(2))",
                "R25d",
                status,
                [],
                mode="cooperation",
            )
            if actor.refused_high_risk_conversion:
                t.hit(
                    ScopeStatus.EXCLUDED,
                    "R25d_x",
                    f"{actor.name} clearly specified that its "
                    "system must not be changed into a high-risk system",
                )
            traces.append(t)
        else:
            traces.append(
                _hr_line(ctx, c, out, actor, "provider duties", "PROV", ScopeStatus.APPLIES, [])
            )
    if provider or shift is not None:
        traces.extend(transparency_lines(ctx, actor, provider_side=True))
    return traces


def ai_act_findings(ctx: Ctx, c: Classification) -> AiActOutcome:
    """All AI Act duty lines for every defendant, and the indicators they feed."""
    out = AiActOutcome(shifts=role_shifts(ctx, c))
    supplier_names = {a.name for a in suppliers(ctx, out.shifts)}
    for actor in ctx.defendants():
        if c.out_of_scope:
            t = Trace(_R, actor.name, "scope")
            for r in c.scope_reasons:
                t.add(r, ScopeStatus.EXCLUDED)
            out.findings.append(t.build())
            continue
        traces = []
        if c.practices and (is_ai_provider(ctx, actor) or _is_deployer(actor)):
            traces.append(practice_line(ctx, c, actor))
        traces.extend(_provider_lines(ctx, c, out, actor))
        mode = "shifted" if out.shifts else "own"
        if _is_deployer(actor):
            t = _hr_line(
                ctx, c, out, actor, "deployer duties", "DEPL", ScopeStatus.APPLIES, [], mode=mode
            )
            if actor.personal_non_professional_use:
                t.hit(
                    ScopeStatus.EXCLUDED,
                    "AS5",
                    f"{actor.name} uses it in a purely personal, non-professional activity",
                )
            elif actor.has(Role.END_USER) and not actor.has(Role.DEPLOYER, Role.OPERATOR):
                t.hit(
                    ScopeStatus.POSSIBLE,
                    "AS5",
                    "An end user is a deployer only when using the system professionally",
                )
                t.need(ctx.path(actor, "personal_non_professional_use"), "AS5")
            traces.append(t)
            if _fria_due(ctx, c, actor):
                traces.append(
                    _hr_line(ctx, c, out, actor, "FRIA", "FRIA", ScopeStatus.APPLIES, [], mode=mode)
                )
        if _is_deployer(actor):
            traces.extend(transparency_lines(ctx, actor, provider_side=False))
        if actor.has(Role.GPAI_PROVIDER):
            traces.append(gpai_line(ctx, actor))
        for role, line, cond in (
            (Role.IMPORTER, "importer duties", "IMP"),
            (Role.DISTRIBUTOR, "distributor duties", "DIST"),
            (Role.AUTHORISED_REPRESENTATIVE, "authorised representative duties", "AREP"),
        ):
            if actor.has(role) and c.high_risk is not ScopeStatus.EXCLUDED:
                traces.append(_hr_line(ctx, c, out, actor, line, cond, ScopeStatus.APPLIES, []))
        if actor.name in supplier_names and c.high_risk is not ScopeStatus.EXCLUDED:
            t = _hr_line(
                ctx,
                c,
                out,
                actor,
                "value-chain agreement",
                "R25f",
                ScopeStatus.APPLIES,
                [],
                mode="product",
            )
            if actor.foss_noncommercial and not actor.has(Role.GPAI_PROVIDER):
                t.hit(
                    ScopeStatus.EXCLUDED,
                    "R25f",
                    "Free and open-source tools made publicly "
                    "available are exempt from the agreement requirement",
                )
            traces.append(t)
        foss = ctx.case.ai.open_source or (
            actor.foss_noncommercial and not actor.has(Role.GPAI_PROVIDER)
        )
        if foss and _foss_exempt(c, traces):
            t = Trace(_R, actor.name, "open source")
            t.hit(
                ScopeStatus.EXCLUDED,
                "AS6",
                "Released under a free and open-source licence and "
                "neither high-risk, prohibited nor subject to Art 50: outside the AI Act",
            )
            traces = [t]
        if not traces:
            t = Trace(_R, actor.name, "no role")
            t.hit(
                ScopeStatus.EXCLUDED,
                "NOROLE_AI",
                f"{actor.name} is not a provider, deployer, "
                "importer, distributor or GPAI model provider of this system",
            )
            traces.append(t)
        _record(out, actor, traces)
    return out


def _foss_exempt(c: Classification, traces: list[Trace]) -> bool:
    """AS6 holds: not high-risk, no prohibited practice, no Art 50 trigger."""
    if c.high_risk is not ScopeStatus.EXCLUDED or c.practices or c.transparency:
        return False
    return all(t.line != "GPAI" for t in traces)


def _fria_due(ctx: Ctx, c: Classification, actor: Actor) -> bool:
    if c.route != "annex_iii" or ctx.case.ai.annex_iii_point is None:
        return False
    point = ctx.case.ai.annex_iii_point.value
    if point == "2":
        return False
    return bool(actor.public_authority) or point in ("5b", "5c")


def _record(out: AiActOutcome, actor: Actor, traces: list[Trace]) -> None:
    lines: dict[str, ScopeStatus] = {}
    for t in traces:
        f = t.build()
        out.findings.append(f)
        lines[t.line or ""] = f.scope_status
        if t.line == "provider duties":
            out.provider_binding[actor.name] = (
                True
                if f.scope_status in _BINDING
                else None
                if f.scope_status is ScopeStatus.UNKNOWN
                else False
            )
        if t.line == "deployer duties":
            out.deployer_lines[actor.name] = f.scope_status
        if t.line == "prohibited practice" and f.scope_status in _BINDING:
            out.prohibited_binding = True
        if t.line in ("provider duties", "deployer duties") and f.scope_status in _BINDING:
            out.high_risk_binding = True
    for breach in actor.ai_act_breaches or ():
        line, pid = BREACH_LINE[breach]
        status = lines.get(line)
        statutory = status in _BINDING
        when = (
            "a duty binding at the incident"
            if statutory
            else (
                "a duty not binding on it at the incident (state of the art)"
                if status
                else "a duty of the AI Act"
            )
        )
        out.indicators.setdefault(actor.name, []).append(
            (make_reason("BREACH_AI", f"{actor.name} did not meet {pid}, {when}", [pid]), statutory)
        )
