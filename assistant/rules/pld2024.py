"""PLD 2024 per actor (LEGAL_RULES.md §1.10 decision table, with §1.2-§1.9).

Scope conditions are combined with the weakest-link rule; the liability outcome comes from the
defect indicators, lowered to ``possible`` by a defence candidate (§1.7).
"""

from __future__ import annotations

from assistant.facts import Actor, ClaimantType, HarmPath
from assistant.rules.ai_roles import modifiers
from assistant.rules.context import Ctx, add_years
from assistant.rules.damage import pld2024_damage
from assistant.rules.defect import DefectView, later_defect
from assistant.rules.pld_roles import pld_role
from assistant.rules.trace import Draft, Trace
from assistant.vocabulary import Harm, IncidentCause, LiabilityOutcome, Regime, Role, ScopeStatus

__all__ = ["pld2024_findings", "temporal_2024"]

_S = ScopeStatus
_LIABLE_KINDS = {
    "manufacturer",
    "modifier",
    "importer",
    "representative",
    "fsp",
    "component",
    "data",
    "related_service",
    "distributor",
    "platform",
    "unknown",
}


def temporal_2024(ctx: Ctx, actor: Actor, t: Trace, is_modifier: bool) -> None:
    """T1-T6: which product liability regime the placing date selects."""
    cutoff = ctx.fixed("PLD2024_CUTOFF")
    day = cutoff.day.isoformat()
    md = ctx.case.product.market_date if is_modifier else ctx.market_date_for(actor)
    if is_modifier and md is None:
        md = actor.market_date
    mod = ctx.case.modification
    if md is None:
        t.hit(
            _S.UNKNOWN,
            "T1",
            "When the product was placed on the market or put into service "
            f"is not known: PLD 2024 applies only to products placed after {day}",
            *cutoff.provisions,
        )
        t.need("product.market_date", "T1", *cutoff.provisions)
        t.provisionally(
            "product.market_date",
            _S.APPLIES,
            _S.EXCLUDED,
            f"placed after {day}: PLD 2024 governs",
            f"placed before {day}: Directive 85/374/EEC governs instead",
        )
    elif md > cutoff.day:
        t.hit(
            _S.APPLIES,
            "S2",
            f"Placed on the market on {md.isoformat()}, after {day}",
            "PLD_2024 Art 2(1)",
        )
    elif md == cutoff.day:
        t.hit(
            _S.POSSIBLE,
            "T4",
            f"Placed on the market on {day} itself: PLD 2024 covers products "
            "placed after that day and 85/374 those placed before it; national transposition "
            "decides the boundary",
            *cutoff.provisions,
        )
    elif is_modifier and mod.substantial and mod.date is not None and mod.date > cutoff.day:
        t.hit(
            _S.POSSIBLE,
            "T5",
            f"The original product predates {day}, but it was substantially "
            f"modified and made available again on {mod.date.isoformat()}; a substantially "
            "modified product is treated as a new product (not settled in the Directive's "
            "articles)",
        )
    elif is_modifier and mod.substantial is None and mod.date is not None and mod.date > cutoff.day:
        # T5 with its evaluative condition open: not excluded (no hard condition is false)
        t.hit(
            _S.UNKNOWN,
            "T5",
            f"The original product predates {day}, but it was modified and made available "
            f"again on {mod.date.isoformat()}; if the modification was substantial, the "
            "modified product is treated as a new product",
        )
        t.need("modification.substantial", "T5")
        t.provisionally(
            "modification.substantial",
            _S.POSSIBLE,
            _S.EXCLUDED,
            "a substantial modification: PLD 2024 may govern the modified product",
            "a minor change: Directive 85/374/EEC governs the product",
        )
    else:
        t.hit(
            _S.EXCLUDED,
            "S2",
            f"Placed on the market on {md.isoformat()}, before {day}: "
            "Directive 85/374/EEC governs this product",
            *cutoff.provisions,
        )
        if IncidentCause.SOFTWARE_UPDATE in (ctx.case.incident.causes or ()):
            t.why(
                "T6",
                "Later software updates do not by themselves make it a new product under "
                "PLD 2024 (whether an update is separately placed on the market is unsettled)",
            )


