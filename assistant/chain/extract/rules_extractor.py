"""The deterministic extractor (provider ``none``): patterns and keyword rules, EN/DE (some FR).

It reads the narrative sentence by sentence, skipping questions and anything that reads as an
instruction to the assistant, and proposes actors with roles, harms, causes, dates and a few
classification facts, each with the clause it rests on. It prefers leaving a fact open (the
interviewer will ask) to guessing: a wrong fact is worse than a question.
"""

from __future__ import annotations

import re

from assistant.chain.extract.actor_facts import identification_request, outside_eu
from assistant.chain.extract.candidates import ActorCandidate, Draft, DroppedFact, FactCandidate
from assistant.chain.extract.case_facts import cause_facts, harm_facts, system_facts
from assistant.chain.extract.contract_facts import contract_facts
from assistant.chain.extract.date_facts import date_facts
from assistant.chain.extract.duty_facts import duty_facts
from assistant.chain.extract.lexicon_facts import HARM_CUES
from assistant.chain.extract.lexicon_roles import SELLER
from assistant.chain.extract.mentions import ActorRecord, Mention, find_actors, mentions_of
from assistant.chain.extract.people import NARRATOR_ORG, NARRATOR_PERSON, find_people, victim_in
from assistant.chain.extract.places import jurisdiction_fact
from assistant.chain.extract.product_facts import product_facts
from assistant.chain.extract.roles import RoleHit, brand_hits, find_roles, settle_roles
from assistant.chain.extract.text import (
    Sentence,
    clause_around,
    negated_before,
    sentences,
    words_re,
)
from assistant.facts import ProductKind
from assistant.vocabulary import Harm, IncidentCause, Role

__all__ = ["extract_with_rules"]

