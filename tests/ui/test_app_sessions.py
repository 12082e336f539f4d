"""AppTest: sessions survive a reload, never see each other, and never adopt foreign ids."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.ui.conftest import MOWER, run_app, seed_session, session_id, store, switch_tab, texts


def _add_actor(at: AppTest, name: str, roles: list[str]) -> None:
    form_inputs = [t for t in at.text_input if t.label.startswith("Name of the company")]
    form_inputs[0].set_value(name)
    roles_box = next(m for m in at.multiselect if m.label.startswith("Roles"))
    roles_box.set_value(roles)
    next(b for b in at.button if b.label == "Add actor").click()
    at.run()
    assert not at.exception, at.exception


def test_first_visit_gets_a_new_session_in_the_url() -> None:
    at = run_app()
    sid = session_id(at)
    assert store().load(sid) is not None
    assert "Not legal advice" in texts(at) or "not legal advice" in texts(at)


def test_reload_restores_the_session() -> None:
    at = run_app(tab="Facts")
    sid = session_id(at)
    _add_actor(at, "Acme Robotics", ["developer", "provider"])
    # A reload is a new browser run with the same URL: nothing but the id carries over.
    again = run_app(session_id=sid, tab="Facts")
    assert session_id(again) == sid
    facts = again.data_editor[0].value
    assert "Acme Robotics" in facts["value"].tolist()
    assert "Session restored" in texts(again)
    # The findings were re-computed for the restored actor too.
    switch_tab(again, "Findings")
    assert "Acme Robotics" in texts(again)


def test_two_sessions_never_see_each_other() -> None:
    first = run_app(tab="Facts")
    _add_actor(first, "Secret Supplier SA", ["component_supplier"])
    second = run_app(tab="Facts")
    assert session_id(second) != session_id(first)
    assert not second.data_editor  # no facts at all in the second session
    switch_tab(second, "Findings")
    assert "Secret Supplier" not in texts(second)
    # The first is unchanged by the second's visit.
    assert store().load(session_id(first)).case["actors"][0]["name"] == "Secret Supplier SA"


def test_unknown_or_forged_session_id_is_never_adopted() -> None:
    sid = seed_session(MOWER)
    forged = sid[:-4] + ("AAAA" if not sid.endswith("AAAA") else "BBBB")
    at = run_app(session_id=forged, tab="Findings")
    assert session_id(at) not in (forged, sid)
    assert "unknown or expired" in texts(at)
    assert "GreenBlade" not in texts(at)


def test_widget_state_does_not_follow_into_a_new_session() -> None:
    at = run_app(tab="Triage")
    at.text_area(key="narrative_input").set_value("Confidential incident at Foo Ltd")
    at.run()
    next(b for b in at.button if b.label == "New session").click()
    at.run()
    assert not at.exception
    switch_tab(at, "Triage")
    assert at.text_area(key="narrative_input").value == ""
