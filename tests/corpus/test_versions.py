"""Versions: the text in force on the analysis date, the original via @version, amendments."""

from __future__ import annotations

from datetime import date

from assistant.corpus.corpus import Corpus
from assistant.corpus.tree import SourceStatus
from assistant.vocabulary import ActCode


def test_unversioned_id_gives_the_text_in_force(mirror_corpus: Corpus) -> None:
    now = mirror_corpus.get("AI_ACT Art 113(3)(c)")
    then = mirror_corpus.get("AI_ACT Art 113(3)(c)", as_of=date(2025, 6, 1))
    pinned = mirror_corpus.get("AI_ACT@2024-07-12 Art 113(3)(c)")
    assert now is not None and then is not None and pinned is not None
    assert "2 August 2027" in then.full_text()
    assert then.full_text() == pinned.full_text()
    assert "2 December 2027" in now.full_text()
    tree = mirror_corpus.tree_for(ActCode.AI_ACT)
    assert tree is not None and tree.version == date(2026, 7, 27)


def test_amended_provisions_know_the_amending_act(mirror_corpus: Corpus) -> None:
    assert mirror_corpus.amended_by("AI_ACT Art 113") == ["AI_OMNIBUS_2026"]
    assert mirror_corpus.amended_by("AI_ACT Art 25(2)") == ["AI_OMNIBUS_2026"]
    assert mirror_corpus.amended_by("AI_ACT Art 25(1)") == []  # unchanged paragraph
    assert mirror_corpus.amended_by("AI_ACT@2024-07-12 Art 113") == []
    label = mirror_corpus.cite_label("AI_ACT Art 113")
    assert label == "AI_ACT Art 113 (as amended by Regulation (EU) 2026/1744)"


def test_inserted_and_deleted_provisions(mirror_corpus: Corpus) -> None:
    for ident in ("AI_ACT Art 4a", "AI_ACT Art 60a", "AI_ACT Art 75d", "AI_ACT Art 5(1)(ba)"):
        assert mirror_corpus.resolves(ident), ident
        assert not mirror_corpus.resolves(ident.replace("AI_ACT", "AI_ACT@2024-07-12")), ident
    # Art 10(5) was deleted by the Omnibus: only the original has it.
    assert not mirror_corpus.resolves("AI_ACT Art 10(5)")
    assert mirror_corpus.resolves("AI_ACT@2024-07-12 Art 10(5)")


def test_recitals_come_from_the_original_act(mirror_corpus: Corpus) -> None:
    node = mirror_corpus.get("AI_ACT Recital 12")
    assert node is not None and node.url is not None
    assert "32024R1689" in node.url and node.url.endswith("#rct_12")
    assert not mirror_corpus.resolves("AI_ACT Recital 181")


def test_a_date_that_is_not_a_version_means_in_force_on_that_date(mirror_corpus: Corpus) -> None:
    node = mirror_corpus.get("AI_ACT@2025-03-01 Art 113(3)(c)")
    assert node is not None and "2 August 2027" in node.full_text()


def test_statuses_and_versions(mirror_corpus: Corpus) -> None:
    assert mirror_corpus.versions(ActCode.AI_ACT) == [date(2024, 7, 12), date(2026, 7, 27)]
    assert mirror_corpus.source_status(ActCode.AILD_PROPOSAL) is SourceStatus.WITHDRAWN_PROPOSAL
    assert mirror_corpus.source_status(ActCode.PLD_1985) is SourceStatus.IN_FORCE_WITH_TRANSITION
    assert mirror_corpus.source_status(ActCode.AI_ACT) is SourceStatus.CONSOLIDATED
    assert mirror_corpus.source_status(ActCode.AI_ACT, date(2025, 1, 1)) is SourceStatus.IN_FORCE


def test_french_tree_for_the_same_version(mirror_corpus: Corpus) -> None:
    fr = mirror_corpus.tree_for(ActCode.AI_ACT, language="fr")
    assert fr is not None and fr.language == "fr" and fr.version == date(2026, 7, 27)
    assert mirror_corpus.tree_for(ActCode.PLD_2024, language="fr") is None
