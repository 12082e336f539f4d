"""Turn a line stream into an act's provision tree (pure).

Zones, in order: front matter (skipped), recitals (between "Whereas" and "HAVE ADOPTED"), the
enacting terms (chapters/sections -> articles), the closing formula (skipped) and annexes.
Consolidated texts have no recitals; their ►M1/▼B markers set ``amended_by``. Amending acts
(the Omnibus) quote whole articles: quoted material stays text of the amending point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.corpus.build_annex import AnnexBuilder
from assistant.corpus.build_article import build_article
from assistant.corpus.build_items import Block, mark
from assistant.corpus.lines import Label, Line, Style, classify_label, continues, is_bare_label
from assistant.corpus.tree import ActTree, NodeKind, Provision, SourceStatus
from assistant.vocabulary import ActCode

__all__ = ["ActMeta", "build_tree"]

_ARTICLE_RE = re.compile(r"^(?:Article|Artikel|Art\.)\s+(\d{1,3}[a-z]?)$")
_ARTICLE_FR_RE = re.compile(r"^Article\s+(premier|1er)$")
_STRUCT_RE = re.compile(
    r"^(CHAPTER|CHAPITRE|TITLE|TITRE|PART|PARTIE|SECTION|Section|Chapter)\s+([IVXLC]+|\d+)$"
)
_ANNEX_RE = re.compile(r"^(?:ANNEX|ANNEXE|Annex|Annexe)(?:\s+([IVXLC]+))?$")
_RECITALS_START_RE = re.compile(r"^(Whereas|Considérant)\b", re.I)
_ADOPTED_RE = re.compile(r"^(HAVE|HAS|ONT|A) (ADOPTED|ADOPTÉ)\b", re.I)
_FINAL_RE = re.compile(
    r"^(This (Regulation|Decision) shall be binding in its entirety|Done at |Fait à |"
    r"Le présent règlement est obligatoire dans tous ses éléments)"
)
_RECITAL_RE = re.compile(r"^\((\d{1,3})\)\s*(.*)$", re.S)
_QUOTE_OPEN = ("‘", "'", "“", "«")
# An amending instruction: "(2) in Article 31, the following paragraph is added:".
_INSTRUCTION_RE = re.compile(
    r"^\(\d{1,3}\)\s+(?:in Article|Article \d+\w* is|Articles? .{0,40}(?:is|are) "
    r"(?:amended|replaced|deleted|inserted)|the following|Annex|in Annex)"
)
_NOISE_RE = re.compile(r"^(\(\*\d*\)\s|ELI: |ISSN \d)")
_TERMINAL = (".", ";", ":", ",")


@dataclass(frozen=True, slots=True)
class ActMeta:
    """What the builder needs to know about the source besides its lines."""

    act: ActCode
    version: date
    title: str
    status: SourceStatus
    celex: str | None = None
    url: str | None = None  # page the anchors attach to
    language: str = "en"
    anchors: bool = True  # ELI anchors (#art_25, #rct_12, #anx_III) exist on ``url``
    amending: bool = False  # quotes whole provisions of another act
    markers: dict[str, str] = field(default_factory=dict)  # "M1" -> "AI_OMNIBUS_2026"
    whereas_recitals: bool = False  # PLD 1985: unnumbered "Whereas ..." recitals


@dataclass(slots=True)
class _State:
    meta: ActMeta
    zone: str = "front"  # front | recitals | body | final | annex | notes
    marker: str | None = None
    deleted: bool = False
    recitals: list[Provision] = field(default_factory=list)
    top: list[Provision] = field(default_factory=list)
    chapter: Provision | None = None
    section: Provision | None = None
    article: Provision | None = None
    article_label: Label | None = None
    article_blocks: list[Block] = field(default_factory=list)
    expect_title: bool = False
    pending_struct: Provision | None = None
    annexes: AnnexBuilder | None = None
    in_quote: bool = False
    used: set[str] = field(default_factory=set)


def _url(meta: ActMeta, anchor: str | None) -> str | None:
    if meta.url is None:
        return None
    return f"{meta.url}#{anchor}" if anchor and meta.anchors else meta.url


def _looks_like_title(text: str) -> bool:
    return (
        len(text) < 220
        and not text.endswith(_TERMINAL)
        and classify_label(text) is None
        and text[:1].isupper()
    )


def _merge_bare_labels(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    carry: str | None = None
    for line in lines:
        if line.style is Style.BODY and is_bare_label(line.text):
            carry = f"{carry} {line.text}" if carry else line.text
            continue
        if carry is not None and line.style is Style.BODY:
            line = Line(Style.BODY, f"{carry} {line.text}")
            carry = None
        elif carry is not None and line.style is not Style.MARKER:
            out.append(Line(Style.BODY, carry))
            carry = None
        out.append(line)
    if carry is not None:
        out.append(Line(Style.BODY, carry))
    return out


def build_tree(lines: list[Line], meta: ActMeta) -> ActTree:
    """Build the :class:`ActTree` for one source version from its line stream."""
    st = _State(meta)
    st.annexes = AnnexBuilder(meta.act.value, st.used, lambda anchor: _url(meta, anchor))
    for line in _merge_bare_labels(lines):
        _feed(st, line)
    _close_article(st)
    st.annexes.close()
    tree = ActTree(
        act=meta.act,
        version=meta.version,
        title=meta.title,
        status=meta.status,
        celex=meta.celex,
        url=meta.url,
        language=meta.language,
        children=[*st.recitals, *st.top, *st.annexes.annexes],
    )
    for node in tree.children:
        _finish(node, [])
    return tree


def _finish(node: Provision, path: list[str]) -> list[str]:
    """Fill heading paths and propagate ``amended_by`` up (a part changed = the whole changed)."""
    node.heading_path = list(path)
    here = node.label + (f" — {node.heading}" if node.heading else "")
    child_path = [*path, here] if here else path
    for child in node.children:
        for code in _finish(child, child_path):
            mark(node, code)
    return node.amended_by


# --------------------------------------------------------------------------- dispatch


def _feed(st: _State, line: Line) -> None:
    text = line.text.strip()
    if line.style is Style.MARKER:
        code = text.lstrip("▼►").strip()
        # ►B = basic act; ►C1 = a corrigendum (a correction, not an amendment); ►M1 = amending act
        st.marker = st.meta.markers.get(code, code) if code.startswith(("M", "A")) else None
        return
    if line.style is Style.DELETED:
        st.deleted = True
        return
    if not text or _NOISE_RE.match(text):
        return  # footnotes inside quoted amendments, OJ colophon
    if st.zone == "front":
        _front(st, line, text)
    elif st.zone == "recitals":
        _recital_line(st, line, text)
    elif st.zone in ("body", "final", "notes"):
        _body(st, line, text)
    elif st.zone == "annex":
        _annex_line(st, line, text)


def _front(st: _State, line: Line, text: str) -> None:
    if _RECITALS_START_RE.match(text) and line.style is not Style.TITLE:
        st.zone = "recitals"
        if st.meta.whereas_recitals:
            _recital_line(st, line, text)
        return
    if _ADOPTED_RE.match(text):
        st.zone = "body"
        return
    m = _ARTICLE_RE.match(text)
    if (
        (m and m[1] == "1")
        or _ARTICLE_FR_RE.match(text)
        or (_STRUCT_RE.match(text) and line.style is Style.HEADING)
    ):
        st.zone = "body"  # consolidated texts: no recitals, no enacting formula
        _body(st, line, text)


# --------------------------------------------------------------------------- recitals


def _recital_line(st: _State, line: Line, text: str) -> None:
    if _ADOPTED_RE.match(text):
        st.zone = "body"
        return
    if st.meta.whereas_recitals:
        if _RECITALS_START_RE.match(text):
            n = len(st.recitals) + 1
            st.recitals.append(_recital(st, n, text))
        elif st.recitals:
            st.recitals[-1].text += "\n" + text
        return
    m = _RECITAL_RE.match(text)
    if m and int(m[1]) == len(st.recitals) + 1:
        st.recitals.append(_recital(st, int(m[1]), m[2].strip()))
    elif st.recitals and text.rstrip(":") not in ("Whereas", "Considérant ce qui suit"):
        st.recitals[-1].text += "\n" + text


def _recital(st: _State, n: int, text: str) -> Provision:
    return Provision(
        id=f"{st.meta.act.value} Recital {n}",
        kind=NodeKind.RECITAL,
        label=f"({n})",
        text=text,
        url=_url(st.meta, f"rct_{n}"),
    )


# --------------------------------------------------------------------------- enacting terms


def _body(st: _State, line: Line, text: str) -> None:
    if line.style is Style.RULE and st.article is not None and not st.in_quote:
        _close_article(st)
        st.zone = "notes"  # our Markdown puts footnotes after a rule
        return
    if line.style is Style.FINAL or (_FINAL_RE.match(text) and not st.in_quote):
        _close_article(st)
        st.zone = "final"
        return
    annex = _ANNEX_RE.match(text)
    if annex and line.style in (Style.HEADING, Style.TITLE, Style.BODY) and not st.in_quote:
        _close_article(st)
        _open_annex(st, annex[1])
        return
    if st.zone in ("final", "notes"):
        return
    if st.meta.amending and _quote_step(st, text):
        if text.strip("’;. ") or not text.strip():
            st.article_blocks.append(Block(text, st.marker, _take_deleted(st), quoted=True))
        return
    art = _ARTICLE_RE.match(text)
    number = art[1] if art else ("1" if _ARTICLE_FR_RE.match(text) else None)
    if number and _next_article(st, number):
        _close_article(st)
        _open_article(st, number)
        return
    struct = _STRUCT_RE.match(text)
    if struct and line.style in (Style.HEADING, Style.BODY, Style.SUBHEADING):
        _close_article(st)
        _open_struct(st, struct[1], struct[2])
        return
    if st.pending_struct is not None:
        if line.style is Style.HEADING or (
            line.style is Style.BODY and st.article is None and _looks_like_title(text)
        ):
            st.pending_struct.heading = text
            st.pending_struct = None
            return
        st.pending_struct = None
    if st.article is None:
        return
    if st.expect_title:
        st.expect_title = False
        if line.style in (Style.EMPHASIS, Style.HEADING) or (
            line.style is Style.BODY and _looks_like_title(text)
        ):
            st.article.heading = text.strip("*").strip()
            return
    st.article_blocks.append(Block(text, st.marker, _take_deleted(st)))


def _take_deleted(st: _State) -> bool:
    was, st.deleted = st.deleted, False
    return was


def _quote_step(st: _State, text: str) -> bool:
    """Amending acts: True while ``text`` is quoted material (kept as text, not structure)."""
    if st.article is None:
        return False
    if st.in_quote:
        if _INSTRUCTION_RE.match(text):
            st.in_quote = False  # the quote closed without a mark (e.g. before a footnote)
            return False
        if text in (";", ".", "’;", "’.") or text.endswith(("’;", "’.", "’")):
            st.in_quote = False
        return True
    stripped = text.lstrip("#").strip()
    if stripped.startswith(_QUOTE_OPEN):
        st.in_quote = not stripped.endswith(("’;", "’.", "’"))
        return True
    return False


def _next_article(st: _State, raw: str) -> bool:
    label = Label(raw, "dot", "num")
    if st.article_label is None:
        return raw == "1"
    return continues(st.article_label, label)


def _open_struct(st: _State, word: str, number: str) -> None:
    kind_word = word.upper()
    if kind_word in ("SECTION",):
        kind = NodeKind.SECTION
    elif kind_word in ("TITLE", "TITRE"):
        kind = NodeKind.TITLE
    elif kind_word in ("PART", "PARTIE"):
        kind = NodeKind.PART
    else:
        kind = NodeKind.CHAPTER
    node = Provision(kind=kind, label=f"{kind_word} {number}")
    if kind is NodeKind.SECTION and st.chapter is not None:
        st.chapter.children.append(node)
        st.section = node
    else:
        st.top.append(node)
        st.chapter = node
        st.section = None
    st.pending_struct = node


def _open_article(st: _State, raw: str) -> None:
    ident = f"{st.meta.act.value} Art {raw}"
    node = Provision(
        id=ident,
        kind=NodeKind.ARTICLE,
        label=f"Article {raw}",
        url=_url(st.meta, f"art_{raw}"),
    )
    mark(node, st.marker)
    st.used.add(ident)
    parent = st.section or st.chapter
    (parent.children if parent is not None else st.top).append(node)
    st.article = node
    st.article_label = Label(raw, "dot", "num")
    st.article_blocks = []
    st.expect_title = True
    st.in_quote = False


def _close_article(st: _State) -> None:
    if st.article is None:
        return
    build_article(st.article, st.article_blocks, st.used)
    st.article = None
    st.article_blocks = []
    st.pending_struct = None


# --------------------------------------------------------------------------- annexes


def _open_annex(st: _State, roman: str | None) -> None:
    assert st.annexes is not None
    st.annexes.open(roman, st.marker)
    st.zone = "annex"


def _annex_line(st: _State, line: Line, text: str) -> None:
    annexes = st.annexes
    assert annexes is not None and annexes.annex is not None
    annex = _ANNEX_RE.match(text)
    if annex and line.style in (Style.HEADING, Style.TITLE, Style.BODY):
        _open_annex(st, annex[1])
        return
    if line.style in (Style.RULE, Style.FINAL):
        annexes.close()
        st.zone = "notes"
        return
    if annexes.title_open:
        if line.style is Style.HEADING or (
            line.style is Style.BODY and _looks_like_title(text) and "|" not in text
        ):
            annexes.add_title(text)
            if line.style is Style.BODY:
                annexes.title_open = False
            return
        annexes.title_open = False
    if line.style in (Style.SUBHEADING, Style.HEADING) and annexes.division(text, st.marker):
        return
    annexes.add(Block(text, st.marker, _take_deleted(st)))
