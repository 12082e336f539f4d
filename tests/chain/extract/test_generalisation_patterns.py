"""Pattern families added for generalisation (written against fresh narratives, not tuned on one
case): harm wording EN/DE/FR, role cues, Annex III areas, start-of-use dates, unnamed-first-name
people and the writer's organisation. One sentence in, the expected fact out."""

from __future__ import annotations

import pytest

from assistant.chain.extract import extract_case
from assistant.chain.extract.merge import same_actor


def _harms(text: str) -> set[str]:
    case = extract_case(text).case
    return {d.type.value for d in case.damage}


HARMS: list[tuple[str, str]] = [
    ("He spent a night in hospital after the device overheated.", "personal_injury"),
    ("Herr Nowak erlitt einen komplizierten Unterschenkelbruch.", "personal_injury"),
    ("Sie ist seit dem Unfall arbeitsunfähig.", "personal_injury"),
    ("Her prognosis is now considerably worse and she needs chemotherapy.", "personal_injury"),
    ("Je suis très angoissée et mon médecin m'a prescrit des anxiolytiques.", "psychological"),
    ("Because of the error we lose about EUR 380,000.", "economic_loss"),
    ("She lost ~40% of her hours in February.", "economic_loss"),
    ("Mehrere Stammkunden haben Aufträge storniert.", "economic_loss"),
    ("En février 2028, ma cotisation a augmenté de 62 %.", "economic_loss"),
    ("He had to take a payday loan at 19% to buy the fridge.", "economic_loss"),
    ("It flagged me because of my dark skin.", "discrimination"),
    ("Le logiciel pénalise les habitants de mon quartier d'origine étrangère.", "discrimination"),
    ("The recordings were publicly accessible for six weeks.", "privacy"),
    ("Les enregistrements circulent sur un forum.", "privacy"),
    ("Der Assistent antwortet, ich sei 2024 wegen Betrugs verurteilt worden.", "reputation"),
]


@pytest.mark.parametrize(("text", "harm"), HARMS, ids=[h[0][:40] for h in HARMS])
def test_harm_wording(text: str, harm: str) -> None:
    assert harm in _harms(text)


def _roles(text: str) -> dict[str, set[str]]:
    case = extract_case(text).case
    return {a.name: {r.value for r in a.roles or ()} for a in case.actors}


def _roles_of(roles: dict[str, set[str]], name: str) -> set[str]:
    return next((r for n, r in roles.items() if same_actor(n, name)), set())


ROLES: list[tuple[str, str, str, set[str]]] = [
    (
        "service of a named company",
        "In March 2027 we used the AI translation service of Verbalis GmbH (Munich).",
        "Verbalis GmbH",
        {"provider"},
    ),
    (
        "French 'édité par'",
        "J'utilise l'application Somnia, un coach de sommeil édité par la start-up Somnia Labs "
        "SAS (Bordeaux).",
        "Somnia Labs SAS",
        {"developer", "provider"},
    ),
    (
        "placed on the market by",
        "LungSight was placed on the market on 1 March 2027 by Pulmora GmbH (Leipzig).",
        "Pulmora GmbH",
        {"provider"},
    ),
    (
        "built by fine-tuning",
        "Pulmora GmbH built it by fine-tuning an open-source imaging model.",
        "Pulmora GmbH",
        {"fine_tuner"},
    ),
    (
        "built its own model in-house",
        "PayLater Flex SAS built its own ML credit-scoring model in-house.",
        "PayLater Flex SAS",
        {"developer", "provider", "deployer"},
    ),
    (
        "German causative modification 'ließ ... von X umbauen'",
        "Im Februar 2027 ließ die Köhler Logistik GmbH drei Stapler von der Autonomik Systems "
        "GmbH (Dortmund) zu fahrerlosen Fahrzeugen umbauen.",
        "Autonomik Systems GmbH",
        {"fine_tuner"},
    ),
    (
        "German separable verb with a long middle field",
        "Die Köhler Logistik GmbH setzt seit 2023 Gabelstapler vom Typ HX 25 der Hubmeister AG "
        "(Aschaffenburg) ein.",
        "Köhler Logistik GmbH",
        {"deployer"},
    ),
    (
        "German product noun with a type name before the maker",
        'Die Köhler Logistik GmbH setzt seit 2023 Gabelstapler vom Typ "HX 25" der Hubmeister '
        "AG ein.",
        "Hubmeister AG",
        {"developer", "provider"},
    ),
    (
        "own declaration of conformity",
        "Autonomik Systems GmbH delivered the converted trucks with its own declaration of "
        "conformity.",
        "Autonomik Systems GmbH",
        {"provider"},
    ),
    (
        "German 'bietet ... an' for an AI assistant",
        "Die WohnWert GmbH bietet seit Herbst 2026 auf ihrer Website einen KI-Assistenten an.",
        "WohnWert GmbH",
        {"provider"},
    ),
    (
        "French data broker noun",
        "La mutuelle achète des données à un courtier en données, DataPharm Europe SARL.",
        "DataPharm Europe SARL",
        {"data_provider"},
    ),
    (
        "bought in a named store",
        "I bought it in the Elektro Markt Schubert GmbH store in Kassel. It was made by "
        "Sunvolt Energy Ltd.",
        "Elektro Markt Schubert GmbH",
        {"distributor"},
    ),
    (
        "writer's company in brackets after 'we'",
        "We (Tasko B.V., Rotterdam) sell it as SaaS to warehouses.",
        "Tasko B.V.",
        {"provider"},
    ),
]


