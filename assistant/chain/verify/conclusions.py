"""Rule (3): every conclusion agrees with the rule core; on conflict the rule core's version wins.

A sentence is read clause by clause ("...; but ..."). A clause makes a *claim* when it has a
predicate about liability or applicability (negative: "does not apply", "is not liable", "no
claim", "bears no liability"; positive: "is liable", "applies", "may claim") and names a regime
("the GDPR", "product liability", "French tort law", or the act code of a citation). The actors
it names (full name, or a distinctive first word) are matched against the case. Each (regime,
actor) claim is compared with the assessment's public finding:

* negative claim vs ``likely``/``possible``           -> conflict
* positive claim (applies / may be liable) vs ``excluded`` -> conflict
* certain liability ("is liable") vs ``possible``/``unlikely``/``excluded`` -> conflict (G6: the
  core never states liability as certain unless its finding is ``likely``)
* a damages claim under a duty regime (AI Act, CRA, NIS2) -> conflict (G2: no damages there)

A negative clause with no actor is a claim about every actor ("the new PLD does not apply"): it
conflicts when any actor's row is likely/possible. Positive clauses are checked only when they
name an actor (general statements about the law are not conclusions about the case). "X bears no liability" with
no regime named is a negative claim about all of X's rows. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from assistant.rules import Assessment, Finding
from assistant.vocabulary import ActCode, ProvisionId, PublicStatus, Regime

__all__ = [
    "REGIME_LABELS",
    "Claim",
    "ClaimKind",
    "Conflict",
    "find_claims",
    "find_conflicts",
    "related_provisions",
    "rule_core_statement",
]


class ClaimKind(StrEnum):
    """What a clause says about a regime for an actor."""

    NEGATIVE = "negative"  # does not apply / not liable
    APPLIES = "applies"  # the regime applies / governs
    POSSIBLE = "possible"  # may / could be liable, a claim is possible
    CERTAIN = "certain"  # is liable / must compensate


REGIME_LABELS: dict[Regime, str] = {
    Regime.PLD_2024: "product liability under the new Product Liability Directive",
    Regime.PLD_1985: "product liability under the 1985 Product Liability Directive",
    Regime.NATIONAL_FAULT: "fault-based liability under national law",
    Regime.CONTRACT: "contractual liability",
    Regime.GDPR_82: "compensation under GDPR Art 82",
    Regime.AI_ACT_ENFORCEMENT: "regulatory exposure under the AI Act",
    Regime.CRA: "regulatory exposure under the Cyber Resilience Act",
    Regime.NIS2: "regulatory exposure under NIS2",
    Regime.DCD: "consumer remedies under the Digital Content Directive",
    Regime.CONSUMER_LAW: "consumer sales law",
}
_PRODUCT = frozenset({Regime.PLD_2024, Regime.PLD_1985})
_DUTY = frozenset({Regime.AI_ACT_ENFORCEMENT, Regime.CRA, Regime.NIS2})
_ALL = frozenset(Regime)

# (pattern, regimes it names). Order matters only for readability; all matches are used.
_REGIME_WORDS: list[tuple[re.Pattern[str], frozenset[Regime]]] = [
    (
        re.compile(
            r"\b(?:new|revised|2024)\s+(?:product liability|PLD)\b|\bPLD[ _]?2024\b|"
            r"Directive \(EU\) 2024/2853",
            re.I,
        ),
        frozenset({Regime.PLD_2024}),
    ),
    (
        re.compile(
            r"\b(?:old|1985)\s+(?:product liability|PLD)\b|\bPLD[ _]?1985\b|"
            r"product liability directive (?:of )?1985|85/374",
            re.I,
        ),
        frozenset({Regime.PLD_1985}),
    ),
    (
        re.compile(
            r"\bproduct liability\b|\bstrict liability\b|\bPLD\b|"
            r"\bproduct liability directive\b",
            re.I,
        ),
        _PRODUCT,
    ),
    (
        re.compile(r"\bGDPR\b|\bdata protection\b|\bArt(?:icle|\.)?\s*82\b", re.I),
        frozenset({Regime.GDPR_82}),
    ),
    (
        re.compile(
            r"\btort\b|\bfault[- ]based\b|\bfault (?:claims?|liability)\b|\bin fault\b|\bnegligen|\bnon-contractual\b|\bdelict|"
            r"\bCode civil art\. 124[0-2]\b|\bBGB §823|\bnational fault\b",
            re.I,
        ),
        frozenset({Regime.NATIONAL_FAULT}),
    ),
    (
        re.compile(r"\bcontract(?:ual|s)?\b|\bwarrant(?:y|ies)\b|\blicen[cs]e agreement\b", re.I),
        frozenset({Regime.CONTRACT}),
    ),
    (re.compile(r"\bdigital content\b|\bDCD\b", re.I), frozenset({Regime.DCD})),
    (
        re.compile(r"\bconsumer (?:sales )?law\b|\bsale of goods\b", re.I),
        frozenset({Regime.CONSUMER_LAW}),
    ),
    (
        re.compile(r"\bAI Act\b|\bAI_ACT\b|\bArtificial Intelligence Act\b", re.I),
        frozenset({Regime.AI_ACT_ENFORCEMENT}),
    ),
    (re.compile(r"\bCyber Resilience Act\b|\bCRA\b"), frozenset({Regime.CRA})),
    (re.compile(r"\bNIS ?2\b", re.I), frozenset({Regime.NIS2})),
]
_CITED_ACT_REGIME = {
    ActCode.PLD_2024: Regime.PLD_2024,
    ActCode.PLD_1985: Regime.PLD_1985,
    ActCode.DCD_2019: Regime.DCD,
    ActCode.CRA: Regime.CRA,
    ActCode.NIS2: Regime.NIS2,
}

_NEG_APPLY = re.compile(
    r"\b(?:does|do|did|will|would|can|could|shall|is|are|was|were)\s*(?:not|n't)\s+"
    r"(?:(?:be\s+)?(?:apply|applies|applicable|govern|governed|available|"
    r"bind|bound|triggered|engaged))\b|"
    r"\b(?:not|never)\s+(?:apply|applicable|available)\b|"
    r"\b(?:is|are)\s+excluded\b|\bexcluded\b|\bout(?:side)? (?:of )?(?:the )?scope\b|"
    r"\bfalls? outside\b|\bruled out\b|\bno (?:claim|claims|remedy|route)\b",
    re.I,
)
_NEG_LIABLE = re.compile(
    r"\bnot\s+(?:be\s+)?(?:held\s+)?(?:liable|responsible)\b|\b(?:isn't|aren't|wasn't)\s+liable\b|"
    r"\bcannot be held\b|\bno (?:liability|responsibility|exposure)\b|\bbears? no\b|"
    r"\bfree (?:of|from) (?:any )?liability\b|\bnothing to (?:fear|pay)\b|"
    r"\bescapes? (?:all )?liability\b",
    re.I,
)
# "liability cannot be excluded by contract" says the opposite of "excluded".
_NOT_EXCLUDABLE = re.compile(
    r"\b(?:cannot|can ?not|may not|must not|could not|not)\s+(?:be\s+)?"
    r"(?:excluded|limited|waived|reduced)\b",
    re.I,
)
_CERTAIN = re.compile(
    r"\b(?:is|are|will be|remains?|shall be)\s+(?:fully\s+|strictly\s+|clearly\s+)?"
    r"(?:liable|responsible)\b|\bmust (?:pay|compensate)\b|\bbears? (?:full )?liability\b",
    re.I,
)
_APPLIES = re.compile(
    r"\b(?:applies|apply|governs|govern|is applicable|are applicable|covers|cover|"
    r"is available|are available|binds|bind)\b",
    re.I,
)
_HEDGE = re.compile(
    r"\b(?:may|might|could|can|possibly|possible|potentially|likely|probably|arguabl[ey]|"
    r"if|unless|depend|depends|would)\b",
    re.I,
)
_DAMAGES = re.compile(r"\b(?:damages|compensation|compensate|liable|liability)\b", re.I)
_CLAUSE_SPLIT = re.compile(
    r";|\s+-\s+|,?\s+\b(?:but|whereas|while|although|though|however|yet)\b", re.I
)
# fmt: off
_COMMON_FIRST = frozenset((
    "the", "a", "an", "new", "old", "data", "cloud", "smart", "digital", "global", "first",
    "open", "city", "bank", "app", "web",
))
# fmt: on


@dataclass(frozen=True)
class Claim:
    """One clause's claim: a kind, the regimes it names, the actors it names (empty = all)."""

    kind: ClaimKind
    regimes: frozenset[Regime]
    actors: tuple[str, ...]
    clause: str


