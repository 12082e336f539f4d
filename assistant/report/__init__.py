"""The report: a typed first-pass analysis and its Markdown/JSON/PDF renderings."""

from assistant.report.model import (
    NOT_LEGAL_ADVICE,
    STEP_TITLES,
    ActorEntry,
    CitationEntry,
    OpenQuestion,
    Report,
    ReportFinding,
    StepSection,
    StepStatement,
    VerifierIssue,
)
from assistant.report.render import escape_md, to_json, to_markdown, to_pdf

__all__ = [
    "NOT_LEGAL_ADVICE",
    "STEP_TITLES",
    "ActorEntry",
    "CitationEntry",
    "OpenQuestion",
    "Report",
    "ReportFinding",
    "StepSection",
    "StepStatement",
    "VerifierIssue",
    "escape_md",
    "to_json",
    "to_markdown",
    "to_pdf",
]
