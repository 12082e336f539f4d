"""Retrieval metrics on ``evals/retrieval/*.yaml`` (written by the index layer's maintainers).

QA format (VOCABULARY.md): ``questions: [{id, question, lang, gold: [ids]}]``, extra fields
ignored. Each question goes through ``assistant.index.get_retriever()``; retrieved documents
are read as provision IDs (``metadata["id"]`` or a similar key). Scored at article level (an ID
counts at its article / recital / annex) and at paragraph level (article + first segment), with
recall@k and MRR from ``assistant.index.metrics`` when that module provides them (else the
equivalent definitions here). Everything is imported lazily; when the index is not built the
section is skipped with a note saying how to build it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import AssistantError
from assistant.vocabulary import InvalidCitationId, ProvisionId, RefKind

__all__ = ["RetrievalSummary", "article_key", "paragraph_key", "run_retrieval_eval"]

K_VALUES = (5, 10)
_ID_KEYS = ("id", "provision_id", "citation_id", "cid", "pid")

MetricFn = Callable[[Sequence[str], Sequence[str], int], float]
MrrFn = Callable[[Sequence[str], Sequence[str]], float]


@dataclass
class RetrievalSummary:
    """Retrieval results for the report (``note`` always says what happened)."""

    note: str
    metrics: dict[str, dict[str, float]] = field(default_factory=dict)  # level/lang -> metric
    table: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def article_key(cid: str) -> str | None:
    """The article / recital / annex an ID sits in (version dropped); None if malformed."""
    try:
        return ProvisionId.parse(cid).without_version().top_level().format()
    except InvalidCitationId:
        return None


def paragraph_key(cid: str) -> str | None:
    """The ID cut to article + first segment, e.g. ``PLD_2024 Art 8(1)``."""
    try:
        pid = ProvisionId.parse(cid).without_version()
    except InvalidCitationId:
        return None
    node = pid
    while node.kind is RefKind.ARTICLE and (len(node.segments) > 1 or node.subparagraph):
        parent = node.parent()
        if parent is None:
            break
        node = parent
    return node.format()


def _recall_at_k(retrieved: Sequence[str], gold: Sequence[str], k: int) -> float:
    top = set(retrieved[:k])
    return sum(1 for g in set(gold) if g in top) / len(set(gold)) if gold else 0.0


def _mrr(retrieved: Sequence[str], gold: Sequence[str]) -> float:
    wanted = set(gold)
    for rank, cid in enumerate(retrieved, start=1):
        if cid in wanted:
            return 1.0 / rank
    return 0.0


def _metric_functions() -> tuple[MetricFn, MrrFn, str]:
    try:
        index_metrics = importlib.import_module("assistant.index.metrics")
    except ImportError:
        return _recall_at_k, _mrr, "harness definitions (assistant.index.metrics not found)"
    recall = getattr(index_metrics, "recall_at_k", None)
    mrr = getattr(index_metrics, "mrr", None)
    if callable(recall) and callable(mrr):
        try:  # smoke-test the signature once, so a mismatch is a note, not a crash per query
            recall(["a"], ["a"], 1)
            mrr(["a"], ["a"])
        except TypeError:
            return _recall_at_k, _mrr, "harness definitions (index metrics have another signature)"
        return recall, mrr, "assistant.index.metrics"
    return _recall_at_k, _mrr, "harness definitions (index metrics lack recall_at_k/mrr)"


def _doc_id(doc: Any) -> str | None:
    meta = getattr(doc, "metadata", None) or (doc if isinstance(doc, dict) else {})
    for key in _ID_KEYS:
        value = meta.get(key) if isinstance(meta, dict) else None
        if isinstance(value, str) and value:
            return value
    return None


def _load_questions(qa_dir: Path, problems: list[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in sorted(qa_dir.glob("*.y*ml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            items = data.get("questions", []) if isinstance(data, dict) else []
        except (OSError, yaml.YAMLError) as exc:
            problems.append(f"{path}: {exc}")
            continue
        for n, q in enumerate(items):
            if not isinstance(q, dict) or not q.get("question") or not q.get("gold"):
                problems.append(f"{path}: question {n} lacks question/gold")
                continue
            out.append({**q, "_file": path.name})
    return out


def run_retrieval_eval(qa_dir: Path, retriever: Any = None) -> RetrievalSummary:
    """Run every QA question through the app's retriever (or ``retriever``); never raises.

    ``retriever`` is anything with ``invoke(question) -> list of documents``; by default
    ``assistant.index.get_retriever()``.
    """
    problems: list[str] = []
    if not qa_dir.is_dir():
        return RetrievalSummary(f"skipped: no QA directory {qa_dir}")
    questions = _load_questions(qa_dir, problems)
    if not questions:
        return RetrievalSummary(f"skipped: no usable questions in {qa_dir}", problems=problems)
    if retriever is None:
        try:
            get_retriever = importlib.import_module("assistant.index").get_retriever
        except (ImportError, AttributeError):
            return RetrievalSummary("skipped: the index layer (assistant.index) is not available")
        try:
            retriever = get_retriever()
        except AssistantError as exc:
            return RetrievalSummary(
                f"skipped: index not available ({exc.message}); build it with "
                "`assistant index build`"
            )
    recall_fn, mrr_fn, source = _metric_functions()
    sums: dict[str, dict[str, float]] = {}
    counts: dict[str, int] = {}
    for q in questions:
        try:
            docs = retriever.invoke(str(q["question"]))
        except Exception as exc:  # one failing query is a problem line, not a crash
            problems.append(f"{q.get('id')}: retriever failed: {exc}")
            continue
        ids = [i for i in (_doc_id(d) for d in docs) if i]
        for level, key in (("article", article_key), ("paragraph", paragraph_key)):
            got = list(dict.fromkeys(k for k in (key(i) for i in ids) if k))
            gold = list(dict.fromkeys(k for k in (key(str(g)) for g in q["gold"]) if k))
            for group in (level, f"{level}/{q.get('lang', '?')}"):
                acc = sums.setdefault(group, {})
                for k in K_VALUES:
                    acc[f"recall@{k}"] = acc.get(f"recall@{k}", 0.0) + recall_fn(got, gold, k)
                acc["mrr"] = acc.get("mrr", 0.0) + mrr_fn(got, gold)
                counts[group] = counts.get(group, 0) + 1
    metrics = {g: {m: v / counts[g] for m, v in acc.items()} for g, acc in sums.items()}
    cols = [f"recall@{k}" for k in K_VALUES] + ["mrr"]
    table = ["| level / lang | n | " + " | ".join(cols) + " |", "|---|---|" + "---|" * len(cols)]
    for group in sorted(metrics, key=lambda g: (g.split("/")[0], "/" in g, g)):
        vals = " | ".join(f"{metrics[group][c]:.2f}" for c in cols)
        table.append(f"| {group} | {counts[group]} | {vals} |")
    note = f"{len(questions)} questions from {qa_dir}; metrics: {source}"
    return RetrievalSummary(note, metrics, table, problems)
