"""AI Act lines that do not depend on high-risk classification: prohibited practices (PR1),
transparency (Art 50, T50a-e) and GPAI model duties (GP1-GP6)."""

from __future__ import annotations

from assistant.facts import Actor, ProductKind
from assistant.rules.ai_gate import scope_gate, version_phrase
from assistant.rules.classify import Classification
from assistant.rules.context import Ctx
from assistant.rules.trace import RANK, Trace
from assistant.vocabulary import Regime, ScopeStatus

__all__ = ["gpai_line", "practice_line", "transparency_lines"]

_R = Regime.AI_ACT_ENFORCEMENT


def practice_line(ctx: Ctx, c: Classification, actor: Actor) -> Trace:
    """PR1: a prohibited practice binds everyone placing, putting into service or using it."""
    t = Trace(_R, actor.name, "prohibited practice")
    scope_gate(ctx, t)
    best = ScopeStatus.EXCLUDED
    for p in c.practices:
        if p.applies_from is None:
            t.why(
                "PR1",
                f"{p.flag.value.replace('_', ' ')}: not a prohibited practice in the AI "
                "Act text in force at the incident (added by Regulation (EU) 2026/1744)",
                "AI_ACT Art 5(1)",
            )
            continue
        day = p.applies_from.day
        before = ctx.incident_before(day)
        cites = [p.provision, *ctx.cite(p.applies_from), "AI_ACT Art 99(3)"]
        if before:
            status = ScopeStatus.EXCLUDED
            text = f"prohibited only from {day.isoformat()}; the incident came before"
        elif before is None:
            status = ScopeStatus.UNKNOWN
            text = f"prohibited from {day.isoformat()}; the incident date is needed"
            t.need("incident.date", "PR1")
        else:
            status = ScopeStatus.APPLIES
            text = (
                f"prohibited since {day.isoformat()}{version_phrase(ctx)}; fines up to "
                "EUR 35 million or 7 % of turnover"
            )
        t.why("PR1", f"{p.flag.value.replace('_', ' ')} ({p.provision}): {text}", *cites)
        if RANK[status] > RANK[best]:
            best = status
    t.levels.append(best)
    return t


def transparency_lines(ctx: Ctx, actor: Actor, provider_side: bool) -> list[Trace]:
    """T50a-T50e for the provider side (interaction notice, marking) or the deployer side."""
    ai = ctx.case.ai
    general = ctx.ai_date("AI_ACT_GENERAL")
    if general is None:  # pragma: no cover
        raise KeyError("AI_ACT_GENERAL")
    before = ctx.incident_before(general.day)
    if provider_side:
        triggers = [
            (
                ai.interacts_with_persons,
                "T50a",
                "it interacts directly with people, who "
                "must be told they are dealing with an AI system",
            ),
            (
                ai.generates_synthetic_content,
                "T50b",
                "it generates synthetic content, which must be marked as AI-generated",
            ),
        ]
    else:
        triggers = [
            (
                ai.emotion_recognition_or_biometric_categorisation,
                "T50c",
                "it recognises emotions or categorises people biometrically: they must be informed",
            ),
            (ai.deepfake, "T50d", "it produces deep fakes, which must be disclosed"),
        ]
    fired = [(cond, text) for flag, cond, text in triggers if flag]
    t = Trace(_R, actor.name, "transparency")
    if not fired:
        if provider_side and ai.interacts_with_persons is None and before is not True:
            t.hit(
                ScopeStatus.EXCLUDED,
                "T50a",
                "No transparency trigger known (direct interaction with people, synthetic content)",
            )
            # asked for software and services; a device is rarely a conversational system
            device = ctx.case.product.kind is ProductKind.PHYSICAL_PRODUCT
            t.need("ai.interacts_with_persons", "T50a", sticky=not device)
            return [t]
        return []
    scope_gate(ctx, t)
    for cond, text in fired:
        t.why(cond, f"Art 50 duty of {actor.name}: {text}")
    cites = ctx.cite(general)
    if before:
        t.hit(
            ScopeStatus.EXCLUDED,
            "T50e",
            f"Art 50 duties apply from {general.day.isoformat()}; the incident came before",
            *cites,
        )
        return [t]
    if before is None:
        t.hit(
            ScopeStatus.UNKNOWN,
            "T50e",
            f"Art 50 duties apply from {general.day.isoformat()}; the incident date is needed",
            *cites,
        )
        t.need("incident.date", "T50e")
        return [t]
    legacy = ctx.ai_date("AI_ACT_ART50_2_LEGACY")
    market = actor.market_date or ctx.case.product.market_date
    only_marking = [cond for cond, _ in fired] == ["T50b"]
    if (
        legacy is not None
        and only_marking
        and market is not None
        and market < general.day
        and ctx.incident_before(legacy.day)
    ):
        t.hit(
            ScopeStatus.EXCLUDED,
            "T50e",
            "Generative system placed on the market before "
            f"{general.day.isoformat()}: marking is due only from {legacy.day.isoformat()}",
            *ctx.cite(legacy),
        )
        return [t]
    t.hit(
        ScopeStatus.APPLIES, "T50e", f"Art 50 duties bind since {general.day.isoformat()}", *cites
    )
    return [t]


