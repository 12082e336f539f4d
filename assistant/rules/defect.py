"""Defectiveness indicators (LEGAL_RULES.md §1.4, §1.6) and the later-defect defence (§1.7 E3).

The core never decides that a product is defective (G6): it lists indicators and derives a
liability outcome from them (DEF1 presumption -> likely, DEF2 indicator -> possible, none ->
unknown). A breach counts for the presumption of Art 10(2)(b) only if the requirement was
binding at the relevant time (review note on P2); otherwise it is a state-of-the-art indicator.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.facts import AiActBreach, ContributoryFault, UseType
from assistant.rules.context import Ctx
from assistant.rules.model import Reason
from assistant.rules.trace import make_reason
from assistant.vocabulary import Harm, IncidentCause, LiabilityOutcome

__all__ = [
    "DefectView",
    "DutyBinding",
    "LaterDefect",
    "defect_view",
    "later_defect",
    "retains_control",
]

# AI Act requirements that protect against harm (Arts 9, 10, 13, 14, 15), not documentation.
PROTECTIVE_AI_BREACHES = {
    AiActBreach.RISK_MGMT: "AI_ACT Art 9",
    AiActBreach.DATA_GOVERNANCE: "AI_ACT Art 10",
    AiActBreach.TRANSPARENCY_DEPLOYER: "AI_ACT Art 13",
    AiActBreach.HUMAN_OVERSIGHT: "AI_ACT Art 14",
    AiActBreach.ACCURACY_ROBUSTNESS_CYBER: "AI_ACT Art 15",
}

_POST_MARKET_CAUSES = {
    IncidentCause.RELATED_SERVICE: "PLD_2024 Art 11(2)(a)",
    IncidentCause.SOFTWARE_UPDATE: "PLD_2024 Art 11(2)(b)",
    IncidentCause.CYBERATTACK: "PLD_2024 Art 11(2)(b)",
    IncidentCause.DATA_POISONING: "PLD_2024 Art 11(2)(b)",
    IncidentCause.MISSING_SECURITY_UPDATE: "PLD_2024 Art 11(2)(c)",
    IncidentCause.SUBSTANTIAL_MODIFICATION: "PLD_2024 Art 11(2)(d)",
}
_DESIGN_CAUSES = {
    IncidentCause.DESIGN,
    IncidentCause.TRAINING_DATA,
    IncidentCause.DATA_POISONING,
    IncidentCause.ERRONEOUS_OUTPUT,
}
_CYBER_CAUSES = {
    IncidentCause.CYBERATTACK,
    IncidentCause.MISSING_SECURITY_UPDATE,
    IncidentCause.SOFTWARE_UPDATE,
}


@dataclass
class DutyBinding:
    """Which duty lines bind whom at the incident (filled by the duty regimes first)."""

    ai_provider_binding: dict[str, bool | None] = field(default_factory=dict)
    cra_requirements_binding: dict[str, bool | None] = field(default_factory=dict)
    prohibited_binding: bool = False


@dataclass
class DefectView:
    """Indicators of defectiveness of the product that caused the damage."""

    strong: list[Reason] = field(default_factory=list)  # DEF1: a presumption applies
    adverse: list[Reason] = field(default_factory=list)  # DEF2
    negative: list[Reason] = field(default_factory=list)  # DEF4
    notes: list[Reason] = field(default_factory=list)
    needs: list[tuple[str, str]] = field(default_factory=list)

    def outcome(self) -> LiabilityOutcome:
        """Liability outcome from the indicators alone."""
        if self.strong:
            return LiabilityOutcome.LIKELY
        if self.adverse:
            return LiabilityOutcome.POSSIBLE
        if self.negative:
            return LiabilityOutcome.UNLIKELY
        return LiabilityOutcome.UNKNOWN

    def reasons(self) -> list[Reason]:
        """All indicator reasons, strongest first."""
        return self.strong + self.adverse + self.negative + self.notes


def defect_view(ctx: Ctx, duties: DutyBinding, presumptions: bool = True) -> DefectView:
    """Indicators from the facts; ``presumptions=False`` for PLD_1985 (no Art 10 there)."""
    case, v = ctx.case, DefectView()
    inc, prod, ai = case.incident, case.product, case.ai
    causes = set(inc.causes or ())

    def strong(cond: str, text: str, pid: str) -> None:
        if presumptions:
            v.strong.append(make_reason(cond, text, [pid]))
        else:  # same fact, but only evidence under 85/374 (no statutory presumption)
            v.strong.append(make_reason("O5", text + " (evidence only: no presumption)", ()))

    if inc.obvious_malfunction:
        strong(
            "DEF1",
            "Obvious malfunction during reasonably foreseeable use: defectiveness is presumed",
            "PLD_2024 Art 10(2)(c)",
        )
    if case.evidence.defendant_refused_disclosure and presumptions:
        v.strong.append(
            make_reason(
                "DEF1",
                "The defendant failed to disclose evidence after an "
                "order: defectiveness is presumed",
                ["PLD_2024 Art 10(2)(a)"],
            )
        )
    for actor in case.actors:
        for breach in actor.ai_act_breaches or ():
            pid = PROTECTIVE_AI_BREACHES.get(breach)
            if pid is None:
                continue
            binding = duties.ai_provider_binding.get(actor.name)
            if binding:
                strong(
                    "DEF1",
                    f"{actor.name} breached a binding AI Act safety requirement "
                    f"({pid}): the presumption for non-compliance with mandatory safety "
                    "requirements applies",
                    "PLD_2024 Art 10(2)(b)",
                )
            else:
                v.adverse.append(
                    make_reason(
                        "DEF2",
                        f"{actor.name} did not meet {pid}, which was not yet binding: "
                        "evidence of the safety one may expect (state of the art), no presumption",
                        ["PLD_2024 Art 7(2)(f)"],
                    )
                )
        for _breach in actor.cra_breaches or ():
            if duties.cra_requirements_binding.get(actor.name):
                strong(
                    "DEF1",
                    f"{actor.name} breached binding CRA cybersecurity requirements",
                    "PLD_2024 Art 10(2)(b)",
                )
            else:
                v.adverse.append(
                    make_reason(
                        "DEF2",
                        f"{actor.name}: CRA-type cybersecurity shortcoming (requirement not "
                        "binding on this product at the time): a safety-relevant cybersecurity "
                        "indicator",
                        ["PLD_2024 Art 7(2)(f)"],
                    )
                )
            break
    if duties.prohibited_binding:
        strong(
            "DEF1",
            "The system performs a prohibited AI practice: it lacks the safety Union law requires",
            "PLD_2024 Art 7(1)",
        )
    if prod.warnings_adequate is False or prod.instructions_provided is False:
        v.adverse.append(
            make_reason(
                "DEF2", "Warnings or instructions were inadequate", ["PLD_2024 Art 7(2)(a)"]
            )
        )
    if inc.use_type in (UseType.INTENDED, UseType.FORESEEABLE_MISUSE):
        v.adverse.append(
            make_reason(
                "DEF2", "The harm arose in reasonably foreseeable use", ["PLD_2024 Art 7(2)(b)"]
            )
        )
    elif inc.use_type is UseType.UNFORESEEABLE_MISUSE:
        v.negative.append(make_reason("DEF4", "Used in a way the maker could not foresee", ()))
    if ai.continues_learning or ai.behaviour_changed_after_release:
        v.adverse.append(
            make_reason(
                "DEF2",
                "The system keeps learning or changed behaviour after release",
                ["PLD_2024 Art 7(2)(c)"],
            )
        )
    if IncidentCause.RELATED_SERVICE in causes or (prod.interconnected_with and causes):
        v.adverse.append(
            make_reason(
                "DEF2", "Effect of inter-connected products or services", ["PLD_2024 Art 7(2)(d)"]
            )
        )
    if causes & _CYBER_CAUSES or inc.vulnerability_exploited:
        v.adverse.append(
            make_reason(
                "DEF2",
                "Security weakness exploited or unpatched: safety-relevant cybersecurity",
                ["PLD_2024 Art 7(2)(f)"],
            )
        )
    if prod.recall_or_intervention:
        v.adverse.append(
            make_reason("DEF2", "Recall or safety intervention", ["PLD_2024 Art 7(2)(g)"])
        )
    if prod.vulnerable_user_group:
        v.adverse.append(
            make_reason(
                "DEF2",
                "Intended users have specific needs (e.g. children)",
                ["PLD_2024 Art 7(2)(h)"],
            )
        )
    if prod.safety_purpose and inc.failed_safety_function:
        v.adverse.append(
            make_reason(
                "DEF2",
                "A product meant to prevent damage failed to do so",
                ["PLD_2024 Art 7(2)(i)"],
            )
        )
    if causes & _DESIGN_CAUSES:
        v.adverse.append(
            make_reason("DEF2", "A design, data or output flaw is described", ["PLD_2024 Art 7(1)"])
        )
    if case.manufacturer.retains_control:
        v.notes.append(
            make_reason(
                "DEF2",
                "The maker keeps control (updates, hosting): the "
                "relevant moment is when the product left its control",
                ["PLD_2024 Art 7(2)(e)"],
            )
        )
    if prod.later_version_fixed_issue:
        v.notes.append(
            make_reason(
                "DEF7_3", "A later version fixing the issue is not by itself proof of a defect", ()
            )
        )
    if not (v.strong or v.adverse or v.negative):
        v.needs.append(("incident.obvious_malfunction", "DEF3"))
        if inc.causes is None:
            v.needs.append(("incident.causes", "DEF3"))
    if inc.use_type is None and set(ctx.harms) & _PHYSICAL:
        # Art 7(2)(b): the use that could reasonably be expected (the maker's first defence is
        # misuse); asked, never assumed
        v.needs.append(("incident.use_type", "DEF2"))
    if (
        not v.strong
        and case.evidence.logs_available is None
        and (inc.opaque_cause or inc.causes is None or IncidentCause.UNKNOWN in causes)
    ):
        v.needs.append(("evidence.logs_available", "EV_LOGS"))
    return v


_PHYSICAL = {Harm.PERSONAL_INJURY, Harm.PROPERTY}


@dataclass
class LaterDefect:
    """E3/E3x for one defendant: the later-defect defence, blocked or open."""

    blocked_by: list[Reason] = field(default_factory=list)
    candidate: Reason | None = None
    need_control: bool = False


def retains_control(ctx: Ctx) -> bool | None:
    """Manufacturer's control (PLD_2024 Art 4(5)): stated, or derived from who controls updates."""
    m = ctx.case.manufacturer
    if m.retains_control is not None or m.updates_controlled_by is None:
        return m.retains_control
    who = ctx.case.actor(m.updates_controlled_by)
    if who is None:
        return None
    from assistant.rules.pld_roles import is_manufacturer

    return bool(is_manufacturer(ctx, who))


