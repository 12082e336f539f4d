"""What the AI product is, from the narrative's words: an AI system at all, what it comes as
(device, app, online service), an AI Act Annex I product family, third-party assessment,
transparency triggers (Art 50) and an obvious malfunction in normal use (PLD_2024 Art 10(2)(c)).

Each fact carries the clause it was read from. Cues are deliberately narrow: a product noun
counts as the product only where the harm is physical, a family of Annex I only for words that
name it unambiguously (a "lift" can be a verb, a "vessel" a tank), and nothing is set when the
narrative says the cause is open.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.chain.extract.candidates import FactCandidate
from assistant.chain.extract.text import Sentence, clause_around, negated_before, words_re
from assistant.facts import AnnexIProduct, ProductKind
from assistant.vocabulary import Harm, IncidentCause

__all__ = ["product_facts"]

# "AI" written as a word or closing a brand ("UndressAI"), case-sensitive ("ai" inside words is
# not it), except where it names a law or an authority rather than the system.
AI_TOKEN = re.compile(
    r"(?:(?<=[a-z'’])|(?<![\w-]))(?:AI|KI|IA)(?![\w])"
    r"(?!\s*(?:Act|Liability|Office|-Verordnung|Regulation|Pact|Board)\b)"
)
AI_WORDS = words_re(
    r"\b(?:artificial intelligence|künstliche\w* intelligenz|intelligence artificielle|"
    r"(?:detection|recognition|classification|prediction|perception|vision|scoring|ranking|"
    r"recommendation|avoidance|language|speech|voice|ml|machine[- ]learning|neural|trained|"
    r"foundation|generative|predictive|risk) models?|self-learning|selbstlernend\w*|"
    r"ai-(?:powered|driven|based|enabled|generated)|ki-(?:gestützt\w*|basiert\w*)|"
    r"algorithm(?:e|s)? (?:trained|that learns)|trained (?:algorithm|model|network)|nudify|"
    r"undress\w*|deep ?fakes?|autonomous(?:ly)?|autonom\w*|self-driving|driverless|"
    r"steers itself|selbstfahrend\w*|fahrerlos\w*|lane-keeping|autopilot|driver[- ]assistance|"
    r"adaptive cruise|voice[- ]clon\w*|modèles? de langage|modèle d'ia|sprachmodell\w*)\b"
)

_DEVICE = words_re(
    r"\b(?!(?:device|robot\w*) (?:software|app)\b)(?:device|appliance|gadget|robot\w*|mower|vacuum|drone|car|vehicle|shuttle|bus|truck|"
    r"tractor|e-?bikes?|bicycle|bike|e-?scooters?|scooter|wheelchair|toy|doll|teddy|baby monitor|"
    r"camera|(?:door |smart )?lock|thermostat|heater|boiler|radiator|oven|fryer|kettle|fridge|"
    r"washing machine|dishwasher|smart speaker|speaker|smartwatch|watch|wearable|glasses|headset|"
    r"hearing aid|pacemaker|insulin pump|implant|sensor|controller|machine(?![- ]learning)|forklift|"
    r"elevator|(?:de)?humidifier|purifier|fan heater|air conditioner|dryer|toothbrush|grill|"
    r"coffee machine|blender|microwave|cooktop|hob|"
    r"charger|battery|lamp|smoke (?:detector|alarm)|helmet|pump|stove|cooker|"
    r"gerät\w*|roboter\w*|fahrzeug\w*|rasenmäher\w*|heizung\w*|heizgerät\w*|thermostat\w*|"
    r"spielzeug\w*|türschloss\w*|schloss|auto|fahrrad|appareil\w*|véhicule\w*|trottinette\w*|"
    r"vélo\w*|jouet\w*|friteuse\w*|chaudière\w*|serrure\w*|radiateur\w*|aspirateur\w*|"
    r"tondeuse\w*)\b"
)
_APP = words_re(
    r"\b(?:(?:mobile |smartphone |phone |desktop )?apps?|application software|software|program|"
    r"plug-?in|browser extension|anwendung|software\w*|logiciel\w*|appli(?:cation)?)\b"
)
_SERVICE = words_re(
    r"\b(?:online service|cloud service|web service|saas|software[- ]as[- ]a[- ]service|"
    r"platform|api|web ?app|website|online tool|chatbot|chat assistant|(?:ai |online |digital )"
    r"(?:\w+ )?service|subscription service|online-dienst\w*|plattform|service en ligne|"
    r"plateforme)\b"
)
_FIRMWARE = words_re(r"\b(?:firmware|embedded software|on-board (?:software|computer))\b")

# Annex I families named unambiguously (vehicles only with a driving-automation word; "lift"
# only as a noun phrase; e-bikes and e-scooters are outside the vehicle type-approval acts).
_ANNEX_I: tuple[tuple[AnnexIProduct, re.Pattern[str]], ...] = (
    (
        AnnexIProduct.MOTOR_VEHICLES,
        words_re(
            r"\b(?:(?:driverless|self-driving|autonomous|automated|robo-?)(?: \w+)? (?:cars?|"
            r"vehicles?|shuttles?|bus(?:es)?|trucks?|lorr(?:y|ies)|taxis?)|robo-?taxis?|"
            r"automated driving system|driver[- ]assist\w*|lane[- ]keeping|emergency braking "
            r"system|autopilot|type-approved (?:car|vehicle|bus|shuttle)|autonome\w* fahrzeug\w*|"
            r"selbstfahrend\w*|fahrerlos\w*|véhicule\w* autonome\w*|voiture\w* autonome\w*|"
            r"navette\w* autonome\w*)\b"
        ),
    ),
    (
        AnnexIProduct.TWO_THREE_WHEEL_VEHICLES,
        words_re(r"\b(?:motorcycles?|motorbikes?|mopeds?|quad ?bikes?|motorrad\w*|moto)\b"),
    ),
    (
        AnnexIProduct.AGRICULTURAL_VEHICLES,
        words_re(r"\b(?:tractors?|combine harvesters?|traktor\w*|tracteur\w*)\b"),
    ),
    (
        AnnexIProduct.CIVIL_AVIATION,
        words_re(r"\b(?:drones?|unmanned aircraft|uavs?|drohne\w*)\b"),
    ),
    (
        AnnexIProduct.LIFTS,
        words_re(
            r"\b(?:elevators?|passenger lifts?|goods lifts?|lift (?:car|cabin|shaft|doors?)|"
            r"aufzug\w*|fahrstuhl\w*|ascenseur\w*)\b"
        ),
    ),
    (
        AnnexIProduct.TOYS,
        words_re(
            r"\b(?:toys?|teddy|teddies|dolls?|plush toy|stuffed animal|spielzeug\w*|kuscheltier\w*|"
            r"jouets?|peluches?|poupées?)\b"
        ),
    ),
    (
        AnnexIProduct.MEDICAL_DEVICE,
        words_re(
            r"\b(?:pacemakers?|insulin pumps?|infusion pumps?|ventilators?|hearing aids?|"
            r"surgical robots?|medical device software|herzschrittmacher\w*|insulinpumpe\w*|"
            r"(?:class (?:i{1,3}|iia|iib)|klasse (?:i{1,3}|iia|iib)|classe (?:i{1,3}|iia|iib)) "
            r"(?:medical )?(?:device|medizinprodukt|dispositif)\w*|(?:insulin|infusion) dosing|"
            r"closed[- ]loop (?:insulin|glucose)|defibrillators?|defibrillator\w*|"
            r"hörgerät\w*|beatmungsgerät\w*|infusionspumpe\w*|stimulateur\w* cardiaque\w*|"
            r"pompes? à insuline|défibrillateur\w*|diagnostic software|diagnosesoftware|"
            r"logiciel de diagnostic|dispositifs? (?:médica(?:l|ux) )?de classe (?:i{1,3}|iia|iib)|"
            r"medizinprodukt\w* der klasse (?:i{1,3}|iia|iib))\b"
        ),
    ),
    (
        AnnexIProduct.IN_VITRO_DIAGNOSTIC,
        words_re(r"\b(?:in[- ]vitro diagnostic\w*|ivd)\b"),
    ),
    (
        AnnexIProduct.RAIL,
        words_re(
            r"\b(?:railway|railroad|rail network|trams?|locomotives?|eisenbahn\w*|"
            r"straßenbahn\w*|ferroviaire\w*)\b"
        ),
    ),
    (
        AnnexIProduct.CABLEWAY,
        words_re(
            r"\b(?:cable cars?|ski lifts?|chairlifts?|gondola lifts?|seilbahn\w*|"
            r"téléphérique\w*)\b"
        ),
    ),
    (
        AnnexIProduct.MACHINERY,
        words_re(
            r"\b(?:industrial robots?|collaborative robots?|cobots?|robot arms?|robotic arms?|"
            r"forklifts?|gabelstapler\w*|industrieroboter\w*|roboterarm\w*|cnc[- ]\w+|"
            r"(?:hydraulic |stamping |punch )presses|pressen?straße|machine-outils?|"
            r"chariots? élévateurs?|bras robotisés?|robots? industriels?|"
            r"(?:packaging|sawing|milling|cutting|woodworking) machines?|"
            r"(?:verpackungs|säge|fräs|holzbearbeitungs)maschine\w*)\b"
        ),
    ),
    (
        AnnexIProduct.PERSONAL_PROTECTIVE_EQUIPMENT,
        words_re(
            r"\b(?:personal protective equipment|fall (?:arrest|protection) (?:harness|system)\w*|"
            r"(?:smart )?safety helmets?|respirators?|persönliche\w* schutzausrüstung|"
            r"schutzhelm\w*|atemschutz\w*|équipements? de protection individuelle)\b"
        ),
    ),
    (
        AnnexIProduct.PRESSURE_EQUIPMENT,
        words_re(
            r"\b(?:pressure (?:vessels?|equipment)|autoclaves?|druckbehälter\w*|druckgerät\w*|"
            r"équipements? sous pression|récipients? sous pression)\b"
        ),
    ),
    (
        AnnexIProduct.RECREATIONAL_CRAFT,
        words_re(
            r"\b(?:jet ?skis?|personal watercraft|(?:motor|sailing) yachts?|recreational "
            r"(?:craft|boats?)|sportboot\w*|motorboot\w*|bateaux? de plaisance|jet-?ski)\b"
        ),
    ),
    (
        AnnexIProduct.MARINE_EQUIPMENT,
        words_re(
            r"\b(?:ship['’]?s? (?:autopilot|navigation|radar|bridge)|marine (?:equipment|"
            r"navigation)|schiffs(?:autopilot|navigation|radar)\w*|équipements? marins?)\b"
        ),
    ),
    (
        AnnexIProduct.ATEX_EQUIPMENT,
        words_re(
            r"\b(?:explosive atmospheres?|atex|explosionsgeschützt\w*|ex-schutz|"
            r"atmosphères? explosibles?)\b"
        ),
    ),
    (
        AnnexIProduct.GAS_APPLIANCES,
        words_re(
            r"\b(?:gas (?:boilers?|heaters?|stoves?|cookers?|appliances?|hobs?)|"
            r"gasheizung\w*|gasherd\w*|chaudière\w* à gaz)\b"
        ),
    ),
)
_THIRD_PARTY_YES = words_re(
    r"\b(?:type-?approv\w+|type approval|typgenehmig\w*|réception par type|eu type-examination|"
    r"certified by (?:a |the )?(?:notified body|tüv)|notified body (?:certified|approved|"
    r"assessed|checked))\b"
)
_THIRD_PARTY_NO = words_re(
    r"\b(?:self-certif\w+|self-assess\w+|self-declar\w+|(?:did|carried out|performed) the (?:ce )?"
    r"conformity assessment (?:itself|themselves|in-house)|selbst zertifiziert|auto-certifi\w+)\b"
)

_CHAT = words_re(
    r"\b(?:chat ?bots?|chat assistant|companion (?:app|bot|chatbot)|voice ?bots?|voice agents?|"
    r"voice assistants?|virtual (?:assistant|agent)s?|digital assistants?|ai assistants?|"
    r"conversational (?:ai|agent|assistant)|customer[- ](?:service|support) (?:bot|agent|"
    r"assistant)s?|avatar|sprachassistent\w*|ki-assistent\w*|agent conversationnel|assistant "
    r"(?:vocal|virtuel)|chat-?assistent\w*|sprachbot\w*|telefonbot\w*|callbot\w*|"
    r"robot conversationnel|assistant conversationnel)\b"
)
_GENERATES = words_re(
    r"\b(?:generat\w+ (?:\w+ ){0,2}(?:images?|pictures?|photos?|videos?|audio|voices?|texts?|"
    r"articles?|music|songs?|nude\w*)|image generator|text-to-(?:image|video|speech)|"
    r"deep ?fakes?|synthetic (?:voice|images?|videos?|media|content)|ai-generated|voice[- ]clon\w+|"
    r"clon\w+ (?:her|his|my|the) voice|fake (?:nude )?(?:pictures?|images?|photos?|videos?)|"
    r"bildgenerator\w*|gefälschte\w* (?:bilder|fotos|videos)|génér\w+ des (?:images|vidéos)|"
    r"talking (?:video )?avatars?|(?:video|voice) avatars?|face[- ]swap\w*|lip[- ]sync\w*|"
    r"stimmklon\w*|(?:ki-)?generierte\w* (?:bild|bilder|fotos?|videos?|stimmen?|texte?)\b|"
    r"hypertrucage\w*|(?:vidéo|image|voix)s? (?:générée?s?|truquée?s?) par (?:l['’])?ia|"
    r"clonage (?:de la )?voix|"
    r"(?:synthetic|synthetische\w*|synthétique\w*) (?:stimme|voix|video|vidéo)\w*)\b"
)

# Failure cues for any product; fire and heat only where the product is a device (a reactor
# overheating after a software outage is not the software's own malfunction).
_MALFUNCTION = words_re(
    r"\b(?:(?:by|of) itself|(?:turned|switched|started) itself (?:on|off)|on its own(?! (?:\w+ "
    r")?(?:data|initiative|brand|name|account|behalf|"
    r"servers?|infrastructure|model|terms|premises))|of its own accord|unprompted|for no "
    r"(?:apparent )?reason|without (?:any )?(?:command|input|reason|warning)|in (?:normal|"
    r"ordinary) use|during normal (?:use|operation)|under (?:normal|ordinary) (?:conditions|"
    r"circumstances)|suddenly (?:accelerat|brak|swerv|turn|start|stopp|jolt|veer|steer)\w*|(?:had )?"
    r"only asked (?:it )?to|nobody asked for|without being asked|von selbst|bei normale[rm] "
    r"(?:nutzung|gebrauch|betrieb)|tout seul\w*|en utilisation normale)\b"
)
_DEVICE_ERROR = words_re(
    r"\b(?:misread|misclassified|misjudged|misidentified|mistook|classified (?:the |a )?"
    r"(?:child|person|man|woman|cyclist|pedestrian|dog)\b|drove out of its|left its (?:mapped|"
    r"designated|permitted) (?:area|zone)|ran (?:the \w+ )?all night|failed to (?:detect|"
    r"recognise|recognize|stop|brake))"
)
_DEVICE_FAILURE = words_re(
    r"\b(?:overheat\w*|caught fire|burst into flames|exploded|short-circuit\w*|melted|"
    r"überhitz\w*|in brand geraten|surchauff\w+|pris feu)\b"
)
_CAUSE_OPEN = words_re(
    r"\b(?:cause is (?:open|unclear|unknown|disputed|not (?:yet )?known)|unclear (?:why|whether)|"
    r"not clear (?:why|whether)|pothole|disputes? (?:that|whether)|denies (?:any|that)|"
    r"ursache (?:ist )?(?:unklar|offen)|cause (?:est )?inconnue)\b"
)
_HEDGED = words_re(
    r"\b(?:seems?|seemed|apparently|may have|might have|possibly|allegedly|probably|"
    r"supposedly|scheinbar|anscheinend|vermutlich|apparemment|semble)\b"
)
_PHYSICAL_HARMS = {Harm.PERSONAL_INJURY, Harm.PROPERTY}
_NOT_NORMAL_USE = {IncidentCause.MISUSE, IncidentCause.CYBERATTACK, IncidentCause.DATA_POISONING}


def _quote(text: str, s: Sentence, m: re.Match[str]) -> str:
    q0, q1 = clause_around(text, s.start + m.start(), s.start + m.end())
    return text[q0:q1]


def _first(
    sentences: Iterable[Sentence], pattern: re.Pattern[str]
) -> tuple[Sentence, re.Match[str]] | None:
    for s in sentences:
        for m in pattern.finditer(s.text):
            if not negated_before(s.text, m.start()):
                return s, m
    return None


def _fact(
    text: str, hit: tuple[Sentence, re.Match[str]], path: str, value: object
) -> FactCandidate:
    return FactCandidate(path, value, _quote(text, *hit))


def _ai(text: str, sentences: list[Sentence]) -> list[FactCandidate]:
    hit = _first(sentences, AI_TOKEN) or _first(sentences, AI_WORDS)
    return [_fact(text, hit, "ai.is_ai_system", True)] if hit else []


def _noun_phrase(s: Sentence, m: re.Match[str]) -> str | None:
    """The product noun as the text names it: the cue word with one modifier before it and a
    second device word after it ("air fryer", "robot lawn mower"), in lower case."""
    words = [m.group(0)]
    before = re.search(r"([a-z][a-z-]{2,})\s+$", s.text[: m.start()])
    if before and before.group(1) not in _NOT_MODIFIER:
        words.insert(0, before.group(1))
    after = None
    if m.re is _DEVICE:
        gap = re.match(r"\s+(?:[a-z-]+\s+)?", s.text[m.end() : m.end() + 30])
        after = _DEVICE.match(s.text, m.end() + gap.end()) if gap else None
    if after and after.start() - m.end() < 20:
        words = [*words, *s.text[m.end() : after.end()].split()]
    head = m.group(0).casefold()
    for foreign, english in _IN_ENGLISH.items():
        if head.startswith(foreign):
            return english  # questions are in English: the device's English name alone
    name = " ".join(w.strip("\"“”'") for w in words).strip().casefold()
    if name.endswith("s") and _DEVICE.fullmatch(name.split()[-1][:-1]):
        name = name[:-1]  # "e-scooters" -> "e-scooter"
    return name if 2 < len(name) <= 40 else None


_IN_ENGLISH = {
    "türschloss": "smart lock", "schloss": "lock", "rasenmäher": "lawn mower",
    "heizgerät": "heater", "heizung": "heater", "wasserkocher": "kettle", "fahrzeug": "vehicle",
    "fahrrad": "bike", "spielzeug": "toy", "roboter": "robot", "gerät": "device",
    "trottinette": "e-scooter", "vélo": "bike", "friteuse": "air fryer", "serrure": "lock",
    "aspirateur": "vacuum cleaner", "tondeuse": "lawn mower", "radiateur": "radiator",
    "chaudière": "boiler", "jouet": "toy", "appareil": "device", "véhicule": "vehicle",
}  # fmt: skip
_COMPONENT_WORDS = frozenset({"controller", "sensor", "camera", "charger", "battery", "pump"})


_NOT_MODIFIER = frozenset(
    {"the", "a", "an", "my", "her", "his", "its", "our", "their", "your", "this", "that", "new",
     "used", "old", "same", "one", "each", "every", "whose", "which", "own", "and", "or",
     "with", "of", "for", "from", "by", "in", "on", "to", "at"}
)  # fmt: skip


def _kind(text: str, sentences: list[Sentence], harms: set[Harm]) -> list[FactCandidate]:
    """Device where the harm is physical; otherwise the first app or online-service word."""
    device = _first(sentences, _DEVICE) or _first(sentences, _FIRMWARE)
    if device and device[1].group(0).casefold() in _COMPONENT_WORDS:
        # "the AI speed controller of his e-scooter": the product is the scooter
        whole = next((m for m in _DEVICE.finditer(device[0].text)
                      if m.group(0).casefold() not in _COMPONENT_WORDS), None)  # fmt: skip
        device = (device[0], whole) if whole else device
    if device and harms & _PHYSICAL_HARMS:
        out = [_fact(text, device, "product.kind", ProductKind.PHYSICAL_PRODUCT.value)]
        name = _noun_phrase(*device) if device[1].re is _DEVICE else None
        if name:
            out.append(_fact(text, device, "product.name", name))
        return out
    found = []
    for kind, pattern in ((ProductKind.STANDALONE_SOFTWARE, _APP), (ProductKind.SAAS, _SERVICE)):
        hit = _first(sentences, pattern)
        if hit:
            found.append((hit[0].start + hit[1].start(), kind, hit))
    if not found:
        return []
    _, kind, hit = min(found, key=lambda x: x[0])
    out = [_fact(text, hit, "product.kind", kind.value)]
    named = _first(sentences, _CHAT) or _first(sentences, _APP)
    hit = named if named and named[1].group(0).casefold().split()[-1] in _SOFTWARE_NAMES else hit
    noun = hit[1].group(0).casefold().split()[-1]
    if noun in _SOFTWARE_NAMES:
        out.append(_fact(text, hit, "product.name", _SOFTWARE_NAMES[noun]))
    return out


_SOFTWARE_NAMES = {
    "chatbot": "chatbot", "bot": "chatbot", "assistant": "assistant", "agent": "voice agent",
    "app": "app", "apps": "app", "software": "software",
    "platform": "platform", "service": "service", "tool": "tool", "api": "API",
    "website": "website", "program": "program", "application": "application",
}  # fmt: skip


def _annex_i(text: str, sentences: list[Sentence]) -> list[FactCandidate]:
    out: list[FactCandidate] = []
    for family, pattern in _ANNEX_I:
        hit = _first(sentences, pattern)
        if hit:
            out.append(_fact(text, hit, "ai.annex_i_product", True))
            out.append(_fact(text, hit, "ai.annex_i_product_type", family.value))
            break
    yes, no = _first(sentences, _THIRD_PARTY_YES), _first(sentences, _THIRD_PARTY_NO)
    if yes and not no:
        out.append(_fact(text, yes, "ai.third_party_conformity", True))
    elif no and not yes:
        out.append(_fact(text, no, "ai.third_party_conformity", False))
    return out


# A deep fake (Art 50(4)) by what it shows: a real person made to say or do something, or
# content published without saying it was generated.
_DEEPFAKE = words_re(
    r"\b(?:deep ?fakes?|hypertrucage\w*|fake (?:video|audio|recording|image|photo)s?|"
    r"gefälschte\w* (?:video|bild|foto|aufnahme)\w*|(?:vidéo|image|photo)s? truquée?s?|"
    r"(?:video|clip|audio|recording|image|photo|vidéo|aufnahme|bild) (?:of|von|de) (?:the |a |"
    r"der |des |dem |du |de la |la |le )?(?:\w+ ){0,3}(?:mayor|politician|minister|candidate|"
    r"ceo|singer|actor|actress|bürgermeister\w*|politiker\w*|ministerin|maire|ministre|"
    r"candidat\w*|député\w*)\b[^.;]{0,80}?[\"“„«]?(?:admitting|saying|claiming|confessing|"
    r"zugibt|gesteht|sagt|avouant|affirmant)|(?:without|ohne|sans) (?:saying|disclosing|"
    r"labell?ing|mentioning|stating|kennzeichn\w*|hinweis\w*|préciser|indiquer|mentionner)"
    r"\b[^.;]{0,40}?\b(?:ai-generated|ai generated|künstlich erzeugt|ki-generiert|généré\w* par|"
    r"synthetic|fake|artificiel\w*))"
)


def _transparency(text: str, sentences: list[Sentence]) -> list[FactCandidate]:
    out: list[FactCandidate] = []
    fake = _first(sentences, _DEEPFAKE)
    if fake:
        out.append(_fact(text, fake, "ai.deepfake", True))
        out.append(_fact(text, fake, "ai.generates_synthetic_content", True))
    chat = _first(sentences, _CHAT)
    if chat:
        out.append(_fact(text, chat, "ai.interacts_with_persons", True))
    made = _first(sentences, _GENERATES)
    if made:
        out.append(_fact(text, made, "ai.generates_synthetic_content", True))
    return out


def _malfunction(
    text: str,
    sentences: list[Sentence],
    harms: set[Harm],
    causes: set[IncidentCause],
    kind: ProductKind | None,
) -> list[FactCandidate]:
    """PLD_2024 Art 10(2)(c): the product failed by itself in normal use (not when the cause is
    said to be open, or the harm came from misuse or an attack)."""
    if not harms or causes & _NOT_NORMAL_USE or any(_CAUSE_OPEN.search(s.text) for s in sentences):
        return []
    hit = _first(sentences, _MALFUNCTION)
    if hit is None and kind is ProductKind.PHYSICAL_PRODUCT:
        hit = _first(sentences, _DEVICE_FAILURE)
    if hit is None and kind is ProductKind.PHYSICAL_PRODUCT and harms & _PHYSICAL_HARMS:
        # a device that misread its surroundings and hurt someone or damaged things in
        # ordinary use: an obvious malfunction on the facts told
        hit = _first(sentences, _DEVICE_ERROR)
    if hit is None or _HEDGED.search(hit[0].text):
        return []  # "seems to have misjudged": not told as a plain malfunction
    return [_fact(text, hit, "incident.obvious_malfunction", True)]


_INCIDENT_NOUN = words_re(
    r"\b(?:fire|explosion|crash|collision|accident|fall|burglary|break-in|outage|data breach|"
    r"breach|leak|attack|cyberattack|unfall|einbruch|cyberangriff|incendie|accident|"
    r"cambriolage|fuite)\b"
)
_INCIDENT_EN = {
    "unfall": "accident", "einbruch": "burglary", "cyberangriff": "attack",
    "incendie": "fire", "cambriolage": "burglary", "fuite": "leak", "cyberattack": "attack",
    "data breach": "data breach", "break-in": "break-in",
}  # fmt: skip


def _incident_noun(text: str, sentences: list[Sentence]) -> list[FactCandidate]:
    """What kind of event it was ("the fire"), for questions that name it."""
    hit = _first(sentences, _INCIDENT_NOUN)
    if hit is None:
        return []
    word = " ".join(hit[1].group(0).casefold().split())
    return [_fact(text, hit, "incident.description", "the " + _INCIDENT_EN.get(word, word))]


def product_facts(
    text: str,
    sentences: list[Sentence],
    harms: set[Harm],
    causes: set[IncidentCause],
    known: set[str],
    known_kind: ProductKind | None = None,
) -> list[FactCandidate]:
    """Product and AI Act classification facts; ``known`` = paths already proposed."""
    out = []
    if "ai.is_ai_system" not in known:
        out += _ai(text, sentences)
    if "product.kind" not in known:
        out += _kind(text, sentences, harms)
    if "ai.annex_i_product" not in known:
        out += [f for f in _annex_i(text, sentences) if f.path not in known]
    out += [f for f in _transparency(text, sentences) if f.path not in known]
    if "incident.description" not in known:
        out += _incident_noun(text, sentences)
    kinds = [f.value for f in out if f.path == "product.kind"]
    kind = ProductKind(kinds[0]) if kinds else known_kind
    out += _malfunction(text, sentences, harms, causes, kind)
    return out
