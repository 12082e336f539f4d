"""Isolation: app sessions running at the same time never see each other's facts or uploads.

Fast tier: four AppTest sessions in threads of one process (as Streamlit serves browser tabs:
shared resource caches, one session store, the pipeline's module caches). Each uploads its own
confidential document and triages its own narrative, several rounds, interleaved; each then
checks that every page it renders and everything stored under its id holds only its own
company, document and secret, and nothing of the others'. AppTest swaps a process-global mock
runtime for each script run, so the runs themselves are serialised by a lock; the sessions
interleave run by run. Slow tier: the real server with two browsers acting at the same moment,
so the server runs both sessions' scripts truly concurrently.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.security.badfiles import text_pdf
from tests.ui.conftest import run_app, session_id, store, switch_tab, texts

AS_OF = date(2028, 6, 1)
SESSIONS = [
    ("Alpha Robotics GmbH", "alpha-7731", "Lyra Logistics KG"),
    ("Borealis Vision Oy", "borealis-2209", "Nimbus Care SA"),
    ("Cobalt Drones SRL", "cobalt-5514", "Orchard Farms BV"),
    ("Delta Speech AB", "delta-9046", "Quartz Retail AG"),
]
ROUNDS = 2


@pytest.fixture(autouse=True)
def _app(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from assistant.settings import get_settings

    lock = threading.RLock()
    unlocked = AppTest._run

    def locked_run(self: AppTest, *args: Any, **kwargs: Any) -> AppTest:
        with lock:
            return unlocked(self, *args, **kwargs)

    monkeypatch.setattr(AppTest, "_run", locked_run)
    monkeypatch.setenv("ASSISTANT_AS_OF", AS_OF.isoformat())
    get_settings.cache_clear()
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def _narrative(company: str, customer: str, round_: int) -> str:
    return (
        f"{company} develops and sells an AI inspection robot. {customer} operates it in its "
        f"warehouse. On {3 + round_} May 2027 the robot struck a worker, who broke an arm."
    )


def _check(ok: bool, problem: str) -> None:
    # Plain raises: pytest's assertion rewriting is not thread-safe (messages get mixed).
    if not ok:
        raise AssertionError(problem)


def _session(index: int, errors: list[str], barrier: threading.Barrier) -> None:
    company, secret, customer = SESSIONS[index]
    others = [name for i, s in enumerate(SESSIONS) if i != index for name in (s[0], s[1], s[2])]
    try:
        at = run_app(tab="Triage")
        sid = session_id(at)
        barrier.wait(timeout=120)  # all sessions are open before anyone acts
        for round_ in range(ROUNDS):
            pdf = text_pdf(f"Memo {round_} {secret}: {company} knew of the sensor fault.")
            at.file_uploader[0].upload(f"memo-{secret}-{round_}.pdf", pdf, "application/pdf")
            at.run(timeout=120)
            at.text_area(key="narrative_input").set_value(_narrative(company, customer, round_))
            next(b for b in at.button if b.label == "Analyse").click()
            at.run(timeout=120)
            _check(not at.exception, f"app exception {at.exception}")
            barrier.wait(timeout=300)  # interleave: everyone finished this round
            pages = [texts(at)]
            for tab in ("Findings", "Facts", "Export", "Triage"):
                pages.append(texts(switch_tab(at, tab)))
                pages += [e.label for e in at.expander]
            shown = "\n".join(pages)
            _check(company in shown, "does not see its own company")
            leaked = [o for o in others if o in shown]
            _check(not leaked, f"sees {leaked}")
            state = store().load(sid)
            _check(state is not None, "its session is gone")
            stored = state.model_dump_json()  # type: ignore[union-attr]
            _check(secret in stored and company in stored, "lost its own facts or upload")
            leaked = [o for o in others if o in stored]
            _check(not leaked, f"stored {leaked}")
            names = {u.name for u in state.uploads}  # type: ignore[union-attr]
            wanted = {f"memo-{secret}-{r}.pdf" for r in range(round_ + 1)}
            _check(names == wanted, f"uploads {sorted(names)} instead of {sorted(wanted)}")
    except BaseException as exc:  # collected and reported by the main thread
        import traceback

        errors.append(f"session {index}: {type(exc).__name__}: {exc}\n{traceback.format_exc()}")
        barrier.abort()


def test_concurrent_app_sessions_never_see_each_other() -> None:
    errors: list[str] = []
    barrier = threading.Barrier(len(SESSIONS))
    threads = [
        threading.Thread(target=_session, args=(i, errors, barrier), name=f"session-{i}")
        for i in range(len(SESSIONS))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=900)
    assert not any(t.is_alive() for t in threads), "a session hung"
    real = [e for e in errors if "BrokenBarrierError" not in e] or errors
    assert not real, real
    assert store().count() >= len(SESSIONS)


def test_an_id_from_another_session_is_needed_to_see_it() -> None:
    """Knowing nothing but the app's URL gives a new, empty session (ids are unguessable)."""
    first = run_app(tab="Triage")
    first.text_area(key="narrative_input").set_value(_narrative(*SESSIONS[0][::2], 0))
    next(b for b in first.button if b.label == "Analyse").click()
    first.run(timeout=120)
    fresh: AppTest = run_app(tab="Findings")
    assert session_id(fresh) != session_id(first)
    assert SESSIONS[0][0] not in texts(fresh)
    assert len(session_id(first)) >= 32  # 24 random bytes, URL-safe


