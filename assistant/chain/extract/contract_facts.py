"""Contracts the narrative states (LEGAL_RULES.md §8.3, §7): who bought, subscribed, licensed or
rented what from whom, and the terms it names (a liability cap or exclusion, an SLA, an
indemnity).

A contract needs both parties in one sentence: the buyer is the subject before the cue (a named
actor, "we"/"I", or the one person the story is about), the supplier the company after
"from/at/on/with/by/of" (or, for a cue with no supplier named, the company the sentence is
about). The injured side is written ``claimant`` (the rule core's name for the injured person)
when the buyer is the writer or a person who is not an actor of its own. Terms in a sentence of
their own ("Their terms cap liability ...") go to the contract with the company they name, or
to the writer's only contract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant.chain.extract.candidates import FactCandidate
from assistant.chain.extract.lexicon_facts import HARM_CUES
from assistant.chain.extract.mentions import Mention
from assistant.chain.extract.text import Sentence, clause_around, negated_before, words_re
from assistant.facts import CLAIMANT_PARTY, ContractSubject, ProductKind

__all__ = ["contract_facts"]

_PEOPLE = {"person", "narrator_person", "relative", "victim"}
_ORGS = {"company", "narrator_org"}

# (kind, pattern): the words that state a contract; the supplier follows.
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "sale",
        words_re(
            r"\b(?:bought|purchased|ordered|buys|gekauft|bestellt|erworben|acheté\w*|"
            r"commandé\w*)\b"
        ),
    ),
    (
        "licence",
        words_re(
            r"\b(?:licen[cs](?:e[sd]?|ing)|bought a licen[cs]e|lizenz\w*|"
            r"licence)\b"
        ),
    ),
    (
        "subscription",
        words_re(
            r"\b(?:subscrib\w+|signed up|pays? (?:\d|€|eur\b|for\b|a "
            r"monthly)|paid for|abonn\w+|payons|paie|payé|zahlen|zahle|bezahl\w*)\b"
        ),
    ),
    ("rental", words_re(r"\b(?:rent(?:s|ed)?|leas(?:e|es|ed)|hires?|gemietet|mieten|loué\w*)\b")),
    (
        "service agreement",
        words_re(
            r"\b(?:(?:service|supply|support|hosting|maintenance|"
            r"framework|data) (?:agreement|contract)|agreed to (?:a|the) "
            r"(?:[\w-]+ ){0,3}contract|signed (?:a|the) (?:[\w-]+ ){0,3}"
            r"contract|dienstleistungsvertrag|contrat de service)\b"
        ),
    ),
    ("use", words_re(r"\b(?:we|I) (?:now |have )?use[ds]?\b")),
)
_FROM = re.compile(
    r"\b(?:from|at|on|with|by|of|through|via|von|bei|chez|auprès de|de)\s+(?:the\s+|der\s+|"
    r"die\s+|dem\s+|le\s+|la\s+)?(?:online shop |web shop |shop |store )?$",
    re.IGNORECASE,
)
_LIMIT = words_re(
    r"\b(?:(?:terms|contract|licen[cs]e|sla|agreement|conditions|agb|cgv|cgu)\b[^.;]{0,40}?\b"
    r"(?:caps?|capped|limits?|limited|excludes?|excluded|exclusion)\b|liability (?:cap|limit)|"
    r"caps? (?:its |their )?liability|haftungs(?:begrenzung|ausschluss|beschränkung)|"
    r"limitation de responsabilité|exclu\w* (?:toute )?responsabilité)"
)
_SLA = words_re(r"\b(?:sla|service[- ]level (?:agreement|credits?)|service credits?)\b")
_INDEMNITY = words_re(r"\b(?:indemnif\w+|indemnity|hold harmless|freistell\w+)\b")
_THEIR = words_re(r"\b(?:their|its|ihre[nr]?|seine[nr]?|leurs?|ses|sa|son)\b")
_TO = words_re(r"^\s+(?:(?:it|them|its|their|the|our|a|an)\s+)?(?:[\w-]+\s+){0,3}?(?:to|à)\b")
_BY_BEFORE = words_re(r"\b(?:from|by|of|at|von|bei|de|chez|par)\s+(?:the\s+|der\s+|la\s+)?$")
_PASSIVE = words_re(
    r"\b(?:was|were|is|are|been|wurden?|wird|été) (?:\w+ )?(?:bought|purchased|licensed|ordered|"
    r"supplied|rented|leased|gekauft|lizenziert|bezogen|achetée?s?)\b"
)
_US = words_re(r"\b(?:our|us|uns(?:er\w*)?|nous|notre|nos)\b")
_SUPPLIERS = {"developer", "provider", "deployer", "distributor", "integrator", "operator",
              "importer", "cloud_provider", "gpai_provider", "fine_tuner"}  # fmt: skip
_CUSTOMER_NOUNS = words_re(r"\b(?:customers|clients|patients|passengers|users|subscribers|"
                           r"tenants|kunden|patienten|fahrgäste|clients|patients)\b")  # fmt: skip
_PAY_PEOPLE = words_re(
    r"\b(?:users|customers|subscribers|clients|nutzer|kunden|abonnenten|utilisateurs|clients) "
    r"(?:pay|are charged|zahlen|paient)\b"
)
_OUR_CUSTOMERS = words_re(
    r"\b(?:our|unsere?n?|nos) (?:\w+ ){0,2}(?:customers|clients|patients|users|passengers|"
    r"kunden|patienten|fahrgäste)\b"
)


@dataclass
class _Contract:
    parties: list[str]
    kind: str
    quote: str
    terms: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Ctx:
    text: str
    mentions: list[Mention]
    kinds: dict[str, str]
    actors: set[str]  # names that will be actors of the case
    victims: set[str]
    narrator_org: str
    narrator_person: str
    product_kind: ProductKind | None
    roles: dict[str, set[str]] = field(default_factory=dict)
    out: list[_Contract] = field(default_factory=list)

    def inside(self, s: Sentence) -> list[Mention]:
        return [m for m in self.mentions if s.start <= m.start < s.end]

    def party(self, name: str) -> str:
        """The contract's name for an actor: the injured side as ``claimant`` when needed."""
        kind = self.kinds.get(name)
        if kind in _PEOPLE and (name not in self.actors or name in self.victims):
            return name if name in self.actors else CLAIMANT_PARTY
        if kind == "narrator_org" and name not in self.actors:
            return CLAIMANT_PARTY  # an unnamed "we" with no part of its own: the injured side
        return name

    def add(self, buyer: str, supplier: str, kind: str, quote: str) -> _Contract:
        parties = [self.party(buyer), supplier]
        for k in self.out:
            if {p.casefold() for p in k.parties} == {p.casefold() for p in parties}:
                return k
        k = _Contract(parties, kind, quote)
        self.out.append(k)
        return k


