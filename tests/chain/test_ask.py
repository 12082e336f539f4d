"""``ask``: named references first, extractive answers without a model, verified model answers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.chain.ask import ask
from assistant.chain.verify import UNVERIFIED_MARK
from assistant.corpus import Corpus
from assistant.llm import ScriptedChatModel
from assistant.vocabulary import find_ids
from tests.chain.chainkit import full_corpus

DAY = date(2027, 6, 1)


class _NoRetriever:
    def search(self, query: str, k: int = 8, **_: object) -> list[object]:
        return []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, corpus_sources: Path) -> Corpus:
    return full_corpus(tmp_path_factory.mktemp("ask-data"), corpus_sources)


def test_named_reference_comes_first_with_text_and_link(corpus: Corpus) -> None:
    answer = ask("What does Art. 82 GDPR say?", provider="none", as_of=DAY, corpus=corpus,
                 retriever=_NoRetriever())  # fmt: skip
    assert answer.source == "extractive"
    assert answer.citations[0].id == "GDPR Art 82"
    assert answer.citations[0].url and "eur-lex" in answer.citations[0].url
    assert "**GDPR Art 82**" in answer.markdown
    assert "not legal advice" in answer.notice


def test_without_index_the_digest_still_answers(corpus: Corpus) -> None:
    answer = ask("Who is liable when a product made outside the EU is defective?", provider="none",
                 as_of=DAY, corpus=corpus)  # fmt: skip
    assert any("index" in n.lower() for n in answer.notes)  # no index in this test's data dir
    assert answer.citations, answer.markdown
    for c in answer.citations:
        assert corpus.resolves(c.id, DAY)


def test_aild_provisions_are_labelled_withdrawn(corpus: Corpus) -> None:
    answer = ask("AILD_PROPOSAL Art 4 presumption of causality", provider="none", as_of=DAY,
                 corpus=corpus, retriever=_NoRetriever())  # fmt: skip
    assert answer.citations and answer.citations[0].withdrawn
    assert "withdrawn proposal" in answer.markdown


def test_model_answer_is_verified(corpus: Corpus) -> None:
    model = ScriptedChatModel.of([
        "Anyone harmed by a GDPR infringement can claim compensation from the controller or "
        "processor [GDPR Art 82(1)]. The court of the moon decides [GDPR Art 120]."
    ])  # fmt: skip
    answer = ask("Can I claim damages for a data breach under Art 82(1) GDPR?", model=model,
                 as_of=DAY, corpus=corpus, retriever=_NoRetriever(), embed=None)  # fmt: skip
    assert answer.source == "llm"
    assert "[GDPR Art 82(1)]" in answer.markdown
    assert "GDPR Art 120" not in answer.markdown
    assert any(i.kind == "unresolved_citation" for i in answer.issues)
    assert UNVERIFIED_MARK in answer.markdown  # the moon sentence lost its only citation
    for ident in find_ids(answer.markdown):
        assert corpus.resolves(ident, DAY)


def test_model_failure_gives_the_extractive_answer(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_LLM_RETRIES", "0")
    from assistant.settings import get_settings

    get_settings.cache_clear()
    model = ScriptedChatModel.of([TimeoutError("slow")])
    answer = ask("What does Art. 82 GDPR say?", model=model, as_of=DAY, corpus=corpus,
                 retriever=_NoRetriever(), embed=None)  # fmt: skip
    assert answer.source == "extractive"
    assert answer.notes and "**GDPR Art 82**" in answer.markdown
