"""The session's analysis without Streamlit: case and report in and out of ``SessionState``,
re-running the rule core after an edit, and what changed between two versions of a case.

The rule core is fast (milliseconds) and deterministic, so every fact edit re-evaluates the
whole case at once; only the chain's written analysis (LLM prose) goes stale after an edit, and
it is dropped with a visible note instead of being shown next to findings it no longer matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.facts import Case, Provenance, iter_facts, set_fact
from assistant.report import Report
from assistant.rules import Assessment, evaluate
from assistant.sessions import SessionState
from assistant.ui.chain_port import chain_part
from assistant.ui.fact_values import parse_value, show_value

if TYPE_CHECKING:
    from assistant.corpus import Corpus

__all__ = [
    "STALE_ANALYSIS_NOTE",
    "Analysis",
    "analysis_date",
    "apply_edits",
    "case_of",
    "describe_changes",
    "fact_changes",
    "fact_label",
    "has_facts",
    "reassess",
    "report_of",
    "with_analysis",
]

STALE_ANALYSIS_NOTE = (
    "Facts changed after the language model drafted the written analysis: findings were "
    "re-computed by the rule core and the analysis is now in the rule core's own words; run "
    "the triage again for a model-written one."
)


@dataclass(frozen=True)
class Analysis:
    """A case with its assessment and report."""

    case: Case
    assessment: Assessment
    report: Report


def case_of(state: SessionState) -> Case:
    """The session's case (an empty case when nothing is known yet)."""
    return Case.model_validate(state.case) if state.case else Case()


def report_of(state: SessionState) -> Report | None:
    """The session's last report, if any (None when the stored one no longer validates)."""
    if not state.report:
        return None
    try:
        return Report.model_validate(state.report)
    except ValueError:
        return None


def analysis_date(state: SessionState, default: date) -> date:
    """The session's analysis date (``default`` when unset or unreadable)."""
    if state.as_of:
        try:
            return date.fromisoformat(state.as_of)
        except ValueError:
            return default
    return default


def reassess(
    case: Case,
    as_of: date,
    corpus: Corpus,
    *,
    provider: str = "none",
    provider_notes: list[str] | None = None,
) -> Analysis:
    """Evaluate ``case`` with the rule core and build its report, without any model.

    The written analysis is the chain's deterministic one (the rule core's findings in words,
    cited, milliseconds) when the analyst is available, so it always matches the findings.
    """
    from assistant.chain.report_builder import build_report

    assessment = evaluate(case, as_of)
    markdown, issues = "", []
    analyst = chain_part("analyst")
    if analyst.module is not None:
        result = analyst.module.analyse(case, assessment, corpus, model=None).result
        markdown, issues = result.markdown, list(result.issues)
    report = build_report(
        case,
        assessment,
        corpus,
        analysis_markdown=markdown,
        verifier_issues=issues,
        provider=provider,
        provider_notes=provider_notes,
    )
    return Analysis(case, assessment, report)


def with_analysis(state: SessionState, case: Case, report: Report | None) -> SessionState:
    """A copy of ``state`` holding ``case`` and ``report``."""
    return state.model_copy(
        update={
            "case": case.model_dump(mode="json", exclude_none=True),
            "report": report.model_dump(mode="json") if report is not None else None,
        }
    )


def apply_edits(case: Case, edits: dict[str, str | None]) -> tuple[Case, list[str]]:
    """Set each ``path -> typed text`` as stated by the user; returns the case and errors.

    A bad value leaves that fact unchanged and yields a message; the other edits still apply.
    """
    errors: list[str] = []
    for path, text in edits.items():
        try:
            value = parse_value(path, text)
            case = set_fact(case, path, value, Provenance.user())
        except ValueError as exc:  # InvalidFactPath is a ValueError too
            errors.append(f"{path}: {exc}")
    return case, errors


_ACTOR_PATH = re.compile(r"^actors\[(\d+)\]\.(.+)$")


def _readable(path: str) -> str:
    return path.replace("_", " ").replace(".", " › ")


def fact_label(case: Case, path: str) -> str:
    """A fact path in words: ``actors[1].roles`` -> ``GreenBot GmbH › roles``."""
    m = _ACTOR_PATH.match(path)
    if m is not None and int(m[1]) < len(case.actors):
        return f"{case.actors[int(m[1])].name} › {_readable(m[2])}"
    return _readable(path)


def describe_changes(before: Case, after: Case) -> list[str]:
    """Like ``fact_changes`` but in words: new actors with their roles, actor facts by name."""
    known = {a.name for a in before.actors}
    lines = [
        f"actor {a.name}: " + (", ".join(r.value for r in a.roles or ()) or "role not known yet")
        for a in after.actors
        if a.name not in known
    ]
    new_names = {a.name for a in after.actors} - known
    for change in fact_changes(before, after):
        path, _, rest = change.partition(" ")
        m = _ACTOR_PATH.match(path.rstrip(":"))
        if m is None:
            lines.append(f"{_readable(path.rstrip(':'))}{':' if path.endswith(':') else ''} {rest}")
            continue
        index, field = int(m[1]), m[2]
        actor = after.actors[index].name if index < len(after.actors) else f"actor {index + 1}"
        if actor in new_names and field in ("name", "roles"):
            continue
        suffix = ":" if path.endswith(":") else ""
        lines.append(f"{actor} › {_readable(field)}{suffix} {rest}")
    return lines


def has_facts(case: Case) -> bool:
    """True once anything is known about the case."""
    return any(e.path != "actors" for e in iter_facts(case)) or bool(case.actors)


def fact_changes(before: Case, after: Case) -> list[str]:
    """Human-readable list of facts that are new or changed in ``after``."""
    old: dict[str, Any] = {e.path: e.value for e in iter_facts(before)}
    old.pop("actors", None)  # an empty actor list is the default, not a fact
    out: list[str] = []
    for entry in iter_facts(after):
        if entry.path == "actors":
            continue
        if entry.path not in old:
            out.append(f"{entry.path} = {show_value(entry.value)}")
        elif old[entry.path] != entry.value:
            out.append(f"{entry.path}: {show_value(old[entry.path])} → {show_value(entry.value)}")
    new_paths = {e.path for e in iter_facts(after)}
    out += [f"{path} cleared" for path in old if path not in new_paths]
    return out
