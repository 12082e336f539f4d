"""PDF sources read with pypdf: an act's PDF (OJ / COM document) and the Mozilla report.

pypdf gives text per page. Running headers/footers (the same line on most pages, page
numbers) are removed first. An act's text then goes through the PDF-layout line reader shared
with the mirror (:func:`lines_from_pdf_text`); a report is split into its numbered sections
("1. Introduction", "3.2 ...") with footnotes at page bottoms dropped.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date

from assistant.corpus.lines import Line
from assistant.corpus.text_reader import lines_from_pdf_text
from assistant.corpus.tree import ActTree, NodeKind, Provision, SourceStatus
from assistant.errors import CorpusError
from assistant.vocabulary import ActCode

__all__ = ["lines_from_pdf", "pdf_pages", "report_tree", "strip_running_lines"]

_PAGE_NO_RE = re.compile(r"^(page\s+)?\d{1,4}(\s*(/|of)\s*\d{1,4})?$", re.I)
_HEADING_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.{1,118})$")
_NOTE_RE = re.compile(r"^(\d{1,3})\s+([^\d\s].*)$")


def pdf_pages(data: bytes) -> list[str]:
    """Text of each page (pypdf). Raises CorpusError for a file pypdf cannot read."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        return [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise CorpusError(
            f"could not read the PDF ({exc})",
            hint="the download may be damaged: run `assistant corpus fetch --force` again",
        ) from exc


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def strip_running_lines(pages: list[str], *, edge: int = 3) -> list[list[str]]:
    """Lines of each page without running headers/footers and bare page numbers.

    A line counts as running when its digit-normalised form appears within the first or last
    ``edge`` lines of at least half of the pages (and of at least two pages).
    """
    split = [[ln.strip() for ln in page.splitlines() if ln.strip()] for page in pages]
    counts: Counter[str] = Counter()
    for lines in split:
        edges = {_shape(ln) for ln in lines[:edge] + lines[-edge:]}
        counts.update(edges)
    threshold = max(2, (len(split) + 1) // 2)
    running = {shape for shape, n in counts.items() if n >= threshold}
    out: list[list[str]] = []
    for lines in split:
        kept: list[str] = []
        for i, ln in enumerate(lines):
            at_edge = i < edge or i >= len(lines) - edge
            if at_edge and (_shape(ln) in running or _PAGE_NO_RE.match(ln)):
                continue
            kept.append(ln)
        out.append(kept)
    return out


def lines_from_pdf(data: bytes) -> list[Line]:
    """Line stream of an act's PDF (headers/footers removed, wrapped lines joined).

    Footnotes numbered "(1) OJ ..." (Official Journal) are recognised by the text reader;
    plain "29 OJ C ..." footnotes (Commission documents) are cut from each page bottom here.
    """
    pages = strip_running_lines(pdf_pages(data))
    kept: list[str] = []
    next_note = 1
    for lines in pages:
        body, next_note = _drop_page_notes(lines, next_note)
        kept.extend(body)
    return lines_from_pdf_text("\n".join(kept))


# --------------------------------------------------------------------------- reports


def _drop_page_notes(lines: list[str], next_note: int) -> tuple[list[str], int]:
    """Remove the footnote block at the bottom of one page; return the next note number."""
    # Footnotes sit at the bottom: only look in the lower half of the page's lines.
    for start in range(len(lines) // 2, len(lines)):
        m = _NOTE_RE.match(lines[start])
        if not m or int(m[1]) != next_note:
            continue
        number = next_note
        for ln in lines[start + 1 :]:
            nm = _NOTE_RE.match(ln)
            if nm and int(nm[1]) == number + 1:
                number += 1
        return lines[:start], number + 1
    return lines, next_note


def _is_next_section(prev: tuple[int, ...] | None, num: tuple[int, ...]) -> bool:
    if prev is None:
        return num in ((1,), (0,))
    if len(num) == len(prev) + 1 and num[:-1] == prev and num[-1] == 1:
        return True  # first child
    for depth in range(len(prev), 0, -1):
        if len(num) == depth and num[:-1] == prev[: depth - 1] and num[-1] == prev[depth - 1] + 1:
            return True  # next sibling at this depth
    return False


def report_tree(
    data: bytes,
    *,
    act: ActCode,
    version: date,
    title: str,
    url: str | None,
    status: SourceStatus = SourceStatus.REPORT,
) -> ActTree:
    """Parse a report PDF into numbered sections (``MOZILLA_REPORT §3.2``).

    Text before the first numbered heading becomes ``§0`` (front matter). Footnotes at page
    bottoms and running headers/footers are dropped.
    """
    pages = strip_running_lines(pdf_pages(data))
    body: list[str] = []
    next_note = 1
    for lines in pages:
        kept, next_note = _drop_page_notes(lines, next_note)
        body.extend(kept)
    if not any(body):
        raise CorpusError(
            "the report PDF has no extractable text (scanned images?)",
            hint="get a text PDF of the report; OCR is not supported",
        )
    sections: dict[tuple[int, ...], Provision] = {}
    front = Provision(
        id=f"{act.value} §0", kind=NodeKind.REPORT_SECTION, label="§0", heading="Front matter",
        url=url,
    )  # fmt: skip
    roots: list[Provision] = [front]
    current = front
    prev: tuple[int, ...] | None = None
    paragraphs: dict[int, list[str]] = {id(front): []}
    for line in body:
        m = _HEADING_RE.match(line)
        if m and not line.rstrip().endswith((".", ",", ";")):
            num = tuple(int(x) for x in m[1].split("."))
            if _is_next_section(prev, num):
                node = Provision(
                    id=f"{act.value} §{m[1]}",
                    kind=NodeKind.REPORT_SECTION,
                    label=f"§{m[1]}",
                    heading=m[2].strip(),
                    url=url,
                )
                parent = sections.get(num[:-1]) if len(num) > 1 else None
                (parent.children if parent is not None else roots).append(node)
                sections[num] = node
                paragraphs[id(node)] = []
                current, prev = node, num
                continue
        paragraphs[id(current)].append(line)
    for node in [front, *sections.values()]:
        node.text = _reflow(paragraphs[id(node)])
    if not front.text:
        roots.remove(front)
    return ActTree(act=act, version=version, title=title, status=status, url=url, children=roots)


def _reflow(lines: list[str]) -> str:
    """Join wrapped lines; keep a paragraph break after a line that ends a sentence short."""
    if not lines:
        return ""
    width = max(len(ln) for ln in lines)
    out: list[str] = []
    buf = ""
    for ln in lines:
        if not buf:
            buf = ln
        elif buf.endswith("-") and ln[:1].islower():
            buf += ln
        else:
            buf += " " + ln
        if ln.endswith((".", ":", "?", "!")) and len(ln) < 0.8 * width:
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return "\n".join(out)
