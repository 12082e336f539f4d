"""The LangChain retriever passes the langchain-tests standard retriever suite."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.documents import Document
from langchain_tests.integration_tests import RetrieversIntegrationTests

from assistant.index.langchain_retriever import LegalRetriever
from assistant.index.retriever import HybridRetriever
from assistant.settings import Settings


class TestLegalRetrieverStandard(RetrieversIntegrationTests):
    _hybrid: HybridRetriever | None = None

    @pytest.fixture(autouse=True)
    def _index(self, small_index_settings: Settings) -> None:
        if TestLegalRetrieverStandard._hybrid is None:
            TestLegalRetrieverStandard._hybrid = HybridRetriever(small_index_settings)

    @property
    def retriever_constructor(self) -> type[LegalRetriever]:
        return LegalRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"retriever": TestLegalRetrieverStandard._hybrid, "k": 2}

    @property
    def retriever_query_example(self) -> str:
        return "who is liable for a defective product?"


def test_documents_carry_provision_metadata(small_index_settings: Settings) -> None:
    retriever = LegalRetriever(retriever=HybridRetriever(small_index_settings), k=3)
    docs = retriever.invoke("What does Art 10 PLD say?", acts=["PLD_2024"])
    assert docs and all(isinstance(d, Document) for d in docs)
    meta = docs[0].metadata
    assert meta["id"].startswith("PLD_2024 Art 10") and meta["act"] == "PLD_2024"
    assert {"version", "kind", "heading_path", "status", "url", "score"} <= set(meta)
