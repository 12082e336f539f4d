"""National fault-based liability per actor (LEGAL_RULES.md §8.1 rule NT1), jurisdiction-neutral
with DE/FR citations from the national digest when the jurisdiction is known.

Scope: always available in parallel to the PLD (G5) for an actor involved in the incident.
Outcome: ``likely`` if a duty binding at the incident was breached and causation is not
contested; ``possible`` with any other indicator (incl. duties not yet binding, which show the
state of the art); ``unknown`` if nothing is known of the actor's conduct.
"""

from __future__ import annotations

from assistant.facts import Actor, AnnexIProduct, FaultIndicator, GdprRole
from assistant.rules.context import Ctx
from assistant.rules.defect import DefectView
from assistant.rules.gdpr import GDPR_INFRINGEMENT_PROVISIONS
from assistant.rules.model import Reason
from assistant.rules.national import national_id
from assistant.rules.pld_roles import is_manufacturer
from assistant.rules.trace import Draft, Trace, make_reason
from assistant.vocabulary import Harm, IncidentCause, LiabilityOutcome, Regime, Role, ScopeStatus

__all__ = ["fault_findings"]

_S = ScopeStatus
_MAKERS = {Role.DEVELOPER, Role.PROVIDER, Role.GPAI_PROVIDER, Role.FINE_TUNER}
_USERS = {Role.DEPLOYER, Role.OPERATOR, Role.INTEGRATOR, Role.END_USER}
_CAUSE_ROLES: dict[IncidentCause, set[Role]] = {
    IncidentCause.DESIGN: _MAKERS | {Role.COMPONENT_SUPPLIER},
    IncidentCause.ERRONEOUS_OUTPUT: _MAKERS,
    IncidentCause.TRAINING_DATA: _MAKERS | {Role.DATA_PROVIDER},
    IncidentCause.DATA_POISONING: {
        Role.DEVELOPER,
        Role.PROVIDER,
        Role.DATA_PROVIDER,
        Role.FINE_TUNER,
    },
    IncidentCause.SOFTWARE_UPDATE: {Role.DEVELOPER, Role.PROVIDER},
    IncidentCause.MISSING_SECURITY_UPDATE: {Role.DEVELOPER, Role.PROVIDER} | _USERS,
    IncidentCause.RELATED_SERVICE: {Role.CLOUD_PROVIDER},
    IncidentCause.SUBSTANTIAL_MODIFICATION: {Role.FINE_TUNER},
    IncidentCause.CYBERATTACK: {
        Role.DEVELOPER,
        Role.PROVIDER,
        Role.CLOUD_PROVIDER,
        Role.DEPLOYER,
        Role.OPERATOR,
    },
    IncidentCause.MISUSE: _USERS,
    IncidentCause.OPERATOR_ERROR: {Role.OPERATOR, Role.DEPLOYER},
}
# interests general tort law protects everywhere (DE: §823(1) incl. personality rights)
_SERIOUS = {FaultIndicator.INTENTIONAL_HARM, FaultIndicator.STATUTORY_BREACH}
_VEHICLES = {AnnexIProduct.MOTOR_VEHICLES, AnnexIProduct.TWO_THREE_WHEEL_VEHICLES}
_PROTECTED = {
    Harm.PERSONAL_INJURY,
    Harm.PSYCHOLOGICAL,
    Harm.PROPERTY,
    Harm.DATA_LOSS,
    Harm.DISCRIMINATION,
    Harm.PRIVACY,
    Harm.REPUTATION,
}


def _indicators(
    ctx: Ctx, actor: Actor, duty: list[tuple[Reason, bool]], defects: DefectView
) -> tuple[list[Reason], bool]:
    found = [r for r, _ in duty]
    statutory = any(s for _, s in duty)
    for flag in actor.fault_indicators or ():
        found.append(make_reason("F1", f"{actor.name}: {flag.value.replace('_', ' ')}", ()))
        if flag in _SERIOUS:
            statutory = True  # intent or a breached protective law: fault is likely
    for cause in ctx.case.incident.causes or ():
        roles = _CAUSE_ROLES.get(cause, set())
        if actor.roles and roles & set(actor.roles):
            found.append(
                make_reason(
                    "F1",
                    f"The incident cause ({cause.value.replace('_', ' ')}) "
                    f"falls within {actor.name}'s sphere",
                    (),
                )
            )
    if is_manufacturer(ctx, actor) and defects.strong:
        found.append(
            make_reason(
                "F1",
                f"A defect of {actor.name}'s product points to a lack of "
                "care in design, testing or monitoring",
                (),
            )
        )
    infr = ctx.case.gdpr.infringements or ()
    if infr and actor.gdpr_role in (GdprRole.CONTROLLER, GdprRole.JOINT_CONTROLLER):
        statutory = True
        provs = [p for i in infr for p in GDPR_INFRINGEMENT_PROVISIONS[i]]
        found.append(
            make_reason(
                "BREACH_GDPR",
                f"{actor.name} as controller: the processing infringed the GDPR, a statutory duty",
                provs,
            )
        )
    return found, statutory


def _national(ctx: Ctx, t: Trace, actor: Actor, statutory: bool, harms: set[Harm]) -> None:
    j = ctx.jurisdiction
    for key, cond, text in (
        ("tort", "NT1", "general fault-based liability"),
        ("negligence", "NT1", "liability also for negligence"),
    ):
        pid = national_id(j, key)
        if pid and (key != "tort" or j != "DE" or harms & _PROTECTED):
            t.why(cond, f"National law: {text}", pid)
    if statutory and (pid := national_id(j, "protective_statute")):
        t.why(
            "F1",
            "Breach of a statute protecting others; whether AI Act or similar duties are "
            "protective statutes is open (uncertain law)",
            pid,
        )
    if actor.has(Role.DEPLOYER, Role.OPERATOR):
        if pid := national_id(j, "vicarious"):
            t.why("NT1", "Liability for staff operating the system (with exculpation)", pid)
        if pid := national_id(j, "things_in_custody"):
            t.why(
                "NT1",
                "Liability for things in one's custody; whether it reaches software is contested",
                pid,
            )


