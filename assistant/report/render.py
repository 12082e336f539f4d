"""Render a ``Report`` to Markdown, JSON and PDF.

Markdown is the primary form (the app shows it; the PDF is built from the same structure).
User- and LLM-provided text is escaped for Markdown so it cannot inject links, HTML or headings.
The PDF uses DejaVu Sans shipped with matplotlib so §, €, umlauts and accents render.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from assistant.report.model import Report
from assistant.vocabulary import PublicStatus

__all__ = ["STATUS_LABEL", "escape_md", "to_json", "to_markdown", "to_pdf"]

STATUS_LABEL = {
    PublicStatus.LIKELY: "likely",
    PublicStatus.POSSIBLE: "possible",
    PublicStatus.UNLIKELY: "unlikely",
    PublicStatus.EXCLUDED: "excluded",
}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def escape_md(text: str) -> str:
    """Escape Markdown/HTML metacharacters in untrusted text (names, quotes, reasons)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _cite(ids: list[str]) -> str:
    return f" [{'; '.join(ids)}]" if ids else ""


def to_markdown(report: Report) -> str:
    """The report as Markdown (what the CLI prints and the app offers for download)."""
    out: list[str] = [f"# {escape_md(report.title)}", ""]
    out.append(f"*Analysis date: {report.as_of.isoformat()}*")
    if report.jurisdiction:
        out[-1] += f" · *Jurisdiction: {escape_md(report.jurisdiction)}*"
    out += ["", f"> {escape_md(report.notice)}", ""]
    if report.summary:
        out += ["## Summary", "", escape_md(report.summary), ""]
    out += ["## Value chain", ""]
    for actor in report.actors:
        roles = ", ".join(r.value for r in actor.roles) or "no role in the chain"
        out.append(f"- **{escape_md(actor.name)}** — {roles}")
    out += [
        "",
        f"AI Act risk label: **{report.ai_act_risk.value}** · Harms: "
        + (", ".join(h.value for h in report.harms) or "not stated"),
        "",
    ]
    out += ["## Findings by actor", ""]
    by_actor: dict[str, list[int]] = {}
    for i, f in enumerate(report.findings):
        by_actor.setdefault(f.actor, []).append(i)
    for actor_name, rows in by_actor.items():
        out += [f"### {escape_md(actor_name)}", "", "| regime | status | why | provisions |"]
        out.append("|---|---|---|---|")
        for i in rows:
            f = report.findings[i]
            why = "; ".join(escape_md(r) for r in f.reasons[:3]) or "—"
            if f.needs_facts:
                why += " (needs: " + ", ".join(escape_md(n) for n in f.needs_facts) + ")"
            line = f" ({escape_md(f.line)})" if f.line else ""
            out.append(
                f"| {f.regime.value}{line} | **{STATUS_LABEL[f.status]}** | {why} | "
                f"{'; '.join(f.provisions) or '—'} |"
            )
        out.append("")
    for section in report.steps:
        out += [f"## {escape_md(section.title)}", ""]
        for st in section.statements:
            out.append(f"- {escape_md(st.text)}{_cite(st.provisions)}")
        out.append("")
    if report.analysis_markdown:
        # Already verified and escaped by the chain (citations kept in brackets).
        out += ["## Analysis", "", report.analysis_markdown, ""]
    if report.questions:
        out += ["## Open questions", ""]
        for q in report.questions:
            why = f" — *{escape_md(q.reason)}*" if q.reason else ""
            prov = f" [{q.provision}]" if q.provision else ""
            out.append(f"1. {escape_md(q.text)}{why}{prov}")
        out.append("")
    if report.assumptions:
        out += ["## Assumptions", ""] + [f"- {escape_md(a)}" for a in report.assumptions] + [""]
    if report.notes:
        out += ["## Notes", ""] + [f"- {escape_md(n)}" for n in report.notes] + [""]
    if report.verifier_issues:
        out += ["## What the verifier changed", ""]
        for issue in report.verifier_issues:
            out.append(
                f"- {issue.action}: {escape_md(issue.detail)} — “{escape_md(issue.sentence)}”"
            )
        out.append("")
    if report.citations:
        out += ["## Cited provisions", ""]
        for c in report.citations:
            head = f"**{c.id}**" + (f" — {escape_md(c.title)}" if c.title else "")
            if c.amended_by:
                head += f" (as amended by {', '.join(c.amended_by)})"
            if c.withdrawn:
                head += " — withdrawn proposal, policy history only"
            out.append(f"- {head}" + (f" — <{c.url}>" if c.url else ""))
            if c.quote:
                label = "our summary" if c.quote_is_digest else "text"
                out.append(f"  > {label}: {escape_md(_shorten(c.quote, 600))}")
        out.append("")
    if report.provider_notes:
        out += ["---", "", "*Model: " + escape_md("; ".join(report.provider_notes)) + "*", ""]
    return "\n".join(out).rstrip() + "\n"


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + " …"


