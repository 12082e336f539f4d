"""The one vocabulary every layer speaks (see ``../shared/VOCABULARY.md``).

Act codes, the citation-ID grammar (parse/format), statuses with the internal-to-public
mapping, regime codes, roles, harms, AI Act risk labels and incident causes. The rule core,
the chain, the report JSON, the eval harness and the retrieval QA format all import from here,
so a renamed value breaks loudly in one place instead of silently in five.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

__all__ = [
    "ACT_TITLES",
    "HARM_ALIASES",
    "ROLE_ALIASES",
    "ActCode",
    "Harm",
    "IncidentCause",
    "InvalidCitationId",
    "LiabilityOutcome",
    "ProvisionId",
    "PublicStatus",
    "RefKind",
    "Regime",
    "RiskLabel",
    "Role",
    "ScopeStatus",
    "find_ids",
    "normalise_harm",
    "normalise_role",
    "public_status",
    "roman_to_int",
]


class ActCode(StrEnum):
    """Codes of the sources in the corpus (plus ``NATIONAL`` for the national digest)."""

    AI_ACT = "AI_ACT"
    AI_OMNIBUS_2026 = "AI_OMNIBUS_2026"
    PLD_2024 = "PLD_2024"
    PLD_1985 = "PLD_1985"
    AILD_PROPOSAL = "AILD_PROPOSAL"
    GDPR = "GDPR"
    CRA = "CRA"
    NIS2 = "NIS2"
    DCD_2019 = "DCD_2019"
    MOZILLA_REPORT = "MOZILLA_REPORT"
    MOZILLA_POST = "MOZILLA_POST"
    NATIONAL = "NATIONAL"


ACT_TITLES: dict[ActCode, str] = {
    ActCode.AI_ACT: "Regulation (EU) 2024/1689 (AI Act)",
    ActCode.AI_OMNIBUS_2026: "Regulation (EU) 2026/1744 (Digital Omnibus on AI)",
    ActCode.PLD_2024: "Directive (EU) 2024/2853 (Product Liability Directive)",
    ActCode.PLD_1985: "Directive 85/374/EEC (Product Liability Directive 1985)",
    ActCode.AILD_PROPOSAL: "COM(2022) 496 AI Liability Directive proposal (withdrawn 2025, never law)",
    ActCode.GDPR: "Regulation (EU) 2016/679 (GDPR)",
    ActCode.CRA: "Regulation (EU) 2024/2847 (Cyber Resilience Act)",
    ActCode.NIS2: "Directive (EU) 2022/2555 (NIS2)",
    ActCode.DCD_2019: "Directive (EU) 2019/770 (Digital Content Directive)",
    ActCode.MOZILLA_REPORT: 'Mozilla Foundation, "AI Liability Along the Value Chain" (2025)',
    ActCode.MOZILLA_POST: "Mozilla blog announcement of the report (1 April 2025)",
    ActCode.NATIONAL: "National law (project digest)",
}


# --------------------------------------------------------------------------- statuses


class ScopeStatus(StrEnum):
    """Internal status of a regime for an actor (LEGAL_RULES.md §0.1)."""

    APPLIES = "applies"
    LIKELY = "likely"
    POSSIBLE = "possible"
    EXCLUDED = "excluded"
    UNKNOWN = "unknown"


class LiabilityOutcome(StrEnum):
    """Strength of the merits for compensation regimes (LEGAL_RULES.md §0.1)."""

    LIKELY = "likely"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"
    UNKNOWN = "unknown"


class PublicStatus(StrEnum):
    """The one status per (regime, actor) in reports and eval cases."""

    LIKELY = "likely"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"
    EXCLUDED = "excluded"


def public_status(scope: ScopeStatus, outcome: LiabilityOutcome | None) -> PublicStatus:
    """Map the internal (scope_status, liability_outcome) pair to the public status.

    Table in VOCABULARY.md §Statuses. Duty regimes pass ``outcome=None``: their scope status
    alone decides (applies/likely -> likely, possible -> possible).
    """
    if scope is ScopeStatus.EXCLUDED:
        return PublicStatus.EXCLUDED
    if scope is ScopeStatus.UNKNOWN:
        return PublicStatus.POSSIBLE
    if outcome is None:
        return PublicStatus.POSSIBLE if scope is ScopeStatus.POSSIBLE else PublicStatus.LIKELY
    if outcome is LiabilityOutcome.LIKELY:
        return PublicStatus.LIKELY
    if outcome is LiabilityOutcome.UNLIKELY:
        return PublicStatus.UNLIKELY
    return PublicStatus.POSSIBLE


# --------------------------------------------------------------------------- regimes etc.


class Regime(StrEnum):
    """Public regime codes (VOCABULARY.md). AILD_PROPOSAL is deliberately absent: never law."""

    PLD_2024 = "PLD_2024"
    PLD_1985 = "PLD_1985"
    NATIONAL_FAULT = "NATIONAL_FAULT"
    CONTRACT = "CONTRACT"
    GDPR_82 = "GDPR_82"
    AI_ACT_ENFORCEMENT = "AI_ACT_ENFORCEMENT"
    CRA = "CRA"
    NIS2 = "NIS2"
    DCD = "DCD"
    CONSUMER_LAW = "CONSUMER_LAW"

    @property
    def is_duty_regime(self) -> bool:
        """Duty regimes create obligations, not damages claims (LEGAL_RULES.md G2)."""
        return self in {Regime.AI_ACT_ENFORCEMENT, Regime.CRA, Regime.NIS2}


class Role(StrEnum):
    """Value-chain roles. ``developer`` builds; ``provider`` places on the market (AI Act Art 3(3))."""

    DEVELOPER = "developer"
    PROVIDER = "provider"
    GPAI_PROVIDER = "gpai_provider"
    FINE_TUNER = "fine_tuner"
    DATA_PROVIDER = "data_provider"
    DEPLOYER = "deployer"
    INTEGRATOR = "integrator"
    OPERATOR = "operator"
    CLOUD_PROVIDER = "cloud_provider"
    COMPONENT_SUPPLIER = "component_supplier"
    DISTRIBUTOR = "distributor"
    IMPORTER = "importer"
    AUTHORISED_REPRESENTATIVE = "authorised_representative"
    FULFILMENT_SERVICE_PROVIDER = "fulfilment_service_provider"
    ONLINE_PLATFORM = "online_platform"
    END_USER = "end_user"
    AFFECTED_PERSON = "affected_person"


ROLE_ALIASES: dict[str, tuple[Role, ...]] = {
    "developer_provider": (Role.DEVELOPER, Role.PROVIDER),
    "deployer_integrator": (Role.DEPLOYER, Role.INTEGRATOR),
    "gpai_model_provider": (Role.GPAI_PROVIDER,),
    "cloud_infrastructure_provider": (Role.CLOUD_PROVIDER,),
    "modifier": (Role.FINE_TUNER,),
}


def normalise_role(name: str) -> tuple[Role, ...]:
    """Public roles for a role name, accepting LEGAL_RULES.md's combined names.

    Raises ``ValueError`` for a name that is neither.
    """
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key in ROLE_ALIASES:
        return ROLE_ALIASES[key]
    return (Role(key),)


class Harm(StrEnum):
    """Harm types (VOCABULARY.md)."""

    PERSONAL_INJURY = "personal_injury"
    PSYCHOLOGICAL = "psychological"
    PROPERTY = "property"
    DATA_LOSS = "data_loss"
    ECONOMIC_LOSS = "economic_loss"
    DISCRIMINATION = "discrimination"
    PRIVACY = "privacy"
    REPUTATION = "reputation"
    OTHER_NON_MATERIAL = "other_non_material"


HARM_ALIASES: dict[str, Harm] = {
    "death": Harm.PERSONAL_INJURY,
    "psychological_harm": Harm.PSYCHOLOGICAL,
    "property_damage": Harm.PROPERTY,
    "pure_economic_loss": Harm.ECONOMIC_LOSS,
    "privacy_violation": Harm.PRIVACY,
    "reputational": Harm.REPUTATION,
}


def normalise_harm(name: str) -> Harm:
    """Public harm for a harm name, accepting LEGAL_RULES.md's internal names."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    return HARM_ALIASES.get(key) or Harm(key)


