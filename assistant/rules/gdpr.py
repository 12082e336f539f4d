"""GDPR Art 82 compensation per actor (LEGAL_RULES.md §4.4 decision table, §4.2 split).

Role defaults (§4.2, overridable): deployers and operators act as controllers; AI vendors,
cloud and infrastructure providers as processors or controllers depending on their own use of
the data (unknown -> asked); supply-chain actors with no processing role are excluded.
"""

from __future__ import annotations

from assistant.facts import Actor, GdprInfringement, GdprRole
from assistant.rules.context import Ctx
from assistant.rules.trace import Draft, Trace
from assistant.vocabulary import Harm, LiabilityOutcome, Regime, Role, ScopeStatus

__all__ = ["GDPR_INFRINGEMENT_PROVISIONS", "gdpr_findings"]

_S = ScopeStatus

GDPR_INFRINGEMENT_PROVISIONS: dict[GdprInfringement, list[str]] = {
    GdprInfringement.ART22_SOLELY_AUTOMATED: ["GDPR Art 22(1)", "GDPR Art 22(3)"],
    GdprInfringement.SECURITY: ["GDPR Art 32(1)"],
    GdprInfringement.BREACH_NOTIFY_SA: ["GDPR Art 33(1)"],
    GdprInfringement.BREACH_NOTIFY_SUBJECTS: ["GDPR Art 34(1)"],
    GdprInfringement.LAWFULNESS: ["GDPR Art 6(1)"],
    GdprInfringement.DPIA: ["GDPR Art 35"],
    GdprInfringement.PROCESSOR_CONTRACT: ["GDPR Art 28(3)"],
}
GDPR_INFRINGEMENT_LABELS: dict[GdprInfringement, str] = {
    GdprInfringement.ART22_SOLELY_AUTOMATED: "a decision based solely on automated processing "
    "without the required safeguards",
    GdprInfringement.SECURITY: "insufficient security of processing",
    GdprInfringement.BREACH_NOTIFY_SA: "data breach not notified to the supervisory authority",
    GdprInfringement.BREACH_NOTIFY_SUBJECTS: "data breach not communicated to the people affected",
    GdprInfringement.LAWFULNESS: "processing without a legal basis",
    GdprInfringement.DPIA: "no data protection impact assessment",
    GdprInfringement.PROCESSOR_CONTRACT: "no adequate controller-processor contract",
}
_CONTROLLER_BY_DEFAULT = {Role.DEPLOYER, Role.OPERATOR, Role.INTEGRATOR}
_NO_PROCESSING = {
    Role.DISTRIBUTOR,
    Role.IMPORTER,
    Role.AUTHORISED_REPRESENTATIVE,
    Role.FULFILMENT_SERVICE_PROVIDER,
    Role.ONLINE_PLATFORM,
    Role.COMPONENT_SUPPLIER,
    Role.END_USER,
}


def _role(ctx: Ctx, actor: Actor, t: Trace) -> None:
    role = actor.gdpr_role
    path = ctx.path(actor, "gdpr_role")
    if role in (GdprRole.CONTROLLER, GdprRole.JOINT_CONTROLLER):
        t.hit(
            _S.APPLIES,
            "GR1",
            f"{actor.name} is a controller involved in the processing: "
            "liable for damage caused by infringing processing",
        )
        t.outcome = LiabilityOutcome.LIKELY
    elif role is GdprRole.PROCESSOR:
        within = actor.processor_within_instructions
        if within is True:
            t.hit(
                _S.EXCLUDED,
                "GR3",
                f"{actor.name} processed only on the controller's lawful "
                "instructions and met its processor duties",
            )
        elif within is False:
            t.hit(
                _S.APPLIES,
                "GR2",
                f"{actor.name} is a processor that acted outside or against "
                "the controller's instructions (or breached processor duties)",
            )
            t.outcome = LiabilityOutcome.LIKELY
        else:
            t.hit(
                _S.POSSIBLE,
                "GR2",
                f"{actor.name} is a processor: liable only for breaching its "
                "own duties or the controller's instructions",
            )
            t.need(ctx.path(actor, "processor_within_instructions"), "GR2")
            t.outcome = LiabilityOutcome.POSSIBLE
    elif role is GdprRole.NONE:
        t.hit(
            _S.EXCLUDED,
            "GR_NONE",
            f"{actor.name} neither decides on nor carries out the processing",
        )
    elif actor.roles is not None and set(actor.roles) and set(actor.roles) <= _NO_PROCESSING:
        t.hit(_S.EXCLUDED, "GR_NONE", f"{actor.name} has no data-processing role by default")
        t.need(path, "GR7", sticky=True)
    elif actor.has(*_CONTROLLER_BY_DEFAULT):
        t.hit(
            _S.POSSIBLE,
            "GR1",
            f"{actor.name} uses the system on people's data: a controller "
            "by default (to be confirmed)",
        )
        t.need(path, "GR7")
        # §4.2 default mapping: the deployer using the system on people's data is the
        # controller; with a known infringement and damage GR1 makes liability likely
        infringed = bool(ctx.case.gdpr.infringements) and bool(ctx.case.damage)
        user = actor.has(Role.DEPLOYER, Role.OPERATOR)
        t.outcome = LiabilityOutcome.LIKELY if infringed and user else LiabilityOutcome.POSSIBLE
    else:
        t.hit(
            _S.UNKNOWN,
            "GR7",
            f"Whether {actor.name} is a controller, a processor or neither is not known",
        )
        t.need(path, "GR7")
        t.provisionally(
            path,
            _S.APPLIES,
            _S.EXCLUDED,
            "controller (or processor in breach)",
            "no processing role, or a processor within instructions",
        )


