"""Evaluation context: the case plus derived facts every regime needs (LEGAL_RULES.md §12 step 1).

Dates are compared here, against legal dates looked up by name; the AI Act text version is
the one in force at the incident (or the analysis date if the incident date is unknown),
never later than the analysis date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assistant.facts import Actor, Case, ClaimantType, ProfessionalUse
from assistant.rules.dates import LegalData, LegalDate, tag_version
from assistant.vocabulary import Harm, Role

__all__ = ["AI_ACT", "Ctx", "add_years", "path_of"]

AI_ACT = "AI_ACT"


def add_years(day: date, years: int) -> date:
    """``day`` plus ``years`` (29 Feb -> 28 Feb)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def path_of(case: Case, actor: Actor, name: str) -> str:
    """Dotted path of an actor fact: ``actors[2].gdpr_role``."""
    index = case.actor_index(actor.name)
    return f"actors[{index}].{name}"


@dataclass
class Ctx:
    """Everything a rule reads. Build one per evaluation with ``Ctx.build``."""

    case: Case
    as_of: date
    data: LegalData
    incident: date | None
    ai_version_event: str
    ai_version_asof: str
    jurisdiction: str | None
    harms: list[Harm] = field(default_factory=list)
    memo: dict[Any, Any] = field(default_factory=dict)  # per-evaluation caches of derived facts

    @classmethod
    def build(cls, case: Case, as_of: date, data: LegalData) -> Ctx:
        """Derive the context; the incident date is capped by nothing (a future date is a plan)."""
        incident = case.incident.date
        event = min(incident, as_of) if incident else as_of
        return cls(
            case=case,
            as_of=as_of,
            data=data,
            incident=incident,
            ai_version_event=data.act_version_at(AI_ACT, event),
            ai_version_asof=data.act_version_at(AI_ACT, as_of),
            jurisdiction=case.jurisdiction.member_state,
            harms=case.harms(),
        )

    # -- AI Act versions ---------------------------------------------------------------
    @property
    def ai_amended(self) -> bool:
        """True if the AI Act text in force at the event is not the original one."""
        return self.ai_version_event != self.data.act_versions(AI_ACT)[0]

    def ai_date(self, name: str) -> LegalDate | None:
        """An AI Act date in the version in force at the event (None: no such rule then)."""
        return self.data.date(name, self.ai_version_event)

    def fixed(self, name: str) -> LegalDate:
        """An unversioned legal date."""
        return self.data.fixed(name)

    def cite(self, ld: LegalDate) -> list[str]:
        """The provisions of a legal date, version-tagged if needed.

        No tag when the text in force at the analysis date lays down the same date in the same
        provisions (the rule did not change, so the plain ID is the right one).
        """
        if ld.act_version is None or ld.act_version == self.ai_version_asof:
            return list(ld.provisions)
        now = self.data.date(ld.name, self.ai_version_asof)
        if now is not None and now.day == ld.day and now.provisions == ld.provisions:
            return list(ld.provisions)
        return [tag_version(p, ld.act_version, self.ai_version_asof) for p in ld.provisions]

    def ai_ref(self, pid: str) -> str:
        """An AI Act provision as worded in the version in force at the event."""
        return tag_version(pid, self.ai_version_event, self.ai_version_asof)

    # -- time comparisons --------------------------------------------------------------
    def incident_before(self, day: date) -> bool | None:
        """Did the incident happen before ``day``? None if unknown (incident date missing
        and the analysis date is on or after ``day``)."""
        if self.incident is not None:
            return self.incident < day
        if self.as_of < day:
            return True
        floor = self.case.product.market_date
        # the harm came from the product in use: it cannot precede its placing on the market
        return False if floor is not None and floor >= day else None

    # -- people ------------------------------------------------------------------------
    def is_victim(self, actor: Actor) -> bool:
        """The injured person (named claimant, or an actor whose role is affected_person)."""
        return self.case.is_claimant(actor) or actor.has(Role.AFFECTED_PERSON)

    def defendants(self) -> list[Actor]:
        """Value-chain actors that can owe something: not the injured person, and not third
        parties without a role (an attacker appears in the allocation step instead)."""
        found: list[Actor] | None = self.memo.get("defendants")
        if found is None:
            found = [a for a in self.case.actors if not self.is_victim(a) and a.roles != []]
            self.memo["defendants"] = found
        return found

    def others(self, actor: Actor) -> list[Actor]:
        """All actors but ``actor``."""
        return [a for a in self.case.actors if a is not actor]

    @property
    def claimant_type(self) -> ClaimantType | None:
        """Natural person, legal person or both (None: unknown)."""
        return self.case.claimant.type

    @property
    def consumer_claimant(self) -> bool | None:
        """Claimant acted as a consumer (derived from ``claimant.consumer`` and type)."""
        c = self.case.claimant
        if c.consumer is not None:
            return c.consumer
        if c.type is ClaimantType.LEGAL_PERSON:
            return False
        return None

    def professional_use(self, value: ProfessionalUse | None) -> ProfessionalUse | None:
        """Use of damaged property/data; a consumer claimant's property counts as private."""
        if value is not None:
            return value
        if self.consumer_claimant and self.claimant_type is ClaimantType.NATURAL_PERSON:
            return ProfessionalUse.PRIVATE
        return None

    def path(self, actor: Actor, name: str) -> str:
        """Dotted path of an actor fact."""
        return path_of(self.case, actor, name)

    def market_date_for(self, actor: Actor) -> date | None:
        """When this actor's product was placed on the market (own date, else the product's)."""
        return actor.market_date or self.case.product.market_date

    def market_path_for(self, actor: Actor) -> str:
        """Which fact to ask for when the market date is missing."""
        return "product.market_date"