def _special_regimes(ctx: Ctx, t: Trace, actor: Actor, harms: set[Harm]) -> bool:
    """Strict keeper liability (road traffic), state liability, employment discrimination.

    Returns True when a strict-liability statute makes liability likely without fault.
    """
    j, strict = ctx.jurisdiction, False
    vehicle = ctx.case.ai.annex_i_product_type in _VEHICLES
    if (
        vehicle
        and actor.has(Role.OPERATOR, Role.DEPLOYER)
        and harms & {Harm.PERSONAL_INJURY, Harm.PROPERTY}
    ):
        pid = national_id(j, "road_traffic")
        t.why(
            "NT_STRICT",
            f"{actor.name} keeps or operates the vehicle: national road-traffic "
            "law makes the keeper liable without fault",
            "PLD_2024 Art 2(4)(c)",
            *([pid] if pid else []),
        )
        strict = True
    if actor.public_authority and (pid := national_id(j, "state_liability")):
        t.why("NT_STATE", f"{actor.name} acts as a public body: official liability", pid)
    point = ctx.case.ai.annex_iii_point
    employment = point is not None and point.value in ("4a", "4b")
    employer = employment and actor.has(Role.DEPLOYER, Role.OPERATOR)
    if (
        employer
        and Harm.DISCRIMINATION in harms
        and (pid := national_id(j, "employment_discrimination"))
    ):
        t.why(
            "NT_EMPLOY",
            f"{actor.name} as employer answers for discriminatory "
            "decisions in hiring or employment",
            pid,
        )
    return strict


def fault_findings(
    ctx: Ctx, indicators: dict[str, list[tuple[Reason, bool]]], defects: DefectView
) -> list[Draft]:
    """One NATIONAL_FAULT finding per defendant with a role (or an unknown role)."""
    out: list[Draft] = []
    harms = set(ctx.harms)
    inc = ctx.case.incident
    for actor in ctx.defendants():
        if actor.roles == []:
            continue  # third parties (e.g. an attacker): see allocation, not a value-chain actor
        t = Trace(Regime.NATIONAL_FAULT, actor.name)
        supplier = actor.has(Role.COMPONENT_SUPPLIER, Role.DATA_PROVIDER, Role.GPAI_PROVIDER)
        if actor.involved_in_incident is False or (
            supplier and actor.caused_defect is False and not actor.has(Role.PROVIDER)
        ):
            t.hit(_S.EXCLUDED, "F_NOTINVOLVED", f"{actor.name} had no part in the incident")
            out.append(t.build())
            continue
        if ctx.case.damage is None:
            t.hit(_S.UNKNOWN, "F2", "What harm occurred is not known")
            t.need("damage", "F2")
        elif not ctx.case.damage:
            t.hit(_S.EXCLUDED, "F2", "No damage: no claim in tort")
        else:
            t.hit(
                _S.APPLIES,
                "NT1",
                "Fault-based liability under national law is available in "
                "parallel to any other regime",
            )
        found, statutory = _indicators(ctx, actor, indicators.get(actor.name, []), defects)
        for r in found:
            t.add(r)
        contested = inc.causal_chain_known is False or bool(inc.opaque_cause)
        if contested:
            t.why("F3", "Causation is unclear or opaque: evidence access matters (step 3)")
        if statutory and not contested:
            outcome = LiabilityOutcome.LIKELY
        elif found:
            outcome = LiabilityOutcome.POSSIBLE
        elif actor.fault_indicators == [] and not actor.ai_act_breaches:
            outcome = LiabilityOutcome.UNLIKELY
        else:
            outcome = LiabilityOutcome.UNKNOWN
            if not actor.conduct:
                t.why(
                    "F_CONDUCT", f"Nothing is known yet about what {actor.name} did or failed to do"
                )
                t.need(ctx.path(actor, "conduct"), "F_CONDUCT")
        if harms and harms <= {Harm.ECONOMIC_LOSS} and ctx.jurisdiction == "DE":
            # the limit is §823(1)'s: official liability (§839 BGB) and protective statutes
            # also reach pure economic loss
            official = bool(actor.public_authority)
            outcome = (
                LiabilityOutcome.POSSIBLE if statutory or official else LiabilityOutcome.UNLIKELY
            )
            t.why(
                "F2",
                "Pure economic loss: German general tort law does not protect it; only "
                "a protective statute or intentional harm helps",
                *[
                    p
                    for p in (
                        national_id("DE", "protective_statute"),
                        national_id("DE", "intentional_harm"),
                    )
                    if p
                ],
            )
        if _special_regimes(ctx, t, actor, harms):
            outcome = LiabilityOutcome.LIKELY
        t.outcome = outcome
        _national(ctx, t, actor, statutory, harms)
        if ctx.case.claimant.contributory_fault:
            t.reduction = True
            pid = national_id(ctx.jurisdiction, "contributory_fault")
            t.why(
                "F4",
                "The injured person's contributory fault reduces damages",
                *([pid] if pid else []),
            )
        if ctx.jurisdiction is None:
            t.need("jurisdiction.member_state", "NT1")
        out.append(t.build())
    return out
