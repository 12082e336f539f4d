"""AI Act classification of the system (LEGAL_RULES.md §3.2, §3.3): scope, prohibited practices,
high-risk route, transparency triggers, and the case's risk label.

Order (§3.3): prohibited -> high-risk Annex I -> high-risk Annex III (with the Art 6(3)
derogation) -> transparency -> GPAI -> minimal. Dates are not applied here (a system's class
does not depend on when it is judged); the duty lines apply them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.facts import AnnexIIIPoint, Art63Condition, PracticeFlag, ProductKind
from assistant.rules.context import Ctx
from assistant.rules.dates import AnnexIEntry, LegalData, LegalDate
from assistant.rules.model import Reason
from assistant.rules.trace import make_reason
from assistant.vocabulary import RiskLabel, Role, ScopeStatus

__all__ = ["Classification", "Practice", "classify", "risk_assumption", "risk_label"]

_PRACTICE_POINT: dict[PracticeFlag, str] = {
    PracticeFlag.SUBLIMINAL_MANIPULATION: "a",
    PracticeFlag.EXPLOIT_VULNERABILITY: "b",
    PracticeFlag.INTIMATE_DEEPFAKE_NONCONSENSUAL: "ba",
    PracticeFlag.CSAM_GENERATION: "bb",
    PracticeFlag.SOCIAL_SCORING: "c",
    PracticeFlag.CRIME_PREDICTION_PROFILING: "d",
    PracticeFlag.FACIAL_SCRAPING: "e",
    PracticeFlag.EMOTION_RECOGNITION_WORK_EDUCATION: "f",
    PracticeFlag.BIOMETRIC_CATEGORISATION_SENSITIVE: "g",
    PracticeFlag.REALTIME_RBI_LAW_ENFORCEMENT: "h",
}
_NEW_PRACTICES = {PracticeFlag.INTIMATE_DEEPFAKE_NONCONSENSUAL, PracticeFlag.CSAM_GENERATION}


@dataclass(frozen=True)
class Practice:
    """One prohibited-practice flag: its point and the date it binds (None: not in that text)."""

    flag: PracticeFlag
    provision: str
    applies_from: LegalDate | None


@dataclass
class Classification:
    """The AI Act class of the system, with the reasons and missing facts behind it."""

    is_ai: bool | None
    scope_reasons: list[Reason] = field(default_factory=list)
    out_of_scope: bool = False  # AS7/AS8 or not used in the EU
    practices: list[Practice] = field(default_factory=list)
    high_risk: ScopeStatus = ScopeStatus.UNKNOWN  # applies/likely/possible/excluded/unknown
    route: str | None = None  # "annex_i" | "annex_iii"
    section_b: bool = False
    annex_i: AnnexIEntry | None = None
    annex_iii_ref: str | None = None
    hr_reasons: list[Reason] = field(default_factory=list)
    hr_needs: list[tuple[str, str]] = field(default_factory=list)
    transparency: bool = False
    default_annex_i: bool = False  # Annex I ruled out by default (software), to be confirmed

    @property
    def high_risk_date_name(self) -> str:
        """Name of the legal date from which the route's Chapter III duties bind."""
        return (
            "AI_ACT_HIGH_RISK_ANNEX_I" if self.route == "annex_i" else "AI_ACT_HIGH_RISK_ANNEX_III"
        )

    @property
    def legacy_date_name(self) -> str:
        """Name of the Art 111(2) cut-off date for the route."""
        if self.route == "annex_i":
            return "AI_ACT_LEGACY_CUTOFF_ANNEX_I"
        return "AI_ACT_LEGACY_CUTOFF_ANNEX_III"

    @property
    def is_high_risk(self) -> bool:
        """Classified high-risk (applies or likely)."""
        return self.high_risk in (ScopeStatus.APPLIES, ScopeStatus.LIKELY)


def _annex_iii_ref(point: AnnexIIIPoint) -> str:
    value = point.value
    number, letter = value[0], value[1:]
    return (
        f"AI_ACT Annex III point {number}({letter})"
        if letter
        else f"AI_ACT Annex III point {number}"
    )


_NOT_DEVICES = {ProductKind.SAAS, ProductKind.AI_MODEL, ProductKind.STANDALONE_SOFTWARE}


