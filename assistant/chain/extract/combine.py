"""Combine the model's draft with the patterns' draft.

Measured on our narratives, the patterns are far more precise than the embedded 1.5B model,
which finds actors well but gives many wrong roles and harms. So the model only fills gaps: an
actor's roles come from the patterns when they found any, else from the model; actors only the
model found are added (name and quote verified); the model's harms count only when the
patterns found none; dates and every other fact come from the patterns, the model's dates
only when the patterns have none.
"""

from __future__ import annotations

from assistant.chain.extract.candidates import Draft
from assistant.chain.extract.merge import same_actor

__all__ = ["combine_drafts"]


def combine_drafts(model: Draft, rules: Draft) -> Draft:
    """One draft from both extractors (see the module docstring)."""
    out = Draft(
        dropped=[*model.dropped, *rules.dropped],
        notes=[*rules.notes, *(n for n in model.notes if n not in rules.notes)],
    )
    for actor in rules.actors:
        twin = next((m for m in model.actors if same_actor(m.name, actor.name)), None)
        if twin is not None and actor.roles is None and twin.roles is not None:
            actor.roles = list(twin.roles)
            actor.role_quotes = dict(twin.role_quotes)
            actor.roles_quote = None
            actor.origin = "model"
        out.actors.append(actor)
    for actor in model.actors:
        if not any(same_actor(a.name, actor.name) for a in out.actors):
            out.actors.append(actor)
    out.facts.extend(rules.facts)
    rules_harms = bool(rules.facts_at("damage"))
    for fact in model.facts:
        if fact.path == "damage":
            if not rules_harms and not any(
                f.path == "damage" and f.value["type"] == fact.value["type"] for f in out.facts
            ):
                out.facts.append(fact)
        elif fact.mode == "add":
            if not any(f.path == fact.path and f.value == fact.value for f in out.facts):
                out.facts.append(fact)
        elif not out.facts_at(fact.path):
            out.facts.append(fact)
    return out
