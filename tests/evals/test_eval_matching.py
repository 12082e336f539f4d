"""Actor-name normalisation and one-to-one matching."""

from __future__ import annotations

import pytest

from assistant.evals.matching import assign, best_match, name_similarity, normalise_name


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("Innovate AI Solutions Ltd.", "innovate ai solutions"),
        ("The Vendor", "vendor"),
        ("Küchenprofi GmbH", "kuchenprofi"),
        ("OptiMind's retail customers", "optimind retail customers"),
        ("Shenzhen Lumo Tech Co., Ltd.", "shenzhen lumo tech"),
        ("LabelWorks s.r.o.", "labelworks"),
        ("Trottinett'IA SAS", "trottinett ia"),
        ("The Co.", "co"),  # a name made only of suffixes keeps its words
    ],
)
def test_normalise_name(raw: str, normalised: str) -> None:
    assert normalise_name(raw) == normalised


def test_subset_names_match_and_unrelated_do_not() -> None:
    assert name_similarity("Innovate AI Solutions Ltd", "Innovate AI") == 100
    assert name_similarity("GreenBot GmbH", "Garten-Center Müller KG") < 80


def test_exact_name_wins_over_a_subset() -> None:
    gold = ["OptiMind Analytics", "OptiMind's retail customers"]
    pred = ["OptiMind's customers", "OptiMind Analytics"]
    assert assign(gold, pred) == {0: 1, 1: 0}


def test_shared_distinctive_word_matches_leftovers_only() -> None:
    gold = ["Stadt Neustadt", "CivicAI Oy", "the client"]
    pred = ["City of Neustadt", "CivicAI", "Client (single mother)", "City of Hamburg"]
    assert assign(gold, pred) == {0: 0, 1: 1, 2: 2}
    # generic words alone ("city") never pair names
    assert assign(["Stadt Neustadt"], ["City of Hamburg"]) == {}


def test_assignment_is_one_to_one() -> None:
    out = assign(["Innovate AI Solutions", "Innovate Labs"], ["Innovate"])
    assert len(out) == 1


def test_best_match_allows_many_to_one() -> None:
    names = ["GreenBot GmbH", "Garten-Center Müller KG"]
    assert best_match("GreenBot (manufacturer)", names) == 0
    assert best_match("Garten-Center", names) == 1
    assert best_match("Someone else", names) is None


def test_aliases_are_alternative_forms_of_a_gold_actor() -> None:
    gold = [("the thermostat maker", "we", "your organisation"), "the tenant"]
    assert assign(gold, ["The tenant", "Your organisation"]) == {0: 1, 1: 0}
    assert best_match("the landlord", gold) is None
    assert best_match("your organisation", gold) == 0
