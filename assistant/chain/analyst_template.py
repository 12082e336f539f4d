"""The analysis as items in the rule core's wording, plus the per-actor summaries a model writes.

An *item* is one thing the analysis says: an open finding for an actor, a regime that is not
available (grouped across actors), or a statement of Mozilla step 2 or 3, each with the rule
core's provision IDs and a template sentence built from the rule core's own reasons (each reason
cited with its own provisions). A *summary* is the plain-language line the analyst model may add
at the head of an actor's bullet ("In short: ..."); it is only shown after verification. With
the ``none`` provider, or when the model fails, the analysis is the template alone. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from assistant.chain.verify.aild import mentions_aild
from assistant.chain.verify.conclusions import REGIME_LABELS
from assistant.chain.verify.sentences import split_sentences
from assistant.report import STEP_TITLES
from assistant.rules import Assessment, Finding
from assistant.vocabulary import PublicStatus, Regime

__all__ = [
    "INJECTION_NOTE",
    "Item",
    "SummaryItem",
    "analysis_items",
    "assemble",
    "cited_sentences",
    "summary_items",
    "template_analysis",
]

INJECTION_NOTE = (
    "The narrative contains text addressed to the assistant (instructions); it was treated as "
    "data and changes nothing in this analysis"
)
STATUS_WORDS = {
    PublicStatus.LIKELY: "likely",
    PublicStatus.POSSIBLE: "possible",
    PublicStatus.UNLIKELY: "unlikely",
    PublicStatus.EXCLUDED: "not available",
}
_EXCLUDED_WORTH_SAYING = (Regime.PLD_2024, Regime.PLD_1985, Regime.GDPR_82)
_MAX_REASONS = 2
_ORDER = {PublicStatus.LIKELY: 0, PublicStatus.POSSIBLE: 1, PublicStatus.UNLIKELY: 2}


@dataclass
class Item:
    """One thing the analysis says, with the rule core's wording and provisions."""

    number: int
    step: int
    group: str  # bullet it belongs to: an actor line, "excluded", or "" (a statement)
    brief: str  # what the model is told (the rule core's finding in one line)
    ids: list[str]
    template: str  # the deterministic sentence(s), cited
    rewrite: bool = True  # False: fixed wording (e.g. the AILD note), never sent to the model
    regimes: list[Regime] = field(default_factory=list)


@dataclass
class SummaryItem:
    """An actor whose open findings the model sums up in one or two plain sentences."""

    number: int
    group: str  # the actor's bullet (same key as its items)
    actor: str
    brief: str  # the actor's open findings, one per clause, with their IDs
    ids: list[str]


def _cite(ids: list[str], limit: int = 4) -> str:
    ids = list(dict.fromkeys(ids))[:limit]
    return f" [{'; '.join(ids)}]" if ids else ""


def cited_sentences(text: str, provisions: list[str], limit: int = 3) -> str:
    """``text`` (one or more sentences) with the provisions cited after each sentence.

    AILD_PROPOSAL IDs go only to sentences that name the proposal, so the verifier does not
    read a neighbouring sentence as relying on it.
    """
    out: list[str] = []
    for sentence in split_sentences(" ".join(text.split())):
        body = sentence.rstrip(" .;")
        ids = [
            p for p in provisions if not p.startswith("AILD_PROPOSAL") or mentions_aild(body, [])
        ]
        out.append(f"{body}{_cite(ids, limit)}.")
    return " ".join(out)


def _label(regime: Regime) -> str:
    return REGIME_LABELS.get(regime, regime.value)


def _finding_template(f: Finding) -> str:
    label = _label(f.regime)
    line = f" ({f.line})" if f.line else ""
    parts = [f"{label[0].upper() + label[1:]}{line} is {STATUS_WORDS[f.status]}"
             f"{_cite(f.provisions, 3)}."]  # fmt: skip
    for reason in f.reasons[:_MAX_REASONS]:
        parts.append(cited_sentences(reason.text, reason.provisions or f.provisions[:1]))
    return " ".join(parts)


def _finding_items(assessment: Assessment, start: int) -> list[Item]:
    roles = {str(a["name"]): ", ".join(a.get("roles") or []) for a in assessment.actors}
    by_actor: dict[str, list[Finding]] = {}
    for f in assessment.public:
        by_actor.setdefault(f.actor, []).append(f)
    items: list[Item] = []
    for actor, rows in by_actor.items():
        group = f"{actor} ({roles.get(actor) or 'no role in the chain'})"
        open_rows = sorted(
            (f for f in rows if f.status is not PublicStatus.EXCLUDED),
            key=lambda f: _ORDER.get(f.status, 3),
        )
        if not open_rows:
            text = "No liability regime is open against this actor on the facts given."
            items.append(Item(start + len(items), 1, group, "", [], text, rewrite=False))
            continue
        for f in open_rows:
            why = f.reasons[0].text if f.reasons else ""
            brief = f"{actor}: {_label(f.regime)} is {STATUS_WORDS[f.status]}. Why: {why}"
            items.append(Item(start + len(items), 1, group, brief, list(f.provisions[:3]),
                              _finding_template(f), regimes=[f.regime]))  # fmt: skip
    return items


