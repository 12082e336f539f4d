"""Table tests for the vocabulary: ID grammar round trips, rejections, status mapping."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from assistant.vocabulary import (
    ActCode,
    Harm,
    InvalidCitationId,
    LiabilityOutcome,
    ProvisionId,
    PublicStatus,
    RefKind,
    Role,
    ScopeStatus,
    find_ids,
    normalise_harm,
    normalise_role,
    public_status,
    roman_to_int,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# Every example given in VOCABULARY.md and DESIGN.md, plus the odd shapes of LEGAL_RULES.md.
EXAMPLES = [
    "AI_ACT Art 25(1)(b)",
    "PLD_2024 Art 8(2)",
    "AI_ACT Recital 97",
    "AI_ACT Annex III point 4(a)",
    "MOZILLA_REPORT §3.2",
    "AI_ACT@2024-07-12 Art 113",
    "AI_ACT@2026-07-27 Art 113(3)(c)(i)",
    "AI_ACT Art 5(1)(ba)",
    "AI_ACT Art 6(1a)",
    "AI_ACT Art 4a",
    "PLD_2024 Art 8(1) subparagraph 2",
    "AI_ACT Annex I Section B point 21",
    "CRA Annex I Part II point 2",
    "CRA Annex I",
    "NIS2 Annex I",
    "AI_ACT Annex III point 2",
    "AI_ACT Art 99(6a)",
    "AI_ACT Art 99(4)(da)",
    "AI_ACT Art 6(1c)",
    "AILD_PROPOSAL",
    "AILD_PROPOSAL Art 4",
    "PLD_1985 Recital 19",
    "MOZILLA_POST §2",
    "NATIONAL DE BGB §823(1)",
    "NATIONAL FR Code civil art. 1240",
    "NATIONAL FR Code civil art. 1231-1",
]

MALFORMED = [
    "",
    "AI_ACT Article 25",
    "AI Act Art 25",
    "ai_act Art 25",
    "AI_ACT Art",
    "AI_ACT Art 25(1)(B)",
    "AI_ACT Art 25()",
    "AI_ACT Art 25(1",
    "AI_ACT Annex 3 point 4(a)",
    "AI_ACT Annex IIII",
    "AI_ACT Annex III point",
    "AI_ACT Recital twelve",
    "AI_ACT@2024-13-45 Art 5",
    "AI_ACT@24-07-12 Art 5",
    "UNKNOWN_ACT Art 1",
    "PLD_2024 Art 8(1) subparagraph",
    "NATIONAL Germany BGB",
    "NATIONAL DE",
    "MOZILLA_REPORT §",
    "AI_ACT  Art 5",
]


@pytest.mark.parametrize("text", EXAMPLES)
def test_examples_round_trip(text: str) -> None:
    pid = ProvisionId.parse(text)
    assert pid.format() == text
    assert ProvisionId.parse(pid.format()) == pid


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_ids_are_rejected(text: str) -> None:
    with pytest.raises(InvalidCitationId):
        ProvisionId.parse(text)


def _ids_in_spec_files() -> list[str]:
    acts = "|".join(a.value for a in ActCode)
    pattern = re.compile(rf"`((?:{acts})[^`]*)`")
    found: set[str] = set()
    for name in ("LEGAL_RULES.md", "VOCABULARY.md", "DESIGN.md"):
        path = SHARED / name
        if path.is_file():
            for m in pattern.finditer(path.read_text()):
                found.add(m.group(1))
    return sorted(found)


def test_every_well_formed_id_in_the_spec_round_trips() -> None:
    ids = _ids_in_spec_files()
    if not ids:
        pytest.skip("../shared not present")
    # Spec text also holds notation like `PLD_2024[A]=applies` or file names: only IDs that
    # parse are IDs; every one of them must survive format(parse(x)).
    parsed = [i for i in ids if ProvisionId.is_valid(i)]
    assert len(parsed) > 250
    for text in parsed:
        assert ProvisionId.parse(text).format() == text
    # The ones that do not parse are all notation, not malformed citations.
    rejected = [i for i in ids if not ProvisionId.is_valid(i)]
    for text in rejected:
        assert re.search(r"\[|\.md|\.json|\.xhtml|\.html|_[A-Z]+$|<|\s=|^NATIONAL$", text) or (
            text.split()[0] in {"AI_ACT", "CRA"} and text.split()[1][0].islower()
        ), text


def test_parts_of_an_id() -> None:
    pid = ProvisionId.parse("AI_ACT@2024-07-12 Art 113(3)(c)(i)")
    assert pid.act is ActCode.AI_ACT
    assert pid.kind is RefKind.ARTICLE
    assert pid.version == date(2024, 7, 12)
    assert pid.number == "113"
    assert pid.segments == ("3", "c", "i")
    annex = ProvisionId.parse("CRA Annex I Part II point 2")
    assert (annex.number, annex.annex_part, annex.annex_point) == ("I", "II", "2")
    national = ProvisionId.parse("NATIONAL DE BGB §823(1)")
    assert (national.country, national.label) == ("DE", "BGB §823(1)")


@pytest.mark.parametrize(
    ("child", "parents"),
    [
        (
            "PLD_2024 Art 8(1)(c)(ii)",
            ["PLD_2024 Art 8(1)(c)", "PLD_2024 Art 8(1)", "PLD_2024 Art 8", "PLD_2024"],
        ),
        ("PLD_2024 Art 8(1) subparagraph 2", ["PLD_2024 Art 8(1)", "PLD_2024 Art 8", "PLD_2024"]),
        (
            "AI_ACT Annex III point 4(a)",
            ["AI_ACT Annex III point 4", "AI_ACT Annex III", "AI_ACT"],
        ),
        ("CRA Annex I Part II point 2", ["CRA Annex I Part II", "CRA Annex I", "CRA"]),
        ("MOZILLA_REPORT §3.2", ["MOZILLA_REPORT §3", "MOZILLA_REPORT"]),
        ("AI_ACT Recital 97", ["AI_ACT"]),
    ],
)
def test_parent_chain(child: str, parents: list[str]) -> None:
    chain = []
    node = ProvisionId.parse(child).parent()
    while node is not None:
        chain.append(node.format())
        node = node.parent()
    assert chain == parents


@pytest.mark.parametrize(
    ("pid", "top"),
    [
        ("PLD_2024 Art 8(1)(c)(ii)", "PLD_2024 Art 8"),
        ("AI_ACT Annex III point 4(a)", "AI_ACT Annex III"),
        ("AI_ACT Recital 12", "AI_ACT Recital 12"),
        ("MOZILLA_REPORT §3.2", "MOZILLA_REPORT §3"),
    ],
)
def test_top_level(pid: str, top: str) -> None:
    assert ProvisionId.parse(pid).top_level().format() == top


def test_is_within() -> None:
    art = ProvisionId.parse("PLD_2024 Art 8")
    assert ProvisionId.parse("PLD_2024 Art 8(1)(a)").is_within(art)
    assert not ProvisionId.parse("PLD_2024 Art 9(1)").is_within(art)
    assert not ProvisionId.parse("PLD_1985 Art 8(1)").is_within(art)


@pytest.mark.parametrize(
    ("scope", "outcome", "expected"),
    [
        (ScopeStatus.EXCLUDED, None, PublicStatus.EXCLUDED),
        (ScopeStatus.EXCLUDED, LiabilityOutcome.LIKELY, PublicStatus.EXCLUDED),
        (ScopeStatus.UNKNOWN, None, PublicStatus.POSSIBLE),
        (ScopeStatus.UNKNOWN, LiabilityOutcome.LIKELY, PublicStatus.POSSIBLE),
        (ScopeStatus.APPLIES, LiabilityOutcome.LIKELY, PublicStatus.LIKELY),
        (ScopeStatus.LIKELY, LiabilityOutcome.POSSIBLE, PublicStatus.POSSIBLE),
        (ScopeStatus.POSSIBLE, LiabilityOutcome.UNKNOWN, PublicStatus.POSSIBLE),
        (ScopeStatus.APPLIES, LiabilityOutcome.UNLIKELY, PublicStatus.UNLIKELY),
        (ScopeStatus.APPLIES, None, PublicStatus.LIKELY),
        (ScopeStatus.LIKELY, None, PublicStatus.LIKELY),
        (ScopeStatus.POSSIBLE, None, PublicStatus.POSSIBLE),
    ],
)
def test_public_status_mapping(
    scope: ScopeStatus, outcome: LiabilityOutcome | None, expected: PublicStatus
) -> None:
    assert public_status(scope, outcome) is expected


def test_role_and_harm_aliases() -> None:
    assert normalise_role("developer_provider") == (Role.DEVELOPER, Role.PROVIDER)
    assert normalise_role("modifier") == (Role.FINE_TUNER,)
    assert normalise_role("cloud_provider") == (Role.CLOUD_PROVIDER,)
    with pytest.raises(ValueError):
        normalise_role("attacker")
    assert normalise_harm("property_damage") is Harm.PROPERTY
    assert normalise_harm("death") is Harm.PERSONAL_INJURY
    with pytest.raises(ValueError):
        normalise_harm("bad_vibes")


@pytest.mark.parametrize(("roman", "value"), [("I", 1), ("IV", 4), ("XIV", 14), ("xiii", 13)])
def test_roman(roman: str, value: int) -> None:
    assert roman_to_int(roman) == value


def test_roman_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        roman_to_int("IIII")


def test_find_ids_national_label_stops_at_the_next_id() -> None:
    assert find_ids("NATIONAL DE BGB §823(1) PLD_2024 Art 21 NATIONAL FR Code civil art. 1240") == [
        "NATIONAL DE BGB §823(1)",
        "PLD_2024 Art 21",
        "NATIONAL FR Code civil art. 1240",
    ]


def test_find_ids_stops_at_markdown_code_spans() -> None:
    assert find_ids("see `NATIONAL DE BGB §823(1)` and `PLD_2024 Art 9(1)`") == [
        "NATIONAL DE BGB §823(1)",
        "PLD_2024 Art 9(1)",
    ]


def test_find_ids_in_prose() -> None:
    text = (
        "Under PLD_2024 Art 8(1)(a) the manufacturer is liable [PLD_2024 Art 8(1)(a)]; "
        "see also AI_ACT Annex III point 4(a), NATIONAL DE BGB §823(1); and article 5 in words."
    )
    assert find_ids(text) == [
        "PLD_2024 Art 8(1)(a)",
        "AI_ACT Annex III point 4(a)",
        "NATIONAL DE BGB §823(1)",
    ]
