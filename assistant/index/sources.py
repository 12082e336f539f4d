"""Which act versions the index holds (pure).

For every act and language: the operative text of the latest version in force on the analysis
date (for the AI Act the consolidated text after the Digital Omnibus) and, when that version
has no recitals (consolidated texts never do), the recitals of the latest version that has
them. Superseded operative text is not indexed: citing it needs an explicit ``@version`` and
the corpus resolver serves it. French trees are selected the same way; the index uses them for
lexical search of French questions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from assistant.corpus.tree import ActTree, NodeKind

__all__ = ["RECITALS_ONLY", "Selection", "select_trees"]

Selection = tuple[ActTree, set[NodeKind] | None]
RECITALS_ONLY: set[NodeKind] = {NodeKind.RECITAL}


def _has(tree: ActTree, kind: NodeKind) -> bool:
    return any(n.kind is kind for n in tree.walk())


def select_trees(trees: Iterable[ActTree], as_of: date) -> list[Selection]:
    """The (tree, kinds) pairs to chunk; ``kinds=None`` means everything in the tree."""
    groups: dict[tuple[str, str], list[ActTree]] = {}
    for tree in trees:
        groups.setdefault((tree.act.value, tree.language), []).append(tree)
    out: list[Selection] = []
    for key in sorted(groups):
        versions = sorted(groups[key], key=lambda t: t.version)
        current = [t for t in versions if t.version <= as_of] or versions[:1]
        operative = current[-1]
        out.append((operative, None))
        if not _has(operative, NodeKind.RECITAL):
            with_recitals = [t for t in versions if _has(t, NodeKind.RECITAL)]
            if with_recitals:
                out.append((with_recitals[-1], RECITALS_ONLY))
    return out
