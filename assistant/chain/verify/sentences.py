"""Split an LLM draft (light Markdown) into blocks and sentences, and pull out their citations.

The analyst is asked to end each sentence with bracketed canonical IDs (``... [PLD_2024 Art
8(1)(a); GDPR Art 82(1)].``). Models also write IDs inline, free-form references ("Article 82
GDPR") and brackets after the full stop; all of these are collected here as :class:`Citation`
items so the verifier can check them. Pure text processing, no corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from assistant.report import STEP_TITLES
from assistant.vocabulary import ActCode, ProvisionId, find_ids

__all__ = [
    "Block",
    "Citation",
    "Sentence",
    "normalise_id",
    "parse_draft",
    "split_sentences",
]

BlockKind = Literal["heading", "bullet", "para"]

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^(\s*(?:[-*•]|\d{1,2}[.)]))\s+(.*)$")
# "STEP 1:" / "Step 2 —" markers the analyst prompt asks for become headings.
_STEP_MARKER = re.compile(r"^\**\s*step\s*([123])\s*[:.—–-]*\s*(.*?)\**\s*$", re.IGNORECASE)
_BRACKETS = re.compile(r"\s*\[([^\[\]\n]{1,400})\]")
# Words after which a full stop does not end a sentence.
# fmt: off
_ABBREVIATIONS = frozenset((
    "art", "arts", "artt", "e.g", "i.e", "no", "nos", "ltd", "inc", "co", "corp", "plc", "cf",
    "vs", "etc", "para", "paras", "p", "pp", "s.a", "sa", "gmbh", "ag", "bv", "nv", "sas",
    "sarl", "srl", "spa", "mr", "mrs", "ms", "dr", "st", "abs", "lit", "nr", "ff", "seq", "u.s",
    "approx", "fig", "sec",
))
# fmt: on
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\[(\"“A-Z0-9ÄÖÜÉÈ*_])")
_TERMINAL = re.compile(r"[.!?:;]+$")


@dataclass(frozen=True)
class Citation:
    """A citation as written, and its canonical ID when it has the ID grammar."""

    raw: str
    id: str | None
    bracketed: bool


@dataclass
class Sentence:
    """One sentence: prose (citations taken out), end punctuation, citations."""

    text: str
    end: str = "."
    citations: list[Citation] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        """Canonical IDs cited, first-seen order."""
        return list(dict.fromkeys(c.id for c in self.citations if c.id))


@dataclass
class Block:
    """A line of the draft: heading, bullet or paragraph, holding sentences."""

    kind: BlockKind
    prefix: str
    sentences: list[Sentence] = field(default_factory=list)


_ACT_SPELLINGS = {
    re.compile(r"\bAI[ _-]?Act\b", re.I): "AI_ACT",
    re.compile(r"\bPLD[ _-]?2024\b", re.I): "PLD_2024",
    re.compile(r"\bPLD[ _-]?1985\b", re.I): "PLD_1985",
    re.compile(r"\bDCD[ _-]?2019\b", re.I): "DCD_2019",
    re.compile(r"\bAILD(?:[ _-]?PROPOSAL)?\b", re.I): "AILD_PROPOSAL",
}
_ART_WORD = re.compile(r"\b(?:Article|Art\.?)\s*(?=\d)", re.I)
_PARA_WORD = re.compile(r"\s*(?:para(?:graph)?\.?)\s*\(?(\d+[a-z]?)\)?", re.I)


def normalise_id(raw: str) -> str | None:
    """The canonical ID for a near-canonical spelling ("PLD 2024 Article 8(1)"), else None."""
    text = " ".join(raw.strip().strip(".,;").split())
    if ProvisionId.is_valid(text):
        return text
    if text.upper().startswith("NATIONAL "):
        return None  # national labels are free text: only exact digest IDs count
    for pattern, code in _ACT_SPELLINGS.items():
        text = pattern.sub(code, text)
    text = _ART_WORD.sub("Art ", text)
    text = _PARA_WORD.sub(r"(\1)", text)
    text = re.sub(r"\s+\(", "(", text)
    text = re.sub(r"Art (\d+[a-z]?)", r"Art \1", text)
    # Act code after the reference: "Art 8(1) PLD_2024" -> "PLD_2024 Art 8(1)".
    m = re.match(r"^(Art .+|Annex .+|Recital \d+)\s+([A-Z][A-Z0-9_]+)$", text)
    if m and m.group(2) in ActCode.__members__:
        text = f"{m.group(2)} {m.group(1)}"
    text = re.sub(r"^([A-Z][A-Z0-9_]+)\s*,\s*", r"\1 ", text)
    return text if ProvisionId.is_valid(text) else None


def _split_bracket(inner: str) -> list[str]:
    # IDs are separated by ";" (as asked) or "," before an act code; national labels may hold
    # commas ("art. 1240, 1241"), so a comma splits only when an act code follows.
    codes = "|".join(a.value for a in ActCode)
    act_like = rf"(?:{codes})\b|[A-Z][A-Za-z]*(?:[ _-]?\d{{4}})?\s+(?:Art|Article|Annex|Recital)\b"
    parts = re.split(rf";|,\s*(?={act_like})|\s+and\s+(?={act_like})", inner)
    return [p.strip() for p in parts if p.strip()]


def _looks_like_citation(part: str) -> bool:
    return bool(
        re.match(r"^(?:[A-Z][A-Z0-9_]{2,}|Art|Article|Annex|Recital|§)", part.strip(), re.I)
    ) and bool(re.search(r"\d|[IVX]{1,4}\b|^[A-Z_0-9]+$", part))


def _take_citations(text: str) -> tuple[str, list[Citation]]:
    """Remove bracket groups that hold citations; return the prose and the citations."""
    cites: list[Citation] = []

    def repl(m: re.Match[str]) -> str:
        if re.fullmatch(r"\s*(?:[0-9a-f]{6,16}|\d{1,3})\s*", m.group(1)):
            return ""  # a data-block nonce or item number the model copied: noise
        parts = _split_bracket(m.group(1))
        if not parts or not all(_looks_like_citation(p) for p in parts):
            return m.group(0)  # ordinary brackets, e.g. "[sic]"
        for part in parts:
            cites.append(Citation(raw=part, id=normalise_id(part), bracketed=True))
        return ""

    prose = _BRACKETS.sub(repl, text)
    tail = re.search(r"\s*\[([^\[\]]*)$", prose)  # a bracket the model never closed (cut off)
    if tail:
        prose = prose[: tail.start()]
        for part in _split_bracket(tail.group(1)):
            cites.append(Citation(raw=part, id=normalise_id(part), bracketed=True))
    for ident in find_ids(prose):
        if " " in ident:  # a bare act code in prose ("the GDPR") is a mention, not a citation
            cites.append(Citation(raw=ident, id=ident, bracketed=False))
    return prose, cites


def split_sentences(text: str) -> list[str]:
    """Sentences of one line of prose (abbreviation-aware; bracket groups stay attached)."""
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()].rstrip()
        word = re.search(r"([\w.]+)\.[\"”’)]*$", before)
        if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        if re.search(r"\b[A-Z]\.$", before):  # initials: "J. Smith"
            continue
        pieces.append(text[start : m.start()].strip())
        start = m.end()
    pieces.append(text[start:].strip())
    out: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        # A bracket group written after the full stop belongs to the sentence before it.
        lead = re.match(r"^(\[[^\[\]]{1,400}\]\s*)+", piece)
        if lead and out:
            out[-1] = out[-1] + " " + lead.group(0).strip()
            piece = piece[lead.end() :].strip()
            if not piece:
                continue
        out.append(piece)
    return out


def _sentence(raw: str) -> Sentence:
    prose, cites = _take_citations(raw)
    prose = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(prose.split()))
    m = _TERMINAL.search(prose)
    end = m.group(0)[-1] if m else ""
    if end in ":;":
        end = "."
    body = prose[: m.start()].rstrip() if m else prose
    return Sentence(text=body, end=end or ".", citations=cites)


def parse_draft(markdown: str) -> list[Block]:
    """Blocks (headings, bullets, paragraphs) of a draft, each split into sentences."""
    blocks: list[Block] = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped or set(stripped) <= {"-", "*", "_", "="}:
            continue
        step = _STEP_MARKER.match(stripped.lstrip("#").strip())
        if step and len(stripped) < 400:
            title = STEP_TITLES[int(step.group(1))]
            blocks.append(Block("heading", "###", [Sentence(title, "")]))
            rest = step.group(2).strip()
            if rest and not _is_title(rest):
                blocks.append(Block("para", "", [_sentence(s) for s in split_sentences(rest)]))
            continue
        heading = _HEADING.match(stripped)
        if heading:
            title = heading.group(2).strip().strip("*")
            level = "#" * max(3, len(heading.group(1)))
            blocks.append(Block("heading", level, [Sentence(title, "")]))
            continue
        bullet = _BULLET.match(line)
        kind: BlockKind = "bullet" if bullet else "para"
        prefix = "-" if bullet else ""
        body = bullet.group(2) if bullet else stripped
        body = body.replace("**", "").replace("__", "")
        blocks.append(Block(kind, prefix, [_sentence(s) for s in split_sentences(body)]))
    return blocks


def _is_title(text: str) -> bool:
    """A short step title after the marker ("Step 1: Choice of regime") rather than prose."""
    return len(text.split()) <= 8 and not re.search(r"[.!?]$|\[", text)