def to_json(report: Report, indent: int | None = 2) -> str:
    """The report JSON (VOCABULARY.md format plus richer fields)."""
    return json.dumps(report.to_json_dict(), indent=indent, ensure_ascii=False)


def _font_path() -> Path | None:
    try:
        import matplotlib

        path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        return None
    return path if path.is_file() else None


def to_pdf(report: Report) -> bytes:
    """The report as PDF (same content as the Markdown, simple typography)."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    font = _font_path()
    family = "helvetica"
    if font is not None:
        pdf.add_font("DejaVu", "", str(font))
        bold = font.with_name("DejaVuSans-Bold.ttf")
        pdf.add_font("DejaVu", "B", str(bold if bold.is_file() else font))
        family = "DejaVu"
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def para(text: str, size: int = 10, style: str = "", gap: float = 1.5) -> None:
        pdf.set_font(family, style, size)
        safe = text if family == "DejaVu" else text.encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(width, size * 0.5, safe, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)

    for line in _pdf_lines(report):
        kind, text = line
        if kind == "h1":
            para(text, 16, "B", 3)
        elif kind == "h2":
            para(text, 13, "B", 2)
        elif kind == "h3":
            para(text, 11, "B", 1)
        else:
            para(text)
    return bytes(pdf.output())


def _pdf_lines(report: Report) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = [("h1", report.title)]
    lines.append(("p", f"Analysis date: {report.as_of.isoformat()}"))
    lines.append(("p", report.notice))
    if report.summary:
        lines += [("h2", "Summary"), ("p", report.summary)]
    lines.append(("h2", "Value chain"))
    for actor in report.actors:
        roles = ", ".join(r.value for r in actor.roles) or "no role in the chain"
        lines.append(("p", f"• {actor.name} — {roles}"))
    lines.append(("p", f"AI Act risk label: {report.ai_act_risk.value}"))
    lines.append(("h2", "Findings by actor"))
    for f in report.findings:
        head = f"{f.actor} · {f.regime.value}{' (' + f.line + ')' if f.line else ''}: "
        lines.append(("h3", head + STATUS_LABEL[f.status]))
        for r in f.reasons[:4]:
            lines.append(("p", f"– {r}"))
        if f.provisions:
            lines.append(("p", "Provisions: " + "; ".join(f.provisions)))
    for section in report.steps:
        lines.append(("h2", section.title))
        for st in section.statements:
            lines.append(("p", f"• {st.text}{_cite(st.provisions)}"))
    if report.analysis_markdown:
        lines.append(("h2", "Analysis"))
        for block in report.analysis_markdown.split("\n\n"):
            lines.append(("p", block.replace("\\", "")))
    if report.questions:
        lines.append(("h2", "Open questions"))
        for q in report.questions:
            lines.append(("p", f"• {q.text}"))
    if report.citations:
        lines.append(("h2", "Cited provisions"))
        for c in report.citations:
            lines.append(("h3", c.id + (f" — {c.title}" if c.title else "")))
            if c.quote:
                lines.append(("p", _shorten(c.quote, 800)))
            if c.url:
                lines.append(("p", c.url))
    return lines