def _excluded_items(assessment: Assessment, start: int) -> list[Item]:
    grouped: dict[tuple[Regime, str], list[Finding]] = {}
    for f in assessment.public:
        if f.status is PublicStatus.EXCLUDED and f.regime in _EXCLUDED_WORTH_SAYING and f.reasons:
            grouped.setdefault((f.regime, f.reasons[0].text), []).append(f)
    items: list[Item] = []
    for (regime, reason), rows in grouped.items():
        names = [f.actor for f in rows]
        who = "any actor" if len(names) == len(assessment.actors) > 1 else ", ".join(names)
        first = rows[0].reasons[0]
        template = f"Not available against {who}: {_label(regime)}{_cite(rows[0].provisions, 2)}. "
        template += cited_sentences(reason, first.provisions or rows[0].provisions[:1])
        brief = f"Not available against {who}: {_label(regime)}. Why: {reason}"
        items.append(Item(start + len(items), 1, "excluded", brief, list(rows[0].provisions[:2]),
                          template, regimes=[regime]))  # fmt: skip
    return items


def _step_items(assessment: Assessment, number: int, start: int) -> list[Item]:
    step = next((s for s in assessment.steps if s.number == number), None)
    items: list[Item] = []
    for i, st in enumerate(step.statements if step else []):
        if i == 0 and list(st.provisions) == ["MOZILLA_POST"]:
            continue  # the step's one-line definition: the heading says it
        if not st.provisions:
            continue  # uncited: shown in the report's step section, not in the cited analysis
        items.append(Item(start + len(items), number, "", st.text, list(st.provisions[:3]),
                          cited_sentences(st.text, list(st.provisions), 4)))  # fmt: skip
    if number == 3:
        for note in assessment.notes:
            if note.code.startswith("G1"):  # the AILD wording is fixed (LEGAL_RULES G1)
                items.append(Item(start + len(items), 3, "", note.text, list(note.provisions),
                                  cited_sentences(note.text, list(note.provisions), 2),
                                  rewrite=False))  # fmt: skip
    return items


def analysis_items(assessment: Assessment) -> list[Item]:
    """Every item of the analysis, numbered from 1, in reading order."""
    items = _finding_items(assessment, 1)
    items += _excluded_items(assessment, len(items) + 1)
    items += _step_items(assessment, 2, len(items) + 1)
    items += _step_items(assessment, 3, len(items) + 1)
    return items


def summary_items(assessment: Assessment) -> list[SummaryItem]:
    """One summary item per actor with open findings (most exposed first is kept as listed)."""
    roles = {str(a["name"]): ", ".join(a.get("roles") or []) for a in assessment.actors}
    by_actor: dict[str, list[Finding]] = {}
    for f in assessment.public:
        if f.status is not PublicStatus.EXCLUDED:
            by_actor.setdefault(f.actor, []).append(f)
    out: list[SummaryItem] = []
    for actor, rows in by_actor.items():
        rows.sort(key=lambda f: _ORDER.get(f.status, 3))
        parts = [f"{_label(f.regime)}: {STATUS_WORDS[f.status]} [{'; '.join(f.provisions[:2])}]"
                 for f in rows[:4]]  # fmt: skip
        ids = list(dict.fromkeys(p for f in rows[:4] for p in f.provisions[:2]))
        group = f"{actor} ({roles.get(actor) or 'no role in the chain'})"
        out.append(SummaryItem(len(out) + 1, group, actor, f"{actor} — " + "; ".join(parts), ids))
    return out


def assemble(
    items: list[Item],
    texts: Mapping[int, str] | None = None,
    *,
    summaries: Mapping[str, str] | None = None,
    injection: bool = False,
) -> str:
    """Markdown of the analysis: items in the rule core's wording (or ``texts[n]``), each actor's
    bullet opened by its verified summary (``summaries[group]``) when there is one."""
    texts = texts or {}
    summaries = summaries or {}
    lines: list[str] = []
    if injection:
        lines += [f"{INJECTION_NOTE}.", ""]
    for step in (1, 2, 3):
        lines += [f"### {STEP_TITLES[step]}", ""]
        chosen = [i for i in items if i.step == step]
        groups: dict[str, list[str]] = {}
        for item in chosen:
            text = texts.get(item.number) or item.template
            if text.strip():
                groups.setdefault(item.group or f"#{item.number}", []).append(text)
        for group, parts in groups.items():
            if group in summaries:
                parts = [f"In short: {summaries[group].strip()}", *parts]
            body = " ".join(p.strip() for p in parts)
            named = group and not group.startswith("#") and group != "excluded"
            lines.append(f"- {group}: {body}" if named else f"- {body}")
        if not chosen:
            lines.append("- Nothing specific to this step follows from the facts given.")
        lines.append("")
    return "\n".join(lines).strip() + "\n"


def template_analysis(assessment: Assessment, *, injection: bool = False) -> str:
    """The whole analysis in the rule core's wording (no model)."""
    return assemble(analysis_items(assessment), injection=injection)