@dataclass(frozen=True)
class Conflict:
    """A claim the rule core contradicts, with the findings that decide it."""

    claim: Claim
    findings: tuple[Finding, ...]
    why: str


def _actor_patterns(names: list[str]) -> dict[str, re.Pattern[str]]:
    out: dict[str, re.Pattern[str]] = {}
    for name in names:
        alts = [re.escape(name.strip())]
        first = name.strip().split()[0].strip(".,'’") if name.strip() else ""
        if len(first) >= 4 and first.lower() not in _COMMON_FIRST:
            alts.append(re.escape(first) + r"(?:'s|’s)?")
        out[name] = re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.I)
    return out


def _regimes(clause: str, cited: list[str]) -> frozenset[Regime]:
    found: set[Regime] = set()
    specific_product = False
    for pattern, regimes in _REGIME_WORDS:
        if pattern.search(clause):
            if regimes == _PRODUCT and specific_product:
                continue
            found |= regimes
            specific_product = specific_product or bool(regimes & _PRODUCT)
    if not found:
        for ref in cited:
            try:
                pid = ProvisionId.parse(ref)
            except ValueError:
                continue
            if pid.act is ActCode.GDPR and ref.startswith("GDPR Art 82"):
                found.add(Regime.GDPR_82)
            elif pid.act in _CITED_ACT_REGIME:
                found.add(_CITED_ACT_REGIME[pid.act])
    return frozenset(found)