def _annex_i(ctx: Ctx, c: Classification, data: LegalData) -> ScopeStatus | None:
    """HR1: None if the Annex I route is not relevant, else its status."""
    ai = ctx.case.ai
    family = ai.annex_i_product_type
    is_product = (
        ai.annex_i_product
        if ai.annex_i_product is not None
        else (True if family is not None else None)
    )
    if is_product is False:
        return ScopeStatus.EXCLUDED
    if is_product is None and ctx.case.product.kind in _NOT_DEVICES:
        # Software, online services and bare models are Annex I products only in named cases
        # (e.g. medical device software), which the product type would say: no by default.
        c.default_annex_i = True
        return ScopeStatus.EXCLUDED
    if is_product is None:
        return None
    if family is not None:
        c.annex_i = data.annex_i(family.value, ctx.ai_version_event)
    if c.annex_i is not None and c.annex_i.section == "A":
        point = ctx.ai_ref(f"AI_ACT Annex I Section A point {c.annex_i.point}")
        c.hr_reasons.append(
            make_reason(
                "HR1",
                f"{c.annex_i.label.capitalize()} are listed in Annex I Section A in the AI Act text "
                "applicable at the incident",
                ["AI_ACT Art 6(1)(a)", point],
            )
        )
    if c.annex_i is not None and c.annex_i.section == "B":
        c.section_b = True
        point = ctx.ai_ref(f"AI_ACT Annex I Section B point {c.annex_i.point}")
        c.hr_reasons.append(
            make_reason(
                "HR1B",
                f"{c.annex_i.label.capitalize()} is listed in Annex I Section B in the AI Act text "
                "applicable at the incident: for such products only Art 6(1), Art 60a and "
                "Arts 102-112 apply, so the AI Act's own provider and deployer duties do not; the "
                "sectoral law carries the AI requirements",
                [ctx.ai_ref("AI_ACT Art 2(2)"), point],
            )
        )
    if ai.safety_component is False and ctx.ai_amended:
        c.hr_reasons.append(
            make_reason(
                "HR1",
                "The AI only serves non-safety functions, so it is not a safety component",
                ["AI_ACT Art 6(1a)"],
            )
        )
        return ScopeStatus.EXCLUDED
    third_party = ai.third_party_conformity
    if third_party is None and c.annex_i is not None and c.annex_i.third_party_always:
        # Art 6(1)(b): for these families the sectoral law always involves a third party
        # (type approval, notified body), so the fact follows from the product type (data).
        third_party = True
        c.hr_reasons.append(
            make_reason(
                "HR1",
                f"{c.annex_i.label.capitalize()} always undergo third-party assessment "
                f"({c.annex_i.third_party_always})",
                ["AI_ACT Art 6(1)(b)"],
            )
        )
    if third_party is None:
        c.hr_needs.append(("ai.third_party_conformity", "HR1"))
        return ScopeStatus.UNKNOWN
    if third_party is False:
        provs = ["AI_ACT Art 6(1)", "AI_ACT Art 6(1)(b)"]
        c.hr_reasons.append(
            make_reason(
                "HR1",
                "Annex I product, but no third-party conformity assessment is required, so the "
                "Art 6(1)(b) condition for high-risk is not met",
                provs,
            )
        )
        return ScopeStatus.EXCLUDED
    c.hr_reasons.append(
        make_reason(
            "HR1",
            "The AI is (a safety component of) an Annex I product that needs third-party conformity "
            "assessment: high-risk under Art 6(1)",
            ["AI_ACT Art 6(1)", "AI_ACT Art 6(1)(a)", "AI_ACT Art 6(1)(b)"],
        )
    )
    return ScopeStatus.APPLIES


