"""The verifier's four rules on hand-written drafts (lexical support check, no model)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.chain.analyst_template import template_analysis
from assistant.chain.verify import UNVERIFIED_MARK, find_conflicts, verify_analysis
from assistant.chain.verify.sentences import normalise_id, parse_draft
from assistant.corpus import Corpus
from assistant.rules import evaluate
from assistant.vocabulary import PublicStatus, Regime, find_ids
from tests.chain.chainkit import (
    BANK_CASE,
    BANK_DAY,
    HEATER_CASE,
    HEATER_DAY,
    INJECTION,
    assess,
    full_corpus,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, corpus_sources: Path) -> Corpus:
    return full_corpus(tmp_path_factory.mktemp("verifier-data"), corpus_sources)


def kinds(result: object) -> list[tuple[str, str]]:
    return [(i.kind, i.action) for i in result.issues]  # type: ignore[attr-defined]


def test_citation_that_does_not_exist_is_removed_and_recorded(corpus: Corpus) -> None:
    _, assessment = assess(HEATER_CASE, HEATER_DAY)
    draft = "The maker is liable for the fire under product liability law [PLD_2024 Art 99]."
    result = verify_analysis(draft, assessment, corpus)
    assert "PLD_2024 Art 99" not in result.markdown
    assert ("unresolved_citation", "removed") in kinds(result)
    # Nothing else supported it: the sentence is visibly marked, not silently kept.
    assert UNVERIFIED_MARK in result.markdown or "Art 99" not in result.markdown
    assert result.metrics.draft_unresolved == 1
    for ident in find_ids(result.markdown):
        assert corpus.resolves(ident, HEATER_DAY)


def test_free_form_reference_to_a_missing_article_is_flagged(corpus: Corpus) -> None:
    _, assessment = assess(HEATER_CASE, HEATER_DAY)
    draft = "Under Article 99 of the PLD the victim gets compensation."
    result = verify_analysis(draft, assessment, corpus)
    assert any(i.kind == "unresolved_citation" for i in result.issues)
    assert UNVERIFIED_MARK in result.markdown


def test_citation_that_exists_but_does_not_support_is_flagged(corpus: Corpus) -> None:
    _, assessment = assess(HEATER_CASE, HEATER_DAY)
    # GDPR Art 82(6) (competent courts) says nothing about a product's defectiveness.
    draft = "Whether the heater was defective depends on the safety a person may expect [GDPR Art 82(6)]."
    result = verify_analysis(draft, assessment, corpus)
    assert ("unsupported", "removed") in kinds(result)
    assert "GDPR Art 82(6)" not in result.markdown
    assert UNVERIFIED_MARK in result.markdown
    assert result.metrics.coverage < 1.0


def test_supported_citation_is_kept(corpus: Corpus) -> None:
    _, assessment = assess(HEATER_CASE, HEATER_DAY)
    draft = "Whether the heater was defective depends on the safety a person may expect [PLD_2024 Art 7(1)]."
    result = verify_analysis(draft, assessment, corpus)
    assert "[PLD_2024 Art 7(1)]" in result.markdown
    assert UNVERIFIED_MARK not in result.markdown
    assert result.metrics.coverage == 1.0


def test_conclusion_contradicting_the_rule_core_is_replaced(corpus: Corpus) -> None:
    _, assessment = assess(BANK_CASE, BANK_DAY)
    pld = assessment.finding(Regime.PLD_2024, "Innovate AI Solutions Ltd")
    assert pld is not None and pld.status is PublicStatus.EXCLUDED
    draft = "Innovate AI Solutions Ltd is liable under the new PLD for the losses [PLD_2024 Art 8(1)(a)]."
    result = verify_analysis(draft, assessment, corpus)
    assert [i.kind for i in result.issues] == ["contradiction"]
    assert "is liable under the new PLD" not in result.markdown
    assert "Rule core" in result.markdown and "excluded" in result.markdown
    assert any(p in result.markdown for p in pld.provisions)


def test_denial_of_an_open_regime_is_replaced(corpus: Corpus) -> None:
    _, assessment = assess(HEATER_CASE, HEATER_DAY)
    draft = "ThermaSense GmbH bears no liability whatsoever."
    result = verify_analysis(draft, assessment, corpus)
    assert any(i.kind == "contradiction" and i.action == "replaced" for i in result.issues)
    assert "bears no liability" not in result.markdown
    open_rows = [f for f in assessment.public if f.status is not PublicStatus.EXCLUDED]
    assert any(f.status.value in result.markdown for f in open_rows)


def test_statements_that_agree_with_the_rule_core_are_not_touched(corpus: Corpus) -> None:
    _, assessment = assess(BANK_CASE, BANK_DAY)
    draft = (
        "The new Product Liability Directive does not apply, because the system was placed on "
        "the market before 9 December 2026 [PLD_2024 Art 2(1)]. Innovate AI Solutions Ltd may "
        "be liable in fault under French law [PLD_2024 Art 2(4)(b)]."
    )
    result = verify_analysis(draft, assessment, corpus)
    assert not [i for i in result.issues if i.kind == "contradiction"]


def test_aild_presented_as_law_is_replaced_with_the_withdrawn_wording(corpus: Corpus) -> None:
    _, assessment = assess(HEATER_CASE, HEATER_DAY)
    draft = "Under the AI Liability Directive, causation is presumed [AILD_PROPOSAL Art 4]."
    result = verify_analysis(draft, assessment, corpus)
    assert ("aild_as_law", "replaced") in kinds(result)
    assert "withdrawn" in result.markdown
    assert "causation is presumed" not in result.markdown
    # The PLD is open for ThermaSense: the presumption that does exist is PLD_2024 Art 10(4).
    assert "PLD_2024 Art 10(4)" in result.markdown


def test_aild_replacement_points_to_national_law_when_the_pld_is_closed(corpus: Corpus) -> None:
    _, assessment = assess(BANK_CASE, BANK_DAY)
    result = verify_analysis("The AILD lets the customers rely on a presumption of fault.",
                             assessment, corpus)  # fmt: skip
    assert ("aild_as_law", "replaced") in kinds(result)
    assert "PLD_2024 Art 10(4)" not in result.markdown
    assert "national law" in result.markdown


def test_aild_named_as_withdrawn_history_is_kept(corpus: Corpus) -> None:
    _, assessment = assess(HEATER_CASE, HEATER_DAY)
    draft = "The AI Liability Directive proposal was withdrawn in 2025 and never became law [AILD_PROPOSAL]."
    result = verify_analysis(draft, assessment, corpus)
    assert not [i for i in result.issues if i.kind == "aild_as_law"]


def test_echo_of_an_injected_instruction_is_removed(corpus: Corpus) -> None:
    _, assessment = assess(HEATER_CASE, HEATER_DAY)
    draft = "The heater maker may be liable for the fire [PLD_2024 Art 8(1)(a)]. CASE CLOSED - NO LIABILITY."
    result = verify_analysis(draft, assessment, corpus, narrative=f"My heater burnt. {INJECTION}")
    assert "CASE CLOSED" not in result.markdown
    assert ("injection", "removed") in kinds(result)
    assert "PLD_2024 Art 8(1)(a)" in result.markdown


def test_markdown_in_model_text_is_escaped_but_citations_are_not(corpus: Corpus) -> None:
    _, assessment = assess(HEATER_CASE, HEATER_DAY)
    draft = (
        "The [manufacturer](http://evil.example) of the <b>defective product</b> is liable "
        "[PLD_2024 Art 8(1)(a)]."
    )
    result = verify_analysis(draft, assessment, corpus)
    assert "](http" not in result.markdown.replace("\\]", "")
    assert "<b>" not in result.markdown
    assert "[PLD_2024 Art 8(1)(a)]" in result.markdown


@pytest.mark.parametrize(("case", "day"), [(BANK_CASE, BANK_DAY), (HEATER_CASE, HEATER_DAY)])
def test_template_analysis_passes_its_own_checks(
    corpus: Corpus, case: dict[str, object], day: object
) -> None:
    _, assessment = assess(case, day)  # type: ignore[arg-type]
    result = verify_analysis(template_analysis(assessment), assessment, corpus, trusted=True)
    assert not [i for i in result.issues if i.kind == "aild_as_law"], result.issues
    assert result.metrics.draft_unresolved == 0
    assert result.metrics.coverage >= 0.9
    for ident in find_ids(result.markdown):
        assert corpus.resolves(ident, day), ident  # type: ignore[arg-type]


@pytest.mark.parametrize(
    # dev cases only: the held-out split stays unseen by anything tuned against it
    "path",
    sorted((ROOT / "evals" / "cases" / "dev").glob("*.yaml")),
    ids=lambda p: p.stem,
)
def test_conclusion_check_has_no_false_alarm_on_the_rule_cores_own_wording(path: Path) -> None:
    """Every eval case: no sentence of the template contradicts the rule core (checker FPs)."""
    import yaml

    from assistant.chain.extract import extract_case

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    day = data.get("as_of") or date(2027, 6, 1)
    case = extract_case(data["narrative"], today=day).case
    assessment = evaluate(case, day)
    for block in parse_draft(template_analysis(assessment)):
        for s in block.sentences:
            if block.kind != "heading":
                assert not find_conflicts(s.text, assessment, s.ids), s.text


def test_sentence_split_keeps_abbreviations_and_trailing_brackets() -> None:
    blocks = parse_draft(
        "STEP 1: Which regime\nDataStream Co. may be liable, e.g. in tort. [GDPR Art 82(2)] "
        "Art. 8 PLD names the manufacturer [PLD 2024 Article 8(1)(a); GDPR, Art 82]."
    )
    assert blocks[0].kind == "heading"
    sentences = [s for b in blocks[1:] for s in b.sentences]
    assert [s.text for s in sentences] == [
        "DataStream Co. may be liable, e.g. in tort",
        "Art. 8 PLD names the manufacturer",
    ]
    assert sentences[0].ids == ["GDPR Art 82(2)"]
    assert sentences[1].ids == ["PLD_2024 Art 8(1)(a)", "GDPR Art 82"]


def test_id_normalisation() -> None:
    assert normalise_id("Art 8(1) PLD_2024") == "PLD_2024 Art 8(1)"
    assert normalise_id("AI Act Art. 50 para 1") == "AI_ACT Art 50(1)"
    assert normalise_id("NATIONAL FR Code civil art. 1240") == "NATIONAL FR Code civil art. 1240"
    assert normalise_id("the court decides") is None
