"""Properties of the rule core as a component: purity, determinism, the public vocabulary of the
report JSON, the duty-line merge rule, question limits and ranking, AILD never a regime."""

from __future__ import annotations

import ast
import json
from datetime import date
from pathlib import Path

import pytest

import assistant.rules as rules_pkg
from assistant.facts import Case
from assistant.rules import emittable_provisions, evaluate, next_questions
from assistant.rules.catalogue import CATALOGUE
from assistant.rules.trace import RANK
from assistant.vocabulary import ProvisionId, PublicStatus, Regime, RiskLabel, Role, ScopeStatus
from tests.rules.test_own_scenarios import SCENARIOS as OWN
from tests.rules.test_spec_scenarios import SCENARIOS as SPEC

ALL = SPEC + OWN
RULES_DIR = Path(rules_pkg.__file__).parent


@pytest.mark.parametrize("scenario", ALL[::4], ids=str)
def test_evaluate_is_pure_and_deterministic(scenario: object) -> None:
    case = Case.model_validate(scenario.case)  # type: ignore[attr-defined]
    before = case.model_dump(mode="json")
    first = evaluate(case, scenario.as_of).to_report_dict()  # type: ignore[attr-defined]
    second = evaluate(case, scenario.as_of).to_report_dict()  # type: ignore[attr-defined]
    assert case.model_dump(mode="json") == before
    assert first == second


@pytest.mark.parametrize("scenario", ALL, ids=str)
def test_report_dict_speaks_the_vocabulary(scenario: object) -> None:
    a = evaluate(Case.model_validate(scenario.case), scenario.as_of)  # type: ignore[attr-defined]
    report = json.loads(json.dumps(a.to_report_dict()))
    assert set(report) >= {
        "as_of",
        "jurisdiction",
        "actors",
        "ai_act_risk",
        "harms",
        "findings",
        "citations",
        "questions",
    }
    RiskLabel(report["ai_act_risk"])
    names = {actor["name"] for actor in report["actors"]}
    for actor in report["actors"]:
        for role in actor["roles"]:
            Role(role)
    seen = set()
    for f in report["findings"]:
        assert (f["regime"], f["actor"]) not in seen  # one public row per regime x actor
        seen.add((f["regime"], f["actor"]))
        Regime(f["regime"])
        assert f["regime"] != "AILD_PROPOSAL"
        assert f["actor"] in names
        ScopeStatus(f["scope_status"])
        assert PublicStatus(f["status"]).value == f["status"]
        if Regime(f["regime"]).is_duty_regime:
            assert f["liability_outcome"] is None
        assert set(f["provisions"]) <= set(report["citations"])
        assert all(isinstance(r, str) and r for r in f["reasons"])
    assert set(report["citations"]) <= emittable_provisions()
    assert len(report["questions"]) <= 5
    assert all(set(q) == {"id", "text"} for q in report["questions"])


def test_public_row_takes_the_strongest_binding_duty_line() -> None:
    s = next(x for x in SPEC if x.id.startswith("TS06"))
    a = evaluate(Case.model_validate(s.case), s.as_of)
    for actor in ("B", "C", "G"):
        lines = [
            f for f in a.findings if f.regime is Regime.AI_ACT_ENFORCEMENT and f.actor == actor
        ]
        row = a.finding(Regime.AI_ACT_ENFORCEMENT, actor)
        assert row is not None and len(lines) >= 1
        best = max(lines, key=lambda f: RANK[f.scope_status])
        assert row.scope_status is best.scope_status
        assert row.status is (
            PublicStatus.LIKELY
            if best.scope_status in (ScopeStatus.APPLIES, ScopeStatus.LIKELY)
            else row.status
        )
        assert set(row.provisions) >= {p for f in lines for p in f.provisions} - set()


def test_excluded_only_if_every_line_is_excluded() -> None:
    s = next(x for x in SPEC if x.id.startswith("TS05"))
    a = evaluate(Case.model_validate(s.case), s.as_of)
    lines = [f for f in a.findings if f.regime is Regime.AI_ACT_ENFORCEMENT and f.actor == "P"]
    assert all(f.scope_status is ScopeStatus.EXCLUDED for f in lines)
    row = a.finding(Regime.AI_ACT_ENFORCEMENT, "P")
    assert row is not None and row.status is PublicStatus.EXCLUDED


