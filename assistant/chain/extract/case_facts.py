"""Harms, incident causes and the other case facts the patterns can state with confidence.

Every fact carries the clause it was read from. A cue inside a negation ("nobody was hurt",
"no personal data") either does not count or, where the negation itself is the fact, sets the
fact to false ("no notified body was involved" -> no third-party conformity assessment).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.chain.extract.amounts import find_amounts
from assistant.chain.extract.candidates import FactCandidate
from assistant.chain.extract.lexicon_facts import (
    ANNEX_III_CUES,
    ANNEX_III_VETO,
    CAUSE_CUES,
    HARM_CUES,
    NEGATION_BUILT_IN,
    PROPERTY_VETO,
)
from assistant.chain.extract.lexicon_roles import GPAI_WORDS
from assistant.chain.extract.text import Sentence, clause_around, negated_before, words_re
from assistant.facts import AnnexIProduct, PracticeFlag
from assistant.vocabulary import Harm

__all__ = ["cause_facts", "harm_facts", "system_facts"]

_F = re.IGNORECASE
_PRIVATE = words_re(
    r"\b(?:private(?:ly)?|personal use|family photos|privat\w*|privée?s?|usage personnel)\b"
)
_PROFESSIONAL = words_re(
    r"\b(?:business (?:records|data|files|use)|for work|work laptop|company (?:data|laptop|"
    r"servers?|files)|prod(?:uction)? (?:db|database)|professional use|beruflich\w*|"
    r"geschäftlich\w*|firmendaten|usage professionnel)\b"
)
_AI_NO = words_re(
    r"\b(?:no (?:machine )?learning|not (?:an? )?ai\b|no (?:ai|model)\b|fixed (?:temperature )?"
    r"(?:rules?|program(?:me)?|thresholds?|limits?)|rule-based|hard-coded|if-then rules|"
    r"regelbasiert|feste[n]? regeln|keine ki|pas d'ia|(?:learns|learned) nothing|does(?:n't| not)"
    r" learn|(?:user|manually)[- ]set (?:thresholds?|limits?)|lernt (?:nichts|nicht)|"
    r"(?:feste[nr]?|fest eingestellte[nr]?|starre[nr]?) (?:grenzwert|schwellenwert|schwelle|"
    r"programm|zeitplan)\w*|(?:grenzwerte|schwellenwerte) (?:stellt|legt) (?:man|der nutzer|"
    r"die nutzerin) selbst|n['’]apprend (?:rien|pas)|(?:seuils?|règles?) fixes?|"
    r"(?:seuils?|règles?) (?:prédéfini|réglé)\w* par l['’]utilisat\w+)"
)
_AI_YES = words_re(
    r"\b(?:machine learning|neural net(?:work)?s?|deep learning|language models?|llms?|"
    r"lernende[nms]? (?:modell|system|algorithmus|software)\w*|selbstlernend\w*|"
    r"(?:facial|face) recognition|gesichtserkennung\w*|gesichtssuch\w*|reconnaissance faciale|"
    r"intelligence artificielle|artificial intelligence|künstliche\w* intelligenz|"
    r"trained (?:on|with)|learns|computer vision|ai models?|ki-modell\w*|ki-system\w*|"
    r"künstliche intelligenz|neuronale\w* netz\w*|maschinelles lernen|lernt|apprentissage "
    r"automatique|réseau de neurones|chatbot|classifier)\b"
)
_PERSONAL_DATA = words_re(
    r"\b(?:personal data|personal information|customer (?:transaction )?(?:data|records)|"
    r"cv[- ]screening|(?:screen|rank|scor|rate|profil|flag)\w* (?:\w+ ){0,2}(?:applicants|"
    r"candidates|customers|patients|employees|workers|students|recipients|tenants)|"
    r"(?:her|his|their|my) (?:\w+ )?(?:nationality|postcode|home address|address|phone number|"
    r"date of birth|(?:instagram |social media )?(?:photos|pictures)|account data|salary)|"
    r"(?:my|her|his|their) (?:[\w-]+ ){0,2}(?:data|records)\b|"
    r"nationality and postcode|applicant data|account data|transaction (?:data|records)|"
    r"patient (?:data|records)|"
    r"health data|applicants'? (?:data|cvs)|cvs|photos of (?:her|him|people|faces)|facial|"
    r"biometric|face recognition|personenbezogene\w* daten|kundendaten|patientendaten|"
    r"gesundheitsdaten|gesichtserkennung|données personnelles|"
    r"(?:videos?|photos?|images?|pictures?|recordings?|voice samples?|voices?) of (?:the |a |an )?"
    r"(?:\w+ ){0,3}(?:mayor|politician|minister|candidate|person|people|customers?|employees?|"
    r"patients?|children|her|him|them|me)\b|(?:video|foto|bild|aufnahme)\w* (?:von|des|der) "
    r"(?:\w+ ){0,2}(?:bürgermeister\w*|politiker\w*|kund\w*|mitarbeiter\w*)|(?:vidéo|photo|"
    r"image|enregistrement)s? (?:du|de la|des) (?:\w+ ){0,2}(?:maire|ministre|candidat\w*|"
    r"client\w*|salarié\w*))"
)
_CHATBOT = words_re(
    r"\b(?:chatbot|chat assistant|companion (?:app|bot|chatbot)|voice ?bot|virtual assistant|"
    r"(?:support|service|help|sales|booking|customer|ai) ?bots?|"
    r"conversational (?:ai|agent))\b"
)
_EMOTION = words_re(
    r"\b(?:emotion (?:recognition|detection|analysis|analytics|ai)|(?:detect|recogni[sz]|infer|"
    r"read|analy[sz])\w* (?:\w+ ){0,4}(?:emotions?|moods?|feelings|stress levels?)|"
    r"(?:mood|emotion|sentiment|stress) scores?|emotionserkennung|(?:emotion|stimmung|gefühl)\w* "
    r"(?:\w+ ){0,3}(?:erkenn|erfass|auswert|analysier)\w*|(?:erkenn|erfass|analysier|"
    r"auswert)\w* (?:\w+ ){0,4}(?:emotionen|gefühle|stimmung)|stimmungs(?:wert|score|index)\w*|"
    r"reconnaissance des émotions|(?:détect|analys|reconna[iî]t|mesur)\w* (?:\w+ ){0,4}"
    r"(?:émotions?|humeurs?|stress)|(?:score|indice) d['’](?:humeur|émotion)\w*)\b"
)
# Art 5(1)(f): the setting that makes emotion recognition a prohibited practice.
_WORK_OR_SCHOOL = words_re(
    r"\b(?:employees?|workers?|staff|colleagues?|call (?:cent(?:er|re)|agents?)|employer|"
    r"at work|workplace|shifts?|bonus(?:es)?|students?|pupils?|classroom|lessons?|"
    r"beschäftigte\w*|mitarbeite\w*|kolleg\w*|arbeitgeber\w*|arbeitsplatz\w*|prämie\w*|"
    r"schüler\w*|studierende\w*|unterricht\w*|salarié\w*|employé\w*|collègues?|employeur\w*|"
    r"téléconseill\w*|centre d['’]appels|primes?|élèves?|étudiant\w*|en classe)\b"
)
_MEDICAL_OR_SAFETY = words_re(
    r"\b(?:fatigue detection|drowsiness|müdigkeitserkennung|therap\w+|medical (?:purpose|"
    r"reasons?)|for safety reasons|aus sicherheitsgründen|raisons médicales|somnolence)\b"
)
# Other Art 5(1) practices named by what they do (EN/DE/FR).
_PRACTICES: tuple[tuple[PracticeFlag, re.Pattern[str]], ...] = (
    (
        PracticeFlag.SOCIAL_SCORING,
        words_re(
            r"\b(?:social scor\w+|citizen scor\w+|trustworthiness scor\w+|sozial(?:punkte|"
            r"kredit\w*|score\w*)|bürger(?:score|punkte)\w*|(?:notation|score|crédit) social\w*)\b"
        ),
    ),
    (
        PracticeFlag.FACIAL_SCRAPING,
        words_re(
            r"\b(?:scrap\w+ (?:\w+ ){0,4}(?:faces|facial images|face images|photos|selfies|"
            r"pictures)\b[^.;]{0,60}?\b(?:internet|social media|cctv|web|instagram|online)|"
            r"(?:gesichts)?bilder\w* (?:\w+ ){0,4}(?:aus dem internet|aus sozialen netzwerken) "
            r"(?:\w+ ){0,3}(?:gesammelt|gescrapt|abgegriffen)|aspir\w+ (?:\w+ ){0,3}(?:photos|"
            r"visages)\b[^.;]{0,40}?\b(?:internet|réseaux sociaux))"
        ),
    ),
    (
        PracticeFlag.BIOMETRIC_CATEGORISATION_SENSITIVE,
        words_re(
            r"\b(?:infer|deduc|predict|categori[sz]|classif|determin|erkenn|ableit|bestimm|"
            r"déduire|dédui|détermin)\w* (?:\w+ ){0,4}(?:sexual orientation|religio\w+|political "
            r"(?:opinions?|views|leanings)|ethnic\w*|trade union membership|sexuelle\w* "
            r"orientierung|politische\w* (?:einstellung|meinung)|orientation sexuelle|opinions? "
            r"politiques?)\b[^.;]{0,60}?\b(?:faces?|facial|photos?|images|biometric\w*|"
            r"gesicht\w*|visages?)"
        ),
    ),
)
_CRIME_PREDICTION = words_re(
    r"\b(?:(?:predict|assess|forecast|vorhersag|prognostizier|prédi)\w* (?:\w+ ){0,4}"
    r"(?:risk|likelihood|probability|wahrscheinlichkeit|risiko|risque)\w* (?:\w+ ){0,3}"
    r"(?:committing|commit|to commit|begehen|commettre)|kriminalitätsprognose)\b"
)
_SOLELY_PROFILE = words_re(
    r"\b(?:solely|only|purely|ausschließlich|allein|nur|uniquement|seulement)\b[^.;]{0,40}?"
    r"\b(?:profil\w*|personality|persönlichkeit\w*|personnalité|traits?|merkmal\w*)"
)
_REALTIME_FACES = words_re(
    r"\b(?:real[- ]time|live|in echtzeit|en temps réel|en direct) (?:\w+ ){0,2}(?:facial "
    r"recognition|face recognition|biometric identification|gesichtserkennung|biometrische\w* "
    r"(?:fern)?identifi\w*|reconnaissance faciale|identification biométrique)\b"
)
_POLICE = words_re(
    r"\b(?:police|polizei\w*|gendarmerie|law enforcement|strafverfolgung\w*|"
    r"forces de l['’]ordre)\b"
)
_NUDIFY = words_re(r"\b(?:nude images|nudify|undress\w*|nacktbilder|deepnude)\b")
_MEDICAL = words_re(r"\b(?:medical device|medizinprodukt|dispositif médical)\b")
_NOTIFIED = words_re(r"\b(?:notified body|benannte[nr]? stelle|organisme notifié)\b")
_CONTROL = words_re(
    r"\b(?:(?:automatic|over-the-air|ota|remote) updates?|updated over[- ]the[- ]air|"
    r"updates? automatisch|automatische "
    r"updates|pushes updates|hosts the model)\b"
)
_RELIED = words_re(
    r"\b(?:relied on|followed (?:the|its) (?:advice|recommendation|ranking|output|answer)|acted on"
    r" (?:the )?(?:advice|output)|told (?:a|one|the) user|verließ sich|folgte\w* der empfehlung)\b"
)
_ACTED = words_re(
    r"\b(?:drove|ran over|overheated|jolted|caught fire|set (?:\w+ ){1,5}on fire|ran the \w+|"
    r"permanently deleted|deleted|dropped (?:our|the) (?:prod )?(?:db|database)|corrupted)\b"
)
_UPDATE_IGNORED = words_re(
    r"\b(?:update\w*\b[^.;]{0,60}\b(?:ignored|did not install|didn't install|never installed)|"
    r"(?:ignored|did not install|didn't install) (?:the |an |its )?(?:\w+ )?update|update\w*"
    r"\b[^.;]{0,40}\b(?:ignoriert|nicht installiert))\b"
)
_OWN_BUSINESS = words_re(
    r"\b(?:I (?:run|own|manage|operate|have) an? (?:small |little |family )?(?:[\w-]+ ){0,2}"
    r"(?:business|shop|bakery|restaurant|company|firm|store|café|cafe|practice|hotel|farm|agency|"
    r"workshop|studio|salon|start-?up)|my (?:small )?(?:business|company|shop|firm|bakery|"
    r"restaurant|store|practice)|ich (?:betreibe|führe|habe) (?:ein\w* )?(?:kleine\w* )?(?:\w+ )?"
    r"(?:geschäft|betrieb|firma|bäckerei|laden|praxis))\b"
)
_CONSUMER = words_re(
    r"\b(?:(?:am|is|are|was|were|as|bin|ist|suis) (?:a |an |ein |eine |une? )?(?:private )?"
    r"(?:consumers?|verbraucher\w*|consommat\w+)|private individuals?|private persons?|"
    r"retail customers|privatperson\w*|particuliers?)\b"
)


def _quote(text: str, start: int, end: int) -> str:
    q0, q1 = clause_around(text, start, end)
    return text[q0:q1]


def _first(
    sentences: Iterable[Sentence], pattern: re.Pattern[str], negatable: bool = True
) -> tuple[Sentence, re.Match[str]] | None:
    for s in sentences:
        for m in pattern.finditer(s.text):
            if negatable and negated_before(s.text, m.start()):
                continue
            return s, m
    return None


def _fact(
    text: str, s: Sentence, m: re.Match[str], path: str, value: object, **kw: object
) -> FactCandidate:
    return FactCandidate(path, value, _quote(text, s.start + m.start(), s.start + m.end()), **kw)  # type: ignore[arg-type]


def harm_facts(text: str, sentences: list[Sentence]) -> list[FactCandidate]:
    """One damage item per harm type found, with use (private/work) and amount if stated."""
    out: list[FactCandidate] = []
    for harm, pattern in HARM_CUES:
        for s in sentences:
            hit = next(
                (
                    m
                    for m in pattern.finditer(s.text)
                    if not negated_before(s.text, m.start())
                    and not (
                        harm is Harm.PROPERTY
                        and PROPERTY_VETO.search(s.text[max(0, m.start() - 20) : m.end() + 30])
                    )
                ),
                None,
            )
            if hit is None:
                continue
            value: dict[str, object] = {"type": harm.value}
            if harm in (Harm.PROPERTY, Harm.DATA_LOSS):
                if _PROFESSIONAL.search(s.text):
                    value["professional_use"] = "exclusively_professional"
                elif _PRIVATE.search(s.text):
                    value["professional_use"] = "private"
            if harm is Harm.PROPERTY:
                amounts = find_amounts(s.text)
                if len(amounts) == 1:
                    value["amount_eur"] = amounts[0][0]
            out.append(_fact(text, s, hit, "damage", value, mode="add"))
            break
    return out


def cause_facts(text: str, sentences: list[Sentence]) -> list[FactCandidate]:
    """Incident causes stated in the narrative."""
    out: list[FactCandidate] = []
    for cause, pattern in CAUSE_CUES:
        found = _first(sentences, pattern, negatable=cause not in NEGATION_BUILT_IN)
        if found:
            out.append(_fact(text, *found, "incident.causes", cause.value, mode="add"))
    return out


def system_facts(text: str, sentences: list[Sentence], harms: set[Harm]) -> list[FactCandidate]:
    """Facts about the AI system, the product, personal data and the injured person."""
    out: list[FactCandidate] = []
    no_ai = _first(sentences, _AI_NO, negatable=False)
    if no_ai:
        out.append(_fact(text, *no_ai, "ai.is_ai_system", False))
    else:
        yes_ai = _first(sentences, _AI_YES)
        if yes_ai:
            out.append(_fact(text, *yes_ai, "ai.is_ai_system", True))
    gpai = _first(sentences, GPAI_WORDS)
    if gpai:
        out.append(_fact(text, *gpai, "ai.gpai_model", True))
    for s in sentences:
        for m in _PERSONAL_DATA.finditer(s.text):
            out.append(_fact(text, s, m, "data.personal_data_processed",
                             not negated_before(s.text, m.start())))  # fmt: skip
            break
        else:
            continue
        break
    for point, pattern in ANNEX_III_CUES:
        found = _first(sentences, pattern)
        veto = ANNEX_III_VETO.get(point)
        if found and not (veto and veto.search(text)):
            out.append(_fact(text, *found, "ai.annex_iii_point", point.value))
            break
    chatbot = _first(sentences, _CHATBOT)
    if chatbot:
        out.append(_fact(text, *chatbot, "ai.interacts_with_persons", True))
    emotion = _first(sentences, _EMOTION)
    if emotion:
        out.append(
            _fact(text, *emotion, "ai.emotion_recognition_or_biometric_categorisation", True)
        )
        if _WORK_OR_SCHOOL.search(text) and not _MEDICAL_OR_SAFETY.search(text):
            flag = PracticeFlag.EMOTION_RECOGNITION_WORK_EDUCATION.value
            out.append(_fact(text, *emotion, "ai.practice_flags", flag, mode="add"))
    for practice, pattern in _PRACTICES:
        found = _first(sentences, pattern)
        if found:
            out.append(_fact(text, *found, "ai.practice_flags", practice.value, mode="add"))
    crime = _first(sentences, _CRIME_PREDICTION)
    if crime and _SOLELY_PROFILE.search(crime[0].text):
        flag = PracticeFlag.CRIME_PREDICTION_PROFILING.value
        out.append(_fact(text, *crime, "ai.practice_flags", flag, mode="add"))
    live = _first(sentences, _REALTIME_FACES)
    if live and _POLICE.search(text):
        flag = PracticeFlag.REALTIME_RBI_LAW_ENFORCEMENT.value
        out.append(_fact(text, *live, "ai.practice_flags", flag, mode="add"))
    nudify = _first(sentences, _NUDIFY)
    if nudify:
        flag = PracticeFlag.INTIMATE_DEEPFAKE_NONCONSENSUAL.value
        out.append(_fact(text, *nudify, "ai.practice_flags", flag, mode="add"))
        out.append(_fact(text, *nudify, "ai.generates_synthetic_content", True))
        out.append(_fact(text, *nudify, "ai.deepfake", True))
    medical = _first(sentences, _MEDICAL)
    if medical:
        out.append(_fact(text, *medical, "ai.annex_i_product", True))
        out.append(
            _fact(text, *medical, "ai.annex_i_product_type", AnnexIProduct.MEDICAL_DEVICE.value)
        )
    notified = _first(sentences, _NOTIFIED, negatable=False)
    if notified:
        s, hit = notified
        body = not negated_before(s.text, hit.start(), window=6)
        out.append(_fact(text, s, hit, "ai.third_party_conformity", body))
    control = _first(sentences, _CONTROL)
    if control:
        out.append(_fact(text, *control, "manufacturer.retains_control", True))
    relied = _first(sentences, _RELIED)
    acted = _first(sentences, _ACTED)
    if relied:
        out.append(_fact(text, *relied, "incident.harm_path", "informational_output_relied_on"))
    elif acted and harms & {Harm.PERSONAL_INJURY, Harm.PROPERTY, Harm.DATA_LOSS}:
        out.append(_fact(text, *acted, "incident.harm_path", "physical_execution"))
    ignored = _first(sentences, _UPDATE_IGNORED, negatable=False)
    if ignored:
        out.append(_fact(text, *ignored, "claimant.contributory_fault", "no_update_installed",
                         mode="add"))  # fmt: skip
    consumer = _first(sentences, _CONSUMER)
    business = _first(sentences, _OWN_BUSINESS)
    if consumer:
        out.append(_fact(text, *consumer, "claimant.consumer", True))
    elif business:
        out.append(_fact(text, *business, "claimant.consumer", False))
    return out
