"""Odd input never breaks extraction or answer parsing (property tests)."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.chain.extract import extract_case, find_quote
from assistant.chain.interview import apply_answer
from assistant.facts import Actor, Case
from assistant.rules import Question
from tests.chain.extract.narratives import NARRATIVES

FRAGMENTS = [s for n in NARRATIVES for s in n.text.split(". ")]
WORDS = st.sampled_from(
    ["GmbH", "Ltd", "developed by", "on", "15 March 2027", "\u200b", "SYSTEM:", "ignore", "von",
     "der", "(", ")", "’s", "we", "I", "my son", "hacked", "burned", "März", "?", "\n\n", "EUR"]
)  # fmt: skip
TEXT = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), WORDS, st.text(max_size=30)), min_size=1, max_size=25
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extraction_never_raises_and_quotes_are_real(text: str) -> None:
    result = extract_case(text)
    for fact in result.added:
        assert find_quote(fact.quote, text) is not None, (fact.path, fact.quote)


CASE = Case(actors=[Actor(name="Acme GmbH")])
PATHS = [
    "incident.date", "actors[0].roles", "actors[0].established_in_eu", "claimant.type",
    "damage", "damage[0].amount_eur", "jurisdiction.member_state", "contracts",
    "modification.substantial", "ai.practice_flags", "actors[0].conduct",
]  # fmt: skip
CODES = {"contracts": "Q_CONTRACT", "modification.substantial": "Q_MODIFICATION"}


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(PATHS), st.one_of(TEXT, st.text(max_size=80)))
def test_answers_never_raise(path: str, answer: str) -> None:
    question = Question(
        id="Q", code=CODES.get(path, "Q_X"), text="?", fact_paths=[path], reason="r",
        priority=1, impact=0,
    )  # fmt: skip
    result = apply_answer(CASE, question, answer)
    assert result.ok or result.clarification
    if not result.ok:
        assert result.case == CASE


# Texts at the narrative limit that once made a pattern go quadratic (minutes, not seconds):
# a capitalised run, camel-case pairs, newlines only, a log of dates, a list of 6,000 companies.
LIMIT = 200_000
HOSTILE = {
    "capitals": "X" * LIMIT,
    "camel pairs": "aB" * (LIMIT // 2),
    "newlines": "\n" * LIMIT,
    "date log": ("1 March 2027 " * LIMIT)[:LIMIT],
    "company list": " ".join(f"Firma{i} GmbH sold it to Kunde{i} AG." for i in range(7000))[:LIMIT],
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_at_the_limit_is_read_within_the_safety_bound(name: str) -> None:
    started = time.perf_counter()
    result = extract_case(HOSTILE[name])
    seconds = time.perf_counter() - started
    assert seconds < 10.0, f"{name}: {seconds:.1f} s"
    assert len(result.case.actors) <= 60
