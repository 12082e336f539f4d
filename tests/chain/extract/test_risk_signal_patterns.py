"""AI Act risk signals and organisation names added for generalisation (fresh5): Annex III use
areas in EN/DE/FR, Art 5(1)(f) emotion recognition at work or school, "not AI" wording for
fixed-rule devices, and organisations named by their kind without a legal form. One sentence
in, the expected fact out; none of the sentences is taken from an eval case."""

from __future__ import annotations

import pytest

from assistant.chain.extract import extract_case
from assistant.chain.extract.mentions import find_actors
from assistant.facts import get_fact


def _ai(text: str, path: str) -> object:
    return get_fact(extract_case(text).case, path)


ANNEX_III: list[tuple[str, str]] = [
    # 1(a) remote biometric identification (post or real-time), incl. face search by police
    ("The police ran a face search on the CCTV still against the mugshot database.", "1a"),
    ("Die Kripo nutzt eine Gesichtssuche in der Lichtbilddatenbank.", "1a"),
    ("La gendarmerie a utilisé la reconnaissance faciale sur les images.", "1a"),
    ("The store's facial recognition system identified him as a shoplifter.", "1a"),
    # 2 critical infrastructure
    ("The AI sets the phases of the traffic lights at the junction.", "2"),
    ("Die KI regelt die Ampelsteuerung im Innenstadtbereich.", "2"),
    ("Le logiciel pilote la régulation du trafic aux carrefours.", "2"),
    ("A learning model controls chlorine dosing in the drinking water treatment plant.", "2"),
    ("Das System steuert die Trinkwasserversorgung des Landkreises.", "2"),
    ("The model balances the electricity grid of the region.", "2"),
    # 3(a) admission
    ("My daughter applied to the nursing programme and an algorithm rejected her.", "3a"),
    ("Die Hochschulzulassung wird per KI-Ranking entschieden.", "3a"),
    ("Il a postulé en licence de droit; les dossiers sont classés par un logiciel.", "3a"),
    ("Sa demande d'admission en master a été refusée par l'algorithme.", "3a"),
    # 4(b) worker management
    ("The tool assigns delivery routes to couriers every morning.", "4b"),
    ("Der Algorithmus vergibt die Touren an die Fahrer.", "4b"),
    ("A productivity index is computed for every picker.", "4b"),
    ("Bei schlechten Werten verschickt das System automatisch Abmahnungen.", "4b"),
    ("Le logiciel répartit les missions entre les intérimaires.", "4b"),
]


@pytest.mark.parametrize(("text", "point"), ANNEX_III, ids=[t[0][:40] for t in ANNEX_III])
def test_annex_iii_use_areas(text: str, point: str) -> None:
    assert _ai(text, "ai.annex_iii_point") == point


def test_a_job_application_at_a_school_is_not_an_admission() -> None:
    text = "She applied for a job at the school and an AI tool screened her CV."
    assert _ai(text, "ai.annex_iii_point") == "4a"


EMOTION_AT_WORK: list[str] = [
    "The software detects the emotions of the call centre agents and feeds a mood score into "
    "the bonus.",
    "Die Software erkennt die Stimmung der Beschäftigten am Arbeitsplatz.",
    "L'outil analyse le stress des salariés pendant les appels.",
    "The camera reads the feelings of the students during lessons.",
]


@pytest.mark.parametrize("text", EMOTION_AT_WORK, ids=[t[:40] for t in EMOTION_AT_WORK])
def test_emotion_recognition_at_work_or_school_is_a_prohibited_practice(text: str) -> None:
    assert "emotion_recognition_work_education" in (_ai(text, "ai.practice_flags") or [])


def test_emotion_recognition_for_safety_is_not_flagged() -> None:
    text = "The truck camera detects the stress levels of drivers for safety reasons."
    assert "emotion_recognition_work_education" not in (_ai(text, "ai.practice_flags") or [])
    assert _ai(text, "ai.emotion_recognition_or_biometric_categorisation") is True


NOT_AI: list[str] = [
    "The 'smart' heater learns nothing; it switches off at a fixed threshold.",
    "Das Gerät lernt nichts dazu, die Grenzwerte stellt man selbst ein.",
    "Der Melder arbeitet mit festen Schwellenwerten.",
    "L'appareil n'apprend rien, il suit des seuils fixes.",
]


@pytest.mark.parametrize("text", NOT_AI, ids=[t[:40] for t in NOT_AI])
def test_fixed_rule_devices_are_not_ai(text: str) -> None:
    assert _ai(text, "ai.is_ai_system") is False


AI_WORDING: list[str] = [
    "Die Software sagt das Verkehrsaufkommen mit einem lernenden Modell voraus.",
    "Un logiciel d'intelligence artificielle calcule les tarifs.",
    "The shop's face recognition flagged her at the entrance.",
]