class RiskLabel(StrEnum):
    """AI Act risk label, one per case."""

    PROHIBITED = "prohibited"
    HIGH = "high"
    LIMITED = "limited"
    MINIMAL = "minimal"
    GPAI = "gpai"
    NOT_AI = "not_ai"
    UNCLEAR = "unclear"


class IncidentCause(StrEnum):
    """Incident causes (LEGAL_RULES.md §10.2 plus data_poisoning and erroneous_output)."""

    DESIGN = "design"
    TRAINING_DATA = "training_data"
    DATA_POISONING = "data_poisoning"
    SOFTWARE_UPDATE = "software_update"
    MISSING_SECURITY_UPDATE = "missing_security_update"
    RELATED_SERVICE = "related_service"
    SUBSTANTIAL_MODIFICATION = "substantial_modification"
    CYBERATTACK = "cyberattack"
    MISUSE = "misuse"
    OPERATOR_ERROR = "operator_error"
    ERRONEOUS_OUTPUT = "erroneous_output"
    UNKNOWN = "unknown"


# --------------------------------------------------------------------------- citation IDs


class InvalidCitationId(ValueError):
    """A string that does not follow the citation-ID grammar."""


class RefKind(StrEnum):
    """What a citation ID points at."""

    ACT = "act"  # the whole act, e.g. "AILD_PROPOSAL"
    ARTICLE = "article"
    RECITAL = "recital"
    ANNEX = "annex"
    SECTION = "section"
    NATIONAL = "national"


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ROMAN_RE = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def roman_to_int(text: str) -> int:
    """Value of a roman numeral (case-insensitive); ``ValueError`` if it is not one."""
    low = text.lower()
    if not low or not _ROMAN_RE.match(low):
        raise ValueError(f"not a roman numeral: {text!r}")
    total = 0
    for i, ch in enumerate(low):
        value = _ROMAN[ch]
        nxt = _ROMAN[low[i + 1]] if i + 1 < len(low) else 0
        total += -value if value < nxt else value
    return total