_PEOPLE = {"person", "narrator_person", "relative", "victim"}
_THIRD_PERSON = re.compile(r"\b(?:she|he|her|his|him|sie|er|ihr|ihm|elle|il|lui)\b", re.I)
_FIRST_SINGULAR = re.compile(
    r"\b(?:I|my|me|mine|mein\w*|mir|mich|ich|mon|ma|mes|je)\b|\b[Jj]['’](?=\w)"
)
_WE_HARMED = words_re(
    r"\b(?:we (?:lost|lose|are losing|will lose|paid|suffered|had to)|cost us|(?:our|unser\w*|notre|nos) (?:[\w-]+ ){0,2}"
    r"(?:data|files|db|database|ledger|records|systems?|servers?|business|revenue|money|company|"
    r"shop|store|accounts?|website|production|prod|office|warehouse|daten|geschäft|umsatz|"
    r"données))\b"
)
_OUR_SYSTEM = words_re(
    r"\b(?:our|unser\w*|notre|nos) (?:own )?(?:[\w-]+ ){0,3}(?:drones?|robots?|fleet|chatbot|"
    r"ai (?:system|tool|assistant|model)|scoring (?:system|tool|model)|screening tool|"
    r"(?:ai|automated|algorithmic) [\w-]+|forklifts?|vehicles?|shuttles?|machines?|"
    r"drohnen?|roboter|flotte|robots?)\b"
)
# "our app launched in September; users pay EUR 9.99", "notre plateforme, que nos clients
# paient": the writer's organisation offers the product (provider), it does not merely use it
_OUR_OFFER = words_re(
    r"\b(?:our|unser\w*|notre|nos) (?:[\w-]+ ){0,2}(?:apps?|application|platform|plattform|"
    r"plateforme|software|service|dienst|saas|api|product|produkt|produit|chatbot)\b(?=[^.;]{0,200}"
    r"\b(?:launched|released|went live|users (?:pay|subscribe)|customers pay|subscribers|"
    r"(?:per|a) month|monthly fee|we (?:sell|charge|offer)|gestartet|veröffentlicht|nutzer "
    r"zahlen|kunden zahlen|lancée?|utilisateurs paient|abonnés)\b)"
)
# "tous nos appels passent par X", "applications are pre-screened by X", "unsere Schichtpläne
# erstellt X", "wir lassen die Anträge von X prüfen": the system does an organisation's own work,
# so that organisation uses it (AI Act deployer) though no "use" verb says so
_IMPLIED_USE = words_re(
    r"\b(?:our|all the|all) (?:[\w-]+ ){1,2}(?:go|goes|went|are routed|pass(?:es)?) through\b"
    r"|\b(?:are|were|is|was|get|gets|been) (?:now |automatically |first )?(?:pre-?screened|"
    r"pre-?selected|screened|sorted|ranked|scored|filtered|triaged|calculated|priced|"
    r"allocated|planned|assigned|rated|generated) (?:automatically )?by\b"
    r"|\bpass(?:ent|e|aient|ait) (?:tous |toutes |désormais |automatiquement )*par\b"
    r"|\b(?:sont|est|étaient|était|seront) (?:désormais |automatiquement )?(?:pré-?sélectionné|"
    r"présélectionné|triée?|classée?|filtrée?|calculée?|notée?|évaluée?|attribuée?|planifiée?|"
    r"établie?|fixée?)s? (?:automatiquement )?par\b"
    r"|\bunser\w* [\w-]+ (?:erstellt|plant|verteilt|berechnet|bewertet|sortiert|prüft|"
    r"vergibt)\b|\bwerden (?:jetzt |automatisch |seit [\w. ]{1,20})?(?:von|durch) [^.;]{1,60}?"
    r"(?:erstellt|vorausgewählt|vorsortiert|bewertet|sortiert|geprüft|verteilt|berechnet|"
    r"geplant)\b|\bwir lassen\b[^.;]{0,80}?\b(?:von|durch)\b"
)
# "Es verkauft ihn unter eigenem Namen", "It sells them under its own brand": the company the
# pronoun refers back to puts its name on the product (provider)
_PRONOUN_BRAND = words_re(
    r"^\W{0,3}(?:[\w-]+ ){0,4}?(?:es|sie|er|it|they|elle|il)\b[^.;]{0,60}?\b(?:unter "
    r"(?:eigenem|eigener|seinem|ihrem) (?:eigenen )?(?:namen|marke)|under (?:its|their) own "
    r"(?:name|brand|label|trademark)|sous (?:sa|leur) propre marque|sous son propre nom)\b"
)
# "... von der X GmbH entwickelt und wird von ihr unter eigenem Namen verkauft": the pronoun
# after "von"/"by"/"par" refers to the company named just before it
_BY_PRONOUN_BRAND = words_re(
    r"\b(?:von (?:ihr|ihm|ihnen)|by (?:it|them)|par (?:elle|lui|eux|elles))\b[^.;]{0,40}?\b"
    r"(?:unter (?:eigenem|eigener|seinem|ihrem) (?:eigenen )?(?:namen|marke)|under (?:its|their) "
    r"own (?:name|brand|label|trademark)|sous (?:sa|leur) propre marque|sous son propre nom)\b"
)
_CLIENT_RELATIVE = re.compile(r"\bclients?$")
_OURS_IN = words_re(r"\b(?:our|we|nos|notre|nous|unser\w*|wir)\b")
# the same offer told over two sentences: "Our app helps consumers ... The app launched on 1
# February 2027; users pay EUR 29"
_OUR_PRODUCT = words_re(
    r"\b(?:our|unser\w*|notre|nos) (?:[\w-]+ ){0,2}(?:apps?|application|platform|plattform|"
    r"plateforme|software|service|dienst|saas|api|product|produkt|produit|chatbot)\b"
)
_LAUNCHED = words_re(
    r"\b(?:the|this|our|die|unsere|l['’]|notre) (?:apps?|application|platform|plattform|"
    r"plateforme|service|dienst|product|produkt|produit|chatbot) (?:was |has been |ist |a été )?"
    r"(?:launched|released|went live|gestartet|veröffentlicht|lancée?)\b"
    r"|\b(?:users|customers|nutzer|kunden|utilisateurs|clients) (?:pay|zahlen|paient)\b"
)
_MINE_HARMED = words_re(
    r"\b(?:out of|from|to|on|into) my (?:bank )?(?:account|car|house|flat|home|savings|money|"
    r"data|photos|identity)\b|\bmy (?:account|car|house|flat|savings|money|identity) (?:was|were|"
    r"has been|got)\b|\bpretending to be me\b"
)
_NOUN_COMMA = words_re(
    r"\b(?:client|customer|kunde|kunden|user|tenant|neighbou?r|partner|voisin|locataire)\s*,\s*$"
)
_HOUSEHOLD = words_re(
    r"\b(?:(?:our|unser\w*|notre|nos) (?:kitchen|home|house|flat|apartment|living room|bedroom|"
    r"garden|family|kids|children|son|daughter|baby|küche|wohnung|haus|familie|kinder|maison|"
    r"appartement|cuisine|famille|enfants)|we were (?:asleep|at home|sleeping|away))\b"
)
_PERSONISH = words_re(
    r"\b(?:customers?|users?|clients?|patients?|people|persons?|employees?|staff|children|"
    r"applicants?|tenants?|kunden|nutzer\w*|patient\w*|mitarbeiter\w*|personnes?)\b"
)
_PERSON_USE = words_re(
    r"\b(?:bought|purchased|ordered|used|uses|was using|pays? (?:for|\d|€|eur)|paid for|"
    r"subscribed|owns?|owned|"
    r"gekauft|benutzt\w*|nutze|verwende|acheté|utilis\w+)\b"
)
_USER_APPOSITION = words_re(
    r"\b(?:an?|one|the) (?:user|customer|client|subscriber|nutzer\w*|kunde|kundin|utilisat\w+)"
    r",?\s*$"
)
_NONCOMMERCIAL = words_re(
    r"\b(?:free time|spare time|unpaid|no payment|without payment|volunteer\w*|no donations|"
    r"non-commercial|ehrenamtlich|freizeit|ohne bezahlung|unentgeltlich|bénévole)\b"
)
_UNDER_BRAND = re.compile(r"\bunder\s+(?P<owner>[\w .&-]{2,40}?)['’]s\s+(?:brand|name|label)\b")
_NOT_AUTHORISED = words_re(
    r"\b(?:never authori[sz]ed|not authori[sz]ed|without (?:the )?(?:[\w'’]+ ){0,3}(?:permission|consent|"
    r"authori[sz]ation|approval)|unauthori[sz]ed|ohne (?:zustimmung|genehmigung|erlaubnis)|"
    r"nicht genehmigt|sans (?:autorisation|accord))\b"
)


