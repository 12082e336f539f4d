"""The Findings tab: per actor and regime, status in colour, the reason trace, citations that
expand to the quoted provision with its EUR-Lex link, the three Mozilla steps and the
value-chain diagram."""

from __future__ import annotations

import re

import streamlit as st

from assistant.report import CitationEntry, Report, ReportFinding
from assistant.ui.diagram import value_chain_dot
from assistant.ui.widgets import citation_expander, inert, safe, status_badge
from assistant.vocabulary import PublicStatus

__all__ = ["finding_key", "render_findings", "render_report_notes", "render_summary"]


def render_summary(report: Report) -> None:
    """Summary, risk label, harms and the one-line status per actor."""
    if report.summary:
        st.markdown(safe(report.summary))
    harms = ", ".join(h.value for h in report.harms) or "not stated"
    st.markdown(
        f"AI Act risk label: **{report.ai_act_risk.value}** · Harms: {harms} · "
        f"Analysis date: {report.as_of.isoformat()}"
        + (f" · Jurisdiction: {safe(report.jurisdiction)}" if report.jurisdiction else "")
    )


def render_report_notes(report: Report) -> None:
    """What the chain and the verifier said (LLM fallback, removed citations), and caveats."""
    for note in report.provider_notes:
        st.warning(safe(note))
    if report.verifier_issues:
        with st.expander(f"Checks on the written analysis ({len(report.verifier_issues)})"):
            for issue in report.verifier_issues:
                st.markdown(
                    f"- **{safe(issue.kind)}** ({safe(issue.action)}): {safe(issue.detail)}"
                )
    if report.notes:
        with st.expander(f"Caveats ({len(report.notes)})"):
            for note in report.notes:
                st.markdown(f"- {safe(note)}")
    if report.assumptions:
        with st.expander(f"Assumptions to confirm ({len(report.assumptions)})"):
            for item in report.assumptions:
                st.markdown(f"- {safe(item)}")


def finding_key(regime: str, actor: str) -> str:
    """Widget key (and CSS class ``st-key-<key>``) of a finding's box, for browser tests."""
    return "finding-" + re.sub(r"[^a-z0-9]+", "-", f"{regime}-{actor}".lower()).strip("-")


def _finding(f: ReportFinding, cites: dict[str, CitationEntry], key: str) -> None:
    line = f" · {safe(f.line)}" if f.line else ""
    outcome = f" · outcome {f.liability_outcome}" if f.liability_outcome else ""
    with st.container(border=True, key=key):
        st.markdown(
            f"**{f.regime.value}** {status_badge(f.status)}{line}  \n"
            f":gray[scope {f.scope_status}{outcome}]"
        )
        if f.reasons:
            st.markdown("\n".join(f"{i}. {safe(r)}" for i, r in enumerate(f.reasons, 1)))
        if f.needs_facts:
            st.caption(
                "Would change with: "
                + ", ".join(safe(n.replace("_", " ").replace(".", " › ")) for n in f.needs_facts)
            )
        for pid in f.provisions:
            citation_expander(pid, cites.get(pid))


def render_findings(report: Report) -> None:
    """The whole Findings tab for ``report``."""
    render_summary(report)
    render_report_notes(report)
    cites = {c.id: c for c in report.citations}

    st.subheader("Value chain")
    st.caption(
        "Flows are inferred from the roles; colour = strongest finding (red likely, "
        "amber possible, grey unlikely/excluded)."
    )
    st.graphviz_chart(value_chain_dot(report))

    st.subheader("Findings by actor")
    if not report.findings:
        st.info("No findings yet: the open questions below decide the analysis.")
    by_actor: dict[str, list[ReportFinding]] = {}
    for f in report.findings:
        by_actor.setdefault(f.actor, []).append(f)
    used: set[str] = set()

    def unique(key: str) -> str:
        # Two actor names can slug alike ("A B" / "A-B"): keys must stay unique.
        out, n = key, 1
        while out in used:
            n += 1
            out = f"{key}-{n}"
        used.add(out)
        return out

    for actor, rows in by_actor.items():
        st.markdown(f"#### {safe(actor)}")
        shown = [f for f in rows if f.status is not PublicStatus.EXCLUDED]
        excluded = [f for f in rows if f.status is PublicStatus.EXCLUDED]
        for f in shown:
            _finding(f, cites, key=unique(finding_key(f.regime.value, actor)))
        if excluded:
            names = ", ".join(f.regime.value for f in excluded)
            with st.expander(f"Excluded for {safe(actor)} ({len(excluded)}): {names}"):
                for f in excluded:
                    _finding(f, cites, key=unique(finding_key(f.regime.value, actor)))

    if report.steps:
        st.subheader("The three steps")
        for section in report.steps:
            st.markdown(f"**{safe(section.title)}**")
            for statement in section.statements:
                refs = f" [{'; '.join(statement.provisions)}]" if statement.provisions else ""
                st.markdown(f"- {safe(statement.text)}{safe(refs)}")

    if report.analysis_markdown:
        by_model = report.provider != "none"
        title = "Written analysis" + ("" if by_model else " (the rule core's findings in words)")
        with st.expander(title, expanded=by_model):
            if by_model:
                st.caption(
                    "Each line was checked against the rule core and the cited provisions; "
                    "lines that failed were replaced by the rule core's own wording."
                )
            # Already escaped by the verifier (citations kept as canonical IDs): not twice.
            st.markdown(inert(report.analysis_markdown))

    if report.questions:
        st.subheader("Open questions")
        for q in report.questions:
            why = f" — {safe(q.reason)}" if q.reason else ""
            st.markdown(f"- {safe(q.text)}{why}")

    if report.citations:
        with st.expander(f"All citations ({len(report.citations)})"):
            st.caption("Every provision cited above, with its text.")
            for c in report.citations:
                st.markdown(f"**{safe(c.id)}** — {safe(c.title or '')}")
