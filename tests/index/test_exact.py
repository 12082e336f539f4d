"""Exact vector search: same order as a brute-force sort, deterministic ties, save/load."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.index.exact import ExactVectors


def _brute(matrix: np.ndarray, keys: list[str], vector: np.ndarray) -> list[str]:
    unit = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
    scores = unit @ (vector / np.linalg.norm(vector))
    return [keys[i] for i in sorted(range(len(keys)), key=lambda i: (-scores[i], keys[i]))]


def test_ranking_matches_brute_force_at_every_depth() -> None:
    rng = np.random.default_rng(7)
    matrix = rng.normal(size=(500, 32)).astype(np.float32)
    keys = [f"chunk-{i:03d}" for i in range(500)]
    exact = ExactVectors(keys, matrix)
    for _ in range(5):
        query = rng.normal(size=32)
        truth = _brute(matrix, keys, query)
        assert [k for k, _ in exact.ranking(query)] == truth
        for n in (1, 10, 137):
            assert [k for k, _ in exact.ranking(query, n)] == truth[:n]
        scores = [s for _, s in exact.ranking(query, 20)]
        assert scores == sorted(scores, reverse=True) and -1.0 <= scores[-1] <= scores[0] <= 1.0


def test_ties_are_broken_by_key_whatever_the_insertion_order() -> None:
    vec = np.ones((1, 4), dtype=np.float32)
    a = ExactVectors(["b", "a", "c"], np.repeat(vec, 3, axis=0))
    b = ExactVectors(["c", "b", "a"], np.repeat(vec, 3, axis=0))
    assert (
        [k for k, _ in a.ranking(vec[0], 2)] == [k for k, _ in b.ranking(vec[0], 2)] == ["a", "b"]
    )


def test_save_load_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    exact = ExactVectors(["x", "y", "z"], rng.normal(size=(3, 8)))
    exact.save(tmp_path)
    again = ExactVectors.load(tmp_path)
    assert again is not None and again.keys == exact.keys
    query = rng.normal(size=8)
    assert again.ranking(query) == exact.ranking(query)
    assert ExactVectors.load(tmp_path / "missing") is None


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="2 keys for 3 vectors"):
        ExactVectors(["a", "b"], np.zeros((3, 4)))
    assert ExactVectors([], np.zeros((0, 4))).ranking(np.ones(4)) == []
    assert ExactVectors(["a"], np.zeros((1, 4))).ranking(np.ones(4), 0) == []