def _harm_sentences(usable: list[Sentence]) -> list[Sentence]:
    out = []
    for s in usable:
        if any(
            not negated_before(s.text, m.start())
            for _, pattern in HARM_CUES
            for m in pattern.finditer(s.text)
        ):
            out.append(s)
    return out


def _affected(
    harm_sentences: list[Sentence],
    kinds: dict[str, str],
    mentions: list[Mention],
    narrator_person: str,
    narrator_org: str,
) -> tuple[dict[str, Sentence], list[ActorRecord]]:
    """Who suffered the harm: name -> sentence; and the victims named only by a noun."""
    out: dict[str, Sentence] = {}
    victims: list[ActorRecord] = []
    # the writer who signs ("Rechtsanwältin Dr. Katrin Vogel") tells of someone else's harm
    persons = [n for n, k in kinds.items() if k in {"person", "relative"} and n != narrator_person]
    # "ich vertrete Herrn X ... mein Mandant": the writer's client is the one person named
    named_persons = [n for n in persons if kinds[n] == "person"]
    clients = [n for n in persons if kinds[n] == "relative" and _CLIENT_RELATIVE.search(n)]
    alias: dict[str, str] = {}
    if len(named_persons) == 1 and clients:
        alias = dict.fromkeys(clients, named_persons[0])
        persons = [n for n in persons if n not in clients]
    for s in harm_sentences:
        inside = [m for m in mentions if s.start <= m.start < s.end]
        people = [m for m in inside if kinds.get(m.actor) in {"person", "relative"}]
        if (
            people
            and _MINE_HARMED.search(s.text)
            and not _FIRST_SINGULAR.search(s.text[: people[0].start - s.start])
        ):
            # "my ex ... moved 5k out of my account": the harm is the writer's; the relative
            # who opens the sentence acted
            out.setdefault(narrator_person, s)
            continue
        if people:
            for m in people:
                out.setdefault(alias.get(m.actor, m.actor), s)
            continue
        named = [m for m in inside if kinds.get(m.actor) == "company"
                 and _NOUN_COMMA.search(s.text[max(0, m.start - s.start - 30) : m.start - s.start])]  # fmt: skip
        if named:  # "the truck of a client, Dubois Logistique SAS": the client is that company
            out.setdefault(named[0].actor, s)
            continue
        victim = victim_in(s, [m for m in inside if kinds.get(m.actor) in _PEOPLE])
        if victim is not None:
            name = victim[0]
            if name not in kinds and all(v.name != name for v in victims):
                victims.append(ActorRecord(name, "victim", victim[1]))
            out.setdefault(name, s)
            continue
        if _THIRD_PERSON.search(s.text) and len(persons) == 1:
            out.setdefault(persons[0], s)
        elif _FIRST_SINGULAR.search(s.text):
            out.setdefault(narrator_person, s)
        elif _WE_HARMED.search(s.text) and narrator_org in kinds:
            out.setdefault(narrator_org, s)
    if not out and harm_sentences and len(persons) == 1:
        out[persons[0]] = harm_sentences[0]  # the only person the story is about
    elif (
        not out
        and harm_sentences
        and not persons
        and narrator_org in kinds
        and not any(_PERSONISH.search(s.text) for s in harm_sentences)
    ):
        out[narrator_org] = harm_sentences[0]  # the writer's organisation tells its own loss
    return out, victims


