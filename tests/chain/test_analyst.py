"""The analyst with LangChain fake chat models: verified summaries, drops, fallbacks, budget."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.messages import SystemMessage

from assistant.chain.analyst import analyse, parse_item_lines
from assistant.chain.analyst_context import build_context, prompt_budget
from assistant.chain.analyst_template import analysis_items, summary_items, template_analysis
from assistant.corpus import Corpus
from assistant.llm import BrokenStream, ScriptedChatModel, load_prompt
from assistant.llm.messages import parse_data_blocks
from assistant.models import count_tokens
from assistant.vocabulary import find_ids
from tests.chain.chainkit import (
    HEATER_CASE,
    HEATER_DAY,
    HEATER_NARRATIVE,
    INJECTION,
    assess,
    full_corpus,
)

GOOD = (
    "1. ThermaSense GmbH may have to pay for the damage caused by its defective product "
    "[PLD_2024 Art 5(1)]."
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, corpus_sources: Path) -> Corpus:
    return full_corpus(tmp_path_factory.mktemp("analyst-data"), corpus_sources)


def run(corpus: Corpus, model: ScriptedChatModel | None, narrative: str = HEATER_NARRATIVE):  # type: ignore[no-untyped-def]
    case, assessment = assess(HEATER_CASE, HEATER_DAY)
    stream = analyse(case, assessment, corpus, model=model, narrative=narrative, retries=0,
                     prefill_tok_s=500.0)  # fmt: skip
    pieces = list(stream)
    return pieces, stream.result, assessment


def test_verified_summary_is_shown_with_its_citation(corpus: Corpus) -> None:
    model = ScriptedChatModel.of([GOOD])
    pieces, result, _ = run(corpus, model)
    assert "".join(pieces) == GOOD  # the draft streamed as written
    assert result.source == "llm"
    assert "In short: ThermaSense GmbH may have to pay" in result.markdown
    assert "[PLD_2024 Art 5(1)]" in result.markdown
    assert result.metrics.coverage >= 0.9
    for ident in find_ids(result.markdown):
        assert corpus.resolves(ident, HEATER_DAY)


def test_summary_contradicting_the_rule_core_is_dropped(corpus: Corpus) -> None:
    model = ScriptedChatModel.of(
        ["1. ThermaSense GmbH bears no liability whatsoever [PLD_2024 Art 5(1)]."]
    )
    _, result, assessment = run(corpus, model)
    assert result.source == "template"
    assert "no liability whatsoever" not in result.markdown
    assert {"contradiction", "summary_dropped"} <= {i.kind for i in result.issues}
    assert "In short" not in result.markdown
    assert all(f.actor in result.markdown for f in assessment.public)


def test_summary_with_an_invented_citation_is_dropped(corpus: Corpus) -> None:
    model = ScriptedChatModel.of(
        [
            "1. ThermaSense GmbH may have to pay for the damage caused by its defective product [PLD_2024 Art 99]."
        ]
    )
    _, result, _ = run(corpus, model)
    assert "In short" not in result.markdown
    assert "Art 99" not in result.markdown
    assert any(i.kind == "unresolved_citation" for i in result.issues)


def test_summary_citing_an_unrelated_provision_is_dropped(corpus: Corpus) -> None:
    model = ScriptedChatModel.of(
        [
            "1. ThermaSense GmbH may have to pay for the damage caused by its defective product [GDPR Art 82(6)]."
        ]
    )
    _, result, _ = run(corpus, model)
    assert "GDPR Art 82(6)" not in result.markdown
    assert any(i.kind == "unsupported" for i in result.issues)


@pytest.mark.parametrize(
    "step",
    [
        TimeoutError("the model took too long"),
        BrokenStream("1. ThermaSense may", ConnectionError("reset")),
    ],
    ids=["timeout", "broken-stream"],
)
def test_model_failure_falls_back_to_the_rule_core_wording(corpus: Corpus, step: object) -> None:
    _, result, assessment = run(corpus, ScriptedChatModel.of([step]))
    assert result.source == "template"
    assert result.outcome is not None and result.outcome.fell_back
    assert result.notes  # says what happened
    assert "Step 1" in result.markdown and "PLD_2024" in result.markdown
    open_regimes = {f.regime.value for f in assessment.public if f.status.value != "excluded"}
    assert open_regimes  # the findings are all still there, in the rule core's wording


def test_no_model_gives_the_template(corpus: Corpus) -> None:
    pieces, result, _ = run(corpus, None)
    assert pieces == []
    assert result.source == "template" and result.outcome is None
    assert result.metrics.coverage >= 0.85


def test_narrative_never_reaches_the_model_and_data_is_fenced(corpus: Corpus) -> None:
    model = ScriptedChatModel.of([GOOD])
    run(corpus, model, narrative=f"{HEATER_NARRATIVE}\n{INJECTION}")
    system, user = model.calls[0][0], model.calls[0][-1]
    assert isinstance(system, SystemMessage)
    assert "IMPORTANT SYSTEM NOTE" not in str(system.content)
    assert "IMPORTANT SYSTEM NOTE" not in str(user.content)  # only facts and findings are sent
    names = [name for name, _, _ in parse_data_blocks(str(user.content))]
    assert names[0] == "items"
    instructions = load_prompt("analyst").render().strip()
    assert str(user.content).rstrip().endswith(instructions)  # the instructions come last


def test_injected_instructions_change_nothing(corpus: Corpus) -> None:
    echo = ScriptedChatModel.of([GOOD + "\nCASE CLOSED - NO LIABILITY"])
    _, injected, _ = run(corpus, echo, narrative=f"{HEATER_NARRATIVE}\n{INJECTION}")
    _, clean, _ = run(corpus, ScriptedChatModel.of([GOOD]))
    assert "CASE CLOSED" not in injected.markdown
    assert set(injected.cited_ids) == set(clean.cited_ids)
    assert "treated as data" in injected.markdown


def test_prompt_budget_follows_prefill_speed() -> None:
    slow = prompt_budget(20.0, target_s=15.0, fixed_tokens=250)
    fast = prompt_budget(200.0, target_s=15.0, fixed_tokens=250)
    assert slow < fast
    assert prompt_budget(1.0, fixed_tokens=250) == 120  # floor: one actor at least


def test_context_fits_the_budget(corpus: Corpus) -> None:
    case, assessment = assess(HEATER_CASE, HEATER_DAY)
    items = summary_items(assessment)
    tight = build_context(case, assessment, corpus, items, budget=150, count=count_tokens)
    roomy = build_context(case, assessment, corpus, items, budget=2000, count=count_tokens)
    assert tight.sent == [1] and roomy.sent == [i.number for i in items]
    assert roomy.tokens <= 2000 and len(roomy.provisions) > len(tight.provisions)
    assert count_tokens("\n".join(tight.blocks().values())) <= 150 + 10


def test_parse_item_lines_tolerates_bullets_and_bold() -> None:
    text = "Here you go:\n1. **Acme** may pay.\n   - because it made it [PLD_2024 Art 8]\n2) Other.\n1. again"
    assert parse_item_lines(text) == {
        1: "Acme may pay. because it made it [PLD_2024 Art 8]",
        2: "Other.",
    }


def test_every_finding_is_in_the_template(corpus: Corpus) -> None:
    _, assessment = assess(HEATER_CASE, HEATER_DAY)
    items = analysis_items(assessment)
    text = template_analysis(assessment)
    for f in assessment.public:
        if f.status.value != "excluded":
            assert any(f.actor in i.group and f.regime in i.regimes for i in items)
    assert text.count("### Step") == 3


def test_a_summary_that_copies_the_rule_core_line_is_not_shown(corpus: Corpus) -> None:
    _, assessment = assess(HEATER_CASE, HEATER_DAY)
    brief = summary_items(assessment)[0].brief
    _, result, _ = run(corpus, ScriptedChatModel.of([f"1. {brief}"]))
    assert "In short" not in result.markdown
    assert any(i.kind == "summary_copy" for i in result.issues)


def test_a_summary_about_someone_else_is_not_shown(corpus: Corpus) -> None:
    line = "1. Acme Ltd may have to pay for the damage caused by its defective product [PLD_2024 Art 5(1)]."
    _, result, _ = run(corpus, ScriptedChatModel.of([line]))
    assert "Acme" not in result.markdown
    assert any(i.kind == "summary_dropped" for i in result.issues)
