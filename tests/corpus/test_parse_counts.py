"""Exact structure counts of every source as published (SOURCES.md), from both formats."""

from __future__ import annotations

import pytest

from assistant.corpus.tree import ActTree, NodeKind

# (manifest key, articles, recitals, annexes): counts printed in the Official Journal.
EXPECTED = [
    ("AI_ACT@2024-07-12", 113, 180, 13),
    ("AI_ACT@2026-07-27", 119, 0, 14),
    ("AI_ACT@2026-07-27.fr", 119, 0, 14),
    ("AI_OMNIBUS_2026@2026-07-24", 4, 47, 0),
    ("PLD_2024@2024-11-18", 24, 64, 1),
    ("PLD_1985@1985-08-07", 22, 19, 0),
    ("AILD_PROPOSAL@2022-09-28", 9, 33, 0),
    ("GDPR@2016-05-04", 99, 173, 0),
    ("GDPR@2016-05-04.fr", 99, 173, 0),
    ("CRA@2024-11-20", 71, 130, 8),
    ("NIS2@2022-12-27", 46, 144, 3),
    ("DCD_2019@2019-05-22", 27, 87, 0),
]


@pytest.mark.parametrize(("key", "articles", "recitals", "annexes"), EXPECTED)
def test_counts_match_the_official_journal(
    mirror_trees: dict[tuple[str, str], ActTree],
    key: str,
    articles: int,
    recitals: int,
    annexes: int,
) -> None:
    trees = [tree for (k, _), tree in mirror_trees.items() if k == key]
    assert trees, f"no mirror file parsed for {key}"
    for tree in trees:
        got = (
            tree.count(NodeKind.ARTICLE),
            tree.count(NodeKind.RECITAL),
            tree.count(NodeKind.ANNEX),
        )
        assert got == (articles, recitals, annexes), key


def test_articles_are_numbered_in_sequence(mirror_trees: dict[tuple[str, str], ActTree]) -> None:
    tree = mirror_trees[("AI_ACT@2026-07-27", "official")]
    numbers = [n.label.split()[1] for n in tree.walk() if n.kind is NodeKind.ARTICLE]
    inserted = [n for n in numbers if not n.isdigit()]
    assert inserted == ["4a", "60a", "75a", "75b", "75c", "75d"]
    assert [int(n) for n in numbers if n.isdigit()] == list(range(1, 114))


def test_every_article_has_text_and_a_title(mirror_trees: dict[tuple[str, str], ActTree]) -> None:
    for (key, _), tree in mirror_trees.items():
        if key.startswith(("PLD_1985", "MOZILLA")):
            continue  # the 1985 directive has no article titles
        for art in (n for n in tree.walk() if n.kind is NodeKind.ARTICLE):
            assert art.heading, f"{key} {art.id} has no title"
            assert art.full_text().strip(), f"{key} {art.id} has no text"


def test_citable_ids_are_unique_and_follow_the_grammar(
    mirror_trees: dict[tuple[str, str], ActTree],
) -> None:
    from assistant.vocabulary import ProvisionId

    for (key, _), tree in mirror_trees.items():
        ids = [n.id for n in tree.citable()]
        assert len(ids) == len(set(ids)), key
        bad = [i for i in ids if i is None or not ProvisionId.is_valid(i)]
        assert not bad, (key, bad[:5])


def test_ids_carry_the_act_code_and_anchored_urls(
    mirror_trees: dict[tuple[str, str], ActTree],
) -> None:
    tree = mirror_trees[("PLD_2024@2024-11-18", "markdown")]
    node = tree.index()["PLD_2024 Art 10(2)(b)"]
    assert node.url is not None and node.url.endswith("#art_10")
    assert node.heading_path[-1].startswith("2.")
    assert any(p.startswith("Article 10") for p in node.heading_path)
    recital = tree.index()["PLD_2024 Recital 13"]
    assert recital.url is not None and recital.url.endswith("#rct_13")


def test_footnotes_do_not_leak_into_pdf_derived_text(
    mirror_trees: dict[tuple[str, str], ActTree],
) -> None:
    pld = mirror_trees[("PLD_2024@2024-11-18", "markdown")].index()
    assert "OJ L 123" not in pld["PLD_2024 Art 2(4)(a)"].full_text()
    assert "Data Governance Act" not in pld["PLD_2024 Art 4(10)"].full_text()
    aild = mirror_trees[("AILD_PROPOSAL@2022-09-28", "markdown")].index()
    assert "OJ C 369" not in aild["AILD_PROPOSAL Art 1(1)(b)"].full_text()


def test_amending_act_quotes_stay_text(mirror_trees: dict[tuple[str, str], ActTree]) -> None:
    """The Omnibus quotes whole AI Act articles; they must not become its own structure."""
    for kind in ("official", "markdown"):
        index = mirror_trees[("AI_OMNIBUS_2026@2026-07-24", kind)].index()
        art1 = index["AI_OMNIBUS_2026 Art 1"]
        labels = [c.label for c in art1.children]
        assert labels == [f"({n})" for n in range(1, 44)]  # 43 amending points
        assert [c.label for c in index["AI_OMNIBUS_2026 Art 2"].children] == [
            f"({n})" for n in range(1, 8)
        ]
        replaced = index["AI_OMNIBUS_2026 Art 1(5)"].full_text()
        assert "Article 4 is replaced" in replaced and "AI literacy" in replaced
