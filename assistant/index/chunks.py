"""Structure-aware chunking of provision trees (pure: no I/O, no models).

One chunk per paragraph / point-group of an article, per recital, per annex point, per report
section. A chunk never spans two provisions. Its ID is the most specific provision that holds
all of its text (a group of points keeps its paragraph's ID, a lone point its own). A unit that
does not fit the token budget is split into point-groups, and a leaf that still does not fit
into overlapping sentence windows; every part keeps the ID of the provision it comes from.

The budget is counted in tiktoken ``cl100k_base`` tokens (``count`` is injected so tests and
callers decide the tokenizer). MiniLM reads at most 256 word pieces; on these texts one
cl100k token is 1.06 word pieces on average and 1.22 at worst, so 200 tokens per embedded text
(header included) stays inside the model window.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel, Field

from assistant.corpus.tree import ActTree, NodeKind, Provision
from assistant.vocabulary import ACT_TITLES, ActCode, InvalidCitationId, ProvisionId, RefKind

__all__ = [
    "CHUNKER_VERSION",
    "EMBED_TOKEN_BUDGET",
    "Chunk",
    "ChunkKind",
    "chunk_tree",
    "chunk_trees",
]

# Bump when chunk boundaries, IDs or texts change: it is part of the index key.
CHUNKER_VERSION = "4"
EMBED_TOKEN_BUDGET = 200
OVERLAP_TOKENS = 40

TokenCounter = Callable[[str], int]

# Top-level units: their children become separate chunks.
_UNIT_CONTAINERS = {NodeKind.ARTICLE, NodeKind.ANNEX, NodeKind.ANNEX_PART, NodeKind.ANNEX_SECTION}
_STRUCTURAL = {NodeKind.PART, NodeKind.TITLE, NodeKind.CHAPTER, NodeKind.SECTION}
_TOP_LEVEL = {NodeKind.ARTICLE, NodeKind.RECITAL, NodeKind.ANNEX, NodeKind.REPORT_SECTION}
_LABELLED = {NodeKind.POINT, NodeKind.SUBPOINT, NodeKind.ANNEX_POINT}
_SENTENCE_RE = re.compile(r"(?<=[.;:])\s+(?=[(\w‘'\"“])")

ChunkKind = str  # "article" | "recital" | "annex" | "section" (RefKind values)


class Chunk(BaseModel):
    """One retrievable piece of one provision, with the metadata every hit carries."""

    key: str = Field(description="Unique: '<act>@<version>/<lang> <id>#<part>'.")
    id: str = Field(description="Canonical provision ID (no version).")
    top_level: str = Field(description="The article/recital/annex/section the ID sits in.")
    act: str
    version: str = Field(description="ISO date of the text version.")
    language: str = "en"
    kind: ChunkKind
    status: str
    heading_path: list[str] = Field(default_factory=list)
    url: str | None = None
    part: int = 0
    parts: int = 1
    header: str = Field(description="Context line put before the text when embedding.")
    text: str

    @property
    def embed_text(self) -> str:
        """What the embedder and BM25 read: context header, then the provision text."""
        return f"{self.header}\n{self.text}"

    def content_hash(self, embedder: str) -> str:
        """Cache key of this chunk's embedding: unchanged text is never embedded twice."""
        data = f"{embedder}\x00{self.embed_text}".encode()
        return hashlib.sha256(data).hexdigest()

    def metadata(self) -> dict[str, str | int]:
        """Flat metadata (Chroma and LangChain ``Document`` accept only scalars)."""
        return {
            "id": self.id,
            "top_level": self.top_level,
            "act": self.act,
            "version": self.version,
            "language": self.language,
            "kind": self.kind,
            "status": self.status,
            "heading_path": " > ".join(self.heading_path),
            "url": self.url or "",
            "part": self.part,
            "parts": self.parts,
        }


@dataclass(frozen=True, slots=True)
class _Piece:
    """A candidate chunk before numbering: provision ID and its rendered text."""

    id: str
    text: str
    url: str | None


