"""Rule (4): nothing presents the AI Liability Directive proposal as law (LEGAL_RULES G1, TS15).

A sentence that names the AILD (or cites ``AILD_PROPOSAL``) without saying it is a withdrawn
proposal / never law is replaced by the withdrawn-history wording, pointing to the presumptions
that do exist: ``PLD_2024 Art 10(4)`` when product liability is open for some actor, otherwise
national law (the fault claims that ``PLD_2024 Art 2(4)(b)`` leaves intact). Pure functions.
"""

from __future__ import annotations

import re

from assistant.rules import Assessment
from assistant.vocabulary import PublicStatus, Regime

__all__ = ["AILD_HISTORY", "aild_as_law", "aild_replacement", "mentions_aild"]

_MENTION = re.compile(
    r"\bAILD\b|AI[ -]Liability[ -]Directive|KI[- ]Haftungsrichtlinie|"
    r"directive sur la responsabilit[ée] en mati[èe]re d.IA|COM\s*\(2022\)\s*496",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"withdraw|proposal|proposed|never (?:became|been|law|adopted|in force|entered)|"
    r"not (?:law|in force|adopted|applicable|binding)|no longer|history|historical|abandon|"
    r"draft|zurückgezogen|vorschlag|entwurf|nie in kraft|retir|proposition|abandonn",
    re.IGNORECASE,
)

AILD_HISTORY = (
    "The AI Liability Directive proposal (COM(2022) 496) was withdrawn in 2025 and never became "
    "law; it is mentioned only as policy history"
)


def mentions_aild(text: str, cited: list[str]) -> bool:
    """True when the sentence names the AILD or cites the proposal."""
    return bool(_MENTION.search(text)) or any(c.startswith("AILD_PROPOSAL") for c in cited)


def aild_as_law(text: str, cited: list[str]) -> bool:
    """True when the sentence relies on the AILD without marking it as a withdrawn proposal."""
    return mentions_aild(text, cited) and not _HEDGE.search(text)


def aild_replacement(assessment: Assessment) -> list[tuple[str, list[str]]]:
    """The sentences (text, citations) that replace an AILD-as-law sentence."""
    pld_open = any(
        f.regime is Regime.PLD_2024 and f.status in (PublicStatus.LIKELY, PublicStatus.POSSIBLE)
        for f in assessment.public
    )
    out = [(AILD_HISTORY, ["AILD_PROPOSAL"])]
    if pld_open:
        out.append(
            (
                "Where proof is excessively difficult, the presumptions that do apply come from "
                "the new Product Liability Directive",
                ["PLD_2024 Art 10(4)"],
            )
        )
    else:
        out.append(
            (
                "Fault-based claims rely on national law, including its rules on evidence and "
                "the burden of proof",
                ["PLD_2024 Art 2(4)(b)"],
            )
        )
    return out
