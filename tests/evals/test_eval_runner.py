"""The runner end to end with an injected pipeline: files written, failures recorded, diff."""

from __future__ import annotations

import copy
import importlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from evalkit import (
    CASE,
    PreparedPipeline,
    constant,
    make_case,
    oracle_judge,
    perfect_report,
    set_resolver,
    word_overlap,
)
from typer.testing import CliRunner

from assistant.errors import AssistantError
from assistant.evals.cli import run_eval
from assistant.evals.diff import diff_runs, render_diff
from assistant.evals.resolver import ResolverInfo
from assistant.evals.results import load_results
from assistant.evals.runner import load_pipeline

RESOLVER = (lambda _as_of: set_resolver(), ResolverInfo("test", "test resolver (known IDs)"))


def make_cases(root: Path) -> dict[str, dict[str, Any]]:
    """Three cases: two dev, one heldout; returns {narrative: case dict}."""
    datas = []
    for i, split in enumerate(["dev", "dev", "heldout"]):
        data = copy.deepcopy(CASE)
        data["id"] = f"case-{i}"
        data["narrative"] = f"Narrative number {i}. " + CASE["narrative"]
        path = root / split / f"case-{i}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data), "utf-8")  # JSON is valid YAML
        datas.append(data)
    return {d["narrative"]: d for d in datas}


def reports_for(cases: dict[str, dict[str, Any]], mutate: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for narrative, data in cases.items():
        case = make_case(id=data["id"], narrative=narrative)
        report = perfect_report(case)
        out[narrative] = mutate(data["id"], report) if mutate else report
    return out


def run(tmp_path: Path, cases_dir: Path, reports: dict[str, Any], name: str) -> Path:
    return run_eval(
        cases_dir,
        provider="fake",
        out=tmp_path / name,
        pipeline=PreparedPipeline(reports),
        similarity=word_overlap,
        resolver=RESOLVER,
        retrieval_dir=tmp_path / "no-retrieval",
    )


def test_end_to_end_writes_report_results_and_plots(tmp_path: Path) -> None:
    cases_dir = tmp_path / "cases"
    cases = make_cases(cases_dir)
    (cases_dir / "dev" / "broken.yaml").write_text("id: x\ngold: {actors: [}\n", "utf-8")

    def mutate(case_id: str, report: dict[str, Any]) -> Any:
        if case_id == "case-1":
            report["citations"].append("PLD_2024 Art 99")
        if case_id == "case-2":
            return RuntimeError("model timed out")
        return report

    pipeline = PreparedPipeline(reports_for(cases, mutate))
    out = run_eval(
        cases_dir,
        provider="fake",
        out=tmp_path / "run",
        pipeline=pipeline,
        similarity=word_overlap,
        resolver=RESOLVER,
        retrieval_dir=tmp_path / "no-retrieval",
    )
    # the pipeline got each case's as_of and jurisdiction
    assert {c["as_of"] for c in pipeline.calls} == {date(2027, 6, 1)}
    assert {c["jurisdiction"] for c in pipeline.calls} == {"DE"}

    results = load_results(out)
    by_id = {c["id"]: c for c in results["cases"]}
    assert by_id["case-0"]["status"] == "ok"
    assert by_id["case-0"]["metrics"]["regime_f1"] == 1.0
    assert by_id["case-1"]["metrics"]["hallucinated_citations"] == 1
    assert by_id["case-2"]["status"] == "error"
    assert "model timed out" in by_id["case-2"]["error"]
    assert results["invalid_files"][0]["path"].endswith("broken.yaml")
    assert set(results["aggregate"]) == {"all", "dev", "heldout"}
    assert results["aggregate"]["dev"]["metrics"]["hallucinated_citations"]["mean"] == 0.5
    assert results["aggregate"]["heldout"]["errors"] == 1
    assert results["meta"]["questions"]["threshold"] is not None

    per_case = json.loads((out / "cases" / "case-0.json").read_text("utf-8"))
    assert per_case["report"]["ai_act_risk"] == "minimal"

    report_md = (out / "report.md").read_text("utf-8")
    assert "| metric |" in report_md and "case-2" in report_md
    assert "model timed out" in report_md and "broken.yaml" in report_md
    assert "unresolved citations: PLD_2024 Art 99" in report_md
    for png in ("metrics_by_split.png", "per_case_heatmap.png", "latency.png"):
        data = (out / png).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 2000
        assert f"]({png})" in report_md


def test_non_mapping_output_is_a_case_error(tmp_path: Path) -> None:
    cases_dir = tmp_path / "cases"
    cases = make_cases(cases_dir)
    reports = {n: "not a report" for n in cases}
    results = load_results(run(tmp_path, cases_dir, reports, "run"))
    assert {c["status"] for c in results["cases"]} == {"error"}
    assert "expected a report JSON object" in results["cases"][0]["error"]


def test_no_valid_cases_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "bad.yaml").write_text("nope: 1\n", "utf-8")
    with pytest.raises(AssistantError, match="no valid cases"):
        run(tmp_path, tmp_path / "c", {}, "run")


