"""An actor of the value chain: a company or person with zero or more public roles.

Actor-specific facts of LEGAL_RULES.md §10.2 live here (the spec's ``component.*``,
``cloud.*``, ``distributor.*``, ``platform.*``, ``processor.*``, ``supplier.*`` and
``compliance.*`` facts belong to one actor each; see ``assistant.facts.spec_names``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import Field, field_validator

from assistant.facts.enums import (
    AiActBreach,
    CloudServiceRole,
    CraBreach,
    DataDeliveryForm,
    FaultIndicator,
    GdprRole,
    IdentificationRequest,
    Nis2Breach,
    Nis2Entity,
)
from assistant.facts.parts import FactModel, Text
from assistant.vocabulary import Role, normalise_role

__all__ = ["Actor", "normalise_roles"]


def normalise_roles(values: Iterable[Any]) -> list[Role]:
    """Public roles for a list of role names (LEGAL_RULES.md combined names accepted)."""
    out: list[Role] = []
    for value in values:
        roles = (value,) if isinstance(value, Role) else normalise_role(str(value))
        out.extend(r for r in roles if r not in out)
    return out


class Actor(FactModel):
    """One company or person. ``roles=None``: not known yet; ``[]``: no role (e.g. an attacker)."""

    name: Annotated[str, Field(min_length=1, max_length=120)]
    roles: list[Role] | None = Field(None, max_length=8)
    description: Text | None = None
    established_in_eu: bool | None = None
    placed_on_market: bool | None = Field(
        None, description="Sold, supplied or made it available in the EU (paid or free)."
    )
    market_date: dt.date | None = Field(
        None, description="When this actor placed its system, model or component on the market."
    )
    name_on_product: bool | None = Field(None, description="Offered under this actor's own brand.")
    integrator_places_product: bool | None = Field(
        None, description="Supplies its own product or service containing the AI to others."
    )
    involved_in_incident: bool | None = None
    conduct: Text | None = Field(None, description="What it did or failed to do.")
    fault_indicators: list[FaultIndicator] | None = Field(None, max_length=12)
    ai_act_breaches: list[AiActBreach] | None = Field(None, max_length=21)
    cra_breaches: list[CraBreach] | None = Field(None, max_length=8)
    nis2_breaches: list[Nis2Breach] | None = Field(None, max_length=11)
    gdpr_role: GdprRole | None = None
    processor_within_instructions: bool | None = None
    nis2_entity: Nis2Entity | None = None
    cloud_service_role: CloudServiceRole | None = None
    caused_defect: bool | None = Field(
        None, description="This actor's component, model or data caused the defect."
    )
    foss_noncommercial: bool | None = Field(
        None, description="Free/open-source software supplied outside any commercial activity."
    )
    sme: bool | None = Field(None, description="Micro or small enterprise (PLD_2024 Art 12(2)).")
    data_delivery_form: DataDeliveryForm | None = None
    identification_request: IdentificationRequest | None = Field(
        None, description="Injured person's written request to name the maker or supplier."
    )
    presentation_misleading: bool | None = Field(
        None, description="Platform presented the product as if it or a trader it controls sold it."
    )
    public_authority: bool | None = Field(
        None, description="A public body or a private entity providing public services."
    )
    personal_non_professional_use: bool | None = None
    refused_high_risk_conversion: bool | None = Field(
        None, description="Clearly specified the system must not be turned into a high-risk one."
    )

    @field_validator("roles", mode="before")
    @classmethod
    def _roles(cls, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, str | Role):
            value = [value]
        return normalise_roles(value)

    def has(self, *roles: Role) -> bool:
        """True if the actor holds any of ``roles``."""
        return bool(self.roles) and any(r in (self.roles or ()) for r in roles)