# ------------------------------------------------------------------- slow: the real server


@pytest.mark.slow
def test_two_browsers_at_the_same_moment_stay_apart(tmp_path: Any) -> None:
    import os
    import tempfile
    from pathlib import Path
    from urllib.parse import parse_qs, urlparse

    from assistant.sessions import SessionStore
    from assistant.settings import Settings
    from tests.ui.browser import CHROMIUM, CHROMIUM_ARGS, browser_missing, serve_app

    missing = browser_missing()
    if missing:
        pytest.skip(f"no browser: {missing}")
    from playwright.sync_api import sync_playwright

    env = {
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
        "ASSISTANT_CACHE_DIR": os.environ["ASSISTANT_CACHE_DIR"],
        "ASSISTANT_PROVIDER": "none",
        "ASSISTANT_AS_OF": AS_OF.isoformat(),
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    chosen = SESSIONS[:2]
    with (
        serve_app(env, tmp_path / "streamlit.log") as (url, _),
        sync_playwright() as pw,
        tempfile.TemporaryDirectory() as one,
        tempfile.TemporaryDirectory() as two,
    ):
        pages = []
        for profile in (one, two):  # two separate browsers: no shared cookies or storage
            context = pw.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            page = context.new_page()
            page.goto(url)
            page.get_by_role("tab", name="Triage").click()
            pages.append(page)
        for page, (company, secret, customer) in zip(pages, chosen, strict=True):
            page.locator('input[type="file"]').set_input_files(
                files=[{"name": f"memo-{secret}.pdf", "mimeType": "application/pdf",
                        "buffer": text_pdf(f"Memo {secret}: {company} knew of the fault.")}]
            )  # fmt: skip
            page.get_by_text(f"Added memo-{secret}.pdf").wait_for(timeout=60_000)
            page.get_by_label("Incident narrative").fill(_narrative(company, customer, 0))
        for page in pages:  # both scripts run on the server at the same time
            page.get_by_role("button", name="Analyse").click(no_wait_after=True)
        for page in pages:
            page.get_by_text("First-pass result").wait_for(timeout=120_000)
        store = SessionStore(Settings(data_dir=Path(env["ASSISTANT_DATA_DIR"])).sessions_db)
        for index, page in enumerate(pages):
            company, secret, _ = chosen[index]
            other_company, other_secret, other_customer = chosen[1 - index]
            page.get_by_role("tab", name="Findings").click()
            page.get_by_text(company).first.wait_for(timeout=60_000)
            shown = page.inner_text("body")
            assert company in shown
            assert other_company not in shown and other_customer not in shown
            sid = parse_qs(urlparse(page.url).query)["session"][0]
            state = store.load(sid)
            assert state is not None
            stored = state.model_dump_json()
            assert secret in stored and other_secret not in stored and other_company not in stored
            assert [u.name for u in state.uploads] == [f"memo-{secret}.pdf"]
