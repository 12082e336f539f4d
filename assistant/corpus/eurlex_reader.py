"""Line streams from EUR-Lex documents: OJ XHTML (CONVEX) and consolidated HTML (pure).

Both formats nest lists as label/content pairs (tables in the OJ, CSS grids in consolidated
texts). We flatten them the way the mirror's Markdown does — label joined to its first
paragraph, one logical paragraph per line — so one tree builder serves every format. Headings
are recognised by their CSS classes; footnotes are dropped; consolidated ►/▼ markers become
marker lines.
"""

from __future__ import annotations

import re

from assistant.corpus.html_dom import Element, parse_html
from assistant.corpus.lines import Line, Style

__all__ = ["lines_from_consolidated_html", "lines_from_legacy_html", "lines_from_oj_xhtml"]

_LABEL_RE = re.compile(
    r"^[‘“«]?\s?(\(?\w{1,5}\)|\d{1,3}[a-z]?\.|\d{1,2}(\.\d{1,2})+\.?|[—–-]|[a-z]\.|\(\*?\d+\))$"
)
_FR_LABEL_RE = re.compile(r"^([‘“«]?\s?)(\w{1,5})\)$")
# French inserted provisions: "Article 4 bis", "1 bis.", "b bis)" = 4a, 1a, (ba).
_LATIN = {"bis": "a", "ter": "b", "quater": "c", "quinquies": "d", "sexies": "e", "septies": "f"}
_LATIN_RE = re.compile(r"(\w)\s+(" + "|".join(_LATIN) + r")\b")


def _latin_suffix(text: str) -> str:
    return _LATIN_RE.sub(lambda m: m[1] + _LATIN[m[2]], text)


_MARKER_RE = re.compile(r"^[►▼]\s*([BMCA]\d*)")

# CSS class -> style, per format. Classes not listed are body text.
_OJ_STYLES = {
    "oj-doc-ti": Style.TITLE,
    "oj-ti-section-1": Style.HEADING,
    "oj-ti-section-2": Style.HEADING,
    "oj-ti-art": Style.ARTICLE,
    "oj-sti-art": Style.EMPHASIS,
    "oj-ti-grseq-1": Style.SUBHEADING,
    "oj-ti-grseq-2": Style.SUBHEADING,
}
_CONS_STYLES = {
    "title-doc-first": Style.TITLE,
    "title-doc-last": Style.TITLE,
    "title-division-1": Style.HEADING,
    "title-division-2": Style.HEADING,
    "title-article-norm": Style.ARTICLE,
    "stitle-article-norm": Style.EMPHASIS,
    "title-annex-1": Style.HEADING,
    "title-annex-2": Style.HEADING,
    "title-gr-seq-level-1": Style.SUBHEADING,
    "title-gr-seq-level-2": Style.SUBHEADING,
}
_SKIP_CLASSES = frozenset(
    {"oj-note", "footnote", "reference", "disclaimer", "hd-modifiers", "oj-hd-ti", "oj-hd-lg",
     "oj-hd-coll", "oj-hd-uniq", "oj-hd-date", "hd-toc-1", "hd-toc-2", "hd-toc-3", "toc-1",
     "toc-2", "arrow", "oj-signatory", "title-doc-oj-reference", "separator-annex"}
)  # fmt: skip