_ACT_ALT = "|".join(sorted((a.value for a in ActCode if a is not ActCode.NATIONAL), key=len)[::-1])
_NUM = r"\d+[a-z]?"
_SEG = r"(?:\d+[a-z]?|[a-z]+)"
_ARTICLE = rf"Art (?P<art>{_NUM})(?P<segs>(?:\({_SEG}\))*)(?: subparagraph (?P<subpara>\d+))?"
_ANNEX = (
    r"Annex (?P<annex>[IVXLC]+)"
    r"(?: Part (?P<part>[IVXLC]+)| Section (?P<section>[A-Z]))?"
    rf"(?: point (?P<point>{_NUM})(?P<psegs>(?:\({_SEG}\))*))?"
)
_RECITAL = r"Recital (?P<recital>\d+)"
_SECTION = r"§(?P<sec>\d+(?:\.\d+)*)"
_EU_ID_RE = re.compile(
    rf"^(?P<act>{_ACT_ALT})(?:@(?P<version>\d{{4}}-\d{{2}}-\d{{2}}))?"
    rf"(?: (?:{_ARTICLE}|{_ANNEX}|{_RECITAL}|{_SECTION}))?$"
)
_NATIONAL_RE = re.compile(r"^NATIONAL (?P<cc>[A-Z]{2}) (?P<label>\S.*\S|\S)$")
_SEG_SPLIT = re.compile(r"\(([^()]*)\)")