@pytest.mark.parametrize("text", AI_WORDING, ids=[t[:40] for t in AI_WORDING])
def test_ai_wording(text: str) -> None:
    assert _ai(text, "ai.is_ai_system") is True


ORGS: list[tuple[str, str]] = [
    ("Die Ampeln betreibt die Agentur Verkehrsplan seit 2027.", "Agentur Verkehrsplan"),
    ("J'ai été convoqué par la Caisse Solidaire à Rennes.", "Caisse Solidaire"),
    ("Das Polizeipräsidium Nordheide setzt das System ein.", "Polizeipräsidium Nordheide"),
    ("Le Groupe Armor utilise ce logiciel.", "Groupe Armor"),
    (
        "Les dossiers de l'École supérieure de design Lumière sont triés.",
        "École supérieure de design Lumière",
    ),
    ("Mein Arbeitgeber, die Stadtwerke Mühlbach, nutzt die Software.", "Stadtwerke Mühlbach"),
    ("The toy is made by Holzwerk Manufaktur in Bavaria.", "Holzwerk Manufaktur"),
    (
        "Notes from the IT office of Marienthal Hospital Vienna, 3 May.",
        "Marienthal Hospital Vienna",
    ),
]


@pytest.mark.parametrize(("text", "name"), ORGS, ids=[o[1] for o in ORGS])
def test_organisations_without_legal_form(text: str, name: str) -> None:
    assert name in [a.name for a in find_actors(text)]


def test_memo_header_names_the_writers_organisation() -> None:
    text = (
        "From: Risk Management, Sonnental Kliniken\n\nSince May we use ScanPro, an AI tool "
        "licensed from Radix Imaging GmbH. It missed a fracture."
    )
    case = extract_case(text).case
    roles = {a.name: {r.value for r in a.roles} for a in case.actors}
    assert "deployer" in roles.get("Sonnental Kliniken", set())


MORE_ANNEX_III: list[tuple[str, str]] = [
    ("The job centre's AI decides on housing benefit claims.", "5a"),
    ("Die KI prüft die Anträge auf Wohngeld.", "5a"),
    ("L'algorithme de la CAF vérifie les allocations logement.", "5a"),
    ("The bank's AI set my credit limit far too low.", "5b"),
    ("Die Kreditentscheidung traf ein KI-System der Bank.", "5b"),
    ("Ma demande de prêt a été refusée par un score automatique.", "5b"),
    ("The police used an AI lie detector during the interview.", "6b"),
    ("Das Gericht stützte sich auf eine KI-Rückfallprognose.", "6d"),
    ("At the border control an AI rated the security risk of travellers.", "7b"),
    ("Die Ausländerbehörde prüft Aufenthaltstitel mit einer KI.", "7c"),
    ("La préfecture trie les demandes de titre de séjour avec un logiciel d'IA.", "7c"),
    ("The court uses an AI to help judges in drafting decisions.", "8a"),
    ("The campaign's AI was built to influence voting behaviour of undecided voters.", "8b"),
]


@pytest.mark.parametrize(("text", "point"), MORE_ANNEX_III, ids=[t[0][:40] for t in MORE_ANNEX_III])
def test_more_annex_iii_use_areas(text: str, point: str) -> None:
    assert _ai(text, "ai.annex_iii_point") == point


PRACTICES: list[tuple[str, str]] = [
    (
        "The town gives every resident a social score that decides access to housing.",
        "social_scoring",
    ),
    ("Die Gemeinde vergibt Sozialpunkte an ihre Bürger.", "social_scoring"),
    (
        "The start-up scraped millions of faces from social media to build its database.",
        "facial_scraping",
    ),
    (
        "The app infers the sexual orientation of users from their face photos.",
        "biometric_categorisation_sensitive",
    ),
    (
        "The police ran live facial recognition on the square during the match.",
        "realtime_rbi_law_enforcement",
    ),
    (
        "The tool predicts the risk of committing a crime based solely on personality traits.",
        "crime_prediction_profiling",
    ),
]


@pytest.mark.parametrize(("text", "flag"), PRACTICES, ids=[p[1] for p in PRACTICES])
def test_prohibited_practices(text: str, flag: str) -> None:
    assert flag in (_ai(text, "ai.practice_flags") or [])


def test_crime_risk_with_human_assessment_is_not_the_prohibition() -> None:
    text = "Officers use an AI to predict the risk of committing a crime, together with case files."
    assert "crime_prediction_profiling" not in (_ai(text, "ai.practice_flags") or [])