def _buyer(ctx: _Ctx, s: Sentence, before: int) -> str | None:
    """The subject before the cue: the last actor named (not possessive) in the same clause;
    none when a noun like "users" or "customers" stands right before the cue."""
    head = ctx.text[s.start : before]
    cut = max(head.rfind(";"), head.rfind(":"), head.rfind(" and "), head.rfind(" und "))
    start = s.start + cut + 1 if cut >= 0 else s.start
    if _CUSTOMER_NOUNS.search(ctx.text[max(start, before - 25) : before]):
        return None
    cands = [
        m
        for m in ctx.inside(s)
        if start <= m.start < before
        and not m.possessive
        and not _BY_BEFORE.search(ctx.text[max(start, m.start - 20) : m.start])
    ]
    if cands:
        return cands[0].actor  # the clause's subject comes first (EN/DE/FR)
    if re.search(r"\b(?:she|he|sie|er|elle|il)\b", ctx.text[start:before], re.IGNORECASE):
        people = [n for n, k in ctx.kinds.items() if k in {"person", "relative", "victim"}]
        if len(people) == 1:
            return people[0]
    return None


def _supplier(ctx: _Ctx, s: Sentence, after: int, buyer: str) -> str | None:
    """The company after the cue, preferring one introduced by from/at/on/with/by/of."""
    later = [
        m
        for m in ctx.inside(s)
        if m.start >= after and m.actor != buyer and ctx.kinds.get(m.actor) in _ORGS
    ]
    for m in later:
        if _FROM.search(ctx.text[max(after, m.start - 40) : m.start]):
            return m.actor
    if later and later[0].start - after <= 80:
        return later[0].actor
    # verb-final clauses ("ich habe bei der X GmbH ein Gerät gekauft"): the supplier stands
    # between the subject and the verb, introduced by bei/von/from/at
    inside = [m for m in ctx.inside(s) if m.start < after and m.actor != buyer]
    for m in inside:
        head = ctx.text[max(s.start, m.start - 30) : m.start]
        if ctx.kinds.get(m.actor) in _ORGS and re.search(
            r"\b(?:bei|von|vom|from|at|chez|auprès de)\s+(?:der\s+|dem\s+|the\s+)?$", head, re.I
        ):
            return m.actor
    return None


