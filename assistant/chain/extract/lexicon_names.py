"""Word lists for finding actors: legal-form suffixes, organisation head nouns, words that are
capitalised without being names, first names, and places (EU member state or not)."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


__all__ = [
    "COUNTRIES",
    "EU_CITIES",
    "FIRST_NAMES",
    "GENERIC_ORGS",
    "LEGAL_SUFFIXES",
    "NON_EU_PLACES",
    "ORG_HEADS",
    "PERSON_NOUNS",
    "RELATIVES",
    "STOP_CAPS",
]

# Legal-form suffixes, longest first (matched case-sensitively).
LEGAL_SUFFIXES: tuple[str, ...] = (
    "GmbH & Co. KG", "GmbH & Co KG", "Co., Ltd.", "Co., Ltd", "Co. Ltd.",
    "UG (haftungsbeschränkt)", "sp. z o.o.", "Sp. z o.o.",
    "S.p.A.", "S.A.S.", "S.à r.l.", "Pty Ltd", "L.L.C.", "s.r.o.", "S.r.l.", "B.V.", "N.V.",
    "S.A.", "S.L.", "e.V.", "gGmbH", "GmbH", "KGaA", "Ltd.", "Ltd", "Limited", "Inc.", "Inc",
    "Incorporated", "LLC", "LLP", "plc", "PLC", "Corp.", "Corp", "Corporation", "Co.", "SARL",
    "SAS", "SpA", "Srl", "SRL", "OHG", "AG", "SE", "KG", "UG", "SA", "BV", "NV", "Oyj", "Oy",
    "AB", "AS", "A/S", "ApS", "Lda", "SL", "SASU", "EURL", "SNC", "SCA", "Sàrl", "Sarl", "ASA",
    "Kft.", "Zrt.", "Nyrt.", "a.s.", "d.o.o.", "OÜ", "GbR", "eG", "BVBA", "Ltda", "S.r.l.",
    "s.r.l.", "SRO", "LP",
)  # fmt: skip

# Head nouns that make a capitalised phrase an organisation name ("Crescent Bank").
ORG_HEADS: frozenset[str] = _words(
    """
    analytics solutions systems technologies technology tech labs lab bank cloud health
    healthcare robotics software data insurance group services partners clinic klinik
    kinderklinik klinikum hospital krankenhaus networks logistics energy motors media digital
    capital finance pharma medical security consulting industries holdings foundation
    university universität hochschule versicherung stadtwerke sparkasse airlines telecom
    mobility automotive dynamics intelligence vision works studios games hosting ai-labs center
    centre ventures fintech insurtech apotheke praxis council ministry ministerium agency
    behörde manufaktur werke verband kasse krankenkasse gruppe kliniken ambulance
    """
)

# Generic organisations that can be an actor when no named actor fits ("the hospital").
GENERIC_ORGS: dict[str, str] = {
    "hospital": "hospital", "clinic": "clinic", "bank": "bank", "insurer": "insurer",
    "employer": "employer", "retailer": "retailer", "school": "school",
    "university": "university", "municipality": "municipality", "city": "city",
    "landlord": "landlord", "airline": "airline", "vendor": "vendor",
    "manufacturer": "manufacturer", "startup": "startup", "start-up": "startup",
    "krankenhaus": "hospital", "klinik": "clinic", "arbeitgeber": "employer",
    "versicherung": "insurer", "hersteller": "manufacturer", "händler": "retailer",
    "hôpital": "hospital", "clinique": "clinic", "banque": "bank", "assureur": "insurer",
    "employeur": "employer", "fabricant": "manufacturer",
}  # fmt: skip

# Capitalised words that start sentences or name things but are not actor names.
STOP_CAPS: frozenset[str] = _words(
    """
    the a an in on at by from with to for of and or but our my their his her its this that
    these those when after before since then yesterday today last next both also however
    meanwhile later now here there we i you they he she it who which what why how where dear
    hello hi thanks thank please note facts background summary subject from re fwd fw der die
    das den dem des ein eine einer eines im am bei von mit seit nach vor unser unsere mein
    meine ihr ihre sein seine heute gestern dann als wir ich sie er es guten tag hallo sehr
    geehrte liebe danke betreff firma fa le la les un une notre nos mon ma mes depuis après
    avant chez bonjour madame monsieur objet ai ki ia eu european union act regulation
    directive article annex recital gdpr cra nis2 pld commission court police ce cv api llm app
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday developer provider deployer
    operator integrator importer distributor manufacturer user customer client patient incident
    attack update system model tool licensed made built developed deployed hosted sold trained
    step one two three question questions answer company
    """
)

FIRST_NAMES: frozenset[str] = _words(
    """
    anna maria marie julia laura lena sarah sara lisa sophie sophia emma hannah lea leonie
    petra sabine claudia andrea monika katharina christina nina eva clara claire camille chloé
    chloe manon léa lucie inès ines alice louise charlotte élodie elodie isabelle nathalie
    sandrine valérie valerie céline celine giulia francesca chiara elena sofia lucia carmen ana
    ines olga agnieszka katarzyna emily olivia mia amelia jessica jennifer susan linda thomas
    michael andreas stefan markus martin peter klaus jürgen juergen wolfgang frank tobias
    florian sebastian alexander max paul lukas jonas felix daniel david jan tim tom jan-erik
    hans karl uwe bernd dirk jens matthias christian philipp simon julien nicolas pierre jean
    luc louis hugo lucas antoine mathieu matthieu thibault françois francois olivier laurent
    philippe éric eric marc giuseppe marco luca matteo alessandro francesco carlos javier
    miguel josé jose pablo piotr tomasz krzysztof john james robert william richard joseph
    charles george mark steven kevin brian jason ryan adam chris omar ali mehmet ahmed yusuf
    """
)

PERSON_NOUNS: frozenset[str] = _words(
    """
    child kid boy girl patient user customer customers passenger passengers pedestrian cyclist
    driver employee employees worker workers tenant tenants applicant applicants student
    students pupil consumer consumers resident residents neighbour neighbours neighbor
    neighbors victim victims person people woman man nurse doctor kind patientin nutzer kunde
    kunden mieter bewerber mitarbeiter fahrer fußgänger enfant utilisateur client clients
    locataire candidat salarié salariés employés beschäftigte beschäftigten arbeitnehmer
    mitarbeitenden
    """
)

RELATIVES: dict[str, str] = {
    "mother": "mother", "father": "father", "son": "son", "daughter": "daughter",
    "child": "child", "wife": "wife", "husband": "husband", "partner": "partner",
    "grandmother": "grandmother", "grandfather": "grandfather", "brother": "brother",
    "sister": "sister", "client": "client", "mum": "mother", "mom": "mother", "dad": "father",
    "mutter": "mother", "vater": "father", "sohn": "son", "tochter": "daughter", "kind": "child",
    "frau": "wife", "mann": "husband", "mandant": "client", "mandantin": "client",
    "oma": "grandmother", "opa": "grandfather", "mère": "mother", "père": "father",
    "fils": "son", "fille": "daughter", "enfant": "child", "femme": "wife", "mari": "husband",
    "ex": "ex-partner", "ex-partner": "ex-partner", "ex-husband": "ex-husband",
    "ex-wife": "ex-wife", "ex-boyfriend": "ex-boyfriend", "ex-girlfriend": "ex-girlfriend",
}  # fmt: skip

# Country names (EN/DE/FR, adjectives where they clearly mean the place) -> ISO code.
COUNTRIES: dict[str, str] = {
    "germany": "DE", "deutschland": "DE", "allemagne": "DE", "german": "DE",
    "france": "FR", "frankreich": "FR", "french": "FR", "französisch": "FR",
    "austria": "AT", "österreich": "AT", "autriche": "AT", "italy": "IT", "italien": "IT",
    "italie": "IT", "spain": "ES", "spanien": "ES", "espagne": "ES", "netherlands": "NL",
    "niederlande": "NL", "pays-bas": "NL", "belgium": "BE", "belgien": "BE", "belgique": "BE",
    "ireland": "IE", "irland": "IE", "irlande": "IE", "poland": "PL", "polen": "PL",
    "pologne": "PL", "sweden": "SE", "schweden": "SE", "suède": "SE", "denmark": "DK",
    "dänemark": "DK", "danemark": "DK", "finland": "FI", "finnland": "FI", "finlande": "FI",
    "portugal": "PT", "czechia": "CZ", "czech republic": "CZ", "tschechien": "CZ",
    "luxembourg": "LU", "luxemburg": "LU", "greece": "GR", "griechenland": "GR",
    "grèce": "GR", "cyprus": "CY", "zypern": "CY", "chypre": "CY", "malta": "MT",
    "estonia": "EE", "latvia": "LV", "lithuania": "LT", "slovakia": "SK", "slovenia": "SI",
    "croatia": "HR", "hungary": "HU", "ungarn": "HU", "romania": "RO", "rumänien": "RO",
    "bulgaria": "BG",
}  # fmt: skip

EU_CITIES: dict[str, str] = {
    # mid-size German and French towns (fresh5: a maker 'based in Fürth' is in the EU)
    "fürth": "DE", "erlangen": "DE", "pforzheim": "DE", "reutlingen": "DE", "tübingen": "DE",
    "bremerhaven": "DE", "schwerin": "DE", "zwickau": "DE", "cottbus": "DE", "wolfsburg": "DE",
    "hildesheim": "DE", "gütersloh": "DE", "hamm": "DE", "siegen": "DE", "kaiserslautern": "DE",
    "ludwigshafen": "DE", "aschaffenburg": "DE", "offenbach": "DE", "hanau": "DE", "fulda": "DE",
    "bayreuth": "DE", "landshut": "DE", "kempten": "DE", "krefeld": "DE", "mönchengladbach": "DE",
    "oberhausen": "DE", "neuss": "DE", "solingen": "DE", "saint-nazaire": "FR", "roubaix": "FR",
    "tourcoing": "FR", "dunkerque": "FR", "calais": "FR", "bayonne": "FR", "colmar": "FR",
    "lorient": "FR", "vannes": "FR", "quimper": "FR", "niort": "FR", "valence": "FR",
    "chambéry": "FR", "troyes": "FR",
    "berlin": "DE", "munich": "DE", "münchen": "DE", "hamburg": "DE", "frankfurt": "DE",
    "cologne": "DE", "köln": "DE", "stuttgart": "DE", "düsseldorf": "DE", "leipzig": "DE",
    "dresden": "DE", "freiburg": "DE", "bielefeld": "DE", "hannover": "DE", "nuremberg": "DE",
    "nürnberg": "DE", "bremen": "DE", "bonn": "DE", "karlsruhe": "DE", "heidelberg": "DE",
    "paris": "FR", "lyon": "FR", "marseille": "FR", "toulouse": "FR", "lille": "FR",
    "nantes": "FR", "bordeaux": "FR", "strasbourg": "FR", "nice": "FR", "rennes": "FR",
    "grenoble": "FR", "montpellier": "FR", "vienna": "AT", "wien": "AT", "graz": "AT",
    "rome": "IT", "milan": "IT", "milano": "IT", "turin": "IT", "madrid": "ES",
    "barcelona": "ES", "amsterdam": "NL", "rotterdam": "NL", "utrecht": "NL",
    "eindhoven": "NL", "the hague": "NL", "brussels": "BE", "brüssel": "BE",
    "bruxelles": "BE", "antwerp": "BE", "dublin": "IE", "warsaw": "PL", "warschau": "PL",
    "krakow": "PL", "stockholm": "SE", "copenhagen": "DK", "helsinki": "FI",
    "lisbon": "PT", "lissabon": "PT", "prague": "CZ", "prag": "CZ", "brno": "CZ",
    "luxembourg": "LU", "athens": "GR", "nicosia": "CY", "limassol": "CY", "tallinn": "EE",
    "riga": "LV", "vilnius": "LT", "bratislava": "SK", "ljubljana": "SI", "zagreb": "HR",
    "budapest": "HU", "bucharest": "RO", "sofia": "BG",
    "konstanz": "DE", "kiel": "DE", "lübeck": "DE", "rostock": "DE", "münster": "DE",
    "dortmund": "DE", "essen": "DE", "duisburg": "DE", "bochum": "DE", "wuppertal": "DE",
    "aachen": "DE", "mainz": "DE", "wiesbaden": "DE", "mannheim": "DE", "augsburg": "DE",
    "regensburg": "DE", "würzburg": "DE", "ulm": "DE", "kassel": "DE", "erfurt": "DE",
    "jena": "DE", "magdeburg": "DE", "potsdam": "DE", "halle": "DE", "chemnitz": "DE",
    "saarbrücken": "DE", "osnabrück": "DE", "oldenburg": "DE", "braunschweig": "DE",
    "göttingen": "DE", "ingolstadt": "DE", "darmstadt": "DE", "heilbronn": "DE", "trier": "DE",
    "koblenz": "DE", "paderborn": "DE", "bamberg": "DE", "passau": "DE", "rosenheim": "DE",
    "leverkusen": "DE", "gelsenkirchen": "DE", "toulon": "FR", "nancy": "FR", "metz": "FR",
    "reims": "FR", "rouen": "FR", "caen": "FR", "brest": "FR", "angers": "FR", "dijon": "FR",
    "tours": "FR", "orléans": "FR", "clermont-ferrand": "FR", "saint-étienne": "FR",
    "amiens": "FR", "limoges": "FR", "perpignan": "FR", "besançon": "FR", "mulhouse": "FR",
    "avignon": "FR", "poitiers": "FR", "annecy": "FR", "pau": "FR", "nîmes": "FR",
    "aix-en-provence": "FR", "villeurbanne": "FR", "linz": "AT", "salzburg": "AT",
    "innsbruck": "AT", "klagenfurt": "AT", "groningen": "NL", "leiden": "NL", "delft": "NL",
    "haarlem": "NL", "maastricht": "NL", "nijmegen": "NL", "tilburg": "NL", "arnhem": "NL",
    "ghent": "BE", "gent": "BE", "liège": "BE", "bruges": "BE", "brugge": "BE", "namur": "BE",
    "charleroi": "BE", "leuven": "BE", "naples": "IT", "napoli": "IT", "florence": "IT",
    "firenze": "IT", "bologna": "IT", "genoa": "IT", "genova": "IT", "venice": "IT",
    "venezia": "IT", "verona": "IT", "palermo": "IT", "bari": "IT", "valencia": "ES",
    "seville": "ES", "sevilla": "ES", "bilbao": "ES", "malaga": "ES", "málaga": "ES",
    "zaragoza": "ES", "porto": "PT", "braga": "PT", "coimbra": "PT", "gdansk": "PL",
    "gdańsk": "PL", "wroclaw": "PL", "wrocław": "PL", "poznan": "PL", "poznań": "PL",
    "lodz": "PL", "łódź": "PL", "ostrava": "CZ", "plzen": "CZ", "plzeň": "CZ",
    "gothenburg": "SE", "göteborg": "SE", "malmö": "SE", "uppsala": "SE", "aarhus": "DK",
    "odense": "DK", "espoo": "FI", "tampere": "FI", "turku": "FI", "cork": "IE", "galway": "IE",
    "limerick": "IE", "thessaloniki": "GR", "patras": "GR", "debrecen": "HU", "szeged": "HU",
    "cluj-napoca": "RO", "timișoara": "RO", "timisoara": "RO", "iasi": "RO", "iași": "RO",
    "plovdiv": "BG", "varna": "BG", "košice": "SK", "kosice": "SK", "maribor": "SI",
    "rijeka": "HR", "kaunas": "LT", "tartu": "EE", "valletta": "MT", "larnaca": "CY",
    "paphos": "CY",
}  # fmt: skip

NON_EU_PLACES: frozenset[str] = frozenset(
    {
        "usa", "us", "u.s.", "united states", "america", "california", "texas",
        "new york", "san francisco", "seattle", "boston", "austin", "chicago", "los angeles",
        "silicon valley", "china", "beijing", "shanghai", "shenzhen", "japan", "tokyo",
        "korea", "seoul", "india", "bangalore", "uk", "united kingdom", "britain", "london",
        "england", "scotland", "switzerland", "zurich", "zürich", "geneva", "schweiz",
        "suisse", "israel", "tel aviv", "canada", "toronto", "singapore",
        "vereinigten staaten", "états-unis", "etats-unis",
    }
)  # fmt: skip