# Short names for the embedding header: every header token is paid for on every chunk
# (4,200 chunks), and the full titles stay in the metadata.
SHORT_NAMES = {
    "AI_ACT": "AI Act",
    "AI_OMNIBUS_2026": "Digital Omnibus amending the AI Act",
    "PLD_2024": "Product Liability Directive 2024",
    "PLD_1985": "Product Liability Directive 1985",
    "AILD_PROPOSAL": "AI Liability Directive proposal (withdrawn)",
    "GDPR": "GDPR",
    "CRA": "Cyber Resilience Act",
    "NIS2": "NIS2 Directive",
    "DCD_2019": "Digital Content Directive",
    "MOZILLA_REPORT": "Mozilla report on AI liability",
    "MOZILLA_POST": "Mozilla post on AI liability",
}


def _act_name(act: str) -> str:
    if act in SHORT_NAMES:
        return SHORT_NAMES[act]
    try:
        return ACT_TITLES[ActCode(act)]
    except ValueError:
        return act


def _kind_of(pid: str) -> ChunkKind:
    try:
        kind = ProvisionId.parse(pid).kind
    except InvalidCitationId:
        return RefKind.ARTICLE.value
    return kind.value


def _top_level(pid: str) -> str:
    try:
        return ProvisionId.parse(pid).top_level().format()
    except InvalidCitationId:
        return pid


def _own_text(node: Provision) -> str:
    if not node.text:
        return ""
    prefix = f"{node.label} " if node.kind in _LABELLED else ""
    return (prefix + node.text).strip()


def _full_text_labelled(node: Provision) -> str:
    own = _own_text(node)
    rest = "\n".join(_full_text_labelled(c) for c in node.children if _has_text(c))
    return "\n".join(t for t in (own, rest) if t)


def _has_text(node: Provision) -> bool:
    return any(n.text.strip() for n in node.walk())


