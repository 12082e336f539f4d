"""AppTest: uploads are read, kept in the session only, and bad files get a clear message
while everything the session already holds stays intact."""

from __future__ import annotations

import pytest

from assistant.settings import get_settings
from tests.security.badfiles import BAD, text_pdf
from tests.ui.conftest import MOWER, run_app, seed_session, store, texts

_BAD = {name: (file_name, make) for name, file_name, make in BAD}


@pytest.mark.parametrize(
    "case", ["truncated pdf", "encrypted pdf", "text named pdf", "exe named txt"]
)
def test_bad_upload_gets_a_clear_message_and_facts_stay(case: str) -> None:
    file_name, make = _BAD[case]
    sid = seed_session(MOWER)
    before = store().load(sid)
    at = run_app(session_id=sid, tab="Triage")
    at.file_uploader[0].upload(file_name, make(), "application/octet-stream")
    at.run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert errors and any(file_name in e for e in errors), errors
    assert any("—" in e for e in errors)  # the hint: what to do about it
    after = store().load(sid)
    assert after.case == before.case and after.report == before.report
    assert after.uploads == []


def test_good_upload_is_kept_for_the_session_only() -> None:
    sid = seed_session(MOWER)
    at = run_app(session_id=sid, tab="Triage")
    at.file_uploader[0].upload("incident.pdf", text_pdf("The mower ignored the stop button."))
    at.run()
    assert not at.exception
    uploads = store().load(sid).uploads
    assert [u.name for u in uploads] == ["incident.pdf"]
    assert "stop button" in uploads[0].text
    assert any("incident.pdf" in e.label for e in at.expander)
    assert any("stop button" in t.value for t in at.text)
    assert "Added incident.pdf" in texts(at)
    # Never added to the shared index, and invisible to another session.
    assert not get_settings().index_dir.exists()
    other = run_app(tab="Triage")
    assert not any("incident.pdf" in e.label for e in other.expander)
    # Removing it is possible and sticks.
    next(b for b in at.button if b.label == "Remove from this session").click()
    at.run()
    assert store().load(sid).uploads == []


def test_same_file_twice_is_kept_once() -> None:
    sid = seed_session(None)
    at = run_app(session_id=sid, tab="Triage")
    for _ in range(2):
        at.file_uploader[0].upload("notes.txt", b"The operator saw smoke at 10:40.", "text/plain")
        at.run()
    assert len(store().load(sid).uploads) == 1
