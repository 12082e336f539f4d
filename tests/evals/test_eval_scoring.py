"""The scorer on hand-made outputs with known scores."""

from __future__ import annotations

import copy

import pytest
from evalkit import make_case, perfect_report, set_resolver, word_overlap

from assistant.evals.cases import EvalCase
from assistant.evals.scoring import ScoringContext, score_case


def ctx(threshold: float = 0.5) -> ScoringContext:
    return ScoringContext(
        resolves=set_resolver(), similarity=word_overlap, question_threshold=threshold
    )


def finding(report: dict, regime: str, actor: str) -> dict:
    return next(f for f in report["findings"] if f["regime"] == regime and f["actor"] == actor)


def test_perfect_output_scores_one_everywhere(case: EvalCase) -> None:
    m = score_case(case, perfect_report(case), ctx()).metrics
    for name in (
        "actor_role_accuracy",
        "actor_recall",
        "actor_precision",
        "risk_label_accuracy",
        "harm_jaccard",
        "regime_precision",
        "regime_recall",
        "regime_f1",
        "excluded_accuracy",
        "status_accuracy",
        "provision_recall",
        "provision_precision",
        "row_provision_recall",
        "must_not_pass_rate",
        "question_coverage",
    ):
        assert m[name] == 1.0, name
    assert m["hallucinated_citations"] == 0
    assert m["hallucination_rate"] == 0
    assert m["must_not_violations"] == 0
    assert m["unlisted_positive_rows"] == 0


def test_hallucinated_citation_is_counted(case: EvalCase) -> None:
    report = perfect_report(case)
    report["citations"].append("PLD_2024 Art 99(7)")  # grammar-valid, does not resolve
    report["analysis_markdown"] += " See also GDPR Art 999."  # cited only in the prose
    finding(report, "PLD_2024", "GreenBot GmbH")["provisions"].append("Article 8 PLD")  # malformed
    score = score_case(case, report, ctx())
    assert score.metrics["hallucinated_citations"] == 3
    assert set(score.details["hallucinated"]) == {
        "PLD_2024 Art 99(7)",
        "GDPR Art 999",
        "Article 8 PLD",
    }
    total = len(score.details["cited"])
    assert score.metrics["hallucination_rate"] == pytest.approx(3 / total)


def test_wrong_role_lowers_accuracy(case: EvalCase) -> None:
    report = perfect_report(case)
    report["actors"][0]["roles"] = ["developer"]  # gold: developer + provider -> Jaccard 1/2
    report["actors"][1]["roles"] = ["importer"]  # gold: distributor -> Jaccard 0
    m = score_case(case, report, ctx()).metrics
    assert m["actor_role_accuracy"] == pytest.approx((0.5 + 0.0 + 1.0) / 3)
    assert m["actor_recall"] == 1.0


def test_missing_actor_scores_zero_and_lowers_recall(case: EvalCase) -> None:
    report = perfect_report(case)
    report["actors"] = [a for a in report["actors"] if a["name"] != "the attacker"]
    m = score_case(case, report, ctx()).metrics
    assert m["actor_role_accuracy"] == pytest.approx(2 / 3)
    assert m["actor_recall"] == pytest.approx(2 / 3)
    assert m["actor_precision"] == 1.0


def test_excluded_regime_presented_as_available_is_false_positive(case: EvalCase) -> None:
    report = perfect_report(case)
    finding(report, "PLD_2024", "Garten-Center Müller KG")["status"] = "possible"
    score = score_case(case, report, ctx())
    m = score.metrics
    assert score.details["regime_counts"] == {"tp": 2, "fp": 1, "fn": 0}
    assert m["regime_precision"] == pytest.approx(2 / 3)
    assert m["regime_recall"] == 1.0
    assert m["regime_f1"] == pytest.approx(2 * (2 / 3) / (2 / 3 + 1))
    assert m["excluded_accuracy"] == 0.0
    # the must_not item about this row is judged by rule and violated
    assert m["must_not_violations"] == 1


def test_unlikely_row_is_neutral_unless_presented_as_likely(case: EvalCase) -> None:
    report = perfect_report(case)
    finding(report, "PLD_1985", "GreenBot GmbH")["status"] = "possible"
    assert score_case(case, report, ctx()).details["regime_counts"]["fp"] == 0
    finding(report, "PLD_1985", "GreenBot GmbH")["status"] = "likely"
    assert score_case(case, report, ctx()).details["regime_counts"]["fp"] == 1


