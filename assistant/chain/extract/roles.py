"""Roles from cues: find each cue's agent among the actor mentions, then settle the roles.

Passive and noun cues are read before active ones and claim their words, so "a tool developed
by X" never makes the actor before "developed" its developer. Cues in questions, in negated
clauses ("never authorised", "did not develop") and in instruction-like text are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.chain.extract.lexicon_names import GENERIC_ORGS
from assistant.chain.extract.lexicon_roles import GPAI_WORDS, ROLE_CUES, SELLER, RoleCue
from assistant.chain.extract.mentions import ActorRecord, Mention
from assistant.chain.extract.text import Sentence, negated_before, words_re
from assistant.vocabulary import Role

__all__ = ["RoleHit", "brand_hits", "find_roles", "settle_roles"]

_VON = re.compile(r"\b(?:von|vom|durch|bei|beim|im)\s+(?:der\s+|dem\s+|den\s+)?$", re.I)
_PRONOUN = re.compile(r"(?i:we|wir|nous|i|ich|je|j['’])")
_MODEL_MAKERS = frozenset({"develops", "developed_by", "developed_von", "releases"})
_MODEL_SUPPLIERS = frozenset({"licensed_from", "product_from", "developed_by", "made_by"})
_SELF_INTRO = re.compile(r"\s+here\b", re.IGNORECASE)
_VOICE_ORDER = {"passive": 0, "von": 0, "noun": 1, "active": 2}
_PREP_BEFORE = words_re(
    r"\b(?:from|by|to|for|with|at|on|in|of|into|via|than|like|von|bei|für|mit|an|zu|aus|de|"
    r"par|pour|chez|à|avec|about|against)\s+(?:the\s+|der\s+|die\s+|den\s+|le\s+|la\s+)?$"
)
_GERMAN = re.compile(
    r"\b(?:der|die|das|und|ist|nicht|mit|ein|eine|hat|wurde|wird|sind|auf|für|sein|ihr)\b",
    re.IGNORECASE,
)
_COPULA_AFTER = re.compile(r"^\s*(?:is|was|ist|war|est|:)\s+$", re.IGNORECASE)
_COPULA_BEFORE = re.compile(
    r"^\s*(?:,|is|was|ist|war|est|acts as|serves as|as|als|comme)?\s*(?:the|a|an|our|its|their|"
    r"der|die|den|das|le|la|l'|un|une|its own)?\s*(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_GENERIC_NP = words_re(
    r"\b(?P<det>the|a|an|our|their|its|der|die|das|den|le|la|l'|un|une)\s+(?:[\w-]+\s+)?"
    r"(?P<noun>" + "|".join(sorted(GENERIC_ORGS, key=len, reverse=True)) + r")\b\s*$"
)
_SYNONYMS = {
    "hospital": {"hospital", "krankenhaus", "hôpital", "klinikum", "kinderklinik", "clinic"},
    "clinic": {"clinic", "klinik", "kinderklinik", "clinique", "klinikum", "hospital"},
    "bank": {"bank", "banque", "sparkasse"},
    "insurer": {"insurance", "versicherung", "assurance", "insurer"},
}


@dataclass(frozen=True)
class RoleHit:
    """A role given to an actor by a cue, with the words it rests on."""

    actor: str
    role: str
    cue: str
    quote_start: int
    quote_end: int


def _quote_span(text: str, start: int, end: int, limit: int = 90) -> tuple[int, int]:
    stop = min(len(text), end + limit)
    right = end
    while right < stop and text[right] not in ",;.!?\n()":
        right += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return start, right


def _agent(
    cue: RoleCue,
    m: re.Match[str],
    s: Sentence,
    text: str,
    mentions: list[Mention],
    kinds: dict[str, str] | None = None,
) -> Mention | None:
    start, end = s.start + m.start(), s.start + m.end()
    inside = [x for x in mentions if s.start <= x.start and x.end <= s.end]
    if cue.voice != "active":
        inside = [x for x in inside if not _PRONOUN.fullmatch(x.text)]
    if cue.voice == "passive":
        after = [x for x in inside if x.start >= end and x.start - end <= 40]
        return after[0] if after else None
    if cue.voice == "von":
        for x in reversed([x for x in inside if x.end <= start and start - x.end <= 40]):
            if _VON.search(text[max(0, x.start - 14) : x.start]):
                return x
        return None
    if cue.voice == "noun":
        for x in reversed([x for x in inside if x.end <= start and start - x.end <= 40]):
            between = text[x.end : start]
            if _COPULA_BEFORE.match(between) and not any(
                y.start >= x.end and y.end <= start for y in inside
            ):
                return x
        for x in [x for x in inside if x.start >= end and x.start - end <= 12]:
            if _COPULA_AFTER.match(text[end : x.start]) or not text[end : x.start].strip(" ,("):
                return x
        return None
    # "licensed from X (Utrecht), which markets it": a relative pronoun right before the verb
    # binds the verb to the name just before it, even after a preposition
    for x in reversed([x for x in inside if x.end <= start and start - x.end <= 60]):
        if _RELATIVE_GAP.fullmatch(text[x.end : start]):
            return x
        break
    before = [
        x
        for x in inside
        if x.end <= start
        and start - x.end <= 200
        and not x.possessive
        and (
            not _PREP_BEFORE.search(text[max(s.start, x.start - 25) : x.start])
            or _UNIT_OF.search(text[max(s.start, x.start - 40) : x.start])
        )
        and not _in_aside(text, s, x, start)
    ]
    if before:
        return before[-1]
    if _GERMAN.search(s.text):  # German verb-second order: "Die Bibliothek pflegt Tobias Keller"
        after = [
            x
            for x in inside
            if 0 <= x.start - end <= 3
            or (0 <= x.start - end <= 40 and _GERMAN_SUBJECT_GAP.fullmatch(text[end : x.start]))
        ]
        if after:
            return after[0]
    return _antecedent(s, text, mentions, kinds or {}, start)


_RELATIVE_GAP = re.compile(
    r"\s*(?:\([^()]{0,40}\))?\s*,\s*(?:which|who|die|der|qui|welche[rs]?)\s+(?:\w+\s+){0,3}",
    re.IGNORECASE,
)
# "steuert das Tiefbauamt der Stadt X", "setzt die Y GmbH": an article, or an office of the
# actor, between the verb and the inverted subject
_GERMAN_SUBJECT_GAP = words_re(
    r"\s*(?:(?:die|der|das|den|dem)\s+)?(?:[\w-]*(?:amt|abteilung|referat|dezernat|büro|"
    r"verwaltung|leitung)\w*\s+(?:der|des)\s+)?"
)
_UNIT_OF = words_re(
    r"\b(?:office|department|team|unit|branch|division|service|staff|employees|nurses|"
    r"doctors|caseworkers|agency|authority) of (?:the )?(?:[\w-]+ ){0,3}$"
)


def _in_aside(text: str, s: Sentence, x: Mention, cue_start: int) -> bool:
    """The mention sits in an aside closed before the cue: "- Flitz never authorised this -"
    or "(...)"; its actor is not the subject of the cue's verb (a name in brackets right after
    another name is that name's alias, not an aside)."""
    head, tail = text[s.start : x.start], text[x.end : cue_start]
    dashed = re.search(r"\s[-–—]\s", tail) and len(re.findall(r"\s[-–—]\s", head)) % 2 == 1
    alias = re.search(r"\w\s*\($", head) is not None
    bracketed = head.count("(") > head.count(")") and ")" in tail and not alias
    return bool(dashed or bracketed)


