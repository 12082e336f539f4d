"""Breaches and classes stated in plain words, on narratives we wrote for these tests: GDPR
infringements, NIS2 entities, a chatbot that never said it was an AI, a repurposed system."""

from __future__ import annotations

from assistant.chain.extract import extract_case, find_quote
from assistant.chain.extract.merge import same_actor


def _check_quotes(text: str) -> None:
    for fact in extract_case(text).added:
        match = find_quote(fact.quote, text)
        assert match is not None and match.exact, (fact.path, fact.quote)


def test_solely_automated_decision_about_people() -> None:
    text = (
        "Since 2026 Versicherung Nord AG uses a scoring tool from Riskly GmbH that rates "
        "applicants and automatically rejects anyone under 40 points; no human reviews it. On "
        "2 May 2027 Tom Berg was rejected and lost a cheaper policy."
    )
    case = extract_case(text).case
    assert case.data.personal_data_processed is True
    assert [i.value for i in case.gdpr.infringements or []] == ["art22_solely_automated"]
    _check_quotes(text)


def test_breach_after_an_attack_and_no_notification() -> None:
    text = (
        "On 3 March 2027 hackers exploited a flaw in the AI helpdesk of Telko SE and copied the "
        "customer data of 2,000 people, whose privacy was breached. Telko did not notify the "
        "data protection authority."
    )
    found = {i.value for i in extract_case(text).case.gdpr.infringements or []}
    assert {"security", "breach_notify_sa"} <= found


def test_nis2_entity_named_in_the_text() -> None:
    text = (
        "Our AI planning tool runs on servers of Datahafen AG, an important entity under NIS2. "
        "An outage on 5 May 2027 stopped production and we lost 30,000 EUR."
    )
    case = extract_case(text).case
    actor = next(a for a in case.actors if same_actor(a.name, "Datahafen AG"))
    assert actor.nis2_entity is not None and actor.nis2_entity.value == "important"


def test_undisclosed_chatbot_is_an_art50_breach_of_its_provider() -> None:
    text = (
        "Since February 2027 Reisewelt GmbH runs a booking chatbot it developed in-house. It "
        "never told customers they were talking to an AI. On 4 April 2027 it talked Ida Klein "
        "into a tour costing 900 EUR more than she wanted."
    )
    case = extract_case(text).case
    actor = next(a for a in case.actors if same_actor(a.name, "Reisewelt GmbH"))
    assert [b.value for b in actor.ai_act_breaches or []] == ["art50_disclosure"]


def test_repurposed_system_in_an_annex_iii_area() -> None:
    text = (
        "We are Stadtsparkasse Ost. We licensed a customer chatbot from Chatly GmbH and "
        "reconfigured it to score loan applicants. On 3 March 2028 it refused a loan to Eva "
        "Roth, who lost a cheaper offer."
    )
    case = extract_case(text).case
    assert case.modification.purpose_changed_to_high_risk is True
    assert case.modification.by is not None
