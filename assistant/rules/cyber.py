"""CRA (LEGAL_RULES.md §5) and NIS2 (§6): duty regimes whose breaches feed defect and fault.

CRA has two lines: the product requirements (Art 13, from 11 Dec 2027, only for products placed
from then or substantially modified after, Art 69(2)) and the reporting duty (Art 14, from
11 Sep 2026, for all products, Art 69(3)), which an exploited vulnerability or a severe
incident triggers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.facts import Actor, CraBreach, Nis2Breach, Nis2Entity, ProductKind
from assistant.rules.ai_roles import modifiers
from assistant.rules.context import Ctx
from assistant.rules.model import Reason
from assistant.rules.pld_roles import is_manufacturer
from assistant.rules.trace import Draft, Trace, make_reason
from assistant.vocabulary import IncidentCause, Regime, Role, ScopeStatus

__all__ = ["CyberOutcome", "cra_findings", "nis2_findings"]

_S = ScopeStatus
_BINDING = (_S.APPLIES, _S.LIKELY)
_CRA_BREACH = {
    CraBreach.ESSENTIAL_REQS: "CRA Art 13(1)",
    CraBreach.RISK_ASSESSMENT: "CRA Art 13(2)",
    CraBreach.COMPONENT_DUE_DILIGENCE: "CRA Art 13(5)",
    CraBreach.VULN_HANDLING: "CRA Art 13(8)",
    CraBreach.SUPPORT_PERIOD: "CRA Art 13(8)",
    CraBreach.SECURITY_UPDATES: "CRA Art 13(9)",
    CraBreach.REPORT_VULN: "CRA Art 14(1)",
    CraBreach.REPORT_INCIDENT: "CRA Art 14(3)",
}
# Nis2Breach lists the Art 21(2) measures (a)-(j) in order, then Art 23 reporting.
_NIS2_BREACH: dict[Nis2Breach, str] = {
    b: f"NIS2 Art 21(2)({chr(ord('a') + i)})" for i, b in enumerate(Nis2Breach)
}
_NIS2_BREACH[Nis2Breach.INCIDENT_REPORTING] = "NIS2 Art 23(1)"


@dataclass
class CyberOutcome:
    """Findings plus what they feed into PLD and fault."""

    findings: list[Draft] = field(default_factory=list)
    requirements_binding: dict[str, bool | None] = field(default_factory=dict)
    indicators: dict[str, list[tuple[Reason, bool]]] = field(default_factory=dict)


def _cra_role(ctx: Ctx, actor: Actor) -> tuple[str, str] | None:
    if is_manufacturer(ctx, actor) or actor.has(Role.COMPONENT_SUPPLIER):
        return ("manufacturer", "CRA_MFR")
    if actor in modifiers(ctx) and ctx.case.modification.substantial:
        return ("manufacturer (substantial modification)", "CRA_SHIFT")
    if actor.has(Role.IMPORTER):
        return ("importer", "CRA_IMP")
    if actor.has(Role.DISTRIBUTOR):
        return ("distributor", "CRA_DIST")
    return None


def _cra_scope(ctx: Ctx, actor: Actor, t: Trace) -> None:
    case = ctx.case
    if actor.foss_noncommercial:
        t.hit(
            _S.EXCLUDED,
            "C_FOSS",
            f"{actor.name}'s open-source software is not monetised: not "
            "made available on the market under the CRA",
        )
    family = (
        ctx.data.annex_i(case.ai.annex_i_product_type.value, ctx.ai_version_event)
        if (case.ai.annex_i_product_type)
        else None
    )
    if family is not None and family.cra_excluded:
        t.hit(
            _S.EXCLUDED,
            "C2",
            f"{family.label.capitalize()} are governed by their own rules",
            family.cra_excluded,
        )
    if case.product.digital_elements is False:
        t.hit(_S.EXCLUDED, "C_NODE", "The product has no data connection to a device or network")
    elif case.product.kind is ProductKind.SAAS:
        t.hit(
            _S.POSSIBLE,
            "C6",
            "An online service is covered only as the remote data "
            "processing of a product (uncertain for pure SaaS AI)",
        )
    elif case.product.digital_elements is None:
        t.hit(
            _S.LIKELY,
            "C1",
            "Software or a connected device: a product with digital elements "
            "(assumed; confirm it connects to a device or network)",
        )
        t.need("product.digital_elements", "C1")
    else:
        t.hit(_S.APPLIES, "C1", "A product with digital elements")


def cra_findings(ctx: Ctx, high_risk: bool = False) -> CyberOutcome:
    """CRA requirement and reporting lines per defendant."""
    out = CyberOutcome()
    main, reporting = ctx.fixed("CRA_MAIN"), ctx.fixed("CRA_REPORTING")
    causes = set(ctx.case.incident.causes or ())
    exploited = bool(
        ctx.case.incident.vulnerability_exploited or IncidentCause.CYBERATTACK in causes
    )
    for actor in ctx.defendants():
        role = _cra_role(ctx, actor)
        if role is None:
            t = Trace(Regime.CRA, actor.name, "no role")
            t.hit(
                _S.EXCLUDED,
                "CRA_NOROLE",
                f"{actor.name} does not make, import or distribute the product",
            )
            out.findings.append(t.build())
            continue
        name, cond = role
        req = Trace(Regime.CRA, actor.name, "requirements")
        req.why(cond, f"{actor.name} as {name}")
        _cra_scope(ctx, actor, req)
        placed = ctx.market_date_for(actor)
        mod = ctx.case.modification
        if ctx.incident_before(main.day):
            req.hit(
                _S.EXCLUDED,
                "C4",
                f"The CRA requirements apply from {main.day.isoformat()}; the incident came before",
                *main.provisions,
            )
        elif placed is None:
            req.hit(
                _S.UNKNOWN,
                "C4",
                "When the product was placed on the market decides whether "
                "the CRA requirements apply to it",
                *main.provisions,
            )
            req.need("product.market_date", "C4")
        elif placed < main.day and not (mod.substantial and mod.date and mod.date >= main.day):
            req.hit(
                _S.EXCLUDED,
                "C4",
                f"Placed on {placed.isoformat()}, before "
                f"{main.day.isoformat()}, and not substantially modified since: the CRA "
                "requirements do not apply to it",
                *main.provisions,
            )
        req.levels.append(_S.APPLIES)
        if high_risk and name == "manufacturer":
            req.why(
                "CA1",
                "Meeting the CRA essential requirements, shown in the CRA declaration "
                "of conformity, also covers the AI Act's cybersecurity requirement for this "
                "high-risk system",
                "CRA Art 12(1)",
                *(["AI_ACT Art 42(3)"] if ctx.ai_amended else ["AI_ACT Art 15"]),
            )
        rep = Trace(Regime.CRA, actor.name, "reporting")
        rep.why(cond, f"{actor.name} as {name}")
        _cra_scope(ctx, actor, rep)
        if name != "manufacturer" and cond != "CRA_SHIFT":
            rep.hit(_S.EXCLUDED, "C5", "Reporting is the manufacturer's duty")
        elif not exploited:
            rep.hit(
                _S.EXCLUDED,
                "C5",
                "No actively exploited vulnerability or severe security incident is known",
            )
        else:
            before = ctx.incident_before(reporting.day)
            if before:
                rep.hit(
                    _S.EXCLUDED,
                    "C5",
                    f"Reporting applies from {reporting.day.isoformat()}; the incident came before",
                    *reporting.provisions,
                )
            elif before is None:
                rep.hit(
                    _S.UNKNOWN,
                    "C5",
                    "Reporting applies from "
                    f"{reporting.day.isoformat()}; the incident date is needed",
                    *reporting.provisions,
                )
                rep.need("incident.date", "C5")
            else:
                rep.hit(
                    _S.APPLIES,
                    "C5",
                    "An exploited vulnerability must be reported (early "
                    "warning 24 h, notification 72 h, final report 14 days after a fix), also "
                    "for products placed before 11 Dec 2027",
                    "CRA Art 69(3)",
                    "CRA Art 14(1)",
                    "CRA Art 14(2)",
                )
        f_req, f_rep = req.build(), rep.build()
        out.findings += [f_req, f_rep]
        out.requirements_binding[actor.name] = f_req.scope_status in _BINDING
        for breach in actor.cra_breaches or ():
            line = f_rep if breach in (CraBreach.REPORT_VULN, CraBreach.REPORT_INCIDENT) else f_req
            statutory = line.scope_status in _BINDING
            out.indicators.setdefault(actor.name, []).append(
                (
                    make_reason(
                        "BREACH_CRA",
                        f"{actor.name} did not meet {_CRA_BREACH[breach]}"
                        + (
                            " (binding at the incident)"
                            if statutory
                            else " (not yet binding on it: state of the art)"
                        ),
                        [_CRA_BREACH[breach]],
                    ),
                    statutory,
                )
            )
    return out


def nis2_findings(ctx: Ctx) -> CyberOutcome:
    """NIS2 per defendant: essential/important entities (N-rules)."""
    out = CyberOutcome()
    applies = ctx.fixed("NIS2_APPLY")
    for actor in ctx.defendants():
        t = Trace(Regime.NIS2, actor.name)
        entity = actor.nis2_entity
        path = ctx.path(actor, "nis2_entity")
        if entity in (Nis2Entity.ESSENTIAL, Nis2Entity.IMPORTANT):
            cites = ["NIS2 Art 3(1)" if entity is Nis2Entity.ESSENTIAL else "NIS2 Art 3(2)"]
            if actor.has(Role.CLOUD_PROVIDER):  # digital infrastructure, Annex I point 8
                cites.append("NIS2 Annex I")
            t.why("N1", f"{actor.name} is an {entity.value} entity", *cites)
            before = ctx.incident_before(applies.day)
            if before:
                t.hit(
                    _S.EXCLUDED,
                    "N1",
                    "National NIS2 measures apply from "
                    f"{applies.day.isoformat()}; the incident came before",
                    *applies.provisions,
                )
            elif before is None:
                t.hit(_S.UNKNOWN, "N1", "The incident date is needed", *applies.provisions)
                t.need("incident.date", "N1")
            else:
                t.hit(
                    _S.APPLIES,
                    "N5",
                    "Risk-management measures (incl. supply-chain security "
                    "and vulnerability handling) apply under national law",
                )
                t.why(
                    "N6",
                    "Significant incidents must be reported (24 h early warning, 72 h "
                    "notification, final report within one month)",
                )
                t.why("N8", "Its management body approves and oversees the measures")
        elif entity is Nis2Entity.NONE:
            t.hit(_S.EXCLUDED, "N_NONE", f"{actor.name} is not a NIS2 entity")
        elif actor.has(Role.CLOUD_PROVIDER):
            t.hit(
                _S.UNKNOWN,
                "N_UNKNOWN",
                f"{actor.name} provides cloud or managed services, a "
                "NIS2 sector; whether it is an essential or important entity is not known",
            )
            t.need(path, "N_UNKNOWN")
            t.provisionally(
                path,
                _S.APPLIES,
                _S.EXCLUDED,
                "essential or important entity",
                "below the thresholds or outside the sectors",
            )
        else:
            t.hit(_S.EXCLUDED, "N_NONE", f"Nothing indicates that {actor.name} is a NIS2 entity")
        f = t.build()
        out.findings.append(f)
        for breach in actor.nis2_breaches or ():
            statutory = f.scope_status in _BINDING
            out.indicators.setdefault(actor.name, []).append(
                (
                    make_reason(
                        "BREACH_NIS2",
                        f"{actor.name} did not meet {_NIS2_BREACH[breach]}",
                        [_NIS2_BREACH[breach]],
                    ),
                    statutory,
                )
            )
    return out