# In prose a national label runs while its words look like a legal reference ("BGB §823(1)",
# "Code civil art. 1240", "ProdHaftG § 1 Abs. 1"): a first word, then words with a digit or §
# or one of a few connective abbreviations.
_NATIONAL_LABEL = (
    rf"[^\s;,\[\]`'\"]+(?: (?!(?:{_ACT_ALT}|NATIONAL)\b)(?:civil|art\.|Art\.|ff\.|Abs\.|Nr\.|"
    r"Satz|S\.|[^\s;,\[\]`'\"]*[\d§][^\s;,\[\]`'\"]*))*"
)

# Where to look for IDs inside prose (citations in analysis text). Deliberately anchored on
# act codes so ordinary words never match.
_FIND_RE = re.compile(
    rf"\b(?:{_ACT_ALT})(?:@\d{{4}}-\d{{2}}-\d{{2}})?"
    rf"(?: (?:Art {_NUM}(?:\({_SEG}\))*(?: subparagraph \d+)?"
    rf"|Annex [IVXLC]+(?: Part [IVXLC]+| Section [A-Z])?(?: point {_NUM}(?:\({_SEG}\))*)?"
    rf"|Recital \d+|§\d+(?:\.\d+)*))?"
    rf"|\bNATIONAL [A-Z]{{2}} {_NATIONAL_LABEL}"
)


