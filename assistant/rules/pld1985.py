"""Directive 85/374/EEC per actor (LEGAL_RULES.md §2.3 decision table).

It governs products placed before 9 Dec 2026 (PLD_2024 Art 21). No presumptions and no EU
disclosure (O6); the later-defect defence stays open for updates (OD3).
"""

from __future__ import annotations

from assistant.facts import Actor, HarmPath, ProductKind
from assistant.rules.ai_roles import modifiers
from assistant.rules.context import Ctx, add_years
from assistant.rules.damage import pld1985_damage
from assistant.rules.defect import DefectView
from assistant.rules.national import national_id
from assistant.rules.pld_roles import PldRole, pld_role
from assistant.rules.trace import Draft, Trace, make_reason
from assistant.vocabulary import Harm, IncidentCause, LiabilityOutcome, Regime, ScopeStatus

__all__ = ["pld1985_findings"]

_S = ScopeStatus
_PRODUCER = {
    "manufacturer": "PLD_1985 Art 3(1)",
    "component": "PLD_1985 Art 3(1)",
    "modifier": "PLD_1985 Art 3(1)",
    "importer": "PLD_1985 Art 3(2)",
}


def _temporal(ctx: Ctx, actor: Actor, t: Trace) -> None:
    cutoff = ctx.fixed("PLD2024_CUTOFF")
    md = ctx.market_date_for(actor)
    day = cutoff.day.isoformat()
    if md is None:
        t.hit(
            _S.UNKNOWN,
            "T1",
            "When the product was placed on the market is not known: "
            f"Directive 85/374/EEC governs products placed before {day}",
            *cutoff.provisions,
        )
        t.need("product.market_date", "T1", *cutoff.provisions)
        t.provisionally(
            "product.market_date",
            _S.APPLIES,
            _S.EXCLUDED,
            f"placed before {day}: 85/374 governs",
            f"placed after {day}: PLD 2024 governs instead",
        )
    elif md > cutoff.day:
        t.hit(
            _S.EXCLUDED,
            "O1",
            f"Placed on {md.isoformat()}, after {day}: PLD 2024 governs, not Directive 85/374/EEC",
        )
    elif md == cutoff.day:
        t.hit(
            _S.POSSIBLE,
            "T4",
            f"Placed on {day} itself: boundary left to national law",
            *cutoff.provisions,
        )
    else:
        t.hit(
            _S.APPLIES,
            "O1",
            f"Placed on {md.isoformat()}, before {day}: Directive 85/374/EEC "
            "still governs this product",
        )
        years, provs = ctx.data.years("PLD1985_EXTINCTION_YEARS")
        if ctx.as_of > add_years(md, years) and not ctx.case.claimant.proceedings_started:
            t.hit(
                _S.EXCLUDED,
                "OD8",
                f"More than {years} years since the product was put into "
                "circulation: the rights are extinguished",
                *provs,
            )
    aware = ctx.case.claimant.date_aware
    years, provs = ctx.data.years("PLD1985_LIMITATION_YEARS")
    if (
        aware is not None
        and ctx.as_of > add_years(aware, years)
        and not (ctx.case.claimant.proceedings_started)
    ):
        t.hit(
            _S.EXCLUDED,
            "OD7",
            f"More than {years} years since the injured person knew of the "
            "damage, defect and producer",
            *provs,
        )


def _role(ctx: Ctx, actor: Actor, t: Trace, role: PldRole) -> bool:
    """Producer, importer or supplier (O3, row 9); True if the actor can be liable."""
    if role.kind == "unknown":
        t.hit(_S.UNKNOWN, "ROLE", f"What {actor.name} did in the value chain is not known")
        t.need(ctx.path(actor, "roles"), "ROLE")
        return True
    if role.kind in _PRODUCER and role.status is not _S.EXCLUDED:
        t.hit(
            role.status,
            "O3",
            f"{actor.name} is a producer (manufacturer, component maker, own-brander or importer)",
            _PRODUCER[role.kind],
        )
        return True
    if role.kind == "distributor":
        known = ctx.case.product.producer_identified
        if known is None and any(pld_role(ctx, a).kind in _PRODUCER for a in ctx.others(actor)):
            known = True
        if known:
            t.hit(
                _S.EXCLUDED,
                "O3",
                f"The producer can be identified, so the supplier {actor.name} is not liable",
                "PLD_1985 Art 3(3)",
            )
            return False
        t.hit(
            _S.POSSIBLE,
            "O3",
            f"{actor.name} is a supplier: liable only if the producer cannot "
            "be identified and it does not name the producer or its supplier in reasonable time",
            "PLD_1985 Art 3(3)",
        )
        if known is None or actor.identification_request is None:
            t.need("product.producer_identified", "O3")
        return True
    t.hit(_S.EXCLUDED, "O3", f"{actor.name} is not a producer, importer or supplier of the product")
    return False


