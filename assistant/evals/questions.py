"""Question coverage: does the report ask what the gold says should be asked?

A gold question counts as covered when some report question has cosine similarity at or above a
threshold under the sentence embedder (all-MiniLM-L6-v2). The threshold is calibrated on a small
labelled set of paraphrase / non-paraphrase question pairs written for this project
(``assistant/evals/data/question_pairs.yaml``): the cut that best separates the two classes
(maximum accuracy, midpoint of the widest best interval). Calibration takes well under a second
once the model is loaded and is redone on every run, so the report always states the threshold
it used and how well it separated the pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

__all__ = [
    "Calibration",
    "LabelledPair",
    "QuestionCoverage",
    "Similarity",
    "calibrate_threshold",
    "embedding_similarity",
    "load_question_pairs",
    "question_coverage",
]

Similarity = Callable[[Sequence[str], Sequence[str]], list[list[float]]]
"""``sim(a, b)[i][j]`` is the similarity of ``a[i]`` and ``b[j]`` (cosine, -1..1)."""


@dataclass(frozen=True)
class LabelledPair:
    """Two questions and whether they ask the same thing."""

    a: str
    b: str
    paraphrase: bool


@dataclass(frozen=True)
class Calibration:
    """The chosen threshold and how well it separates the labelled pairs."""

    threshold: float
    accuracy: float
    n_pairs: int
    n_paraphrase: int
    false_accepts: int
    false_rejects: int


@dataclass(frozen=True)
class QuestionCoverage:
    """Per gold question: best similarity and whether it is covered."""

    best: tuple[float, ...]
    covered: tuple[bool, ...]
    best_match: tuple[str | None, ...]

    @property
    def coverage(self) -> float | None:
        """Share of gold questions covered; None when the gold lists none."""
        return sum(self.covered) / len(self.covered) if self.covered else None


def embedding_similarity(model: Any | None = None) -> Similarity:
    """Cosine similarity with the packaged sentence-transformer (loaded lazily, once)."""
    holder: dict[str, Any] = {"model": model}

    def sim(a: Sequence[str], b: Sequence[str]) -> list[list[float]]:
        if not a or not b:
            return [[] for _ in a]
        if holder["model"] is None:
            from assistant.models import load_sentence_transformer

            holder["model"] = load_sentence_transformer()
        m = holder["model"]
        ea = m.encode(list(a), normalize_embeddings=True, convert_to_numpy=True)
        eb = m.encode(list(b), normalize_embeddings=True, convert_to_numpy=True)
        return [[float(x) for x in row] for row in (ea @ eb.T)]

    return sim


def question_coverage(
    gold: Sequence[str], asked: Sequence[str], sim: Similarity, threshold: float
) -> QuestionCoverage:
    """Coverage of gold questions by the report's questions."""
    if not gold:
        return QuestionCoverage((), (), ())
    if not asked:
        return QuestionCoverage(
            tuple(0.0 for _ in gold), tuple(False for _ in gold), (None,) * len(gold)
        )
    matrix = sim(gold, asked)
    best: list[float] = []
    match: list[str | None] = []
    for row in matrix:
        j = max(range(len(row)), key=row.__getitem__)
        best.append(row[j])
        match.append(asked[j])
    return QuestionCoverage(tuple(best), tuple(b >= threshold for b in best), tuple(match))


def load_question_pairs() -> list[LabelledPair]:
    """The labelled calibration pairs shipped with the package."""
    text = (
        resources.files("assistant.evals").joinpath("data/question_pairs.yaml").read_text("utf-8")
    )
    data = yaml.safe_load(text)
    return [LabelledPair(p["a"], p["b"], bool(p["paraphrase"])) for p in data["pairs"]]


def calibrate_threshold(pairs: Sequence[LabelledPair], sim: Similarity) -> Calibration:
    """Threshold with the best accuracy on ``pairs`` (ties: the widest gap's midpoint)."""
    if not pairs:
        raise ValueError("no labelled pairs to calibrate on")
    scores = [sim([p.a], [p.b])[0][0] for p in pairs]
    labelled = sorted(zip(scores, (p.paraphrase for p in pairs), strict=True))
    values = [s for s, _ in labelled]
    candidates = (
        [values[0] - 1e-6]
        + [(values[i] + values[i + 1]) / 2 for i in range(len(values) - 1)]
        + [values[-1] + 1e-6]
    )
    gaps = [0.0] + [values[i + 1] - values[i] for i in range(len(values) - 1)] + [0.0]

    def errors(t: float) -> tuple[int, int]:
        fa = sum(1 for s, lab in labelled if s >= t and not lab)
        fr = sum(1 for s, lab in labelled if s < t and lab)
        return fa, fr

    best_t, best_key = candidates[0], (-1, -1.0)
    for t, gap in zip(candidates, gaps, strict=True):
        fa, fr = errors(t)
        key = (len(labelled) - fa - fr, gap)
        if key > best_key:
            best_t, best_key = t, key
    fa, fr = errors(best_t)
    return Calibration(
        threshold=round(best_t, 4),
        accuracy=(len(labelled) - fa - fr) / len(labelled),
        n_pairs=len(labelled),
        n_paraphrase=sum(1 for _, lab in labelled if lab),
        false_accepts=fa,
        false_rejects=fr,
    )
