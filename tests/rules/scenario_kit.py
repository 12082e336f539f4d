"""Table-driven scenario kit: a scenario is a case (plain dict), an analysis date and expectations.

Expectations assert on the public status (or the internal scope/outcome where the spec states
them), on key provisions, and on duty lines; never on prose.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from typing import Any

from assistant.facts import Case
from assistant.rules import Assessment, Finding, evaluate


@dataclass(frozen=True)
class Expect:
    """One expectation about a (regime, actor[, line]) finding."""

    regime: str
    actor: str
    status: str | None = None  # public status
    scope: str | None = None  # internal scope_status
    outcome: str | None = None  # liability_outcome
    line: str | None = None  # duty line (None = public row)
    provisions: tuple[str, ...] = ()  # must all be cited by the finding
    defences: tuple[str, ...] = ()  # provisions among defence candidates
    reduction: bool | None = None
    needs: tuple[str, ...] = ()  # paths among needs_facts
    no_provisions: tuple[str, ...] = ()  # must not be cited by the finding


@dataclass(frozen=True)
class Scenario:
    """A named case with its expectations."""

    id: str
    case: dict[str, Any]
    expect: tuple[Expect, ...]
    as_of: date = date(2027, 6, 1)
    citations: tuple[str, ...] = ()  # must appear somewhere in the assessment
    no_citations: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()  # question codes that must be asked
    no_questions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    no_notes: tuple[str, ...] = ()
    risk: str | None = None

    def __str__(self) -> str:
        return self.id


def merge(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A deep copy of ``base`` with top-level sections updated (dicts merged, others replaced)."""
    out = copy.deepcopy(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key].update(value)
        else:
            out[key] = value
    return out


def find(assessment: Assessment, e: Expect) -> Finding:
    """The finding an expectation is about (fails with the list of what exists)."""
    pool = assessment.findings if e.line else assessment.public_findings()
    for f in pool:
        if f.regime.value == e.regime and f.actor == e.actor and f.line == e.line:
            return f
    have = sorted({(f.regime.value, f.actor, f.line or "") for f in pool})
    raise AssertionError(f"no finding {e.regime}/{e.actor}/{e.line}; have {have}")


def check(s: Scenario) -> Assessment:
    """Evaluate the scenario and assert every expectation; returns the assessment."""
    a = evaluate(Case.model_validate(s.case), s.as_of)
    problems: list[str] = []
    for e in s.expect:
        f = find(a, e)
        label = f"{e.regime}[{e.actor}]" + (f"/{e.line}" if e.line else "")
        if e.status and f.status.value != e.status:
            problems.append(f"{label}: status {f.status.value} != {e.status}")
        if e.scope and f.scope_status.value != e.scope:
            problems.append(f"{label}: scope {f.scope_status.value} != {e.scope}")
        if e.outcome and (f.liability_outcome.value if f.liability_outcome else None) != e.outcome:
            problems.append(f"{label}: outcome {f.liability_outcome} != {e.outcome}")
        missing = [p for p in e.provisions if p not in f.provisions]
        if missing:
            problems.append(f"{label}: missing provisions {missing}; has {f.provisions}")
        wrong = [p for p in e.no_provisions if p in f.provisions]
        if wrong:
            problems.append(f"{label}: must not cite {wrong}")
        defences = {p for r in f.defence_candidates for p in r.provisions}
        if any(d not in defences for d in e.defences):
            problems.append(f"{label}: defences {sorted(defences)} lack {e.defences}")
        if e.reduction is not None and f.reduction_possible != e.reduction:
            problems.append(f"{label}: reduction_possible {f.reduction_possible}")
        if any(n not in f.needs_facts for n in e.needs):
            problems.append(f"{label}: needs {f.needs_facts} lack {e.needs}")
    cites = set(a.citations())
    problems += [f"citation {c} missing" for c in s.citations if c not in cites]
    problems += [f"citation {c} must not appear" for c in s.no_citations if c in cites]
    codes = {q.code for q in a.questions}
    problems += [
        f"question {q} not asked (asked {sorted(codes)})" for q in s.questions if q not in codes
    ]
    problems += [f"question {q} must not be asked" for q in s.no_questions if q in codes]
    notes = {n.code for n in a.notes}
    problems += [f"note {n} missing" for n in s.notes if n not in notes]
    problems += [f"note {n} must not appear" for n in s.no_notes if n in notes]
    if s.risk and a.ai_act_risk.value != s.risk:
        problems.append(f"risk {a.ai_act_risk.value} != {s.risk}")
    assert not problems, f"{s.id}:\n  " + "\n  ".join(problems)
    return a
