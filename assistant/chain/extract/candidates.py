"""What an extractor proposes before it is merged into a case: actors and facts, each with the
words of the narrative it rests on. Both extractors (patterns, model) produce a :class:`Draft`;
:mod:`assistant.chain.extract.merge` turns it into case facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.vocabulary import Role

__all__ = ["ActorCandidate", "Draft", "DroppedFact", "FactCandidate"]

Origin = Literal["rules", "model"]


@dataclass
class ActorCandidate:
    """An actor with its roles (``None``: roles unknown; ``[]``: no role, e.g. an attacker)."""

    name: str
    name_quote: str
    roles: list[Role] | None = None
    role_quotes: dict[Role, str] = field(default_factory=dict)
    roles_quote: str | None = None  # one span of the narrative behind all the roles
    kind: str = "company"
    origin: Origin = "rules"


@dataclass
class FactCandidate:
    """One fact: ``path`` is a case path (``incident.date``), or an actor field (``actor`` set,
    ``path`` like ``established_in_eu``). ``mode="add"`` appends to a list fact."""

    path: str
    value: Any
    quote: str
    mode: Literal["set", "add"] = "set"
    note: str | None = None
    actor: str | None = None
    origin: Origin = "rules"

    @property
    def label(self) -> str:
        """Path for messages (actor fields as ``actors[Name].field``)."""
        return f"actors[{self.actor}].{self.path}" if self.actor else self.path


@dataclass(frozen=True)
class DroppedFact:
    """A proposed fact that was not used, and why."""

    path: str
    value: str
    quote: str | None
    reason: str
    origin: Origin = "rules"


@dataclass
class Draft:
    """An extractor's proposal."""

    actors: list[ActorCandidate] = field(default_factory=list)
    facts: list[FactCandidate] = field(default_factory=list)
    dropped: list[DroppedFact] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def actor(self, name: str) -> ActorCandidate | None:
        """The candidate called ``name`` (case-insensitive)."""
        key = name.casefold()
        return next((a for a in self.actors if a.name.casefold() == key), None)

    def facts_at(self, path: str) -> list[FactCandidate]:
        """Candidates for one case path (not actor fields)."""
        return [f for f in self.facts if f.actor is None and f.path == path]
