"""Case files: validation with one clear error per bad file, splits, and the shipped case set."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from evalkit import CASE, write_case

from assistant.errors import CaseFileError
from assistant.evals.cases import load_case_file, load_cases
from assistant.settings import PROJECT_ROOT
from assistant.vocabulary import PublicStatus, Role

SHIPPED = PROJECT_ROOT / "evals" / "cases"


def variant(**changes: object) -> dict:
    data = copy.deepcopy(CASE)
    for dotted, value in changes.items():
        node = data
        *path, last = dotted.split("__")
        for key in path:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value
    return data


def test_extra_fields_ignored_and_empty_roles_allowed(tmp_path: Path) -> None:
    data = variant(gold__actors__2__roles=[])
    data["reviewer"] = "someone"
    data["gold"]["notes"] = {"anything": [1, 2]}
    data["gold"]["regimes"][0]["comment"] = "extra"
    path = write_case(tmp_path / "dev" / "ok.yaml", data)
    (loaded,) = load_case_file(path, tmp_path)
    assert loaded.split == "dev"
    assert loaded.case.gold.actors[2].roles == ()
    assert loaded.case.gold.regimes[0].status is PublicStatus.LIKELY


def test_optional_as_of_and_jurisdiction(tmp_path: Path) -> None:
    data = copy.deepcopy(CASE)
    del data["as_of"], data["jurisdiction"]
    (loaded,) = load_case_file(write_case(tmp_path / "x.yaml", data))
    assert loaded.case.as_of is None and loaded.case.jurisdiction is None
    assert loaded.split == "other"


def test_legal_rules_role_aliases_are_accepted(tmp_path: Path) -> None:
    data = variant(gold__actors__0__roles=["developer_provider"])
    (loaded,) = load_case_file(write_case(tmp_path / "x.yaml", data))
    assert loaded.case.gold.actors[0].roles == (Role.DEVELOPER, Role.PROVIDER)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"gold__actors__0__roles": ["manufacturer"]}, "unknown role 'manufacturer'"),
        ({"gold__regimes__0__regime": "AILD_PROPOSAL"}, "gold.regimes.0.regime"),
        ({"gold__regimes__0__status": "applies"}, "gold.regimes.0.status"),
        ({"gold__regimes__0__actor": "Nobody Ltd"}, "'Nobody Ltd' is not one of gold.actors"),
        ({"gold__regimes__0__provisions": ["Article 8 PLD"]}, "not a citation ID"),
        ({"gold__harms": ["injury"]}, "unknown harm 'injury'"),
        ({"gold__ai_act_risk": "very high"}, "gold.ai_act_risk"),
        ({"jurisdiction": "Germany"}, "ISO 3166"),
        ({"as_of": "next week"}, "as_of"),
        ({"id": "has spaces"}, "id must be"),
        ({"narrative": ""}, "narrative"),
    ],
)
def test_each_bad_field_gives_a_clear_error(tmp_path: Path, changes: dict, expected: str) -> None:
    path = write_case(tmp_path / "bad.yaml", variant(**changes))
    with pytest.raises(CaseFileError) as info:
        load_case_file(path)
    assert str(path) in info.value.message
    assert expected in info.value.message


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    write_case(tmp_path / "dev" / "good.yaml", CASE)
    write_case(tmp_path / "heldout" / "good2.yaml", variant(id="mower-2"))
    write_case(
        tmp_path / "dev" / "bad-role.yaml", variant(id="x1", gold__actors__0__roles=["boss"])
    )
    (tmp_path / "dev" / "broken.yaml").write_text("id: [unclosed\n", "utf-8")
    (tmp_path / "dev" / "list.yaml").write_text("- just\n- strings\n", "utf-8")
    write_case(tmp_path / "heldout" / "dupe.yaml", CASE)
    result = load_cases(tmp_path)
    assert sorted(c.case.id for c in result.cases) == ["mower", "mower-2"]
    bad = {p.path.name: p for p in result.invalid}
    assert set(bad) == {"bad-role.yaml", "broken.yaml", "list.yaml", "dupe.yaml"}
    assert "not valid YAML" in bad["broken.yaml"].errors[0]
    assert "duplicate case id 'mower'" in bad["dupe.yaml"].errors[0]
    assert all(len(p.errors) >= 1 for p in result.invalid)
    assert result.splits() == ["dev", "heldout"]


def test_split_selection_and_split_dir_as_root(tmp_path: Path) -> None:
    write_case(tmp_path / "dev" / "a.yaml", CASE)
    write_case(tmp_path / "heldout" / "b.yaml", variant(id="b"))
    assert [c.case.id for c in load_cases(tmp_path, "heldout").cases] == ["b"]
    only_dev = load_cases(tmp_path / "dev")
    assert [(c.case.id, c.split) for c in only_dev.cases] == [("mower", "dev")]


def test_missing_cases_dir_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="does not exist"):
        load_cases(tmp_path / "nope")


# ---------------------------------------------------------------- the shipped case set


def test_shipped_cases_are_valid_and_split() -> None:
    result = load_cases(SHIPPED)
    assert not result.invalid, [b.message() for b in result.invalid]
    splits = [c.split for c in result.cases]
    assert len(result.cases) >= 25
    # a third held out (issue 9); blind held-out cases were added when the fresh dev cases
    # (fresh4, fresh5, written blind before tuning) joined dev/
    assert splits.count("heldout") * 3 >= len(result.cases)
    assert set(splits) == {"dev", "heldout"}


def test_shipped_cases_cover_the_required_scenarios() -> None:
    cases = [c.case for c in load_cases(SHIPPED).cases]
    text = {c.id: c.narrative for c in cases}
    assert any("OptiMind" in t for t in text.values())
    assert any("model-as-a-service" in t.lower() for t in text.values())
    assert any("9 December 2026" in t for t in text.values())
    assert any("Open-Source" in t and "Einbrecher" in t for t in text.values())  # German
    assert any("ignore all previous instructions" in t for t in text.values())
    assert any(c.as_of is not None and c.jurisdiction is None for c in cases)  # missing facts
    labels = {c.gold.ai_act_risk for c in cases}
    assert {"not_ai", "prohibited", "high", "limited", "minimal"} <= {str(v) for v in labels}
    # every gold regime row lists provisions or is a national row without a known jurisdiction
    for c in cases:
        for row in c.gold.regimes:
            if not row.provisions:
                assert row.regime.value in {"NATIONAL_FAULT", "CONTRACT", "CONSUMER_LAW"}, c.id


def test_shipped_gold_never_treats_aild_as_a_regime() -> None:
    for loaded in load_cases(SHIPPED).cases:
        for row in loaded.case.gold.regimes:
            assert all(not p.startswith("AILD_PROPOSAL") for p in row.provisions), loaded.case.id