@dataclass(frozen=True, slots=True)
class ProvisionId:
    """A parsed citation ID, e.g. ``AI_ACT Art 25(1)(b)`` or ``CRA Annex I Part II point 2``.

    ``segments`` holds the parenthesised parts after the article number (paragraph, point,
    subpoint) or after the annex point number. Their meaning is positional; whether ``(i)`` is a
    letter point or a roman subpoint is decided by the provision tree, not by the grammar.
    """

    act: ActCode
    kind: RefKind
    version: date | None = None
    number: str | None = None  # article number, recital number, annex roman, section "3.2"
    segments: tuple[str, ...] = ()
    subparagraph: int | None = None
    annex_part: str | None = None
    annex_section: str | None = None
    annex_point: str | None = None
    country: str | None = None  # NATIONAL only
    label: str | None = None  # NATIONAL only
    _text: str = field(default="", compare=False, repr=False)

    # -- parsing ---------------------------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> ProvisionId:
        """Parse a canonical citation ID; raise ``InvalidCitationId`` if it is malformed."""
        raw = text.strip()
        national = _NATIONAL_RE.match(raw)
        if national:
            return cls(
                act=ActCode.NATIONAL,
                kind=RefKind.NATIONAL,
                country=national["cc"],
                label=national["label"],
            )
        m = _EU_ID_RE.match(raw)
        if not m:
            raise InvalidCitationId(f"not a citation ID: {text!r}")
        version: date | None = None
        if m["version"]:
            try:
                version = date.fromisoformat(m["version"])
            except ValueError as exc:
                raise InvalidCitationId(f"bad version date in {text!r}") from exc
        act = ActCode(m["act"])
        if m["art"]:
            return cls(
                act=act,
                kind=RefKind.ARTICLE,
                version=version,
                number=m["art"],
                segments=tuple(_SEG_SPLIT.findall(m["segs"] or "")),
                subparagraph=int(m["subpara"]) if m["subpara"] else None,
            )
        if m["annex"]:
            for roman in (m["annex"], m["part"]):
                if roman:
                    try:
                        roman_to_int(roman)
                    except ValueError as exc:
                        raise InvalidCitationId(f"bad roman numeral in {text!r}") from exc
            return cls(
                act=act,
                kind=RefKind.ANNEX,
                version=version,
                number=m["annex"],
                annex_part=m["part"],
                annex_section=m["section"],
                annex_point=m["point"],
                segments=tuple(_SEG_SPLIT.findall(m["psegs"] or "")),
            )
        if m["recital"]:
            return cls(act=act, kind=RefKind.RECITAL, version=version, number=m["recital"])
        if m["sec"]:
            return cls(act=act, kind=RefKind.SECTION, version=version, number=m["sec"])
        return cls(act=act, kind=RefKind.ACT, version=version)

    @classmethod
    def is_valid(cls, text: str) -> bool:
        """True if ``text`` follows the grammar (says nothing about whether it exists)."""
        try:
            cls.parse(text)
        except InvalidCitationId:
            return False
        return True

    # -- formatting ------------------------------------------------------------------------
    def format(self) -> str:
        """The canonical string form; ``parse(format(x)) == x``."""
        if self.kind is RefKind.NATIONAL:
            return f"NATIONAL {self.country} {self.label}"
        head = self.act.value + (f"@{self.version.isoformat()}" if self.version else "")
        segs = "".join(f"({s})" for s in self.segments)
        if self.kind is RefKind.ARTICLE:
            sub = f" subparagraph {self.subparagraph}" if self.subparagraph else ""
            return f"{head} Art {self.number}{segs}{sub}"
        if self.kind is RefKind.ANNEX:
            out = f"{head} Annex {self.number}"
            if self.annex_part:
                out += f" Part {self.annex_part}"
            if self.annex_section:
                out += f" Section {self.annex_section}"
            if self.annex_point:
                out += f" point {self.annex_point}{segs}"
            return out
        if self.kind is RefKind.RECITAL:
            return f"{head} Recital {self.number}"
        if self.kind is RefKind.SECTION:
            return f"{head} §{self.number}"
        return head

    def __str__(self) -> str:
        return self.format()

    # -- navigation ------------------------------------------------------------------------
    def without_version(self) -> ProvisionId:
        """The same reference with no ``@version`` (the version in force on the analysis date)."""
        return _replace(self, version=None)

    def with_version(self, version: date | None) -> ProvisionId:
        """The same reference pinned to ``version``."""
        return _replace(self, version=version)

    def parent(self) -> ProvisionId | None:
        """One level up: ``Art 8(1)(c)`` -> ``Art 8(1)`` -> ``Art 8`` -> act; None for the act."""
        if self.kind in (RefKind.ACT, RefKind.NATIONAL):
            return None
        if self.subparagraph is not None:
            return _replace(self, subparagraph=None)
        if self.segments:
            return _replace(self, segments=self.segments[:-1])
        if self.kind is RefKind.ANNEX:
            if self.annex_point:
                return _replace(self, annex_point=None)
            if self.annex_part or self.annex_section:
                return _replace(self, annex_part=None, annex_section=None)
        if self.kind is RefKind.SECTION and self.number and "." in self.number:
            return _replace(self, number=self.number.rsplit(".", 1)[0])
        return ProvisionId(act=self.act, kind=RefKind.ACT, version=self.version)

    def top_level(self) -> ProvisionId:
        """The article, recital, annex or top section this ID sits in (article-level scoring)."""
        if self.kind in (RefKind.ACT, RefKind.NATIONAL, RefKind.RECITAL):
            return self
        if self.kind is RefKind.SECTION and self.number:
            return _replace(self, number=self.number.split(".")[0])
        if self.kind is RefKind.ANNEX:
            return ProvisionId(
                act=self.act, kind=RefKind.ANNEX, version=self.version, number=self.number
            )
        return ProvisionId(
            act=self.act, kind=RefKind.ARTICLE, version=self.version, number=self.number
        )

    def is_within(self, other: ProvisionId) -> bool:
        """True if ``self`` equals ``other`` or is a more specific part of it."""
        node: ProvisionId | None = self
        while node is not None:
            if node == other:
                return True
            node = node.parent()
        return False


def _replace(pid: ProvisionId, **changes: Any) -> ProvisionId:
    return dataclasses.replace(pid, **changes)


def _balance_parens(text: str) -> str:
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]
    return text


def find_ids(text: str) -> list[str]:
    """Citation IDs that appear in prose, in order of appearance, without duplicates.

    Only strings that start with an act code are considered, so "article 5" in plain English
    is not picked up; the reference resolver handles free-form references.
    """
    seen: dict[str, None] = {}
    for m in _FIND_RE.finditer(text):
        candidate = _balance_parens(m.group(0).rstrip(" .,"))
        if ProvisionId.is_valid(candidate):
            seen.setdefault(candidate, None)
    return list(seen)
