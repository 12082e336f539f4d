"""Breaches and statuses the narrative states in plain words: GDPR infringements (LEGAL_RULES.md
§4.3), an entity's NIS2 class (§6), a chatbot that never said it was an AI (Art 50(1), §3.7).

Each fact carries its clause; a cue counts only outside negation. The infringement is a fact of
the processing (``gdpr.infringements``); whether it makes anyone liable stays with the rule core.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.chain.extract.candidates import FactCandidate
from assistant.chain.extract.mentions import Mention
from assistant.chain.extract.text import Sentence, clause_around, negated_before, words_re
from assistant.facts import GdprInfringement
from assistant.vocabulary import Harm, IncidentCause, Role

__all__ = ["duty_facts"]

_SOLELY_AUTOMATED = words_re(
    r"\b(?:automatic(?:ally)? (?:reject|refus|den|suspend|block|decid|cancel|terminat|exclud)\w*|"
    r"(?:reject|refus|suspend|block|decid|cancel|terminat|exclud)\w* (?:\w+ ){0,3}automatically|"
    r"nobody (?:looks at|reviews|checks)|no (?:human|person|one|employee) (?:review\w*|looks|checks|"
    r"is involved)|without (?:any )?human (?:review|involvement|intervention|oversight)|solely "
    r"(?:by|on) (?:the )?(?:tool|system|algorithm|ai|software)|vollautomatisch\w*|ohne menschliche "
    r"(?:prüfung|kontrolle)|automatiquement (?:rejet|refus|suspendu)\w*|(?:rejet|refus|écart)\w* "
    r"(?:\w+ ){0,3}automatiquement|sans qu'aucun (?:humain|être humain)|without (?:any )?"
    r"(?:human )?review|"
    # nobody reviews, issued/sent automatically, EN/DE/FR
    r"(?:are|were|is|was|get|gets) (?:issued|sent|decided|applied|set|cut|annull?ed|imposed) "
    r"automatically|automatically (?:issued|sent|annull?ed|imposed|applied)|(?:annull?ed|"
    r"cancelled|cut) (?:\w+ ){0,4}automatically|automated (?:rejection|refusal|letter|e-?mail)|"
    r"no one (?:at (?:the )?\w+ )?(?:checks|reviews|verifies|looks)|"
    r"personne ne (?:les |le |la |l['’])?(?:relit|vérifie|contrôle|examine|regarde)|courriel "
    r"automatique|sans (?:aucune )?(?:intervention|vérification|relecture) humaine|"
    r"niemand (?:prüft|kontrolliert|schaut|sieht|überprüft)|ohne (?:jede |eine )?"
    r"(?:einzelprüfung|einzelfallprüfung|menschliche\w* (?:prüfung|kontrolle|beteiligung))|"
    r"automatisch\w* (?:\w+ ){0,3}(?:verschickt|erteilt|abgelehnt|gekündigt|gekürzt|annulliert|"
    r"festgesetzt)|(?:verschickt|erteilt|abgelehnt|gekürzt|annulliert)\w* (?:\w+ ){0,2}"
    r"automatisch)"
)
_INSECURE = words_re(
    r"\b(?:data breach|(?:read|accessed|stole|exfiltrated|copied|leaked|exposed) (?:the )?"
    r"(?:\w+ ){0,2}(?:data|records|files|details)|weak (?:access controls|passwords?|security)|"
    r"misconfigured|unencrypted|publicly (?:writable|readable|accessible)|datenleck|"
    r"fuite de données|hacked|gehackt|piraté\w*|(?:exposed|accessible) (?:online|on the "
    r"internet)|(?:offen|ungeschützt) im internet|daten\w* (?:wurden |sind )?(?:gestohlen|"
    r"abgegriffen|abgeflossen)|données (?:\w+ ){0,2}(?:volées|piratées|exposées)|no "
    r"(?:password|authentication|encryption)|ohne (?:passwort|verschlüsselung)|sans (?:mot de "
    r"passe|chiffrement))\b"
)
_UNLAWFUL = words_re(
    r"\b(?:scraped (?:\w+ ){0,2}data|without (?:their |her |his |my |our )?consent|no legal basis|"
    r"(?:leaked|stolen) customer list|ohne einwilligung|sans (?:leur |son )?consentement|"
    r"never (?:gave|given) (?:my |his |her |their )?(?:consent|permission)|(?:consented|opted "
    r"in)\b[^.;]{0,40}?\bonly\b|jamais donné (?:mon|son|leur) (?:accord|consentement)|sans "
    r"(?:mon|son|leur) accord|ohne (?:mein|sein|ihr)\w* (?:wissen|einverständnis|zustimmung)|"
    r"data brokers?|courtiers? en données|datenhändler\w*|adresshändler\w*|without (?:a |any )?"
    r"legal basis|ohne rechtsgrundlage|sans base légale)\b"
)
_NOT_NOTIFIED = words_re(
    r"\b(?:(?:did not|didn't|never|failed to|has not|have not) (?:notify|report|inform) (?:the )?"
    r"(?:data protection|supervisory|dpa|cnil|authorit)\w*)"
)
_NIS2 = words_re(
    r"\b(?P<kind>essential|important) entit(?:y|ies)\b|\bwesentliche\w* einrichtung|\bentité "
    r"essentielle"
)
_UNDISCLOSED = words_re(
    r"\b(?:never (?:said|told|disclosed|mentioned|revealed)\b[^.;]{0,40}\b(?:ai|bot|machine|"
    r"robot|automated)|nowhere does it say\b[^.;]{0,40}\b(?:ai|bot)|(?:did not|didn't|does "
    r"not|doesn't) (?:say|tell|disclose|reveal|mention)\b[^.;]{0,40}\b(?:ai|bot|machine)|"
    r"without (?:telling|disclosing|saying)\b[^.;]{0,40}\b(?:ai|bot)|(?:pretended|claimed|"
    r"presented itself) to be (?:a )?(?:human|person|real)|calls itself \")"
)
_PURPOSE_CHANGE = words_re(
    r"\b(?:(?:reconfigured|repurposed|re-purposed|adapted|turned|modified|changed) (?:it|them|"
    r"the \w+|its \w+) (?:\w+ ){0,2}(?:to|into|for)|used it for (?:a different|another) "
    r"purpose|zweckentfremdet|umfunktioniert|détourné)\b"
)
_DATA_HARMS = {Harm.PRIVACY, Harm.DISCRIMINATION, Harm.ECONOMIC_LOSS, Harm.PSYCHOLOGICAL}


def _hit(
    sentences: Iterable[Sentence], pattern: re.Pattern[str]
) -> tuple[Sentence, int, int] | None:
    for s in sentences:
        for m in pattern.finditer(s.text):
            if not negated_before(s.text, m.start()):
                return s, m.start(), m.end()
    return None


def _quote(text: str, found: tuple[Sentence, int, int]) -> str:
    s, a, b = found
    q0, q1 = clause_around(text, s.start + a, s.start + b)
    return text[q0:q1]


def _gdpr(
    text: str, sentences: list[Sentence], harms: set[Harm], causes: set[IncidentCause],
    personal: bool,
) -> list[FactCandidate]:  # fmt: skip
    out: list[FactCandidate] = []

    def add(value: GdprInfringement, found: tuple[Sentence, int, int] | None) -> None:
        if found is not None:
            out.append(FactCandidate("gdpr.infringements", value.value, _quote(text, found),
                                     mode="add"))  # fmt: skip

    if harms & _DATA_HARMS or personal:
        add(GdprInfringement.ART22_SOLELY_AUTOMATED, _hit(sentences, _SOLELY_AUTOMATED))
    if personal and (IncidentCause.CYBERATTACK in causes or Harm.PRIVACY in harms):
        add(GdprInfringement.SECURITY, _hit(sentences, _INSECURE))
    if personal:
        add(GdprInfringement.LAWFULNESS, _hit(sentences, _UNLAWFUL))
        add(GdprInfringement.BREACH_NOTIFY_SA, _hit(sentences, _NOT_NOTIFIED))
    return out


def _subject_before(
    s: Sentence, pos: int, mentions: list[Mention], kinds: dict[str, str]
) -> str | None:
    before = [
        m
        for m in mentions
        if s.start <= m.start < pos and kinds.get(m.actor) in {"company", "narrator_org"}
    ]
    return before[-1].actor if before else None


def _nis2(
    text: str, sentences: list[Sentence], mentions: list[Mention], kinds: dict[str, str]
) -> list[FactCandidate]:
    found = _hit(sentences, _NIS2)
    if found is None:
        return []
    s, a, _ = found
    m = _NIS2.search(s.text, a)
    actor = _subject_before(s, s.start + a, mentions, kinds)
    if actor is None or m is None:
        return []
    value = "important" if (m["kind"] or "").casefold() == "important" else "essential"
    return [FactCandidate("nis2_entity", value, _quote(text, found), actor=actor)]


def _undisclosed(
    text: str, sentences: list[Sentence], roles: dict[str, set[Role]]
) -> list[FactCandidate]:
    """Art 50(1): people were not told they dealt with an AI; the breach is the provider's
    (the deployer's too where it runs the system for its own customers)."""
    found = _hit(sentences, _UNDISCLOSED)
    if found is None:
        return []
    quote = _quote(text, found)
    holders = [n for n, r in roles.items() if r & {Role.PROVIDER, Role.INTEGRATOR, Role.DEPLOYER}
               and not r & {Role.GPAI_PROVIDER, Role.AFFECTED_PERSON}]  # fmt: skip
    return [FactCandidate("ai_act_breaches", ["art50_disclosure"], quote, actor=n) for n in holders]


def _purpose_change(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    kinds: dict[str, str],
    facts: list[FactCandidate],
) -> list[FactCandidate]:
    """Art 25(1)(c): someone put a system to a new use in an Annex III area ("reconfigured it
    to pre-score loan applicants"); the rule core decides whether that shifts the provider."""
    point = next((f.value for f in facts if f.path == "ai.annex_iii_point"), None)
    found = _hit(sentences, _PURPOSE_CHANGE)
    if found is None or point in (None, "none"):
        return []
    s, a, _ = found
    who = [m for m in mentions if s.start <= m.start < s.start + a and kinds.get(m.actor) in {
        "company", "narrator_org"}]  # fmt: skip
    quote = _quote(text, found)
    out = [
        FactCandidate("modification.occurred", True, quote),
        FactCandidate("modification.purpose_changed_to_high_risk", True, quote),
    ]
    if who:
        out.append(FactCandidate("modification.by", who[0].actor, quote))
    return out


def duty_facts(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    kinds: dict[str, str],
    roles: dict[str, set[Role]],
    facts: list[FactCandidate],
) -> list[FactCandidate]:
    """GDPR infringements, NIS2 classes and Art 50 disclosure breaches stated in the text."""
    harms = {Harm(f.value["type"]) for f in facts if f.path == "damage" and f.actor is None}
    causes = {IncidentCause(f.value) for f in facts if f.path == "incident.causes"}
    personal = any(f.path == "data.personal_data_processed" and f.value is True for f in facts)
    return (
        _gdpr(text, sentences, harms, causes, personal)
        + _nis2(text, sentences, mentions, kinds)
        + _undisclosed(text, sentences, roles)
        + _purpose_change(text, sentences, mentions, kinds, facts)
    )
