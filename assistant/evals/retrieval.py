"""Retrieval metrics on ``evals/retrieval/*.yaml`` through the app's own retriever.

QA format (VOCABULARY.md): ``questions: [{id, question, lang, gold: [ids]}]``, extra fields
ignored. Each question goes through ``assistant.index.get_retriever()`` (``search(query, k)``
returning hits with an ``id``; a LangChain-style ``invoke`` returning documents with
``metadata["id"]`` works too). Scores come from the index layer's pure metrics
(``assistant.index.metrics.aggregate``: recall@5, hit@5, MRR@10 at article and paragraph
level); if that module is missing, equivalent simple definitions here are used and the report
says so. Everything is imported lazily; when the index is not built the section is skipped with
a note saying how to build it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import AssistantError
from assistant.vocabulary import InvalidCitationId, ProvisionId

__all__ = ["RetrievalSummary", "run_retrieval_eval"]

DEPTH = 10
LEVELS = ("article", "paragraph")
_ID_KEYS = ("id", "provision_id", "citation_id")

Aggregate = Callable[..., dict[str, float]]


@dataclass
class RetrievalSummary:
    """Retrieval results for the report (``note`` always says what happened)."""

    note: str
    metrics: dict[str, dict[str, float]] = field(default_factory=dict)  # "level[/lang]" -> ...
    table: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _key(cid: str, level: str) -> str:
    try:
        pid = ProvisionId.parse(cid).without_version()
    except InvalidCitationId:
        return cid.strip()
    return (pid.top_level() if level == "article" else pid).format()


def _fallback_aggregate(
    runs: Sequence[tuple[Sequence[str], Sequence[str]]], *, level: str = "article", **_: Any
) -> dict[str, float]:
    """Exact-match recall@5 / hit@5 / MRR@10 (used only without assistant.index.metrics)."""
    if not runs:
        return {"n": 0.0}
    rec = hit = mrr = 0.0
    for retrieved, gold in runs:
        ranked = list(dict.fromkeys(_key(r, level) for r in retrieved))
        wanted = {_key(g, level) for g in gold}
        found = [g for g in wanted if g in ranked[:5]]
        rec += len(found) / len(wanted) if wanted else 0.0
        hit += 1.0 if found else 0.0
        first = next((i for i, r in enumerate(ranked[:10], 1) if r in wanted), None)
        mrr += 1.0 / first if first else 0.0
    n = len(runs)
    return {"n": float(n), "recall@5": rec / n, "hit@5": hit / n, "mrr@10": mrr / n}


def _aggregate_fn() -> tuple[Aggregate, str]:
    try:
        module = importlib.import_module("assistant.index.metrics")
    except ImportError:
        return _fallback_aggregate, "harness fallback (assistant.index.metrics not found)"
    fn = getattr(module, "aggregate", None)
    if not callable(fn):
        return _fallback_aggregate, "harness fallback (assistant.index.metrics has no aggregate)"
    return fn, "assistant.index.metrics"


def _ids(results: Any) -> list[str]:
    out = []
    for item in results or []:
        value = getattr(item, "id", None)
        if not isinstance(value, str):
            meta = getattr(item, "metadata", None) or (item if isinstance(item, dict) else {})
            value = next((meta.get(k) for k in _ID_KEYS if isinstance(meta.get(k), str)), None)
        if isinstance(value, str) and value:
            out.append(value)
    return out


def _query(retriever: Any, question: str, as_of: date | None) -> list[str]:
    search = getattr(retriever, "search", None)
    if callable(search):
        return _ids(search(question, DEPTH, as_of=as_of) if as_of else search(question, DEPTH))
    return _ids(retriever.invoke(question))


def _load_questions(qa_dir: Path, problems: list[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in sorted(qa_dir.glob("*.y*ml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            problems.append(f"{path.name}: {' '.join(str(exc).split())}")
            continue
        items = data.get("questions", []) if isinstance(data, dict) else []
        for n, q in enumerate(items):
            if not isinstance(q, dict) or not q.get("question") or not q.get("gold"):
                problems.append(f"{path.name}: question {n} lacks question or gold")
                continue
            out.append({**q, "_split": path.stem})
    return out


def _default_retriever() -> tuple[Any, str | None]:
    try:
        index = importlib.import_module("assistant.index")
    except ImportError:
        return None, "skipped: the index layer (assistant.index) is not available"
    status_fn = getattr(index, "index_status", None)
    try:
        if callable(status_fn) and not status_fn().built:
            return None, "skipped: the index is not built; run `assistant index build`"
        return index.get_retriever(), None
    except (AssistantError, AttributeError, OSError) as exc:
        reason = exc.message if isinstance(exc, AssistantError) else str(exc)
        return None, f"skipped: index not available ({reason}); run `assistant index build`"


def run_retrieval_eval(qa_dir: Path, retriever: Any = None) -> RetrievalSummary:
    """Run every QA question through the retriever (default: the app's); never raises."""
    problems: list[str] = []
    if not qa_dir.is_dir():
        return RetrievalSummary(f"skipped: no QA directory {qa_dir}")
    questions = _load_questions(qa_dir, problems)
    if not questions:
        return RetrievalSummary(f"skipped: no usable questions in {qa_dir}", problems=problems)
    if retriever is None:
        retriever, why = _default_retriever()
        if retriever is None:
            return RetrievalSummary(why or "skipped", problems=problems)
    aggregate, source = _aggregate_fn()
    groups: dict[str, list[tuple[list[str], list[str]]]] = {}
    for q in questions:
        as_of = q.get("as_of") if isinstance(q.get("as_of"), date) else None
        try:
            got = _query(retriever, str(q["question"]), as_of)
        except Exception as exc:  # one failing query is a problem line, not a crash
            problems.append(f"{q.get('id')}: retriever failed: {exc}")
            continue
        gold = [str(g) for g in q["gold"]]
        for group in ("all", q["_split"], f"lang={q.get('lang', '?')}"):
            groups.setdefault(group, []).append((got, gold))
    metrics: dict[str, dict[str, float]] = {}
    for group, runs in groups.items():
        for level in LEVELS:
            metrics[f"{level} {group}"] = aggregate(runs, level=level, k_recall=5, k_mrr=10)
    cols = ["recall@5", "hit@5", "mrr@10"]
    table = ["| level | questions | n | " + " | ".join(cols) + " |", "|---|---|---|---|---|---|"]
    for name in sorted(metrics, key=lambda g: (g.split(" ")[1] != "all", g)):
        level, group = name.split(" ", 1)
        row = metrics[name]
        vals = " | ".join(f"{row.get(c, 0.0):.2f}" for c in cols)
        table.append(f"| {level} | {group} | {int(row.get('n', 0))} | {vals} |")
    note = f"{len(questions)} questions from {qa_dir}; metrics: {source}"
    return RetrievalSummary(note, metrics, table, problems)
