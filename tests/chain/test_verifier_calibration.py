"""The support check against the labelled sentence–citation pairs (calibration holds).

The thresholds in ``assistant.chain.verify.support`` were chosen on support_pairs.yaml; the
held-out pairs were written afterwards. These tests fail if a change to the scorer, the corpus
or the thresholds makes the check let through unsupported citations or reject supported ones.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.chain.verify.calibrate import LabelledPair, choose_threshold, load_pairs, sweep
from assistant.chain.verify.support import SupportChecker
from assistant.corpus import Corpus
from tests.chain.chainkit import DATA, full_corpus

DAY = date(2027, 6, 1)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, corpus_sources: Path) -> Corpus:
    return full_corpus(tmp_path_factory.mktemp("calibration-data"), corpus_sources)


def precision_recall(checker: SupportChecker, pairs: list[LabelledPair]) -> tuple[float, float]:
    accepted = [checker.supports(p.s, p.c) for p in pairs]
    tp = sum(a and p.y for a, p in zip(accepted, pairs, strict=True))
    fp = sum(a and not p.y for a, p in zip(accepted, pairs, strict=True))
    return tp / max(tp + fp, 1), tp / max(sum(p.y for p in pairs), 1)


def test_labelled_pairs_are_balanced_and_resolve(corpus: Corpus) -> None:
    for name in ("support_pairs.yaml", "support_pairs_heldout.yaml"):
        pairs = load_pairs(DATA / name)
        assert 0.4 <= sum(p.y for p in pairs) / len(pairs) <= 0.6
        for p in pairs:
            assert corpus.resolves(p.c, DAY), p.c


def test_lexical_check_calibration(corpus: Corpus) -> None:
    checker = SupportChecker(corpus, DAY)
    p_in, r_in = precision_recall(checker, load_pairs(DATA / "support_pairs.yaml"))
    p_out, r_out = precision_recall(checker, load_pairs(DATA / "support_pairs_heldout.yaml"))
    assert p_in >= 0.9 and r_in >= 0.85, (p_in, r_in)
    assert p_out >= 0.85 and r_out >= 0.8, (p_out, r_out)


@pytest.mark.slow
def test_embedding_check_calibration(corpus: Corpus) -> None:
    from assistant.index.embedder import get_embedder

    checker = SupportChecker(corpus, DAY, embed=get_embedder().embed)
    train = load_pairs(DATA / "support_pairs.yaml")
    p_in, r_in = precision_recall(checker, train)
    p_out, r_out = precision_recall(checker, load_pairs(DATA / "support_pairs_heldout.yaml"))
    assert p_in >= 0.9 and r_in >= 0.9, (p_in, r_in)
    assert p_out >= 0.85 and r_out >= 0.9, (p_out, r_out)
    # The threshold in use is where the sweep puts it (within a small margin).
    points = sweep([checker.score(p.s, p.c).score for p in train], [p.y for p in train])
    assert abs(choose_threshold(points, 0.9).threshold - checker.threshold) <= 0.05


def test_sweep_and_choice_on_a_toy_set() -> None:
    points = sweep([0.9, 0.8, 0.3, 0.2], [True, True, False, False])
    best = choose_threshold(points, 0.9)
    assert best.precision == 1.0 and best.recall == 1.0 and 0.3 < best.threshold <= 0.8