def test_questions_are_ranked_and_capped() -> None:
    case = Case.model_validate(
        {"ai": {"is_ai_system": True}, "actors": [{"name": "A"}, {"name": "B"}, {"name": "C"}]}
    )
    qs = next_questions(case, date(2027, 6, 1), limit=20)
    assert len(qs) > 5
    # §9.3: priority first, lifted by at most two levels for the findings an answer can change
    keys = [(q.priority - min(q.impact, 2), -q.impact) for q in qs]
    lifted = [q.priority - min(q.impact, 2) for q in qs]
    assert all(q.priority - 2 <= k <= q.priority for q, k in zip(qs, lifted, strict=True))
    assert [q.priority for q in qs if q.impact == 0] == sorted(
        q.priority for q in qs if q.impact == 0
    )
    assert keys[0] == min(keys)
    assert [q.id for q in evaluate(case, date(2027, 6, 1)).questions] == [q.id for q in qs[:5]]
    for q in qs:
        assert q.text and q.reason and q.fact_paths
        assert set(q.provisions) <= emittable_provisions()
    assert len({q.id for q in qs}) == len(qs)


def test_answering_the_top_question_changes_what_it_said() -> None:
    from assistant.facts import set_fact

    s = next(x for x in SPEC if x.id.startswith("TS03"))
    case = Case.model_validate(s.case)
    q = next(q for q in next_questions(case, s.as_of) if q.code == "Q_MARKET_DATE")
    before = evaluate(case, s.as_of).finding(Regime.PLD_2024, "A")
    after = evaluate(set_fact(case, q.fact_paths[0], date(2027, 3, 1)), s.as_of).finding(
        Regime.PLD_2024, "A"
    )
    assert before is not None and after is not None
    assert before.scope_status is ScopeStatus.UNKNOWN
    assert after.scope_status is ScopeStatus.APPLIES


def test_aild_is_history_on_every_case() -> None:
    for s in ALL:
        a = evaluate(Case.model_validate(s.case), s.as_of)
        assert "G1_AILD_WITHDRAWN" in {n.code for n in a.notes}
        assert all(not p.startswith("AILD_PROPOSAL") for f in a.findings for p in f.provisions)


def test_catalogue_provisions_parse() -> None:
    for cond in CATALOGUE.values():
        assert cond.summary
        for pid in cond.provisions:
            ProvisionId.parse(pid)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_rule_core_has_no_io_llm_or_network_imports() -> None:
    forbidden = {
        "httpx",
        "requests",
        "socket",
        "urllib",
        "chromadb",
        "langchain",
        "langchain_core",
        "openai",
        "anthropic",
        "llama_cpp",
        "streamlit",
        "subprocess",
        "sqlite3",
        "torch",
        "sentence_transformers",
    }
    for path in list(RULES_DIR.glob("*.py")) + list((RULES_DIR.parent / "facts").glob("*.py")):
        assert not (_imports(path) & forbidden), path.name


def test_no_date_literals_in_rules() -> None:
    """Legal dates live in data/legal_dates.toml, never in an if statement."""
    for path in RULES_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "date":
                pytest.fail(f"{path.name}:{node.lineno}: date literal")
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.strip()
                if len(text) == 10 and text[4] == "-" and text[:4].isdigit():
                    pytest.fail(f"{path.name}:{node.lineno}: date string {text}")


def test_every_needed_fact_has_a_question() -> None:
    from assistant.facts import fact_template
    from assistant.rules.question_catalogue import question_specs, spec_for

    for s in ALL:
        a = evaluate(Case.model_validate(s.case), s.as_of, questions=0)
        for f in a.findings:
            for path in f.needs_facts:
                assert spec_for(fact_template(path)) is not None, (s.id, path)
    assert all(q.text for q in question_specs().values())


def test_question_templates_are_fact_paths() -> None:
    from assistant.facts import get_fact
    from assistant.rules.question_catalogue import question_specs

    case = Case.model_validate({"actors": [{"name": "A"}], "damage": [{"type": "property"}]})
    for template in question_specs():
        get_fact(case, template.replace("[]", "[0]"))


def test_assessment_round_trips_through_json() -> None:
    from assistant.rules import Assessment

    s = next(x for x in SPEC if x.id.startswith("TS06"))
    a = evaluate(Case.model_validate(s.case), s.as_of)
    again = Assessment.model_validate_json(a.model_dump_json())
    assert again.to_report_dict() == a.to_report_dict()
    assert again.public_findings()[0].status is a.public_findings()[0].status