def _terms(ctx: _Ctx, s: Sentence) -> None:
    limit, sla, indemnity = _LIMIT.search(s.text), _SLA.search(s.text), _INDEMNITY.search(s.text)
    if not (limit or sla or indemnity):
        return
    hit = limit or sla or indemnity
    assert hit is not None
    if negated_before(s.text, hit.start()):
        return
    named = [m.actor for m in ctx.inside(s) if ctx.kinds.get(m.actor) == "company"]
    q0, q1 = clause_around(ctx.text, s.start + hit.start(), s.start + hit.end())
    quote = ctx.text[q0:q1]
    target = None
    if named:
        target = next((k for k in ctx.out if named[0] in k.parties), None)
        if target is None:
            buyer = ctx.narrator_org if ctx.narrator_org in ctx.actors else ctx.narrator_person
            target = ctx.add(buyer, named[0], "terms", quote)
    elif _THEIR.search(s.text) and len(ctx.out) == 1:
        target = ctx.out[0]
    if target is None:
        return
    if limit:
        target.terms["limitation_clause"] = True
    if sla:
        target.terms["sla"] = True
    if indemnity:
        target.terms["indemnity"] = True


def _consumer_side(ctx: _Ctx, k: _Contract) -> bool:
    return any(p == CLAIMANT_PARTY or ctx.kinds.get(p) in _PEOPLE for p in k.parties)


def _subject(ctx: _Ctx, kind: str) -> str | None:
    if ctx.product_kind is ProductKind.PHYSICAL_PRODUCT and kind == "sale":
        return ContractSubject.GOODS_WITH_DIGITAL_ELEMENTS.value
    digital = (ProductKind.STANDALONE_SOFTWARE, ProductKind.SAAS)
    if ctx.product_kind in digital and kind in {"sale", "subscription", "customer contract"}:
        return ContractSubject.DIGITAL_CONTENT_OR_SERVICE.value
    return None


_CLOSE_TO_USERS = {"deployer", "distributor", "operator", "importer", "integrator"}


def _recent_supplier(ctx: _Ctx, before: int, buyer: str) -> str | None:
    """The company most recently named before ``before`` that supplies something in the chain;
    for a person, one that deals with users (deployer, seller) before an upstream maker."""
    found = []
    for m in reversed([x for x in ctx.mentions if x.start < before]):
        roles = ctx.roles.get(m.actor, set())
        if m.actor != buyer and ctx.kinds.get(m.actor) == "company" and roles & _SUPPLIERS:
            found.append((m.actor, roles))
    if ctx.kinds.get(buyer) in _PEOPLE:
        near = [name for name, roles in found if roles & _CLOSE_TO_USERS]
        if near:
            return near[0]
    return found[0][0] if found else None


def _main_maker(ctx: _Ctx) -> str | None:
    """Who buys what a passive sentence says was bought: the writer's organisation, else the
    maker of the product."""
    if ctx.narrator_org in ctx.actors:
        return ctx.narrator_org
    makers = [n for n, r in ctx.roles.items() if r & {"developer", "provider"}]
    return makers[0] if len(makers) == 1 else None


def _sentence(ctx: _Ctx, s: Sentence) -> None:
    for kind, pattern in _CUES:
        for m in pattern.finditer(s.text):
            if negated_before(s.text, m.start()):
                continue
            cue_start, cue_end = s.start + m.start(), s.start + m.end()
            passive = _PASSIVE.search(s.text[max(0, m.start() - 20) : m.end()])
            if not passive and re.search(r"\(\s*$", s.text[max(0, m.start() - 2) : m.start()]):
                continue  # "(bought in May at MediaStore)": an aside with no buyer named
            buyer = _main_maker(ctx) if passive else _buyer(ctx, s, cue_start)
            if buyer is None and kind == "use":
                buyer = ctx.narrator_org if re.match(r"we", m.group(0), re.I) else None
            if buyer is None or ctx.kinds.get(buyer) not in _ORGS | _PEOPLE:
                continue
            if kind in {"licence", "sale"} and _TO.match(ctx.text[cue_end : s.end]):
                # "A licenses its model to B": A supplies, B buys (no B named: no contract)
                licensee = _supplier(ctx, s, cue_end, buyer)
                if licensee is None:
                    continue
                q0, q1 = clause_around(ctx.text, cue_start, cue_end)
                ctx.add(licensee, buyer, kind, ctx.text[q0:q1])
                return
            supplier = _supplier(ctx, s, cue_end, buyer)
            if kind == "use" and (supplier is None or not _FROM.search(
                    ctx.text[cue_end : ctx.text.find(supplier, cue_end)] + " ")):  # fmt: skip
                continue  # "we use X" is a contract only with a named supplier ("from Y")
            if supplier is None and _US.search(ctx.text[cue_end : s.end]):
                us = ctx.narrator_org if ctx.narrator_org in ctx.actors else None
                supplier = us if us != buyer else None
            if supplier is None and kind in {"licence", "service agreement", "subscription"}:
                # "bought a licence", "agreed to a 24-month contract": from the company the
                # story is about (a purchase of goods needs its seller named: shops differ)
                supplier = _recent_supplier(ctx, s.start, buyer)
            if supplier is None:
                continue
            q0, q1 = clause_around(ctx.text, cue_start, cue_end)
            ctx.add(buyer, supplier, kind, ctx.text[q0:q1])
            return


