"""The shared gate of every high-risk duty line: classification, Annex I Section B, the date the
route's Chapter III duties bind (HR5), and the Art 111(2) legacy rule (HR6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.rules.classify import Classification
from assistant.rules.context import Ctx
from assistant.rules.trace import Trace
from assistant.vocabulary import ScopeStatus

__all__ = ["Gate", "high_risk_gate", "scope_gate", "version_phrase"]


@dataclass
class Gate:
    """What the gate found: ``sota`` = a high-risk duty that did not bind yet (indicator)."""

    sota: bool = False


def version_phrase(ctx: Ctx) -> str:
    """How to name the AI Act text applied."""
    return (
        " (AI Act as amended by Regulation (EU) 2026/1744)"
        if ctx.ai_amended
        else (" (original AI Act text)")
    )


def scope_gate(ctx: Ctx, t: Trace) -> None:
    """AS9: an unknown AI-system status leaves every line unknown."""
    if ctx.case.ai.is_ai_system is None:
        t.hit(
            ScopeStatus.UNKNOWN,
            "AS9",
            "Whether the system is an AI system (infers its "
            "outputs) or follows fixed human rules is not known",
        )
        t.need("ai.is_ai_system", "AS9")
        t.provisionally(
            "ai.is_ai_system",
            ScopeStatus.APPLIES,
            ScopeStatus.EXCLUDED,
            "an AI system: the duty applies as below",
            "fixed human rules: the AI Act does not apply",
        )


def high_risk_gate(
    ctx: Ctx,
    c: Classification,
    t: Trace,
    system_date: date | None,
    date_path: str,
    public_body: bool | None,
) -> Gate:
    """Apply classification, Section B, HR5 and HR6 to a high-risk duty line."""
    gate = Gate()
    for reason in c.hr_reasons:
        t.add(reason)
    if c.high_risk is ScopeStatus.EXCLUDED and any(r.condition == "HRX" for r in c.hr_reasons):
        t.levels.append(ScopeStatus.EXCLUDED)
        return gate
    if c.high_risk is ScopeStatus.EXCLUDED:
        t.hit(
            ScopeStatus.EXCLUDED,
            "HRX",
            "Not a high-risk AI system, so high-risk duties do not arise",
        )
        return gate
    t.levels.append(c.high_risk)
    for path, cond in c.hr_needs:
        t.need(path, cond)
    if c.section_b:
        t.levels.append(ScopeStatus.EXCLUDED)
        return gate
    ld = ctx.ai_date(c.high_risk_date_name)
    if ld is None:  # pragma: no cover - every version has the date
        raise KeyError(c.high_risk_date_name)
    route = (
        "for Annex I (Art 6(1)) systems"
        if c.route == "annex_i"
        else ("for Annex III (Art 6(2)) systems" if c.route == "annex_iii" else "(if the system "
              "is high-risk)")
    )  # fmt: skip
    before = ctx.incident_before(ld.day)
    cites = ctx.cite(ld)
    if ctx.ai_amended and c.route == "annex_iii":
        cites.append("AI_ACT Art 113(2)")
    if before:
        # HR5: duties not yet binding still show the state of the art, for a system classified
        # (or possibly) high-risk; a system with no high-risk signal gives no such indicator
        gate.sota = c.high_risk is not ScopeStatus.UNKNOWN
        t.hit(
            ScopeStatus.EXCLUDED,
            "HR5",
            f"High-risk duties {route} bind only "
            f"from {ld.day.isoformat()}{version_phrase(ctx)}; the incident came before, so "
            "they were not binding duties then (they remain evidence of the state of the art)",
            *cites,
        )
    elif before is None:
        t.hit(
            ScopeStatus.UNKNOWN,
            "HR5",
            f"High-risk duties {route} bind from "
            f"{ld.day.isoformat()}{version_phrase(ctx)}; the incident date is needed",
            *cites,
        )
        t.need("incident.date", "HR5", *cites)
    else:
        t.why(
            "HR5",
            f"High-risk duties {route} bind since {ld.day.isoformat()}{version_phrase(ctx)}",
            *cites,
        )
    if before:
        _legacy_note(ctx, c, t, system_date)
        return gate
    _legacy(ctx, c, t, system_date, date_path, public_body, gate)
    return gate


def _legacy_note(ctx: Ctx, c: Classification, t: Trace, system_date: date | None) -> None:
    """When the duties did not bind yet, also say whether the system will be a legacy one."""
    legacy = ctx.ai_date(c.legacy_date_name)
    if legacy is None or system_date is None or system_date >= legacy.day:
        return
    t.why(
        "HR6",
        f"Placed on the market on {system_date.isoformat()}, before "
        f"{legacy.day.isoformat()}: even later, the high-risk duties reach it only after a "
        "significant design change (public-authority use: by the Art 111(2) deadline)",
        *ctx.cite(legacy),
    )


def _legacy(
    ctx: Ctx,
    c: Classification,
    t: Trace,
    system_date: date | None,
    date_path: str,
    public_body: bool | None,
    gate: Gate,
) -> None:
    legacy = ctx.ai_date(c.legacy_date_name)
    if legacy is None:  # pragma: no cover
        raise KeyError(c.legacy_date_name)
    cites = ctx.cite(legacy)
    if system_date is None:
        t.hit(
            ScopeStatus.UNKNOWN,
            "HR6",
            "When the system was placed on the market or put into "
            f"service decides whether the Art 111(2) transition applies (cut-off "
            f"{legacy.day.isoformat()})",
            *cites,
        )
        t.need(date_path, "HR6", *cites)
        t.provisionally(
            date_path,
            ScopeStatus.APPLIES,
            ScopeStatus.EXCLUDED,
            f"placed on or after {legacy.day.isoformat()}: duties bind",
            "placed earlier and not significantly changed: duties do not bind",
        )
        return
    if system_date >= legacy.day:
        return
    mod = ctx.case.modification
    if mod.significant_design_change and (mod.date is None or mod.date >= legacy.day):
        t.why(
            "HR6",
            "Placed before the cut-off but significantly changed in design since: the duties bind",
            *cites,
        )
        return
    if public_body:
        pub = ctx.ai_date("AI_ACT_PUBLIC_LEGACY")
        if pub is not None:
            before = ctx.incident_before(pub.day)
            if before:
                gate.sota = True
                t.hit(
                    ScopeStatus.EXCLUDED,
                    "HR6",
                    "Legacy system used by a public authority: "
                    f"compliance is due only by {pub.day.isoformat()}",
                    *ctx.cite(pub),
                )
            elif before is None:
                t.hit(
                    ScopeStatus.UNKNOWN,
                    "HR6",
                    "Legacy system used by a public authority: "
                    f"compliance due by {pub.day.isoformat()}; incident date needed",
                    *ctx.cite(pub),
                )
                t.need("incident.date", "HR6")
            return
    gate.sota = True
    t.hit(
        ScopeStatus.EXCLUDED,
        "HR6",
        f"Placed on the market or put into service on "
        f"{system_date.isoformat()}, before {legacy.day.isoformat()}, and no significant "
        "design change is known since: the high-risk duties do not apply to it",
        *cites,
    )
    if mod.significant_design_change is None:
        t.need("modification.significant_design_change", "HR6", sticky=True)