def _users(
    usable: list[Sentence], kinds: dict[str, str], mentions: list[Mention], narrator_person: str
) -> dict[str, Sentence]:
    """People who bought or used the product: name -> sentence."""
    out: dict[str, Sentence] = {}
    persons = [n for n, k in kinds.items() if k in {"person", "relative"}]
    for s in usable:
        for x in mentions:
            if s.start <= x.start < s.end and kinds.get(x.actor) == "person":
                head = s.text[max(0, x.start - s.start - 30) : x.start - s.start]
                if _USER_APPOSITION.search(head):
                    out.setdefault(x.actor, s)
        m = _PERSON_USE.search(s.text)
        if m is None or negated_before(s.text, m.start()):
            continue
        before = [x for x in mentions if s.start <= x.start < s.start + m.start()]
        people = [x for x in before if kinds.get(x.actor) in _PEOPLE and not x.possessive]
        if people:
            out.setdefault(people[-1].actor, s)
        elif _THIRD_PERSON.search(s.text[: m.start()]) and len(persons) == 1:
            out.setdefault(persons[0], s)
        elif _FIRST_SINGULAR.search(s.text[: m.start()]):
            out.setdefault(narrator_person, s)
    return out


def extract_with_rules(text: str) -> Draft:
    """Actors, roles and case facts of ``text`` by patterns (no model)."""
    draft = Draft()
    all_sentences = sentences(text)
    usable = [s for s in all_sentences if not s.instruction and not s.question]
    ignored = [s for s in all_sentences if s.instruction]
    if ignored:
        draft.notes.append(
            f"Ignored {len(ignored)} passage(s) that read as instructions to the assistant "
            f"rather than facts, e.g. {ignored[0].text[:120]!r}."
        )
    records = find_actors(text)
    mentions = mentions_of(text, records)
    in_facts = {m.actor for m in mentions if any(s.start <= m.start < s.end for s in usable)}
    for record in records:
        if record.name not in in_facts:
            draft.dropped.append(DroppedFact("actors", record.name, None,
                                             "named only in text that reads as instructions"))  # fmt: skip
    records = [r for r in records if r.name in in_facts]
    mentions = [m for m in mentions if m.actor in in_facts]
    people = find_people(text, all_sentences, records, mentions)
    everyone = records + people.actors
    all_mentions = sorted(mentions + people.mentions, key=lambda m: m.start)
    hits, generic = find_roles(text, all_sentences, everyone, all_mentions)
    everyone += generic
    kinds = {r.name: r.kind for r in everyone}
    hits += brand_hits(text, all_sentences, all_mentions, kinds)
    narrator_person = people.narrator_person or NARRATOR_PERSON
    narrator_org = people.narrator_org or NARRATOR_ORG
    for role, quote in people.self_roles.items():
        start = text.find(quote)
        hits.append(RoleHit(narrator_org, Role.DEPLOYER.value if role == "deployer"
                            else _self_role(role), "self", start, start + len(quote)))  # fmt: skip
    offer = next((s for s in usable if _OUR_OFFER.search(s.text)), None)
    offer_roles: tuple[str, ...] = (Role.DEVELOPER.value, Role.PROVIDER.value)
    if offer is None and any(_LAUNCHED.search(s.text) for s in usable):
        # told over two sentences: it is offered (provider); who built it is not said
        offer = next((s for s in usable if _OUR_PRODUCT.search(s.text)), None)
        offer_roles = (Role.PROVIDER.value,)
    if offer is not None and narrator_org in kinds and people.narrator_org is not None:
        roles_now = {h.role for h in hits if h.actor == narrator_org}
        if not roles_now & {Role.PROVIDER.value, Role.DEVELOPER.value}:
            for role in offer_roles:
                hits.append(RoleHit(narrator_org, role, "our_offer", offer.start, offer.end))
    if not any(h.actor == narrator_org for h in hits):
        ours = next((s for s in usable for m in [_OUR_SYSTEM.search(s.text)] if m), None)
        if ours is not None and narrator_org in kinds:
            # "one of our crop-spraying drones", "our AI credit assistant": the writer's
            # organisation runs the system (AI Act deployer)
            hits.append(RoleHit(narrator_org, Role.DEPLOYER.value, "our_system", ours.start,
                                ours.end))  # fmt: skip
    hits += _implied_users(usable, all_mentions, kinds, hits, narrator_org)
    hits += _pronoun_brands(usable, all_mentions, kinds, hits)
    harm_sentences = _harm_sentences(usable)
    # "our kitchen", "we were asleep": an unnamed "we" is a household, not an organisation
    harmed_we = narrator_person if people.narrator_org is None and _HOUSEHOLD.search(text) else (
        narrator_org)  # fmt: skip
    affected, victims = _affected(harm_sentences, kinds, all_mentions, narrator_person,
                                  harmed_we)  # fmt: skip
    everyone += victims
    kinds.update({v.name: v.kind for v in victims})
    for name, s in affected.items():
        hits.append(RoleHit(name, Role.AFFECTED_PERSON.value, "harm", s.start, s.end))
    for name, s in _users(usable, kinds, all_mentions, narrator_person).items():
        hits.append(RoleHit(name, Role.END_USER.value, "use", s.start, s.end))
    settled = settle_roles(hits, kinds)
    _add_actors(draft, text, everyone, settled, people.attackers)
    harms = harm_facts(text, usable)
    draft.facts.extend(harms)
    draft.facts.extend(cause_facts(text, usable))
    harm_types = {Harm(f.value["type"]) for f in harms}
    draft.facts.extend(system_facts(text, usable, harm_types))
    causes = {IncidentCause(f.value) for f in draft.facts_at("incident.causes")}
    known = {f.path for f in draft.facts if f.actor is None}
    draft.facts.extend(product_facts(text, usable, harm_types, causes, known))
    _contracts(draft, text, usable, all_mentions, kinds, (narrator_org, narrator_person))
    roles = {a.name: set(a.roles or ()) for a in draft.actors}
    draft.facts.extend(duty_facts(text, usable, all_mentions, kinds, roles, draft.facts))
    roles = {a.name: set(a.roles or ()) for a in draft.actors}
    for item in date_facts(text, all_sentences, all_mentions, roles):
        (draft.facts if isinstance(item, FactCandidate) else draft.dropped).append(item)  # type: ignore[arg-type]
    _actor_facts(draft, text, records, usable, settled)
    _claimant_facts(draft, kinds)
    place = jurisdiction_fact(text, usable, records, harm_sentences, people.narrator_org)
    if place is not None:
        draft.facts.append(place)
    return draft