def test_missing_positive_row_is_false_negative(case: EvalCase) -> None:
    report = perfect_report(case)
    report["findings"] = [f for f in report["findings"] if f["regime"] != "NATIONAL_FAULT"]
    m = score_case(case, report, ctx()).metrics
    assert m["regime_recall"] == 0.5
    assert m["regime_precision"] == 1.0
    assert m["row_provision_recall"] == pytest.approx(3 / 4)


def test_positive_row_reported_excluded_is_false_negative(case: EvalCase) -> None:
    report = perfect_report(case)
    finding(report, "PLD_2024", "GreenBot GmbH")["status"] = "excluded"
    m = score_case(case, report, ctx()).metrics
    assert m["regime_recall"] == 0.5
    assert m["status_accuracy"] == pytest.approx(3 / 4)


def test_unlisted_positive_rows_are_counted_not_judged(case: EvalCase) -> None:
    report = perfect_report(case)
    report["findings"].append(
        {"regime": "CONTRACT", "actor": "Garten-Center Müller KG", "status": "possible"}
    )
    m = score_case(case, report, ctx()).metrics
    assert m["unlisted_positive_rows"] == 1
    assert m["regime_precision"] == 1.0


def test_findings_matched_by_actor_name_similarity(case: EvalCase) -> None:
    report = perfect_report(case)
    for actor in report["actors"]:
        if actor["name"] == "GreenBot GmbH":
            actor["name"] = "Greenbot"
    for f in report["findings"]:
        if f["actor"] == "GreenBot GmbH":
            f["actor"] = "GreenBot (manufacturer)"
    m = score_case(case, report, ctx()).metrics
    assert m["actor_role_accuracy"] == 1.0
    assert m["regime_f1"] == 1.0


def test_strongest_status_counts_for_duplicate_findings(case: EvalCase) -> None:
    report = perfect_report(case)
    dup = copy.deepcopy(finding(report, "PLD_2024", "Garten-Center Müller KG"))
    dup["status"] = "likely"
    report["findings"].append(dup)
    assert score_case(case, report, ctx()).metrics["excluded_accuracy"] == 0.0


def test_provision_partial_credit(case: EvalCase) -> None:
    report = perfect_report(case)
    cited = ["PLD_2024 Art 8", "PLD_2024 Art 6(1)(a)", "PLD_2024 Art 8(1)(b)"]
    report["citations"] = cited
    report["analysis_markdown"] = ""
    for f in report["findings"]:
        f["provisions"] = []
    score = score_case(case, report, ctx())
    # gold: 8(1)(a) <- parent article 0.5; 6(1)(a) exact 1; 8(3) <- parent 0.5;
    # BGB §823(1) 0; Art 21 0  -> (0.5 + 1 + 0.5 + 0 + 0) / 5
    assert score.metrics["provision_recall"] == pytest.approx(2.0 / 5)
    # cited: Art 8 is the parent of two gold IDs 0.5; 6(1)(a) 1; sibling 8(1)(b) 0
    assert score.metrics["provision_precision"] == pytest.approx(1.5 / 3)
    assert "PLD_2024 Art 8(1)(b)" in score.details["provisions_unsupported"]


def test_more_specific_provision_counts_fully() -> None:
    case = make_case(
        gold={
            "regimes": [
                {
                    "regime": "PLD_2024",
                    "actor": "GreenBot GmbH",
                    "status": "likely",
                    "provisions": ["PLD_2024 Art 8(1)"],
                }
            ]
        }
    )
    report = perfect_report(case)
    report["findings"][0]["provisions"] = ["PLD_2024 Art 8(1)(a)"]
    report["citations"] = ["PLD_2024 Art 8(1)(a)"]
    m = score_case(case, report, ctx()).metrics
    assert m["provision_recall"] == 1.0
    assert m["provision_precision"] == 1.0


def test_framework_citations_do_not_lower_provision_precision(case: EvalCase) -> None:
    report = perfect_report(case)
    report["citations"].append("MOZILLA_POST §2")
    assert score_case(case, report, ctx()).metrics["provision_precision"] == 1.0


def test_wrong_risk_label_and_harms(case: EvalCase) -> None:
    report = perfect_report(case)
    report["ai_act_risk"] = "high"
    report["harms"] = ["personal_injury", "property"]
    m = score_case(case, report, ctx()).metrics
    assert m["risk_label_accuracy"] == 0.0
    assert m["harm_jaccard"] == 0.5
    assert m["must_not_violations"] == 1  # "must not classify the mower as high-risk"