_HUMAN = {"person", "relative", "victim", "narrator_person"}
_THEY = re.compile(r"\W*(?:they|ils|elles)$", re.IGNORECASE)
_SUBJECT_PRONOUN = re.compile(
    r"^\W*(?:(?P<thing>it|they|ils|elles|es)|(?P<person>he|she|il|elle|er))\b", re.IGNORECASE
)


def _antecedent(
    s: Sentence, text: str, mentions: list[Mention], kinds: dict[str, str], cue_start: int
) -> Mention | None:
    """ "It buys used scooters ..., installs its own firmware": a subject pronoun opening the
    sentence (and shared by its coordinated verbs) stands for the first actor named, not
    possessive, in the sentence before (a company for it/they, a person for he/she)."""
    m = _SUBJECT_PRONOUN.match(s.text)
    if m is None or any(
        s.start <= x.start < cue_start
        and not x.possessive
        and not _PRONOUN.fullmatch(x.text)
        and not _PREP_BEFORE.search(text[max(s.start, x.start - 25) : x.start])
        and not _in_aside(text, s, x, cue_start)
        for x in mentions
    ):
        return None
    prev_start = max(text.rfind(".", 0, max(0, s.start - 2)), text.rfind("\n\n", 0, s.start)) + 1
    wanted = {"company", "narrator_org", "generic"} if m["thing"] else {"person", "relative",
                                                                          "victim"}  # fmt: skip
    for x in mentions:
        if (
            prev_start <= x.start < s.start
            and not x.possessive
            and not _PREP_BEFORE.search(text[max(prev_start, x.start - 25) : x.start])
        ):
            # the previous sentence's subject ("We insure X. It ...": "it" is never "we", and
            # never a person; "they" after "the attackers" are the attackers)
            kind = kinds.get(x.actor)
            if _PRONOUN.fullmatch(x.text) or (m["thing"] and kind in _HUMAN and not _THEY.match(
                    m.group(0).strip())):  # fmt: skip
                continue
            return x if kind in wanted else None
    return None


