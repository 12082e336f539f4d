"""Regime x actor scoring (VOCABULARY.md §Statuses, "Scoring").

* Gold rows with status ``likely``/``possible`` are positives: a prediction of ``likely`` or
  ``possible`` for the same (regime, actor) is a true positive, anything else (missing,
  ``unlikely``, ``excluded``) a false negative.
* Gold ``excluded`` rows are checked for not being presented as available: a predicted
  ``likely``/``possible`` is a false positive; anything else counts as correct for the
  excluded-row accuracy.
* Gold ``unlikely`` rows are neutral unless predicted ``likely`` (then a false positive).
* Predicted positive rows the gold does not list are not judged; they are counted separately
  (``unlisted_positive_rows``) so a maintainer can see over-reporting.

When the report has several findings for one (regime, actor) the strongest status counts: that
is what the user would read as the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from assistant.evals.cases import GoldRegimeRow
from assistant.evals.prediction import PredictedFinding
from assistant.evals.provisions import score_provisions

__all__ = ["POSITIVE", "RegimeResult", "RowOutcome", "score_regimes"]

POSITIVE = frozenset({"likely", "possible"})
_STRENGTH = {"likely": 3, "possible": 2, "unlikely": 1, "excluded": 0}


@dataclass(frozen=True)
class RowOutcome:
    """How one gold row was answered."""

    regime: str
    actor: str
    gold: str
    predicted: str | None
    verdict: str  # tp | fn | fp_excluded | fp_unlikely | excluded_ok | neutral


@dataclass
class RegimeResult:
    """Counts and rates for one case; rates are None when undefined."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    excluded_total: int = 0
    excluded_ok: int = 0
    status_exact: int = 0
    rows: int = 0
    unlisted_positive: list[tuple[str, str]] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    row_provision_recalls: list[float] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        """TP / (TP + FP) over judged rows."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """TP / (TP + FN) over gold positives."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean; 0 when there were positives or FPs but no TP, None if nothing judged."""
        if self.tp + self.fp + self.fn == 0:
            return None
        if self.tp == 0:
            return 0.0
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r)

    @property
    def excluded_accuracy(self) -> float | None:
        """Share of gold ``excluded`` rows not presented as available."""
        return self.excluded_ok / self.excluded_total if self.excluded_total else None

    @property
    def status_accuracy(self) -> float | None:
        """Share of gold rows whose exact public status was predicted."""
        return self.status_exact / self.rows if self.rows else None

    @property
    def row_provision_recall(self) -> float | None:
        """Mean provision recall of the finding answering each gold row that lists provisions."""
        vals = self.row_provision_recalls
        return sum(vals) / len(vals) if vals else None


def _key(regime: str) -> str:
    return regime.strip().upper()


def score_regimes(
    gold_rows: Sequence[GoldRegimeRow],
    findings: Sequence[PredictedFinding],
    actor_of: Callable[[str], str | None],
) -> RegimeResult:
    """Score findings against gold rows. ``actor_of`` maps a finding's actor name to a gold
    actor name (or None when it matches no gold actor)."""
    predicted: dict[tuple[str, str], str] = {}
    provisions: dict[tuple[str, str], list[str]] = {}
    for f in findings:
        gold_actor = actor_of(f.actor) if f.actor else None
        key = (_key(f.regime), gold_actor if gold_actor is not None else f"?{f.actor}")
        status = f.status
        if status not in _STRENGTH:
            continue
        if key not in predicted or _STRENGTH[status] > _STRENGTH[predicted[key]]:
            predicted[key] = status
        provisions.setdefault(key, []).extend(f.provisions)

    result = RegimeResult()
    gold_keys: set[tuple[str, str]] = set()
    for row in gold_rows:
        key = (row.regime.value, row.actor)
        gold_keys.add(key)
        pred = predicted.get(key)
        gold = row.status.value
        result.rows += 1
        result.status_exact += int(pred == gold)
        if gold in POSITIVE:
            verdict = "tp" if pred in POSITIVE else "fn"
            if verdict == "tp":
                result.tp += 1
            else:
                result.fn += 1
        elif gold == "excluded":
            result.excluded_total += 1
            if pred in POSITIVE:
                result.fp += 1
                verdict = "fp_excluded"
            else:
                result.excluded_ok += 1
                verdict = "excluded_ok"
        else:  # unlikely
            if pred == "likely":
                result.fp += 1
                verdict = "fp_unlikely"
            else:
                verdict = "neutral"
        result.outcomes.append(RowOutcome(row.regime.value, row.actor, gold, pred, verdict))
        if row.provisions:
            cited = provisions.get(key, [])
            recall = score_provisions(cited, row.provisions).recall
            result.row_provision_recalls.append(recall or 0.0)
    result.unlisted_positive = sorted(
        k for k, status in predicted.items() if status in POSITIVE and k not in gold_keys
    )
    return result
