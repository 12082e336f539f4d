"""The parts of a case other than actors: AI system, product, incident, harm, contracts ...

Every field is optional: ``None`` means unknown. For lists, ``None`` is unknown and ``[]`` is a
known "none" (e.g. ``practice_flags=[]``: no prohibited practice). Field descriptions double as
the extraction schema's documentation, so they say what to put there in plain words.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from assistant.facts.enums import (
    AnnexIIIPoint,
    AnnexIProduct,
    Art63Condition,
    ClaimantType,
    ContractSubject,
    ContributoryFault,
    GdprInfringement,
    HarmPath,
    PracticeFlag,
    ProductKind,
    ProfessionalUse,
    ScopeExclusion,
    SeriousIncident,
    UseType,
)
from assistant.vocabulary import Harm, IncidentCause, RiskLabel, normalise_harm

__all__ = [
    "AISystem",
    "Claimant",
    "Contract",
    "Damage",
    "DataProcessing",
    "Evidence",
    "FactModel",
    "GPAIModel",
    "GdprFacts",
    "Incident",
    "Jurisdiction",
    "Manufacturer",
    "Modification",
    "Product",
    "Text",
]

Text = Annotated[str, Field(max_length=2000)]
Name = Annotated[str, Field(min_length=1, max_length=120)]


class FactModel(BaseModel):
    """Base for every fact section: no unknown keys, assignments validated (``set_fact``)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def _harm(value: Any) -> Any:
    return normalise_harm(value) if isinstance(value, str) else value


class AISystem(FactModel):
    """The AI system involved (AI Act classification facts, LEGAL_RULES.md §3)."""

    name: Name | None = None
    intended_purpose: Text | None = Field(None, description="What the provider says it is for.")
    category: RiskLabel | None = Field(
        None, description="AI Act category as stated by the user (the rule core derives its own)."
    )
    is_ai_system: bool | None = Field(
        None, description="Infers outputs from input (ML, LLM) rather than fixed human rules."
    )
    open_source: bool | None = Field(None, description="Released under a free/open-source licence.")
    supplied_in_commercial_activity: bool | None = Field(
        None, description="Supplied for a price, for personal data, or otherwise monetised."
    )
    annex_iii_point: AnnexIIIPoint | None = Field(
        None, description="Annex III use area (e.g. 4a recruitment, 5b credit scoring) or none."
    )
    annex_i_product: bool | None = Field(
        None, description="The AI is a regulated product or a safety component of one (Annex I)."
    )
    annex_i_product_type: AnnexIProduct | None = None
    safety_component: bool | None = Field(
        None, description="Its failure would endanger health or safety (AI Act Art 6(1a)/(1b))."
    )
    third_party_conformity: bool | None = Field(
        None, description="The product needs a notified-body (third-party) conformity assessment."
    )
    performs_profiling: bool | None = None
    art6_3_condition: Art63Condition | None = Field(
        None, description="Narrow procedural/preparatory task etc. (AI Act Art 6(3)) or none."
    )
    practice_flags: list[PracticeFlag] | None = Field(None, max_length=10)
    interacts_with_persons: bool | None = None
    generates_synthetic_content: bool | None = None
    deepfake: bool | None = None
    emotion_recognition_or_biometric_categorisation: bool | None = None
    continues_learning: bool | None = None
    behaviour_changed_after_release: bool | None = None
    gpai_model: bool | None = Field(None, description="Built on a general-purpose AI model.")
    scope_exclusion: ScopeExclusion | None = Field(
        None, description="Only military/defence, research or pre-market testing use."
    )
    used_in_eu: bool | None = Field(None, description="Placed, used, or its output used in the EU.")
    public_authority_use: bool | None = None


class GPAIModel(FactModel):
    """The general-purpose model upstream, if any (AI Act Chapter V)."""

    name: Name | None = None
    systemic_risk: bool | None = None
    open_weights: bool | None = Field(
        None, description="Released under a free/open-source licence with public weights."
    )


class Product(FactModel):
    """The product that caused the harm (the AI system itself or the device containing it)."""

    name: Name | None = None
    kind: ProductKind | None = None
    market_date: dt.date | None = Field(
        None, description="First placed on the EU market or put into service (this version)."
    )
    placed_by: Name | None = Field(None, description="Actor name that placed it on the market.")
    digital_elements: bool | None = Field(
        None, description="Software/hardware with a data connection to a device or network (CRA)."
    )
    warnings_adequate: bool | None = None
    instructions_provided: bool | None = None
    recall_or_intervention: bool | None = None
    vulnerable_user_group: bool | None = None
    safety_purpose: bool | None = Field(None, description="Its very purpose is to prevent damage.")
    interconnected_with: list[Name] | None = Field(None, max_length=20)
    later_version_fixed_issue: bool | None = None
    producer_identified: bool | None = Field(
        None, description="The injured person can identify the producer (PLD_1985 Art 3(3))."
    )


