"""Compare two eval runs: what got better or worse, overall and per case and metric.

A change counts when it exceeds ``tolerance`` (default 0.005 for rates; latency uses a relative
25 % band because timings on shared machines are noisy). Direction comes from
``scoring.METRICS`` (higher-is-better or not).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.evals.report import fmt
from assistant.evals.scoring import METRICS

__all__ = ["Change", "RunDiff", "diff_runs", "render_diff"]

_LATENCY_BAND = 0.25


@dataclass(frozen=True)
class Change:
    """One metric that moved (``case`` is None for the aggregate)."""

    case: str | None
    metric: str
    before: float | None
    after: float | None
    better: bool


@dataclass
class RunDiff:
    """Everything that differs between run A (before) and run B (after)."""

    a_label: str
    b_label: str
    aggregate: dict[str, list[Change]] = field(default_factory=dict)  # split -> changes
    cases: list[Change] = field(default_factory=list)
    status_changes: list[tuple[str, str, str]] = field(default_factory=list)
    only_in_a: list[str] = field(default_factory=list)
    only_in_b: list[str] = field(default_factory=list)

    @property
    def improved(self) -> list[Change]:
        """Per-case changes for the better."""
        return [c for c in self.cases if c.better]

    @property
    def regressed(self) -> list[Change]:
        """Per-case changes for the worse."""
        return [c for c in self.cases if not c.better]


def _moved(metric: str, before: float | None, after: float | None, tol: float) -> bool | None:
    """None if no meaningful change, else True when the change is for the better."""
    if before is None or after is None:
        return None
    delta = after - before
    if metric == "latency_s":
        if abs(delta) <= _LATENCY_BAND * max(abs(before), 1e-9):
            return None
    elif abs(delta) <= tol:
        return None
    return (delta > 0) == METRICS.get(metric, True)


def _compare(
    case: str | None, a: Mapping[str, Any], b: Mapping[str, Any], tol: float
) -> list[Change]:
    out = []
    for metric in METRICS:
        before, after = a.get(metric), b.get(metric)
        better = _moved(metric, before, after, tol)
        if better is not None:
            out.append(Change(case, metric, before, after, better))
    return out


def diff_runs(a: Mapping[str, Any], b: Mapping[str, Any], tolerance: float = 0.005) -> RunDiff:
    """Diff two ``results.json`` objects (A = before, B = after)."""

    def label(meta: Mapping[str, Any]) -> str:
        return (
            f"provider {meta.get('provider')}, started {meta.get('started')}, "
            f"commit {meta.get('git_commit') or 'unknown'}, cases {meta.get('cases_dir')}"
        )

    result = RunDiff(a_label=label(a["meta"]), b_label=label(b["meta"]))
    for split in [s for s in b["aggregate"] if s in a["aggregate"]]:
        ma = {k: v["mean"] for k, v in a["aggregate"][split]["metrics"].items()}
        mb = {k: v["mean"] for k, v in b["aggregate"][split]["metrics"].items()}
        result.aggregate[split] = _compare(None, ma, mb, tolerance)
    cases_a = {c["id"]: c for c in a["cases"]}
    cases_b = {c["id"]: c for c in b["cases"]}
    result.only_in_a = sorted(set(cases_a) - set(cases_b))
    result.only_in_b = sorted(set(cases_b) - set(cases_a))
    for cid in sorted(set(cases_a) & set(cases_b)):
        ca, cb = cases_a[cid], cases_b[cid]
        if ca["status"] != cb["status"]:
            result.status_changes.append((cid, ca["status"], cb["status"]))
        result.cases.extend(_compare(cid, ca["metrics"], cb["metrics"], tolerance))
    return result


def render_diff(d: RunDiff) -> str:
    """Markdown summary of a diff."""
    lines = [f"# Eval diff\n\n- A (before): {d.a_label}\n- B (after): {d.b_label}\n"]
    for split, changes in d.aggregate.items():
        lines.append(f"## Aggregate — {split}\n")
        if not changes:
            lines.append("No metric moved beyond the tolerance.\n")
            continue
        lines += ["| metric | A | B | |", "|---|---|---|---|"]
        for c in changes:
            mark = "better" if c.better else "**worse**"
            lines.append(f"| {c.metric} | {fmt(c.before, 3)} | {fmt(c.after, 3)} | {mark} |")
        lines.append("")
    if d.status_changes:
        lines.append("## Status changes\n")
        lines += [f"- {cid}: {sa} → {sb}" for cid, sa, sb in d.status_changes]
        lines.append("")
    for title, changes in (("Worse", d.regressed), ("Better", d.improved)):
        lines.append(f"## {title} per case ({len(changes)})\n")
        if changes:
            lines += ["| case | metric | A | B |", "|---|---|---|---|"]
            lines += [
                f"| {c.case} | {c.metric} | {fmt(c.before, 3)} | {fmt(c.after, 3)} |"
                for c in changes
            ]
        lines.append("")
    if d.only_in_a or d.only_in_b:
        lines.append("## Case sets differ\n")
        if d.only_in_a:
            lines.append("- only in A: " + ", ".join(d.only_in_a))
        if d.only_in_b:
            lines.append("- only in B: " + ", ".join(d.only_in_b))
    return "\n".join(lines) + "\n"
