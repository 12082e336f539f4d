"""The French word list learnt from aligned texts."""

from __future__ import annotations

from pathlib import Path

from assistant.index.bilingual import (
    aligned_pairs,
    build_lexicon,
    load_lexicon,
    save_lexicon,
    translate,
)
from assistant.index.chunks import Chunk

# Small parallel sentences of our own: each French word meets its English word in the same
# pairs, and only there.
PAIRS = [
    ("The controller shall erase the data.", "Le responsable efface les données."),
    ("Erasure of data on request.", "Effacement des données sur demande."),
    ("The erasure is free.", "L'effacement est gratuit."),
    ("Processing must be lawful.", "Le traitement doit être licite."),
    ("Lawful grounds.", "Motifs licites."),
    ("The provider keeps logs.", "Le fournisseur conserve les journaux."),
    ("Logs are kept six months.", "Journaux gardés six mois."),
    ("The provider signs.", "Le fournisseur signe."),
]


def test_words_that_share_pairs_translate_each_other() -> None:
    lexicon = build_lexicon(PAIRS)
    assert translate(["effacement"], lexicon) == ["erasure"]
    assert translate(["licite", "journaux"], lexicon) == ["lawful", "logs"]
    assert translate(["fournisseurs"], lexicon) == ["provider"]  # plural stems alike
    assert translate(["inconnu"], lexicon) == []


def test_thresholds_keep_chance_pairs_out() -> None:
    assert "gratuit" not in build_lexicon(PAIRS)  # seen in one pair only
    assert build_lexicon(PAIRS, min_pairs=10) == {}
    assert build_lexicon([]) == {}


def test_aligned_pairs_match_language_versions_of_one_provision() -> None:
    def chunk(lang: str, pid: str, text: str, status: str = "in_force") -> Chunk:
        return Chunk(
            key=f"GDPR@2016-05-04/{lang} {pid}#0",
            id=pid,
            top_level=pid,
            act="GDPR",
            version="2016-05-04",
            language=lang,
            kind="article",
            status=status,
            header="GDPR",
            text=text,
        )

    chunks = [
        chunk("en", "GDPR Art 17", "erasure"),
        chunk("fr", "GDPR Art 17", "effacement"),
        chunk("en", "GDPR Art 6", "lawful"),  # no French twin
        chunk("en", "GDPR Art 82", "note", "digest_note"),
    ]
    assert aligned_pairs(chunks) == [("erasure", "effacement")]


def test_save_and_load(tmp_path: Path) -> None:
    save_lexicon(tmp_path, {"licit": "lawful"})
    assert load_lexicon(tmp_path) == {"licit": "lawful"}
    assert load_lexicon(tmp_path / "none") == {}
