"""Report assembly from a rule-core assessment: findings, steps, quoted citations, questions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from assistant.chain.report_builder import build_report
from assistant.corpus import load_corpus
from assistant.facts import Case, Provenance, set_fact
from assistant.report import to_markdown
from assistant.rules import evaluate

CASE = {
    "jurisdiction": {"member_state": "DE"},
    "ai": {"is_ai_system": True, "annex_i_product": True, "annex_i_product_type": "machinery"},
    "product": {"market_date": "2027-03-01", "kind": "physical_product"},
    "actors": [
        {"name": "Mowbot GmbH", "roles": ["developer_provider"], "established_in_eu": True},
        {"name": "Attacker", "roles": []},
    ],
    "claimant": {"type": "natural_person"},
    "damage": [{"type": "personal_injury"}],
    "incident": {"date": "2027-05-10", "obvious_malfunction": True},
}


def test_report_from_assessment_digest_only_corpus() -> None:
    case = Case.model_validate(CASE)
    case = set_fact(case, "claimant.consumer", True, Provenance.assumed("a private gardener"))
    assessment = evaluate(case, date(2027, 6, 1))
    corpus = load_corpus()  # nothing fetched in this test: digest-backed
    analysis = "Mowbot is the manufacturer [PLD_2024 Art 8(1)(a)] and see [PLD_2024 Art 99]."
    report = build_report(case, assessment, corpus, analysis_markdown=analysis)
    assert [a.name for a in report.actors] == ["Mowbot GmbH", "Attacker"]
    assert report.actors[1].roles == []
    pld = next(
        f for f in report.findings if f.regime.value == "PLD_2024" and f.actor == "Mowbot GmbH"
    )
    assert pld.status.value in ("likely", "possible")
    assert report.steps and report.steps[0].statements
    cited = {c.id for c in report.citations}
    # Every citation resolved; the invented one became a visible verifier issue instead.
    assert "PLD_2024 Art 99" not in cited
    assert any(i.sentence == "PLD_2024 Art 99" for i in report.verifier_issues)
    for c in report.citations:
        assert corpus.resolves(c.id, report.as_of)
        assert c.quote
        assert c.quote_is_digest  # digest-only corpus (and national digest) says so
    assert any("claimant.consumer" in a for a in report.assumptions)
    assert "Mowbot GmbH" in report.summary
    md = to_markdown(report)
    assert "Cited provisions" in md


def test_report_quotes_official_text_when_fetched(corpus_sources: Path) -> None:
    from assistant.corpus import fetch_sources
    from assistant.settings import get_settings

    settings = get_settings()
    fetch_sources(settings, source_dir=corpus_sources, only=["PLD_2024"])
    corpus = load_corpus(settings)
    case = Case.model_validate(CASE)
    assessment = evaluate(case, date(2027, 6, 1))
    report = build_report(case, assessment, corpus)
    art8 = next(c for c in report.citations if c.id.startswith("PLD_2024 Art 8"))
    assert not art8.quote_is_digest
    assert art8.url and "eur-lex" in art8.url
