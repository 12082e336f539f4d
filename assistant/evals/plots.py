"""Plots for the eval report (matplotlib, headless Agg backend, imported lazily)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["RATE_METRICS", "plot_latency", "plot_metrics_by_split", "plot_per_case_heatmap"]

# Metrics on a 0..1 scale where higher is better: the ones that belong on a shared axis.
RATE_METRICS = (
    "actor_role_accuracy",
    "risk_label_accuracy",
    "harm_jaccard",
    "regime_precision",
    "regime_recall",
    "regime_f1",
    "excluded_accuracy",
    "provision_recall",
    "provision_precision",
    "must_not_pass_rate",
    "question_coverage",
    "key_point_coverage",
)


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _present(metrics: Sequence[str], values: Mapping[str, Mapping[str, float | None]]) -> list[str]:
    return [m for m in metrics if any(v.get(m) is not None for v in values.values())]


def plot_metrics_by_split(
    means: Mapping[str, Mapping[str, float | None]], path: Path, title: str
) -> Path | None:
    """Grouped bars: one group per metric, one bar per split (``means[split][metric]``)."""
    metrics = _present(RATE_METRICS, means)
    if not metrics:
        return None
    plt = _pyplot()
    splits = list(means)
    width = 0.8 / max(len(splits), 1)
    fig, ax = plt.subplots(figsize=(max(8, 0.9 * len(metrics) + 2), 4.5))
    for i, split in enumerate(splits):
        xs = [j + (i - (len(splits) - 1) / 2) * width for j in range(len(metrics))]
        ys = [means[split].get(m) for m in metrics]
        bars = ax.bar(xs, [0.0 if y is None else y for y in ys], width, label=split)
        for bar, y in zip(bars, ys, strict=True):
            label = "n/a" if y is None else f"{y:.2f}"
            ax.annotate(
                label,
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
                fontsize=6,
                rotation=90,
            )
    ax.set_xticks(range(len(metrics)))
    ax.set_xticklabels([m.replace("_", " ") for m in metrics], rotation=35, ha="right", fontsize=8)
    ax.set_ylim(0, 1.3)
    ax.set_ylabel("mean over cases (higher is better)")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, loc="upper center", ncol=max(len(splits), 1), frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_per_case_heatmap(
    rows: Sequence[tuple[str, Mapping[str, float | None]]], path: Path, title: str
) -> Path | None:
    """Cases x metrics heatmap (0 red .. 1 green, grey = not applicable / error)."""
    if not rows:
        return None
    metrics = _present(RATE_METRICS, dict(rows))
    if not metrics:
        return None
    plt = _pyplot()
    import numpy as np

    data = np.array(
        [[math.nan if r.get(m) is None else float(r[m] or 0.0) for m in metrics] for _, r in rows]
    )
    fig, ax = plt.subplots(
        figsize=(max(7, 0.75 * len(metrics) + 3), max(3, 0.32 * len(rows) + 1.5))
    )
    cmap = plt.get_cmap("RdYlGn").with_extremes(bad="#d0d0d0")
    ax.imshow(np.ma.masked_invalid(data), cmap=cmap, vmin=0, vmax=1, aspect="auto")
    for i in range(data.shape[0]):
        for j in range(data.shape[1]):
            if not math.isnan(data[i, j]):
                ax.text(j, i, f"{data[i, j]:.2f}", ha="center", va="center", fontsize=6)
    ax.set_xticks(range(len(metrics)))
    ax.set_xticklabels([m.replace("_", " ") for m in metrics], rotation=40, ha="right", fontsize=7)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([name for name, _ in rows], fontsize=7)
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_latency(rows: Sequence[tuple[str, float | None]], path: Path, title: str) -> Path | None:
    """Horizontal bars of pipeline latency per case (seconds)."""
    vals = [(name, v) for name, v in rows if v is not None]
    if not vals:
        return None
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, max(2.5, 0.28 * len(vals) + 1)))
    ax.barh([n for n, _ in vals], [v for _, v in vals], color="#4c72b0")
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel("seconds per case (pipeline only)")
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