def _generic_agent(
    cue: RoleCue, m: re.Match[str], s: Sentence, actors: list[ActorRecord]
) -> tuple[str, bool] | None:
    """'the bank' before an active verb: a named actor it refers to, or a new generic actor."""
    if cue.voice == "noun":
        if any(r.kind == "company" for r in actors):
            return None  # a role noun refers to one of the named companies
        noun = m.group(0).casefold()
        name = f"the {noun}"
        return name, all(r.name != name for r in actors)
    if cue.voice != "active":
        return None
    g = _GENERIC_NP.search(s.text[max(0, m.start() - 60) : m.start()])
    if g is None:
        return None
    noun = GENERIC_ORGS[g["noun"].casefold()]
    words = _SYNONYMS.get(noun, {noun})
    for record in actors:
        name_words = {w.casefold() for w in re.findall(r"[\w-]+", record.name)}
        if words & (name_words | record.descriptors) or any(
            w in nw for w in words for nw in name_words if len(w) > 4
        ):
            return record.name, False
    return f"the {noun}", True


def find_roles(
    text: str, sentences: list[Sentence], actors: list[ActorRecord], mentions: list[Mention]
) -> tuple[list[RoleHit], list[ActorRecord]]:
    """Role hits for every cue whose agent is found, and generic actors created on the way."""
    hits: list[RoleHit] = []
    created: list[ActorRecord] = []
    cues = sorted(ROLE_CUES, key=lambda c: _VOICE_ORDER[c.voice])
    kinds = {r.name: r.kind for r in actors}
    for s in sentences:
        if s.question or s.instruction:
            continue
        claimed: list[tuple[int, int]] = []
        for cue in cues:
            if cue.requires is not None and not cue.requires.search(s.text):
                continue
            for m in cue.pattern.finditer(s.text):
                if any(m.start() < e and b < m.end() for b, e in claimed):
                    continue
                if negated_before(s.text, m.start()):
                    continue
                if cue.voice == "noun" and _SELF_INTRO.match(s.text[m.end() :]):
                    continue  # "Deployer here": the writer's own role (see people.py)
                agent = _agent(cue, m, s, text, mentions, kinds)
                name: str | None = agent.actor if agent else None
                first = agent.start if agent else s.start + m.start()
                if agent is None:
                    generic = _generic_agent(cue, m, s, actors + created)
                    if generic is not None:
                        name, is_new = generic
                        if is_new and all(r.name != name for r in created):
                            created.append(ActorRecord(name, "generic", s.start + m.start()))
                if name is None:
                    continue
                if cue.claims:
                    span = m.span("claim") if "claim" in m.re.groupindex else m.span()
                    claimed.append(span)
                start = min(first, s.start + m.start())
                q0, q1 = _quote_span(text, start, max(s.start + m.end(), agent.end if agent else 0))
                roles = list(cue.roles)
                tail = text[s.start + m.end() : max(q1, s.start + m.end()) + 40]
                if cue.name in _MODEL_MAKERS and GPAI_WORDS.search(tail):
                    # a general-purpose model is provided as a model (gpai_provider), not as
                    # an AI system (VOCABULARY.md roles; AI Act Art 3(63) vs 3(1))
                    roles = [r for r in roles if r != Role.PROVIDER.value]
                    roles.append(Role.GPAI_PROVIDER.value)
                elif cue.name in _MODEL_SUPPLIERS and agent is not None:
                    apposition = text[agent.end : agent.end + 50]
                    named = GPAI_WORDS.search(m.group(0))  # "a cloud language model from X"
                    if named or (
                        re.match(r"\s*[(,]", apposition) and GPAI_WORDS.search(apposition)
                    ):
                        roles.append(Role.GPAI_PROVIDER.value)
                hits.extend(RoleHit(name, r, cue.name, q0, q1) for r in roles)
        hits.extend(_possessive_gpai(text, s, mentions))
    return hits, created


def _possessive_gpai(text: str, s: Sentence, mentions: list[Mention]) -> list[RoleHit]:
    """ "Lumen's language model", "OpenAI's GPT-4": the owner provides a general-purpose model."""
    out: list[RoleHit] = []
    if s.question or s.instruction:
        return out
    for x in mentions:
        if x.possessive and s.start <= x.start < s.end:
            tail = text[x.end : x.end + 30]
            g = GPAI_WORDS.match(tail.lstrip()) or GPAI_WORDS.search(tail[:20])
            if g:
                out.append(
                    RoleHit(
                        x.actor,
                        Role.GPAI_PROVIDER.value,
                        "possessive_gpai",
                        x.start,
                        x.end + tail.find(g.group(0)) + len(g.group(0)),
                    )
                )
    return out