def _foss(ctx: Ctx, actor: Actor, t: Trace) -> None:
    """S3 for the system itself: open-source AI supplied outside a commercial activity."""
    ai = ctx.case.ai
    if actor.foss_noncommercial or (ai.open_source and ai.supplied_in_commercial_activity is False):
        t.hit(
            _S.EXCLUDED,
            "S3",
            "Free and open-source software developed or supplied outside a "
            "commercial activity is outside the PLD",
            "PLD_2024 Art 2(2)",
            "PLD_2024 Recital 14",
        )
    elif ai.open_source and ai.supplied_in_commercial_activity is None:
        t.hit(
            _S.UNKNOWN,
            "S3",
            "Open-source software is covered only if supplied in a commercial "
            "activity (for a price, for personal data, or otherwise monetised)",
            "PLD_2024 Art 2(2)",
            "PLD_2024 Recital 14",
        )
        t.need("ai.supplied_in_commercial_activity", "S3")
        t.provisionally(
            "ai.supplied_in_commercial_activity",
            _S.APPLIES,
            _S.EXCLUDED,
            "supplied in a commercial activity",
            "supplied outside one",
        )


def _claimant(ctx: Ctx, t: Trace) -> None:
    kind = ctx.claimant_type
    if kind is None:
        t.hit(
            _S.UNKNOWN,
            "S4",
            "Who suffered the harm is not known: only natural persons can claim under the PLD",
        )
        t.need("claimant.type", "S4")
        t.provisionally(
            "claimant.type",
            _S.APPLIES,
            _S.EXCLUDED,
            "a natural person",
            "only a company or organisation",
        )
    elif kind is ClaimantType.LEGAL_PERSON and not ctx.case.claimant.acts_for_natural_person:
        t.hit(
            _S.EXCLUDED,
            "S4",
            "The injured party is a legal person: legal persons have no PLD claim of their own",
            "PLD_2024 Art 5(1)",
        )
    elif kind is ClaimantType.LEGAL_PERSON:
        t.hit(
            _S.APPLIES,
            "S4",
            "The claimant acts as successor, subrogee or representative of injured natural persons",
            "PLD_2024 Art 5(2)",
        )
    else:
        t.hit(_S.APPLIES, "S4", "A natural person suffered the harm", "PLD_2024 Art 5(1)")


def _limitation(ctx: Ctx, t: Trace, actor: Actor, is_modifier: bool) -> None:
    claimant = ctx.case.claimant
    if claimant.proceedings_started:
        return
    years, provs = ctx.data.years("PLD2024_LIMITATION_YEARS")
    if claimant.date_aware is None:
        t.need("claimant.date_aware", "LIM4")  # LIM4: status unchanged, ask when they knew
    elif ctx.as_of > add_years(claimant.date_aware, years):
        t.hit(
            _S.EXCLUDED,
            "LIM1",
            f"More than {years} years since the injured person knew of the "
            "damage, the defect and the liable operator (national suspension rules may extend)",
            *provs,
            "PLD_2024 Art 16(2)",
        )
    start = ctx.case.modification.date if is_modifier else ctx.market_date_for(actor)
    if start is None:
        return
    expiry, provs = ctx.data.years("PLD2024_EXPIRY_YEARS")
    if ctx.as_of > add_years(start, expiry):
        latent, lprovs = ctx.data.years("PLD2024_LATENT_EXPIRY_YEARS")
        if claimant.latent_injury and ctx.as_of <= add_years(start, latent):
            t.why("LIM3", f"Latent personal injury: the expiry period is {latent} years", *lprovs)
        else:
            t.hit(
                _S.EXCLUDED,
                "LIM2",
                f"More than {expiry} years since the product was placed on "
                "the market and no proceedings were started",
                "PLD_2024 Art 17(1)(b)" if is_modifier else "PLD_2024 Art 17(1)(a)",
            )