def _contracts(
    draft: Draft,
    text: str,
    usable: list[Sentence],
    mentions: list[Mention],
    kinds: dict[str, str],
    narrators: tuple[str, str],
) -> None:
    kind = next((f.value for f in draft.facts_at("product.kind")), None)
    roles = {a.name: {r.value for r in a.roles or ()} for a in draft.actors}
    victims = {n for n, r in roles.items() if Role.AFFECTED_PERSON.value in r}
    found = contract_facts(text, usable, mentions, kinds, set(roles), victims, *narrators,
                           ProductKind(kind) if kind else None, roles)  # fmt: skip
    draft.facts.extend(found)


def _implied_users(
    usable: list[Sentence],
    mentions: list[Mention],
    kinds: dict[str, str],
    hits: list[RoleHit],
    narrator_org: str,
) -> list[RoleHit]:
    """The organisation whose work a system does ("nos appels passent par X"): deployer.

    It is the writer's organisation when the sentence says "our"/"we", else the nearest
    organisation named before the cue that is not already the system's maker or seller."""
    makers = {
        h.actor
        for h in hits
        if h.role in {Role.DEVELOPER.value, Role.PROVIDER.value, SELLER, Role.DISTRIBUTOR.value}
    }
    out: list[RoleHit] = []
    for s in usable:
        m = _IMPLIED_USE.search(s.text)
        if m is None or negated_before(s.text, m.start()):
            continue
        cue = s.start + m.start()
        if _OURS_IN.search(s.text[: m.end()]) and narrator_org in kinds:
            who: str | None = narrator_org
        else:
            before = [
                x
                for x in mentions
                if x.end <= cue
                and cue - x.end <= 400
                and kinds.get(x.actor) in {"company", "generic", "narrator_org"}
                and x.actor not in makers
            ]
            who = before[-1].actor if before else None
        if who is not None and not any(
            h.actor == who and h.role == Role.DEPLOYER.value for h in hits + out
        ):
            out.append(RoleHit(who, Role.DEPLOYER.value, "implied_use", s.start, s.end))
    return out


