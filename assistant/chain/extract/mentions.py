"""Find the companies and people a narrative names, and every place it mentions them.

Companies: names with a legal-form suffix ("DataHarbor Ltd", "Schlosswerk AG"), capitalised
names ending in an organisation noun ("Crescent Bank", "OptiMind Analytics"), and later short
forms of those ("Brightside", "Maison Vapeur's"). People: a title or a common first name before a
capitalised surname ("Mr Jürgen Albers", "Anna Schmidt"). Each actor keeps what the text says
about it right after its name: a place ("(Lyon)", "of Austin, Texas", "a Paris fintech") and
apposition nouns ("a mid-sized bank") that later let "the bank" refer to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.chain.extract.lexicon_names import (
    COUNTRIES,
    EU_CITIES,
    FIRST_NAMES,
    LEGAL_SUFFIXES,
    NON_EU_PLACES,
    ORG_HEADS,
    STOP_CAPS,
)
from assistant.chain.extract.text import Spans

__all__ = ["ActorRecord", "Mention", "find_actors", "mentions_of", "place_code"]

# A token never starts inside a word: without the look-behind every position of a long
# capitalised run is a new start and matching goes quadratic (a 20 kB "XXX…" took 19 s).
_TOK = (
    r"(?<![\w&\-'’])(?:St\.|[A-ZÄÖÜÉ][\w&\-]*(?:['’](?!s\b)[A-Za-z]\w*)?|[a-z]+[A-Z][\w\-]*|"
    r"\d+[A-Za-z][\w\-]*)"
)
_CONN = r"(?:&|and|und|et)"
_SUFFIX = "|".join(re.escape(s) for s in LEGAL_SUFFIXES)
_COMPANY = re.compile(
    rf"(?P<name>{_TOK}(?:\s+(?:{_CONN}\s+)?{_TOK}){{0,4}})\s*,?\s+(?P<suffix>{_SUFFIX})(?![\w])"
)
_CAPS_RUN = re.compile(rf"{_TOK}(?:\s+{_TOK}){{1,4}}")
_CAP = r"[A-ZÄÖÜÉ][a-zäöüßéèêëàâîïôûç]+(?:-[A-ZÄÖÜÉ][a-zäöüßéèêëàâîïôûç]+)?"
_TITLE = re.compile(
    rf"\b(?P<title>Mr|Mrs|Ms|Miss|Dr|Prof|Herrn|Herr|Frau|Mme|Mlle|Monsieur|Madame)\.?\s+"
    rf"(?P<name>{_CAP}(?:\s+{_CAP})?)"
)
_FIRST_LAST = re.compile(rf"\b(?P<first>{_CAP})\s+(?P<last>{_CAP})\b")
# A person the text introduces by a person noun or describes right after the name, whatever
# the first name: "one picker, Amira Haddad", "client: Marek Kowalski, consumer",
# "Marek Kowalski, 34", "Helga Brandt (61)".
_PERSON_NOUN_BEFORE = re.compile(
    r"\b(?i:client|customer|user|consumer|worker|employee|picker|driver|nurse|doctor|patient|"
    r"student|applicant|candidate|tenant|claimant|plaintiff|victim|passenger|cyclist|pedestrian|"
    r"subscriber|mandant(?:in)?|kunde|kundin|patientin|mitarbeiter(?:in)?|bewerber(?:in)?|"
    r"fahrer(?:in)?|adhérente?|salariée?|cliente?|patiente?|étudiante?|locataire|"
    # role nouns of an apposition: "the mayor, Ulrike Sommer", "unsere Kassiererin, X"
    r"mayor|treasurer|chair(?:wo)?man|chairperson|teacher|colleague|neighbou?r|manager|"
    r"bürgermeister(?:in)?|kassierer(?:in)?|vorsitzende[rn]?|lehrer(?:in)?|kolleg(?:e|in)|"
    r"nachbar(?:in)?|maire|trésorière?|présidente?|enseignante?|collègue|voisine?)\s*[:,]\s*$"
)
_PERSON_DESC_AFTER = re.compile(
    r"^\s*(?:,\s*(?:an? )?(?i:consumer|customer|client|patient|student|\d{1,2}(?:-year-old)?\b|"
    r"age \d)|\(\d{1,2}\))"
)
_SIGNATURE_LINE = re.compile(rf"^\W{{0,3}}(?P<first>{_CAP})\s+(?P<last>{_CAP})\s*$")
_PLACE_AFTER = re.compile(
    r"^\s*(?:\((?P<paren>[^)]{2,40})\)|,?\s+(?:of|from|in|based in|aus|de|à|located in)\s+"
    r"(?P<prep>(?:the\s+)?[A-ZÄÖÜÉ][\w\-]*(?:[ ,]+[A-ZÄÖÜÉ][\w\-]*){0,2}))"
)
_APPOSITION = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?,\s+(?:an?|the|ein\w*|une?)\s+([^,.;()]{2,60})"
)
# Organisations every reader knows by their bare name (model providers, platforms).
_KNOWN_ORGS = re.compile(
    r"\b(?:OpenAI|Anthropic|Google DeepMind|Google|Microsoft|Amazon Web Services|Amazon|AWS|"
    r"Mistral AI|Aleph Alpha|DeepSeek|Alibaba|Apple|Samsung|Tesla|IBM|Nvidia|NVIDIA|Hugging Face|"
    r"Stability AI|Midjourney|Cohere|xAI|Meta(?= Platforms|'s|’s| AI|\s+\(|\s+Llama))"
    r"(?:\s+Platforms)?\b"
)
# Institutions named by their kind first ("Universität Nordstadt", "Klinikum Süd").
_INSTITUTION = re.compile(
    r"\b(?:Universität|Université|University of|Hochschule|Fachhochschule|Klinikum|Krankenhaus|"
    r"Hôpital|Hospital of|Gymnasium|Lycée|École)\s+(?:d[eu]s?\s+|of\s+)?[A-ZÄÖÜÉ][\wäöüß-]+"
)
# Organisations named by their kind first, without a legal form ("Groupe Vélia", "Agentur
# Blickfang", "Polizeipräsidium Oberrhein", "École de commerce Atlantique", "Mutuelle Horizon").
_KIND_FIRST = re.compile(
    r"\b(?:Groupe|Gruppe|Agentur|Agence|Baumarkt|Autohaus|Polizeipräsidium|Polizeidirektion|"
    r"Landespolizei|Bundespolizei|Landeskriminalamt|Préfecture|Mutuelle|Caisse|Banque|Sparkasse|"
    r"Volksbank|Raiffeisenbank|Stadtwerke|Wasserverband|Zweckverband|Abwasserverband|"
    r"Energieversorgung|Verkehrsbetriebe|Landesamt|Bundesamt|Ausländerbehörde|Centre "
    r"hospitalier|Clinique|Fondation|Stiftung|Assurances?|Crédit|"
    r"(?:Université|École|Ecole|Institut|Lycée|Hochschule|Universität|Akademie|Académie)"
    r"(?:\s+(?:de|du|des|la|le|für|of|the|[a-zéèêàâîôûç]{4,})){0,3})"
    r"(?:\s+|\s+(?:d|l)['’])[A-ZÄÖÜÉ][\wäöüßéèêàç-]+"
    r"(?:\s+(?!(?:In|At|On|And|Und|Et|The|Der|Die|Das|Le|La|Les)\b)[A-ZÄÖÜÉ][\wäöüßéèêàç-]+)?"
)
# A name its apposition calls a business: "Spielzeugwelt Kaiser, a toy shop in Nuremberg".
_NAMED_BY_APPOSITION = re.compile(
    rf"(?P<name>{_TOK}(?:\s+{_TOK}){{1,3}}),\s+(?i:an?|the|ein\w*|une?)\s+(?:[\w-]+\s+){{0,2}}"
    r"(?i:shop|store|retailer|company|firm|manufacturer|maker|start-?up|agency|bank|insurer|"
    r"clinic|hospital|school|laden|geschäft|händler\w*|firma|hersteller\w*|magasin|boutique|"
    r"entreprise|société|fabricant|enseigne|chain|kette)\b"
)
# Public bodies named by their kind and place ("Stadt Neustadt", "the city of Lyon").
_PUBLIC_BODY = re.compile(
    r"\b(?:Stadt|Gemeinde|Landkreis|Bezirksamt|Jobcenter|Landeshauptstadt|Ville de|Commune "
    r"de|Mairie de|Métropole de|[Cc]ity of|[Mm]unicipality of|[Tt]own of|[Cc]ounty of|"
    r"[Bb]orough of)\s+(?:d['’]|l['’])?[A-ZÄÖÜÉ][\wäöüß-]+"
)
_ADVERB = re.compile(r"[a-zäöü]{3,}(?:ly|lich|ment)")
_PLACE_BEFORE = re.compile(r"(?P<place>[A-ZÄÖÜ][\w]+(?:[ -][A-Z][\w]+)?)-based\s+$")


@dataclass
class ActorRecord:
    """An actor found in the text."""

    name: str
    kind: str  # company | person
    start: int  # first mention
    aliases: set[str] = field(default_factory=set)
    descriptors: set[str] = field(default_factory=set)
    place: str | None = None  # ISO code, or "non-EU"
    place_quote: str | None = None


@dataclass(frozen=True)
class Mention:
    """One place where an actor is named."""

    actor: str
    start: int
    end: int
    possessive: bool
    text: str


def place_code(text: str) -> str | None:
    """ISO code of an EU place, "non-EU" for a known place outside the EU, else None."""
    key = text.strip().strip(",.").casefold()
    key = re.sub(r"^the\s+", "", key)
    for part in [key, *[p.strip() for p in key.split(",")]]:
        if part in EU_CITIES:
            return EU_CITIES[part]
        if part in COUNTRIES:
            return COUNTRIES[part]
        if part in NON_EU_PLACES:
            return "non-EU"
    return None


def _clean_tokens(text: str, start: int) -> tuple[str, int] | None:
    """Drop leading stop words (and a sentence adverb before a name) from a capitalised run."""
    words = list(re.finditer(r"\S+", text))
    for i, m in enumerate(words):
        folded = m.group(0).strip(",").casefold()
        if folded.strip(".") in STOP_CAPS or folded in STOP_CAPS:
            continue
        if _ADVERB.fullmatch(folded) and i + 1 < len(words):
            continue
        return text[m.start() :], start + m.start()
    return None


# More named parties than any incident narrative has: beyond this the text is a list or a
# log, and every further name would only cost a pass over the whole text (mentions_of).
MAX_ACTORS = 60


def find_actors(text: str) -> list[ActorRecord]:
    """Companies and named people in ``text``, in order of first mention (at most
    :data:`MAX_ACTORS`)."""
    found: dict[str, ActorRecord] = {}
    known: set[str] = set()  # names and aliases of the records found, casefolded
    taken = Spans()

    def add(name: str, kind: str, start: int, end: int, aliases: set[str]) -> None:
        key = name.casefold()
        if key in known or len(found) >= MAX_ACTORS:
            return
        record = ActorRecord(name, kind, start, aliases={a for a in aliases if a != name})
        _describe(text, end, start, record)
        found[key] = record
        known.add(key)
        known.update(a.casefold() for a in record.aliases)
        taken.add(start, end)

    for m in _COMPANY.finditer(text):
        cleaned = _clean_tokens(m["name"], m.start("name"))
        if cleaned is None:
            continue
        base, start = cleaned
        name = " ".join(text[start : m.end()].split())
        add(name, "company", start, m.end(), _company_aliases(" ".join(base.split())))
    for m in _CAPS_RUN.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        run = m.group(0)
        if "\n" in run:
            # a name ends at a line break when its head noun closes the line ("From: IT,
            # Sonnental Kliniken\nSince May ..."); hard-wrapped names continue otherwise
            line = run.split("\n", 1)[0].rstrip()
            last = line.split()[-1].casefold() if line.split() else ""
            if len(line.split()) >= 2 and (
                last in ORG_HEADS
                or (place_code(last) and len(line.split()) >= 3
                    and line.split()[-2].casefold() in ORG_HEADS)
            ):  # fmt: skip
                run = line
        cleaned = _clean_tokens(run, m.start())
        if cleaned is None:
            continue
        base, start = cleaned
        words = base.split()
        heads = [w for w in words if w.casefold() in ORG_HEADS]
        place_closes = (  # "St. Marien Hospital Bremen": the place closes the name
            len(words) >= 3
            and words[-2].casefold() in ORG_HEADS
            and words[-1].casefold() not in ORG_HEADS
            and place_code(words[-1]) is not None
            and not any(place_code(w) for w in words[:-1])
        )
        head_closes = (
            len(words) >= 2
            and words[-1].casefold() in ORG_HEADS
            and len(heads) < len(words)
            and not any(place_code(w) for w in words[:-1])
        )
        if not (place_closes or head_closes):
            continue
        base = " ".join(base.split())
        add(base, "company", start, m.start() + len(run), _company_aliases(base))
    for m in _NAMED_BY_APPOSITION.finditer(text):
        if taken.overlaps(m.start("name"), m.end("name")):
            continue
        cleaned = _clean_tokens(m["name"], m.start("name"))
        if cleaned is None or len(cleaned[0].split()) < 2:
            continue
        base, start = " ".join(cleaned[0].split()), cleaned[1]
        if any(w.casefold() in FIRST_NAMES or place_code(w) for w in base.split()[:1]):
            continue
        add(base, "company", start, m.end("name"), _company_aliases(base))
    for m in _KNOWN_ORGS.finditer(text):
        if not taken.overlaps(m.start(), m.end()):
            add(m.group(0), "company", m.start(), m.end(), {m.group(0)})
    for m in _INSTITUTION.finditer(text):
        if not taken.overlaps(m.start(), m.end()):
            name = " ".join(m.group(0).split())
            add(name, "company", m.start(), m.end(), {name})
    for m in _KIND_FIRST.finditer(text):
        if not taken.overlaps(m.start(), m.end()):
            name = " ".join(m.group(0).split())
            tail = name.split()[-1]
            if len(name.split()) > 2 and (tail.casefold() in STOP_CAPS or place_code(tail)):
                name = name.rsplit(" ", 1)[0]  # "Groupe Vélia Amiens": the place is not the name
            add(name, "company", m.start(), m.start() + len(name), {name})
    for m in _PUBLIC_BODY.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        name, end, aliases = " ".join(m.group(0).split()), m.end(), set()
        alt = re.match(r"\s*\((?P<alt>[A-ZÄÖÜÉ][^()]{2,40})\)", text[m.end() :])
        if alt:  # "the city of Neustadt (Stadt Neustadt)": one body, the proper name wins
            name, aliases, end = alt["alt"].strip(), {name}, m.end() + alt.end()
        add(name, "company", m.start(), end, aliases | {name})
        if name.casefold() in found:
            found[name.casefold()].descriptors.add("public body")
    for m in _TITLE.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        name = m["name"] if " " in m["name"] else f"{m['title']} {m['name']}"
        add(name, "person", m.start("name"), m.end(), {m["name"].split()[-1]})
    for m in _FIRST_LAST.finditer(text):
        if taken.overlaps(m.start(), m.end()) or m["first"].casefold() not in FIRST_NAMES:
            continue
        last = m["last"]
        if last.casefold() in STOP_CAPS or last.casefold() in ORG_HEADS or place_code(last):
            continue
        if re.match(rf"\s*,?\s+(?:{_SUFFIX})\b", text[m.end() :]):
            continue
        add(m.group(0), "person", m.start(), m.end(), {last})
    for m in _FIRST_LAST.finditer(text):
        if taken.overlaps(m.start(), m.end()) or not _unknown_first_name_person(text, m):
            continue
        add(m.group(0), "person", m.start(), m.end(), {m["last"]})
    _client_aliases(text, found.values())
    # a surname that matches a titled single name ("Mr Albers" and "Jürgen Albers") is one actor
    return _merge_people(sorted(found.values(), key=lambda r: r.start))


# "ich vertrete Herrn Malik Demir", "we act for Ms Ana Ruiz", "my client, Jan Berg": later
# "mein Mandant" / "my client" / "mon client" is that person.
_REPRESENTS = re.compile(
    r"(?i:\b(?:vertrete\w*|represent\w*|act for|acting for|agissons pour|repräsentiere\w*|"
    r"(?:my|our) client|mein\w* mandant\w*|unser\w* mandant\w*|mon client|ma cliente|notre "
    r"client\w*|défends|défendons))[\s,:]+(?:(?:Herrn|Herr|Frau|Mr|Mrs|Ms|Dr|M\.|Mme|Madame|"
    r"Monsieur)\.?\s+)?$"
)
_CLIENT_WORDS = (
    "mein Mandant", "meinen Mandanten", "meinem Mandanten", "meines Mandanten",
    "meine Mandantin", "meiner Mandantin", "unser Mandant", "unseren Mandanten",
    "unserem Mandanten", "unsere Mandantin", "unserer Mandantin", "my client", "our client",
    "mon client", "ma cliente", "notre client", "notre cliente",
)  # fmt: skip


def _client_aliases(text: str, records: Iterable[ActorRecord]) -> None:
    people = [r for r in records if r.kind == "person"]
    for record in people:
        if _REPRESENTS.search(text[max(0, record.start - 40) : record.start]):
            record.aliases.update(_CLIENT_WORDS)
            return


def _unknown_first_name_person(text: str, m: re.Match[str]) -> bool:
    """A capitalised pair is a person when a person noun introduces it, a description follows
    it, or it is the signature on the last line (first names outside the lexicon)."""
    words = (m["first"].casefold(), m["last"].casefold())
    if any(w in STOP_CAPS or w in ORG_HEADS or place_code(w) for w in words):
        return False
    if re.match(rf"\s*,?\s+(?:{_SUFFIX})\b", text[m.end() :]):
        return False
    if _PERSON_NOUN_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
        return True
    if _PERSON_DESC_AFTER.match(text[m.end() : m.end() + 25]):
        return True
    lines = text.rstrip().splitlines()
    last = lines[-1] if lines else ""
    tail_start = len(text.rstrip()) - len(last)
    return tail_start <= m.start() and _SIGNATURE_LINE.match(last) is not None


def _merge_people(records: list[ActorRecord]) -> list[ActorRecord]:
    out: list[ActorRecord] = []
    for record in records:
        if record.kind == "person" and " " in record.name and record.name.split()[0] in {
            "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Herr", "Frau", "Mme", "Mlle",
        }:  # fmt: skip
            surname = record.name.split()[-1]
            full = next(
                (r for r in records if r is not record and r.name.endswith(" " + surname)), None
            )
            if full is not None:
                full.aliases.add(record.name)
                continue
        out.append(record)
    return out


def _company_aliases(base: str) -> set[str]:
    """Short forms a text may use later: the name without suffix, a distinctive first word."""
    words = base.split()
    aliases = {base.strip()}
    if len(words) >= 2:
        first, rest = words[0], words[1:]
        distinctive = bool(re.search(r"[a-z][A-Z]|\d", first)) or all(
            w.casefold() in ORG_HEADS or w in {"AI", "KI", "IA", "Tech", "Labs"} for w in rest
        )
        if distinctive and len(first) >= 4 and first.casefold() not in STOP_CAPS:
            aliases.add(first)
    return aliases


def _describe(text: str, end: int, start: int, record: ActorRecord) -> None:
    after = text[end : end + 80]
    place = _PLACE_AFTER.match(after)
    if place:
        raw = place["paren"] or place["prep"] or ""
        code = place_code(raw)
        if code:
            record.place, record.place_quote = code, text[start : end + place.end()]
    appos = _APPOSITION.match(after)
    if appos:
        words = re.findall(r"[\w\-]+", appos.group(1).casefold())[:8]
        record.descriptors.update(words)
        if record.place is None:
            for word in appos.group(1).split():
                code = place_code(re.sub(r"-based$", "", word))  # "a Fürth-based toy maker"
                if code:
                    record.place, record.place_quote = code, text[start : end + appos.end()]
                    break
    before = _PLACE_BEFORE.search(text[max(0, start - 40) : start])
    if before and record.place is None:
        code = place_code(before["place"])
        if code:
            record.place = code
            record.place_quote = text[start - len(before.group(0)) : end]


def mentions_of(text: str, actors: list[ActorRecord]) -> list[Mention]:
    """Every mention of every actor (full name or alias, possessive marked), in text order."""
    out: list[Mention] = []
    taken = Spans()
    forms = sorted(
        ((form, a.name) for a in actors for form in {a.name, *a.aliases}),
        key=lambda fa: -len(fa[0]),
    )
    for form, actor in forms:
        spaced = r"\s+".join(re.escape(w) for w in form.split())
        pattern = re.compile(rf"(?<![\w-]){spaced}(?P<poss>['’]s\b|['’](?=\s))?(?![\w-])")
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            taken.add(m.start(), m.end())
            out.append(Mention(actor, m.start(), m.end(), bool(m["poss"]), m.group(0)))
    return sorted(out, key=lambda mention: mention.start)
