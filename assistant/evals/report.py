"""Write a run directory: ``results.json``, ``cases/<id>.json``, ``report.md`` and plots."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from assistant.evals.cases import InvalidCaseFile
from assistant.evals.plots import plot_latency, plot_metrics_by_split, plot_per_case_heatmap
from assistant.evals.results import SCHEMA, aggregate, case_record, split_order, to_jsonable
from assistant.evals.runner import CaseRun
from assistant.evals.scoring import METRICS

__all__ = ["CASE_TABLE_METRICS", "fmt", "render_markdown", "write_case_file", "write_run"]

CASE_TABLE_METRICS = (
    "actor_role_accuracy",
    "risk_label_accuracy",
    "regime_f1",
    "excluded_accuracy",
    "provision_recall",
    "hallucinated_citations",
    "must_not_violations",
    "question_coverage",
    "latency_s",
)
_SHORT = {
    "actor_role_accuracy": "roles",
    "risk_label_accuracy": "risk",
    "regime_f1": "regime F1",
    "excluded_accuracy": "excl. acc",
    "provision_recall": "prov. R",
    "hallucinated_citations": "halluc.",
    "must_not_violations": "must_not viol.",
    "question_coverage": "q. cov",
    "latency_s": "latency s",
}


def fmt(value: Any, digits: int = 2) -> str:
    """A table cell: numbers rounded, None as an en dash."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _summary_table(agg: Mapping[str, Mapping[str, Any]]) -> list[str]:
    cols = list(agg)
    lines = [
        "| metric | " + " | ".join(f"{c} (n)" for c in cols) + " |",
        "|---|" + "---|" * len(cols),
    ]
    for name, higher in METRICS.items():
        cells = [agg[c]["metrics"][name] for c in cols]
        if all(cell["n"] == 0 for cell in cells):
            continue
        arrow = "↑" if higher else "↓"
        vals = " | ".join(f"{fmt(cell['mean'])} ({cell['n']})" for cell in cells)
        lines.append(f"| {name} {arrow} | {vals} |")
    micro = " | ".join(
        f"P {fmt(agg[c]['regime_micro']['precision'])} R {fmt(agg[c]['regime_micro']['recall'])} "
        f"F1 {fmt(agg[c]['regime_micro']['f1'])}"
        for c in cols
    )
    lines.append(f"| regime micro P/R/F1 ↑ | {micro} |")
    lat = " | ".join(
        f"median {fmt(agg[c]['latency']['median'], 1)} / max {fmt(agg[c]['latency']['max'], 1)}"
        for c in cols
    )
    lines.append(f"| latency s (all cases) ↓ | {lat} |")
    counts = " | ".join(f"{agg[c]['ok']} ok, {agg[c]['errors']} errors" for c in cols)
    lines.append(f"| cases | {counts} |")
    return lines