ANNEX_I: list[tuple[str, str]] = [
    ("A collaborative robot on the assembly line hit a worker.", "machinery"),
    ("Der Roboterarm in der Halle erfasste den Monteur.", "machinery"),
    ("Le chariot élévateur autonome a renversé un cariste.", "machinery"),
    ("Her smart safety helmet failed to warn her of the gas.", "personal_protective_equipment"),
    ("The AI controls the pressure vessel of the plant.", "pressure_equipment"),
    ("The jet ski's AI speed assistant failed.", "recreational_craft"),
    ("The AI in the closed-loop insulin system overdosed him.", "medical_device"),
    ("Le logiciel est un dispositif de classe IIa.", "medical_device"),
]


@pytest.mark.parametrize(("text", "family"), ANNEX_I, ids=[a[0][:40] for a in ANNEX_I])
def test_annex_i_families(text: str, family: str) -> None:
    assert _ai(text, "ai.annex_i_product_type") == family


TRANSPARENCY: list[tuple[str, str]] = [
    ("The app makes talking avatars from a few photos.", "ai.generates_synthetic_content"),
    (
        "Sie haben ein KI-generiertes Video des Bürgermeisters verbreitet.",
        "ai.generates_synthetic_content",
    ),
    ("Ils ont diffusé une vidéo truquée par IA du maire.", "ai.generates_synthetic_content"),
    (
        "Der Telefonbot der Versicherung sagte nicht, dass er eine KI ist.",
        "ai.interacts_with_persons",
    ),
    ("Le robot conversationnel de la banque m'a mal conseillé.", "ai.interacts_with_persons"),
]


@pytest.mark.parametrize(("text", "path"), TRANSPARENCY, ids=[t[0][:40] for t in TRANSPARENCY])
def test_transparency_situations(text: str, path: str) -> None:
    assert _ai(text, path) is True


GPAI: list[tuple[str, str]] = [
    (
        "It runs on Nimbus-2, a general-purpose multimodal model that Corvid Labs released in 2025.",
        "Corvid Labs",
    ),
    (
        "We call Orca-7, a foundation model which Seabright Labs offers through its API.",
        "Seabright Labs",
    ),
]


@pytest.mark.parametrize(("text", "maker"), GPAI, ids=[g[1] for g in GPAI])
def test_gpai_model_maker(text: str, maker: str) -> None:
    case = extract_case(text).case
    roles = {a.name: {r.value for r in a.roles or []} for a in case.actors or []}
    assert "gpai_provider" in roles.get(maker, set())
    assert get_fact(case, "ai.gpai_model") is True


def test_client_named_by_the_lawyer_is_the_affected_person() -> None:
    text = (
        "Sehr geehrte Damen und Herren, ich vertrete Herrn Jonas Albrecht. Am 3. Mai 2028 wurde "
        "mein Mandant von einem Lieferroboter der Robolog GmbH angefahren und verletzt."
    )
    case = extract_case(text).case
    roles = {a.name: {r.value for r in a.roles or []} for a in case.actors or []}
    assert "affected_person" in roles.get("Jonas Albrecht", set())


def test_a_wrapped_german_date_is_not_a_list_item() -> None:
    text = "Das System, das die Stadtwerke Mühlbach seit dem\n15. Januar 2028 einsetzt, fiel aus."
    case = extract_case(text).case
    roles = {a.name: {r.value for r in a.roles or []} for a in case.actors or []}
    assert "deployer" in roles.get("Stadtwerke Mühlbach", set())


def _roles(text: str) -> dict[str, set[str]]:
    case = extract_case(text).case
    return {a.name: {r.value for r in a.roles or []} for a in case.actors or []}


ROLE_FAMILIES: list[tuple[str, str, str, str]] = [
    (
        "German inverted subject behind an office of it",
        "Seit 2027 steuert das Verkehrsamt der Stadt Birkenau die Ampeln mit dem System "
        '"GreenWave" der Signalis GmbH.',
        "Stadt Birkenau",
        "deployer",
    ),
    (
        "the task done with the system",
        "Kestrel Bank calculates credit limits with Scora, an AI model from Datavia B.V.",
        "Kestrel Bank",
        "deployer",
    ),
    (
        "a quoted product of a company",
        'Ich habe den Rauchmelder "SafeHome" der Alarmtec GmbH gekauft.',
        "Alarmtec GmbH",
        "provider",
    ),
    (
        "bought at a shop, German verb-final",
        'Im März habe ich im Baumarkt Lindner in Kassel den Heizlüfter "Warmi" der Heizwerk GmbH '
        "gekauft.",
        "Baumarkt Lindner",
        "distributor",
    ),
    (
        "French tool of a start-up",
        "Nos appels passent par un outil de la start-up Vocalis SAS.",
        "Vocalis SAS",
        "provider",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "actor", "role"), ROLE_FAMILIES, ids=[r[0] for r in ROLE_FAMILIES]
)
def test_role_families(name: str, text: str, actor: str, role: str) -> None:
    assert role in _roles(text).get(actor, set())


