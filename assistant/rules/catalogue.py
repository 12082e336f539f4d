"""The condition catalogue: every LEGAL_RULES.md condition the core can fire, with its provisions.

A reason may only cite provisions listed for its condition here (or a legal date's provisions
from the data file, or a national digest entry), which makes ``emittable_provisions()`` a
plain union and keeps each rule next to the article it encodes.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CATALOGUE", "CITE_ALL", "Condition", "condition", "default_provisions", "register"]


@dataclass(frozen=True, slots=True)
class Condition:
    """A condition ID, a one-line summary in our words, and the provisions it rests on."""

    id: str
    summary: str
    provisions: tuple[str, ...]


CATALOGUE: dict[str, Condition] = {}


def register(cid: str, summary: str, *provisions: str) -> None:
    """Add a condition to the catalogue (module import time only)."""
    if cid in CATALOGUE:
        raise ValueError(f"duplicate condition {cid}")
    CATALOGUE[cid] = Condition(cid, summary, provisions)


# Conditions whose reasons cite every listed provision by default; the others cite the first
# one unless a rule names the provisions (precise citations beat long lists).
CITE_ALL = frozenset(
    {
        "G1",
        "T5",
        "S1",
        "S1i",
        "L1",
        "L2",
        "L4",
        "L4a",
        "L5",
        "L6",
        "L8",
        "L_DATA",
        "R25b",
        "N5",
        "N6",
        "A2",
        "A3",
        "A6",
        "A9",
        "A11",
        "A12",
        "K3",
        "P5",
        "EV_GDPR15",
        "EV_LOGS",
        "DC9",
        "GR5",
        "OD5",
        "M1",
    }
)


def default_provisions(cid: str) -> tuple[str, ...]:
    """The provisions a reason for ``cid`` cites when the rule names none."""
    entry = CATALOGUE[cid]
    return entry.provisions if cid in CITE_ALL else entry.provisions[:1]


def condition(cid: str) -> Condition:
    """The catalogue entry for ``cid`` (``KeyError`` names the unknown ID)."""
    return CATALOGUE[cid]


_c = register
P = "PLD_2024"
O = "PLD_1985"  # noqa: E741 - mirrors the spec's O-rules
AI = "AI_ACT"

# -- global rules (§0.4) ------------------------------------------------------------------
_c(
    "G1",
    "The AI Liability Directive proposal was withdrawn in 2025 and never became law",
    "AILD_PROPOSAL",
    "AILD_PROPOSAL Art 3",
    "AILD_PROPOSAL Art 4",
)
_c(
    "G2",
    "AI Act, CRA and NIS2 create duties, not damages claims; breaches feed defect and fault",
    f"{P} Art 7(2)(f)",
    f"{P} Art 10(2)(b)",
)
_c(
    "G3",
    "Directives act through national transposing law",
    f"{P} Art 22(1)",
    "NIS2 Art 41(1)",
    "DCD_2019 Art 24(1)",
)
_c("G5", "Regimes are cumulative", f"{P} Art 2(4)(a)", f"{P} Art 2(4)(b)", f"{O} Art 13")

# -- PLD 2024 scope (§1.1, §1.2) ----------------------------------------------------------
_c(
    "S1",
    "Software and AI systems are products; mere information is not",
    f"{P} Art 4(1)",
    f"{P} Recital 13",
)
_c(
    "S1i",
    "Harm flows only from informational content acted on by a person",
    f"{P} Art 4(1)",
    f"{P} Recital 13",
)
_c(
    "S2",
    "PLD 2024 covers products placed on the market after 9 Dec 2026",
    f"{P} Art 2(1)",
    f"{P} Art 21",
)
_c("T1", "Market date unknown", f"{P} Art 2(1)", f"{P} Art 21")
_c(
    "T4",
    "Placed on the cut-off day itself: boundary left to national transposition",
    f"{P} Art 2(1)",
    f"{P} Art 21",
)
_c(
    "T5",
    "Substantial modification after the cut-off may make an old product new",
    f"{P} Art 8(2)",
    f"{P} Art 4(18)",
    f"{P} Art 17(1)(b)",
    f"{P} Recital 39",
    f"{P} Recital 58",
)
_c(
    "T6",
    "A later update does not by itself bring an old product under PLD 2024 (unsettled)",
    f"{P} Art 2(1)",
    f"{P} Art 21",
)
_c(
    "S3",
    "Free and open-source software supplied outside a commercial activity is excluded",
    f"{P} Art 2(2)",
    f"{P} Recital 14",
    f"{P} Recital 15",
)
_c(
    "S4",
    "Only natural persons (and their successors or representatives) can claim",
    f"{P} Art 5(1)",
    f"{P} Art 5(2)",
)
_c("D1", "Death or personal injury is covered", f"{P} Art 6(1)(a)")
_c("D2", "Medically recognised psychological harm is covered", f"{P} Art 6(1)(a)")
_c(
    "D3",
    "Damage to property not used exclusively professionally is covered",
    f"{P} Art 6(1)(b)",
    f"{P} Art 6(1)(b)(i)",
    f"{P} Art 6(1)(b)(ii)",
    f"{P} Art 6(1)(b)(iii)",
)
_c("D3t", "Theft of intact property: whether it is damage to property is open", f"{P} Art 6(1)(b)")
_c("D4", "Destruction or corruption of data not used professionally is covered", f"{P} Art 6(1)(c)")
_c(
    "D5",
    "Other harm (pure economic loss, discrimination, privacy ...) is not covered",
    f"{P} Art 6(1)",
)
_c(
    "D6",
    "Compensation covers material losses; non-material ones as national law allows",
    f"{P} Art 6(2)",
)

# -- PLD 2024 defect and presumptions (§1.4, §1.6) ---------------------------------------
_c(
    "DEF1",
    "Presumption of defectiveness applies",
    f"{P} Art 10(2)(a)",
    f"{P} Art 10(2)(b)",
    f"{P} Art 10(2)(c)",
    f"{P} Art 7(1)",
)
_c(
    "DEF2",
    "Circumstances pointing to a defect",
    f"{P} Art 7(1)",
    f"{P} Art 7(2)(a)",
    f"{P} Art 7(2)(b)",
    f"{P} Art 7(2)(c)",
    f"{P} Art 7(2)(d)",
    f"{P} Art 7(2)(e)",
    f"{P} Art 7(2)(f)",
    f"{P} Art 7(2)(g)",
    f"{P} Art 7(2)(h)",
    f"{P} Art 7(2)(i)",
)
_c("DEF3", "No defect indicator known yet", f"{P} Art 7(1)", f"{P} Art 10(1)")
_c("DEF4", "Unforeseeable misuse points away from a defect", f"{P} Art 7(2)(b)")
_c("DEF7_3", "A later, better version alone does not make a product defective", f"{P} Art 7(3)")
_c("P4", "Causal link presumed when damage is typical of the defect", f"{P} Art 10(3)")
_c(
    "P5",
    "Court may presume defect or causation where technical complexity is excessive",
    f"{P} Art 10(4)",
    f"{P} Recital 48",
)
_c("P6", "All presumptions are rebuttable", f"{P} Art 10(5)")
_c(
    "DISC",
    "Disclosure of evidence by the defendant",
    f"{P} Art 9(1)",
    f"{P} Art 9(2)",
    f"{P} Art 9(3)",
    f"{P} Art 9(4)",
    f"{P} Art 9(5)",
    f"{P} Art 9(6)",
    f"{AI} Art 11",
    f"{AI} Art 12",
    f"{AI} Art 13",
    f"{AI} Art 26(6)",
    f"{AI} Art 72",
    f"{AI} Art 73",
    "CRA Art 13(8)",
)

# -- PLD 2024 liable operators (§1.5) -----------------------------------------------------
_c(
    "L1",
    "Manufacturer of the product (AI system providers count as manufacturers)",
    f"{P} Art 4(10)",
    f"{P} Art 8(1)(a)",
    f"{P} Recital 13",
)
_c(
    "L2",
    "Manufacturer of a component that caused the defect; the product maker is also liable",
    f"{P} Art 8(1)(b)",
    f"{P} Art 8(1) subparagraph 2",
    f"{P} Art 4(4)",
)
_c(
    "L3",
    "Importer / authorised representative / fulfilment service provider of a non-EU maker",
    f"{P} Art 8(1)(c)(i)",
    f"{P} Art 8(1)(c)(ii)",
    f"{P} Art 8(1)(c)(iii)",
    f"{P} Art 4(12)",
)
_c(
    "L4",
    "Substantial modifier outside the manufacturer's control is a manufacturer",
    f"{P} Art 8(2)",
    f"{P} Art 4(18)",
)
_c(
    "L4a",
    "Modification within the manufacturer's control: original manufacturer stays liable",
    f"{P} Art 4(5)(a)(ii)",
    f"{P} Art 8(2)",
)
_c(
    "L5",
    "Distributor liable if no EU operator is named within one month of a request",
    f"{P} Art 8(3)(a)",
    f"{P} Art 8(3)(b)",
    f"{P} Art 8(3)",
)
_c(
    "L6",
    "Online platform presenting the product as its own: liable like a distributor",
    f"{P} Art 8(4)",
    f"{P} Recital 38",
)
_c("L7", "No liable person: national compensation schemes may help", f"{P} Art 8(5)")
_c(
    "L8",
    "Provider of a related service the product needs can be a component manufacturer",
    f"{P} Art 4(3)",
    f"{P} Art 4(4)",
    f"{P} Art 4(15)",
    f"{P} Art 8(1)(b)",
)
_c(
    "L9",
    "Pure users and other non-economic operators are not liable under PLD",
    f"{P} Art 8",
    f"{P} Art 4(15)",
)
_c(
    "L_DATA",
    "Data supplier as component manufacturer is an open question",
    f"{P} Art 4(4)",
    f"{P} Recital 13",
    f"{P} Art 8(1)(b)",
)

# -- PLD 2024 exemptions, sharing, limitation (§1.7-§1.9) --------------------------------
_c("E1", "Did not place the product on the market", f"{P} Art 11(1)(a)")
_c("E2", "Distributor did not make the product available", f"{P} Art 11(1)(b)")
_c("E3", "Defect probably arose after placing on the market", f"{P} Art 11(1)(c)")
_c(
    "E3x",
    "Later-defect defence blocked for software, updates, related services and "
    "modifications within the manufacturer's control",
    f"{P} Art 11(1)(c)",
    f"{P} Art 11(2)(a)",
    f"{P} Art 11(2)(b)",
    f"{P} Art 11(2)(c)",
    f"{P} Art 11(2)(d)",
    f"{P} Recital 51",
)
_c("E5", "Development-risk defence; Member States may derogate", f"{P} Art 11(1)(e)", f"{P} Art 18")
_c(
    "E6",
    "Component maker: defect due to the integrating product's design or instructions",
    f"{P} Art 11(1)(f)",
)
_c("E7", "Modifier: defect in a part not affected by the modification", f"{P} Art 11(1)(g)")
_c(
    "M1",
    "Several liable operators are jointly and severally liable; recourse under national law",
    f"{P} Art 12(1)",
    f"{P} Art 14",
)
_c(
    "M2",
    "No recourse against a micro/small software component maker after a waiver",
    f"{P} Art 12(2)",
    f"{P} Art 12(2)(a)",
    f"{P} Art 12(2)(b)",
)
_c(
    "M3",
    "A third party's act does not reduce liability towards the victim",
    f"{P} Art 13(1)",
    f"{P} Recital 55",
)
_c(
    "M4",
    "The injured person's own fault may reduce or disallow liability",
    f"{P} Art 13(2)",
    f"{P} Recital 55",
)
_c(
    "M5",
    "Liability towards the injured person cannot be limited or excluded by contract",
    f"{P} Art 15",
)
_c("LIM1", "Three-year limitation from awareness", f"{P} Art 16(1)", f"{P} Art 16(2)")
_c("LIM2", "Ten-year expiry from placing on the market", f"{P} Art 17(1)(a)", f"{P} Art 17(1)(b)")
_c("LIM3", "25-year expiry for latent personal injury", f"{P} Art 17(2)")
_c("LIM4", "Awareness date unknown", f"{P} Art 16(1)")
_c("ROLE", "The actor's role in the value chain is not known yet", f"{P} Art 8")

# -- PLD 1985 (§2) ------------------------------------------------------------------------
_c("O1", "Directive 85/374/EEC keeps governing products placed before 9 Dec 2026", f"{P} Art 21")
_c("O2", "Product: movables incl. electricity; software status contested", f"{O} Art 2")
_c(
    "O3",
    "Producer, own-brander, importer; supplier if producer unidentified",
    f"{O} Art 3(1)",
    f"{O} Art 3(2)",
    f"{O} Art 3(3)",
)
_c(
    "O4",
    "Damage: death, personal injury, private property above EUR 500",
    f"{O} Art 9(a)",
    f"{O} Art 9(b)",
    f"{O} Art 9",
)
_c("O5", "Defect: safety a person is entitled to expect", f"{O} Art 6(1)", f"{O} Art 6(2)")
_c(
    "O6",
    "Claimant proves damage, defect and causation; no EU disclosure or presumptions",
    f"{O} Art 4",
)
_c(
    "OD1",
    "Producer defences incl. development risk",
    f"{O} Art 7(a)",
    f"{O} Art 7(b)",
    f"{O} Art 7(e)",
    f"{O} Art 7(f)",
)
_c("OD3", "Defect-arose-later defence also available for updates", f"{O} Art 7(b)")
_c("OD4", "Several producers are jointly and severally liable", f"{O} Art 5")
_c(
    "OD5",
    "Third-party act does not reduce liability; victim's fault may",
    f"{O} Art 8(1)",
    f"{O} Art 8(2)",
)
_c("OD6", "Liability cannot be excluded by contract", f"{O} Art 12")
_c("OD7", "Three-year limitation from awareness", f"{O} Art 10(1)")
_c("OD8", "Ten-year extinction from putting into circulation", f"{O} Art 11")
_c("OD9", "Other regimes unaffected", f"{O} Art 13")

# The duty regimes and the remaining regimes register their conditions on import.
from assistant.rules import catalogue_ai, catalogue_cyber, catalogue_other  # noqa: E402

_REGISTERED = (catalogue_ai, catalogue_cyber, catalogue_other)