@pytest.mark.parametrize(("name", "text", "actor", "roles"), ROLES, ids=[r[0] for r in ROLES])
def test_role_cues(name: str, text: str, actor: str, roles: set[str]) -> None:
    found = _roles_of(_roles(text), actor)
    assert roles <= found, (name, found)


def test_a_service_of_a_retailer_is_not_its_development() -> None:
    roles = _roles("Sophie used the customer-support chatbot of the online retailer ModeMax SAS.")
    assert "developer" not in _roles_of(roles, "ModeMax SAS")


ANNEX_III: list[tuple[str, str]] = [
    ("Our module allocates shifts and picking tasks to warehouse staff.", "4b"),
    ("The tool scores each worker's productivity from the scanners.", "4b"),
    (
        "Les tarifs de ma complémentaire santé sont calculés par un logiciel d'IA qui évalue le "
        "risque santé de chaque adhérent.",
        "5c",
    ),
    ("Die Krankenversicherung berechnet die Prämien mit einer KI.", "5c"),
]


@pytest.mark.parametrize(("text", "point"), ANNEX_III, ids=[a[1] + a[0][:30] for a in ANNEX_III])
def test_annex_iii_areas(text: str, point: str) -> None:
    ai = extract_case(text).case.ai
    assert ai.annex_iii_point is not None and ai.annex_iii_point.value == point


def test_start_of_use_stands_in_for_a_missing_market_date() -> None:
    text = (
        "The university has used the ExamGuard software by ProctorAI GmbH since October 2026. "
        "On 12 June 2028 it flagged me for cheating."
    )
    case = extract_case(text).case
    assert case.product.market_date is not None
    assert case.product.market_date.year == 2026 and case.product.market_date.month == 10
    assert case.incident.date is not None and case.incident.date.year == 2028


def test_importer_delivery_is_the_market_date() -> None:
    text = (
        "I bought it on 2 December 2026. The shop told me that batch was delivered to them by "
        "the importer on 25 November 2026. On 3 February 2027 the battery caught fire."
    )
    case = extract_case(text).case
    assert case.product.market_date is not None
    assert case.product.market_date.isoformat() == "2026-11-25"


PEOPLE: list[tuple[str, str]] = [
    ("One picker, Amira Haddad, lost half of her shifts.", "Amira Haddad"),
    ("- client: Marek Kowalski, consumer, lives in Lyon", "Marek Kowalski"),
    ("The app deleted my thesis.\n\nThéo Garnier", "Théo Garnier"),
    ("The mayor, Ulrike Sommer, was injured when the shuttle braked.", "Ulrike Sommer"),
    (
        "Der Chatbot behauptet, unsere Kassiererin, Wiebke Sommer, sei verurteilt worden.",
        "Wiebke Sommer",
    ),
    ("Le robot a blessé notre trésorière, Maëlle Quéré.", "Maëlle Quéré"),
]


@pytest.mark.parametrize(("text", "person"), PEOPLE, ids=[p[1] for p in PEOPLE])
def test_people_with_first_names_outside_the_lexicon(text: str, person: str) -> None:
    case = extract_case(text).case
    assert any(same_actor(a.name, person) for a in case.actors)


