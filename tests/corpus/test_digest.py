"""The project's digest: enough entries, valid tags, every ID real, every cited ID described."""

from __future__ import annotations

from assistant.corpus import Corpus, load_digest, load_national_digest
from assistant.vocabulary import ActCode, ProvisionId

from .test_legal_rules_ids import legal_rules_ids


def test_digest_is_large_and_spans_the_acts() -> None:
    digest = load_digest()
    assert len(digest) >= 120
    acts = {entry.act for entry in digest.values()}
    assert {ActCode.AI_ACT, ActCode.PLD_2024, ActCode.PLD_1985, ActCode.GDPR, ActCode.CRA,
            ActCode.NIS2, ActCode.DCD_2019, ActCode.AILD_PROPOSAL} <= acts  # fmt: skip


def test_entries_are_short_summaries_with_tags() -> None:
    for entry in load_digest().values():
        assert entry.title and entry.summary
        assert len(entry.summary.split()) <= 60, entry.id  # 1-2 sentences, our own words
        assert entry.tags.regimes or entry.act is ActCode.AILD_PROPOSAL, entry.id
        assert entry.tags.topics, entry.id


def test_every_digest_id_resolves_in_the_texts(mirror_corpus: Corpus) -> None:
    missing = [i for i in load_digest() if not mirror_corpus.resolves(i)]
    assert not missing


def test_every_provision_the_rule_core_cites_is_described() -> None:
    digest = load_digest()
    ids = [i for i in legal_rules_ids() if ProvisionId.parse(i).kind.value != "act"]
    undescribed = sorted({i for i in ids if i not in digest})
    assert not undescribed


def test_withdrawn_proposal_is_flagged_in_its_digest() -> None:
    for entry in load_digest().values():
        if entry.act is ActCode.AILD_PROPOSAL:
            assert "withdrawn" in entry.summary.lower() and "never law" in entry.summary.lower()


def test_national_digest_entries_are_valid() -> None:
    national = load_national_digest()
    assert national
    for ident, entry in national.items():
        assert ident.startswith(f"NATIONAL {entry.jurisdiction} ")
