"""Merge a draft into a case without losing anything the user said.

* A fact the user stated (provenance ``user``, or a value with no provenance at all, which we
  treat the same way) is never changed: a different proposal becomes a :class:`FactConflict`.
* An earlier extraction is not overwritten either (the two texts disagree: report it); lists
  (roles, causes, harms) grow by union instead.
* An assumption gives way to an extracted fact.
* A value the fact model rejects is dropped with pydantic's reason; nothing here raises.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

from assistant.chain.extract.candidates import ActorCandidate, Draft, DroppedFact, FactCandidate
from assistant.facts import MAX_ACTORS, Actor, Case, Damage, Provenance, Source, get_fact, with_fact
from assistant.facts.paths import InvalidFactPath

__all__ = ["ExtractedFact", "FactConflict", "MergeOutcome", "merge_draft", "same_actor"]

_SUFFIX = re.compile(
    r"\b(?:gmbh|ag|se|kg|ltd|limited|inc|llc|plc|corp|co|sas|sarl|sa|bv|nv|oy|ab|spa|srl|s\.r\.o|"
    r"b\.v|n\.v|s\.a|s\.p\.a|asa|sasu|eurl|snc|kft|zrt|oü|gbr|ltda)\b\.?",
    re.IGNORECASE,
)


class ExtractedFact(BaseModel):
    """A fact the extraction added to the case, with the narrative's words it rests on."""

    path: str
    value: Any
    quote: str
    origin: str = Field(description="rules (patterns) or model (language model)")
    note: str | None = None


class FactConflict(BaseModel):
    """A proposal that disagrees with a fact already in the case (which is kept)."""

    path: str
    existing: Any
    proposed: Any
    quote: str
    existing_source: str


class MergeOutcome(BaseModel):
    """The merged case and what happened to each proposal."""

    model_config = {"arbitrary_types_allowed": True}

    case: Case
    added: list[ExtractedFact] = Field(default_factory=list)
    conflicts: list[FactConflict] = Field(default_factory=list)
    dropped: list[DroppedFact] = Field(default_factory=list)


def _key(name: str) -> str:
    """Actor name for matching: no legal-form suffix, punctuation or case."""
    bare = _SUFFIX.sub(" ", name.casefold())
    return " ".join(re.findall(r"[\w]+", bare))


def same_actor(a: str, b: str) -> bool:
    """True if two actor names refer to the same actor ("Innovate AI Solutions Ltd." and
    "Innovate AI Solutions Ltd")."""
    return bool(_key(a)) and _key(a) == _key(b)


def _source(provenance: dict[str, Provenance], path: str) -> Source | None:
    """Source of a fact: its own record, else that of the list or object it belongs to, else
    (for a list) the records of its items. None: nothing recorded (treated as the user's)."""
    probe = path
    while probe:
        record = provenance.get(probe)
        if record is not None:
            return record.source
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    items = {v.source for k, v in provenance.items() if k.startswith(f"{path}[")}
    if Source.USER in items:
        return Source.USER
    return Source.EXTRACTED if Source.EXTRACTED in items else (items.pop() if items else None)


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.value if hasattr(value, "value") else value