def _annex_iii(ctx: Ctx, c: Classification, annex_i_product: bool) -> ScopeStatus | None:
    """HR2/HR3: None if the use area is unknown."""
    ai = ctx.case.ai
    point = ai.annex_iii_point
    if point is None:
        # A safety function of a regulated product is not an Annex III use (interpretation
        # used for TS01); ask only when nothing places the system.
        return ScopeStatus.EXCLUDED if annex_i_product else None
    if point is AnnexIIIPoint.NONE:
        return ScopeStatus.EXCLUDED
    c.annex_iii_ref = _annex_iii_ref(point)
    if point is AnnexIIIPoint.P5D and ai.annex_i_product_type is None:
        c.hr_reasons.append(
            make_reason(
                "HR1",
                "If this triage tool is a medical device (Regulation (EU) 2017/745), the "
                "Annex I route applies to it instead, with its own later date; Annex III point 5(d) "
                "covers emergency triage",
                ["AI_ACT Art 6(1)"],
            )
        )
    if ai.performs_profiling or ai.art6_3_condition is Art63Condition.NONE:
        why = "it profiles natural persons" if ai.performs_profiling else "no Art 6(3) condition"
        c.hr_reasons.append(
            make_reason(
                "HR2",
                f"Annex III use area ({c.annex_iii_ref}) and {why}: high-risk under Art 6(2)",
                ["AI_ACT Art 6(2)", c.annex_iii_ref],
            )
        )
        return ScopeStatus.APPLIES
    if ai.performs_profiling is False and ai.art6_3_condition is not None:
        c.hr_reasons.append(
            make_reason(
                "HR3",
                f"Annex III use area ({c.annex_iii_ref}) but an Art 6(3) condition may lift the "
                "classification; whether the system poses no significant risk is evaluative, and "
                "the provider must document its assessment",
                ["AI_ACT Art 6(3)", "AI_ACT Art 6(4)"],
            )
        )
        return ScopeStatus.POSSIBLE
    c.hr_reasons.append(
        make_reason(
            "HR2",
            f"Annex III use area ({c.annex_iii_ref}): high-risk unless the Art 6(3) derogation applies",
            ["AI_ACT Art 6(2)", c.annex_iii_ref],
        )
    )
    if ai.performs_profiling is None:
        c.hr_needs.append(("ai.performs_profiling", "HR3"))
    if ai.art6_3_condition is None:
        c.hr_needs.append(("ai.art6_3_condition", "HR3"))
    return ScopeStatus.LIKELY


def classify(ctx: Ctx) -> Classification:
    """Classify the system under the AI Act text in force at the event."""
    ai = ctx.case.ai
    c = Classification(is_ai=ai.is_ai_system)
    if ai.is_ai_system is False:
        c.out_of_scope = True
        c.scope_reasons.append(
            make_reason(
                "AS8",
                "The system follows only rules written by people: not an AI system",
                ["AI_ACT Art 3(1)", "AI_ACT Recital 12"],
            )
        )
    if ai.scope_exclusion is not None:
        c.out_of_scope = True
        c.scope_reasons.append(
            make_reason(
                "AS7",
                f"Used only for {ai.scope_exclusion.value.replace('_', ' ')}: outside the Act",
                (),
            )
        )
    if ai.used_in_eu is False:
        c.out_of_scope = True
        c.scope_reasons.append(
            make_reason(
                "AS3",
                "Neither placed on the EU market nor used, nor its output used, in the EU",
                (),
            )
        )
    for flag in ai.practice_flags or ():
        name = "AI_ACT_NEW_PROHIBITIONS" if flag in _NEW_PRACTICES else "AI_ACT_PROHIBITIONS"
        c.practices.append(
            Practice(flag, f"AI_ACT Art 5(1)({_PRACTICE_POINT[flag]})", ctx.ai_date(name))
        )
    first = _annex_i(ctx, c, ctx.data)
    second = _annex_iii(ctx, c, ai.annex_i_product is True or ai.annex_i_product_type is not None)
    if first is ScopeStatus.APPLIES:
        c.high_risk, c.route = ScopeStatus.APPLIES, "annex_i"
    elif second in (ScopeStatus.APPLIES, ScopeStatus.LIKELY, ScopeStatus.POSSIBLE):
        c.high_risk, c.route = second, "annex_iii"
    elif first is ScopeStatus.EXCLUDED and second is ScopeStatus.EXCLUDED:
        c.high_risk = ScopeStatus.EXCLUDED
        if not c.hr_reasons or c.section_b:
            c.hr_reasons.append(
                make_reason(
                    "HRX",
                    "Neither an Annex I product needing third-party assessment nor an "
                    "Annex III use: not high-risk"
                    + (
                        " (software or an online service is taken not to be an Annex I "
                        "product unless, e.g., it is medical device software)"
                        if c.default_annex_i
                        else ""
                    ),
                    (),
                )
            )
    else:  # HR4: a fact that places the system is missing
        c.high_risk = ScopeStatus.UNKNOWN
        if first is None:
            c.hr_needs.append(("ai.annex_i_product", "HR4"))
        if second is None:
            c.hr_needs.append(("ai.annex_iii_point", "HR4"))
    c.transparency = bool(
        ai.interacts_with_persons
        or ai.generates_synthetic_content
        or ai.deepfake
        or ai.emotion_recognition_or_biometric_categorisation
    )
    return c