def _split_sentences(text: str, budget: int, count: TokenCounter) -> list[str]:
    """Overlapping windows of whole sentences (a sentence longer than the budget is cut)."""
    sentences: list[str] = []
    for sentence in _SENTENCE_RE.split(text):
        if count(sentence) <= budget:
            sentences.append(sentence)
            continue
        words = sentence.split(" ")
        step = max(8, len(words) * budget // max(count(sentence), 1) - 4)
        sentences.extend(" ".join(words[i : i + step]) for i in range(0, len(words), step))
    windows: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        if current and count(" ".join([*current, sentence])) > budget:
            windows.append(" ".join(current))
            overlap: list[str] = []
            for prev in reversed(current):
                if count(" ".join([prev, *overlap, sentence])) > min(OVERLAP_TOKENS * 2, budget):
                    break
                if count(" ".join([prev, *overlap])) > OVERLAP_TOKENS:
                    break
                overlap.insert(0, prev)
            current = overlap
        current.append(sentence)
    if current:
        windows.append(" ".join(current))
    return windows


def _pieces(node: Provision, pid: str, budget: int, count: TokenCounter) -> Iterator[_Piece]:
    """Pieces of one unit: whole if it fits, else point-groups, else sentence windows.

    A point-group repeats the unit's short lead-in ("... the following economic operators:")
    as context. A group of one point carries that point's ID, a larger group the unit's ID.
    """
    text = _full_text_labelled(node)
    if not text:
        return
    if count(text) <= budget:
        yield _Piece(pid, text, node.url)
        return
    children = [c for c in node.children if _has_text(c)]
    if not children:
        for window in _split_sentences(text, budget, count):
            yield _Piece(pid, window, node.url)
        return
    own = _own_text(node)
    lead_in = own if own and count(own) <= budget // 3 else ""
    if own and not lead_in:
        for window in _split_sentences(own, budget, count):
            yield _Piece(pid, window, node.url)
    members: list[Provision] = []
    body = lead_in

    def flush() -> Iterator[_Piece]:
        if not members:
            return
        only = members[0].id if len(members) == 1 else None
        yield _Piece(only or pid, body, node.url)

    for child in children:
        child_text = _full_text_labelled(child)
        joined = f"{body}\n{child_text}" if body else child_text
        if count(joined) <= budget:
            members.append(child)
            body = joined
            continue
        yield from flush()
        start = f"{lead_in}\n{child_text}" if lead_in else child_text
        if count(start) <= budget:
            members, body = [child], start
        else:
            yield from _pieces(child, child.id or pid, budget, count)
            members, body = [], lead_in
    yield from flush()


def _units(node: Provision) -> Iterator[Provision]:
    """Children of a top-level provision that each become their own chunk(s)."""
    for child in node.children:
        if child.kind in _UNIT_CONTAINERS and child.kind is not NodeKind.ARTICLE:
            if child.text.strip():
                yield child.model_copy(update={"children": []})
            yield from _units(child)
        else:
            yield child


def _top_levels(
    nodes: Iterable[Provision], path: list[str]
) -> Iterator[tuple[Provision, list[str]]]:
    for node in nodes:
        if node.kind in _TOP_LEVEL and node.id:
            yield node, path
        elif node.kind in _STRUCTURAL or node.id is None:
            title = " ".join(t for t in (node.label, node.heading) if t)
            yield from _top_levels(node.children, [*path, title] if title else path)


def chunk_tree(
    tree: ActTree,
    count: TokenCounter,
    *,
    budget: int = EMBED_TOKEN_BUDGET,
    kinds: set[NodeKind] | None = None,
) -> list[Chunk]:
    """Chunks of one act version. ``kinds`` limits which top-level nodes are taken
    (e.g. only recitals of a superseded version)."""
    out: list[Chunk] = []
    act = tree.act.value
    version = tree.version.isoformat()
    act_name = _act_name(act)
    for top, struct_path in _top_levels(tree.children, []):
        if kinds is not None and top.kind not in kinds:
            continue
        assert top.id is not None
        label = (
            f"Recital {top.id.rsplit(' ', 1)[-1]}" if top.kind is NodeKind.RECITAL else top.label
        )
        title = " ".join(t for t in (label, top.heading) if t)
        heading_path = [*struct_path, title] if title else list(struct_path)
        # The header names the act and the article, not the chapter path: it is embedded with
        # every chunk, so it stays short (the full path is in the metadata).
        header = " | ".join(t for t in (act_name, title) if t)
        room = max(budget - count(header) - 1, budget // 2)
        pieces: list[_Piece] = []
        units = list(_units(top)) if top.children else []
        if top.text.strip() and units:
            pieces.extend(_pieces(top.model_copy(update={"children": []}), top.id, room, count))
        if units:
            for unit in units:
                pieces.extend(_pieces(unit, unit.id or top.id, room, count))
        else:
            pieces.extend(_pieces(top, top.id, room, count))
        by_id: dict[str, list[_Piece]] = {}
        for piece in pieces:
            by_id.setdefault(piece.id, []).append(piece)
        for pid, group in by_id.items():
            for i, piece in enumerate(group):
                out.append(
                    Chunk(
                        key=f"{act}@{version}/{tree.language} {pid}#{i}",
                        id=pid,
                        top_level=_top_level(pid),
                        act=act,
                        version=version,
                        language=tree.language,
                        kind=_kind_of(pid),
                        status=tree.status.value,
                        heading_path=heading_path,
                        url=piece.url or top.url or tree.url,
                        part=i,
                        parts=len(group),
                        header=header,
                        text=piece.text,
                    )
                )
    return out


def chunk_trees(
    selections: Iterable[tuple[ActTree, set[NodeKind] | None]],
    count: TokenCounter,
    *,
    budget: int = EMBED_TOKEN_BUDGET,
) -> list[Chunk]:
    """Chunks of several selected trees (see ``sources.select_trees``), keys unique."""
    seen: set[str] = set()
    out: list[Chunk] = []
    for tree, kinds in selections:
        for chunk in chunk_tree(tree, count, budget=budget, kinds=kinds):
            if chunk.key in seen:  # a parser that repeats an ID: keep the first
                continue
            seen.add(chunk.key)
            out.append(chunk)
    return out
