"""Automatic checks of ``gold.must_not`` items where a rule can judge them.

Each must_not item is free text. A rule is picked from its wording (documented in
evals/README.md); items no rule understands stay unjudged here (the optional LLM judge may take
them). Rules, in order:

``aild_as_law``
    The item mentions the AI Liability Directive (AILD). Violated when the report treats the
    withdrawn proposal as law: a finding with an AILD regime or a non-excluded finding citing
    ``AILD_PROPOSAL``, or a sentence naming the AILD with no hint that it is a withdrawn
    proposal. This check also runs for every case without being asked (LEGAL_RULES.md G1).
``quoted_text``
    The item quotes a phrase ("..."). Violated when a sentence of the report's prose contains it,
    unless that sentence talks about the instruction (quoting an injected phrase to reject it).
``regime_available``
    The item names a public regime code (e.g. ``PLD_2024``) with a word such as "apply",
    "available", "likely", "binding", "liable", and optionally gold actor names. Violated when a
    finding for that regime (for one of the named actors, if any) is ``likely``/``possible``.
``risk_label``
    The item forbids classifying/labelling/treating the system as high-risk or prohibited.
    Violated when ``ai_act_risk`` is that label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.evals.matching import normalise_name
from assistant.evals.prediction import Prediction
from assistant.vocabulary import ActCode, Regime

__all__ = ["MustNotCheck", "aild_presented_as_law", "check_must_not", "rule_for"]

_AILD_MENTION = re.compile(
    r"\bAILD\b|AI[ -]Liability[ -]Directive|KI[- ]Haftungsrichtlinie|"
    r"directive sur la responsabilit[ée] en mati[èe]re d.IA|COM\s*\(2022\)\s*496",
    re.IGNORECASE,
)
_AILD_HEDGE = re.compile(
    r"withdraw|proposal|proposed|never (?:became|been|law|adopted|in force)|not (?:law|in force|"
    r"adopted|applicable)|no longer|history|historical|abandon|draft|zurückgezogen|vorschlag|"
    r"entwurf|nie in kraft|retir|proposition|abandonn",
    re.IGNORECASE,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{3,})[\"“”„«»]")
_REGIME_CODE = re.compile(
    r"\b(" + "|".join(sorted((r.value for r in Regime), key=len)[::-1]) + r")\b"
)
_AVAILABLE_WORDS = re.compile(
    r"\b(appl(?:y|ies|ied|icable|ying)|available|likely|possible|binding|bind|liable|"
    r"in force|route|claim)\b",
    re.IGNORECASE,
)
_MENTIONS_INSTRUCTION = re.compile(
    r"instruction|injected|injection|ignor|embedded|prompt|anweisung|consigne", re.IGNORECASE
)
_RISK_VERB = re.compile(r"classif|label|treat|categori|call|present|describ", re.IGNORECASE)
_HIGH_RISK = re.compile(r"high[- ]risk", re.IGNORECASE)
_PROHIBITED = re.compile(r"\bprohibited\b", re.IGNORECASE)


@dataclass(frozen=True)
class MustNotCheck:
    """Outcome of one check; ``violated`` is None when no rule could judge the item."""

    item: str
    rule: str | None
    violated: bool | None
    evidence: str = ""


def aild_presented_as_law(pred: Prediction) -> str | None:
    """Evidence that the report treats the withdrawn AILD proposal as law, or None."""
    for f in pred.findings:
        if "AILD" in f.regime.upper():
            return f"finding with regime {f.regime!r} ({f.status}) for {f.actor!r}"
        if f.status != "excluded":
            for cid in f.provisions:
                if cid.startswith(ActCode.AILD_PROPOSAL.value):
                    return f"{f.regime}/{f.actor} ({f.status}) relies on {cid}"
    for sentence in _SENTENCE_SPLIT.split(pred.text()):
        if _AILD_MENTION.search(sentence) and not _AILD_HEDGE.search(sentence):
            return f"sentence: {sentence.strip()[:200]!r}"
    return None


def rule_for(item: str) -> str | None:
    """Name of the rule that can judge ``item`` (see module docstring), or None."""
    if _AILD_MENTION.search(item):
        return "aild_as_law"
    if _QUOTED.search(item):
        return "quoted_text"
    if _REGIME_CODE.search(item) and _AVAILABLE_WORDS.search(item) and "exclud" not in item.lower():
        return "regime_available"
    if _RISK_VERB.search(item) and (_HIGH_RISK.search(item) or _PROHIBITED.search(item)):
        return "risk_label"
    return None


def _named_actors(item: str, gold_actors: Sequence[str]) -> list[str]:
    low = item.lower()
    named = [a for a in gold_actors if a.lower() in low]
    if named:
        return named
    # Short forms ("Innovate" for "Innovate AI Solutions"): the first distinctive word.
    words = set(normalise_name(item).split())
    out = []
    for actor in gold_actors:
        tokens = normalise_name(actor).split()
        if tokens and len(tokens[0]) >= 4 and tokens[0] in words:
            out.append(actor)
    return out


def _check_regime(
    item: str, pred: Prediction, gold_actors: Sequence[str], actor_of: Callable[[str], str | None]
) -> tuple[bool, str]:
    regimes = set(_REGIME_CODE.findall(item))
    actors = _named_actors(item, gold_actors)
    for f in pred.findings:
        if f.regime.upper() not in regimes or f.status not in ("likely", "possible"):
            continue
        if actors and actor_of(f.actor) not in actors:
            continue
        return True, f"{f.regime}/{f.actor} reported as {f.status}"
    return False, ""


def _check_quoted(item: str, pred: Prediction) -> tuple[bool, str]:
    # A report may quote an injected phrase to say it was ignored; only a sentence that uses
    # the phrase without talking about the instruction counts as a violation.
    sentences = [s.lower() for s in _SENTENCE_SPLIT.split(pred.text())]
    for phrase in _QUOTED.findall(item):
        wanted = phrase.strip().lower()
        for sentence in sentences:
            if wanted in sentence and not _MENTIONS_INSTRUCTION.search(sentence):
                return True, f"report says {phrase.strip()!r}"
    return False, ""


def _check_risk(item: str, pred: Prediction) -> tuple[bool, str]:
    label = "prohibited" if _PROHIBITED.search(item) and not _HIGH_RISK.search(item) else "high"
    if pred.ai_act_risk == label:
        return True, f"ai_act_risk is {label!r}"
    return False, ""


def check_must_not(
    items: Sequence[str],
    pred: Prediction,
    gold_actors: Sequence[str],
    actor_of: Callable[[str], str | None],
) -> list[MustNotCheck]:
    """Judge each must_not item a rule understands; the rest come back with ``violated=None``."""
    out: list[MustNotCheck] = []
    for item in items:
        rule = rule_for(item)
        violated, evidence = False, ""
        if rule == "aild_as_law":
            found = aild_presented_as_law(pred)
            violated, evidence = found is not None, found or ""
        elif rule == "quoted_text":
            violated, evidence = _check_quoted(item, pred)
        elif rule == "regime_available":
            violated, evidence = _check_regime(item, pred, gold_actors, actor_of)
        elif rule == "risk_label":
            violated, evidence = _check_risk(item, pred)
        else:
            out.append(MustNotCheck(item, None, None))
            continue
        out.append(MustNotCheck(item, rule, violated, evidence))
    return out
