"""Retrieval metrics at article and paragraph level."""

from __future__ import annotations

import pytest

from assistant.index.metrics import aggregate, hit_at_k, mrr_at_k, rank_list, recall_at_k


def test_article_level_collapses_paragraphs_and_versions() -> None:
    ranked = [
        "PLD_2024 Art 8(1)",
        "PLD_2024 Art 8(2)",
        "AI_ACT@2024-07-12 Recital 97",
        "GDPR Art 82(4)",
    ]
    assert rank_list(ranked) == ["PLD_2024 Art 8", "AI_ACT Recital 97", "GDPR Art 82"]
    assert recall_at_k(ranked, ["GDPR Art 82(1)"], 3) == 1.0
    assert recall_at_k(ranked, ["GDPR Art 82(1)"], 2) == 0.0
    assert mrr_at_k(ranked, ["AI_ACT Recital 97"], 10) == pytest.approx(0.5)


def test_recall_counts_share_of_gold() -> None:
    ranked = ["CRA Art 13(8)", "NIS2 Art 21(2)"]
    gold = ["CRA Art 13(8)", "PLD_2024 Art 11(2)(c)"]
    assert recall_at_k(ranked, gold, 5) == 0.5
    assert hit_at_k(ranked, gold, 5) == 1.0


def test_paragraph_level_containment() -> None:
    gold = ["PLD_2024 Art 8(1)(c)"]
    assert recall_at_k(["PLD_2024 Art 8(1)"], gold, 5, "paragraph") == 1.0  # group holds it
    assert recall_at_k(["PLD_2024 Art 8(1)(c)(ii)"], gold, 5, "paragraph") == 1.0
    assert recall_at_k(["PLD_2024 Art 8(2)"], gold, 5, "paragraph") == 0.0
    assert recall_at_k(["PLD_2024 Art 8"], gold, 5, "paragraph") == 0.0  # whole article: too vague
    assert recall_at_k(["AI_ACT Art 26(1)"], ["AI_ACT Art 26"], 5, "paragraph") == 1.0


def test_aggregate() -> None:
    runs = [(["GDPR Art 82(1)"], ["GDPR Art 82(1)"]), (["CRA Art 14"], ["NIS2 Art 23"])]
    out = aggregate(runs)
    assert out["recall@5"] == 0.5 and out["mrr@10"] == 0.5 and out["n"] == 2
