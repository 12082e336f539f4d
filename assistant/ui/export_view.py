"""The Export tab: the report as Markdown, JSON and PDF downloads.

Files are generated when the button is clicked (deferred ``data`` callables), so drawing the tab
never pays for the PDF; the preview shows the Markdown exactly as it is downloaded.
"""

from __future__ import annotations

import streamlit as st

from assistant.report import Report, to_json, to_markdown, to_pdf
from assistant.ui.widgets import inert

__all__ = ["export_files", "render_export"]


def _stem(report: Report) -> str:
    return f"ai-liability-analysis-{report.as_of.isoformat()}"


def export_files(report: Report) -> dict[str, tuple[str, str, bytes]]:
    """Every rendering: ``format -> (file name, mime type, bytes)`` (used by tests and CLI)."""
    stem = _stem(report)
    return {
        "md": (f"{stem}.md", "text/markdown", to_markdown(report).encode("utf-8")),
        "json": (f"{stem}.json", "application/json", to_json(report).encode("utf-8")),
        "pdf": (f"{stem}.pdf", "application/pdf", to_pdf(report)),
    }


def render_export(report: Report) -> None:
    """Download buttons and a preview."""
    stem = _stem(report)
    st.markdown("Download the report (findings, citations with quoted text, open questions).")
    cols = st.columns(3)
    with cols[0]:
        st.download_button(
            "Markdown",
            icon=":material/download:",
            data=lambda: to_markdown(report).encode("utf-8"),
            file_name=f"{stem}.md",
            mime="text/markdown",
            on_click="ignore",
            key="export_md",
        )
    with cols[1]:
        st.download_button(
            "JSON",
            icon=":material/download:",
            data=lambda: to_json(report).encode("utf-8"),
            file_name=f"{stem}.json",
            mime="application/json",
            on_click="ignore",
            key="export_json",
        )
    with cols[2]:
        st.download_button(
            "PDF",
            icon=":material/download:",
            data=lambda: to_pdf(report),
            file_name=f"{stem}.pdf",
            mime="application/pdf",
            on_click="ignore",
            key="export_pdf",
        )
    with st.expander("Preview (Markdown)"):
        st.markdown(inert(to_markdown(report)))
