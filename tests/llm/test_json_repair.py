"""Tolerant JSON parsing of model replies."""

from __future__ import annotations

import json

import pytest

from assistant.llm.json_repair import JsonRepairError, parse_model_json

VALUE = {"actors": [{"name": "Acme", "role": "developer"}, {"name": "Beta", "role": "deployer"}]}
TEXT = json.dumps(VALUE)


def test_valid_json_needs_no_repair() -> None:
    parsed = parse_model_json(TEXT)
    assert parsed.value == VALUE
    assert parsed.repairs == []
    assert not parsed.truncated


@pytest.mark.parametrize(
    ("text", "repair"),
    [
        (f"```json\n{TEXT}\n```", "code fence"),
        (f"Sure! Here is the JSON:\n{TEXT}", "text before"),
        (f"{TEXT}\nI hope this helps. {{not json}}", "text after"),
        (TEXT.replace("}]}", "},]}"), "trailing comma"),
    ],
)
def test_wrappers_and_noise_are_removed(text: str, repair: str) -> None:
    parsed = parse_model_json(text)
    assert parsed.value == VALUE
    assert any(repair in r for r in parsed.repairs), parsed.repairs


def test_python_literals_and_single_quotes() -> None:
    parsed = parse_model_json("{'ok': True, 'n': None, 'x': [1, 2.5]}")
    assert parsed.value == {"ok": True, "n": None, "x": [1, 2.5]}


@pytest.mark.parametrize("cut", [30, 45, 60, 70, len(TEXT) - 3])
def test_truncated_output_keeps_only_complete_values(cut: int) -> None:
    parsed = parse_model_json(TEXT[:cut])
    assert parsed.truncated
    # every recovered actor is a prefix-complete copy of a real one: nothing half-written
    for actor in parsed.value.get("actors", []):
        if not actor:  # an object opened just before the cut: empty, validation drops it
            continue
        real = next(a for a in VALUE["actors"] if a["name"] == actor.get("name"))
        assert all(real[k] == v for k, v in actor.items())


def test_truncated_inside_a_string_drops_the_partial_string() -> None:
    parsed = parse_model_json('{"quote": "the system failed to det')
    assert parsed.value == {}
    assert parsed.truncated


def test_truncated_number_is_dropped_not_guessed() -> None:
    parsed = parse_model_json('{"a": 1, "b": 12')
    assert parsed.value == {"a": 1}


@pytest.mark.parametrize("text", ["", "   ", "no json here at all", "{'a' 1}"])
def test_unrecoverable_text_raises(text: str) -> None:
    with pytest.raises(JsonRepairError):
        parse_model_json(text)
