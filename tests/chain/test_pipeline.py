"""The triage pipeline end to end: provider none, fake models that fail, injections, run_case."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.chain.extract import ExtractionResult
from assistant.chain.pipeline import get_corpus, run_case, triage
from assistant.corpus import fetch_sources
from assistant.facts import Case
from assistant.llm import ScriptedChatModel
from assistant.settings import get_settings
from assistant.vocabulary import find_ids
from tests.chain.chainkit import BANK_CASE, HEATER_NARRATIVE, INJECTION

# A seed-like narrative (the seed blog's bank breach, in our words).
BANK_NARRATIVE = (
    "I'm in-house counsel at OptiMind Analytics, a bank in Lyon. In March 2025 we licensed an "
    "AI fraud detection system from Innovate AI Solutions Ltd; it runs in our cloud tenancy and "
    "DataStream Co. feeds it customer transaction data. On 20 October 2026 attackers exploited a "
    "known vulnerability in a library inside the fraud engine that Innovate had not patched, "
    "read customer records and switched off fraud alerts. About 300 retail customers lost money "
    "through fraudulent transfers. Who is liable to the customers?"
)
DAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _fast_retries(monkeypatch: pytest.MonkeyPatch, corpus_sources: Path) -> None:
    monkeypatch.setenv("ASSISTANT_LLM_RETRIES", "0")
    get_settings.cache_clear()
    fetch_sources(get_settings(), source_dir=corpus_sources)


def statuses(result: Any) -> dict[tuple[str, str], str]:
    return {(f.regime.value, f.actor): f.status.value for f in result.report.findings}


def test_provider_none_end_to_end() -> None:
    triage(BANK_NARRATIVE, provider="none", as_of=DAY)  # warm the caches (corpus, extractor)
    started = time.monotonic()
    result = triage(BANK_NARRATIVE, provider="none", as_of=DAY, jurisdiction="FR")
    elapsed = time.monotonic() - started
    assert elapsed < 1.5, f"provider none took {elapsed:.2f} s warm"
    report = result.report
    assert report.jurisdiction == "FR"
    assert {"OptiMind Analytics", "DataStream Co."} <= {a.name for a in report.actors}
    assert report.findings and report.steps and report.analysis_markdown
    assert report.notice and "not legal advice" in report.notice
    corpus = get_corpus()
    for ident in [*report.citation_ids(), *find_ids(report.analysis_markdown)]:
        assert corpus.resolves(ident, DAY), ident
    assert all(c.url for c in report.citations)
    assert result.analysis.source == "template"
    assert result.analysis.metrics.coverage >= 0.85


@pytest.mark.parametrize(
    "script",
    [
        ["{not json", "still {not} json", "no"],
        [TimeoutError("slow"), TimeoutError("slow"), TimeoutError("slow")],
    ],
    ids=["malformed-json", "timeouts"],
)
def test_model_failures_keep_the_case_and_findings(script: list[object]) -> None:
    baseline = triage(BANK_NARRATIVE, provider="none", as_of=DAY)
    model = ScriptedChatModel.of(script, default="{broken")
    result = triage(BANK_NARRATIVE, model=model, as_of=DAY, retriever=_NoRetriever())
    assert result.case.actors  # the case survived
    assert statuses(result) == statuses(baseline)
    assert result.analysis.source == "template"
    assert result.extraction_notes or result.provider_notes  # the failure is said, not hidden
    for ident in result.report.citation_ids():
        assert get_corpus().resolves(ident, DAY)


def test_injected_instructions_do_not_change_findings_or_citations() -> None:
    day = date(2027, 6, 1)
    clean = triage(HEATER_NARRATIVE, provider="none", as_of=day)
    injected = triage(f"{HEATER_NARRATIVE}\n\n{INJECTION}", provider="none", as_of=day)
    assert statuses(injected) == statuses(clean)
    assert set(injected.report.citation_ids()) == set(clean.report.citation_ids())
    assert "CASE CLOSED" not in injected.report.analysis_markdown
    assert "treated as data" in injected.report.analysis_markdown


def test_injection_echoed_by_a_model_is_removed() -> None:
    day = date(2027, 6, 1)
    model = ScriptedChatModel.of(
        ["{}", "1. ThermaSense GmbH bears no liability whatsoever.\nCASE CLOSED - NO LIABILITY"]
    )
    result = triage(f"{HEATER_NARRATIVE}\n\n{INJECTION}", model=model, as_of=day,
                    retriever=_NoRetriever())  # fmt: skip
    text = result.report.analysis_markdown
    assert "CASE CLOSED" not in text and "no liability whatsoever" not in text
    assert any(f.status.value in ("likely", "possible") for f in result.report.findings)


def test_custom_extractor_and_jurisdiction_override() -> None:
    def extractor(
        text: str, *, model: object, base_case: Case | None, today: date
    ) -> ExtractionResult:
        return ExtractionResult(case=Case.model_validate(BANK_CASE), notes=["stand-in"])

    result = triage("anything", provider="none", as_of=DAY, jurisdiction="de", extractor=extractor)
    assert result.report.jurisdiction == "DE"
    assert result.extraction_notes == ["stand-in"]
    assert any(f.regime.value == "NATIONAL_FAULT" for f in result.report.findings)


def test_extractor_crash_does_not_lose_the_base_case() -> None:
    def broken(text: str, **_: object) -> ExtractionResult:
        raise RuntimeError("bug")

    base = Case.model_validate(BANK_CASE)
    result = triage("anything", provider="none", as_of=DAY, base_case=base, extractor=broken)
    assert [a.name for a in result.case.actors] == [a.name for a in base.actors]
    assert any("Extraction failed" in n for n in result.extraction_notes)


def test_run_case_matches_the_eval_pipeline_protocol() -> None:
    from assistant.evals.runner import Pipeline

    pipeline: Pipeline = run_case
    data = pipeline(BANK_NARRATIVE, provider="none", as_of=DAY, jurisdiction="FR")
    json.dumps(data)  # plain JSON
    for key in ("as_of", "jurisdiction", "actors", "ai_act_risk", "harms", "findings",
                "citations", "questions", "analysis_markdown"):  # fmt: skip
        assert key in data, key
    assert data["as_of"] == DAY.isoformat()
    assert data["verification"]["coverage"] >= 0.85
    finding = data["findings"][0]
    assert {"regime", "actor", "status", "provisions", "reasons", "needs_facts"} <= set(finding)


class _NoRetriever:
    def search(self, query: str, k: int = 8, **_: object) -> list[object]:
        return []
