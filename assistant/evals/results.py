"""A run's results as plain data: aggregation per split and the ``results.json`` layout.

``results.json`` (schema 1)::

    {"schema": 1, "meta": {...}, "invalid_files": [{"path", "errors"}],
     "aggregate": {"all": {...}, "dev": {...}, "heldout": {...}},
     "cases": [{"id", "split", "title", "path", "as_of", "status", "error", "latency_s",
                "metrics": {name: value | null}, "details": {...}, "judge": {...} | null}]}

Aggregates are means over the cases where a metric is defined (with ``n``), plus micro-averaged
regime precision/recall/F1 over the summed row counts, and latency mean/median/max.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.evals.runner import CaseRun
from assistant.evals.scoring import METRICS

__all__ = ["SCHEMA", "aggregate", "case_record", "load_results", "split_order", "to_jsonable"]

SCHEMA = 1


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums, dates, tuples and sets as JSON-ready values."""
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [to_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, str | int | float | bool) or value is None:
        return value.value if hasattr(value, "value") and isinstance(value, str) else value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def case_record(run: CaseRun) -> dict[str, Any]:
    """One case's entry in results.json (the raw report is stored per case, not here)."""
    return {
        "id": run.case_id,
        "split": run.split,
        "title": run.title,
        "path": run.path,
        "as_of": run.as_of,
        "status": run.status,
        "error": run.error,
        "latency_s": run.latency_s,
        "metrics": run.metrics(),
        "details": to_jsonable(run.score.details) if run.score else {},
        "judge": to_jsonable(run.judge) if run.judge else None,
    }


def _mean(values: Iterable[float | None]) -> tuple[float | None, int]:
    vals = [v for v in values if v is not None]
    return (sum(vals) / len(vals), len(vals)) if vals else (None, 0)


def aggregate(records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Means per metric, micro regime scores, latency stats and case counts."""
    ok = [r for r in records if r["status"] == "ok"]
    out: dict[str, Any] = {
        "cases": len(records),
        "ok": len(ok),
        "errors": len(records) - len(ok),
        "metrics": {},
    }
    for name in METRICS:
        mean, n = _mean(r["metrics"].get(name) for r in ok)
        out["metrics"][name] = {"mean": mean, "n": n}
    tp = sum(r["details"].get("regime_counts", {}).get("tp", 0) for r in ok)
    fp = sum(r["details"].get("regime_counts", {}).get("fp", 0) for r in ok)
    fn = sum(r["details"].get("regime_counts", {}).get("fn", 0) for r in ok)
    p = tp / (tp + fp) if tp + fp else None
    rc = tp / (tp + fn) if tp + fn else None
    if tp + fp + fn == 0:
        f1 = None
    elif tp == 0:
        f1 = 0.0
    else:
        f1 = 2 * (p or 0.0) * (rc or 0.0) / ((p or 0.0) + (rc or 0.0))
    out["regime_micro"] = {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": rc, "f1": f1}
    lat = [r["latency_s"] for r in records if r.get("latency_s") is not None]
    out["latency"] = {
        "mean": statistics.fmean(lat) if lat else None,
        "median": statistics.median(lat) if lat else None,
        "max": max(lat) if lat else None,
    }
    return out


def split_order(records: Sequence[Mapping[str, Any]]) -> list[str]:
    """Splits present in the records: dev, heldout, then others alphabetically."""
    present = {str(r["split"]) for r in records}
    known = [s for s in ("dev", "heldout") if s in present]
    return known + sorted(present - set(known))


def load_results(run_dir: Path) -> dict[str, Any]:
    """Read ``results.json`` from a run directory (or the file itself)."""
    path = run_dir / "results.json" if run_dir.is_dir() else run_dir
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AssistantError(
            f"no results.json in {run_dir}", hint="pass the --out directory of an eval run"
        ) from exc
    except json.JSONDecodeError as exc:
        raise AssistantError(f"{path} is not valid JSON: {exc}", hint="re-run the eval") from exc
    if data.get("schema") != SCHEMA:
        raise AssistantError(
            f"{path} has results schema {data.get('schema')!r}, expected {SCHEMA}",
            hint="compare runs made by the same version of the harness",
        )
    return data
