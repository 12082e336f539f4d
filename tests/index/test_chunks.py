"""Chunking: IDs resolve, budgets hold, provisions are never mixed."""

from __future__ import annotations

import itertools
from datetime import date

from trees import ai_act, para, pld, small_corpus

from assistant.corpus.tree import ActTree, NodeKind, Provision, SourceStatus
from assistant.index.chunks import chunk_tree, chunk_trees
from assistant.index.sources import select_trees
from assistant.models import count_tokens
from assistant.vocabulary import ActCode, ProvisionId


def _words(n: int, word: str = "liability") -> str:
    return " ".join(f"{word}{i}." if i % 12 == 11 else f"{word}{i}" for i in range(n))


def test_every_chunk_id_resolves_in_its_tree() -> None:
    for tree in small_corpus():
        index = tree.index()
        chunks = chunk_tree(tree, count_tokens)
        assert chunks, tree.act
        for chunk in chunks:
            assert chunk.id in index, chunk.key
            assert ProvisionId.parse(chunk.top_level).top_level().format() == chunk.top_level
            assert chunk.act == tree.act.value and chunk.version == tree.version.isoformat()


def test_chunk_keeps_metadata_and_never_mixes_provisions() -> None:
    chunks = chunk_tree(pld(), count_tokens)
    by_id = {c.id: c for c in chunks}
    art8 = by_id["PLD_2024 Art 8(1)"]
    assert art8.kind == "article" and art8.status == "in_force"
    assert (
        art8.heading_path[-1].startswith("Article 8")
        and "CHAPTER II Liability" in art8.heading_path
    )
    assert "(c)" in art8.text and "substantially changes" not in art8.text
    assert by_id["PLD_2024 Recital 2"].kind == "recital"
    assert len({c.key for c in chunks}) == len(chunks)


def test_long_paragraph_is_split_with_overlap_and_keeps_its_id() -> None:
    long_para = para("PLD_2024 Art 9(1)", "1.", _words(700))
    tree = pld()
    tree.children[-1].children.append(
        Provision(
            id="PLD_2024 Art 9",
            kind=NodeKind.ARTICLE,
            label="Article 9",
            heading="Disclosure",
            children=[long_para],
        )
    )
    parts = [
        c for c in chunk_tree(tree, count_tokens, budget=120) if c.top_level == "PLD_2024 Art 9"
    ]
    assert len(parts) >= 4
    assert {c.id for c in parts} == {"PLD_2024 Art 9(1)"}
    assert [c.part for c in parts] == list(range(len(parts)))
    assert all(c.parts == len(parts) for c in parts)
    for chunk in parts:
        assert count_tokens(chunk.embed_text) <= 120
    # consecutive parts share text (overlap), and together they cover every word
    for a, b in itertools.pairwise(parts):
        assert set(a.text.split()[-20:]) & set(b.text.split()[:20])
    covered = set(" ".join(c.text for c in parts).split())
    assert covered >= set(_words(700).split())


def test_point_groups_take_point_ids_when_alone() -> None:
    points = [(chr(ord("a") + i), _words(10, f"p{i}w")) for i in range(6)]
    paragraph = para("AI_ACT Art 5(1)", "1.", "The following practices are prohibited:", points)
    tree = ActTree(
        act=ActCode.AI_ACT,
        version=date(2026, 7, 27),
        title="t",
        status=SourceStatus.CONSOLIDATED,
        children=[
            Provision(
                id="AI_ACT Art 5", kind=NodeKind.ARTICLE, label="Article 5", children=[paragraph]
            )
        ],
    )
    chunks = chunk_tree(tree, count_tokens, budget=110)
    ids = [c.id for c in chunks]
    assert len(chunks) > 1
    assert all(i == "AI_ACT Art 5(1)" or i.startswith("AI_ACT Art 5(1)(") for i in ids)
    assert all(count_tokens(c.embed_text) <= 110 for c in chunks)
    # the lead-in travels with each group, so a point-group still says what the list is
    assert all("prohibited" in c.text for c in chunks)


def test_selection_takes_consolidated_articles_and_original_recitals() -> None:
    selections = select_trees(small_corpus(), date(2026, 11, 25))
    picked = {(t.act.value, t.version.isoformat(), t.language): kinds for t, kinds in selections}
    assert picked[("AI_ACT", "2026-07-27", "en")] is None
    assert picked[("AI_ACT", "2024-07-12", "en")] == {NodeKind.RECITAL}
    # before the consolidation the original is the text in force, whole
    early = {
        (t.act.value, t.version.isoformat()): k
        for t, k in select_trees(small_corpus(), date(2025, 1, 1))
    }
    assert early[("AI_ACT", "2024-07-12")] is None and ("AI_ACT", "2026-07-27") not in early
    chunks = chunk_trees(selections, count_tokens)
    ai = [c for c in chunks if c.act == "AI_ACT"]
    assert {c.kind for c in ai if c.version == "2024-07-12"} == {"recital"}
    assert {c.kind for c in ai if c.version == "2026-07-27"} == {"article"}


def test_header_gives_context_and_fits_model_window() -> None:
    chunks = chunk_trees(
        select_trees([ai_act(date(2026, 7, 27), recitals=False)], date(2026, 11, 25)), count_tokens
    )
    for chunk in chunks:
        assert chunk.embed_text.startswith("AI Act | Article ")
        assert count_tokens(chunk.embed_text) <= 200
