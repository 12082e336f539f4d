"""The real embedded model writes the analysis for one narrative (slow tier).

Asserts what must hold whatever the model writes: every citation in the report resolves, the
findings are the rule core's, and the measured citation coverage reaches the target — if it
does not, the failure message shows the gap (coverage, what the verifier dropped).
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from assistant.chain.pipeline import get_corpus, triage
from assistant.corpus import fetch_sources
from assistant.models import llm_status
from assistant.settings import get_settings
from assistant.vocabulary import find_ids
from tests.chain.chainkit import HEATER_NARRATIVE, INJECTION

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _corpus(corpus_sources: Path) -> None:
    ok, why = llm_status()
    if not ok:
        pytest.skip(f"embedded model not available: {why}")
    fetch_sources(get_settings(), source_dir=corpus_sources)


def test_local_model_analysis_is_cited_and_verified() -> None:
    day = date(2027, 6, 1)
    baseline = triage(HEATER_NARRATIVE, provider="none", as_of=day)
    started = time.monotonic()
    pieces: list[float] = []
    result = triage(f"{HEATER_NARRATIVE}\n\n{INJECTION}", provider="local", as_of=day,
                    on_token=lambda _: pieces.append(time.monotonic() - started))  # fmt: skip
    report = result.report
    corpus = get_corpus()
    for ident in [*report.citation_ids(), *find_ids(report.analysis_markdown)]:
        assert corpus.resolves(ident, day), f"unresolved citation {ident}"
    assert "CASE CLOSED" not in report.analysis_markdown
    # The model only explains: the open regimes are the rule core's (extraction may differ).
    assert {f.regime for f in report.findings if f.status.value != "excluded"} >= {
        f.regime
        for f in baseline.report.findings
        if f.regime.value == "PLD_2024" and f.status.value != "excluded"
    }
    m = result.analysis.metrics
    dropped = [f"{i.kind}: {i.sentence[:80]}" for i in result.analysis.issues]
    timing = f"first words {pieces[0] if pieces else float('nan'):.1f} s, total {result.timings['total_s']:.1f} s"
    assert m.coverage >= 0.9, f"coverage {m.coverage:.2f} ({timing}); verifier: {dropped}"
