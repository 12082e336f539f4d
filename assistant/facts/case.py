"""The case: every fact the rule core reads, with provenance kept beside the values."""

from __future__ import annotations

from pydantic import Field, model_validator

from assistant.facts.actor import Actor
from assistant.facts.parts import (
    AISystem,
    Claimant,
    Contract,
    Damage,
    DataProcessing,
    Evidence,
    FactModel,
    GdprFacts,
    GPAIModel,
    Incident,
    Jurisdiction,
    Manufacturer,
    Modification,
    Product,
    Text,
)
from assistant.facts.provenance import Provenance
from assistant.vocabulary import Harm

__all__ = ["CLAIMANT_PARTY", "MAX_ACTORS", "Case"]

MAX_ACTORS = 20
CLAIMANT_PARTY = "claimant"  # how contracts name the injured person when it is not an actor


class Case(FactModel):
    """A case. Unknown facts are ``None``; dotted paths name each fact (``incident.date``)."""

    title: Text | None = None
    narrative: Text | None = None
    jurisdiction: Jurisdiction = Field(default_factory=Jurisdiction)
    ai: AISystem = Field(default_factory=AISystem)
    gpai: GPAIModel = Field(default_factory=GPAIModel)
    product: Product = Field(default_factory=Product)
    manufacturer: Manufacturer = Field(default_factory=Manufacturer)
    modification: Modification = Field(default_factory=Modification)
    incident: Incident = Field(default_factory=Incident)
    actors: list[Actor] = Field(default_factory=list, max_length=MAX_ACTORS)
    claimant: Claimant = Field(default_factory=Claimant)
    damage: list[Damage] | None = Field(None, max_length=20)
    data: DataProcessing = Field(default_factory=DataProcessing)
    gdpr: GdprFacts = Field(default_factory=GdprFacts)
    contracts: list[Contract] | None = Field(None, max_length=20)
    evidence: Evidence = Field(default_factory=Evidence)
    provenance: dict[str, Provenance] = Field(
        default_factory=dict,
        max_length=1000,
        description="Source of each fact, keyed by its dotted path (e.g. 'incident.date').",
    )

    @model_validator(mode="after")
    def _unique_actor_names(self) -> Case:
        seen: set[str] = set()
        for actor in self.actors:
            key = actor.name.strip().casefold()
            if key in seen:
                raise ValueError(f"two actors are called {actor.name!r}; give each a unique name")
            seen.add(key)
        return self

    # -- lookups used by the rule core and the UI ----------------------------------------
    def actor(self, name: str | None) -> Actor | None:
        """The actor called ``name`` (case-insensitive), or None."""
        if not name:
            return None
        key = name.strip().casefold()
        return next((a for a in self.actors if a.name.strip().casefold() == key), None)

    def actor_index(self, name: str) -> int | None:
        """Position of the actor called ``name`` in ``actors`` (for dotted paths)."""
        key = name.strip().casefold()
        return next(
            (i for i, a in enumerate(self.actors) if a.name.strip().casefold() == key), None
        )

    def is_claimant(self, actor: Actor) -> bool:
        """True if ``actor`` is the injured person (named as claimant)."""
        name = self.claimant.name
        return bool(name) and actor.name.strip().casefold() == (name or "").strip().casefold()

    def harms(self) -> list[Harm]:
        """Distinct harm types, in order."""
        out: list[Harm] = []
        for item in self.damage or ():
            if item.type not in out:
                out.append(item.type)
        return out
