"""Annexes: parts, sections and numbered points (pure; used by the act builder).

"ANNEX III" opens an annex; "Part II", "Section A" (cited) or "Section 1", "Class I" (not
citable in the ID grammar) open divisions; "1." points with "(a)" sub-points follow.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.corpus.build_items import Block, build_list, mark
from assistant.corpus.tree import NodeKind, Provision

__all__ = ["AnnexBuilder"]

_PART_RE = re.compile(r"^(?:Part|PART|Partie|PARTIE)\s+([IVXLC]+)\b[.:—–\s-]*(.*)$")
_SECTION_LETTER_RE = re.compile(r"^(?:Section|SECTION)\s+([A-Z])\b[.:—–\s-]*(.*)$")
_SECTION_OTHER_RE = re.compile(r"^(?:Section|SECTION|Class|CLASS)\s+(\S+)\s*[.:—–-]?\s*(.*)$")


@dataclass
class AnnexBuilder:
    """Collects one act's annexes while the act builder feeds it lines."""

    act: str
    used: set[str]
    url_for: Callable[[str], str | None]
    annexes: list[Provision] = field(default_factory=list)
    annex: Provision | None = None
    container: Provision | None = None
    blocks: list[Block] = field(default_factory=list)
    title_open: bool = False

    def open(self, roman: str | None, marker: str | None) -> Provision:
        """Start "ANNEX <roman>" (an unnumbered annex counts as I)."""
        self.close()
        number = roman or "I"
        ident = f"{self.act} Annex {number}"
        node = Provision(
            id=None if ident in self.used else ident,
            kind=NodeKind.ANNEX,
            label=f"ANNEX {roman}" if roman else "ANNEX",
            url=self.url_for(f"anx_{number}"),
        )
        mark(node, marker)
        self.used.add(ident)
        self.annexes.append(node)
        self.annex = node
        self.container = node
        self.blocks = []
        self.title_open = True
        return node

    def flush(self) -> None:
        """Nest the collected paragraphs into the current part/section/annex."""
        if self.container is not None and self.blocks:
            build_list(
                self.container,
                self.blocks,
                id_base=self.container.id,
                annex=True,
                used=self.used,
                subparagraph_ids=False,
            )
        self.blocks = []

    def close(self) -> None:
        """Finish the current annex."""
        self.flush()
        self.annex = None
        self.container = None

    def add_title(self, text: str) -> None:
        """Append a title line to the annex heading."""
        assert self.annex is not None
        self.annex.heading = f"{self.annex.heading} {text}" if self.annex.heading else text

    def add(self, block: Block) -> None:
        """A paragraph of the current annex."""
        self.blocks.append(block)

    def division(self, text: str, marker: str | None) -> bool:
        """Open a part or section if ``text`` is one; True if it was."""
        assert self.annex is not None
        part = _PART_RE.match(text)
        letter = _SECTION_LETTER_RE.match(text)
        other = _SECTION_OTHER_RE.match(text) if not (part or letter) else None
        if not (part or letter or other):
            return False
        self.flush()
        base = self.annex.id
        if part:
            node = Provision(
                id=f"{base} Part {part[1]}" if base else None,
                kind=NodeKind.ANNEX_PART,
                label=f"Part {part[1]}",
                heading=part[2] or None,
            )
        elif letter:
            node = Provision(
                id=f"{base} Section {letter[1]}" if base else None,
                kind=NodeKind.ANNEX_SECTION,
                label=f"Section {letter[1]}",
                heading=letter[2] or None,
            )
        else:
            assert other is not None
            node = Provision(
                kind=NodeKind.ANNEX_SECTION,
                label=f"{text.split()[0]} {other[1]}",
                heading=other[2] or None,
            )
        if node.id in self.used:
            node.id = None
        if node.id:
            self.used.add(node.id)
        node.url = self.annex.url
        mark(node, marker)
        self.annex.children.append(node)
        self.container = node
        return True