def _pronoun_brands(
    usable: list[Sentence], mentions: list[Mention], kinds: dict[str, str], hits: list[RoleHit]
) -> list[RoleHit]:
    """A pronoun that sells under its own name: the company that is the subject (first name) of
    the sentence before it (provider)."""
    out: list[RoleHit] = []
    for s in usable:
        b = _BY_PRONOUN_BRAND.search(s.text)
        if b is None or negated_before(s.text, b.start()):
            continue
        pos = s.start + b.start()
        named = [
            x for x in mentions
            if s.start <= x.start and x.end <= pos and kinds.get(x.actor) == "company"
        ]  # fmt: skip
        if named and not any(
            h.actor == named[-1].actor and h.role == Role.PROVIDER.value for h in hits + out
        ):
            out.append(RoleHit(named[-1].actor, Role.PROVIDER.value, "own_brand", s.start, s.end))
    for i, s in enumerate(usable):
        m = _PRONOUN_BRAND.search(s.text)
        if m is None or negated_before(s.text, m.end()):
            continue
        cue = s.start + m.end()
        if any(s.start <= x.start < cue and kinds.get(x.actor) == "company" for x in mentions):
            continue  # a name in the sentence: the own_brand cue finds it
        prev = usable[i - 1] if i else None
        before = [
            x for x in mentions
            if prev is not None and prev.start <= x.start < prev.end
            and kinds.get(x.actor) == "company"
        ]  # fmt: skip
        if before and not any(
            h.actor == before[0].actor and h.role == Role.PROVIDER.value for h in hits
        ):
            out.append(RoleHit(before[0].actor, Role.PROVIDER.value, "own_brand", s.start, s.end))
    return out


def _self_role(role: str) -> str:
    return {"manufacturer": Role.DEVELOPER.value}.get(role, role)


def _add_actors(
    draft: Draft,
    text: str,
    everyone: list[ActorRecord],
    settled: dict[str, list[RoleHit]],
    attackers: list[str],
) -> None:
    named_roles = {h.role for r in everyone if r.kind == "company" for h in settled.get(r.name, [])}
    for record in sorted(everyone, key=lambda r: r.start):
        hits = settled.get(record.name, [])
        if record.kind in {"narrator_org", "narrator_person", "generic"} and not hits:
            continue
        if record.kind == "generic" and {h.role for h in hits} <= named_roles:
            continue  # "the manufacturer" when a named company already makes it
        if record.kind == "relative" and not hits:
            continue
        roles: list[Role] | None = [Role(h.role) for h in hits] or None
        if record.name in attackers or (record.kind == "person" and not hits):
            roles = []  # a named person with no part in the chain: not a defendant
        quote = _name_quote(text, record)
        draft.actors.append(
            ActorCandidate(
                name=record.name,
                name_quote=quote,
                roles=roles,
                role_quotes={Role(h.role): text[h.quote_start : h.quote_end] for h in hits},
                roles_quote=_span_quote(text, hits),
                kind=record.kind,
            )
        )


