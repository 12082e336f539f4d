"""The real embedded model extracts a fixed narrative (slow tier; run with ``-m slow``)."""

from __future__ import annotations

import json
import time

import pytest

from assistant.chain.extract import extract_case, find_quote
from assistant.chain.extract.model_extractor import extract_with_model
from assistant.llm import LocalChatModel

pytestmark = pytest.mark.slow

# Our own narrative (fictional companies).
NARRATIVE = (
    "Polaris AI GmbH trained a large language model and licensed it to Kestrel Analytics. "
    "Kestrel Analytics fine-tuned the model on loan records supplied by DataMarsh Ltd and "
    "built a credit-scoring tool. Harbor Bank deployed the tool to decide consumer loan "
    "applications. The tool ran on servers rented from Stratos Cloud. On 12 March 2027 the "
    "tool wrongly rejected Maria Lopez, who lost a mortgage offer."
)
MAIN_ROLES = {
    "Polaris AI GmbH": "developer",
    "Kestrel Analytics": "fine_tuner",
    "DataMarsh Ltd": "data_provider",
    "Harbor Bank": "deployer",
    "Stratos Cloud": "cloud_provider",
}


@pytest.fixture(scope="module")
def model() -> LocalChatModel:
    from assistant.models import llm_status

    ok, detail = llm_status()
    if not ok:
        pytest.skip(f"embedded model not available: {detail}")
    chat = LocalChatModel(n_ctx=4096, timeout_s=150)
    chat.llama()
    return chat


def test_the_model_s_own_draft(model: LocalChatModel) -> None:
    started = time.perf_counter()
    found = extract_with_model(model, NARRATIVE, retries=0)
    elapsed = time.perf_counter() - started
    print(f"\nmodel extraction: {elapsed:.1f} s; reply: {found.raw}")
    assert found.draft is not None, found.outcome
    reply = json.loads(found.raw)
    said = {a["name"]: a["role"] for a in reply["actors"]}
    assert all(name in NARRATIVE for name in said), said  # no invented actors
    right = [name for name, role in MAIN_ROLES.items() if said.get(name) == role]
    print(f"main roles right in the reply: {len(right)}/5 {right}")
    assert len(right) >= 3, said
    # what survives verification rests on the narrative's own words
    for actor in found.draft.actors:
        for quote in actor.role_quotes.values():
            assert find_quote(quote, NARRATIVE) is not None, quote
    kept = [a.name for a in found.draft.actors if a.roles]
    print(f"roles kept after quote verification: {kept}")


def test_combined_extraction(model: LocalChatModel) -> None:
    result = extract_case(NARRATIVE, model=model)
    print(f"\nextract_case with the local model: {result.elapsed_s:.1f} s ({result.method})")
    assert result.method == "model+rules", result.notes
    for name, role in MAIN_ROLES.items():
        actor = result.case.actor(name)
        assert actor is not None and actor.roles and role in {r.value for r in actor.roles}, name
    assert [h.value for h in result.case.harms()] == ["economic_loss"]
    assert result.case.incident.date is not None
    assert result.case.incident.date.isoformat() == "2027-03-12"
