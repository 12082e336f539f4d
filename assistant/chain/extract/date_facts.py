"""Which date is which: market date, incident date, modification date, an actor's own release.

A date near a market cue ("launched", "on the market since", "auf den Markt gebracht") is a
market date: the product's, or an upstream actor's own when the sentence is about a model
provider or component supplier ("Lumen trains a model, released in March 2026"). The incident
date comes from the sentence that states the harm, else the failure, else the attack, else a
sentence opening with the date ("On 3 March 2027 ..."), else the only remaining exact date; dates
of purchases and market dates are never incident dates. Dates inside a period that contains a
legal boundary are dropped with the reason, so the interviewer asks for the exact day.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.chain.extract.candidates import DroppedFact, FactCandidate
from assistant.chain.extract.dates import (
    MARKET_DATE_BOUNDARIES,
    DateMention,
    find_dates,
    representative_day,
)
from assistant.chain.extract.lexicon_facts import (
    CAUSE_CUES,
    HARM_CUES,
    INCIDENT_CUES,
    MARKET_CUES,
    MARKET_VETO,
    PURCHASE_CUES,
)
from assistant.chain.extract.mentions import Mention
from assistant.chain.extract.text import Sentence, clause_around, negated_before, words_re
from assistant.vocabulary import Role

__all__ = ["date_facts"]

_UPSTREAM = {Role.GPAI_PROVIDER, Role.COMPONENT_SUPPLIER, Role.DATA_PROVIDER}
_FINE_TUNE = words_re(
    r"\b(?:fine[- ]?tun\w*|retrain\w*|re-trained|nachtrainiert\w*|feinabgestimmt|affiné|"
    r"(?:install|flash|load)\w* (?:its|their|our) own|modif(?:ies|ied)|retrofit\w*|"
    r"reprogramm?\w*|umgebaut\w*|umgerüstet\w*|nachgerüstet\w*|converted|transformé\w*)\b"
)
_ORIGINAL = words_re(
    r"\b(?:first|originally|initially|ursprünglich|erstmals|initialement)\b[^.;()]{0,25}$"
)
_SELLS = words_re(
    r"\b(?:sells|sold|selling|resells|resold|placed on the market|launched|own brand|verkauft|"
    r"vertreibt|auf den markt|übergeben|ausgeliefert|handed over|delivered|livrée?s?)\b"
)
# "In April 2027 I started using X": when use began, not when harm happened; "it ordered
# 400 kg": the system acting, not a purchase by the writer.
_USE_START = words_re(
    r"\b(?:started (?:using|to use)|began (?:using|to use)|signed up|subscribed|installed|"
    r"(?:have|has|had) (?:been )?us(?:ed|ing)|nutzen seit|utilis\w+ depuis|since|seit|depuis)\b"
)
_SYSTEM_ACTED = words_re(
    r"\b(?:it|the (?:system|tool|assistant|agent|bot|app|ai|software|robot|model))\s+"
    r"(?:ordered|bought|purchased)\b"
)
# "they have used ExamGuard since October 2026": the system was put into service for this
# deployer by then (AI Act Art 3(11); for the PLD the unit was on the market by then), so with no
# stated market date the start of use stands in for it
_IN_USE_SINCE = words_re(
    r"\b(?:(?:have|has|had) (?:been )?us(?:ed|ing)|in use|used|using|uses|use|deployed|"
    r"im einsatz|eingesetzt|nutz\w*|verwende\w*|utilis\w+|déployé\w*)\b[^.;]{0,60}?"
    r"\b(?:since|seit|depuis)\b"
)
_PRODUCT_DATES = {"product.market_date", "modification.date"}
_OPENING = re.compile(r"^\W{0,3}(?:on|am|le|in|im|en|at)\s+$", re.IGNORECASE)


@dataclass
class _Dated:
    mention: DateMention
    sentence: Sentence


def _distance(pattern: re.Pattern[str], s: Sentence, mention: DateMention) -> int:
    """Characters between the date and the nearest match of ``pattern`` in its sentence."""
    lo, hi = mention.pos - s.start, mention.endpos - s.start
    gaps = [max(0, start - hi, lo - end) for start, end in _spans(pattern, s)]
    return min(gaps, default=10_000)


@lru_cache(maxsize=1024)
def _has(pattern: re.Pattern[str], s: Sentence) -> bool:
    return pattern.search(s.text) is not None


@lru_cache(maxsize=1024)
def _spans(pattern: re.Pattern[str], s: Sentence) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in pattern.finditer(s.text))


def _exact(item: _Dated) -> bool:
    return item.mention.span is not None and item.mention.span.exact


@lru_cache(maxsize=1024)
def _cue_positions(s: Sentence, table: object) -> tuple[int, ...]:
    # cached: every date of a sentence asks the same question (a pasted log has thousands)
    out: list[int] = []
    for _, pattern in table:  # type: ignore[attr-defined]
        for m in pattern.finditer(s.text):
            if not negated_before(s.text, m.start()):
                out.append(s.start + m.start())
    return tuple(out)


def _candidate(
    path: str, item: _Dated, text: str, actor: str | None = None
) -> FactCandidate | DroppedFact:
    m = item.mention
    q0, q1 = clause_around(text, m.pos, m.endpos)
    quote = text[q0:q1]
    label = f"actors[{actor}].{path}" if actor else path
    if m.span is None:
        return DroppedFact(label, m.text, quote, f"date not usable: {m.problem}")
    names = MARKET_DATE_BOUNDARIES if path in _PRODUCT_DATES and actor is None else None
    day, note = representative_day(m.span, names)
    if day is None:
        return DroppedFact(label, m.text, quote, f"date too vague: {note}")
    return FactCandidate(path, day, quote, note=note, actor=actor)


def date_facts(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    roles: dict[str, set[Role]],
) -> list[FactCandidate | DroppedFact]:
    """Date facts of the narrative (or why a mentioned date was not used)."""
    dated: list[_Dated] = []
    usable = [s for s in sentences if not s.instruction and not s.question]
    starts = [x.start for x in usable]
    for mention in find_dates(text):
        i = bisect.bisect_right(starts, mention.pos) - 1
        if i >= 0 and mention.pos < usable[i].end:
            dated.append(_Dated(mention, usable[i]))
    out: list[FactCandidate | DroppedFact] = []
    used: set[int] = set()
    fine_tuners = [a for a, r in roles.items() if Role.FINE_TUNER in r]
    product_market: list[tuple[int, _Dated]] = []
    for item in dated:
        s, m = item.sentence, item.mention
        original = _ORIGINAL.search(text[max(s.start, m.pos - 40) : m.pos])
        if _has(_FINE_TUNE, s) and fine_tuners and not original:
            out.append(_candidate("modification.date", item, text))
            if _has(_SELLS, s):
                out.append(_candidate("market_date", item, text, actor=fine_tuners[0]))
            used.add(m.pos)
            continue
        market = _distance(MARKET_CUES, s, m)
        if market <= 60 and market < _distance(PURCHASE_CUES, s, m) and not _has(MARKET_VETO, s):
            owner = _owner(s, m, mentions)
            if owner and roles.get(owner, set()) & _UPSTREAM:
                out.append(_candidate("market_date", item, text, actor=owner))
            else:
                product_market.append((market, item))
            used.add(m.pos)
    if not product_market and not any(c.path == "market_date" for c in out
                                           if isinstance(c, FactCandidate)):  # fmt: skip
        in_use = [d for d in dated if d.mention.pos not in used
                  and _distance(_IN_USE_SINCE, d.sentence, d.mention) <= 40]  # fmt: skip
        if in_use:
            product_market.append((0, in_use[0]))
            used.add(in_use[0].mention.pos)
    if product_market:
        product_market.sort(key=lambda x: (not _exact(x[1]), x[0]))
        out.append(_candidate("product.market_date", product_market[0][1], text))
    incident = _incident(text, [d for d in dated if d.mention.pos not in used])
    if incident is not None:
        out.append(_candidate("incident.date", incident, text))
    return out


def _owner(s: Sentence, m: DateMention, mentions: list[Mention]) -> str | None:
    before = [x for x in mentions if s.start <= x.start < m.pos]
    return before[-1].actor if before else None


def _incident(text: str, dated: list[_Dated]) -> _Dated | None:
    """The date of the harm, failure or attack (exact days first, then the earliest)."""
    candidates = [
        d
        for d in dated
        if (
            _distance(PURCHASE_CUES, d.sentence, d.mention) > 40
            or _cue_positions(d.sentence, HARM_CUES)
            or _has(_SYSTEM_ACTED, d.sentence)
        )
        and _distance(_USE_START, d.sentence, d.mention) > 40
    ]
    stated: list[_Dated] = []
    opening: list[_Dated] = []
    for d in candidates:
        if (
            _cue_positions(d.sentence, HARM_CUES)
            or _has(INCIDENT_CUES, d.sentence)
            or _cue_positions(d.sentence, CAUSE_CUES)
        ):
            stated.append(d)
        head = text[d.sentence.start : d.mention.pos]
        if _OPENING.match(head) or not head.strip():
            opening.append(d)
    for group in (stated, opening):
        usable = [d for d in group if d.mention.span is not None]
        if usable:
            usable.sort(key=lambda d: (not _exact(d), d.mention.span.start))  # type: ignore[union-attr]
            return usable[0]
        if group:
            return group[0]
    exact = [d for d in candidates if _exact(d)]
    return exact[0] if len(exact) == 1 else None