def _case_table(records: Sequence[Mapping[str, Any]]) -> list[str]:
    head = ["case", "split", "status", *(_SHORT[m] for m in CASE_TABLE_METRICS)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in records:
        cells = [r["id"], r["split"], r["status"]]
        cells += [
            fmt(r["metrics"].get(m), 1 if m == "latency_s" else 2) for m in CASE_TABLE_METRICS
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _case_issues(r: Mapping[str, Any]) -> list[str]:
    d = r["details"]
    out = []
    risk = d.get("risk") or {}
    if risk.get("gold") and risk.get("gold") != risk.get("reported"):
        out.append(f"AI Act risk: gold {risk['gold']}, reported {risk.get('reported')}")
    for row in d.get("regime_rows", []):
        if row["verdict"] in ("fn", "fp_excluded", "fp_unlikely"):
            out.append(
                f"{row['verdict']}: {row['regime']}/{row['actor']} gold {row['gold']}, "
                f"reported {row['predicted'] or 'nothing'}"
            )
        elif row["predicted"] and row["predicted"] != row["gold"]:
            out.append(
                f"status: {row['regime']}/{row['actor']} gold {row['gold']}, "
                f"reported {row['predicted']}"
            )
    if d.get("unlisted_positive_rows"):
        out.append("reported but not in gold: " + ", ".join(d["unlisted_positive_rows"]))
    if d.get("provisions_missed"):
        out.append("gold provisions not cited: " + ", ".join(d["provisions_missed"][:8]))
    for q in d.get("questions", []):
        if not q["covered"]:
            out.append(f"question not asked: {q['gold']} (closest {q['best']:.2f})")
    if d.get("hallucinated"):
        out.append("unresolved citations: " + ", ".join(d["hallucinated"]))
    for check in d.get("must_not", []):
        if check.get("violated"):
            out.append(
                f"must_not violated ({check['rule']}): {check['item']} — {check['evidence']}"
            )
    if d.get("aild_as_law") and not any(
        c.get("rule") == "aild_as_law" for c in d.get("must_not", [])
    ):
        out.append(f"AILD presented as law: {d['aild_as_law']}")
    for a in d.get("actors", []):
        if a["matched"] is None:
            out.append(f"gold actor not found: {a['gold']}")
        elif a["jaccard"] < 1:
            out.append(f"roles of {a['gold']}: gold {a['gold_roles']}, reported {a['roles']}")
    if d.get("report_problems"):
        out.append("report format problems: " + "; ".join(d["report_problems"][:5]))
    return out


def render_markdown(results: Mapping[str, Any], plots: Mapping[str, str]) -> str:
    """The human-readable report."""
    meta = results["meta"]
    records = results["cases"]
    lines = [
        f"# Eval run — provider `{meta['provider']}`",
        "",
        f"- started {meta['started']}, finished {meta['finished']}",
        f"- cases: `{meta['cases_dir']}`"
        + (f" (split {meta['split']})" if meta.get("split") else ""),
        f"- git commit: `{meta.get('git_commit') or 'unknown'}`",
        "- timings are wall-clock on shared hardware: treat small latency differences as noise"
        + (
            " (set-up: " + ", ".join(f"{k} {v}" for k, v in meta["setup"].items()) + ")"
            if meta.get("setup")
            else ""
        ),
        "",
        "## Notes",
        "",
        f"- Citations: {meta['resolver']['note']}",
    ]
    q = meta.get("questions") or {}
    if q.get("threshold") is not None:
        lines.append(
            f"- Question coverage: a gold question is covered when a report question has cosine "
            f"similarity ≥ **{q['threshold']:.3f}** ({q.get('embedder', 'embedder')}). Calibrated on "
            f"{q['n_pairs']} labelled pairs ({q['n_paraphrase']} paraphrases): accuracy "
            f"{q['accuracy']:.2f}, {q['false_accepts']} false accepts, {q['false_rejects']} "
            "false rejects."
        )
    else:
        lines.append(f"- Question coverage not measured: {q.get('note', 'no embedder')}")
    judge = meta.get("judge")
    if judge:
        lines.append(f"- LLM judge: {judge.get('note', '')}")
    else:
        lines.append("- LLM judge: off (enable with `--judge`).")
    retrieval = meta.get("retrieval") or {}
    lines.append(f"- Retrieval: {retrieval.get('note', 'not run')}")
    if results["invalid_files"]:
        lines += ["", "## Invalid case files (skipped)", ""]
        for bad in results["invalid_files"]:
            lines.append(f"- `{bad['path']}`: " + "; ".join(bad["errors"]))
    lines += ["", "## Summary", "", *_summary_table(results["aggregate"]), ""]
    for key, title in (("by_split", "Mean per metric and split"), ("heatmap", "Per case")):
        if key in plots:
            lines += [f"![{title}]({plots[key]})", ""]
    if retrieval.get("table"):
        lines += ["## Retrieval", "", *retrieval["table"], ""]
    lines += ["## Cases", "", *_case_table(records), ""]
    if "latency" in plots:
        lines += [f"![Latency per case]({plots['latency']})", ""]
    errors = [r for r in records if r["status"] == "error"]
    if errors:
        lines += ["## Errors", ""]
        lines += [f"- **{r['id']}**: {r['error'].splitlines()[0]}" for r in errors]
        lines.append("")
    lines += ["## What went wrong, per case", ""]
    for r in records:
        issues = _case_issues(r) if r["status"] == "ok" else []
        if issues:
            lines.append(f"### {r['id']} ({r['split']})")
            lines += [f"- {i}" for i in issues]
            lines.append("")
    lines += [
        "## Metric definitions",
        "",
        "See `evals/README.md`. ↑ higher is better, ↓ lower is better; means are over the cases "
        "where a metric applies (n).",
        "",
    ]
    return "\n".join(lines)


def write_case_file(out_dir: Path, run: CaseRun) -> Path:
    """``cases/<id>.json`` for one finished case (written as soon as the case is done, so an
    interrupted run keeps what it measured)."""
    (out_dir / "cases").mkdir(parents=True, exist_ok=True)
    rec = case_record(run)
    per_case = {**rec, "report": to_jsonable(run.report) if run.report is not None else None}
    path = out_dir / "cases" / f"{run.case_id}.json"
    path.write_text(json.dumps(per_case, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def write_run(
    out_dir: Path,
    runs: Sequence[CaseRun],
    meta: Mapping[str, Any],
    invalid: Sequence[InvalidCaseFile],
) -> dict[str, Any]:
    """Write everything for a run into ``out_dir``; returns the results object."""
    out_dir.mkdir(parents=True, exist_ok=True)
    records = [case_record(r) for r in runs]
    for run in runs:
        write_case_file(out_dir, run)
    splits = split_order(records)
    agg = {"all": aggregate(records)}
    if len(splits) > 1 or (splits and splits[0] != "other"):
        for split in splits:
            agg[split] = aggregate([r for r in records if r["split"] == split])
    results: dict[str, Any] = {
        "schema": SCHEMA,
        "meta": to_jsonable(meta),
        "invalid_files": [{"path": str(b.path), "errors": list(b.errors)} for b in invalid],
        "aggregate": agg,
        "cases": records,
    }
    (out_dir / "results.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    plots: dict[str, str] = {}
    means = {k: {m: v["mean"] for m, v in a["metrics"].items()} for k, a in agg.items()}
    title = f"provider {meta['provider']}"
    if plot_metrics_by_split(means, out_dir / "metrics_by_split.png", f"Eval means — {title}"):
        plots["by_split"] = "metrics_by_split.png"
    rows = [(f"{r['id']} [{r['split']}]", r["metrics"]) for r in records]
    if plot_per_case_heatmap(rows, out_dir / "per_case_heatmap.png", f"Per-case scores — {title}"):
        plots["heatmap"] = "per_case_heatmap.png"
    lat = [(r["id"], r["latency_s"]) for r in records]
    if plot_latency(lat, out_dir / "latency.png", f"Latency — {title}"):
        plots["latency"] = "latency.png"
    (out_dir / "report.md").write_text(render_markdown(results, plots), encoding="utf-8")
    return results
