"""Missing facts -> questions, ranked by how many findings an answer would change.

For every fact some finding waits for, the core re-evaluates the case with plausible answers
(the probe values of ``question_catalogue``) and counts the public findings whose scope status
or liability outcome would differ. Ties are broken by the §10.2 priority, then by the order the
facts were first needed. At most ``limit`` questions per turn (§9.3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assistant.facts import Case, ProductKind, fact_template, with_fact
from assistant.facts.paths import InvalidFactPath
from assistant.rules.engine import Core, core_findings
from assistant.rules.model import Question
from assistant.rules.question_catalogue import QuestionSpec, spec_for
from assistant.rules.question_text import phrase_question
from assistant.vocabulary import RiskLabel, ScopeStatus

__all__ = ["next_questions", "rank_questions"]

_MAX_PROBES = 40  # cap on re-evaluations per fact (keeps a turn fast)
_MAX_GROUPS = 16  # cap on questions whose impact is measured per turn


_RISK_KEY = ("AI_ACT_RISK_LABEL", "")
# One question for every actor at once: who controls the personal data is one question about
# the processing, not one per company.
_ONE_FOR_ALL = frozenset({"Q_GDPR_ROLE"})


def _state(core: Core) -> dict[tuple[str, str], tuple[str, bool]]:
    """Public status per (regime, actor), and whether it is determined (scope not unknown);
    plus the case's AI Act risk label (an answer that changes it matters too)."""
    out = {
        (f.regime.value, f.actor): (f.status.value, f.scope_status is not ScopeStatus.UNKNOWN)
        for f in core.public
    }
    out[_RISK_KEY] = (core.risk.value, core.risk is not RiskLabel.UNCLEAR)
    return out


def _label_needs(core: Core) -> list[str]:
    """Classification facts the risk label rests on while they are unknown (§3.3, HR4/AS9):
    the Annex III use area for software and services, the Annex I route for devices."""
    c = core.classification
    if c is None or core.risk in (RiskLabel.NOT_AI, RiskLabel.PROHIBITED):
        return []
    kind = core.ctx.case.product.kind
    skip = {"ai.annex_iii_point"} if kind is ProductKind.PHYSICAL_PRODUCT else set()
    if kind is not None and kind is not ProductKind.PHYSICAL_PRODUCT:
        skip.add("ai.annex_i_product")
    paths = [path for path, _ in c.hr_needs if path not in skip]
    if core.ctx.case.ai.is_ai_system is None:
        paths.insert(0, "ai.is_ai_system")
    return paths


def _always_needed(case: Case) -> list[str]:
    """Facts every analysis turns on (G4: which law applies, limitation): asked when unknown."""
    return ["incident.date"] if case.incident.date is None else []


def _effective_priority(g: _Group) -> int:
    """A question that only changes the risk label counts as priority 3 (the label's
    assumption is noted; no finding waits for it)."""
    if g.changed and not g.changed - {_RISK_KEY}:
        return max(g.spec.priority, 3)
    return g.spec.priority


_DUTY_REGIMES = frozenset({"AI_ACT_ENFORCEMENT", "CRA", "NIS2"})


def _weight(g: _Group) -> float:
    """How much the answer matters: each compensation finding it can change counts 1, each
    duty-regime finding 1/2 (duties feed the compensation regimes, §0.4 G2), the risk label
    nothing (its assumption is noted); capped at 2."""
    score = sum(
        0.0 if key == _RISK_KEY else (0.5 if key[0] in _DUTY_REGIMES else 1.0) for key in g.changed
    )
    return min(score, 2.0)


def _rank_key(g: _Group) -> tuple[float, int, int]:
    """§9.3 order: by priority, lifted by up to two levels for the findings the answer can
    change (``_weight``), then by impact, then by when the fact was first needed."""
    return (_effective_priority(g) - _weight(g), -len(g.changed), g.first)


def _why(changed: list[tuple[str, str]]) -> str:
    if not changed:
        return "Needed to complete the analysis; it does not change a status on its own."
    names = [
        "the AI Act risk label" if key == _RISK_KEY else f"{r} for {a}"
        for key in changed
        for r, a in [key]
    ]
    shown = ", ".join(names[:4])
    more = f" and {len(names) - 4} more" if len(names) > 4 else ""
    return f"The answer can change {len(names)} finding(s): {shown}{more}."


