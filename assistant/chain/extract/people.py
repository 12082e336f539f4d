"""Actors a narrative does not name: the writer ("we", "I"), their relatives ("my mother"),
injured people named only by a noun ("a six-year-old child"), and attackers.

* The writer's organisation is a named company when the text says so ("We are Kaufhaus Brandt
  GmbH", "I'm in-house counsel at OptiMind Analytics", "We act for ClinAssist GmbH"); then every
  "we"/"wir"/"nous" is a mention of it. Otherwise "we" is a mention of ``your organisation``,
  which is kept only if some cue gives it a role.
* The writer as a person is the signature name when there is one, else ``the writer``; "I" is
  a mention of it.
* Injured people and attackers get a descriptive name ("the user's mother", "the child",
  "the attackers") so the fact sheet and the questions can talk about them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.chain.extract.lexicon_names import FIRST_NAMES, PERSON_NOUNS, RELATIVES
from assistant.chain.extract.mentions import ActorRecord, Mention
from assistant.chain.extract.text import Sentence, words_re

__all__ = ["NARRATOR_ORG", "NARRATOR_PERSON", "People", "find_people"]

NARRATOR_ORG = "your organisation"
NARRATOR_PERSON = "the writer"

_WE = re.compile(r"\b(?:we|wir|nous)\b(?!['’]d)", re.IGNORECASE)
_OUR_ORG = words_re(
    r"\b(?:our|unser\w*|notre) (?:company|firm|business|start-?up|organi[sz]ation|team|bank|"
    r"clinic|hospital|plant|factory|shop|store|practice|agency|office|university|school|college|"
    r"city|municipality|authority|hochschule|universität|schule|école|université|"
    r"unternehmen|firma|(?:[\w-]+ ){0,3}(?:division|department|unit|ward|branch|line)|"
    r"abteilung|station|sparte|direction|"
    r"betrieb|praxis|klinik|entreprise|société|cabinet)\b"
)
_I = re.compile(r"(?<![\w'])(?:I|ich|Ich|je|Je|j['’])(?![\w'])")
_NARRATOR_NAMED = words_re(
    r"\b(?:we are|we're|wir sind|nous sommes|we act for|we represent|on behalf of|"
    r"wir vertreten|im (?:namen|auftrag) von|pour le compte de|note for the board of|"
    r"(?:legal|compliance) (?:department|team) of|in-house counsel (?:at|of|for))\b"
    r"|\bI(?:'m| am)\b[^.;\n]{0,50}?\b(?:at|of|for|with)\b"
    r"|\bI work (?:for|at)\b|\bich arbeite (?:bei|für)\b|\bje travaille (?:chez|pour)\b"
    # "I work as a call agent at X", "je travaille comme téléconseillère au centre d'appels de X"
    r"|\bI work as an? [^.;,\n]{1,40}?\b(?:for|at|in)\b"
    r"|\bich arbeite als [^.;,\n]{1,40}?\b(?:bei|für|im|in der)\b"
    r"|\bje travaille comme [^.;,\n]{1,40}?\b(?:chez|pour|au|à la|à l['’]|dans)\b"
    r"|(?:^|\n)\W{0,3}(?:client|mandant\w*|our client|for)\s*:\s*"
    # a memo header naming the writer's department and organisation: "From: Clinical IT,
    # St. Marien Hospital", "Internal memo - Legal & Compliance, Nordlicht Versicherung",
    # "Vermerk des Rechtsamts der Stadt Lindenau"
    r"|(?:^|\n)\W{0,3}(?:from|von|de|expéditeur)\s*:\s*[^\n,]{2,60},\s*"
    r"|(?:^|\n)\W{0,3}(?:internal )?(?:memo|memorandum|vermerk|note interne)\b[^\n,]{0,60},\s*"
    r"|(?:^|\n)\W{0,3}(?:vermerk|memo|note) (?:des|der|de la|du|of the) [^\n,]{2,40}?"
    r"\b(?:der|des|de la|du|of)\s+(?=[A-ZÄÖÜÉ])"
    # "We (Tasko B.V., Rotterdam) sell it": the company in brackets after "we"
    r"|\b(?:we|wir|nous)\s*\((?=[^)]{2,60}\))"
    # a signature line "Head of Legal, Brenner GmbH" / "Co-founder, X" / "Justiziarin, X"
    r"|(?:^|\n)[^\n,]{0,30}\b(?:head of [\w-]+|(?:general|legal|in-house) counsel|ceo|cto|coo|"
    r"cfo|(?:co-?)?founder|managing director|geschäftsführer\w*|justiziar\w*|syndikus\w*|"
    r"leiter\w* recht\w*|directeur\w* juridique|directrice juridique|juriste)\s*,\s*"
)
# Bodies that speak for the staff or a client of an organisation, not as it.
_BODY_OF = words_re(
    r"\b(?:betriebsrat|personalrat|works council|staff council|trade union|gewerkschaft|"
    r"comité social|cse|syndicat|union|employee representatives?|représentants? du personnel)\b"
)
# A memo's bullet that opens with a verb ("- Uses RoomBrain, licensed from ..."): its subject
# is the organisation the memo is about.
_BULLET_VERB = re.compile(
    r"^\s*(?:[-*•·]|\d+[.)])\s*(?=(?:Uses|Used|Runs|Ran|Operates|Operated|Licensed|Licenses|"
    r"Bought|Deployed|Deploys|Sells|Sold|Develops|Developed|Built|Builds|Makes|Made|Hosts|"
    r"Integrated|Integrates)\b)"
)
# "our company, X GmbH" / "Our chemical plant, Rheinchem GmbH": the name must follow at once.
_NAMED_AFTER = re.compile(r"\s*(?:,|is|was|ist|war|est)\s", re.IGNORECASE)
_OUR_APPOSITION = words_re(
    r"\b(?:our|unser\w*|notre|nos) (?:[\w-]+ ){0,2}[\w-]+,\s*(?:the |die |der |la |le )?$"
)
_ROLE_HERE = words_re(
    r"^[\t\x20]*(?P<role>deployer|developer|provider|operator|manufacturer|integrator|importer|"
    r"distributor)\s+here\b",
    re.IGNORECASE | re.MULTILINE,
)
_RELATIVE = words_re(
    r"\b(?P<owner>my|our|meine?[mnrs]?|unser(?:e[mnrs]?)?|ma|mon|mes|notre)\s+"
    r"(?:(?:[\w-]+-(?:year|month|week)s?-old|little|young|elderly|old|kleine[nr]?|"
    r"\d+-(?:jährige|monatige)[nr]?|petite?)\s+)?"
    r"(?P<rel>" + "|".join(sorted(RELATIVES, key=len, reverse=True)) + r")\b"
)
_VICTIM = words_re(
    r"\b(?P<det>an?|one|the|two|three|several|\d+|around \d+|about \d+|ein(?:e[mnr]?)?|der|die|"
    r"den|un|une|le|la|les)\s+(?:[\w-]+\s+){0,2}?(?P<noun>"
    + "|".join(sorted(PERSON_NOUNS, key=len, reverse=True))
    + r")\b(?![\s-]+(?:data|database|records?|files?|service|support|e-?mails?|accounts?|portal|"
    r"transactions?|information|details|orders?|complaints?|histor\w+|base|list)\b)"
)
_ATTACKERS = {
    "attacker": "attacker", "attackers": "attackers", "hacker": "hacker",
    "hackers": "hackers", "cybercriminal": "cybercriminal", "cybercriminals": "cybercriminals",
    "criminals": "criminals", "burglar": "burglar", "burglars": "burglars", "thief": "thief",
    "thieves": "thieves", "intruder": "intruder", "intruders": "intruders",
    "angreifer": "attackers", "einbrecher": "burglars", "kriminelle": "criminals",
    "täter": "perpetrators", "pirates": "hackers", "cambrioleurs": "burglars",
    "voleurs": "thieves", "attaquants": "attackers",
}  # fmt: skip
_ATTACKER = words_re(
    r"\b(?:(?P<adj>unknown|external|criminal|unbekannte[nr]?|inconnus?)\s+)?(?P<noun>"
    + "|".join(sorted(_ATTACKERS, key=len, reverse=True))
    + r")\b"
)
_SIGNATURE = re.compile(
    r"(?:^|\n)\s*(?:--+\s*|from:\s*|von:\s*|de\s*:\s*)?"
    # a profession and title before the name, a town after it: "Rechtsanwältin Dr. Katrin
    # Vogel, Freiburg", "Maître Anne Roux, Lyon"
    r"(?:(?:rechtsanw[aä]lt\w*|anw[aä]lt\w*|attorney|lawyer|solicitor|avocate?|ma[iî]tre|me)\s+)?"
    r"(?:(?:dr|prof)\.?\s+)?"
    r"(?P<name>[A-ZÄÖÜÉ][\w-]+ [A-ZÄÖÜÉ][\w-]+)(?:\s*,\s*[A-ZÄÖÜÉ][\w-]+)?"
    r"\s*$",
    re.IGNORECASE,
)


@dataclass
class People:
    """The extra actors and mentions found here."""

    actors: list[ActorRecord] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    narrator_org: str | None = None
    narrator_person: str | None = None
    relatives: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    attackers: list[str] = field(default_factory=list)
    self_roles: dict[str, str] = field(default_factory=dict)  # "Deployer here" -> role


def _signature(text: str, named: list[ActorRecord]) -> str | None:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    for line in (lines[-1:] + lines[:3]) if lines else []:
        m = _SIGNATURE.search(line)
        known_person = m is not None and any(
            r.kind == "person" and r.name == m["name"] for r in named
        )
        if m and (m["name"].split()[0].casefold() in FIRST_NAMES or known_person):
            for record in named:
                if record.kind == "person" and record.name.endswith(m["name"].split()[-1]):
                    return record.name
    return None


def find_people(
    text: str, sentences: list[Sentence], named: list[ActorRecord], named_mentions: list[Mention]
) -> People:
    """Writer, relatives, injured people and attackers of ``text``."""
    out = People()
    facts = [s for s in sentences if not s.instruction]
    # -- the writer's organisation
    for s in facts:
        for m in _NARRATOR_NAMED.finditer(s.text):
            pos = s.start + m.end()
            nearby = [
                x for x in named_mentions
                if pos <= x.start <= pos + 60 and _kind(named, x.actor) == "company"
            ]  # fmt: skip
            if nearby and _BODY_OF.search(s.text[m.end() : nearby[0].start - s.start]):
                break  # "we are the works council of X": the writer is not X itself
            if nearby:
                out.narrator_org = nearby[0].actor
                break
        if out.narrator_org:
            break
    if out.narrator_org is None:
        out.narrator_org = _apposition(facts, named, named_mentions)
    for m in _ROLE_HERE.finditer(text):
        out.self_roles[m["role"].casefold()] = m.group(0).strip()
    we_name = out.narrator_org or NARRATOR_ORG
    if out.narrator_org:
        for s in facts:
            b = _BULLET_VERB.match(s.text)
            if b:
                pos = s.start + b.end()
                out.mentions.append(Mention(out.narrator_org, pos, pos, False, ""))
    for s in facts:
        for pattern in (_WE, _OUR_ORG):
            for m in pattern.finditer(s.text):
                out.mentions.append(
                    Mention(we_name, s.start + m.start(), s.start + m.end(), False, m.group(0))
                )
    if out.narrator_org is None and (out.mentions or out.self_roles):
        out.actors.append(ActorRecord(NARRATOR_ORG, "narrator_org", 0))
    # -- the writer as a person
    person = _signature(text, named) or NARRATOR_PERSON
    out.narrator_person = person
    for s in facts:
        for m in _I.finditer(s.text):
            out.mentions.append(
                Mention(person, s.start + m.start(), s.start + m.end(), False, m.group(0))
            )
    if person == NARRATOR_PERSON:
        out.actors.append(ActorRecord(NARRATOR_PERSON, "narrator_person", 0))
    # -- relatives, injured people, attackers
    seen: set[str] = set()
    for s in facts:
        for m in _RELATIVE.finditer(s.text):
            if _NAMED_AFTER.match(s.text[m.end() :]) and any(
                0 <= x.start - (s.start + m.end()) <= 8 for x in named_mentions
            ):
                continue  # "our client is Velotrim GmbH", "my mother, Anna Roth": named
            name = f"the user's {RELATIVES[m['rel'].casefold()]}"
            possessive = s.text[m.end() : m.end() + 2] in {"'s", "’s"}
            start, end = s.start + m.start(), s.start + m.end()
            _add(out, seen, name, "relative", start, end, m.group(0), possessive)
            if name not in out.relatives:
                out.relatives.append(name)
        for m in _ATTACKER.finditer(s.text):
            noun = _ATTACKERS[m["noun"].casefold()]
            adj = "unknown " if m["adj"] else ""
            name = f"the {adj}{noun}"
            existing = next((a for a in out.attackers if a.endswith(noun)), None)
            name = existing or name
            _add(out, seen, name, "attacker", s.start + m.start(), s.start + m.end(), m.group(0))
            if name not in out.attackers:
                out.attackers.append(name)
    return out


def _apposition(
    facts: list[Sentence], named: list[ActorRecord], named_mentions: list[Mention]
) -> str | None:
    """The company named right after "our <noun>," (the writer's own organisation)."""
    for s in facts:
        for x in named_mentions:
            if s.start <= x.start < s.end and _kind(named, x.actor) == "company":
                head = s.text[max(0, x.start - s.start - 40) : x.start - s.start]
                if _OUR_APPOSITION.search(head):
                    return x.actor
    return None


def victim_in(sentence: Sentence, taken: list[Mention]) -> tuple[str, int, int] | None:
    """A person named only by a noun in ``sentence`` ("a six-year-old child"), if no named
    person or relative is mentioned in the same sentence."""
    if any(sentence.start <= m.start < sentence.end for m in taken):
        return None
    m = _VICTIM.search(sentence.text)
    if m is None:
        return None
    between = sentence.text[m.end("det") : m.start("noun")].split()
    keep = [
        w.casefold()
        for w in between
        if w.isalpha() and w.isascii() and w.casefold() not in _NOT_MODIFIERS
    ]
    noun = m["noun"].casefold()
    name = " ".join(["the", *keep, _IN_ENGLISH.get(noun, noun)])
    return name, sentence.start + m.start(), sentence.start + m.end()


_IN_ENGLISH = {
    "kind": "child", "patientin": "patient", "nutzer": "user", "kunde": "customer",
    "kunden": "customers", "mieter": "tenant", "bewerber": "applicant", "mitarbeiter": "employee",
    "fahrer": "driver", "fußgänger": "pedestrian", "enfant": "child", "utilisateur": "user",
    "locataire": "tenant", "candidat": "applicant", "salarié": "employee",
    "salariés": "employees", "employés": "employees", "beschäftigte": "employees",
    "beschäftigten": "employees", "arbeitnehmer": "employees", "mitarbeitenden": "employees",
}  # fmt: skip
_NOT_MODIFIERS = frozenset(
    {"of", "who", "with", "und", "and", "et", "old", "young", "little", "hundred", "hundreds",
     "our", "their", "its", "his", "her", "my", "your", "unsere", "unserer", "nos", "ses",
     "thousand", "thousands", "several", "many", "some", "few", "dozen", "dozens", "all"}
)  # fmt: skip


def _kind(records: list[ActorRecord], name: str) -> str | None:
    return next((r.kind for r in records if r.name == name), None)


def _add(
    out: People,
    seen: set[str],
    name: str,
    kind: str,
    start: int,
    end: int,
    text: str,
    possessive: bool = False,
) -> None:
    if name not in seen:
        seen.add(name)
        out.actors.append(ActorRecord(name, kind, start))
    out.mentions.append(Mention(name, start, end, possessive, text))