def test_signature_title_line_names_the_writers_company() -> None:
    text = (
        "Our team relied on the translation and we lose about EUR 380,000.\n\nBest,\n"
        "Katharina Vos\nHead of Legal, Brenner Maschinenbau GmbH"
    )
    roles = _roles(text)
    assert "affected_person" in _roles_of(roles, "Brenner Maschinenbau GmbH")


IMPLIED_DEPLOYERS: list[tuple[str, str]] = [
    (
        "Je travaille comme téléconseillère au centre d'appels de Norvia Énergie SA. Depuis mai "
        "2027, tous nos appels passent par « VoiceScore », un outil de la start-up Sonalis SAS.",
        "Norvia Énergie SA",
    ),
    (
        "I work as a call agent at Vantor Energy Ltd. All our calls go through MoodMeter, made "
        "by EmoVox SAS.",
        "Vantor Energy Ltd",
    ),
    (
        "At Brightline Bank AG, applications are pre-screened by ScoreX, a tool from Quorra SAS.",
        "Brightline Bank AG",
    ),
    (
        "Je suis client de la Banque Arvel. Depuis 2027, les dossiers sont présélectionnés par "
        "« TriDoss », un logiciel vendu par la société Selnor SAS.",
        "Banque Arvel",
    ),
    (
        "Wir sind die Lindner Pflege GmbH. Unsere Schichtpläne erstellt seit Mai RosterAI der "
        "PlanBot GmbH.",
        "Lindner Pflege GmbH",
    ),
]


@pytest.mark.parametrize(
    ("text", "deployer"), IMPLIED_DEPLOYERS, ids=[d[1] for d in IMPLIED_DEPLOYERS]
)
def test_implied_deployer(text: str, deployer: str) -> None:
    assert "deployer" in _roles_of(_roles(text), deployer)


def test_going_through_an_examination_is_not_use() -> None:
    roles = _roles("The toy went through an EU-type examination by Prüfwerk GmbH.")
    assert "deployer" not in _roles_of(roles, "Prüfwerk GmbH")


PRONOUN_BRANDS: list[tuple[str, str]] = [
    (
        "Die Kessler Antriebe GmbH kauft die Steuerung bei der Voltiq AG. Sie verkauft sie unter "
        "eigenem Namen.",
        "Kessler Antriebe GmbH",
    ),
    (
        "La société Marivo SAS achète l'appareil à Ortek GmbH. Elle le vend sous sa propre marque.",
        "Marivo SAS",
    ),
]


@pytest.mark.parametrize(("text", "provider"), PRONOUN_BRANDS, ids=[p[1] for p in PRONOUN_BRANDS])
def test_pronoun_selling_under_its_own_name_is_the_provider(text: str, provider: str) -> None:
    roles = _roles(text)
    assert "provider" in _roles_of(roles, provider)


def test_our_product_launched_in_a_later_sentence_makes_the_writer_provider() -> None:
    text = (
        "I'm the co-founder of Rechenwerk Software GmbH. Our app helps consumers with their tax "
        "return. The app launched on 1 February 2027; users pay EUR 29 per year."
    )
    assert "provider" in _roles_of(_roles(text), "Rechenwerk Software GmbH")


def test_pronoun_after_by_selling_under_its_own_name_is_the_named_company() -> None:
    text = (
        "Der Scanner wurde von der Orbis Vision GmbH entwickelt und wird von ihr unter eigenem "
        "Namen an Behörden verkauft."
    )
    assert "provider" in _roles_of(_roles(text), "Orbis Vision GmbH")


AFFECTED_BY_NOUN: list[tuple[str, str]] = [
    (
        "Ich vertrete Herrn Jonas Albrecht. Mein Mandant wurde festgenommen. Er hat zwei "
        "Monatsgehälter verloren.",
        "Jonas Albrecht",
    ),
    (
        "Die Software bewertet die Beschäftigten. Die Beschäftigten verlieren ihre Prämie.",
        "the employees",
    ),
]


@pytest.mark.parametrize(("text", "person"), AFFECTED_BY_NOUN, ids=[a[1] for a in AFFECTED_BY_NOUN])
def test_affected_person_named_by_a_role_noun(text: str, person: str) -> None:
    assert "affected_person" in _roles_of(_roles(text), person)
