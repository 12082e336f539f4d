"""Query analysis: language, glossary translation, acts and explicit references."""

from __future__ import annotations

import pytest

from assistant.index.query import analyse, detect_language, find_acts, find_references, fold


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Who is liable if the robot hurts someone?", "en"),
        ("Wer haftet für Schäden durch ein fehlerhaftes Produkt?", "de"),
        ("Qui est responsable du dommage causé par un logiciel ?", "fr"),
        ("GDPR Art. 82", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_german_compounds_are_translated() -> None:
    q = analyse("Wie lange ist die Verjährungsfrist nach der Produkthaftungsrichtlinie?")
    assert q.language == "de"
    assert "limitation period" in q.english and "product liability" in q.english
    assert q.acts == ("PLD_2024",)


def test_french_phrases_are_translated() -> None:
    q = analyse("Dans quel délai notifier une violation de données à caractère personnel ?")
    assert q.language == "fr"
    assert "personal data breach" in q.english


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What does Art 10 PLD say?", ["PLD_2024 Art 10"]),
        ("GDPR Art. 82(4)", ["GDPR Art 82(4)"]),
        ("Article 7 of the old product liability directive", ["PLD_1985 Art 7"]),
        ("What is in Annex III point 4 of the AI Act?", ["AI_ACT Annex III point 4"]),
        ("Was sagt Artikel 6 der KI-Verordnung?", ["AI_ACT Art 6"]),
        ("Que prévoit l'article 25 du règlement sur l'IA ?", ["AI_ACT Art 25"]),
        ("AI Act recital 97", ["AI_ACT Recital 97"]),
        ("article 5 without any act", []),
    ],
)
def test_find_references(text: str, expected: list[str]) -> None:
    assert find_references(text) == expected


def test_longest_act_name_wins() -> None:
    assert [a for a, _, _ in find_acts("the old product liability directive")] == ["PLD_1985"]
    assert [a for a, _, _ in find_acts("the product liability directive")] == ["PLD_2024"]


def test_fold() -> None:
    assert fold("Verjährung Straße Écrit") == "verjahrung strasse ecrit"


def test_unknown_french_words_pass_through_as_cognates() -> None:
    q = analyse("Quelle transparence pour une décision algorithmique ?")
    assert "algorithmique" in q.english  # unknown to the glossary, kept
    assert "transparency" in q.english and "decision" in q.english  # translated


def test_why_questions_are_flagged() -> None:
    assert analyse("Why was the deadline moved?").asks_why
    assert analyse("Warum wurde die Frist verschoben?").asks_why
    assert not analyse("Who is liable?").asks_why


def test_regimes_named_or_implied() -> None:
    assert analyse("Do the old and the new product liability directive differ?").regimes == (
        "PLD_2024",
        "PLD_1985",
    )
    both = analyse("Which data protection and product liability rules apply to the leak?")
    assert set(both.regimes) == {"GDPR", "PLD_2024"}
    assert analyse("Who is liable?").regimes == ()


@pytest.mark.parametrize(
    ("question", "acts"),
    [
        (
            "Is the scoring tool high-risk, and may it decide without a human under data "
            "protection law?",
            {"AI_ACT", "GDPR"},
        ),
        (
            "Our connected device shipped with a vulnerability and injured someone: is it defective?",
            {"CRA", "PLD_2024"},
        ),
        ("Ransomware hit our essential entity and leaked personal data", {"NIS2", "GDPR"}),
        ("Ist das KI-System Hochrisiko und gilt die DSGVO?", {"AI_ACT", "GDPR"}),
        ("Le produit défectueux contenait un système d'IA à haut risque", {"PLD_2024", "AI_ACT"}),
    ],
)
def test_acts_implied_by_topic(question: str, acts: set[str]) -> None:
    assert set(analyse(question).regimes) == acts


def test_one_act_questions_do_not_span_acts() -> None:
    for question in ("Who is liable?", "What does Art 10 PLD say?", "Wann verjährt der Anspruch?"):
        assert len(analyse(question).regimes) <= 1, question


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("AI Act Article 73 serious incidents", "en"),  # "ai" is not French here
        ("AI literacy obligations", "en"),
        ("KI-Verordnung Artikel 5", "de"),
        ("J'ai été victime d'une IA", "fr"),
        ("Système IA interdit", "fr"),
        ("I don't know if the car maker is liable", "en"),
    ],
)
def test_language_of_short_questions(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_german_function_words_do_not_pass_through_as_cognates() -> None:
    english = analyse("Müssen wir eines Tages sowohl melden als auch löschen lassen?").english
    for word in ("mussen", "eines", "sowohl", "lassen"):
        assert word not in english.split(), english
    assert "report" in english and "erasure" in english
