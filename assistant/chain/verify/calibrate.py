"""Calibrate the support threshold on labelled sentence–citation pairs (precision/recall sweep).

"Positive" = the citation supports the sentence. Precision: of the pairs the checker accepts,
the share that really are supported (1 - precision = unsupported citations that slip through).
Recall: of the supported pairs, the share accepted (a miss flags a good sentence and lowers
coverage). The chosen threshold maximises recall among thresholds with precision >= the target,
else the F1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel

__all__ = ["LabelledPair", "ThresholdPoint", "choose_threshold", "load_pairs", "sweep"]


class LabelledPair(BaseModel):
    """A sentence, a cited ID, and whether the provision supports the sentence."""

    s: str
    c: str
    y: bool


@dataclass(frozen=True)
class ThresholdPoint:
    """Precision/recall/F1 of accepting scores >= ``threshold``."""

    threshold: float
    precision: float
    recall: float
    f1: float
    accuracy: float


def load_pairs(path: Path) -> list[LabelledPair]:
    """The labelled pairs of a YAML file (``pairs: [{s, c, y}]``)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [LabelledPair.model_validate(item) for item in data.get("pairs", [])]


def sweep(scores: Sequence[float], labels: Sequence[bool]) -> list[ThresholdPoint]:
    """One point per distinct score (accept when score >= threshold)."""
    points: list[ThresholdPoint] = []
    total_pos = sum(labels)
    for t in sorted(set(scores)):
        tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= t and y)
        fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= t and not y)
        tn = sum(1 for s, y in zip(scores, labels, strict=True) if s < t and not y)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / total_pos if total_pos else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        points.append(ThresholdPoint(round(t, 4), precision, recall, f1, (tp + tn) / len(labels)))
    return points


def choose_threshold(
    points: Sequence[ThresholdPoint], min_precision: float = 0.9
) -> ThresholdPoint:
    """Highest recall with precision >= ``min_precision`` (ties: lower threshold), else best F1."""
    good = [p for p in points if p.precision >= min_precision]
    if good:
        return max(good, key=lambda p: (p.recall, -p.threshold))
    return max(points, key=lambda p: p.f1)
