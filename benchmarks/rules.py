"""Benchmark of the rule core: ``evaluate(case, as_of)`` on a full case, an incomplete case and a
minimal baseline, in the same process. Prints p50/p95 in ms and the ratio to the baseline.

"warm" repeats the same case (memoised reasons are reused, as in an interview where each turn
changes one fact); "cold" clears the memo caches before every run. Target: full case < 50 ms
p95. Run: ``.venv/bin/python benchmarks/rules.py [--runs N]``. Machines are shared: numbers
are noisy, compare the ratio rather than absolute values.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from assistant.facts import Case
from assistant.rules import evaluate, next_questions
from assistant.rules.engine import core_findings
from assistant.rules.trace import _missing, _reason

AS_OF = date(2028, 6, 1)

MINIMAL: dict[str, Any] = {"actors": [{"name": "Vendor"}]}

FULL: dict[str, Any] = {
    "jurisdiction": {"member_state": "DE", "transposed": True},
    "ai": {
        "is_ai_system": True,
        "annex_iii_point": "4a",
        "performs_profiling": True,
        "art6_3_condition": "none",
        "annex_i_product": False,
        "practice_flags": [],
        "interacts_with_persons": False,
        "generates_synthetic_content": False,
        "deepfake": False,
        "emotion_recognition_or_biometric_categorisation": False,
        "gpai_model": True,
        "open_source": False,
        "used_in_eu": True,
        "continues_learning": True,
    },
    "gpai": {"systemic_risk": False, "open_weights": False},
    "product": {
        "market_date": "2028-01-10",
        "kind": "saas",
        "placed_by": "HireAI",
        "digital_elements": True,
        "warnings_adequate": False,
    },
    "manufacturer": {"retains_control": True, "updates_controlled_by": "HireAI"},
    "modification": {"occurred": False},
    "incident": {
        "date": "2028-03-01",
        "causes": ["training_data", "cyberattack"],
        "use_type": "intended",
        "obvious_malfunction": False,
        "opaque_cause": True,
        "harm_path": "data_processing",
        "causal_chain_known": True,
        "vulnerability_exploited": True,
    },
    "actors": [
        {
            "name": "ModelCo",
            "roles": ["gpai_provider"],
            "market_date": "2025-09-01",
            "established_in_eu": False,
            "gdpr_role": "controller",
            "caused_defect": True,
            "ai_act_breaches": ["gpai_downstream_info"],
            "nis2_entity": "none",
        },
        {
            "name": "HireAI",
            "roles": ["developer", "provider"],
            "established_in_eu": True,
            "placed_on_market": True,
            "name_on_product": True,
            "gdpr_role": "processor",
            "processor_within_instructions": False,
            "nis2_entity": "none",
            "ai_act_breaches": ["data_governance", "human_oversight"],
            "sme": False,
        },
        {
            "name": "Employer",
            "roles": ["deployer"],
            "gdpr_role": "controller",
            "nis2_entity": "none",
            "public_authority": False,
            "ai_act_breaches": ["oversight_staff"],
            "fault_indicators": ["no_monitoring"],
        },
        {
            "name": "CloudCo",
            "roles": ["cloud_provider"],
            "cloud_service_role": "generic_compute",
            "nis2_entity": "essential",
            "gdpr_role": "processor",
            "processor_within_instructions": True,
            "nis2_breaches": ["supply_chain"],
        },
        {
            "name": "LibMaker",
            "roles": ["component_supplier"],
            "foss_noncommercial": True,
            "caused_defect": False,
            "gdpr_role": "none",
            "nis2_entity": "none",
        },
    ],
    "claimant": {
        "type": "natural_person",
        "consumer": True,
        "contributory_fault": [],
        "date_aware": "2028-03-15",
        "proceedings_started": False,
    },
    "damage": [{"type": "discrimination"}, {"type": "economic_loss", "amount_eur": 40000}],
    "data": {"personal_data_processed": True},
    "gdpr": {"infringements": ["art22_solely_automated", "security"]},
    "contracts": [
        {
            "parties": ["HireAI", "Employer"],
            "limitation_clause": True,
            "audit_rights": False,
            "art25_4_agreement": None,
            "sla": True,
        },
        {
            "parties": ["ModelCo", "HireAI"],
            "downstream_documentation": False,
            "acceptable_use_restrictions": True,
            "art25_4_agreement": False,
        },
    ],
    "evidence": {"defendant_refused_disclosure": False, "logs_available": False},
}

INCOMPLETE: dict[str, Any] = {
    "ai": {"is_ai_system": True, "annex_iii_point": "5b"},
    "actors": [
        {"name": "G", "roles": ["gpai_model_provider"]},
        {"name": "C", "roles": ["developer_provider"]},
        {"name": "B", "roles": ["deployer_integrator"]},
    ],
    "damage": [{"type": "economic_loss"}],
}


def _clear() -> None:
    _reason.cache_clear()
    _missing.cache_clear()


def _time(fn: Callable[[], object], runs: int, cold: bool) -> list[float]:
    out: list[float] = []
    for _ in range(runs):
        if cold:
            _clear()
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    cases = {
        name: Case.model_validate(raw)
        for name, raw in (("minimal", MINIMAL), ("full", FULL), ("incomplete", INCOMPLETE))
    }
    for case in cases.values():  # warm-up: imports, data files, first-call caches
        evaluate(case, AS_OF)
    print(f"rule core benchmark, {args.runs} runs each, as_of {AS_OF} (ms; shared machine, noisy)")
    print(f"{'case':<11} {'what':<28} {'p50':>7} {'p95':>7} {'x baseline p50':>15}")
    base: dict[str, float] = {}
    for name, case in cases.items():
        rows = [
            ("evaluate (warm)", lambda c=case: evaluate(c, AS_OF), False),
            ("evaluate (cold caches)", lambda c=case: evaluate(c, AS_OF), True),
            ("findings only (no questions)", lambda c=case: core_findings(c, AS_OF), False),
            ("next_questions", lambda c=case: next_questions(c, AS_OF), False),
        ]
        for what, fn, cold in rows:
            times = _time(fn, args.runs, cold)
            p50, p95 = statistics.median(times), _p(times, 0.95)
            if name == "minimal":
                base[what] = p50
            ratio = p50 / base[what] if base.get(what) else 1.0
            print(f"{name:<11} {what:<28} {p50:7.2f} {p95:7.2f} {ratio:15.1f}")
    full = _time(lambda: evaluate(cases["full"], AS_OF), args.runs, True)
    verdict = "OK" if _p(full, 0.95) < 50 else "OVER BUDGET"
    print(f"full case, cold, p95 = {_p(full, 0.95):.2f} ms (target < 50 ms): {verdict}")


if __name__ == "__main__":
    main()
