"""The interviewer: questions for the case, and answers parsed back into facts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from assistant.chain.extract import extract_case
from assistant.chain.interview import AnswerKind, apply_answer, describe_question, phrase_questions
from assistant.facts import Actor, Case, Damage, Source, get_fact
from assistant.llm import ScriptedChatModel
from assistant.llm.messages import parse_data_blocks
from assistant.rules import Question, evaluate
from assistant.settings import get_settings

CASE = Case(
    actors=[Actor(name="VacuBot GmbH"), Actor(name="ClinAssist GmbH")],
    damage=[Damage(type="property")],
)


@pytest.fixture(autouse=True)
def _no_retries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("ASSISTANT_LLM_RETRIES", "0")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def question(path: str, code: str = "Q_TEST", text: str = "A question?") -> Question:
    actor = "VacuBot GmbH" if path.startswith("actors[0]") else None
    return Question(
        id=f"{code}:{actor}" if actor else code, code=code, text=text, fact_paths=[path],
        reason="test", provisions=["PLD_2024 Art 8(1)"], priority=1, impact=1, actor=actor,
    )  # fmt: skip


ROWS: list[tuple[str, str, Any]] = [
    ("incident.date", "15.03.2027", date(2027, 3, 15)),
    ("incident.date", "It happened on 3 March 2027.", date(2027, 3, 3)),
    ("incident.date", "im Januar 2027", date(2027, 1, 1)),
    ("incident.date", "le 2 février 2027", date(2027, 2, 2)),
    ("actors[0].established_in_eu", "yes", True),
    ("actors[0].established_in_eu", "Nein.", False),
    ("actors[0].established_in_eu", "oui, à Lyon", True),
    ("actors[0].established_in_eu", "non", False),
    ("actors[0].established_in_eu", "They are based in the US", False),
    ("actors[0].placed_on_market", "They only used it internally", False),
    ("ai.is_ai_system", "It only follows fixed rules written by engineers", False),
    ("ai.is_ai_system", "It uses a neural network", True),
    ("ai.supplied_in_commercial_activity", "Yes, free and non-commercial", False),
    ("actors[0].foss_noncommercial", "ja", True),
    ("claimant.type", "a private individual", "natural_person"),
    ("claimant.type", "our company", "legal_person"),
    ("claimant.type", "both", "both"),
    ("claimant.type", "2", "legal_person"),
    ("damage[0].professional_use", "only for work", "exclusively_professional"),
    ("damage[0].professional_use", "privat", "private"),
    ("damage[0].amount_eur", "about 1,200 EUR", 1200.0),
    ("damage[0].amount_eur", "roughly 3k", 3000.0),
    ("jurisdiction.member_state", "Germany", "DE"),
    ("jurisdiction.member_state", "in Lyon, France", "FR"),
    ("jurisdiction.member_state", "AT", "AT"),
    ("actors[0].roles", "They built the model and sell it under their own brand",
     ["developer", "provider"]),
    ("actors[0].roles", "they hosted it on their servers", ["cloud_provider"]),
    ("actors[0].roles", "an attacker, no role in the chain", []),
    ("incident.causes", "a hacker exploited an unpatched bug",
     ["cyberattack", "missing_security_update"]),
    ("ai.annex_iii_point", "credit scoring for loan applications", "5b"),
    ("ai.annex_iii_point", "Hiring", "4a"),
    ("ai.annex_iii_point", "none of these", "none"),
    ("ai.practice_flags", "no", []),
    ("actors[0].cloud_service_role", "The app stops working without it",
     "related_service_required_for_function"),
    ("incident.harm_path", "She relied on its advice", "informational_output_relied_on"),
    ("ai.interacts_with_persons", "No, nobody told them", True),
    ("actors[0].conduct", "They never tested the obstacle detection.",
     "They never tested the obstacle detection."),
]  # fmt: skip


@pytest.mark.parametrize(("path", "answer", "expected"), ROWS)
def test_answers_become_user_facts(path: str, answer: str, expected: Any) -> None:
    result = apply_answer(CASE, question(path), answer)
    assert result.ok and result.clarification is None, result
    assert result.changed == [path] and result.understood
    value = get_fact(result.case, path)
    if isinstance(value, list):
        assert sorted(getattr(v, "value", v) for v in value) == sorted(expected)
    else:
        assert getattr(value, "value", value) == expected
    assert result.case.provenance[path].source is Source.USER
    assert result.parsed_by == "rules"


def test_harm_answers_add_damage_items() -> None:
    result = apply_answer(CASE, question("damage", "Q_DAMAGE"), "burns, and money lost")
    assert [h.value for h in result.case.harms()] == [
        "property",
        "personal_injury",
        "economic_loss",
    ]
    assert result.changed == ["damage[1]", "damage[2]"]


@pytest.mark.parametrize(
    ("path", "answer", "needle"),
    [
        ("incident.date", "December 2026", "exact day"),
        ("incident.date", "last spring", "date"),
        ("incident.date", "on 3 March 2027 or maybe 5 March 2027", "more than one date"),
        ("actors[0].established_in_eu", "yes and no", "both yes and no"),
        ("actors[0].established_in_eu", "hmm, it depends", "yes or no"),
        (
            "claimant.type",
            "our company and a private individual, or maybe just one",
            "more than one",
        ),
        ("ai.annex_iii_point", "they used it for something odd", "Options:"),
        ("damage[0].amount_eur", "quite a lot", "euros"),
        ("contracts", "there is some paperwork", "Between whom"),
    ],
)
def test_unclear_answers_ask_back_and_change_nothing(path: str, answer: str, needle: str) -> None:
    code = "Q_CONTRACT" if path == "contracts" else "Q_TEST"
    result = apply_answer(CASE, question(path, code), answer)
    assert not result.ok and result.clarification and needle in result.clarification
    assert result.case == CASE and result.changed == []


def test_dont_know_is_noted_not_stored() -> None:
    for answer in ("I don't know", "keine Ahnung", "je ne sais pas"):
        result = apply_answer(CASE, question("incident.date"), answer)
        assert result.ok and result.unknown and result.changed == [] and result.case == CASE


def test_modification_answers_set_several_facts() -> None:
    q = question("modification.substantial", "Q_MODIFICATION")
    result = apply_answer(CASE, q, "Yes, ClinAssist retrained it in April 2027 without permission")
    m = result.case.modification
    assert (m.occurred, m.date, m.authorised_by_manufacturer, m.by) == (
        True, date(2027, 4, 1), False, "ClinAssist GmbH"
    )  # fmt: skip
    assert set(result.changed) == {
        "modification.occurred", "modification.date",
        "modification.authorised_by_manufacturer", "modification.by",
    }  # fmt: skip
    no = apply_answer(CASE, q, "No, never changed.")
    assert (no.case.modification.occurred, no.case.modification.substantial) == (False, False)


def test_contract_answers() -> None:
    q = question("contracts", "Q_CONTRACT")
    result = apply_answer(CASE, q, "VacuBot's terms of use with me cap liability at 500 EUR")
    contract = (result.case.contracts or [])[0]
    assert contract.parties == ["VacuBot GmbH", "claimant"]
    assert (contract.kind, contract.limitation_clause, contract.liability_cap_eur) == (
        "terms of use", True, 500.0
    )  # fmt: skip
    none = apply_answer(CASE, q, "No contracts at all")
    assert none.case.contracts == [] and none.changed == ["contracts"]


def test_free_text_goes_to_the_model_only_when_the_parsers_fail() -> None:
    q = question("actors[0].placed_on_market")
    model = ScriptedChatModel.of([json.dumps({"values": ["yes"], "quote": "to partners"})])
    parsed = apply_answer(CASE, q, "yes", model=model)
    assert parsed.parsed_by == "rules" and not model.calls
    result = apply_answer(CASE, q, "It went out to partners across Europe", model=model)
    assert result.parsed_by == "model" and result.case.actors[0].placed_on_market is True
    blocks = dict((name, body) for name, _, body in parse_data_blocks(model.calls[0][-1].text))
    assert blocks["answer"] == "It went out to partners across Europe"


@pytest.mark.parametrize(
    "reply",
    [
        json.dumps({"values": ["yes"], "quote": "they sold it everywhere"}),  # not in the answer
        json.dumps({"values": ["unclear"], "quote": "partners"}),
        "not json at all",
    ],
)
def test_unverifiable_model_readings_ask_back(reply: str) -> None:
    q = question("actors[0].placed_on_market")
    result = apply_answer(CASE, q, "It went out to partners", model=ScriptedChatModel.of([reply]))
    assert result.clarification and result.case == CASE


def test_choice_answers_through_the_model_must_be_allowed_values() -> None:
    q = question("claimant.type")
    model = ScriptedChatModel.of([json.dumps({"values": ["both"], "quote": "the shop and Anna"})])
    result = apply_answer(CASE, q, "the shop and Anna", model=model)
    assert result.case.claimant.type is not None and result.case.claimant.type.value == "both"
    bad = ScriptedChatModel.of([json.dumps({"values": ["aliens"], "quote": "the shop"})])
    assert apply_answer(CASE, q, "the shop and Anna", model=bad).clarification


NARRATIVE = (
    "ClinAssist GmbH fine-tuned a triage model and sells it to hospitals. On 20 May 2027 the "
    "model ranked a child as low priority at the Harbour Clinic; the child now has lasting "
    "kidney damage."
)


def _assessment() -> tuple[Case, Any]:
    case = extract_case(NARRATIVE).case
    return case, evaluate(case, date(2027, 6, 1))


def test_questions_come_from_the_rule_core_with_kinds_and_names() -> None:
    case, assessment = _assessment()
    phrased = phrase_questions(case, assessment, limit=5)
    assert [q.id for q in phrased] == [q.id for q in assessment.questions[:5]]
    for q in phrased:
        assert q.phrased_by == "template" and q.fact_paths and q.reason
        if q.kind in (AnswerKind.CHOICE, AnswerKind.MULTI_CHOICE):
            assert q.options
        if q.actor and q.code == "Q_ROLE":
            assert q.text.startswith(f"What did {q.actor} do")


def test_model_phrasing_is_checked_before_use() -> None:
    case, assessment = _assessment()
    phrased = phrase_questions(case, assessment, limit=3)
    first, second, third = phrased
    texts = [
        {"id": first.id, "text": f"Could you tell me {first.text[0].lower()}{first.text[1:]}"},
        {"id": second.id, "text": "Is the developer liable under Art 8?"},  # legal conclusion
        {"id": third.id, "text": "What happened next"},  # no question mark
        {"id": "Q_INVENTED", "text": "Who is to blame?"},
    ]
    model = ScriptedChatModel.of([json.dumps({"questions": texts})])
    out = phrase_questions(case, assessment, model=model, limit=3)
    assert out[0].phrased_by == "model" and out[0].text.startswith("Could you tell me")
    assert [q.phrased_by for q in out[1:]] == ["template", "template"]
    assert [q.text for q in out[1:]] == [second.text, third.text]
    assert [q.id for q in out] == [q.id for q in phrased]


def test_actor_questions_must_keep_the_actor_s_name() -> None:
    case = Case(actors=[Actor(name="Harbour Clinic")])
    q = Question(id="Q_ROLE:Harbour Clinic", code="Q_ROLE", text="About Harbour Clinic: What did "
                 "this company or person do in the chain?", fact_paths=["actors[0].roles"],
                 reason="r", priority=1, impact=1, actor="Harbour Clinic")  # fmt: skip
    assessment = evaluate(case, date(2027, 6, 1)).model_copy(update={"questions": [q]})
    templated = phrase_questions(case, assessment)[0]
    assert templated.text == "What did Harbour Clinic do in the chain?"
    model = ScriptedChatModel.of(
        [json.dumps({"questions": [{"id": q.id, "text": "What did they do?"}]})]
    )
    assert phrase_questions(case, assessment, model=model)[0].phrased_by == "template"
    broken = ScriptedChatModel.of(["no json here"])
    assert phrase_questions(case, assessment, model=broken)[0].text == templated.text


def test_rule_core_questions_are_accepted_directly() -> None:
    case = extract_case(NARRATIVE).case
    assessment = evaluate(case, date(2027, 6, 1), questions=20)
    q = next(q for q in assessment.questions if q.code == "Q_JURISDICTION")
    assert describe_question(case, q).kind is AnswerKind.COUNTRY
    result = apply_answer(case, q, "Deutschland")
    assert result.case.jurisdiction.member_state == "DE"
