"""BM25 over chunk texts: query terms count once."""

from __future__ import annotations

from assistant.index.lexical import LexicalIndex, tokenize


def test_repeated_query_terms_do_not_outweigh_rare_ones() -> None:
    texts = [
        "data data data stored in a data centre",
        "compensation for damage caused by an infringement",
        "rules on data",
    ]
    index = LexicalIndex.build(["a", "b", "c"], texts, "en")
    once = index.search("compensation data", 3)
    repeated = index.search("compensation data data data data data", 3)
    assert [k for k, _ in repeated] == [k for k, _ in once]
    assert once[0][0] == "b"  # the rare term decides


def test_tokenize_folds_and_stems() -> None:
    assert tokenize("Damages, obligations and DÉCISIONS") == ["damage", "obligation", "decision"]
    assert tokenize("les décisions automatisées", "fr") == ["decision", "automatise"]