def _ai_signal(ctx: Ctx, c: Classification) -> bool:
    """Facts that only an AI system can have (a model, a chatbot, an Annex III use ...)."""
    ai = ctx.case.ai
    return bool(
        ai.is_ai_system
        or ai.gpai_model
        or c.transparency
        or (ai.annex_iii_point not in (None, AnnexIIIPoint.NONE))
        or any(a.has(Role.GPAI_PROVIDER) for a in ctx.case.actors)
    )


def _below_high_risk(ctx: Ctx, c: Classification) -> RiskLabel:
    """Precedence under high-risk (VOCABULARY.md): limited > gpai > minimal."""
    ai = ctx.case.ai
    if c.transparency:
        return RiskLabel.LIMITED
    if ai.gpai_model or any(a.has(Role.GPAI_PROVIDER) for a in ctx.case.actors):
        return RiskLabel.GPAI
    return RiskLabel.MINIMAL


def risk_label(ctx: Ctx, c: Classification) -> RiskLabel:
    """One AI Act risk label for the case (VOCABULARY.md), from the best available evidence.

    Order of §3.3: prohibited > high (Art 6) > limited (Art 50) > gpai > minimal. A high-risk
    route that is merely unknown (no Annex III use area and no Annex I product named) does not
    make the label ``unclear``: the label follows what the facts show, the open classification
    questions stay in the question list and ``risk_assumption`` says what was assumed.
    ``unclear`` remains for a system not known to be AI at all, for the evaluative Art 6(3)
    derogation (HR3), and for an Annex I product whose conformity route is unknown.
    """
    ai = ctx.case.ai
    if ai.is_ai_system is False:
        return RiskLabel.NOT_AI
    if any(p.applies_from is not None for p in c.practices):
        return RiskLabel.PROHIBITED
    if c.is_high_risk:
        return RiskLabel.HIGH
    if c.high_risk is ScopeStatus.EXCLUDED:
        return _below_high_risk(ctx, c)
    if ai.category is not None:
        return ai.category  # what the user said, when the facts cannot place the system
    if c.high_risk is ScopeStatus.UNKNOWN and _ai_signal(ctx, c) and not _annex_i_open(ctx, c):
        return _below_high_risk(ctx, c)
    return RiskLabel.UNCLEAR


def _annex_i_open(ctx: Ctx, c: Classification) -> bool:
    """An Annex I product is named but whether it needs third-party assessment is not known."""
    return any(path == "ai.third_party_conformity" for path, _ in c.hr_needs)


def risk_assumption(ctx: Ctx, c: Classification, label: RiskLabel) -> str | None:
    """What ``risk_label`` assumed when a classification fact was missing (None: nothing)."""
    if c.high_risk is not ScopeStatus.UNKNOWN or label in (
        RiskLabel.UNCLEAR,
        RiskLabel.NOT_AI,
        RiskLabel.PROHIBITED,
        RiskLabel.HIGH,
    ):
        return None
    ai = ctx.case.ai
    missing = []
    if ai.annex_iii_point is None:
        missing.append("no Annex III use area (e.g. hiring, credit, benefits) is mentioned")
    if ai.annex_i_product is None and ai.annex_i_product_type is None:
        missing.append("no Annex I regulated product (e.g. machine, toy, medical device) is named")
    if not missing:
        return None
    return (
        f"AI Act risk label '{label.value}' assumes that "
        + " and that ".join(missing)
        + "; if either is the case the system may be high-risk (Art 6)."
    )
