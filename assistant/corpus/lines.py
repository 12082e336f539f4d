"""The line stream every format reader produces and the tree builder consumes (pure).

Readers (Markdown mirror, OJ XHTML, consolidated HTML, PDF text) differ only in how they find
logical paragraphs and what kind of heading a line is; the legal structure (articles,
paragraphs, points, recitals, annexes) is then recognised once, from the text, by
:mod:`assistant.corpus.build_act`. That is why the official sample and the Markdown copy of the
same act give the same tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Label",
    "Line",
    "Style",
    "classify_label",
    "continues",
    "is_bare_label",
    "is_list_start",
    "normalise_text",
]


class Style(StrEnum):
    """How a reader saw a line (a hint; the builder also looks at the text)."""

    TITLE = "title"  # document title lines (before the preamble)
    HEADING = "heading"  # chapter/section/annex headings and their titles
    ARTICLE = "article"  # "Article 25"
    SUBHEADING = "subheading"  # annex part/section/numbered headings ("#### Part I ...")
    EMPHASIS = "emphasis"  # article title ("**Definitions**")
    BODY = "body"
    MARKER = "marker"  # consolidated-text marker, text is the code: "B", "M1", "C1"
    DELETED = "deleted"  # consolidated-text deletion mark (text "—————")
    RULE = "rule"  # horizontal rule: in our Markdown, footnotes follow
    FINAL = "final"  # closing formula / signatures (skipped)


@dataclass(frozen=True, slots=True)
class Line:
    """One logical paragraph or heading."""

    style: Style
    text: str


@dataclass(frozen=True, slots=True)
class Label:
    """A list label: ``dot`` for "1." / "3.1.", ``paren`` for "(a)", "(14a)", "(iv)"."""

    raw: str  # without punctuation: "1", "14a", "ba", "iv", "3.1"
    style: str  # "dot" | "paren"
    kind: str  # "num" | "alpha" | "roman" | "sub" (dotted sub-number like 3.1)


_PAREN_RE = re.compile(r"^\((\d{1,3}[a-z]?|[a-z]{1,5})\)\s*(.*)$", re.S)
_DOT_RE = re.compile(r"^(\d{1,3}[a-z]?)\.(?:\s+|\s*\|\s*)(.*)$", re.S)
_SUBDOT_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?(?:\s+|\s*\|\s*)(.*)$", re.S)
_ROMAN_RE = re.compile(r"^(?=[ivxl]+$)(x{0,3})(ix|iv|v?i{0,3})$")
_AMBIGUOUS = frozenset({"i", "v", "x", "l"})


def is_roman(text: str) -> bool:
    """True for a lower-case roman numeral (i .. xxxix)."""
    return bool(text) and bool(_ROMAN_RE.match(text))


def roman_value(text: str) -> int:
    """Value of a lower-case roman numeral (caller checked :func:`is_roman`)."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        nxt = values[text[i + 1]] if i + 1 < len(text) else 0
        total += -v if v < nxt else v
    return total


def _int_roman(n: int) -> str:
    out = ""
    for value, sym in ((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += sym
            n -= value
    return out


def classify_label(text: str) -> tuple[Label, str] | None:
    """Split a leading list label off a paragraph: ``"(a) the ..."`` -> (Label, "the ...").

    Returns None when the text does not start with a label, or when what looks like one is the
    tail of a cross-reference ("(a), within one month").
    """
    sub = _SUBDOT_RE.match(text)
    if sub:
        return Label(sub[1], "dot", "sub"), sub[2].strip()
    dot = _DOT_RE.match(text)
    if dot:
        return Label(dot[1], "dot", "num"), dot[2].strip()
    m = _PAREN_RE.match(text)
    if not m:
        return None
    raw, rest = m[1], m[2].strip()
    if rest[:1] in {",", ";", ".", ")", ":"} or rest.startswith("and ") or rest.startswith("or "):
        return None
    if raw[0].isdigit():
        return Label(raw, "paren", "num"), rest
    if is_roman(raw) and raw not in _AMBIGUOUS:
        return Label(raw, "paren", "roman"), rest
    if is_roman(raw):
        # "i", "v", "x": decided in context by the builder; default alpha.
        return Label(raw, "paren", "alpha"), rest
    return Label(raw, "paren", "alpha"), rest


def _num_parts(raw: str) -> tuple[int, str]:
    digits = "".join(ch for ch in raw if ch.isdigit())
    return int(digits), raw[len(digits) :]


def continues(prev: Label, nxt: Label) -> bool:
    """True if ``nxt`` can follow ``prev`` in the same list (incl. inserted 1a, ba, 14b)."""
    if prev.style != nxt.style:
        return False
    if prev.kind == "num" and nxt.kind == "num":
        pn, ps = _num_parts(prev.raw)
        nn, ns = _num_parts(nxt.raw)
        if nn == pn + 1 and not ns:
            return True
        if nn == pn + 1 and ns == "a":  # an inserted item right after a deleted one
            return True
        return bool(nn == pn and ns and (ns == _next_letter(ps) if ps else ns == "a"))
    if prev.kind == "sub" and nxt.kind == "sub":
        return True
    if prev.kind == "roman" or (prev.kind == "alpha" and nxt.kind == "roman"):
        if is_roman(prev.raw) and is_roman(nxt.raw):
            return roman_value(nxt.raw) == roman_value(prev.raw) + 1
        return False
    if prev.kind == "alpha" and nxt.kind == "alpha" and prev.raw.isalpha() and nxt.raw.isalpha():
        base, extra = prev.raw[0], prev.raw[1:]
        if len(nxt.raw) == 1 and nxt.raw == _next_letter(base):
            return True
        if nxt.raw[0] == base and len(nxt.raw) == 2:
            return nxt.raw[1] == (_next_letter(extra) if extra else "a")
        return False
    return False


def _next_letter(ch: str) -> str:
    return chr(ord(ch[-1]) + 1) if ch else "a"


def is_list_start(label: Label) -> bool:
    """True if a label can open a new list: 1, (1), (a), (i)."""
    if label.kind == "num":
        return label.raw == "1"
    if label.kind == "sub":
        return label.raw.endswith(".1")
    return label.raw in {"a", "i"}


def as_roman(label: Label) -> Label:
    """The same label read as a roman numeral (for "(i)" after a letter point)."""
    return Label(label.raw, label.style, "roman")


def roman_after(n: int) -> str:
    """Roman numeral ``n`` in lower case (used in tests and deleted-item placeholders)."""
    return _int_roman(n)


_WS_RE = re.compile(r"\s+")
_NORM_DROP = str.maketrans({"|": " ", "^": "", "\u00ad": "", "\u200b": ""})


_PAREN_SPACE_RE = re.compile(r"\(\s+|\s+\)")
_BARE_LABEL_RE = re.compile(r"^[‘“]?(\(\w{1,5}\)|\d{1,3}[a-z]?\.)$")


def normalise_text(text: str) -> str:
    """Whitespace-collapsed text without table-cell bars or superscript carets (comparison)."""
    flat = _WS_RE.sub(" ", text.translate(_NORM_DROP)).strip()
    return _PAREN_SPACE_RE.sub(lambda m: m.group(0).strip(), flat)


def is_bare_label(text: str) -> bool:
    """True for a paragraph that is only a list label ("‘5.", "(a)"): it joins the next one."""
    return bool(_BARE_LABEL_RE.match(text.strip()))
