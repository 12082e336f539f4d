"""Reference resolver: a table of free-form references (EN/DE/FR) and their canonical IDs."""

from __future__ import annotations

import pytest

from assistant.corpus.corpus import Corpus
from assistant.corpus.resolver import ResolvedRef, find_references, resolve_reference
from assistant.vocabulary import ActCode

AI, PLD, GDPR = ActCode.AI_ACT, ActCode.PLD_2024, ActCode.GDPR

# (text, default act, expected IDs in order; [] = must not resolve)
TABLE: list[tuple[str, ActCode | None, list[str]]] = [
    # English
    ("Art. 8(2) PLD", None, ["PLD_2024 Art 8(2)"]),
    ("Article 25 of the AI Act", None, ["AI_ACT Art 25"]),
    ("Art 25(1)(b) AI Act", None, ["AI_ACT Art 25(1)(b)"]),
    ("Article 8(1), second subparagraph, of the PLD", None, ["PLD_2024 Art 8(1) subparagraph 2"]),
    ("Article 8(1), first subparagraph, point (a) PLD", None, ["PLD_2024 Art 8(1)(a)"]),
    ("point (a) of Article 8(1) PLD", None, ["PLD_2024 Art 8(1)(a)"]),
    ("paragraph 2 of Article 10 of the Product Liability Directive", None, ["PLD_2024 Art 10(2)"]),
    ("Art. 6(1)(b)(ii) PLD", None, ["PLD_2024 Art 6(1)(b)(ii)"]),
    ("Article 4, point (18), of the PLD", None, ["PLD_2024 Art 4(18)"]),
    ("Article 3(1) of Regulation (EU) 2024/1689", None, ["AI_ACT Art 3(1)"]),
    ("Article 82 of Regulation (EU) 2016/679", None, ["GDPR Art 82"]),
    ("Article 7(e) of Directive 85/374/EEC", None, ["PLD_1985 Art 7(e)"]),
    ("Art. 9(b) old PLD", None, ["PLD_1985 Art 9(b)"]),
    ("Art. 3 of the AI Liability Directive", None, ["AILD_PROPOSAL Art 3"]),
    ("Article 4 of COM(2022) 496", None, ["AILD_PROPOSAL Art 4"]),
    ("Art. 14(2)(a) CRA", None, ["CRA Art 14(2)(a)"]),
    ("Article 13(8) of the Cyber Resilience Act", None, ["CRA Art 13(8)"]),
    ("Art. 23(4)(a) NIS2", None, ["NIS2 Art 23(4)(a)"]),
    ("Article 21 of the NIS 2 Directive", None, ["NIS2 Art 21"]),
    ("Art. 8(2)(b) DCD", None, ["DCD_2019 Art 8(2)(b)"]),
    ("Article 2 of the Digital Omnibus", None, ["AI_OMNIBUS_2026 Art 2"]),
    ("Annex III(4) of the AI Act", None, ["AI_ACT Annex III point 4"]),
    ("Annex III(4)", AI, ["AI_ACT Annex III point 4"]),
    ("Annex III, point 4(a), AI Act", None, ["AI_ACT Annex III point 4(a)"]),
    ("Annex III point 5(b) AI Act", None, ["AI_ACT Annex III point 5(b)"]),
    ("Annex I Part II point 2 CRA", None, ["CRA Annex I Part II point 2"]),
    ("Annex I, Section B of the AI Act", None, ["AI_ACT Annex I Section B"]),
    ("Annex I to the NIS2 Directive", None, ["NIS2 Annex I"]),
    ("recital 12", AI, ["AI_ACT Recital 12"]),
    ("Recital (13) PLD", None, ["PLD_2024 Recital 13"]),
    ("recital 48 of the Product Liability Directive", None, ["PLD_2024 Recital 48"]),
    ("Art 5(1)(ba)", AI, ["AI_ACT Art 5(1)(ba)"]),
    ("Art 5(1)(ba) AI Act", None, ["AI_ACT Art 5(1)(ba)"]),
    ("Article 4a of the AI Act", None, ["AI_ACT Art 4a"]),
    ("Art. 75b AI Act", None, ["AI_ACT Art 75b"]),
    ("Art 99(6a) AI Act", None, ["AI_ACT Art 99(6a)"]),
    ("Art 6(1c) AI Act", None, ["AI_ACT Art 6(1c)"]),
    ("Articles 9 and 10 PLD", None, ["PLD_2024 Art 9", "PLD_2024 Art 10"]),
    ("Articles 14 to 17 PLD", None, [f"PLD_2024 Art {n}" for n in (14, 15, 16, 17)]),
    ("what does Art 10 PLD say?", None, ["PLD_2024 Art 10"]),
    ("Under the GDPR, what does Article 82 say?", None, ["GDPR", "GDPR Art 82"]),
    ("Is Art. 25 AI Act or Art. 8 PLD relevant?", None, ["AI_ACT Art 25", "PLD_2024 Art 8"]),
    ("PLD_2024 Art 8(2)", None, ["PLD_2024 Art 8(2)"]),
    ("AI_ACT@2024-07-12 Art 113(3)(c)", None, ["AI_ACT@2024-07-12 Art 113(3)(c)"]),
    ("§2 of the Mozilla blog post", None, ["MOZILLA_POST §2"]),
    # German
    ("Art. 82 DSGVO", None, ["GDPR Art 82"]),
    ("Art. 82 Abs. 2 DSGVO", None, ["GDPR Art 82(2)"]),
    ("Art. 6 Abs. 1 UAbs. 1 lit. a DSGVO", None, ["GDPR Art 6(1)(a)"]),
    ("Artikel 10 Produkthaftungsrichtlinie", None, ["PLD_2024 Art 10"]),
    (
        "Art. 10 Abs. 2 Buchst. b der neuen Produkthaftungsrichtlinie",
        None,
        ["PLD_2024 Art 10(2)(b)"],
    ),
    ("Art. 3 Nr. 4 KI-VO", None, ["AI_ACT Art 3(4)"]),
    ("Artikel 25 Absatz 1 der KI-Verordnung", None, ["AI_ACT Art 25(1)"]),
    ("Anhang III Nr. 4 Buchst. a KI-Verordnung", None, ["AI_ACT Annex III point 4(a)"]),
    ("Erwägungsgrund 12 der KI-Verordnung", None, ["AI_ACT Recital 12"]),
    ("Art. 13 Abs. 8 Cyberresilienzgesetz", None, ["CRA Art 13(8)"]),
    ("KI-Verordnung", None, ["AI_ACT"]),
    ("Cyberresilienzgesetz", None, ["CRA"]),
    ("Datenschutz-Grundverordnung", None, ["GDPR"]),
    # French
    ("article 6 RGPD", None, ["GDPR Art 6"]),
    ("l'article 6, paragraphe 1, point a) du RGPD", None, ["GDPR Art 6(1)(a)"]),
    ("article 82, paragraphe 2, du RGPD", None, ["GDPR Art 82(2)"]),
    ("considérant 12 du RGPD", None, ["GDPR Recital 12"]),
    ("Article 4 bis du règlement sur l'IA", None, ["AI_ACT Art 4a"]),
    ("article 25 du règlement sur l’intelligence artificielle", None, ["AI_ACT Art 25"]),
    ("règlement sur l'IA", None, ["AI_ACT"]),
    (
        "article 10 de la directive sur la responsabilité du fait des produits",
        None,
        ["PLD_2024 Art 10"],
    ),
    # malformed, unknown or ambiguous: never a guess
    ("Art. 130 PLD", None, []),
    ("Article 0 GDPR", None, []),
    ("Annex IIII AI Act", None, []),
    ("Annex XV AI Act", None, []),
    ("Annex IV PLD", None, []),
    ("recital 500 of the AI Act", None, []),
    ("Article 25", None, []),
    ("Article 9(1) of Directive (EU) 2016/943", None, []),
    ("Article 114 TFEU", None, []),
    ("Art 5 of the AI Act and the GDPR", None, ["AI_ACT Art 5", "GDPR"]),
    ("Article 5 applies to both the AI Act and the GDPR", None, []),
    ("§ 823 BGB", None, []),
    ("state of the art. 5 users were affected", None, []),
    # lists: expanded for plural words or when the act follows the list
    ("Art. 9, 10 und 11 PLD", None, ["PLD_2024 Art 9", "PLD_2024 Art 10", "PLD_2024 Art 11"]),
    ("Art. 82 DSGVO and 15 days later", None, ["GDPR Art 82"]),
    ("the weather is fine", None, []),
]