class _Walker:
    def __init__(self, styles: dict[str, Style]) -> None:
        self.styles = styles
        self.out: list[Line] = []
        self.inline: list[str] = []
        self.pending_label: str | None = None

    # -- emitting -----------------------------------------------------------------------
    def emit(self, style: Style, text: str) -> None:
        text = " ".join(text.split())
        if self.pending_label is not None and style is Style.BODY:
            text = f"{self.pending_label} {text}".strip()
            self.pending_label = None
        elif self.pending_label is not None:
            self.out.append(Line(Style.BODY, self.pending_label))
            self.pending_label = None
        if text:
            self.out.append(Line(style, text))

    def flush_inline(self) -> None:
        if self.inline:
            text = " ".join("".join(self.inline).split())
            self.inline = []
            if text:
                self.emit(Style.BODY, text)

    # -- walking ------------------------------------------------------------------------
    def walk(self, el: Element, *, in_annex: bool = False) -> None:
        for child in el.children:
            if isinstance(child, str):
                self.inline.append(child)
                continue
            self.element(child, in_annex=in_annex)
        self.flush_inline()

    def element(self, el: Element, *, in_annex: bool) -> None:
        classes = el.classes
        if classes & _SKIP_CLASSES or el.tag in ("script", "style", "head", "img", "col"):
            return
        if el.tag == "br":
            self.inline.append(" ")
            return
        if el.tag == "hr":
            if "oj-separator" in classes:
                self.flush_inline()
                self.out.append(Line(Style.RULE, "---"))
            return
        if "modref" in classes:
            self.flush_inline()
            self.marker(el)
            return
        if "oj-final" in classes or (el.id or "").startswith("fnp_"):
            self.flush_inline()
            self.out.append(Line(Style.FINAL, "final"))
            return
        if (el.id or "").startswith("anx_"):
            in_annex = True
        if "grid-container" in classes and "grid-list" in classes:
            self.flush_inline()
            self.grid_item(el, in_annex=in_annex)
            return
        if el.tag == "div" and "norm" in classes and el.find_all(cls="no-parag"):
            numbered = [c for c in el.elements() if c.has_class("no-parag")]
            if numbered:
                self.flush_inline()
                # a paragraph number; one French text misprints "6." as "6)"
                self.pending_label = re.sub(
                    r"^(\d+[a-z]?)\)$", r"\1.", _latin_suffix(numbered[0].text())
                )
                for child in el.children:
                    if isinstance(child, Element) and child is numbered[0]:
                        continue
                    if isinstance(child, str):
                        self.inline.append(child)
                    else:
                        self.element(child, in_annex=in_annex)
                self.flush_inline()
                return
        if el.tag == "table":
            self.flush_inline()
            self.table(el, in_annex=in_annex)
            return
        if el.tag == "p" or el.tag.startswith("h"):
            self.flush_inline()
            style = next((self.styles[c] for c in classes if c in self.styles), Style.BODY)
            if style is Style.TITLE and in_annex:
                style = Style.HEADING
            if style is Style.ARTICLE:
                self.emit(style, _latin_suffix(el.text()))
                return
            if el.find_all(tag="table") or el.find_all(cls="grid-container"):
                self.walk(el, in_annex=in_annex)
                return
            self.emit(style, el.text())
            return
        if el.tag in ("div", "td", "th", "tbody", "tr", "body", "html", "span", "a") and (
            el.find_all(tag="p") or el.find_all(tag="table") or el.find_all(tag="div")
        ):
            if el.tag in ("div", "td", "th"):
                self.flush_inline()
            self.walk(el, in_annex=in_annex)
            return
        self.inline.append(el.text(sup_marker="^"))

    def marker(self, el: Element) -> None:
        text = el.text()
        m = _MARKER_RE.match(text)
        if not m:
            return
        self.out.append(Line(Style.MARKER, m[1]))
        rest = text[m.end() :].strip()
        if rest.startswith("—"):
            self.out.append(Line(Style.DELETED, rest))

    def table(self, el: Element, *, in_annex: bool) -> None:
        for row in _rows(el):
            cells = [c for c in row.elements() if c.tag in ("td", "th")]
            filled = [c for c in cells if c.text()]
            if len(filled) >= 2 and _LABEL_RE.match(filled[0].text()) and len(filled) == 2:
                self.item(filled[0].text(), filled[1], in_annex=in_annex)
            elif len(filled) == 1 or any(c.find_all(tag="table") for c in filled):
                for cell in filled:
                    self.walk(cell, in_annex=in_annex)
            elif filled:
                self.emit(Style.BODY, " | ".join(c.text() for c in filled))

    def grid_item(self, el: Element, *, in_annex: bool) -> None:
        label_el = next((c for c in el.elements() if c.has_class("grid-list-column-1")), None)
        body_el = next((c for c in el.elements() if c.has_class("grid-list-column-2")), None)
        if label_el is None or body_el is None:
            self.walk(el, in_annex=in_annex)
            return
        self.item(label_el.text(), body_el, in_annex=in_annex)

    def item(self, label: str, body: Element, *, in_annex: bool) -> None:
        self.flush_inline()
        # French texts label points "a)" / "1)": read them as "(a)" / "(1)".
        self.pending_label = _FR_LABEL_RE.sub(r"\1(\2)", _latin_suffix(label))
        self.walk(body, in_annex=in_annex)
        if self.pending_label is not None:
            self.out.append(Line(Style.BODY, self.pending_label))
            self.pending_label = None


def _rows(table: Element) -> list[Element]:
    rows: list[Element] = []
    for child in table.elements():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("tbody", "thead", "tfoot"):
            rows.extend(c for c in child.elements() if c.tag == "tr")
    return rows


def lines_from_oj_xhtml(markup: str) -> list[Line]:
    """Line stream of an Official Journal XHTML document."""
    walker = _Walker(_OJ_STYLES)
    walker.walk(parse_html(markup))
    return walker.out


def lines_from_consolidated_html(markup: str) -> list[Line]:
    """Line stream of a EUR-Lex consolidated-text HTML document (with ►/▼ markers)."""
    walker = _Walker(_CONS_STYLES)
    walker.walk(parse_html(markup))
    return walker.out


def lines_from_legacy_html(markup: str) -> list[Line]:
    """Line stream of an older EUR-Lex HTML page (plain paragraphs, as for 85/374/EEC).

    Such pages have no CSS structure: every paragraph becomes a body line and the builder
    recognises "Article 7", "(a)" and "Whereas" from the text, as for the mirror's text copy.
    """
    root = parse_html(markup)
    body = next(iter(root.find_all(tag="body")), root)
    out: list[Line] = []
    for el in body.iter():
        if el.tag in ("p", "h1", "h2", "h3", "h4", "li") and not el.find_all(tag="p")[1:]:
            text = el.text()
            if text:
                out.append(Line(Style.BODY, text))
    return out
