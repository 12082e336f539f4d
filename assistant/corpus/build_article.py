"""Paragraphs of one article: numbered ones, or unnumbered ones counted (pure).

Numbered paragraphs ("1.", "1a.") are found by their sequence; the rest of each paragraph is
nested by :func:`assistant.corpus.build_items.build_list`. Articles without numbers follow the
counting convention of LEGAL_RULES §0.2 (see :func:`_build_unnumbered`).
"""

from __future__ import annotations

from assistant.corpus.build_items import Block, build_list, mark
from assistant.corpus.lines import Label, classify_label, continues
from assistant.corpus.tree import NodeKind, Provision

__all__ = ["build_article"]


def build_article(art: Provision, blocks: list[Block], used: set[str]) -> None:
    """Numbered paragraphs (with their points and subparagraphs) of one article."""
    groups: list[tuple[Label, Block, list[Block]]] = []
    intro: list[Block] = []
    prev: Label | None = None
    for blk in blocks:
        parsed = None if blk.quoted else classify_label(blk.text)
        if parsed and parsed[0].style == "dot" and parsed[0].kind == "num":
            label = parsed[0]
            ok = (
                (prev is None and (label.raw == "1" or blk.deleted_before))
                or (prev is not None and continues(prev, label))
                or (prev is not None and blk.deleted_before and _after(prev, label))
            )
            if ok:
                groups.append((label, Block(parsed[1], blk.marker), []))
                prev = label
                continue
        if groups:
            groups[-1][2].append(blk)
        else:
            intro.append(blk)
    art_id = art.id or ""
    if not groups:
        _build_unnumbered(art, intro, used)
        return
    if intro:
        build_list(art, intro, id_base=art_id, used=used, subparagraph_ids=False)
    for label, first, rest in groups:
        pid = f"{art_id}({label.raw})"
        para = Provision(
            id=None if pid in used else pid,
            kind=NodeKind.PARAGRAPH,
            label=f"{label.raw}.",
            text=first.text,
            url=art.url,
        )
        if para.id:
            used.add(pid)
        mark(para, first.marker)
        art.children.append(para)
        build_list(para, rest, id_base=para.id, used=used)


def _after(prev: Label, label: Label) -> bool:
    digits = "".join(c for c in label.raw if c.isdigit())
    pdigits = "".join(c for c in prev.raw if c.isdigit())
    return bool(digits and pdigits) and int(digits) > int(pdigits)


def _build_unnumbered(art: Provision, blocks: list[Block], used: set[str]) -> None:
    """Articles without numbered paragraphs (LEGAL_RULES §0.2 counting convention).

    One block of text (+ points): points hang from the article ("PLD_1985 Art 7(a)"). Several
    blocks with points only in the first: later blocks are subparagraphs ("Art 9 subparagraph
    2", alias "Art 9(2)"). Otherwise the blocks are counted as paragraphs ("AI_ACT Art
    113(3)(a)"), with "subparagraph N" aliases.
    """
    art_id = art.id or ""
    trial_used = set(used)
    trial = art.model_copy(deep=True)
    result = build_list(trial, blocks, id_base=art_id, used=trial_used)
    starts = result.subparagraph_starts
    if not starts or (not result.has_items_after_first and _first_has_items(trial)):
        used |= trial_used
        art.text, art.children = trial.text, trial.children
        for n, node in enumerate(
            (c for c in art.children if c.kind is NodeKind.SUBPARAGRAPH and c.id), start=2
        ):
            node.aliases.append(f"{art_id}({n})")
        return
    bounds = [0, *starts, len(blocks)]
    for n in range(1, len(bounds)):
        chunk = blocks[bounds[n - 1] : bounds[n]]
        pid = f"{art_id}({n})"
        para = Provision(
            id=None if pid in used else pid,
            kind=NodeKind.PARAGRAPH,
            label=f"({n})",
            text="",
            url=art.url,
        )
        if para.id:
            used.add(pid)
            if n > 1:
                para.aliases.append(f"{art_id} subparagraph {n}")
        art.children.append(para)
        build_list(para, chunk, id_base=para.id, used=used)


def _first_has_items(node: Provision) -> bool:
    return any(c.kind is not NodeKind.SUBPARAGRAPH for c in node.children)
