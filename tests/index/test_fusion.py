"""Fusion and the legal ranking policy."""

from __future__ import annotations

from assistant.index.fusion import Candidate, RankingPolicy, apply_policy, diversify, rrf


def test_rrf_rewards_agreement() -> None:
    scores = rrf([(["a", "b", "c"], 1.0), (["b", "a", "d"], 1.0)], k=60)
    assert max(scores, key=lambda key: scores[key]) in {"a", "b"}
    assert scores["a"] == scores["b"] > scores["c"] == scores["d"]


def _info(key: str) -> Candidate:
    table = {
        "art": Candidate("art", "PLD_2024", "article", "in_force", "PLD_2024 Art 10"),
        "rec": Candidate("rec", "PLD_2024", "recital", "in_force", "PLD_2024 Recital 1"),
        "aild": Candidate(
            "aild", "AILD_PROPOSAL", "article", "withdrawn_proposal", "AILD_PROPOSAL Art 4"
        ),
    }
    return table[key]


def test_recitals_and_withdrawn_proposal_rank_below_operative_law() -> None:
    # equal relevance: operative law must come first
    fused = {"rec": 1.0, "aild": 1.0, "art": 1.0}
    out = apply_policy(fused, _info, RankingPolicy())
    assert sorted(out, key=lambda k: -out[k])[0] == "art"
    # even a clearly better-matching withdrawn proposal stays below an article of similar rank
    out = apply_policy({"aild": 1.5, "art": 1.0}, _info, RankingPolicy())
    assert out["art"] > out["aild"]


def test_named_act_boost() -> None:
    out = apply_policy(
        {"art": 1.0, "aild": 1.0}, _info, RankingPolicy(), named_acts=["AILD_PROPOSAL"]
    )
    assert out["aild"] > out["art"]


def test_diversify_caps_chunks_per_article_but_loses_nothing() -> None:
    ranked = ["a1", "a2", "a3", "b1", "a4", "c1"]
    out = diversify(ranked, lambda key: key[0], per_group=2, k=4)
    assert out == ["a1", "a2", "b1", "c1"]
    assert diversify(["a1", "a2", "a3"], lambda key: key[0], per_group=1, k=3) == ["a1", "a2", "a3"]
