"""The provision tree: the one shape every parser produces and every later layer reads.

act -> (part/chapter/section) -> article -> paragraph -> point -> subpoint; recitals;
annexes -> (part/section) -> points; report/post sections. Structural nodes (chapters,
sections of an act) carry no citation ID; citable nodes carry their canonical ID without a
version (the tree itself knows its version).

Pure data: no I/O here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field

from assistant.vocabulary import ActCode

__all__ = ["ActTree", "NodeKind", "Provision", "SourceStatus"]


class NodeKind(StrEnum):
    """What a node of the tree is."""

    PART = "part"
    TITLE = "title"
    CHAPTER = "chapter"
    SECTION = "section"  # a section of an act's enacting terms (structural)
    ARTICLE = "article"
    PARAGRAPH = "paragraph"
    SUBPARAGRAPH = "subparagraph"
    POINT = "point"
    SUBPOINT = "subpoint"
    RECITAL = "recital"
    ANNEX = "annex"
    ANNEX_PART = "annex_part"
    ANNEX_SECTION = "annex_section"
    ANNEX_POINT = "annex_point"
    REPORT_SECTION = "report_section"  # MOZILLA_REPORT / MOZILLA_POST "§3.2"
    ACT = "act"  # a whole act, when a citation names only the act ("AILD_PROPOSAL")


class SourceStatus(StrEnum):
    """Legal status of a source version (corpus/sources.toml)."""

    IN_FORCE = "in_force"
    IN_FORCE_WITH_TRANSITION = "in_force_with_transition"
    CONSOLIDATED = "consolidated"
    AMENDING_ACT = "amending_act"
    WITHDRAWN_PROPOSAL = "withdrawn_proposal"
    REPORT = "report"
    ANNOUNCEMENT = "announcement"


class Provision(BaseModel):
    """One node. ``text`` is the node's own text; ``full_text()`` adds its descendants."""

    id: str | None = Field(
        default=None, description="Canonical ID without version; None for structural nodes."
    )
    kind: NodeKind
    label: str = Field(description='As printed: "Article 25", "(b)", "CHAPTER III", "ANNEX III".')
    heading: str | None = Field(default=None, description="Title of an article, annex, section.")
    text: str = ""
    heading_path: list[str] = Field(
        default_factory=list, description="Headings from the act down to this node's parent."
    )
    url: str | None = Field(default=None, description="Official URL with anchor where known.")
    amended_by: list[str] = Field(
        default_factory=list,
        description='Acts that last changed this node, e.g. ["AI_OMNIBUS_2026"] (consolidated ►M1).',
    )
    aliases: list[str] = Field(
        default_factory=list,
        description='Other IDs citing the same node ("Art 9(2)" for "Art 9 subparagraph 2").',
    )
    children: list[Provision] = Field(default_factory=list)

    def walk(self) -> Iterator[Provision]:
        """This node and all descendants, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def full_text(self, sep: str = "\n") -> str:
        """Own text plus all descendants' text, in order (label-prefixed for points)."""
        parts: list[str] = []
        for node in self.walk():
            if node is self:
                if node.text:
                    parts.append(node.text)
                continue
            if node.text:
                prefix = (
                    f"{node.label} "
                    if node.kind in (NodeKind.POINT, NodeKind.SUBPOINT, NodeKind.ANNEX_POINT)
                    else ""
                )
                parts.append(prefix + node.text)
        return sep.join(parts)

    def labelled_text(self, indent: str = "  ") -> str:
        """Own text and descendants with their labels ("1.", "(a)"), indented by depth.

        For display: ``full_text`` keeps paragraph numbers out of the text; this puts them
        back the way the act prints them.
        """
        lines: list[str] = []

        def visit(node: Provision, depth: int) -> None:
            numbered = node.kind in (
                NodeKind.PARAGRAPH,
                NodeKind.POINT,
                NodeKind.SUBPOINT,
                NodeKind.ANNEX_POINT,
            )
            prefix = f"{node.label} " if numbered and node is not self else ""
            if node.text or prefix:
                lines.append(f"{indent * depth}{prefix}{node.text}".rstrip())
            for child in node.children:
                visit(child, depth + (1 if node is not self else 0))

        visit(self, 0)
        return "\n".join(lines)


class ActTree(BaseModel):
    """One version of one source, parsed."""

    act: ActCode
    version: date = Field(description="Date of this text version (OJ date or consolidation date).")
    title: str
    status: SourceStatus
    celex: str | None = None
    url: str | None = None
    language: str = "en"
    children: list[Provision] = Field(default_factory=list)

    def walk(self) -> Iterator[Provision]:
        """Every node, depth first."""
        for child in self.children:
            yield from child.walk()

    def citable(self) -> Iterator[Provision]:
        """Nodes that have a citation ID."""
        return (n for n in self.walk() if n.id is not None)

    def index(self) -> dict[str, Provision]:
        """Map canonical ID -> node (first occurrence wins); aliases map too, never over an ID."""
        out: dict[str, Provision] = {}
        for node in self.citable():
            assert node.id is not None
            out.setdefault(node.id, node)
        for node in self.citable():
            for alias in node.aliases:
                out.setdefault(alias, node)
        return out

    def count(self, kind: NodeKind) -> int:
        """How many nodes of a kind (e.g. articles) the tree holds."""
        return sum(1 for n in self.walk() if n.kind is kind)