class Manufacturer(FactModel):
    """Control kept after release: updates, hosting, remote control (PLD_2024 Art 4(5))."""

    retains_control: bool | None = Field(
        None, description="Maker still pushes updates, hosts the model or controls it remotely."
    )
    updates_controlled_by: Name | None = Field(None, description="Actor name controlling updates.")


class Modification(FactModel):
    """A change after release: fine-tuning, retraining, new purpose (PLD_2024 Art 4(18))."""

    occurred: bool | None = None
    substantial: bool | None = None
    date: dt.date | None = Field(None, description="When the modified system was supplied or used.")
    by: Name | None = Field(None, description="Actor name that made the modification.")
    authorised_by_manufacturer: bool | None = None
    purpose_changed_to_high_risk: bool | None = None
    significant_design_change: bool | None = Field(
        None, description="Significant design change after the AI Act high-risk date (Art 111(2))."
    )
    description: Text | None = None


class Incident(FactModel):
    """What happened."""

    date: dt.date | None = None
    description: Text | None = None
    causes: list[IncidentCause] | None = Field(None, max_length=12)
    use_type: UseType | None = None
    obvious_malfunction: bool | None = None
    opaque_cause: bool | None = Field(
        None, description="Hard to tell why without the maker's internal data."
    )
    harm_path: HarmPath | None = None
    serious: list[SeriousIncident] | None = Field(None, max_length=4)
    causal_chain_known: bool | None = None
    failed_safety_function: bool | None = None
    vulnerability_exploited: bool | None = None


class Damage(FactModel):
    """One item of harm."""

    type: Annotated[Harm, BeforeValidator(_harm)]
    description: Text | None = None
    medically_recognised: bool | None = None
    professional_use: ProfessionalUse | None = None
    is_defective_product_itself: bool | None = Field(
        None, description="The damaged item is the defective product (or the product it is in)."
    )
    theft_only: bool | None = Field(None, description="Property was taken, not damaged.")
    amount_eur: float | None = Field(None, ge=0)
    date: dt.date | None = None


class Claimant(FactModel):
    """The injured person (or persons) bringing the claim."""

    type: ClaimantType | None = None
    name: Name | None = Field(None, description="Set when the injured person is also an actor.")
    consumer: bool | None = Field(None, description="Acted outside any trade or profession.")
    acts_for_natural_person: bool | None = Field(
        None, description="Successor, subrogated insurer or representative of a natural person."
    )
    contributory_fault: list[ContributoryFault] | None = Field(None, max_length=4)
    update_notified: bool | None = Field(
        None, description="Was told about the skipped update and what not installing it meant."
    )
    date_aware: dt.date | None = Field(
        None, description="Knew of the damage, the defect and who is liable."
    )
    proceedings_started: bool | None = None
    latent_injury: bool | None = None


class Contract(FactModel):
    """A contract between actors, or with the injured person (``"claimant"`` in ``parties``)."""

    parties: list[Name] = Field(default_factory=list, max_length=6)
    kind: Name | None = Field(None, description="e.g. terms of use, SaaS, licence, sale, supply.")
    subject: ContractSubject | None = Field(None, description="What the contract supplies.")
    b2c: bool | None = None
    sale_of_goods: bool | None = Field(
        None, description="A sale of goods with digital elements (DCD_2019 Art 3(4))."
    )
    date: dt.date | None = None
    limitation_clause: bool | None = None
    liability_cap_eur: float | None = Field(None, ge=0)
    indemnity: bool | None = None
    indemnitor: Name | None = None
    sla: bool | None = None
    sla_breached: bool | None = None
    breach_described: bool | None = None
    audit_rights: bool | None = None
    art25_4_agreement: bool | None = None
    recourse_waiver: bool | None = None
    downstream_documentation: bool | None = Field(
        None, description="GPAI licence guarantees downstream documentation (Art 53(1)(b))."
    )
    acceptable_use_restrictions: bool | None = None


class Evidence(FactModel):
    """Evidence and disclosure (Mozilla step 3)."""

    defendant_refused_disclosure: bool | None = None
    disclosure_order: bool | None = None
    logs_available: bool | None = None
    technical_documentation_available: bool | None = None
    items: list[Annotated[str, Field(max_length=300)]] | None = Field(None, max_length=20)


class Jurisdiction(FactModel):
    """Where the harm occurred / the claim is brought."""

    member_state: str | None = Field(None, description="ISO 3166 alpha-2 code, e.g. DE, FR.")
    transposed: bool | None = Field(
        None, description="The Member State has transposed Directive (EU) 2024/2853."
    )

    @field_validator("member_state")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if len(code) != 2 or not code.isalpha():
            raise ValueError("use a two-letter ISO country code, e.g. DE or FR")
        return code


class DataProcessing(FactModel):
    """Personal data (GDPR scope, GD1)."""

    personal_data_processed: bool | None = None


class GdprFacts(FactModel):
    """Infringements of the processing (GD2); Art 82(2) ties them to the processing."""

    infringements: list[GdprInfringement] | None = Field(None, max_length=7)
