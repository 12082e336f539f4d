"""Extraction into an existing case: user facts are never overwritten, conflicts are reported."""

from __future__ import annotations

from datetime import date

from assistant.chain.extract import extract_case
from assistant.facts import Actor, Case, Provenance, Source, set_fact

NARRATIVE = (
    "VacuBot GmbH (Munich) makes the CleanMate robot vacuum, on the market since 15 January "
    "2027. On 3 March 2027 it started a fire and my kitchen was damaged. It was hacked."
)


def _user_case() -> Case:
    case = Case(actors=[Actor(name="VacuBot GmbH")])
    case = set_fact(case, "actors[0].roles", ["distributor"], Provenance.user())
    case = set_fact(case, "incident.date", date(2027, 3, 4), Provenance.user())
    case = set_fact(case, "incident.causes", ["design"], Provenance.user())
    return set_fact(case, "damage", [{"type": "personal_injury"}], Provenance.user())


def test_user_facts_are_kept_and_conflicts_reported() -> None:
    base = _user_case()
    result = extract_case(NARRATIVE, base_case=base)
    case = result.case
    assert [r.value for r in case.actors[0].roles or []] == ["distributor"]
    assert case.incident.date == date(2027, 3, 4)
    assert [c.value for c in case.incident.causes or []] == ["design"]
    assert case.harms() == base.harms()
    conflicts = {c.path: c for c in result.conflicts}
    assert set(conflicts) >= {"actors[0].roles", "incident.date", "incident.causes", "damage"}
    assert all(c.existing_source == "user" for c in conflicts.values())
    assert conflicts["incident.date"].proposed == date(2027, 3, 3)
    for path in ("actors[0].roles", "incident.date", "incident.causes", "damage"):
        assert case.provenance[path].source is Source.USER
    # facts the user had not given are still added, with their quotes
    assert case.product.market_date == date(2027, 1, 15)
    assert case.provenance["product.market_date"].source is Source.EXTRACTED
    assert case.actors[0].established_in_eu is True


def test_facts_without_provenance_count_as_the_user_s() -> None:
    base = Case.model_validate({"incident": {"date": "2027-03-10"}})
    result = extract_case(NARRATIVE, base_case=base)
    assert result.case.incident.date == date(2027, 3, 10)
    assert [c.path for c in result.conflicts] == ["incident.date"]


def test_assumptions_give_way_and_extractions_grow() -> None:
    base = set_fact(Case(), "incident.date", date(2027, 1, 1), Provenance.assumed("default"))
    first = extract_case(NARRATIVE, base_case=base)
    assert first.case.incident.date == date(2027, 3, 3)
    assert first.case.provenance["incident.date"].source is Source.EXTRACTED
    second = extract_case(
        "VacuBot GmbH failed to patch a known vulnerability. My photos were deleted.",
        base_case=first.case,
    )
    causes = {c.value for c in second.case.incident.causes or []}
    assert {"cyberattack", "missing_security_update"} <= causes
    assert {"property", "data_loss"} <= {h.value for h in second.case.harms()}
    assert not [c for c in second.conflicts if c.path in {"incident.causes", "damage"}]
    assert second.case.incident.date == date(2027, 3, 3)


def test_the_input_case_is_not_changed() -> None:
    base = _user_case()
    before = base.model_dump()
    extract_case(NARRATIVE, base_case=base)
    assert base.model_dump() == before
