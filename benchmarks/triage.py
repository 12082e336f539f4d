"""Benchmark of the triage pipeline on the seed scenarios, per provider, plus the support-check
calibration.

For each seed scenario (eval cases built from the seed documents) and provider (``none``,
``local``): extraction time, time to the first streamed words, full report time, citation
coverage (share of legal sentences in the analysis with a supported citation), unresolved
citations (in the final report — target 0 — and in the model's draft), the analyst prompt size
and the measured prompt-reading (prefill) speed. The baseline in the same run is the rule core
alone (``evaluate`` on the extracted case); ratios are against it. ``none`` runs are repeated
(first run in the process = cold; median of the rest = warm).

``--calibrate`` sweeps the support threshold on tests/chain/data/support_pairs.yaml and reports
precision/recall there and on the held-out pairs (embedding and word-overlap checks).

Run: ``.venv/bin/python benchmarks/triage.py [--providers none,local] [--runs 5] [--calibrate]``
with ``ASSISTANT_CACHE_DIR`` pointing at the model cache and a data dir holding the corpus
(and ideally the index). Machines are shared (2 cores): numbers are noisy; the load average is
printed with them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED_CASES = (
    "evals/cases/dev/optimind-cyberattack.yaml",
    "evals/cases/dev/maas-budget-app.yaml",
    "evals/cases/heldout/maas-memorisation-privacy.yaml",
)
TARGETS = {"none_total_s": 1.5, "local_extraction_s": 15.0, "local_first_words_s": 15.0,
           "local_total_s": 45.0, "coverage": 0.9, "unresolved": 0}  # fmt: skip


def _load(path: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))
    return data


def _unresolved(result: Any) -> int:
    from assistant.chain.pipeline import get_corpus
    from assistant.vocabulary import find_ids

    corpus = get_corpus()
    ids = {*result.report.citation_ids(), *find_ids(result.report.analysis_markdown)}
    return sum(1 for i in ids if not corpus.resolves(i, result.report.as_of))


def run_one(case: dict[str, Any], provider: str) -> dict[str, Any]:
    """One triage with timings and citation metrics."""
    from assistant.chain.pipeline import triage
    from assistant.rules import evaluate

    day = case.get("as_of") or date.today()
    started = time.monotonic()
    first: list[float] = []

    def on_token(piece: str) -> None:
        if not first:
            first.append(time.monotonic() - started)

    result = triage(case["narrative"], provider=provider, as_of=day,
                    jurisdiction=case.get("jurisdiction"), on_token=on_token)  # fmt: skip
    total = time.monotonic() - started
    t0 = time.monotonic()
    evaluate(result.case, day)
    core_s = time.monotonic() - t0
    a = result.analysis
    return {
        "case": case["id"],
        "provider": result.provider,
        "extraction_s": result.timings.get("extraction_s", 0.0),
        "first_words_s": first[0] if first else total,
        "analyst_first_s": a.timings.get("first_piece_s"),
        "total_s": total,
        "core_s": core_s,
        "coverage": a.metrics.coverage,
        "draft_coverage": a.metrics.draft_coverage,
        "unresolved": _unresolved(result),
        "draft_unresolved": a.metrics.draft_unresolved,
        "draft_unsupported": a.metrics.draft_unsupported,
        "summaries": len(a.summarised),
        "source": a.source,
        "prompt_tokens": a.timings.get("prompt_tokens"),
        "budget_tokens": a.timings.get("budget_tokens"),
        "prefill_tok_s": a.timings.get("prefill_tok_s"),
        "notes": result.provider_notes,
    }


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def benchmark(providers: list[str], runs: int) -> list[dict[str, Any]]:
    """Rows per (case, provider); ``none`` repeated ``runs`` times (cold + warm median)."""
    rows: list[dict[str, Any]] = []
    for path in SEED_CASES:
        case = _load(path)
        for provider in providers:
            n = runs if provider == "none" else 1
            results = [run_one(case, provider) for _ in range(n)]
            row = dict(results[-1])
            row["cold_total_s"] = results[0]["total_s"]
            if n > 1:
                warm = results[1:]
                for key in ("extraction_s", "first_words_s", "total_s", "core_s"):
                    row[key] = statistics.median(r[key] for r in warm)
            rows.append(row)
            print_row(row)
    return rows


def print_header() -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"# triage benchmark — {time.strftime('%Y-%m-%d %H:%M')} — load average {load:.1f} "
          f"on {os.cpu_count()} cores (shared machine: noisy)")  # fmt: skip
    print("case | provider | extract s | first words s (from analysis start) | report s (cold) | "
          "core-only ms | "
          "report/core | coverage (draft) | unresolved (draft) | summaries | prompt/budget tok | "
          "prefill tok/s")  # fmt: skip


def print_row(r: dict[str, Any]) -> None:
    ratio = r["total_s"] / max(r["core_s"], 1e-6)
    print(
        f"{r['case']} | {r['provider']} | {_fmt(r['extraction_s'])} | {_fmt(r['first_words_s'])} "
        f"({_fmt(r['analyst_first_s'])}) | "
        f"{_fmt(r['total_s'])} ({_fmt(r['cold_total_s'])}) | {r['core_s'] * 1000:.1f} | "
        f"{ratio:.0f}x | {_fmt(r['coverage'])} ({_fmt(r['draft_coverage'])}) | "
        f"{r['unresolved']} ({r['draft_unresolved']}) | {r['summaries']} | "
        f"{_fmt(r['prompt_tokens'])}/{_fmt(r['budget_tokens'])} | {_fmt(r['prefill_tok_s'], 1)}",
        flush=True,
    )
    for note in r["notes"]:
        print(f"    note: {note}")


def check_targets(rows: list[dict[str, Any]]) -> list[str]:
    """Targets of the issue that a row misses."""
    misses = []
    for r in rows:
        tag = f"{r['case']}/{r['provider']}"
        if r["provider"] == "none" and r["total_s"] > TARGETS["none_total_s"]:
            misses.append(f"{tag}: report {r['total_s']:.2f} s > 1.5 s")
        if r["provider"] == "local":
            for key, target in (("extraction_s", "local_extraction_s"),
                                ("first_words_s", "local_first_words_s"),
                                ("total_s", "local_total_s")):  # fmt: skip
                if r[key] > TARGETS[target]:
                    misses.append(f"{tag}: {key} {r[key]:.1f} s > {TARGETS[target]:.0f} s")
        if r["coverage"] < TARGETS["coverage"]:
            misses.append(f"{tag}: coverage {r['coverage']:.2f} < 0.9")
        if r["unresolved"]:
            misses.append(f"{tag}: {r['unresolved']} unresolved citations in the report")
    return misses


def calibrate() -> None:
    """Threshold sweep on the labelled pairs; precision/recall in-sample and held out."""
    from assistant.chain.pipeline import get_corpus
    from assistant.chain.verify.calibrate import choose_threshold, load_pairs, sweep
    from assistant.chain.verify.support import EMBED_THRESHOLD, LEXICAL_THRESHOLD, SupportChecker
    from assistant.index.embedder import get_embedder

    corpus = get_corpus()
    day = date(2027, 6, 1)
    data = ROOT / "tests" / "chain" / "data"
    train, held = (
        load_pairs(data / "support_pairs.yaml"),
        load_pairs(data / "support_pairs_heldout.yaml"),
    )
    print(f"\n# support-check calibration ({len(train)} labelled pairs, {len(held)} held out; "
          f"full texts fetched: {sorted(a.value for a in {s.tree.act for s in corpus.sources})})")  # fmt: skip
    for name, embed, current in (("embedding", get_embedder().embed, EMBED_THRESHOLD),
                                 ("lexical", None, LEXICAL_THRESHOLD)):  # fmt: skip
        checker = SupportChecker(corpus, day, embed=embed)
        scores = [checker.score(p.s, p.c).score for p in train]
        points = sweep(scores, [p.y for p in train])
        chosen = choose_threshold(points, 0.9)
        at = max((p for p in points if p.threshold <= current), key=lambda p: p.threshold)
        held_scores = [checker.score(p.s, p.c).score for p in held]
        tp = sum(1 for s, p in zip(held_scores, held, strict=True) if s >= current and p.y)
        fp = sum(1 for s, p in zip(held_scores, held, strict=True) if s >= current and not p.y)
        pos = sum(p.y for p in held)
        print(f"{name}: threshold in use {current:.2f} -> in-sample P {at.precision:.2f} "
              f"R {at.recall:.2f}; held-out P {tp / max(tp + fp, 1):.2f} R {tp / max(pos, 1):.2f}; "
              f"sweep's choice (P>=0.9, max R) {chosen.threshold:.3f} "
              f"(P {chosen.precision:.2f} R {chosen.recall:.2f})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--providers", default="none,local")
    parser.add_argument("--runs", type=int, default=5, help="repeats for provider none")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--no-bench", action="store_true", help="only --calibrate")
    args = parser.parse_args()
    if not args.no_bench:
        print_header()
        rows = benchmark([p.strip() for p in args.providers.split(",") if p.strip()], args.runs)
        misses = check_targets(rows)
        print("\ntargets: " + ("all met" if not misses else "missed:"))
        for miss in misses:
            print(f"  - {miss}")
    if args.calibrate:
        calibrate()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