class _Merger:
    def __init__(self, case: Case) -> None:
        self.case = case
        self.provenance = dict(case.provenance)
        self.out = MergeOutcome(case=case)

    def record(self, path: str, value: Any, quote: str, origin: str, note: str | None) -> None:
        prov = Provenance.extracted(quote)
        if note:
            prov = Provenance(source=Source.EXTRACTED, quote=prov.quote, note=note[:300])
        self.provenance[path] = prov
        self.out.added.append(ExtractedFact(path=path, value=_plain(value), quote=prov.quote or "",
                                            origin=origin, note=note))  # fmt: skip

    def drop(self, path: str, value: Any, quote: str | None, reason: str, origin: str) -> None:
        self.out.dropped.append(DroppedFact(path, str(_plain(value)), quote, reason, origin))  # type: ignore[arg-type]

    def conflict(self, path: str, existing: Any, proposed: Any, quote: str) -> None:
        source = _source(self.provenance, path)
        self.out.conflicts.append(
            FactConflict(
                path=path,
                existing=_plain(existing),
                proposed=_plain(proposed),
                quote=quote,
                existing_source=(source.value if source else Source.USER.value),
            )
        )

    def set(self, path: str, value: Any, quote: str, origin: str, note: str | None = None) -> None:
        try:
            current = get_fact(self.case, path)
        except InvalidFactPath as exc:
            self.drop(path, value, quote, f"not a fact of the case: {exc}", origin)
            return
        if current is not None:
            if _plain(current) == _plain(value):
                return
            if _source(self.provenance, path) is not Source.ASSUMED:
                self.conflict(path, current, value, quote)
                return
        try:
            self.case = with_fact(self.case, path, value)
        except (ValueError, InvalidFactPath) as exc:
            self.drop(path, value, quote, f"invalid value: {exc}", origin)
            return
        self.record(path, value, quote, origin, note)

    def add(self, path: str, item: Any, quote: str, origin: str) -> None:
        current = get_fact(self.case, path)
        items = list(current or [])
        if item in [_plain(x) for x in items]:
            return
        if current is not None and _source(self.provenance, path) in (Source.USER, None):
            self.conflict(path, current, [*map(_plain, items), item], quote)
            return
        try:
            self.case = with_fact(self.case, path, [*items, item])
        except (ValueError, InvalidFactPath) as exc:
            self.drop(path, item, quote, f"invalid value: {exc}", origin)
            return
        self.record(path, [*map(_plain, items), item], quote, origin, None)

    def damage(self, fact: FactCandidate) -> None:
        value = dict(fact.value)
        if value["type"] in {d.type.value for d in self.case.damage or ()}:
            return
        if self.case.damage is not None and _source(self.provenance, "damage") in (
            Source.USER,
            None,
        ):
            self.conflict("damage", self.case.damage, value, fact.quote)
            return
        index = len(self.case.damage or ())
        try:
            self.case = with_fact(self.case, f"damage[{index}]", Damage.model_validate(value))
        except (ValueError, InvalidFactPath) as exc:
            self.drop("damage", value, fact.quote, f"invalid value: {exc}", fact.origin)
            return
        for key, item in value.items():
            self.record(f"damage[{index}].{key}", item, fact.quote, fact.origin, fact.note)

    def actor(self, cand: ActorCandidate) -> None:
        index = next(
            (i for i, a in enumerate(self.case.actors) if same_actor(a.name, cand.name)), None
        )
        roles = [r.value for r in cand.roles] if cand.roles is not None else None
        role_quote = (
            cand.roles_quote or next(iter(cand.role_quotes.values()), None) or cand.name_quote
        )
        if index is None:
            if len(self.case.actors) >= MAX_ACTORS:
                self.drop("actors", cand.name, cand.name_quote, "the case already has the "
                          f"maximum of {MAX_ACTORS} actors", cand.origin)  # fmt: skip
                return
            index = len(self.case.actors)
            try:
                actor = Actor(name=cand.name, roles=roles)
            except ValueError as exc:
                self.drop(
                    "actors", cand.name, cand.name_quote, f"invalid actor: {exc}", cand.origin
                )
                return
            self.case = self.case.model_copy(update={"actors": [*self.case.actors, actor]})
            self.record(f"actors[{index}].name", cand.name, cand.name_quote, cand.origin, None)
            if roles is not None:
                self.record(f"actors[{index}].roles", roles, role_quote, cand.origin, None)
            return
        if roles is None:
            return
        path = f"actors[{index}].roles"
        current = self.case.actors[index].roles
        if current is None or _source(self.provenance, path) is Source.ASSUMED:
            self.set(path, roles, role_quote, cand.origin)
            return
        extra = [r for r in roles if r not in {x.value for x in current}]
        if not extra:
            return
        if _source(self.provenance, path) in (Source.USER, None):
            self.conflict(path, current, roles, role_quote)
            return
        merged = [*(x.value for x in current), *extra]
        self.case = with_fact(self.case, path, merged)
        self.record(path, merged, role_quote, cand.origin, None)

    def actor_index(self, name: str) -> int | None:
        return next((i for i, a in enumerate(self.case.actors) if same_actor(a.name, name)), None)


def merge_draft(base: Case, draft: Draft) -> MergeOutcome:
    """``base`` with the draft's facts added (see the module docstring for the rules)."""
    merger = _Merger(base)
    for cand in draft.actors:
        merger.actor(cand)
    for fact in draft.facts:
        if fact.actor is not None:
            index = merger.actor_index(fact.actor)
            if index is None:
                merger.drop(fact.label, fact.value, fact.quote, "no such actor", fact.origin)
                continue
            merger.set(f"actors[{index}].{fact.path}", fact.value, fact.quote, fact.origin,
                       fact.note)  # fmt: skip
        elif fact.path == "damage":
            merger.damage(fact)
        elif fact.mode == "add":
            merger.add(fact.path, fact.value, fact.quote, fact.origin)
        else:
            if fact.path in {"modification.by", "claimant.name", "product.placed_by"}:
                index = merger.actor_index(str(fact.value))
                if index is None:
                    merger.drop(fact.path, fact.value, fact.quote, "no such actor", fact.origin)
                    continue
                fact.value = merger.case.actors[index].name
            merger.set(fact.path, fact.value, fact.quote, fact.origin, fact.note)
    out = merger.out
    out.case = merger.case.model_copy(update={"provenance": merger.provenance})
    out.dropped = [*draft.dropped, *out.dropped]
    return out
