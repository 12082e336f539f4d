"""Field-by-field repair of parsed JSON against pydantic schemas, and bounded schemas."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from assistant.llm.schema_repair import bounded_json_schema, validate_with_repair


class Role(StrEnum):
    DEVELOPER = "developer"
    DEPLOYER = "deployer"


class Actor(BaseModel):
    name: str
    role: Role
    quotes: list[str] = Field(default_factory=list)


class Case(BaseModel):
    actors: list[Actor]
    summary: str = ""
    harm_date: str | None = None


def test_bounded_schema_bounds_every_array_and_free_string() -> None:
    schema = bounded_json_schema(Case, max_items=5, max_string=100)
    arrays: list[dict[str, object]] = []
    strings: list[dict[str, object]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "array":
                arrays.append(node)
            if node.get("type") == "string" and "enum" not in node:
                strings.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert len(arrays) == 2 and all(a["maxItems"] == 5 for a in arrays)
    assert strings and all(s["maxLength"] == 100 for s in strings)


def test_valid_data_passes_untouched() -> None:
    data = {"actors": [{"name": "Acme", "role": "developer"}]}
    result = validate_with_repair(Case, data)
    assert result.value is not None
    assert result.repairs == [] and result.dropped == []


def test_conservative_coercions() -> None:
    data = {
        "actors": [{"name": "Acme", "role": "Developer", "quotes": "it broke"}],
        "summary": 42,
    }
    result = validate_with_repair(Case, data)
    assert result.value is not None
    actor = result.value.actors[0]
    assert actor.role is Role.DEVELOPER
    assert actor.quotes == ["it broke"]
    assert result.value.summary == "42"
    assert len(result.repairs) == 3


def test_bad_list_items_are_dropped_and_good_ones_kept() -> None:
    data = {
        "actors": [
            {"name": "Acme", "role": "developer"},
            {"name": "Ghost", "role": "overlord"},  # not a role
            {"role": "deployer"},  # no name
            {"name": "Beta", "role": "deployer"},
        ]
    }
    result = validate_with_repair(Case, data)
    assert result.value is not None
    assert [a.name for a in result.value.actors] == ["Acme", "Beta"]
    assert len(result.dropped) >= 2
    assert data["actors"][1]["role"] == "overlord"  # the input is not mutated


def test_bad_optional_field_falls_back_to_default() -> None:
    result = validate_with_repair(Case, {"actors": [], "harm_date": {"day": 3}})
    assert result.value is not None
    assert result.value.harm_date is None
    assert any("harm_date" in d for d in result.dropped)


def test_missing_required_top_level_field_is_reported_not_raised() -> None:
    result = validate_with_repair(Case, {"summary": "x"})
    assert result.value is None
    assert result.error and "actors" in result.error


def test_non_object_is_reported() -> None:
    result = validate_with_repair(Case, ["not", "an", "object"])
    assert result.value is None and result.error
