"""How people name the acts, in English, German and French, and each act's outline (pure data).

Used by the reference resolver. The outline (article numbers, recital and annex counts) lets
it reject "Article 130 PLD" without the texts being fetched; with a corpus it checks the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.vocabulary import ActCode

__all__ = [
    "ACT_NAME_RE",
    "OUTLINES",
    "Outline",
    "act_for_name",
    "act_for_number",
]

# Names matched case-insensitively (longer names first in the regex).
_NAMES: dict[ActCode, tuple[str, ...]] = {
    ActCode.AI_ACT: (
        "Artificial Intelligence Act", "AI Act", "EU AI Act", "AI Regulation",
        "KI-Verordnung", "KI-VO", "KI-Gesetz", "KI-Gesetzes", "KI-Verordnung (EU)",
        "Verordnung über künstliche Intelligenz", "AI-Verordnung", "Gesetz über künstliche Intelligenz",
        "règlement sur l'IA", "règlement sur l’IA", "règlement sur l'intelligence artificielle",
        "règlement sur l’intelligence artificielle", "règlement IA", "loi sur l'IA",
        "législation sur l'IA", "législation sur l’IA",
    ),
    ActCode.AI_OMNIBUS_2026: (
        "Digital Omnibus on AI", "Digital Omnibus", "AI Omnibus", "Omnibus Regulation",
        "digitaler Omnibus", "KI-Omnibus", "omnibus numérique",
    ),
    ActCode.PLD_2024: (
        "new Product Liability Directive", "Product Liability Directive", "new PLD",
        "revised PLD", "Produkthaftungsrichtlinie", "neue Produkthaftungsrichtlinie",
        "neuen Produkthaftungsrichtlinie", "Produkthaftungs-Richtlinie",
        "directive sur la responsabilité du fait des produits défectueux",
        "directive sur la responsabilité du fait des produits",
        "nouvelle directive sur la responsabilité du fait des produits",
    ),
    ActCode.PLD_1985: (
        "old Product Liability Directive", "1985 Product Liability Directive",
        "Product Liability Directive 1985", "old PLD", "PLD 1985", "1985 PLD",
        "alte Produkthaftungsrichtlinie", "alten Produkthaftungsrichtlinie",
        "Produkthaftungsrichtlinie 1985", "Produkthaftungsrichtlinie von 1985",
        "directive de 1985",
    ),
    ActCode.AILD_PROPOSAL: (
        "AI Liability Directive", "AI Liability Directive proposal", "AILD",
        "KI-Haftungsrichtlinie", "KI-Haftungs-Richtlinie",
        "directive sur la responsabilité en matière d'IA",
        "directive sur la responsabilité en matière d’IA",
    ),
    ActCode.GDPR: (
        "General Data Protection Regulation", "GDPR", "DSGVO", "DS-GVO",
        "Datenschutz-Grundverordnung", "Datenschutzgrundverordnung", "RGPD",
        "règlement général sur la protection des données",
    ),
    ActCode.CRA: (
        "Cyber Resilience Act", "Cyber-Resilience-Act", "CRA", "Cyberresilienzgesetz",
        "Cyberresilienz-Gesetz", "Cyber-Resilienz-Gesetz", "Cyberresilienzverordnung",
        "Cyberresilienz-Verordnung", "règlement sur la cyberrésilience",
        "loi sur la cyberrésilience", "législation sur la cyberrésilience",
    ),
    ActCode.NIS2: (
        "NIS2 Directive", "NIS 2 Directive", "NIS-2 Directive", "NIS2", "NIS 2", "NIS-2",
        "NIS-2-Richtlinie", "NIS2-Richtlinie", "directive NIS 2", "directive NIS2",
        "directive SRI 2", "SRI 2",
    ),
    ActCode.DCD_2019: (
        "Digital Content Directive", "Digital Content and Services Directive", "DCD",
        "Digitale-Inhalte-Richtlinie", "Richtlinie über digitale Inhalte",
        "directive sur les contenus numériques", "directive contenus numériques",
    ),
    ActCode.MOZILLA_REPORT: (
        "Mozilla report", "Mozilla Foundation report", "Botero Arcila report",
        "AI Liability Along the Value Chain", "Mozilla-Bericht", "rapport de Mozilla",
    ),
    ActCode.MOZILLA_POST: (
        "Mozilla blog post", "Mozilla post", "Mozilla announcement", "Mozilla blog",
    ),
}  # fmt: skip

# Acronyms matched with their exact case only ("PLD", never "pld" inside a word).
_ACRONYMS: dict[str, ActCode] = {
    "PLD": ActCode.PLD_2024,
    "PHRL": ActCode.PLD_2024,
    "ProdHaftRL": ActCode.PLD_2024,
    "AIA": ActCode.AI_ACT,
    "KI-VO": ActCode.AI_ACT,
    "RIA": ActCode.AI_ACT,
    "DRP": ActCode.PLD_2024,
    **{code.value: code for code in ActCode if code is not ActCode.NATIONAL},
}

# Official numbers: "Regulation (EU) 2016/679", "Directive 85/374/EEC", "COM(2022) 496".
_NUMBERS: dict[str, ActCode] = {
    "2024/1689": ActCode.AI_ACT,
    "2026/1744": ActCode.AI_OMNIBUS_2026,
    "2024/2853": ActCode.PLD_2024,
    "85/374": ActCode.PLD_1985,
    "2016/679": ActCode.GDPR,
    "2024/2847": ActCode.CRA,
    "2022/2555": ActCode.NIS2,
    "2019/770": ActCode.DCD_2019,
    "2022/496": ActCode.AILD_PROPOSAL,
}

_NUMBER_PATTERN = (
    r"(?:(?:Regulation|Directive|Verordnung|Richtlinie|règlement|directive|Council Directive)"
    r"\s*(?:\((?:EU|UE|EC|EG|CE)\)\s*)?(?:No\.?\s*|Nr\.?\s*|n°\s*)?)?"
    r"(?P<num>\d{2,4}/\d{1,4})(?:/(?:EEC|EWG|CEE|EU|UE|EC))?"
    r"|COM\s?\((?P<com>\d{4})\)\s?(?P<comno>\d{1,4})"
)
_ALIASES = sorted({name for names in _NAMES.values() for name in names}, key=len, reverse=True)
ACT_NAME_RE = re.compile(
    r"(?<![\w-])(?:"
    + _NUMBER_PATTERN
    + r"|(?P<name>(?i:"
    + "|".join(re.escape(a).replace(r"\ ", r"\s+").replace("'", "['’]") for a in _ALIASES)
    + r"))"
    + r"|(?P<acro>"
    + "|".join(re.escape(a) for a in sorted(_ACRONYMS, key=len, reverse=True))
    + r"))(?![\w-])"
)
_NAME_LOOKUP = {
    re.sub(r"\s+", " ", n.lower().replace("’", "'")): act
    for act, names in _NAMES.items()
    for n in names
}


def act_for_name(name: str) -> ActCode | None:
    """The act a name or acronym stands for (None if unknown)."""
    if name in _ACRONYMS:
        return _ACRONYMS[name]
    return _NAME_LOOKUP.get(re.sub(r"\s+", " ", name.lower().replace("’", "'")))


def act_for_number(number: str) -> ActCode | None:
    """The act of an official number like "2016/679" or "85/374" (None if not ours)."""
    return _NUMBERS.get(number)


@dataclass(frozen=True, slots=True)
class Outline:
    """The shape of an act: numbered articles, inserted ones, recitals, annexes."""

    articles: int
    inserted: frozenset[str] = frozenset()
    recitals: int = 0
    annexes: int = 0
    sections: bool = False  # reports and posts: "§N"

    def has_article(self, number: str) -> bool:
        """True if "Article <number>" exists in some version of the act."""
        if number in self.inserted:
            return True
        return number.isdigit() and 1 <= int(number) <= self.articles

    def describe(self) -> str:
        """Human summary: "Articles 1-24, recitals 1-64, Annex I"."""
        parts = [f"Articles 1–{self.articles}"] if self.articles else []
        if self.inserted:
            parts[-1] += f" (and {', '.join(sorted(self.inserted))})"
        if self.recitals:
            parts.append(f"recitals 1–{self.recitals}")
        if self.annexes:
            parts.append(f"{self.annexes} annex{'es' if self.annexes > 1 else ''}")
        return ", ".join(parts) or "numbered sections"


# Counts as printed in the Official Journal (SOURCES.md): the AI Act gained 4a, 60a, 75a-75d
# and Annex XIV through Regulation (EU) 2026/1744.
OUTLINES: dict[ActCode, Outline] = {
    ActCode.AI_ACT: Outline(
        113, frozenset({"4a", "60a", "75a", "75b", "75c", "75d"}), recitals=180, annexes=14
    ),
    ActCode.AI_OMNIBUS_2026: Outline(4, recitals=47),
    ActCode.PLD_2024: Outline(24, recitals=64, annexes=1),
    ActCode.PLD_1985: Outline(22, recitals=19),
    ActCode.AILD_PROPOSAL: Outline(9, recitals=33),
    ActCode.GDPR: Outline(99, recitals=173),
    ActCode.CRA: Outline(71, recitals=130, annexes=8),
    ActCode.NIS2: Outline(46, recitals=144, annexes=3),
    ActCode.DCD_2019: Outline(27, recitals=87),
    ActCode.MOZILLA_REPORT: Outline(0, sections=True),
    ActCode.MOZILLA_POST: Outline(0, sections=True),
}