def _signal(ctx: Ctx, actor: Actor) -> bool:
    """Facts that point to personal data: a data-protection harm or a GDPR role."""
    harms = set(ctx.harms)
    return bool(harms & {Harm.PRIVACY, Harm.DISCRIMINATION}) or actor.gdpr_role is not None


def _physical_only(ctx: Ctx) -> bool:
    return bool(ctx.harms) and set(ctx.harms) <= {Harm.PERSONAL_INJURY, Harm.PROPERTY}


def gdpr_findings(ctx: Ctx) -> list[Draft]:
    """One GDPR_82 finding per defendant."""
    out: list[Draft] = []
    case = ctx.case
    personal = case.data.personal_data_processed
    infringements = case.gdpr.infringements
    applies_from = ctx.fixed("GDPR_APPLIES")
    for actor in ctx.defendants():
        t = Trace(Regime.GDPR_82, actor.name)
        if personal is False:
            t.hit(_S.EXCLUDED, "GD1x", "No personal data were processed")
            out.append(t.build())
            continue
        if personal is None and infringements is None and not _signal(ctx, actor):
            # Deviation from §4.4 row 2 (documented): with nothing pointing to personal data,
            # a GDPR claim is not presented as available; the questions stay open.
            t.hit(
                _S.EXCLUDED,
                "GD1",
                "Nothing indicates that personal data were processed or "
                "that the GDPR was infringed",
            )
            # asked unless the harm is only bodily or to things: GDPR Art 82 compensates
            # damage caused by infringing processing, not a device's physical failure
            t.need("data.personal_data_processed", "GD1", sticky=not _physical_only(ctx))
            out.append(t.build())
            continue
        if personal is None:
            t.hit(
                _S.UNKNOWN,
                "GD1",
                "Whether the system processed data about identifiable people is not known",
            )
            t.need("data.personal_data_processed", "GD1")
            t.provisionally(
                "data.personal_data_processed",
                _S.APPLIES,
                _S.EXCLUDED,
                "personal data processed",
                "no personal data",
            )
        else:
            t.hit(_S.APPLIES, "GD1", "Personal data were processed")
        if ctx.incident is not None and ctx.incident < applies_from.day:
            t.hit(_S.EXCLUDED, "GD_DATE", "The GDPR did not apply yet", *applies_from.provisions)
        if infringements is None:
            t.hit(
                _S.UNKNOWN,
                "GD2",
                "No infringement of the GDPR is known yet (breach, automated "
                "decision without review, no legal basis ...)",
            )
            t.need("gdpr.infringements", "GD2")
        elif not infringements:
            t.hit(_S.EXCLUDED, "GD2", "No infringement of the GDPR")
        else:
            for inf in infringements:
                t.why(
                    "BREACH_GDPR",
                    f"Infringement: {GDPR_INFRINGEMENT_LABELS[inf]}",
                    *GDPR_INFRINGEMENT_PROVISIONS[inf],
                )
            t.hit(_S.APPLIES, "GD2", "The processing infringed the GDPR")
        if case.damage is None:
            t.hit(_S.UNKNOWN, "GD3", "What damage occurred is not known")
            t.need("damage", "GD3")
        elif not case.damage:
            t.hit(_S.EXCLUDED, "GD3", "An infringement without damage gives no compensation")
        else:
            t.hit(_S.APPLIES, "GD3", "Material or non-material damage was suffered")
        _role(ctx, actor, t)
        out.append(t.build())
    return out
