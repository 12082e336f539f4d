"""Assemble the typed ``Report`` from the case, the rule core's assessment and the corpus.

Pure apart from reading the (already loaded) corpus: every cited ID is looked up, quoted and
linked; an ID that does not resolve never reaches the report as a citation (it is dropped and
recorded as a verifier issue, so the gap is visible instead of silently kept).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.facts import Case, iter_facts
from assistant.report import (
    ActorEntry,
    CitationEntry,
    OpenQuestion,
    Report,
    ReportFinding,
    StepSection,
    StepStatement,
    VerifierIssue,
)
from assistant.rules import Assessment
from assistant.vocabulary import ActCode, InvalidCitationId, ProvisionId, PublicStatus, find_ids

if TYPE_CHECKING:
    from assistant.corpus import Corpus

__all__ = ["QUOTE_CHARS", "build_report", "citation_entry", "summary_line"]

QUOTE_CHARS = 1500
_STATUS_RANK = {
    PublicStatus.LIKELY: 3,
    PublicStatus.POSSIBLE: 2,
    PublicStatus.UNLIKELY: 1,
    PublicStatus.EXCLUDED: 0,
}


def citation_entry(corpus: Corpus, ref: str, as_of: date) -> CitationEntry | None:
    """Resolve one ID into a citation with title, quoted text and link; None if unresolved."""
    node = corpus.get(ref, as_of)
    if node is None:
        return None
    try:
        pid = ProvisionId.parse(ref)
    except InvalidCitationId:
        return None
    text = node.full_text() if node.children else node.text
    quote = text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rsplit(" ", 1)[0] + " …"
    from_digest = pid.act is not ActCode.NATIONAL and not corpus.has_full_text(pid.act)
    title = node.heading or node.label
    return CitationEntry(
        id=ref,
        title=title,
        quote=quote or None,
        quote_is_digest=from_digest or pid.act is ActCode.NATIONAL,
        url=node.url,
        amended_by=list(node.amended_by),
        withdrawn=pid.act is ActCode.AILD_PROPOSAL,
    )


def summary_line(report_findings: list[ReportFinding], actors: Iterable[str]) -> str:
    """A one-paragraph summary from the findings (deterministic, no LLM)."""
    exposed: dict[str, list[ReportFinding]] = {}
    for f in report_findings:
        if f.status in (PublicStatus.LIKELY, PublicStatus.POSSIBLE):
            exposed.setdefault(f.actor, []).append(f)
    if not exposed:
        return (
            "On the facts given, no liability regime clearly applies to any actor yet; "
            "the open questions below decide the analysis."
        )
    parts: list[str] = []
    for actor in actors:
        rows = sorted(exposed.get(actor, []), key=lambda f: -_STATUS_RANK[f.status])
        if not rows:
            continue
        regimes = ", ".join(f"{f.regime.value} ({f.status.value})" for f in rows[:4])
        parts.append(f"{actor}: {regimes}")
    return "Exposure by actor — " + "; ".join(parts) + "."


def _assumptions(case: Case) -> list[str]:
    out: list[str] = []
    for entry in iter_facts(case):
        prov = entry.provenance
        if prov is not None and prov.source.value == "assumed":
            note = f" ({prov.note})" if prov.note else ""
            out.append(f"{entry.path} = {_show(entry.value)}{note}")
    return out


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value)
    if hasattr(value, "value"):
        return str(value.value)
    return str(value)


def _withheld(issue: VerifierIssue) -> VerifierIssue:
    """Model sentences the verifier acted on are not repeated in the issue list.

    Keeping them verbatim would hand a poisoned or injected model a channel around the verifier
    (e.g. a printed system prompt listed under "what the verifier changed", from a draft line
    that was dropped as a whole); the kind and our own explanation say enough, and a flagged
    sentence that stays in the analysis is visible there, marked. Bare citation IDs are kept.
    """
    if not issue.sentence or ProvisionId.is_valid(issue.sentence):
        return issue
    return issue.model_copy(
        update={"sentence": f"[model text withheld: {len(issue.sentence)} characters]"}
    )


def build_report(
    case: Case,
    assessment: Assessment,
    corpus: Corpus,
    *,
    analysis_markdown: str = "",
    verifier_issues: list[VerifierIssue] | None = None,
    provider: str = "none",
    provider_notes: list[str] | None = None,
    summary: str | None = None,
    verification: dict[str, Any] | None = None,
    analysis_source: str = "rule_core",
) -> Report:
    """The report for ``case`` as assessed on ``assessment.as_of``."""
    as_of = assessment.as_of
    issues = [_withheld(i) for i in verifier_issues or []]
    findings = [
        ReportFinding(
            regime=f.regime,
            actor=f.actor,
            status=f.status,
            scope_status=f.scope_status.value,
            liability_outcome=f.liability_outcome.value if f.liability_outcome else None,
            line=f.line,
            provisions=list(f.provisions),
            reasons=[r.text for r in f.reasons],
            needs_facts=list(f.needs_facts),
        )
        for f in assessment.public
    ]
    steps = [
        StepSection(
            step=s.number,
            title=s.title,
            statements=[
                StepStatement(text=st.text, provisions=list(st.provisions)) for st in s.statements
            ],
        )
        for s in assessment.steps
    ]
    wanted = list(dict.fromkeys([*assessment.citations(), *find_ids(analysis_markdown)]))
    citations: list[CitationEntry] = []
    for ref in wanted:
        entry = citation_entry(corpus, ref, as_of)
        if entry is None:
            issues.append(
                VerifierIssue(
                    kind="unresolved_citation",
                    sentence=ref,
                    detail=f"{ref} does not resolve in the corpus; not shown as a citation",
                    action="removed",
                )
            )
            continue
        citations.append(entry)
    actor_names = [a.name for a in case.actors]
    return Report(
        as_of=as_of,
        jurisdiction=assessment.jurisdiction,
        summary=summary or summary_line(findings, actor_names),
        actors=[ActorEntry(name=a.name, roles=list(a.roles or [])) for a in case.actors],
        ai_act_risk=assessment.ai_act_risk,
        harms=case.harms(),
        findings=findings,
        steps=steps,
        citations=citations,
        questions=[
            OpenQuestion(
                id=q.id,
                text=q.text,
                reason=q.reason,
                provision=q.provisions[0] if q.provisions else None,
            )
            for q in assessment.questions
        ],
        assumptions=_assumptions(case),
        notes=[n.text for n in assessment.notes],
        analysis_markdown=analysis_markdown,
        verifier_issues=issues,
        verification=dict(verification or {}),
        analysis_source=analysis_source,
        provider=provider,
        provider_notes=list(provider_notes or []),
    )
