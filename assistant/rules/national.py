"""National provisions the core cites when the jurisdiction is known (LEGAL_RULES.md §8.2).

The core itself is jurisdiction-neutral; for DE and FR it adds these labels, which resolve in
the project's own digest (``corpus/national/DE.toml``, ``FR.toml``). National law is outside
the verified corpus: every such citation is unverified and the output says so.
"""

from __future__ import annotations

__all__ = ["NATIONAL_IDS", "national_id", "national_ids"]

NATIONAL_IDS: dict[str, dict[str, str]] = {
    "DE": {
        "tort": "NATIONAL DE BGB §823(1)",
        "protective_statute": "NATIONAL DE BGB §823(2)",
        "intentional_harm": "NATIONAL DE BGB §826",
        "vicarious": "NATIONAL DE BGB §831",
        "contributory_fault": "NATIONAL DE BGB §254",
        "joint_tortfeasors": "NATIONAL DE BGB §840(1)",
        "recourse": "NATIONAL DE BGB §426",
        "contract": "NATIONAL DE BGB §280(1)",
        "standard_terms": "NATIONAL DE BGB §309 Nr. 7",
        "product_liability_1985": "NATIONAL DE ProdHaftG §1",
        "employment_discrimination": "NATIONAL DE AGG §15",
        "road_traffic": "NATIONAL DE StVG §7(1)",
        "state_liability": "NATIONAL DE BGB §839",
    },
    "FR": {
        "tort": "NATIONAL FR Code civil art. 1240",
        "negligence": "NATIONAL FR Code civil art. 1241",
        "things_in_custody": "NATIONAL FR Code civil art. 1242",
        "contract": "NATIONAL FR Code civil art. 1231-1",
        "essential_obligation": "NATIONAL FR Code civil art. 1170",
        "product_liability_1985": "NATIONAL FR Code civil art. 1245",
        "road_traffic": "NATIONAL FR Loi 85-677 art. 1",
    },
}


def national_id(jurisdiction: str | None, key: str) -> str | None:
    """The national provision for ``key`` in ``jurisdiction``, or None if the digest has none."""
    if not jurisdiction:
        return None
    return NATIONAL_IDS.get(jurisdiction, {}).get(key)


def national_ids() -> set[str]:
    """Every national ID the core can cite."""
    return {pid for table in NATIONAL_IDS.values() for pid in table.values()}
