"""Quote verification: calibration of the fuzzy threshold (what passes, what does not)."""

from __future__ import annotations

import pytest

from assistant.chain.extract.quotes import FUZZY_THRESHOLD, find_quote

NARRATIVE = (
    "Nordlicht AI GmbH trained a general-purpose language model and licensed it to "
    "Brightside Analytics. Brightside fine-tuned the model on loan files supplied by "
    "DataHarbor Ltd and built a credit-scoring tool. Crescent Bank deployed the tool to decide "
    "consumer loan applications. The tool ran on servers rented from Stratus\u00a0Cloud. In "
    "March 2026 the tool wrongly rejected Maria Lopez, who lost a “mortgage offer”."
)


@pytest.mark.parametrize(
    "quote",
    [
        "Crescent Bank deployed the tool",  # exact
        "crescent bank  DEPLOYED the tool",  # case and spacing
        'who lost a "mortgage offer"',  # typographic quotes
        "servers rented from Stratus Cloud",  # no-break space in the narrative
        "Crescent Bank deployed tool to decide consumer loan applications",  # a dropped word
        "The tool ran on servers rented from Stratus Cloud!",  # punctuation
        "brightside fine-tuned the modle on loan files",  # a typo
        "Brightside fine-tuned ... supplied by DataHarbor Ltd",  # ellipsis, in order
    ],
)
def test_close_copies_are_found(quote: str) -> None:
    match = find_quote(quote, NARRATIVE)
    assert match is not None, quote
    assert match.text in NARRATIVE  # the narrative's own words are returned
    assert match.score >= FUZZY_THRESHOLD


@pytest.mark.parametrize(
    "quote",
    [
        "Crescent Bank is the deployer of the credit tool",  # paraphrase
        "Stratus Cloud hosted the servers for the tool",  # paraphrase
        "Crescent Bank did not deploy the tool",  # negated
        "DataHarbor Ltd is not liable for anything",  # invented
        "Stratus Cloud deployed the tool to decide consumer loan applications",  # swapped actor
        "supplied by DataHarbor Ltd ... Brightside fine-tuned",  # ellipsis, wrong order
        "Ltd",  # too short to be fuzzy, and exact only
        "Acme",
    ],
)
def test_paraphrases_and_inventions_are_rejected(quote: str) -> None:
    match = find_quote(quote, NARRATIVE)
    assert match is None or (quote == "Ltd" and match.exact), (quote, match)


def test_zero_width_characters_do_not_hide_a_quote() -> None:
    text = "Crescent\u200b Bank de\u200dployed the tool."
    match = find_quote("Crescent Bank deployed the tool", text)
    assert match is not None and match.exact
