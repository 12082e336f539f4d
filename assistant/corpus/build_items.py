"""Nest a run of paragraphs into points, subpoints and subparagraphs (pure).

The input is flat (the Markdown mirror and PDF text have no nesting), so the structure comes
from the labels: "(a)" follows "(b)"? a sibling; "(i)" after a letter point opening "(ii)"? a
subpoint list. An unlabelled paragraph belongs to the item whose list the *next* label continues
(Annex III point 1(a)'s second sentence) or else starts a new subparagraph of the container (the
second subparagraph of PLD Art 8(1)). The same rules run on every format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.corpus.lines import (
    Label,
    as_roman,
    classify_label,
    continues,
    is_list_start,
)
from assistant.corpus.tree import NodeKind, Provision

__all__ = ["Block", "ListResult", "build_list", "mark"]

_DASH_RE = re.compile(r"^[—–]\s*")
_AMBIGUOUS = frozenset({"i", "v", "x"})
_MAX_DEPTH = 4


@dataclass(slots=True)
class Block:
    """A logical paragraph with the amendment marker in force when it was read."""

    text: str
    marker: str | None = None  # act code that last changed it (consolidated ▼M1), or None
    deleted_before: bool = False  # a deletion mark preceded it (consolidated "—————")
    quoted: bool = False  # quoted text of an amending act: never structure of this act


@dataclass(slots=True)
class ListResult:
    """What :func:`build_list` did: where new subparagraphs began (block indices)."""

    subparagraph_starts: list[int] = field(default_factory=list)
    has_items_after_first: bool = False


def mark(node: Provision, marker: str | None) -> None:
    """Record that ``marker`` (an act code) changed ``node``."""
    if marker and marker not in node.amended_by:
        node.amended_by.append(marker)


@dataclass(slots=True)
class _Open:
    node: Provision
    label: Label


def _peek_label(blocks: list[Block], start: int) -> Label | None:
    for blk in blocks[start:]:
        if blk.quoted:
            continue
        parsed = classify_label(blk.text)
        if parsed:
            return parsed[0]
        if _DASH_RE.match(blk.text):
            continue
    return None


def _placement(stack: list[_Open], label: Label, peek: Label | None) -> tuple[int, Label] | None:
    """Where a labelled block goes: (depth to place at, label as read) or None (not a list item).

    Depth ``k`` < len(stack) means "sibling of stack[k]"; ``len(stack)`` means "open a child list".
    """
    ambiguous = label.raw in _AMBIGUOUS and label.style == "paren"
    for k in range(len(stack) - 1, -1, -1):
        prev = stack[k].label
        if prev.kind == "roman" and ambiguous and continues(prev, as_roman(label)):
            return k, as_roman(label)
        if continues(prev, label):
            if (
                ambiguous
                and label.raw == "i"
                and peek is not None
                and peek.raw == "ii"
                and k == len(stack) - 1
            ):
                return len(stack), as_roman(label)  # "(h)" then "(i)", "(ii)": subpoints of (h)
            return k, label
    if len(stack) >= _MAX_DEPTH:
        return None
    if label.raw == "i" and label.style == "paren" and stack and stack[-1].label.kind != "roman":
        return len(stack), as_roman(label)
    if is_list_start(label):
        if any(o.label.kind == label.kind and o.label.style == label.style for o in stack):
            return None  # a new "(a)" list cannot nest inside an "(a)" list
        return len(stack), label
    return None


def _item_id(parent_id: str | None, label: Label, *, annex_level0: bool) -> str | None:
    if parent_id is None or label.kind == "sub":
        return None
    if annex_level0:
        # the grammar numbers annex points ("point 4(a)"); a letter list directly under an
        # annex (AI Act Annex XIII (a)-(g)) has no ID of its own
        return f"{parent_id} point {label.raw}" if label.raw[0].isdigit() else None
    return f"{parent_id}({label.raw})"


def _append_text(node: Provision, text: str, marker: str | None) -> None:
    if node.children:
        node.children.append(
            Provision(kind=NodeKind.SUBPARAGRAPH, label="", text=text, url=node.url)
        )
        if marker:
            mark(node.children[-1], marker)
    else:
        node.text = f"{node.text}\n{text}" if node.text else text
    mark(node, marker)


def build_list(
    container: Provision,
    blocks: list[Block],
    *,
    id_base: str | None,
    annex: bool = False,
    used: set[str],
    subparagraph_ids: bool = True,
) -> ListResult:
    """Add ``blocks`` under ``container`` as points/subpoints/subparagraphs.

    ``id_base`` is the ID items hang from ("PLD_2024 Art 8(1)" -> "... Art 8(1)(a)"; for annexes
    "AI_ACT Annex III" -> "... Annex III point 1"). ``container.text`` may already hold the
    first subparagraph. IDs already in ``used`` are not reused (the node gets no ID).
    """
    result = ListResult()
    stack: list[_Open] = []
    target = container
    sub_no = 1
    for i, blk in enumerate(blocks):
        text = blk.text
        if blk.quoted:
            _append_text(stack[-1].node if stack else target, text, blk.marker)
            continue
        parsed = classify_label(text)
        if parsed and not (parsed[0].style == "dot" and not annex):
            label, rest = parsed
            placed = _placement(stack, label, _peek_label(blocks, i + 1))
            if placed is None and annex and label.style == "dot" and label.kind == "num":
                # annex points may continue the previous section's numbering (Annex I B: 13.)
                placed = (0, label) if not stack or stack[0].label.style != "dot" else None
            if placed is None and blk.deleted_before and stack:
                placed = (len(stack) - 1, label)
            if placed is not None:
                depth, label = placed
                del stack[depth:]
                parent = stack[-1].node if stack else target
                parent_id = (
                    stack[-1].node.id
                    if stack
                    else (id_base if target is container else _base_of(target, id_base))
                )
                node_id = _item_id(parent_id, label, annex_level0=annex and not stack)
                if node_id in used or (stack and stack[-1].node.id is None):
                    node_id = None
                if node_id:
                    used.add(node_id)
                kind = (
                    NodeKind.ANNEX_POINT
                    if annex
                    else (NodeKind.POINT if not stack else NodeKind.SUBPOINT)
                )
                node = Provision(
                    id=node_id,
                    kind=kind,
                    label=f"{label.raw}." if label.style == "dot" else f"({label.raw})",
                    text=rest,
                    url=container.url,
                )
                mark(node, blk.marker)
                parent.children.append(node)
                stack.append(_Open(node, label))
                if target is not container:
                    result.has_items_after_first = True
                continue
        if _DASH_RE.match(text):
            _append_text(stack[-1].node if stack else target, text, blk.marker)
            continue
        if not stack and not target.text and not target.children:
            target.text = text
            mark(target, blk.marker)
            continue
        if stack:
            peek = _peek_label(blocks, i + 1)
            level = _continuation_level(stack, peek)
            if level is not None:
                _append_text(stack[level].node, text, blk.marker)
                continue
        # a new subparagraph of the container
        sub_no += 1
        sub_id = f"{id_base} subparagraph {sub_no}" if id_base and subparagraph_ids else None
        if sub_id in used:
            sub_id = None
        if sub_id:
            used.add(sub_id)
        target = Provision(
            id=sub_id,
            kind=NodeKind.SUBPARAGRAPH,
            label=f"subparagraph {sub_no}",
            text=text,
            url=container.url,
        )
        mark(target, blk.marker)
        container.children.append(target)
        stack = []
        result.subparagraph_starts.append(i)
    return result


def _base_of(subparagraph: Provision, id_base: str | None) -> str | None:
    # Points of a later subparagraph are cited as the paragraph's points: "Art 25(2)(a)".
    return id_base


def _continuation_level(stack: list[_Open], peek: Label | None) -> int | None:
    """Depth of the open item an unlabelled paragraph continues, or None (new subparagraph)."""
    if peek is None:
        return None
    placed = _placement(stack, peek, None)
    if placed is None:
        return None
    depth, _ = placed
    if depth >= len(stack):
        return len(stack) - 1  # the next label opens a list inside the deepest item
    return depth
