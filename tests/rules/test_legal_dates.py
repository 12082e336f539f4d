"""The legal-date data file against the spec (LEGAL_RULES.md §10.1 and §3.9) and its own rules:
every date carries the provision it comes from; the AI Act version in force decides."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from assistant.rules.dates import legal_data, tag_version

SPEC = Path(__file__).resolve().parents[2].parent / "shared" / "LEGAL_RULES.md"
ORIGINAL, AMENDED = "2024-07-12", "2026-07-27"

# spec constant -> (our name, AI Act version or None)
SPEC_NAMES = {
    "GDPR_APPLIES": ("GDPR_APPLIES", None),
    "DCD_SUPPLY_FROM": ("DCD_SUPPLY_FROM", None),
    "NIS2_APPLY": ("NIS2_APPLY", None),
    "AI_ACT_EIF": ("AI_ACT_EIF", AMENDED),
    "PLD2024_EIF": ("PLD2024_EIF", None),
    "AI_ACT_PROHIBITIONS": ("AI_ACT_PROHIBITIONS", AMENDED),
    "AI_ACT_GPAI": ("AI_ACT_GPAI", AMENDED),
    "CRA_NOTIFIED_BODIES": ("CRA_NOTIFIED_BODIES", None),
    "AI_ACT_GENERAL": ("AI_ACT_GENERAL", AMENDED),
    "CRA_REPORTING": ("CRA_REPORTING", None),
    "PLD2024_CUTOFF": ("PLD2024_CUTOFF", None),
    "PLD2024_DEVRISK_NOTIFY": ("PLD2024_DEVRISK_NOTIFY", None),
    "AI_ACT_ANNEX_I": ("AI_ACT_HIGH_RISK_ANNEX_I", ORIGINAL),
    "CRA_MAIN": ("CRA_MAIN", None),
    "AI_ACT_ANNEX_III_AMENDED": ("AI_ACT_HIGH_RISK_ANNEX_III", AMENDED),
    "AI_ACT_ANNEX_I_AMENDED": ("AI_ACT_HIGH_RISK_ANNEX_I", AMENDED),
    "AI_ACT_NEW_PROHIBITIONS": ("AI_ACT_NEW_PROHIBITIONS", AMENDED),
    "AI_ACT_PUBLIC_LEGACY": ("AI_ACT_PUBLIC_LEGACY", AMENDED),
    "PLD2024_EVAL": ("PLD2024_EVAL", None),
}


def _spec_table() -> dict[str, tuple[date, list[str]]]:
    if not SPEC.is_file():
        pytest.skip("LEGAL_RULES.md is not beside the project")
    text = SPEC.read_text(encoding="utf-8")
    section = text[text.index("### 10.1") : text.index("### 10.2")]
    out: dict[str, tuple[date, list[str]]] = {}
    for m in re.finditer(
        r"^\| `([A-Z0-9_]+)` \| (\d{4}-\d{2}-\d{2}) \|[^|]*\| ([^|]*) \|", section, re.M
    ):
        out[m[1]] = (date.fromisoformat(m[2]), re.findall(r"`([^`]+)`", m[3]))
    return out


def test_every_spec_date_is_in_the_data_with_its_provision() -> None:
    table = _spec_table()
    assert set(table) == set(SPEC_NAMES)
    data = legal_data()
    for constant, (day, cites) in table.items():
        name, version = SPEC_NAMES[constant]
        entry = data.date(name, version)
        assert entry is not None, constant
        assert entry.day == day, constant
        assert set(entry.provisions) & set(cites), (constant, entry.provisions, cites)


def test_omnibus_dates_by_version() -> None:
    data = legal_data()
    hr3 = {v: data.date("AI_ACT_HIGH_RISK_ANNEX_III", v) for v in (ORIGINAL, AMENDED)}
    assert hr3[ORIGINAL] is not None and hr3[ORIGINAL].day == date(2026, 8, 2)
    assert hr3[AMENDED] is not None and hr3[AMENDED].day == date(2027, 12, 2)
    assert data.date("AI_ACT_NEW_PROHIBITIONS", ORIGINAL) is None  # not in the original text
    assert data.date("AI_ACT_ART50_2_LEGACY", ORIGINAL) is None


def test_version_in_force() -> None:
    data = legal_data()
    assert data.act_version_at("AI_ACT", date(2026, 7, 26)) == ORIGINAL
    assert data.act_version_at("AI_ACT", date(2026, 7, 27)) == AMENDED
    assert data.act_versions("AI_ACT") == [ORIGINAL, AMENDED]


def test_version_tags() -> None:
    assert tag_version("AI_ACT Art 113(2)", ORIGINAL, AMENDED) == "AI_ACT@2024-07-12 Art 113(2)"
    assert tag_version("AI_ACT Art 113(2)", AMENDED, AMENDED) == "AI_ACT Art 113(2)"
    assert tag_version("AI_ACT Art 113(2)", None, AMENDED) == "AI_ACT Art 113(2)"


def test_machinery_moved_to_section_b() -> None:
    data = legal_data()
    before, after = data.annex_i("machinery", ORIGINAL), data.annex_i("machinery", AMENDED)
    assert before is not None and (before.section, before.point) == ("A", "1")
    assert after is not None and (after.section, after.point) == ("B", "21")


def test_every_date_names_a_provision() -> None:
    data = legal_data()
    assert data.all_provisions()
    for name in ("PLD2024_LIMITATION_YEARS", "PLD2024_EXPIRY_YEARS", "PLD1985_EXTINCTION_YEARS"):
        years, provs = data.years(name)
        assert years > 0 and provs
