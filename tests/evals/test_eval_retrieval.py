"""Retrieval metrics through an injected retriever, and the skip paths."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from assistant.evals.retrieval import run_retrieval_eval

QA = {
    "questions": [
        {"id": "q1", "question": "What does Art 10 PLD say?", "lang": "en",
         "gold": ["PLD_2024 Art 10"]},
        {"id": "q2", "question": "Wer ist Anbieter nach der KI-Verordnung?", "lang": "de",
         "gold": ["AI_ACT Art 25"], "extra": "ignored"},
        {"id": "broken", "question": "no gold"},
    ]
}  # fmt: skip

RANKED = {
    "What does Art 10 PLD say?": ["PLD_2024 Art 10(2)(c)", "PLD_2024 Art 9"],
    "Wer ist Anbieter nach der KI-Verordnung?": ["GDPR Art 82", "AI_ACT@2024-07-12 Art 25(4)"],
}


class ListRetriever:
    """Returns fixed hits (objects with an ``id``) per question."""

    def search(self, query: str, k: int = 8) -> list[SimpleNamespace]:
        return [SimpleNamespace(id=i) for i in RANKED[query][:k]]


def write_qa(tmp_path: Path) -> Path:
    qa = tmp_path / "retrieval"
    qa.mkdir()
    (qa / "dev.yaml").write_text(yaml.safe_dump(QA, allow_unicode=True), "utf-8")
    return qa


def test_metrics_per_level_split_and_language(tmp_path: Path) -> None:
    summary = run_retrieval_eval(write_qa(tmp_path), ListRetriever())
    art = summary.metrics["article all"]
    assert art["n"] == 2
    assert art["recall@5"] == 1.0
    assert art["mrr@10"] == pytest.approx((1.0 + 0.5) / 2)
    assert summary.metrics["article lang=de"]["mrr@10"] == 0.5
    assert summary.metrics["paragraph dev"]["n"] == 2
    assert any("q" in p and "gold" in p for p in summary.problems)
    assert summary.table[0].startswith("| level |")
    assert "assistant.index.metrics" in summary.note


def test_failing_query_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    class Broken:
        def search(self, query: str, k: int = 8) -> list[SimpleNamespace]:
            raise RuntimeError("chroma down")

    summary = run_retrieval_eval(write_qa(tmp_path), Broken())
    assert any("chroma down" in p for p in summary.problems)


def test_skips_without_questions_or_index(tmp_path: Path) -> None:
    assert "no QA directory" in run_retrieval_eval(tmp_path / "nope").note
    (tmp_path / "empty").mkdir()
    assert "no usable questions" in run_retrieval_eval(tmp_path / "empty").note
    # the isolated test data dir has no index built: the real default path must say so
    note = run_retrieval_eval(write_qa(tmp_path)).note
    assert note.startswith("skipped") and "index" in note
