"""The fact model: vocabulary normalisation, unknowns, bounds, provenance, dotted paths."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from assistant.facts import (
    SPEC_FACT_PATHS,
    Case,
    InvalidFactPath,
    Provenance,
    Source,
    fact_template,
    get_fact,
    iter_facts,
    parse_path,
    provenance_of,
    set_fact,
)
from assistant.vocabulary import Harm, Role


def _case() -> Case:
    return Case.model_validate(
        {
            "actors": [
                {"name": "Acme", "roles": ["developer_provider"]},
                {"name": "Bank", "roles": ["deployer_integrator"]},
            ],
            "damage": [{"type": "property_damage"}],
        }
    )


def test_legal_rules_names_map_to_the_public_vocabulary() -> None:
    case = Case.model_validate(
        {
            "actors": [
                {"name": "G", "roles": ["gpai_model_provider", "modifier"]},
                {"name": "K", "roles": "cloud_infrastructure_provider"},
            ],
            "damage": [
                {"type": "psychological_harm"},
                {"type": "pure_economic_loss"},
                {"type": "privacy_violation"},
                {"type": "reputational"},
                {"type": "death"},
            ],
        }
    )
    assert case.actors[0].roles == [Role.GPAI_PROVIDER, Role.FINE_TUNER]
    assert case.actors[1].roles == [Role.CLOUD_PROVIDER]
    assert case.harms() == [
        Harm.PSYCHOLOGICAL,
        Harm.ECONOMIC_LOSS,
        Harm.PRIVACY,
        Harm.REPUTATION,
        Harm.PERSONAL_INJURY,
    ]


def test_roles_unknown_none_and_duplicates() -> None:
    case = Case.model_validate(
        {
            "actors": [
                {"name": "A"},
                {"name": "Hacker", "roles": []},
                {"name": "C", "roles": ["developer_provider", "provider", "developer"]},
            ]
        }
    )
    assert case.actors[0].roles is None
    assert case.actors[1].roles == []
    assert case.actors[2].roles == [Role.DEVELOPER, Role.PROVIDER]


@pytest.mark.parametrize(
    "bad",
    [
        {"actors": [{"name": "A", "roles": ["wizard"]}]},
        {"damage": [{"type": "bruised_ego"}]},
        {"actors": [{"name": "A"}, {"name": " a "}]},
        {"jurisdiction": {"member_state": "Germany"}},
        {"incident": {"date": "last spring"}},
        {"ai": {"annex_iii_point": "9z"}},
        {"surprise": 1},
        {"actors": [{"name": f"A{i}"} for i in range(21)]},
        {"provenance": {"incident.date": {"source": "user", "quote": "x" * 501}}},
    ],
)
def test_bad_input_is_rejected_with_a_message(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Case.model_validate(bad)


def test_json_schema_is_bounded_for_extraction() -> None:
    schema = Case.model_json_schema()
    text = json.dumps(schema)
    assert "additionalProperties" in text  # extra keys are rejected
    actor = schema["$defs"]["Actor"]
    assert actor["properties"]["roles"]["anyOf"][0]["maxItems"] <= 10
    assert schema["properties"]["actors"]["maxItems"] == 20


def test_every_spec_fact_is_representable() -> None:
    case = Case.model_validate(
        {
            "actors": [{"name": "A"}],
            "damage": [{"type": "property"}],
            "contracts": [{"parties": ["A", "claimant"]}],
        }
    )
    for spec_name, paths in SPEC_FACT_PATHS.items():
        for template in paths:
            concrete = template.replace("[]", "[0]")
            try:
                get_fact(case, concrete)
            except InvalidFactPath as exc:  # pragma: no cover - reported below
                pytest.fail(f"{spec_name}: {template} is not a fact path ({exc})")


def test_get_and_set_fact_by_dotted_path() -> None:
    case = _case()
    assert get_fact(case, "actors[1].roles") == [Role.DEPLOYER, Role.INTEGRATOR]
    assert get_fact(case, "incident.date") is None
    new = set_fact(case, "incident.date", "2027-05-01", Provenance.extracted("on 1 May 2027"))
    assert new.incident.date == date(2027, 5, 1)
    assert case.incident.date is None  # the input is not changed
    prov = provenance_of(new, "incident.date")
    assert prov is not None and prov.source is Source.EXTRACTED and prov.quote == "on 1 May 2027"
    assert provenance_of(case, "incident.date") is None


def test_set_fact_validates_like_user_input() -> None:
    case = _case()
    assert set_fact(case, "actors[0].roles", ["modifier"]).actors[0].roles == [Role.FINE_TUNER]
    assert set_fact(case, "jurisdiction.member_state", "fr").jurisdiction.member_state == "FR"
    with pytest.raises(ValueError, match=r"ai\.annex_iii_point"):
        set_fact(case, "ai.annex_iii_point", "9z")
    with pytest.raises(ValueError, match="unique"):
        set_fact(case, "actors[1].name", "acme")


def test_set_fact_appends_and_clears() -> None:
    case = _case()
    more = set_fact(case, "damage[1]", {"type": "data_loss"})
    assert [d.type for d in more.damage or []] == [Harm.PROPERTY, Harm.DATA_LOSS]
    assert len(case.damage or []) == 1
    with pytest.raises(InvalidFactPath):
        set_fact(case, "damage[5].type", "property")
    set_once = set_fact(more, "product.market_date", date(2027, 1, 1))
    assert provenance_of(set_once, "product.market_date") == Provenance.user()
    cleared = set_fact(set_once, "product.market_date", None)
    assert cleared.product.market_date is None
    assert provenance_of(cleared, "product.market_date") is None


@pytest.mark.parametrize(
    "path",
    [
        "",
        "incident..date",
        "Actors[0]",
        "actors[x].name",
        "provenance",
        "incident.when",
        "actors[9].name",
    ],
)
def test_bad_paths(path: str) -> None:
    with pytest.raises(InvalidFactPath):
        get_fact(_case(), path)


def test_iter_facts_lists_known_leaves_with_provenance() -> None:
    case = set_fact(_case(), "ai.is_ai_system", True, Provenance.assumed("it uses ML"))
    entries = {e.path: e for e in iter_facts(case)}
    assert entries["ai.is_ai_system"].value is True
    assert entries["ai.is_ai_system"].provenance == Provenance.assumed("it uses ML")
    assert "actors[1].roles" in entries and "damage[0].type" in entries
    assert "incident.date" not in entries  # unknown facts are not listed
    for path in entries:
        assert get_fact(case, path) == entries[path].value


def test_paths_and_templates() -> None:
    assert parse_path("actors[12].roles") == [("actors", 12), ("roles", None)]
    assert fact_template("actors[3].gdpr_role") == "actors[].gdpr_role"
    assert fact_template("damage[0].professional_use") == "damage[].professional_use"


def test_case_round_trips_through_json() -> None:
    case = set_fact(_case(), "claimant.type", "natural_person", Provenance.user())
    again = Case.model_validate_json(case.model_dump_json())
    assert again == case
