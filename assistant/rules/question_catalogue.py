"""Question texts and priorities (LEGAL_RULES.md §10.2), keyed by fact-path template, with the
values to try when ranking how much an answer would change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from assistant.facts import Case
from assistant.rules.dates import legal_data

__all__ = ["QUESTIONS", "QuestionSpec", "spec_for"]

Probe = Callable[[Case, date], list[Any]]


@dataclass(frozen=True)
class QuestionSpec:
    """One question: ID, priority (1 = first), text, and probe values for the ranking."""

    code: str
    priority: int
    text: str
    probe: Probe


def _bools(case: Case, as_of: date) -> list[Any]:
    return [True, False]


def _values(*values: Any) -> Probe:
    return lambda case, as_of: list(values)


def _around(*names: str) -> Probe:
    """Days either side of legal dates, not later than the incident or the analysis date."""

    def probe(case: Case, as_of: date) -> list[Any]:
        data, cap = legal_data(), min(case.incident.date or as_of, as_of)
        out: list[date] = []
        for name in names:
            ld = data.date(name, data.act_version_at("AI_ACT", cap))
            if ld is None:
                continue
            out += [d for d in (ld.day - timedelta(days=1), ld.day + timedelta(days=1)) if d <= cap]
        return list(dict.fromkeys(out)) or [cap]

    return probe


def _incident_dates(case: Case, as_of: date) -> list[Any]:
    data, version = legal_data(), legal_data().act_version_at("AI_ACT", as_of)
    floor = case.product.market_date or date.min
    out = [as_of]
    for name in (
        "AI_ACT_GENERAL",
        "AI_ACT_HIGH_RISK_ANNEX_III",
        "AI_ACT_HIGH_RISK_ANNEX_I",
        "CRA_REPORTING",
        "CRA_MAIN",
        "AI_ACT_GPAI",
    ):
        ld = data.date(name, version)
        if ld is not None:
            day = ld.day - timedelta(days=1)
            if floor <= day <= as_of:
                out.append(day)
    return list(dict.fromkeys(out))


def _aware(case: Case, as_of: date) -> list[Any]:
    return [case.incident.date or as_of]


def _contracts(case: Case, as_of: date) -> list[Any]:
    first = next((a.name for a in case.actors if a.name != case.claimant.name), None)
    return [[], [{"parties": [first, "claimant"]}]] if first else [[]]


_S = QuestionSpec
QUESTIONS: dict[str, QuestionSpec] = {
    "incident.date": _S(
        "Q_INCIDENT_DATE",
        1,
        "When did the incident or harm occur (approximate date is fine)?",
        _incident_dates,
    ),
    "product.market_date": _S(
        "Q_MARKET_DATE",
        1,
        "When was the AI system or the product "
        "containing it first sold, supplied or put into use in the EU (the "
        "version involved in the incident)?",
        _around("PLD2024_CUTOFF", "AI_ACT_LEGACY_CUTOFF_ANNEX_III"),
    ),
    "actors[].market_date": _S(
        "Q_ACTOR_MARKET_DATE",
        2,
        "When did this actor first place its system, model or component on the EU market?",
        _around("AI_ACT_GPAI", "PLD2024_CUTOFF"),
    ),
    "claimant.type": _S(
        "Q_CLAIMANT",
        1,
        "Who suffered the harm — a private individual, a company/organisation, or both?",
        _values("natural_person", "legal_person"),
    ),
    "damage": _S(
        "Q_DAMAGE",
        1,
        "What harm occurred? (injury, psychological harm, damage to "
        "things, loss/corruption of data, financial loss, discrimination, privacy "
        "breach, other)",
        _values([{"type": "personal_injury"}], [{"type": "economic_loss"}]),
    ),
    "damage[].medically_recognised": _S(
        "Q_MEDICAL",
        2,
        "Has the psychological harm been diagnosed or recognised by a medical professional?",
        _bools,
    ),
    "damage[].professional_use": _S(
        "Q_PROF_USE",
        2,
        "Were the damaged items or data used privately, for work only, or for both?",
        _values("private", "exclusively_professional"),
    ),
    "damage[].is_defective_product_itself": _S(
        "Q_SELF_DAMAGE", 2, "Is the damaged item the AI product itself, or something else?", _bools
    ),
    "damage[].amount_eur": _S(
        "Q_DAMAGE_AMOUNT",
        3,
        "Roughly what is the value of the property damage in euros?",
        _values(100.0, 10000.0),
    ),
    "actors[].roles": _S(
        "Q_ROLE",
        1,
        "What did this company or person do in the chain (built "
        "the model, fine-tuned it, supplied data, integrated it, operated it, "
        "hosted it, sold it, used it)?",
        _values(["developer", "provider"], ["deployer"]),
    ),
    "actors[].established_in_eu": _S(
        "Q_ESTABLISHMENT",
        2,
        "Is this actor established in the EU? If not, who imported it or represents it in the EU?",
        _bools,
    ),
    "actors[].placed_on_market": _S(
        "Q_PLACED",
        2,
        "Did this actor sell, supply or make the "
        "product available (paid or free) in the EU, or use it only "
        "internally?",
        _bools,
    ),
    "actors[].name_on_product": _S(
        "Q_REBRAND",
        2,
        "Was the AI system sold or offered under this actor's own name or brand?",
        _bools,
    ),
    "ai.is_ai_system": _S(
        "Q_AI_SYSTEM",
        1,
        "Does the system learn from data or infer its outputs "
        "(e.g. machine learning, a language model), or does it only follow "
        "fixed rules written by people?",
        _bools,
    ),
    "ai.gpai_model": _S(
        "Q_GPAI_INTEGRATION",
        2,
        "Is the system built on a general-purpose model "
        "(e.g. a large language model) supplied by another company? Which one and "
        "under what terms?",
        _bools,
    ),
    "gpai.systemic_risk": _S(
        "Q_SYSTEMIC",
        3,
        "Is the underlying model one of the very large "
        "frontier models (designated or presumed systemic-risk)?",
        _bools,
    ),
    "ai.annex_iii_point": _S(
        "Q_USE_AREA",
        1,
        "What was the AI used for? (e.g. hiring, credit "
        "scoring, insurance pricing, education/exams, biometric "
        "identification, critical infrastructure, public benefits, law "
        "enforcement, migration, justice, elections, other)",
        _values("none", "5b"),
    ),
    "ai.annex_i_product": _S(
        "Q_ANNEX_I",
        2,
        "Is the AI part of (or a safety function of) a "
        "regulated product such as a machine, vehicle, medical device, toy, "
        "lift or radio equipment?",
        _bools,
    ),
    "ai.third_party_conformity": _S(
        "Q_NOTIFIED_BODY",
        3,
        "Does that product need certification by an external (notified) body?",
        _bools,
    ),
    "ai.performs_profiling": _S(
        "Q_PROFILING",
        2,
        "Does the system evaluate or predict personal characteristics of individuals (profiling)?",
        _bools,
    ),
    "ai.art6_3_condition": _S(
        "Q_NARROW_TASK",
        3,
        "Does the AI only perform a narrow procedural "
        "or preparatory task, or only check/improve a human decision "
        "already made?",
        _values("a", "none"),
    ),
    "ai.practice_flags": _S(
        "Q_PROHIBITED",
        2,
        "Did the system manipulate people, exploit "
        "vulnerabilities, score people socially, recognise emotions at "
        "work/school, or identify people biometrically in public?",
        _values([], ["social_scoring"]),
    ),
    "ai.interacts_with_persons": _S(
        "Q_TRANSPARENCY",
        3,
        "Did people know they were dealing with an AI or AI-generated content?",
        _bools,
    ),
    "manufacturer.retains_control": _S(
        "Q_UPDATES",
        2,
        "Does the maker still push updates, host the model, or control the system remotely?",
        _bools,
    ),
    "incident.causes": _S(
        "Q_CAUSE",
        2,
        "What do you know or suspect caused the failure?",
        _values([], ["design"], ["missing_security_update"]),
    ),
    "incident.obvious_malfunction": _S(
        "Q_DEFECT_DESC",
        2,
        "Describe what the system did wrong. Was it an obvious malfunction during normal use?",
        _bools,
    ),
    "actors[].ai_act_breaches": _S(
        "Q_COMPLIANCE",
        3,
        "Do you know of missing safety measures — "
        "no human oversight, no logs, poor instructions, untested "
        "data?",
        _values([], ["human_oversight"]),
    ),
    "evidence.defendant_refused_disclosure": _S(
        "Q_DISCLOSURE",
        3,
        "Has a court ordered disclosure of evidence, and did the defendant refuse?",
        _bools,
    ),
    "incident.opaque_cause": _S(
        "Q_OPACITY",
        3,
        "Is it hard to tell why the AI behaved this way "
        "without access to the maker's internal data?",
        _bools,
    ),
    "modification.substantial": _S(
        "Q_MODIFICATION",
        2,
        "Did anyone change the AI after release "
        "(fine-tuning, retraining, new functions)? When, and with the "
        "original maker's permission?",
        _bools,
    ),
    "modification.authorised_by_manufacturer": _S("Q_MODIFICATION", 2, "", _bools),
    "modification.date": _S("Q_MODIFICATION", 2, "", _around("PLD2024_CUTOFF")),
    "modification.significant_design_change": _S(
        "Q_DESIGN_CHANGE",
        3,
        "Was the system significantly redesigned after the AI Act high-risk "
        "rules started to apply to it?",
        _bools,
    ),
    "modification.purpose_changed_to_high_risk": _S(
        "Q_PURPOSE_CHANGE",
        2,
        "Was the AI used for "
        "a different purpose than the maker intended "
        "— e.g. a general chatbot repurposed for "
        "hiring or credit decisions?",
        _bools,
    ),
    "actors[].caused_defect": _S(
        "Q_COMPONENT",
        3,
        "Did this actor's part (model, data, library, "
        "sensor, cloud service) cause the failure, if known?",
        _bools,
    ),
    "actors[].foss_noncommercial": _S(
        "Q_FOSS_COMMERCIAL",
        3,
        "Was this open-source part supplied "
        "for free and outside any commercial activity (no payment, "
        "no data monetisation)?",
        _bools,
    ),
    "ai.supplied_in_commercial_activity": _S(
        "Q_FOSS_COMMERCIAL",
        3,
        "Was the open-source system supplied for free and outside any "
        "commercial activity (no payment, no data monetisation)?",
        _bools,
    ),
    "actors[].data_delivery_form": _S(
        "Q_DATA_DELIVERY_FORM",
        4,
        "How was the data supplied — as a dataset, or built into software/a service?",
        _values("raw_dataset", "embedded_software_artifact"),
    ),
    "data.personal_data_processed": _S(
        "Q_PERSONAL_DATA",
        2,
        "Did the system process information about identifiable people?",
        _bools,
    ),
    "actors[].gdpr_role": _S(
        "Q_GDPR_ROLE",
        3,
        "Who decided why and how the personal data was "
        "used, and who only processed it on instructions?",
        _values("controller", "none"),
    ),
    "gdpr.infringements": _S(
        "Q_GDPR_INFRINGEMENT",
        3,
        "Was there a data breach, an automated "
        "decision without human review, or data use without a legal basis?",
        _values([], ["security"]),
    ),
    "actors[].nis2_entity": _S(
        "Q_NIS2",
        4,
        "Is this cloud/infrastructure/IT service provider a "
        "regulated 'essential' or 'important' entity under NIS2 (e.g. "
        "large cloud or managed service provider)?",
        _values("essential", "none"),
    ),
    "contracts": _S(
        "Q_CONTRACT",
        3,
        "What contracts exist between the actors and with the "
        "injured person (terms of use, SLA, liability caps, indemnities, audit "
        "rights)?",
        _contracts,
    ),
    "claimant.date_aware": _S(
        "Q_AWARE_DATE",
        3,
        "When did the injured person learn of the harm, the defect and who was responsible?",
        _aware,
    ),
    "actors[].identification_request": _S(
        "Q_DISTRIBUTOR_REQUEST",
        3,
        "Has the seller been asked "
        "in writing to name the manufacturer or its supplier? "
        "Did it answer within one month?",
        _values("failed_after_1_month", "answered"),
    ),
    "incident.harm_path": _S(
        "Q_HARM_PATH",
        2,
        "Did the harm come from the system acting (e.g. "
        "controlling a device, deleting data), or from a person relying on "
        "information it produced?",
        _values("physical_execution", "informational_output_relied_on"),
    ),
    "jurisdiction.member_state": _S(
        "Q_JURISDICTION",
        1,
        "In which EU country did the harm occur and where do the parties sit?",
        _values("DE", "FR"),
    ),
    "actors[].conduct": _S(
        "Q_ACTOR_CONDUCT",
        3,
        "What did this actor do or fail to do (testing, monitoring, warnings, oversight)?",
        _values("described"),
    ),
    "actors[].cloud_service_role": _S(
        "Q_CLOUD_ROLE",
        3,
        "Does the product stop working without this cloud service, or is it just generic hosting?",
        _values("generic_compute", "related_service_required_for_function"),
    ),
    "actors[].integrator_places_product": _S(
        "Q_INTEGRATOR_PLACES_PRODUCT",
        2,
        "Did the "
        "integrator sell or supply its own product/service "
        "containing the AI to others, or only use it "
        "internally?",
        _bools,
    ),
    "actors[].presentation_misleading": _S(
        "Q_PLATFORM_PRESENTATION",
        4,
        "Was the product bought "
        "via an online marketplace that presented it as if "
        "the marketplace itself (or a seller under its "
        "control) was selling it?",
        _bools,
    ),
    "actors[].processor_within_instructions": _S(
        "Q_PROCESSOR_INSTRUCTIONS",
        3,
        "Did the service "
        "provider process the data only as instructed "
        "by its customer, or also for its own purposes?",
        _bools,
    ),
    "product.producer_identified": _S(
        "Q_PRODUCER_IDENTIFIED",
        3,
        "Can the producer be "
        "identified? Did the seller name the producer or its own "
        "supplier within a reasonable time when asked?",
        _bools,
    ),
    "product.kind": _S(
        "Q_PRODUCT_KIND",
        2,
        "Is the AI built into a physical device, installed "
        "software, an online service, or a model supplied as such?",
        _values("physical_product", "saas"),
    ),
    "product.digital_elements": _S(
        "Q_CONNECTED", 4, "Does the product connect to a network or another device?", _bools
    ),
    "actors[].personal_non_professional_use": _S(
        "Q_PERSONAL_USE",
        3,
        "Did this person use the AI purely privately, outside any profession?",
        _bools,
    ),
}


def spec_for(template: str) -> QuestionSpec | None:
    """The question for a fact-path template, if any."""
    return QUESTIONS.get(template)