_SYSTEM_CUES = frozenset(
    {"manufactures", "made_by", "made_von", "own_brand", "built_own_on", "into_own_product",
     "service_run_by", "places_on_market", "brand", "in_house", "built_on", "product_paren",
     "noun_maker"}
)  # fmt: skip
_BRAND_NOUN = words_re(r"^\s*(?:brand|label|trademark|marke|marque)\b")
_UNDER = words_re(r"\b(?:under|unter|sous)\s+(?:the\s+|der\s+|la\s+)?$")
_BRANDED = words_re(
    r"^\s*(?:[\"“„«][^\"”“»]{1,30}[\"”“»]\s*)?(?:[\w-]+ ){0,2}?(?:e-bike|bike|heater|mower|fryer|kettle|"
    r"lock|robot|app|device|thermostat|controller|car|vehicle|drone|camera|speaker|toy|chatbot|"
    r"türschloss|schloss|gerät|roboter|wasserkocher)\b"
)


def brand_hits(text: str, sentences: list[Sentence], mentions: list[Mention],
               kinds: dict[str, str]) -> list[RoleHit]:  # fmt: skip
    """A company name used as the brand of the product ("my ThermaSense smart heater") makes
    that company its maker (developer and provider)."""
    out: list[RoleHit] = []
    usable = [s for s in sentences if not s.question and not s.instruction]
    for x in mentions:
        if x.possessive or kinds.get(x.actor) != "company":
            continue
        if not any(s.start <= x.start < s.end for s in usable):
            continue
        own = _BRAND_NOUN.match(text[x.end : x.end + 20])
        if own and _UNDER.search(text[max(0, x.start - 12) : x.start]):
            # "resold under the RoboBoost brand": the brand owner presents itself as producer
            end = x.end + own.end()
            out.append(RoleHit(x.actor, Role.PROVIDER.value, "own_brand", x.start, end))
            continue
        m = _BRANDED.match(text[x.end : x.end + 60])
        if m:
            end = x.end + m.end()
            out.append(RoleHit(x.actor, Role.DEVELOPER.value, "brand", x.start, end))
            out.append(RoleHit(x.actor, Role.PROVIDER.value, "brand", x.start, end))
    return out


def settle_roles(hits: list[RoleHit], kinds: dict[str, str]) -> dict[str, list[RoleHit]]:
    """Final role hits per actor: resolve ``seller``, people's use, and role-less actors."""
    by_actor: dict[str, list[RoleHit]] = {}
    for hit in hits:
        by_actor.setdefault(hit.actor, []).append(hit)
    out: dict[str, list[RoleHit]] = {}
    makers = {Role.DEVELOPER.value, Role.FINE_TUNER.value, Role.INTEGRATOR.value,
              Role.PROVIDER.value, Role.GPAI_PROVIDER.value}  # fmt: skip
    # a seller is a distributor only when someone else makes the product; else it is the one
    # who placed it on the market (PLD_2024 Art 8(1)(a), AI Act Art 3(3))
    maker_named = any(h.role in makers for h in hits if kinds.get(h.actor, "company") == "company")
    for actor, items in by_actor.items():
        kind = kinds.get(actor, "company")
        roles = {h.role for h in items}
        settled: list[RoleHit] = []
        for h in items:
            role = h.role
            if role == SELLER:
                if roles & makers or (not maker_named and kind == "company"):
                    role = Role.PROVIDER.value
                elif Role.CLOUD_PROVIDER.value in roles or kind != "company":
                    continue
                else:
                    role = Role.DISTRIBUTOR.value
            if kind in {"person", "narrator_person", "relative"} and role == Role.DEPLOYER.value:
                role = Role.END_USER.value
            if kind in {"relative", "victim"} and role not in {
                Role.END_USER.value,
                Role.AFFECTED_PERSON.value,
            }:
                continue
            if kind == "attacker":
                continue
            if all(x.role != role for x in settled):
                settled.append(RoleHit(h.actor, role, h.cue, h.quote_start, h.quote_end))
            if (
                role == Role.OPERATOR.value
                and kind != "person"
                and all(x.role != Role.DEPLOYER.value for x in settled)
            ):
                # LEGAL_RULES §9.1: who runs the AI system is its deployer under the AI Act
                settled.append(
                    RoleHit(h.actor, Role.DEPLOYER.value, h.cue, h.quote_start, h.quote_end)
                )
        if any(h.role == Role.GPAI_PROVIDER.value for h in settled) and not any(
            h.role == Role.PROVIDER.value and h.cue in _SYSTEM_CUES for h in settled
        ):
            # a general-purpose model's maker provides a model, not an AI system, unless the
            # text says it also offers a system of its own (VOCABULARY.md; Art 3(63) vs 3(1))
            settled = [h for h in settled if h.role != Role.PROVIDER.value]
        if settled:
            out[actor] = settled
    return out