def _moved(base: tuple[str, bool] | None, now: tuple[str, bool]) -> bool:
    """An answer changes a finding if its public status moves to a determined new value."""
    return now[1] and (base is None or base[0] != now[0])


def _actor_of(case: Case, path: str) -> str | None:
    if path.startswith("actors["):
        index = int(path[len("actors[") : path.index("]")])
        if index < len(case.actors):
            return case.actors[index].name
    return None


def _changed(
    case: Case, as_of: date, path: str, base: dict[tuple[str, str], tuple[str, bool]]
) -> set[tuple[str, str]]:
    spec = spec_for(fact_template(path))
    if spec is None:
        return set()
    changed: set[tuple[str, str]] = set()
    for value in spec.probe(case, as_of)[:_MAX_PROBES]:
        try:
            probe = with_fact(case, path, value)
        except (ValueError, InvalidFactPath):
            continue
        state = _state(core_findings(probe, as_of))
        changed |= {k for k, v in state.items() if _moved(base.get(k), v)}
    return changed


@dataclass
class _Group:
    spec: QuestionSpec
    actor: str | None
    first: int
    paths: list[str] = field(default_factory=list)
    provs: list[str] = field(default_factory=list)
    changed: set[tuple[str, str]] = field(default_factory=set)


def rank_questions(case: Case, as_of: date, core: Core, limit: int = 5) -> list[Question]:
    """Questions for the facts ``core``'s findings wait for, most consequential first."""
    base = _state(core)
    needed: dict[str, list[str]] = {}  # path -> provisions
    for f in core.findings + core.public:
        for m in f.missing:
            provs = needed.setdefault(m.path, [])
            provs.extend(p for p in m.provisions if p not in provs)
    for path in _label_needs(core):
        needed.setdefault(path, ["AI_ACT Art 6(1)", "AI_ACT Art 6(2)"])
    for path in _always_needed(case):
        needed.setdefault(path, [])
    groups: dict[str, _Group] = {}
    for i, (path, provs) in enumerate(needed.items()):
        spec = spec_for(fact_template(path))
        if spec is None:
            continue
        actor = None if spec.code in _ONE_FOR_ALL else _actor_of(case, path)
        suffix = (
            f":{actor}"
            if actor
            else (f":{path.split('.')[0]}" if path.startswith(("damage[", "contracts[")) else "")
        )
        group = groups.setdefault(spec.code + suffix, _Group(spec, actor, i))
        group.paths.append(path)
        group.provs.extend(p for p in provs if p not in group.provs)
    # Probe the most promising groups only (priority, then how many findings wait for them):
    # keeps a turn fast on big cases; the rest rank after them with no measured impact.
    waiting = {p: sum(p in f.needs_facts for f in core.public) for p in needed}
    order = sorted(
        groups.values(), key=lambda g: (g.spec.priority, -max(waiting[p] for p in g.paths), g.first)
    )
    for group in order[:_MAX_GROUPS]:
        for path in group.paths:
            group.changed |= _changed(case, as_of, path, base)
    ranked = sorted(groups.items(), key=lambda kv: _rank_key(kv[1]))
    out: list[Question] = []
    for qid, g in ranked[:limit]:
        changed = sorted(g.changed)
        text = phrase_question(g.spec.code, case, g.paths, g.actor)
        if text is None:
            text = f"About {g.actor}: {g.spec.text}" if g.actor else g.spec.text
        out.append(
            Question.model_construct(
                id=qid,
                code=g.spec.code,
                text=text,
                fact_paths=list(g.paths),
                reason=_why(changed),
                provisions=g.provs[:6],
                priority=_effective_priority(g),
                impact=len(changed),
                actor=g.actor,
            )
        )
    return out


def next_questions(case: Case, as_of: date, limit: int = 5) -> list[Question]:
    """The next (at most ``limit``) questions to ask about ``case``."""
    return rank_questions(case, as_of, core_findings(case, as_of), limit)
