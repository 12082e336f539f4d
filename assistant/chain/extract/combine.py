"""Combine the model's draft with the patterns' draft.

Measured on the 28 evaluation narratives with the embedded 1.5B model (under CPU contention;
see the chain-A report): the model's own roles reached precision 0.31 / recall 0.17 on the
held-out cases, against 0.81 / 0.65 for the patterns, and letting its roles, extra actors and
harms in lowered precision to 0.64 (roles) and 0.82 (harms) without raising recall. So the
model only fills gaps the patterns leave:

* an actor the patterns found without any role gets the model's role (with the model's verified
  quote); roles the patterns found are never replaced or extended;
* actors only the model names are not added (they were mostly short forms of known actors or
  product names), but listed as dropped so the UI can show them;
* the model's harms are not used; its dates count only when the patterns found none.
"""

from __future__ import annotations

from assistant.chain.extract.candidates import Draft, DroppedFact
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
            roles = ", ".join(r.value for r in actor.roles or []) or "no role"
            out.dropped.append(
                DroppedFact("actors", actor.name, actor.name_quote,
                            f"named only by the language model ({roles}); not added", "model")
            )  # fmt: skip
    out.facts.extend(rules.facts)
    for fact in model.facts:
        if fact.path == "damage" or fact.mode == "add":
            out.dropped.append(
                DroppedFact(fact.label, str(fact.value), fact.quote,
                            "the patterns decide harms and causes", "model")
            )  # fmt: skip
        elif not out.facts_at(fact.path):
            out.facts.append(fact)
    return out
