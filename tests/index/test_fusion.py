"""Fusion and the legal ranking policy."""

from __future__ import annotations

from assistant.index.fusion import (
    Candidate,
    RankingPolicy,
    apply_policy,
    diversify,
    reserve_slots,
    rrf,
)


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


def test_reserve_slots_gives_each_spanned_act_its_best_articles() -> None:
    # one act (p) fills the global ranking; the other act's pool (g) is ranked on its own
    ranked = ["p1", "p2", "p3", "p4", "p5", "g9"]
    pools = [["p1", "p2", "p3"], ["g7", "g9", "g8"]]
    out = reserve_slots(ranked, pools, lambda key: key, slots=5, quota=2)
    head = out[:5]
    assert {"g7", "g9"} <= set(head) and {"p1", "p2"} <= set(head)
    # the head keeps the global order; a pick the global ranking lacks goes last
    assert head == ["p1", "p2", "p3", "g9", "g7"]
    assert sorted(out) == sorted({*ranked, "g7"})  # nothing lost, nothing doubled


def test_reserve_slots_counts_articles_not_chunks() -> None:
    group = lambda key: key.split("#")[0]  # noqa: E731
    ranked = ["a#1", "a#2", "b#1", "c#1"]
    out = reserve_slots(ranked, [["a#1", "a#2"], ["c#1"]], group, slots=2, quota=1)
    assert [group(k) for k in out[:2]] == ["a", "c"]
    assert set(out) == set(ranked)


def test_reserve_slots_with_empty_pool_falls_back_to_the_ranking() -> None:
    ranked = ["a", "b", "c"]
    assert reserve_slots(ranked, [[], []], lambda key: key, slots=2, quota=1) == ranked
