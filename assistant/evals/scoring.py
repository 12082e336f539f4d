"""Score one report against one case's gold. Pure: no I/O, every dependency injected.

Metric definitions (all per case; ``None`` when the gold gives nothing to measure):

=========================  ======================================================================
actor_role_accuracy        mean over gold actors of Jaccard(gold roles, matched actor's roles);
                           an unmatched gold actor scores 0; two empty role sets score 1
actor_recall/precision     matched actors / gold actors, matched actors / reported actors
risk_label_accuracy        1 if ``ai_act_risk`` equals the gold label else 0
harm_jaccard               Jaccard of harm sets
regime_precision/recall/f1 regime x actor rows, see ``assistant.evals.regimes``
excluded_accuracy          gold ``excluded`` rows not presented as likely/possible
status_accuracy            gold rows whose exact public status was reported
unlisted_positive_rows     likely/possible findings for rows the gold does not list (count)
provision_recall/precision all cited IDs vs the gold rows' provisions, partial credit
row_provision_recall       per gold row, its provisions vs the provisions of the finding for it
hallucinated_citations     cited IDs (citations, finding provisions, IDs in the prose) that are
                           malformed or do not resolve (count); hallucination_rate = share
must_not_violations        rule-judged must_not items violated + AILD presented as law (count)
must_not_pass_rate         rule-judged must_not items not violated / rule-judged items
question_coverage          gold questions matched by a report question (embedding similarity)
=========================  ======================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.evals.cases import EvalCase
from assistant.evals.matching import DEFAULT_THRESHOLD, assign, best_match, normalise_name
from assistant.evals.must_not import aild_presented_as_law, check_must_not
from assistant.evals.prediction import Prediction, parse_prediction
from assistant.evals.provisions import count_hallucinations, score_provisions
from assistant.evals.questions import Similarity, question_coverage
from assistant.evals.regimes import score_regimes

__all__ = ["HIGHER_IS_BETTER", "METRICS", "CaseScore", "ScoringContext", "score_case"]

# Metric name -> True if higher is better. Order = order in tables and plots.
METRICS: dict[str, bool] = {
    "actor_role_accuracy": True,
    "actor_recall": True,
    "actor_precision": True,
    "risk_label_accuracy": True,
    "harm_jaccard": True,
    "regime_precision": True,
    "regime_recall": True,
    "regime_f1": True,
    "excluded_accuracy": True,
    "status_accuracy": True,
    "unlisted_positive_rows": False,
    "provision_recall": True,
    "provision_precision": True,
    "row_provision_recall": True,
    "hallucinated_citations": False,
    "hallucination_rate": False,
    "must_not_violations": False,
    "must_not_pass_rate": True,
    "question_coverage": True,
    "key_point_coverage": True,
    "judge_must_not_pass_rate": True,
    "latency_s": False,
}
HIGHER_IS_BETTER = METRICS


@dataclass(frozen=True)
class ScoringContext:
    """What the scorer needs besides the case and the report."""

    resolves: Callable[[str], bool]
    similarity: Similarity | None = None
    question_threshold: float | None = None
    actor_threshold: float = DEFAULT_THRESHOLD


@dataclass
class CaseScore:
    """Metrics (flat, JSON-friendly) and the details behind them."""

    metrics: dict[str, float | None] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)


def _jaccard(a: set[Any] | frozenset[Any], b: set[Any] | frozenset[Any]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _actor_mapper(
    case: EvalCase, pred: Prediction, assignment: dict[int, int], threshold: float
) -> Callable[[str], str | None]:
    gold_names = [a.name for a in case.gold.actors]
    gold_forms = [a.forms() for a in case.gold.actors]
    by_pred_name = {
        normalise_name(pred.actors[pi].name): gold_names[gi] for gi, pi in assignment.items()
    }

    def actor_of(name: str) -> str | None:
        hit = by_pred_name.get(normalise_name(name))
        if hit is not None:
            return hit
        idx = best_match(name, gold_forms, threshold)
        return None if idx is None else gold_names[idx]

    return actor_of


def score_case(case: EvalCase, report: Mapping[str, Any], ctx: ScoringContext) -> CaseScore:
    """All automatic metrics for one case (the LLM judge adds its own separately)."""
    pred = parse_prediction(report)
    gold = case.gold
    m: dict[str, float | None] = {}
    d: dict[str, Any] = {"report_problems": list(pred.problems)}
    reported_as_of = str(report.get("as_of") or "")
    if reported_as_of and reported_as_of[:10] != case.analysis_date().isoformat():
        # The pipeline must analyse as of the case's date; a mismatch voids dated answers.
        d["report_problems"].append(
            f"report as_of {reported_as_of[:10]} differs from the case's {case.analysis_date()}"
        )

    # -- actors and roles
    gold_names = [a.name for a in gold.actors]
    assignment = assign(
        [a.forms() for a in gold.actors], [a.name for a in pred.actors], ctx.actor_threshold
    )
    role_scores = []
    actor_rows = []
    for gi, actor in enumerate(gold.actors):
        pi = assignment.get(gi)
        roles = set(pred.actors[pi].roles) if pi is not None else set()
        score = _jaccard(set(actor.roles), roles) if pi is not None else 0.0
        role_scores.append(score)
        actor_rows.append(
            {
                "gold": actor.name,
                "matched": pred.actors[pi].name if pi is not None else None,
                "gold_roles": sorted(r.value for r in actor.roles),
                "roles": sorted(r.value for r in roles),
                "jaccard": score,
            }
        )
    m["actor_role_accuracy"] = sum(role_scores) / len(role_scores) if role_scores else None
    m["actor_recall"] = len(assignment) / len(gold_names) if gold_names else None
    m["actor_precision"] = len(assignment) / len(pred.actors) if pred.actors else None
    d["actors"] = actor_rows
    d["unmatched_reported_actors"] = [
        a.name for i, a in enumerate(pred.actors) if i not in set(assignment.values())
    ]
    actor_of = _actor_mapper(case, pred, assignment, ctx.actor_threshold)

    # -- risk label and harms
    if gold.ai_act_risk is not None:
        m["risk_label_accuracy"] = float(pred.ai_act_risk == gold.ai_act_risk.value)
    else:
        m["risk_label_accuracy"] = None
    d["risk"] = {"gold": gold.ai_act_risk, "reported": pred.ai_act_risk}
    gold_harms = {h.value for h in gold.harms}
    m["harm_jaccard"] = _jaccard(gold_harms, set(pred.harms)) if gold_harms else None

    # -- regimes
    reg = score_regimes(gold.regimes, pred.findings, actor_of)
    m["regime_precision"] = reg.precision
    m["regime_recall"] = reg.recall
    m["regime_f1"] = reg.f1
    m["excluded_accuracy"] = reg.excluded_accuracy
    m["status_accuracy"] = reg.status_accuracy
    m["unlisted_positive_rows"] = float(len(reg.unlisted_positive)) if gold.regimes else None
    m["row_provision_recall"] = reg.row_provision_recall
    d["regime_counts"] = {"tp": reg.tp, "fp": reg.fp, "fn": reg.fn}
    d["regime_rows"] = [o.__dict__ for o in reg.outcomes]
    d["unlisted_positive_rows"] = [f"{r}/{a}" for r, a in reg.unlisted_positive]

    # -- provisions and citations
    gold_provisions = [p for row in gold.regimes for p in row.provisions]
    cited = pred.all_cited_ids()
    prov = score_provisions(cited, gold_provisions)
    m["provision_recall"] = prov.recall
    m["provision_precision"] = prov.precision
    d["provisions_missed"] = list(prov.missed)
    d["provisions_unsupported"] = list(prov.unsupported)
    hall = count_hallucinations(cited, ctx.resolves)
    m["hallucinated_citations"] = float(hall.count)
    m["hallucination_rate"] = hall.rate
    d["hallucinated"] = list(hall.hallucinated)
    d["cited"] = cited

    # -- must_not (rules), plus the global AILD check (LEGAL_RULES.md G1)
    checks = check_must_not(gold.must_not, pred, gold_names, actor_of)
    judged = [c for c in checks if c.violated is not None]
    violations = sum(1 for c in judged if c.violated)
    aild = aild_presented_as_law(pred)
    if aild and not any(c.rule == "aild_as_law" for c in judged):
        violations += 1
    m["must_not_violations"] = float(violations)
    m["must_not_pass_rate"] = (
        sum(1 for c in judged if not c.violated) / len(judged) if judged else None
    )
    d["must_not"] = [c.__dict__ for c in checks]
    d["aild_as_law"] = aild

    # -- questions
    if gold.questions and ctx.similarity is not None and ctx.question_threshold is not None:
        cov = question_coverage(
            gold.questions, pred.questions, ctx.similarity, ctx.question_threshold
        )
        m["question_coverage"] = cov.coverage
        d["questions"] = [
            {"gold": q, "best": b, "covered": c, "match": mt}
            for q, b, c, mt in zip(
                gold.questions, cov.best, cov.covered, cov.best_match, strict=True
            )
        ]
    else:
        m["question_coverage"] = None
    return CaseScore(m, d)
