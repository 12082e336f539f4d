"""Every provision ID the rule core can emit resolves: EU IDs in the corpus parsed from the
mirror, NATIONAL IDs in the national digest. Also checks the citations of real assessments
under their own analysis dates (version-specific IDs must resolve in the text they cite)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.corpus import Corpus, fetch_sources, load_corpus, load_national_digest
from assistant.facts import Case
from assistant.rules import emittable_provisions, evaluate
from assistant.rules.national import national_ids
from assistant.settings import Settings
from assistant.vocabulary import ProvisionId
from tests.rules.test_own_scenarios import SCENARIOS as OWN
from tests.rules.test_spec_scenarios import SCENARIOS as SPEC

# One date under the original AI Act text, one under the text as amended in 2026: a
# version-specific ID only has to resolve under the text it belongs to.
ORIGINAL_TEXT = date(2026, 5, 1)
AMENDED_TEXT = date(2027, 6, 1)


@pytest.fixture(scope="module")
def corpus(corpus_sources: Path, shared_data_dir: Path) -> Corpus:
    settings = Settings(data_dir=shared_data_dir / "rules-corpus", as_of=AMENDED_TEXT)
    report = fetch_sources(settings, source_dir=corpus_sources)
    assert report.ok, [(r.key, r.error) for r in report.failed]
    return load_corpus(settings)


def test_every_emittable_id_follows_the_grammar() -> None:
    for pid in emittable_provisions():
        assert ProvisionId.parse(pid).format() == pid, pid


def test_every_emittable_id_resolves(corpus: Corpus) -> None:
    ids = emittable_provisions()
    assert len(ids) > 300  # the catalogue, the legal dates and the national digest
    unresolved = sorted(
        pid
        for pid in ids
        if not (corpus.resolves(pid, AMENDED_TEXT) or corpus.resolves(pid, ORIGINAL_TEXT))
    )
    assert unresolved == []


def test_national_ids_are_in_the_digest() -> None:
    digest = load_national_digest()
    assert national_ids() <= set(digest)
    for pid in national_ids():
        assert digest[pid].jurisdiction == pid.split(" ")[1]


@pytest.mark.parametrize("scenario", SPEC + OWN, ids=str)
def test_assessment_citations_resolve_on_their_date(scenario: object, corpus: Corpus) -> None:
    s = scenario
    a = evaluate(Case.model_validate(s.case), s.as_of)  # type: ignore[attr-defined]
    cited = a.citations()
    assert set(cited) <= emittable_provisions()
    bad = [pid for pid in cited if not corpus.resolves(pid, a.as_of)]
    assert bad == [], f"{s}: {bad}"
