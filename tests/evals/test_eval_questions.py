"""Question coverage threshold calibration (synthetic similarity and the real embedder)."""

from __future__ import annotations

import pytest
from evalkit import word_overlap

from assistant.evals.questions import (
    LabelledPair,
    calibrate_threshold,
    embedding_similarity,
    load_question_pairs,
    question_coverage,
)


def test_calibration_finds_a_separating_threshold() -> None:
    scores = {"p1": 0.9, "p2": 0.8, "p3": 0.7, "n1": 0.4, "n2": 0.3, "n3": 0.65}
    pairs = [LabelledPair(k, k, k.startswith("p")) for k in scores]

    def sim(a: list[str], b: list[str]) -> list[list[float]]:
        return [[scores[x] for _ in b] for x in a]

    cal = calibrate_threshold(pairs, sim)
    assert 0.65 < cal.threshold <= 0.7
    assert cal.accuracy == 1.0
    assert (cal.false_accepts, cal.false_rejects) == (0, 0)


def test_calibration_reports_errors_when_classes_overlap() -> None:
    pairs = load_question_pairs()
    cal = calibrate_threshold(pairs, word_overlap)
    assert cal.n_pairs == len(pairs) >= 40
    assert cal.n_paraphrase >= 20
    assert cal.false_accepts + cal.false_rejects == round((1 - cal.accuracy) * cal.n_pairs)


def test_coverage_uses_best_match() -> None:
    cov = question_coverage(
        ["When was it sold?", "Who was hurt?"], ["when was it sold", "other"], word_overlap, 0.5
    )
    assert cov.covered == (True, False)
    assert cov.coverage == 0.5
    assert question_coverage([], ["x"], word_overlap, 0.5).coverage is None


@pytest.mark.slow  # loads sentence-transformers + MiniLM (5-35 s on a busy 2-core machine)
def test_real_embedder_separates_the_labelled_pairs() -> None:
    """MiniLM must tell paraphrases from same-topic different questions reasonably well."""
    try:
        sim = embedding_similarity()
        cal = calibrate_threshold(load_question_pairs(), sim)
    except Exception as exc:  # the embedder wheel is part of the runtime; say why if absent
        pytest.fail(f"embedder unavailable: {exc}")
    assert cal.accuracy >= 0.8, cal
    assert 0.3 < cal.threshold < 0.95
