"""Line streams from the mirror's Markdown and from PDF text (pure).

Two layouts occur. Markdown converted from XHTML has one paragraph per line, blank lines
between, ``#`` headings, ``**titles**`` and consolidated markers (``▼M1``). Text extracted
from a PDF (PLD 2024, the AILD proposal, and what pypdf gives for an OJ PDF) keeps the PDF's
hard line breaks and its footnotes at page ends: wrapped lines are joined back into
paragraphs and footnotes are dropped.
"""

from __future__ import annotations

import re

from assistant.corpus.lines import Line, Style, classify_label

__all__ = ["is_pdf_layout", "lines_from_markdown", "lines_from_pdf_text"]

_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_MARKER_RE = re.compile(r"^([►▼])\s*([BMCA]\d*)\b\s*(.*)$")
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
_BOLD_RE = re.compile(r"^\*\*(.+?)\*\*$")
_ARTICLE_RE = re.compile(r"^‘?(Article|Artikel)\s+\d{1,3}[a-z]?$")
_STANDALONE_RE = re.compile(
    r"^(Article \d{1,3}[a-z]?|(CHAPTER|SECTION|TITLE|PART) ([IVXLC]+|\d+)|ANNEX( [IVXLC]+)?|"
    r"Whereas:|HA(VE|S) ADOPTED THIS (DIRECTIVE|REGULATION|DECISION):?)$"
)
_CITATION_RE = re.compile(
    r"^(OJ |Regulation|Directive|Council|Commission|Decision|Position of|Recommendation|"
    r"Judgment|Opinion|Proposal|\[|See |Communication|European Parliament|https?://)"
)
_PAREN_NUM_RE = re.compile(r"^\((\d{1,3})\)\s+(.*)$")
_PLAIN_NUM_RE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_TERMINAL = (".", ";", ":")


def is_pdf_layout(text: str) -> bool:
    """True when the text keeps PDF line breaks (few blank lines, many short wrapped lines)."""
    lines = text.splitlines()
    blank = sum(1 for ln in lines if not ln.strip())
    return len(lines) > 50 and blank < len(lines) / 10


def lines_from_markdown(text: str) -> list[Line]:
    """Line stream of a Markdown mirror file (either layout)."""
    text = _COMMENT_RE.sub("", text)
    if is_pdf_layout(text):
        return lines_from_pdf_text(text)
    out: list[Line] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        out.extend(_markdown_line(line))
    return out


def _markdown_line(line: str) -> list[Line]:
    marker = _MARKER_RE.match(line)
    if marker:
        produced = [Line(Style.MARKER, marker[2])]
        rest = marker[3].strip().lstrip("|").strip()
        if rest.startswith("—"):
            produced.append(Line(Style.DELETED, rest))
        elif rest:
            produced.extend(_markdown_line(rest))
        return produced
    if line == "---":
        return [Line(Style.RULE, line)]
    heading = _HEADING_RE.match(line)
    if heading:
        level, body = len(heading[1]), heading[2].strip()
        if level == 3 and _ARTICLE_RE.match(body):
            return [Line(Style.ARTICLE, body)]
        if level >= 4:
            return [Line(Style.SUBHEADING, body)]
        return [Line(Style.HEADING, body)]
    bold = _BOLD_RE.match(line)
    if bold:
        return [Line(Style.EMPHASIS, bold[1].strip())]
    return [Line(Style.BODY, line)]


# --------------------------------------------------------------------------- PDF layout


class _Footnotes:
    """Recognises footnote lines in PDF text by their own numbering sequence."""

    def __init__(self) -> None:
        self.next_note = 1
        self.next_recital = 1
        self.zone = "front"
        self.open = False  # the current footnote continues on the next line
        self.in_block = False  # we are in a run of footnotes (page bottom)

    def starts_note(self, line: str, after_blank: bool) -> bool:
        paren = _PAREN_NUM_RE.match(line)
        if paren:
            n, rest = int(paren[1]), paren[2]
            if (
                self.zone == "recitals"
                and n == self.next_recital
                and not (n == self.next_note and rest.startswith("OJ "))
            ):
                return False
            if n == self.next_note and (_CITATION_RE.match(rest) or self.zone == "recitals"):
                self.next_note = n + 1
                return True
            return False
        plain = _PLAIN_NUM_RE.match(line)
        if plain and (after_blank or self.in_block):
            n = int(plain[1])
            if (after_blank and n >= self.next_note) or n == self.next_note:
                self.next_note = n + 1
                return True
        return False


def lines_from_pdf_text(text: str, *, width: int | None = None) -> list[Line]:
    """Join hard-wrapped PDF lines into paragraphs, drop footnotes; headings stay separate."""
    raw_lines = [ln.rstrip() for ln in text.splitlines()]
    lengths = sorted(len(ln) for ln in raw_lines if ln.strip())
    full = width or (lengths[int(len(lengths) * 0.9)] if lengths else 100)
    notes = _Footnotes()
    out: list[Line] = []
    buf: list[str] = []
    note: list[str] = []
    after_blank = False
    pending_title = False
    prev_line = ""

    def flush() -> None:
        if buf:
            out.append(Line(Style.BODY, _join(buf)))
            buf.clear()

    for raw in raw_lines:
        line = raw.strip()
        if not line:
            after_blank = True
            continue
        if notes.open:
            if notes.starts_note(line, False):
                note[:] = [line]
                notes.open = not _note_done(line)
                continue
            if not _starts_block(line):
                note.append(line)
                notes.open = not _note_done(line)
                continue
            notes.open = False
        if notes.starts_note(line, after_blank):
            note[:] = [line]
            notes.open = not _note_done(line)
            notes.in_block = True
            after_blank = False
            continue
        notes.in_block = False
        after_blank = False
        if pending_title:
            pending_title = False
            if _is_title(line, full):
                flush()
                out.append(Line(Style.EMPHASIS, line))
                prev_line = "Article"
                continue
        if _STANDALONE_RE.match(line):
            flush()
            out.append(Line(Style.ARTICLE if line.startswith("Article") else Style.HEADING, line))
            pending_title = line.startswith("Article")
            _track_zone(notes, line)
            prev_line = line
            continue
        starts_new = (
            not buf
            or classify_label(line) is not None
            or (
                prev_line.endswith(_TERMINAL)
                and line[:1].isupper()
                and len(prev_line) < 0.85 * full
            )
            or _STANDALONE_RE.match(prev_line) is not None
        )
        if starts_new:
            flush()
            if notes.zone == "recitals":
                m = _PAREN_NUM_RE.match(line)
                if m and int(m[1]) == notes.next_recital:
                    notes.next_recital += 1
        buf.append(line)
        prev_line = line
    flush()
    return out


def _is_title(line: str, full: int) -> bool:
    return (
        len(line) < 0.85 * full
        and not line.endswith((".", ";", ":", ","))
        and classify_label(line) is None
        and line[:1].isupper()
    )


def _track_zone(notes: _Footnotes, line: str) -> None:
    if line.startswith("Whereas"):
        notes.zone = "recitals"
    elif line.startswith("HA"):
        notes.zone = "body"


def _note_done(line: str) -> bool:
    return line.endswith((".", ")", "]", ".)")) and not line.endswith(" p.")


def _starts_block(line: str) -> bool:
    return bool(_STANDALONE_RE.match(line)) or classify_label(line) is not None


def _join(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        if text.endswith("-") and part[:1].islower() and not text.endswith(" -"):
            text += part  # a word split at the line end ("inter-" + "connected")
        else:
            text += " " + part
    return text