def later_defect(ctx: Ctx, modified_by_other: bool) -> LaterDefect:
    """Whether the 'defect arose later' defence is open (E3) or blocked (E3x, Recital 51)."""
    case, out = ctx.case, LaterDefect()
    causes = set(case.incident.causes or ())
    post = {c: pid for c, pid in _POST_MARKET_CAUSES.items() if c in causes}
    learning = bool(case.ai.continues_learning or case.ai.behaviour_changed_after_release)
    if not post and not learning and not modified_by_other:
        return out
    control = retains_control(ctx)
    skipped = ContributoryFault.NO_UPDATE_INSTALLED in (case.claimant.contributory_fault or ())
    if modified_by_other:
        out.candidate = make_reason(
            "E3",
            "The defect may have come from another actor's modification outside this "
            "manufacturer's control, after it placed the product on the market",
            (),
        )
        return out
    if control and not skipped:
        pids = list(dict.fromkeys(post.values() or ["PLD_2024 Art 11(2)(b)"]))
        out.blocked_by.append(
            make_reason(
                "E3x",
                "The later-defect defence is not available: the defect stems from software, "
                "updates, related services or modifications within the manufacturer's control",
                ["PLD_2024 Art 11(1)(c)", *pids],
            )
        )
        return out
    if skipped:
        out.candidate = make_reason(
            "E3x",
            "An update was supplied but not installed by the owner: that is beyond the "
            "manufacturer's control, so the later-defect defence may revive",
            ["PLD_2024 Art 11(1)(c)", "PLD_2024 Recital 51"],
        )
        return out
    out.candidate = make_reason(
        "E3",
        "The defect may have arisen after placing on the market (update, learning, "
        "attack) and the manufacturer's control over it is not established",
        (),
    )
    out.need_control = control is None
    return out