def test_relative_pronoun_binds_to_the_name_before_it() -> None:
    text = (
        'Memo - Legal, Arktis Versicherung\n\nOur pricing unit sets premiums with "Lumo", a '
        "model licensed from Quanta Risk B.V. (Utrecht), which markets it under its own name."
    )
    roles = _roles(text)
    assert "provider" in roles.get("Quanta Risk B.V.", set())
    assert "provider" not in roles.get("Arktis Versicherung", set())
    assert "deployer" in roles.get("Arktis Versicherung", set())


def test_our_app_that_users_pay_for_makes_the_writer_its_provider() -> None:
    text = (
        'I\'m the founder of Pixwell UG. Our app "FaceFun" launched in May 2027; users pay '
        "EUR 4.99 a month. We fine-tuned nothing, we just call an API."
    )
    roles = _roles(text)
    assert {"developer", "provider"} <= roles.get("Pixwell UG", set())
    assert "fine_tuner" not in roles.get("Pixwell UG", set())


def test_making_a_video_is_not_manufacturing() -> None:
    from assistant.chain.extract.lexicon_roles import ROLE_CUES

    cue = next(c for c in ROLE_CUES if c.name == "manufactures")
    assert cue.pattern.search("They used the app to make a video of the mayor.") is None
    assert cue.pattern.search("Spielwerk makes robot toys in Fürth.") is not None


def test_an_apposition_names_a_shop() -> None:
    assert "Spielparadies Huber" in [
        a.name for a in find_actors("We bought it at Spielparadies\nHuber, a toy shop in Graz.")
    ]


def test_a_town_based_apposition_places_the_maker_in_the_eu() -> None:
    actors = find_actors("It is made by Holzwerk Manufaktur, a Fürth-based toy maker.")
    maker = next(a for a in actors if a.name == "Holzwerk Manufaktur")
    assert maker.place == "DE"


SWITCHED_ON: list[tuple[str, str]] = [
    (
        "Memo. Customer: Bergbau Nord GmbH. They bought the AI dust monitor in 2027 and switched "
        "it on in March 2028.",
        "Bergbau Nord GmbH",
    ),
    (
        "Die Stadtwerke Mühlbach nahmen die KI-Steuerung im Mai 2028 in Betrieb.",
        "Stadtwerke Mühlbach",
    ),
    ("La Caisse Solidaire a mis en service le logiciel en mai.", "Caisse Solidaire"),
]


@pytest.mark.parametrize(("text", "actor"), SWITCHED_ON, ids=[s[1] for s in SWITCHED_ON])
def test_switching_a_system_on_makes_a_deployer(text: str, actor: str) -> None:
    assert "deployer" in _roles(text).get(actor, set())


def test_a_formal_notice_is_not_putting_into_service() -> None:
    text = "La Caisse Solidaire a mis en demeure la société Datalys SAS."
    assert "deployer" not in _roles(text).get("Caisse Solidaire", set())


GDPR_INFRINGEMENTS: list[tuple[str, str]] = [
    (
        "The insurer's AI scores customers' health data; premiums are issued automatically and "
        "she lost money.",
        "art22_solely_automated",
    ),
    (
        "Les dossiers sous le seuil sont refusés; personne ne les relit. J'ai perdu ma place et "
        "mes données personnelles sont traitées.",
        "art22_solely_automated",
    ),
    (
        "Die Software bewertet die Kundendaten. Die Kündigungen wurden ohne Einzelprüfung "
        "übernommen.",
        "art22_solely_automated",
    ),
    (
        "The bank buys customer data from a data broker; my personal data was used and I lost "
        "money.",
        "lawfulness",
    ),
    (
        "Ich habe meine personenbezogenen Daten nur für Rabatte freigegeben; sie wurden ohne mein "
        "Einverständnis für Zuschläge genutzt.",
        "lawfulness",
    ),
]


@pytest.mark.parametrize(
    ("text", "flag"), GDPR_INFRINGEMENTS, ids=[g[0][:40] for g in GDPR_INFRINGEMENTS]
)
def test_gdpr_infringement_wording(text: str, flag: str) -> None:
    assert flag in [str(v) for v in (_ai(text, "gdpr.infringements") or [])]


DEEPFAKES: list[str] = [
    "The agency posted a video of the mayor 'admitting' bribes without saying it was AI-generated.",
    "Sie verbreiteten ein gefälschtes Video der Ministerin.",
    "Une vidéo truquée du maire circule depuis lundi.",
]


@pytest.mark.parametrize("text", DEEPFAKES, ids=[t[:40] for t in DEEPFAKES])
def test_deep_fakes_by_what_they_show(text: str) -> None:
    assert _ai(text, "ai.deepfake") is True


def test_a_video_of_a_named_official_is_personal_data() -> None:
    text = "They made a video of the mayor of Werder with the app and posted it."
    assert _ai(text, "data.personal_data_processed") is True