def test_missing_chain_layer_fails_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def fake_import(name: str, package: str | None = None) -> Any:
        if name == "assistant.chain.pipeline":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", fake_import)
    with pytest.raises(AssistantError, match="chain layer not available"):
        load_pipeline()


def test_cli_eval_without_chain_layer_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.cli import app
    from assistant.evals import runner

    def unavailable() -> Any:
        raise AssistantError("chain layer not available: test", hint="build it")

    monkeypatch.setattr(runner, "load_pipeline", unavailable)
    make_cases(tmp_path / "cases")
    result = CliRunner().invoke(app, ["eval", "--cases", str(tmp_path / "cases")])
    assert result.exit_code != 0
    assert isinstance(result.exception, AssistantError)
    assert "chain layer not available" in result.exception.message
    assert not (tmp_path / "evals" / "runs").exists()


def test_diff_between_two_runs(tmp_path: Path) -> None:
    cases_dir = tmp_path / "cases"
    cases = make_cases(cases_dir)
    a = run(tmp_path, cases_dir, reports_for(cases), "a")

    def worse_and_better(case_id: str, report: dict[str, Any]) -> Any:
        if case_id == "case-0":  # presents the excluded distributor row as available
            for f in report["findings"]:
                if f["actor"] == "Garten-Center Müller KG":
                    f["status"] = "likely"
        if case_id == "case-1":
            report["citations"].append("GDPR Art 999")
        return report

    b = run(tmp_path, cases_dir, reports_for(cases, worse_and_better), "b")
    d = diff_runs(load_results(a), load_results(b))
    worse = {(c.case, c.metric) for c in d.regressed}
    assert ("case-0", "excluded_accuracy") in worse
    assert ("case-0", "regime_precision") in worse
    assert ("case-1", "hallucinated_citations") in worse
    assert not any(c.case == "case-2" for c in d.cases if c.metric != "latency_s")
    reverse = diff_runs(load_results(b), load_results(a))
    assert ("case-0", "excluded_accuracy") in {(c.case, c.metric) for c in reverse.improved}
    text = render_diff(d)
    assert "excluded_accuracy" in text and "**worse**" in text

    result = CliRunner().invoke(
        __import__("assistant.cli", fromlist=["app"]).app,
        ["eval", "diff", str(a), str(b), "--out", str(tmp_path / "diff.md")],
    )
    assert result.exit_code == 0, result.output
    assert "excluded_accuracy" in (tmp_path / "diff.md").read_text("utf-8")
    alias = CliRunner().invoke(
        __import__("assistant.cli", fromlist=["app"]).app, ["eval-diff", str(a), str(b)]
    )
    assert alias.exit_code == 0 and "worse" in alias.output


def test_diff_rejects_a_directory_without_results(tmp_path: Path) -> None:
    with pytest.raises(AssistantError, match=r"no results\.json"):
        load_results(tmp_path)


def test_judge_scores_only_after_passing_validation(tmp_path: Path) -> None:
    cases_dir = tmp_path / "cases"
    cases = make_cases(cases_dir)

    def with_judge(name: str, impl: Any) -> dict[str, Any]:
        out = run_eval(
            cases_dir,
            provider="fake",
            out=tmp_path / name,
            pipeline=PreparedPipeline(reports_for(cases)),
            similarity=word_overlap,
            resolver=RESOLVER,
            retrieval_dir=tmp_path / "none",
            judge=True,
            judge_impl=impl,
        )
        return load_results(out)

    oracle = oracle_judge()

    def trusted(kind: str, statement: str, text: str) -> Any:
        # the validated judge answers the validation set like the oracle; on real cases it
        # finds every key point and no violation
        try:
            return oracle(kind, statement, text)
        except KeyError:
            return constant(kind == "key_point")(kind, statement, text)

    good = with_judge("good", trusted)
    assert good["meta"]["judge"]["passed"] is True
    assert good["cases"][0]["metrics"]["key_point_coverage"] == 1.0
    assert good["cases"][0]["metrics"]["judge_must_not_pass_rate"] == 1.0

    bad = with_judge("bad", constant(True))
    assert bad["meta"]["judge"]["passed"] is False
    assert "FAILED" in bad["meta"]["judge"]["note"]
    assert bad["cases"][0]["metrics"].get("key_point_coverage") is None
    assert "FAILED validation" in (tmp_path / "bad" / "report.md").read_text("utf-8")