def _span_quote(text: str, hits: list[RoleHit]) -> str | None:
    """One slice of the narrative covering every role's words (if not too long)."""
    if not hits:
        return None
    start = min(h.quote_start for h in hits)
    end = max(h.quote_end for h in hits)
    if end - start <= 400:
        return text[start:end]
    return text[hits[0].quote_start : hits[0].quote_end]


def _name_quote(text: str, record: ActorRecord) -> str:
    """The clause where the actor is first named."""
    start = max(0, record.start)
    q0, q1 = clause_around(text, start, min(len(text), start + len(record.name)))
    return text[q0:q1]


def _actor_facts(
    draft: Draft,
    text: str,
    records: list[ActorRecord],
    usable: list[Sentence],
    settled: dict[str, list[RoleHit]],
) -> None:
    for record in records:
        if "public body" in record.descriptors:
            draft.facts.append(FactCandidate("public_authority", True, _name_quote(text, record),
                                             actor=record.name))  # fmt: skip
        if record.place and record.place_quote:
            eu = record.place != "non-EU"
            draft.facts.append(FactCandidate("established_in_eu", eu, record.place_quote,
                                             actor=record.name))  # fmt: skip
    for name, hits in settled.items():
        for h in hits:
            quote = text[h.quote_start : h.quote_end]
            if h.cue == "own_brand":
                draft.facts.append(FactCandidate("name_on_product", True, quote, actor=name))
            if h.cue in {"maintains", "maintained_by"} and not any(
                f.actor == name and f.path == "foss_noncommercial" for f in draft.facts
            ):
                source = next((s for s in usable if _NONCOMMERCIAL.search(s.text)), None)
                if source is not None:
                    draft.facts.append(
                        FactCandidate("foss_noncommercial", True, source.text, actor=name)
                    )
            if h.role == Role.FINE_TUNER.value and not draft.facts_at("modification.occurred"):
                draft.facts.append(FactCandidate("modification.occurred", True, quote))
                draft.facts.append(FactCandidate("modification.by", name, quote))
                refusal = next((s for s in usable if _NOT_AUTHORISED.search(s.text)), None)
                if refusal is not None:
                    draft.facts.append(FactCandidate(
                        "modification.authorised_by_manufacturer", False, refusal.text))  # fmt: skip
    draft.facts.extend(identification_request(usable, records))
    draft.facts.extend(outside_eu(usable, records))
    for s in usable:
        for m in _UNDER_BRAND.finditer(s.text):
            owner = next((r.name for r in records if m["owner"].strip() in {r.name, *r.aliases}),
                         None)  # fmt: skip
            if owner:
                draft.facts.append(FactCandidate("name_on_product", True, m.group(0), actor=owner))


def _claimant_facts(draft: Draft, kinds: dict[str, str]) -> None:
    affected = [a for a in draft.actors if a.roles and Role.AFFECTED_PERSON in a.roles]
    harms = {f.value["type"] for f in draft.facts_at("damage")}
    natural = [a for a in affected if kinds.get(a.name) in _PEOPLE]
    legal = [a for a in affected if kinds.get(a.name) in {"company", "narrator_org", "generic"}]
    bodily = {Harm.PERSONAL_INJURY.value, Harm.PSYCHOLOGICAL.value} & harms
    quote = None
    if natural or bodily:
        quote = natural[0].role_quotes.get(Role.AFFECTED_PERSON) if natural else None
        quote = quote or next(f.quote for f in draft.facts_at("damage")
                              if f.value["type"] in bodily)  # fmt: skip
    kind = "both" if (natural or bodily) and legal else "natural_person" if quote else None
    if legal and not (natural or bodily):
        kind, quote = "legal_person", legal[0].role_quotes.get(Role.AFFECTED_PERSON)
    if kind and quote:
        draft.facts.append(FactCandidate("claimant.type", kind, quote))
    if len(affected) == 1:
        quote = affected[0].role_quotes.get(Role.AFFECTED_PERSON) or affected[0].name_quote
        draft.facts.append(FactCandidate("claimant.name", affected[0].name, quote))