def _outcome(
    ctx: Ctx, t: Trace, actor: Actor, kind: str, defects: DefectView, is_modifier: bool
) -> None:
    outcome = defects.outcome()
    for r in defects.reasons():
        t.add(r)
    for path, cond in defects.needs:
        t.need(path, cond)
    if kind == "component" and actor.has(Role.GPAI_PROVIDER, Role.COMPONENT_SUPPLIER):
        t.defence(
            "E6",
            f"{actor.name} may show the defect is due to the integrating product's "
            "design or the manufacturer's instructions",
        )
    if is_modifier and kind == "modifier":
        t.defence(
            "E7", f"{actor.name} may show the defect is in a part its modification did not affect"
        )
    modified_by_other = bool(
        kind == "manufacturer"
        and ctx.case.modification.substantial
        and ctx.case.modification.authorised_by_manufacturer is False
        and actor not in modifiers(ctx)
    )
    later = later_defect(ctx, modified_by_other)
    for r in later.blocked_by:
        t.add(r)
    if later.candidate is not None and kind in ("manufacturer", "modifier", "importer"):
        t.defences.append(later.candidate)
        if later.need_control:
            t.need("manufacturer.retains_control", "E3x")
    if ctx.case.incident.harm_path is HarmPath.INFORMATIONAL_OUTPUT_RELIED_ON:
        outcome = LiabilityOutcome.UNKNOWN
    if t.defences and outcome is not LiabilityOutcome.UNLIKELY:
        outcome = LiabilityOutcome.POSSIBLE
    if modified_by_other and IncidentCause.SUBSTANTIAL_MODIFICATION in (
        ctx.case.incident.causes or ()
    ):
        # the known cause is the other actor's change made outside this maker's control
        outcome = LiabilityOutcome.UNLIKELY
    t.outcome = outcome
    third = [a.name for a in ctx.case.actors if a.roles == []]
    causes = set(ctx.case.incident.causes or ())
    if third or causes & {IncidentCause.CYBERATTACK, IncidentCause.DATA_POISONING}:
        t.why(
            "M3",
            "A third party's act (" + (", ".join(third) or "the attack") + ") does not "
            "reduce this operator's liability towards the injured person; it matters only for "
            "recourse",
            "PLD_2024 Art 13(1)",
        )
    if ctx.case.claimant.contributory_fault is None and _bodily_or_property(ctx):
        t.need("claimant.contributory_fault", "M4")  # reduction only: asked, not assumed
    if ctx.case.claimant.contributory_fault:
        t.reduction = True
        t.why(
            "M4",
            "The injured person's own conduct ("
            + ", ".join(f.value.replace("_", " ") for f in ctx.case.claimant.contributory_fault)
            + ") may reduce or disallow compensation",
        )


def _bodily_or_property(ctx: Ctx) -> bool:
    """Harm of the kind an injured person's own conduct typically contributes to."""
    return bool(set(ctx.harms) & {Harm.PERSONAL_INJURY, Harm.PROPERTY})


def pld2024_findings(ctx: Ctx, defects: DefectView) -> list[Draft]:
    """One PLD_2024 finding per defendant."""
    damage = pld2024_damage(ctx)
    out: list[Draft] = []
    mods = modifiers(ctx)
    for actor in ctx.defendants():
        t = Trace(Regime.PLD_2024, actor.name)
        role = pld_role(ctx, actor)
        is_modifier = role.kind == "modifier" or (actor in mods and role.kind == "component")
        temporal_2024(ctx, actor, t, is_modifier)
        if role.kind == "manufacturer":
            _foss(ctx, actor, t)
        _claimant(ctx, t)
        for r in damage.reasons:
            t.add(r)
        t.levels.append(damage.status)
        for path, cond in damage.needs:
            t.need(path, cond)
        for r in role.reasons:
            t.add(r)
        t.levels.append(role.status)
        for path, cond in role.needs:
            t.need(path, cond, sticky=role.sticky)
        if ctx.case.incident.harm_path is HarmPath.INFORMATIONAL_OUTPUT_RELIED_ON:
            t.hit(
                _S.POSSIBLE,
                "S1i",
                "The harm flows from information the system produced and a "
                "person acted on; information as such is not a product (open question for AI "
                "output)",
            )
        elif ctx.case.incident.harm_path is None and ctx.case.product.kind is not None:
            t.why("S1", "Software, including AI systems and SaaS, is a product")
        if role.kind == "manufacturer" and any(
            a.foss_noncommercial for a in ctx.others(actor) if a.has(Role.COMPONENT_SUPPLIER)
        ):
            t.why(
                "S3",
                f"{actor.name} integrated free and open-source software into its product "
                "in a commercial activity: it stays liable for that software's defects",
                "PLD_2024 Recital 15",
            )
        _limitation(ctx, t, actor, is_modifier)
        if role.kind in _LIABLE_KINDS:
            _outcome(ctx, t, actor, role.kind, defects, is_modifier)
        out.append(t.build())
    return out
