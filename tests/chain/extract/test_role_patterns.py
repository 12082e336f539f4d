"""Role extraction on narratives we wrote for these tests, one general error class each:
pronoun subjects, asides, "used" as an adjective, in-house builds, systems built on a model,
brands, modifications, operators, verb-final German, apposition of the writer's organisation."""

from __future__ import annotations

import pytest

from assistant.chain.extract import extract_case
from assistant.chain.extract.merge import same_actor

# (id, narrative, {actor: roles that must be among its roles}, {actor: roles it must not have})
ROWS: list[tuple[str, str, dict[str, set[str]], dict[str, set[str]]]] = [
    (
        "pronoun subject of coordinated verbs, aside with dashes",
        "Our client is Velotrim GmbH. It buys used cargo bikes made by Bakfiets BV, installs "
        "its own AI braking firmware - Bakfiets never agreed to this - and has resold them "
        "under the Velotrim brand since 2 February 2027. On 3 May 2027 a rider was injured.",
        {"Velotrim GmbH": {"fine_tuner", "provider"}, "Bakfiets BV": {"developer"}},
        {"Velotrim GmbH": {"deployer"}, "Bakfiets BV": {"distributor", "fine_tuner"}},
    ),
    (
        "'it' after 'we' refers to the named company, not to the writer",
        "We represent Lumora SAS, a start-up in Nantes. It develops an AI tutor app that a "
        "school used on 4 March 2027 to grade essays wrongly.",
        {"Lumora SAS": {"developer"}},
        {},
    ),
    (
        "'they' after attackers is not the victim company",
        "On 2 May 2027 attackers breached Kornfeld AG's AI pricing engine. They also used a "
        "stolen password to reach the database.",
        {},
        {"Kornfeld AG": {"deployer"}},
    ),
    (
        "built in-house on a licensed model: developer, provider and deployer",
        "Since March 2027 Netzfunk AG runs a customer hotline bot that it built in-house on a "
        "speech model licensed from Sonaris Ltd (a general-purpose model).",
        {"Netzfunk AG": {"developer", "provider", "deployer"}, "Sonaris Ltd": {"gpai_provider"}},
        {},
    ),
    (
        "built on an API: integrator and provider",
        "Kassenwart GmbH built its invoice assistant on the API of Orakel AI Inc.; the "
        "assistant went live in April 2027.",
        {"Kassenwart GmbH": {"integrator", "provider"}},
        {},
    ),
    (
        "operator is the AI Act deployer (LEGAL_RULES §9.1)",
        "The autonomous tram is operated by Verkehrsbetriebe Kiel GmbH and was built by "
        "Railtec AG. On 4 June 2027 it braked hard and three passengers were injured.",
        {"Verkehrsbetriebe Kiel GmbH": {"operator", "deployer"}, "Railtec AG": {"developer"}},
        {},
    ),
]


@pytest.mark.parametrize(("name", "text", "must", "must_not"), ROWS, ids=[r[0] for r in ROWS])
def test_role_patterns(
    name: str, text: str, must: dict[str, set[str]], must_not: dict[str, set[str]]
) -> None:
    case = extract_case(text).case
    for actor_name in {**must, **must_not}:
        actor = next((a for a in case.actors if same_actor(a.name, actor_name)), None)
        have = {r.value for r in (actor.roles or [])} if actor else set()
        if actor_name in must:
            assert actor is not None, (actor_name, [a.name for a in case.actors])
            assert must[actor_name] <= have, (actor_name, have)
        if actor_name in must_not:
            assert not must_not[actor_name] & have, (actor_name, have)
