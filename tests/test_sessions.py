"""Session store: survives restarts, never adopts foreign ids, isolates sessions."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assistant.sessions import ChatMessage, SessionState, SessionStore, StoredUpload


def test_state_round_trips_across_store_instances(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    store = SessionStore(db)
    sid, state = store.open(None)
    state.messages.append(ChatMessage(role="user", content="Our robot hurt someone"))
    state.case = {"incident": {"date": {"value": "2027-02-01", "source": "user"}}}
    state.uploads.append(StoredUpload(name="report.pdf", kind="pdf", text="..."))
    store.save(sid, state)
    # A new process-level instance (as after an app restart) sees the same state.
    again = SessionStore(db).load(sid)
    assert again == state


def test_session_survives_a_killed_writer(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    store = SessionStore(db)
    sid, state = store.open(None)
    state.narrative = "kept"
    store.save(sid, state)
    code = (
        f"import os, sys; sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})\n"
        "from pathlib import Path\n"
        "from assistant.sessions import SessionStore, SessionState\n"
        f"s = SessionStore(Path({str(db)!r}))\n"
        f"st = s.load({sid!r}); st.narrative = 'x' * 5_000_000\n"
        "import sqlite3\n"
        f"db = sqlite3.connect({str(db)!r}, isolation_level=None); db.execute('BEGIN')\n"
        f"db.execute('UPDATE sessions SET state = ? WHERE id = ?', (st.model_dump_json(), {sid!r}))\n"
        "os._exit(9)  # die inside the transaction\n"
    )
    proc = subprocess.run([sys.executable, "-c", code])
    assert proc.returncode == 9
    loaded = SessionStore(db).load(sid)
    assert loaded is not None and loaded.narrative == "kept"


@pytest.mark.parametrize(
    "bad", [None, "", "abc", "../../etc/passwd", "x" * 200, "'; DROP TABLE sessions; --"]
)
def test_unknown_or_malformed_ids_get_a_fresh_session(tmp_path: Path, bad: str | None) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    sid, state = store.open(bad)
    assert sid != bad and SessionStore.valid_id(sid)
    assert state == SessionState()


def test_a_well_formed_but_unissued_id_is_not_adopted(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    guessed = "A" * 32
    sid, _ = store.open(guessed)
    assert sid != guessed


def test_concurrent_sessions_never_see_each_other(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    ids = [store.open(None)[0] for _ in range(8)]
    errors: list[BaseException] = []

    def worker(n: int, sid: str) -> None:
        try:
            for i in range(25):
                st = store.load(sid)
                assert st is not None
                assert all(m.content.startswith(f"s{n}:") for m in st.messages)
                st.messages.append(ChatMessage(role="user", content=f"s{n}: turn {i}"))
                store.save(sid, st)
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n, sid)) for n, sid in enumerate(ids)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    for n, sid in enumerate(ids):
        st = store.load(sid)
        assert st is not None and len(st.messages) == 25
        assert {m.content.split(":")[0] for m in st.messages} == {f"s{n}"}


def test_delete_and_purge(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    sid, _ = store.open(None)
    store.delete(sid)
    assert store.load(sid) is None
    store.open(None)
    assert store.purge(older_than_days=-1) == 1
    assert store.count() == 0