def pld1985_findings(ctx: Ctx, defects: DefectView) -> list[Draft]:
    """One PLD_1985 finding per defendant."""
    damage = pld1985_damage(ctx)
    kind = ctx.case.product.kind
    out: list[Draft] = []
    for actor in ctx.defendants():
        t = Trace(Regime.PLD_1985, actor.name)
        _temporal(ctx, actor, t)
        if ctx.claimant_type is None:
            t.need("claimant.type", "O4")
        for r in damage.reasons:
            t.add(r)
        t.levels.append(damage.status)
        for path, cond in damage.needs:
            t.need(path, cond)
        role = pld_role(ctx, actor)
        liable = _role(ctx, actor, t, role)
        if kind in (ProductKind.STANDALONE_SOFTWARE, ProductKind.SAAS, ProductKind.AI_MODEL):
            t.hit(
                _S.POSSIBLE,
                "O2",
                "Standalone software or an online service: whether it is a "
                "'product' under 85/374 is contested",
            )
        elif kind is None:
            t.need("product.kind", "O2")
        if ctx.case.incident.harm_path is HarmPath.INFORMATIONAL_OUTPUT_RELIED_ON:
            t.hit(
                _S.POSSIBLE,
                "O2",
                "Harm from information relied on: leaning towards no product "
                "liability (information is not a product)",
            )
        if liable:
            _outcome(ctx, t, actor, defects)
        pid = national_id(ctx.jurisdiction, "product_liability_1985")
        if pid:
            t.why("O1", "Brought under the national law transposing 85/374", pid)
        out.append(t.build())
    return out


def _outcome(ctx: Ctx, t: Trace, actor: Actor, defects: DefectView) -> None:
    outcome = defects.outcome()
    for path, cond in defects.needs:
        t.need(path, cond)
    for r in defects.strong:
        t.add(r)
    for r in defects.adverse + defects.negative:
        t.add(make_reason("O5", r.text, ()))
    mod = ctx.case.modification
    # OD3: a change by someone else after circulation supports the Art 7(b) defence even
    # before its substantiality is settled (a known later modification is the typical case)
    if (mod.substantial or (mod.occurred and mod.substantial is None)) and actor not in modifiers(
        ctx
    ):
        t.defence(
            "OD3",
            "The product was changed by someone else after it was put into "
            "circulation: the producer may show the defect did not exist then",
        )
        later = IncidentCause.SUBSTANTIAL_MODIFICATION in (ctx.case.incident.causes or ())
        outcome = LiabilityOutcome.UNLIKELY if later else LiabilityOutcome.POSSIBLE
    elif ctx.case.manufacturer.retains_control or ctx.case.ai.continues_learning:
        t.defence(
            "OD3",
            "The producer may argue the defect did not exist when the product was "
            "put into circulation (no exception for updates under 85/374)",
        )
        if outcome is LiabilityOutcome.LIKELY:
            outcome = LiabilityOutcome.POSSIBLE
    t.why(
        "O6",
        "The claimant must prove damage, defect and causation; no EU disclosure or presumptions",
    )
    if ctx.case.incident.harm_path is HarmPath.INFORMATIONAL_OUTPUT_RELIED_ON:
        outcome = LiabilityOutcome.UNKNOWN
    t.outcome = outcome
    if ctx.case.claimant.contributory_fault is None and set(ctx.harms) & {
        Harm.PERSONAL_INJURY,
        Harm.PROPERTY,
    }:
        t.need("claimant.contributory_fault", "OD5")  # reduction only: asked, not assumed
    if ctx.case.claimant.contributory_fault:
        t.reduction = True
        t.why(
            "OD5",
            "The injured person's own fault may reduce or disallow liability",
            "PLD_1985 Art 8(2)",
        )
