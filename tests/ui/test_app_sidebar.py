"""AppTest: the sidebar's date, jurisdiction and provider follow the session and re-run the
rule core; the not-legal-advice notice is always there; the settings page renders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.facts import Case
from assistant.report import Report
from assistant.rules import evaluate
from assistant.settings import get_settings
from tests.ui.conftest import MOWER, run_app, seed_session, store, texts


def _statuses(sid: str) -> set[tuple[str, str, str]]:
    report = Report.model_validate(store().load(sid).report)
    return {(f.regime.value, f.actor, f.status.value) for f in report.findings}


def test_sidebar_shows_the_session_values_and_the_notice() -> None:
    sid = seed_session(MOWER)
    at = run_app(session_id=sid)
    assert at.selectbox(key="sidebar_jurisdiction").value == "DE"  # from the facts
    assert at.date_input(key="sidebar_as_of").value == dt.date(2027, 7, 1)
    assert at.selectbox(key="sidebar_provider").value == "none"
    assert any("not legal advice" in w.value for w in at.sidebar.warning)


def test_changing_the_date_reruns_the_rules_on_that_date() -> None:
    sid = seed_session(MOWER)
    at = run_app(session_id=sid, tab="Findings")
    before = _statuses(sid)
    new_day = dt.date(2026, 6, 1)
    at.date_input(key="sidebar_as_of").set_value(new_day)
    at.run()
    assert not at.exception
    state = store().load(sid)
    assert state.as_of == new_day.isoformat()
    expected = evaluate(Case.model_validate(state.case), new_day).public
    assert _statuses(sid) == {(f.regime.value, f.actor, f.status.value) for f in expected}
    assert _statuses(sid) != before
    assert "Analysis date: 2026-06-01" in texts(at)


def test_changing_the_jurisdiction_sets_the_fact_as_the_users() -> None:
    sid = seed_session(MOWER)
    at = run_app(session_id=sid, tab="Findings")
    at.selectbox(key="sidebar_jurisdiction").set_value("FR")
    at.run()
    state = store().load(sid)
    assert state.jurisdiction == "FR"
    assert state.case["jurisdiction"]["member_state"] == "FR"
    assert state.case["provenance"]["jurisdiction.member_state"]["source"] == "user"
    assert Report.model_validate(state.report).jurisdiction == "FR"
    # Other runs keep it (the widget follows the session, not the other way round).
    at.run()
    assert store().load(sid).jurisdiction == "FR"


def test_provider_choice_is_kept_per_session() -> None:
    sid = seed_session(MOWER)
    at = run_app(session_id=sid)
    at.selectbox(key="sidebar_provider").set_value("local")
    at.run()
    assert store().load(sid).provider == "local"
    other = run_app()
    assert other.selectbox(key="sidebar_provider").value == "none"


def test_settings_page_shows_corpus_index_and_provider() -> None:
    at = run_app()
    at.radio(key="page").set_value("Corpus & settings")
    at.run()
    assert not at.exception
    page = texts(at)
    assert "Legal corpus" in page and "Search index" in page and "Language model" in page
    assert "Not built yet" in page
    labels = [b.label for b in at.button]
    assert any(label.startswith("Fetch the legal texts") for label in labels)
    assert "Build the index" in labels
    at.button(key="provider_check").click()
    at.run()
    assert any("deterministic" in s.value for s in at.success)


def test_fetch_from_the_mirror_with_progress(
    corpus_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_CORPUS_SOURCE_DIR", str(corpus_sources))
    at = run_app()
    at.radio(key="page").set_value("Corpus & settings")
    at.run()
    at.button(key="corpus_fetch").click()
    at.run()
    assert not at.exception
    assert at.get("progress"), "the fetch shows a progress bar"
    assert any("sources ready" in s.value for s in at.success)
    lock = get_settings().corpus_dir
    assert any(lock.iterdir())
    # The page now lists the sources as fetched.
    table = at.dataframe[0].value
    assert (table["state"] == "fetched").sum() >= 10
