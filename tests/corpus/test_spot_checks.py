"""Paragraph, point and subpoint IDs land on the right text (short substrings, < 10 words)."""

from __future__ import annotations

import pytest

from assistant.corpus.corpus import Corpus

SPOT = [
    ("PLD_2024 Art 8(1)(c)(iii)", "the fulfilment service provider"),
    ("PLD_2024 Art 8(1) subparagraph 2", "referred to in the first subparagraph, point (a)"),
    ("PLD_2024 Art 6(1)(b)(ii)", "damaged by a defective component"),
    ("PLD_2024 Art 10(4)", "despite the disclosure of evidence"),
    ("PLD_2024 Art 4(18)(b)(ii)", "creates a new hazard"),
    ("PLD_2024 Art 11(1)(e)", "scientific and technical knowledge"),
    ("PLD_2024 Art 16(1)", "limitation period of three years"),
    ("PLD_2024 Art 17(2)", "latency of a personal injury"),
    ("PLD_2024 Art 12(2)(a)", "a microenterprise or a small enterprise"),
    ("PLD_2024 Art 2(4)(b)", "national rules concerning contractual liability"),
    ("PLD_1985 Art 7(e)", "state of scientific and technical knowledge"),
    ("PLD_1985 Art 9(b)", "lower threshold of 500 ECU"),
    ("PLD_1985 Art 3(2)", "imports into the Community"),
    ("AI_ACT Art 25(4) subparagraph 2", "voluntary model terms"),
    ("AI_ACT Art 25(1)(b)", "substantial modification"),
    ("AI_ACT Art 26(6)", "keep the logs automatically generated"),
    ("AI_ACT Art 113(3)(c)(ii)", "2 August 2028"),
    ("AI_ACT@2024-07-12 Art 113(3)(c)", "apply from 2 August 2027"),
    ("AI_ACT Art 5(1)(h)(iii)", "suspected of having committed a criminal offence"),
    ("AI_ACT Art 3(4)", "‘deployer’ means"),
    ("AI_ACT Annex III point 5(b)", "evaluate the creditworthiness of natural persons"),
    ("AI_ACT Annex III point 1(a)", "shall not include AI systems"),
    ("AI_ACT Art 99(6a)", "In the case of SMCs"),
    ("AI_ACT Art 6(1c)", "third-party conformity assessment"),
    ("GDPR Art 82(3)", "not in any way responsible"),
    ("GDPR Art 33(1)", "not later than 72 hours"),
    ("GDPR Art 22(2)(c)", "explicit consent"),
    ("CRA Art 14(2)(a)", "an early warning notification"),
    ("CRA Annex I Part II point 2", "address and remediate vulnerabilities"),
    ("CRA Art 13(8) subparagraph 3", "at least five years"),
    ("NIS2 Art 23(4)(a)", "within 24 hours"),
    ("NIS2 Art 21(2)(d)", "supply chain security"),
    ("DCD_2019 Art 8(2)(b)", "the consumer may reasonably expect"),
    ("AILD_PROPOSAL Art 4(1)(a)", "non-compliance with a duty of care"),
    ("MOZILLA_POST §3", "different kinds of experts"),
]


@pytest.mark.parametrize(("ident", "snippet"), SPOT)
def test_provision_text(mirror_corpus: Corpus, ident: str, snippet: str) -> None:
    assert len(snippet.split()) < 10
    node = mirror_corpus.get(ident)
    assert node is not None, f"{ident} does not resolve"
    assert snippet in node.full_text(), f"{ident}: {node.full_text()[:200]!r}"


def test_a_point_does_not_swallow_its_siblings(mirror_corpus: Corpus) -> None:
    a = mirror_corpus.get("PLD_2024 Art 8(1)(a)")
    assert a is not None
    assert "component" not in a.full_text()  # that is point (b)
    para = mirror_corpus.get("PLD_2024 Art 8(1)")
    assert para is not None
    assert [c.label for c in para.children][:3] == ["(a)", "(b)", "(c)"]