def _found(refs: list[ResolvedRef]) -> list[str]:
    return [r.id for r in refs if r.id is not None]


@pytest.mark.parametrize(("text", "default", "expected"), TABLE)
def test_reference_table(text: str, default: ActCode | None, expected: list[str]) -> None:
    refs = resolve_reference(text, default_act=default)
    if expected:
        assert _found(refs) == expected
        return
    # no provision may resolve (naming a whole act is fine), and each failure says why
    provisions = [r for r in refs if r.id is None or " " in r.id]
    assert provisions and not any(r.found for r in provisions)
    assert all(r.reason for r in provisions)


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 60


def test_not_found_explains_why() -> None:
    (ref,) = resolve_reference("Art. 130 PLD")
    assert not ref.found and "Articles 1–24" in (ref.reason or "")
    (ref,) = resolve_reference("Article 25")
    assert "no act named" in (ref.reason or "")
    (ref,) = resolve_reference("Article 9(1) of Directive (EU) 2016/943")
    assert "not in the corpus" in (ref.reason or "")
    (ref,) = resolve_reference("the weather is fine")
    assert not ref.found and ref.reason


def test_spans_point_into_the_text() -> None:
    text = "The deployer may argue under Art. 26(5) AI Act and Art 82 DSGVO that ..."
    refs = find_references(text)
    assert [r.id for r in refs] == ["AI_ACT Art 26(5)", "GDPR Art 82"]
    for r in refs:
        assert text[r.start : r.end] == r.text
    assert refs[0].act_source == "explicit"


def test_context_and_default_acts() -> None:
    (ref,) = [
        r
        for r in find_references("Under the PLD the court may use Article 10")
        if " " in (r.id or "")
    ]
    assert ref.id == "PLD_2024 Art 10" and ref.act_source == "context"
    (ref,) = resolve_reference("Article 10", default_act=PLD)
    assert ref.id == "PLD_2024 Art 10" and ref.act_source == "default"


def test_with_a_corpus_the_provision_must_exist(mirror_corpus: Corpus) -> None:
    (ok,) = resolve_reference("Art. 8(1)(c)(ii) PLD", corpus=mirror_corpus)
    assert ok.found
    (gone,) = resolve_reference("Art. 8(9) PLD", corpus=mirror_corpus)
    assert not gone.found and "does not exist" in (gone.reason or "")
    (old,) = resolve_reference("Art. 10(5) AI Act", corpus=mirror_corpus)
    assert not old.found and "AI_ACT@2024-07-12 Art 10(5)" in (old.reason or "")


def test_every_resolved_reference_resolves_in_the_corpus(mirror_corpus: Corpus) -> None:
    for text, default, expected in TABLE:
        for ident in expected:
            assert mirror_corpus.resolves(ident), (text, ident)
        with_corpus = resolve_reference(text, default_act=default, corpus=mirror_corpus)
        assert _found(with_corpus) == _found(resolve_reference(text, default_act=default)), text