def _kind(clause: str, has_regime: bool) -> ClaimKind | None:
    clause = _NOT_EXCLUDABLE.sub(" ", clause)
    if _NEG_LIABLE.search(clause):
        return ClaimKind.NEGATIVE
    if has_regime and _NEG_APPLY.search(clause):
        return ClaimKind.NEGATIVE
    if _CERTAIN.search(clause) and not _HEDGE.search(clause):
        return ClaimKind.CERTAIN
    if re.search(r"\b(?:liable|liability|claim|compensation|responsible)\b", clause, re.I):
        return ClaimKind.POSSIBLE if has_regime or _HEDGE.search(clause) else None
    if has_regime and _APPLIES.search(clause):
        return ClaimKind.POSSIBLE if _HEDGE.search(clause) else ClaimKind.APPLIES
    return None


def find_claims(
    sentence: str, actor_names: Sequence[str], cited: Sequence[str] = ()
) -> list[Claim]:
    """The claims a sentence makes, clause by clause."""
    patterns = _actor_patterns(list(actor_names))
    claims: list[Claim] = []
    sentence_actors = tuple(n for n, p in patterns.items() if p.search(sentence))
    for clause in _CLAUSE_SPLIT.split(sentence):
        if not clause or not clause.strip():
            continue
        regimes = _regimes(clause, list(cited))
        kind = _kind(clause, bool(regimes))
        if kind is None:
            continue
        actors = tuple(n for n, p in patterns.items() if p.search(clause))
        if not actors and re.search(r"\b(?:it|they|he|she)\b", clause, re.I):
            actors = sentence_actors  # "..., but it may be liable in tort"
        if kind is not ClaimKind.NEGATIVE and not actors:
            continue  # positive statements about the law in general are not case conclusions
        if not regimes:
            if not actors:
                continue  # "X is liable" with no regime: nothing precise to check
            regimes = _ALL
        claims.append(Claim(kind, regimes, actors, clause.strip()))
    return claims