_MY_ACCOUNT = words_re(
    r"\b(?:my|her|his|their) (?:insurance |bank |phone |mobile )?(?:premium|policy|account|loan|"
    r"mortgage|contract|subscription|tariff|plan|booking|order)s?\b"
)


def _my_account(ctx: _Ctx, sentences: list[Sentence]) -> None:
    """ "my premium tripled": the injured person is a customer of the company that runs the
    system (the deployer), e.g. an insurer, bank or telecom operator."""
    if any(CLAIMANT_PARTY in k.parties for k in ctx.out):
        return
    runners = [n for n, r in ctx.roles.items() if r & {"deployer", "operator"}
               and ctx.kinds.get(n) == "company"]  # fmt: skip
    found = next(((s, m) for s in sentences for m in [_MY_ACCOUNT.search(s.text)] if m), None)
    if found is None or len(runners) != 1:
        return
    s, m = found
    q0, q1 = clause_around(ctx.text, s.start + m.start(), s.start + m.end())
    k = ctx.add(ctx.narrator_person, runners[0], "customer contract", ctx.text[q0:q1])
    k.parties[0] = CLAIMANT_PARTY
    if _FINANCIAL.search(m.group(0)):
        # insurance, credit and bank accounts are financial services, outside DCD_2019
        # (Art 3(5)(e)): the contract is for another service
        k.terms["subject"] = ContractSubject.OTHER_SERVICE.value


_FINANCIAL = words_re(r"\b(?:premium|policy|account|loan|mortgage)s?\b")


def _customers(ctx: _Ctx, sentences: list[Sentence]) -> None:
    """Users who pay ("users pay 4.99 EUR a month" / "our customers lost money" / injured "customers" of the
    writer's organisation: the injured customers have a contract with that company."""
    org = ctx.narrator_org if ctx.narrator_org in ctx.actors else None
    if org is not None and org not in ctx.victims:
        noun = next((v for v in ctx.victims if _CUSTOMER_NOUNS.search(v)), None)
        where = next((m for m in ctx.mentions if m.actor == noun), None)
        if noun is not None and where is not None:
            q0, q1 = clause_around(ctx.text, where.start, where.end)
            ctx.add(noun, org, "customer contract", ctx.text[q0:q1])
            return
    for s in sentences:
        paying, ours = _PAY_PEOPLE.search(s.text), _OUR_CUSTOMERS.search(s.text)
        m = paying or ours
        if m is None or (paying is None and not _harmed(s)) or (paying and not ctx.victims):
            continue
        owner: str | None = None
        if paying is None:
            owner = org
        else:
            before = [x for x in ctx.mentions if x.start < s.start + m.start()]
            orgs = [x.actor for x in before if ctx.kinds.get(x.actor) == "company"]
            owner = orgs[-1] if orgs else None
        if owner is None:
            continue
        q0, q1 = clause_around(ctx.text, s.start + m.start(), s.start + m.end())
        k = ctx.add(ctx.narrator_person, owner, "customer contract", ctx.text[q0:q1])
        k.parties[0] = CLAIMANT_PARTY
        return


def _harmed(s: Sentence) -> bool:
    return any(p.search(s.text) for _, p in HARM_CUES)


def contract_facts(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    kinds: dict[str, str],
    actors: set[str],
    victims: set[str],
    narrator_org: str,
    narrator_person: str,
    product_kind: ProductKind | None,
    roles: dict[str, set[str]] | None = None,
) -> list[FactCandidate]:
    """One ``contracts`` fact per contract the narrative states (sentences: facts only)."""
    ctx = _Ctx(text, mentions, kinds, actors, victims, narrator_org, narrator_person,
               product_kind, roles or {})  # fmt: skip
    for s in sentences:
        _sentence(ctx, s)
    _customers(ctx, sentences)
    _my_account(ctx, sentences)
    for s in sentences:
        _terms(ctx, s)
    out = []
    for k in ctx.out:
        if len({p.casefold() for p in k.parties}) < 2:
            continue
        value: dict[str, Any] = {"parties": k.parties, "kind": k.kind, **k.terms}
        subject = _subject(ctx, k.kind) if _consumer_side(ctx, k) else None
        if subject and "subject" not in k.terms:
            value["subject"] = subject
        if CLAIMANT_PARTY in k.parties or any(kinds.get(p) in _PEOPLE for p in k.parties):
            value["b2c"] = True
        elif all(kinds.get(p) in _ORGS for p in k.parties):
            value["b2c"] = False
        out.append(FactCandidate("contracts", value, k.quote, mode="add"))
    return out