def gpai_line(ctx: Ctx, actor: Actor) -> Trace:
    """GP1-GP6: duties of the provider of a general-purpose AI model."""
    t = Trace(_R, actor.name, "GPAI")
    scope_gate(ctx, t)
    t.why(
        "GP1",
        f"{actor.name} provides a general-purpose AI model: technical documentation, "
        "information for downstream providers, copyright policy, training-content summary",
    )
    ld = ctx.ai_date("AI_ACT_GPAI")
    legacy = ctx.ai_date("AI_ACT_GPAI_LEGACY")
    if ld is None or legacy is None:  # pragma: no cover
        raise KeyError("AI_ACT_GPAI")
    before = ctx.incident_before(ld.day)
    if before:
        t.hit(
            ScopeStatus.EXCLUDED,
            "GP1",
            f"GPAI duties apply from {ld.day.isoformat()}; the incident came before",
            *ctx.cite(ld),
        )
    elif before is None:
        t.hit(
            ScopeStatus.UNKNOWN,
            "GP1",
            f"GPAI duties apply from {ld.day.isoformat()}; the incident date is needed",
            *ctx.cite(ld),
        )
        t.need("incident.date", "GP1")
    else:
        placed = actor.market_date
        late = ctx.incident_before(legacy.day)
        if placed is not None and placed < ld.day and late:
            t.hit(
                ScopeStatus.EXCLUDED,
                "GP5",
                f"Model placed on the market on "
                f"{placed.isoformat()}, before {ld.day.isoformat()}: compliance is due only by "
                f"{legacy.day.isoformat()}",
                *ctx.cite(legacy),
            )
        elif placed is None and late is not False:
            t.hit(
                ScopeStatus.UNKNOWN,
                "GP5",
                "Models already on the market before "
                f"{ld.day.isoformat()} have until {legacy.day.isoformat()}: when was the model "
                "placed on the market?",
                *ctx.cite(legacy),
            )
            t.need(ctx.path(actor, "market_date"), "GP5")
        else:
            t.hit(
                ScopeStatus.APPLIES,
                "GP1",
                f"GPAI duties bind since {ld.day.isoformat()}",
                "AI_ACT Art 53(1)",
                *ctx.cite(ld),
            )
    gpai = ctx.case.gpai
    if gpai.open_weights and not gpai.systemic_risk:
        t.why(
            "GP2",
            "Open-weights model without systemic risk: the documentation duties of "
            "Art 53(1)(a) and (b) do not apply; copyright policy and training summary do",
        )
    if gpai.systemic_risk:
        t.why(
            "GP4",
            "Systemic-risk model: also evaluation, risk mitigation, serious-incident "
            "reporting and cybersecurity",
        )
    if actor.established_in_eu is False:
        t.why("GP6", f"{actor.name} is outside the EU: it needs an authorised representative")
    return t
