"""Contracts read from narratives we wrote for these tests: purchases, licences in both
directions, rentals, customers of the writer's organisation, terms that cap liability."""

from __future__ import annotations

import pytest

from assistant.chain.extract import extract_case, find_quote
from assistant.facts import CLAIMANT_PARTY, Case

INJURED = {CLAIMANT_PARTY, "the writer"}


def _contract(case: Case, supplier: str) -> tuple[set[str], dict[str, object]]:
    for k in case.contracts or ():
        named = next((p for p in k.parties if p.startswith(supplier)), None)
        if named:
            parties = {supplier if p == named else p for p in k.parties}
            return parties, k.model_dump(exclude_none=True, mode="json")
    raise AssertionError(f"no contract with {supplier}: {case.contracts}")


# (id, narrative, supplier, other party (None: the injured side), expected contract fields)
ROWS: list[tuple[str, str, str, str | None, dict[str, object]]] = [
    (
        "consumer purchase from a named shop",
        "On 3 May 2027 my robot vacuum caught fire and burned the sofa. I had bought it at the "
        "online shop Saugwelt GmbH in January 2027; it is made by Kleenbot Ltd.",
        "Saugwelt GmbH",
        None,
        {"b2c": True, "subject": "goods_with_digital_elements"},
    ),
    (
        "business licence with a liability cap",
        "We are Spedition Nord GmbH. We license the AI route planner from Navix AG; their terms "
        "cap liability at 10,000 EUR. On 2 June 2027 it routed a truck into a low bridge and the "
        "truck was damaged.",
        "Navix AG",
        "Spedition Nord GmbH",
        {"b2c": False, "limitation_clause": True},
    ),
    (
        "licensor named first ('licenses its model to')",
        "Kappa Labs GmbH licenses its vision model to Orbis Robotics AG, which builds it into "
        "warehouse robots. On 4 April 2027 a robot hit a worker, who broke an arm.",
        "Kappa Labs GmbH",
        "Orbis Robotics AG",
        {"b2c": False},
    ),
    (
        "customers of the writer's organisation",
        "I am the general counsel of Fjord Bank ASA. Our AI credit assistant wrongly blocked "
        "accounts on 5 March 2027, and 40 of our customers lost money on missed payments.",
        "Fjord Bank ASA",
        None,
        {"b2c": True},
    ),
    (
        "verb-final German purchase",
        "Ich habe im März 2027 bei der Elektro Kranz GmbH einen KI-Rasenmäher der Mähwerk AG "
        "gekauft. Am 2. Mai 2027 hat er meinen Zaun beschädigt.",
        "Elektro Kranz GmbH",
        None,
        {"b2c": True},
    ),
    (
        "passive: data bought by the maker",
        "Visiona GmbH makes an AI quality-inspection camera. The training images were bought "
        "from Datafarm Ltd. On 1 June 2027 the camera passed faulty brake parts and a driver "
        "was injured.",
        "Datafarm Ltd",
        "Visiona GmbH",
        {"b2c": False},
    ),
]


@pytest.mark.parametrize(("name", "text", "supplier", "other", "fields"), ROWS,
                         ids=[r[0] for r in ROWS])  # fmt: skip
def test_contracts(
    name: str, text: str, supplier: str, other: str | None, fields: dict[str, object]
) -> None:
    result = extract_case(text)
    parties, contract = _contract(result.case, supplier)
    rest = parties - {supplier}
    assert rest and (rest <= INJURED | {a.name for a in result.case.actors if a.roles and
                                        "affected_person" in a.roles} if other is None
                     else rest == {other}), parties  # fmt: skip
    for key, value in fields.items():
        assert contract.get(key) == value, (key, contract)
    for fact in result.added:
        match = find_quote(fact.quote, text)
        assert match is not None and match.exact, (fact.path, fact.quote)


@pytest.mark.parametrize(
    "text",
    [
        "Kappa Labs GmbH licenses its model to developers. On 2 May 2027 a chatbot built on it "
        "insulted a customer.",
        "My smart lock of Schlosswerk AG was bought in 2027. On 1 May 2027 burglars opened it.",
        "We never licensed anything from Navix AG. On 2 June 2027 our truck was damaged.",
    ],
    ids=["generic licensee", "seller not named", "negated"],
)
def test_no_contract_without_both_parties(text: str) -> None:
    assert not extract_case(text).case.contracts