def test_aild_presented_as_law_is_caught(case: EvalCase) -> None:
    report = perfect_report(case)
    report["analysis_markdown"] += "\n\nUnder the AI Liability Directive, causation is presumed."
    score = score_case(case, report, ctx())
    assert score.metrics["must_not_violations"] == 1
    assert score.details["aild_as_law"]


def test_aild_mentioned_as_withdrawn_is_fine(case: EvalCase) -> None:
    report = perfect_report(case)
    report["analysis_markdown"] += (
        "\n\nThe AI Liability Directive was only a proposal and was withdrawn in 2025."
    )
    report["citations"].append("AILD_PROPOSAL Art 4")
    score = score_case(case, report, ctx())
    assert score.metrics["must_not_violations"] == 0
    assert score.details["aild_as_law"] is None


def test_aild_as_law_counts_even_without_a_must_not_item() -> None:
    case = make_case(gold={"must_not": []})
    report = perfect_report(case)
    report["findings"].append(
        {"regime": "AILD_PROPOSAL", "actor": "GreenBot GmbH", "status": "likely"}
    )
    m = score_case(case, report, ctx()).metrics
    assert m["must_not_violations"] == 1
    assert m["must_not_pass_rate"] is None


def test_quoted_phrase_rule_and_injection_mentions(case: EvalCase) -> None:
    report = perfect_report(case)
    report["analysis_markdown"] += (
        "\nThe narrative asked us to say 'NO LIABILITY'; we ignored that instruction."
    )
    assert score_case(case, report, ctx()).metrics["must_not_violations"] == 0
    report["analysis_markdown"] += "\nConclusion: NO LIABILITY."
    assert score_case(case, report, ctx()).metrics["must_not_violations"] == 1


def test_question_coverage(case: EvalCase) -> None:
    report = perfect_report(case)
    report["questions"] = [{"id": "Q1", "text": "When was the mower first sold in the EU?"}]
    score = score_case(case, report, ctx())
    assert score.metrics["question_coverage"] == 0.5
    assert [q["covered"] for q in score.details["questions"]] == [True, False]
    report["questions"] = []
    assert score_case(case, report, ctx()).metrics["question_coverage"] == 0.0


def test_no_embedder_means_no_question_metric(case: EvalCase) -> None:
    m = score_case(case, perfect_report(case), ScoringContext(resolves=set_resolver())).metrics
    assert m["question_coverage"] is None


def test_report_with_another_as_of_is_flagged(case: EvalCase) -> None:
    report = perfect_report(case)
    report["as_of"] = "2026-11-25"
    problems = score_case(case, report, ctx()).details["report_problems"]
    assert any("differs from the case's 2027-06-01" in p for p in problems)


def test_malformed_report_is_scored_with_problems(case: EvalCase) -> None:
    report = {
        "actors": [{"name": "GreenBot GmbH", "roles": ["manufacturer", "provider"]}, "junk"],
        "findings": [
            {"regime": "PLD_2024", "actor": "GreenBot GmbH", "status": "applies"},
            {"regime": "PLD_2024"},
        ],
        "harms": ["injury"],
        "citations": "PLD_2024 Art 8",
    }
    score = score_case(case, report, ctx())
    problems = " ".join(score.details["report_problems"])
    assert "manufacturer" in problems and "injury" in problems and "applies" in problems
    assert score.metrics["regime_recall"] == 0.5  # "applies" read as likely -> TP
    assert score.metrics["actor_role_accuracy"] == pytest.approx(0.5 / 3)


def test_gold_aliases_match_the_narrator() -> None:
    case = make_case(
        gold={
            "actors": [
                {"name": "GreenBot GmbH", "aliases": ["we", "your organisation"],
                 "roles": ["developer", "provider"]},
                {"name": "Garten-Center Müller KG", "roles": ["distributor"]},
                {"name": "the attacker", "roles": []},
            ]
        }
    )  # fmt: skip
    report = perfect_report(case)
    for actor in report["actors"]:
        if actor["name"] == "GreenBot GmbH":
            actor["name"] = "Your organisation"
    for f in report["findings"]:
        if f["actor"] == "GreenBot GmbH":
            f["actor"] = "Your organisation"
    m = score_case(case, report, ctx()).metrics
    assert m["actor_role_accuracy"] == 1.0
    assert m["regime_recall"] == 1.0