_POSITIVE = (PublicStatus.LIKELY, PublicStatus.POSSIBLE)


def _rows(
    assessment: Assessment, regimes: frozenset[Regime], actors: tuple[str, ...]
) -> list[Finding]:
    wanted = {a.casefold() for a in actors}
    return [
        f
        for f in assessment.public
        if f.regime in regimes and (not wanted or f.actor.casefold() in wanted)
    ]


# Words that narrow a duty regime to one of its lines ("the high-risk provider duties did not
# bind X"): such a claim is about a line, not the merged public row, so it is not compared.
_DUTY_LINE = re.compile(
    r"high-risk|transparen|GPAI|general-purpose|provider duties|deployer duties|reporting|"
    r"value-chain|importer|distributor|Art(?:icle)?\.? ?\d",
    re.I,
)


def _check(claim: Claim, assessment: Assessment) -> Conflict | None:
    regimes = claim.regimes
    if _DUTY_LINE.search(claim.clause):
        regimes = regimes - _DUTY
    rows = _rows(assessment, regimes, claim.actors)
    if not rows:
        return None
    positive = [f for f in rows if f.status in _POSITIVE]
    if claim.kind is ClaimKind.NEGATIVE:
        if positive:
            return Conflict(claim, tuple(positive), "the rule core finds this regime open")
        return None
    duty = [f for f in rows if f.regime in _DUTY]
    damages = claim.kind in (ClaimKind.CERTAIN, ClaimKind.POSSIBLE) and _DAMAGES.search(
        claim.clause
    )
    if damages and duty and len(duty) == len(rows):
        return Conflict(
            claim, tuple(duty), "the AI Act, the CRA and NIS2 create duties, not damages claims"
        )
    if all(f.status is PublicStatus.EXCLUDED for f in rows):
        return Conflict(claim, tuple(rows), "the rule core finds this regime excluded")
    if claim.kind is ClaimKind.CERTAIN and not any(f.status is PublicStatus.LIKELY for f in rows):
        return Conflict(claim, tuple(rows), "stated as certain; the rule core finds it open")
    return None


def find_conflicts(
    sentence: str, assessment: Assessment, cited: list[str] | None = None
) -> list[Conflict]:
    """Conflicts between the sentence's claims and the rule core's public findings."""
    names = [str(a.get("name")) for a in assessment.actors if a.get("name")]
    out: list[Conflict] = []
    for claim in find_claims(sentence, names, cited or []):
        conflict = _check(claim, assessment)
        if conflict is not None:
            out.append(conflict)
    return out


def related_provisions(
    sentence: str, assessment: Assessment, cited: Sequence[str] = ()
) -> list[str]:
    """Provisions of the public findings whose regime the sentence names (for the actors it
    names, or all actors): where a supporting citation may be looked for."""
    names = [str(a.get("name")) for a in assessment.actors if a.get("name")]
    regimes = _regimes(sentence, list(cited))
    if not regimes:
        return []
    actors = {n.casefold() for n, p in _actor_patterns(names).items() if p.search(sentence)}
    out: dict[str, None] = {}
    for f in assessment.public:
        if f.regime in regimes and (not actors or f.actor.casefold() in actors):
            for pid in f.provisions:
                out.setdefault(pid, None)
    return list(out)


def rule_core_statement(findings: tuple[Finding, ...] | list[Finding]) -> tuple[str, list[str]]:
    """The rule core's own wording for findings, and the provisions it rests on."""
    parts: list[str] = []
    provisions: dict[str, None] = {}
    for f in list(findings)[:3]:
        reason = f.reasons[0].text.rstrip(".") if f.reasons else ""
        label = REGIME_LABELS.get(f.regime, f.regime.value)
        part = f"{label} for {f.actor}: {f.status.value}"
        if reason:
            part += f" ({reason})"
        parts.append(part)
        for pid in f.provisions[:2]:
            provisions.setdefault(pid, None)
    return "Rule core: " + "; ".join(parts), list(provisions)
