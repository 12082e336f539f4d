"""The app's pure logic: fact values, fact changes, chat turns, the value-chain diagram."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.corpus import load_corpus
from assistant.facts import Case, InvalidFactPath, Provenance, set_fact
from assistant.ui.analysis import apply_edits, fact_changes, has_facts, reassess
from assistant.ui.chat_logic import (
    TurnKind,
    TurnMode,
    classify_message,
    findings_changes,
    looks_like_question,
    split_answers,
)
from assistant.ui.diagram import dot_escape, value_chain_dot
from assistant.ui.fact_values import addable_paths, fact_kind, fact_rows, parse_value, show_value
from assistant.vocabulary import Role
from tests.ui.conftest import AS_OF, MOWER


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("incident.date", "2026-03-01", dt.date(2026, 3, 1)),
        ("ai.open_source", "Yes", True),
        ("ai.open_source", "nein", False),
        ("ai.open_source", "", None),
        ("actors[0].roles", "deployer, operator", ["deployer", "operator"]),
        ("damage[0].amount_eur", "1,200 €", 1200.0),
        ("jurisdiction.member_state", "fr", "fr"),
    ],
)
def test_parse_value_by_kind(path: str, text: str, expected: object) -> None:
    assert parse_value(path, text) == expected


@pytest.mark.parametrize(
    ("path", "text"), [("incident.date", "soon"), ("ai.open_source", "perhaps")]
)
def test_parse_value_refuses_wrong_kind(path: str, text: str) -> None:
    with pytest.raises(ValueError):
        parse_value(path, text)


def test_bad_paths_are_refused() -> None:
    for path in ("provenance", "ai.nonsense", "ai"):
        with pytest.raises(InvalidFactPath):
            parse_value(path, "x")


def test_enum_kind_lists_its_choices() -> None:
    kind = fact_kind("claimant.type")
    assert kind.base == "enum" and "natural_person" in kind.choices
    assert fact_kind("actors[2].roles").is_list


def test_values_round_trip_through_the_sheet() -> None:
    case = Case.model_validate(MOWER)
    for row in fact_rows(case):
        if row.path in ("narrative", "title"):
            continue
        new, errors = apply_edits(case, {row.path: row.value})
        assert errors == [], row
        assert fact_changes(case, new) == [], row
    assert show_value([Role.DEVELOPER, Role.PROVIDER]) == "developer, provider"


def test_apply_edits_keeps_good_edits_and_reports_bad_ones() -> None:
    case = Case.model_validate(MOWER)
    new, errors = apply_edits(case, {"incident.date": "2027-06-13", "ai.open_source": "??x"})
    assert new.incident.date == dt.date(2027, 6, 13)
    assert new.provenance["incident.date"] == Provenance.user()
    assert len(errors) == 1 and "ai.open_source" in errors[0]


def test_fact_changes_lists_new_changed_and_cleared() -> None:
    before = Case.model_validate(MOWER)
    after = set_fact(before, "incident.date", dt.date(2027, 6, 1))
    after = set_fact(after, "ai.open_source", False)
    after = set_fact(after, "incident.obvious_malfunction", None)
    changes = fact_changes(before, after)
    assert "incident.date: 2027-06-12 → 2027-06-01" in changes
    assert "ai.open_source = no" in changes
    assert "incident.obvious_malfunction cleared" in changes
    assert not has_facts(Case()) and has_facts(before)


def test_addable_paths_put_question_facts_first() -> None:
    case = Case.model_validate(MOWER)
    paths = addable_paths(case, ["claimant.consumer", "not.a.path"])
    assert paths[0] == "claimant.consumer"
    assert "actors[1].gdpr_role" in paths and "not.a.path" not in paths
    assert "actors[0].name" not in paths  # renaming breaks contracts that name the actor


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("What does Art 10 PLD mean for us?", True),
        ("how does recital 97 apply", True),
        ("Is the fine-tuner liable?", True),
        ("Was passiert nach Art 8?", True),
        ("yes", False),
        ("The mower was sold in March 2027.", False),
        ("Acme did the fine-tuning?", False),
    ],
)
def test_looks_like_question(text: str, question: bool) -> None:
    assert looks_like_question(text) is question


def test_classify_message_mode_wins_over_guess() -> None:
    assert classify_message("yes", TurnMode.AUTO, has_facts=True, pending=2) is TurnKind.ANSWER
    assert classify_message("yes", TurnMode.AUTO, has_facts=False, pending=0) is (
        TurnKind.NARRATIVE
    )
    q = "What does Art 10 PLD mean?"
    assert classify_message(q, TurnMode.AUTO, has_facts=True, pending=2) is TurnKind.QUESTION
    assert classify_message(q, TurnMode.FACTS, has_facts=True, pending=2) is TurnKind.NARRATIVE
    assert classify_message("x", TurnMode.QUESTION, has_facts=False, pending=0) is (
        TurnKind.QUESTION
    )
    assert classify_message("x", TurnMode.ANSWER, has_facts=True, pending=0) is (TurnKind.NARRATIVE)


def test_split_answers() -> None:
    assert split_answers("yes", 3) == {0: "yes"}
    assert split_answers("1. yes 2) in March 2026, 3: no", 3) == {
        0: "yes",
        1: "in March 2026",
        2: "no",
    }
    assert split_answers("2. only the second", 3) == {1: "only the second"}
    assert split_answers("sold 12. March 2026", 2) == {0: "sold 12. March 2026"}
    assert split_answers("anything", 0) == {}


def test_findings_changes_between_reports() -> None:
    corpus = load_corpus()
    case = Case.model_validate(MOWER)
    first = reassess(case, AS_OF, corpus).report
    moved = set_fact(case, "product.market_date", dt.date(2025, 6, 1))
    second = reassess(moved, AS_OF, corpus).report
    lines = findings_changes(first, second)
    assert any(
        line.startswith("PLD_2024 / GreenBlade GmbH: likely → **excluded**") for line in lines
    )
    assert findings_changes(second, second) == []
    first_time = findings_changes(None, second)
    excluded = sum(1 for f in second.findings if f.status.value == "excluded")
    assert len(first_time) == len(second.findings) - excluded + 1
    assert first_time[-1].startswith(f"{excluded} other regime rows excluded")


def test_value_chain_dot_orders_actors_and_escapes_labels() -> None:
    corpus = load_corpus()
    case = Case.model_validate(
        {
            **MOWER,
            "actors": [
                {"name": 'Deploy "Co"\\', "roles": ["deployer"]},
                {"name": "Data\nSource", "roles": ["data_provider"]},
                {"name": "Maker", "roles": ["developer", "provider"]},
            ],
        }
    )
    dot = value_chain_dot(reassess(case, AS_OF, corpus).report)
    assert 'Deploy \\"Co\\"\\\\' in dot
    assert "Data Source" in dot and "Data\nSource" not in dot
    # upstream first: data provider -> maker -> deployer
    assert dot.index("Data Source") < dot.index("Maker") < dot.index("Deploy")
    assert 'label="training data"' in dot and 'label="AI system / product"' in dot
    assert dot_escape("x" * 100, limit=10) == "x" * 9 + "…"
