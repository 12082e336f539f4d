"""Small Streamlit pieces shared by the pages: safe text, status badges, citations.

Every piece of user or LLM text goes through ``safe`` (Markdown-escaped) or ``st.text``; no
element here ever lets raw HTML through. Links come only from the corpus manifest and are
checked to be https before they are shown.
"""

from __future__ import annotations

import re

import streamlit as st

from assistant.report import CitationEntry, escape_md
from assistant.vocabulary import PublicStatus

__all__ = ["DRAFT_LABEL", "STATUS_BADGE", "citation_expander", "inert", "safe", "status_badge"]

STATUS_BADGE = {
    PublicStatus.LIKELY: "red",
    PublicStatus.POSSIBLE: "orange",
    PublicStatus.UNLIKELY: "gray",
    PublicStatus.EXCLUDED: "blue",
}


_BARE_LABEL = re.compile(r"^\(?[0-9]*[a-z]{0,3}\)?\.?$", re.IGNORECASE)


# Streamed model text is shown live but has not been verified yet: say so above it. The
# verified analysis replaces it when the stream ends.
DRAFT_LABEL = "*Draft from the language model, being checked — not the result:*\n\n"


def safe(text: str) -> str:
    """Untrusted text as inert Markdown (no links, images, HTML or headings)."""
    return escape_md(text)


def inert(markdown: str) -> str:
    """Markdown that was escaped upstream (the verifier's analysis), with links disarmed.

    The verifier escapes model text but keeps bracketed citation IDs as they are, so a model
    writing ``[PLD_2024 Art 8](javascript:…)`` would otherwise form a link.
    """
    return markdown.replace("](", "]\\(")


def status_badge(status: PublicStatus | str) -> str:
    """A coloured Markdown badge for a public status."""
    value = PublicStatus(status)
    return f":{STATUS_BADGE[value]}-badge[{value.value}]"


def _quote_block(text: str) -> str:
    lines = [safe(line) if line.strip() else "" for line in text.splitlines()]
    return "\n".join(f"> {line}" for line in lines)


def _title(entry: CitationEntry | None) -> str:
    # A paragraph's "title" is often just its label ("1.", "(a)"): not worth showing.
    if entry is None or not entry.title or _BARE_LABEL.match(entry.title.strip()):
        return ""
    return f" — {entry.title.strip()}"


def citation_expander(pid: str, entry: CitationEntry | None) -> None:
    """An expander for one cited provision: quoted text and the official link."""
    label = f"{pid}{_title(entry)}"
    if len(label) > 110:
        label = label[:109] + "…"
    with st.expander(safe(label), icon=":material/menu_book:"):
        if entry is None:
            st.caption("This provision is not in the loaded corpus; its text cannot be shown.")
            return
        if entry.withdrawn:
            st.warning("Withdrawn proposal: never law, shown as policy history only.")
        if entry.quote:
            st.markdown(_quote_block(entry.quote))
        if pid.startswith("NATIONAL "):
            st.caption("Our own one-line summary: national law is outlined, not quoted.")
        elif entry.quote_is_digest:
            st.caption(
                "Our own summary of the provision (official text not fetched yet: see "
                "Corpus & settings)."
            )
        if entry.amended_by:
            st.caption("Amended by: " + ", ".join(safe(a) for a in entry.amended_by))
        if entry.url and entry.url.startswith("https://"):
            st.link_button("Official text on EUR-Lex ↗", entry.url)
