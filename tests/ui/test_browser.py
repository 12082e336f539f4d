"""The real app in a real browser: paste a seed scenario, get findings, open a citation.

Serves ``app.py`` on loopback (provider ``none``, the mirror corpus fetched into a temporary
data dir) and drives Debian's headless Chromium through Playwright. Screenshots go to the test
artifacts dir.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from assistant.corpus import fetch_sources, load_corpus
from assistant.report import Report
from assistant.sessions import SessionStore
from assistant.settings import Settings
from assistant.ui.findings_view import finding_key
from tests.ui.browser import browser_missing, chromium_page, serve_app

MISSING = browser_missing()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(MISSING is not None, reason=f"no browser: {MISSING}"),
]
SEED = Path(__file__).resolve().parents[2] / "evals" / "cases" / "dev" / "robot-mower-injury.yaml"
WAIT_MS = 90_000


def _seed() -> dict[str, object]:
    data = yaml.safe_load(SEED.read_text())
    assert isinstance(data, dict)
    return data


@pytest.fixture
def app_env(tmp_path: Path, corpus_sources: Path) -> dict[str, str]:
    """Environment of the served app: its own data dir with the mirror corpus fetched."""
    seed = _seed()
    env = {
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
        "ASSISTANT_CACHE_DIR": os.environ["ASSISTANT_CACHE_DIR"],
        "ASSISTANT_PROVIDER": "none",
        "ASSISTANT_AS_OF": str(seed["as_of"]),
        "ASSISTANT_CORPUS_SOURCE_DIR": str(corpus_sources),
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    settings = Settings(data_dir=tmp_path / "data", corpus_source_dir=corpus_sources)
    report = fetch_sources(settings)
    assert not report.failed, report.failed
    return env


def _session_of(url: str) -> str:
    return parse_qs(urlparse(url).query)["session"][0]


def _box(page: Any, regime: str, actor: str) -> Any:
    return page.locator(f".st-key-{finding_key(regime, actor)}")


def test_paste_seed_scenario_findings_and_citation(
    app_env: dict[str, str], tmp_path: Path, artifacts_dir: Path
) -> None:
    seed = _seed()
    gold = next(
        r
        for r in seed["gold"]["regimes"]
        if r["regime"] == "NATIONAL_FAULT" and r["actor"].startswith("GreenBot")
    )
    shots = artifacts_dir / "browser"
    shots.mkdir(exist_ok=True)
    with serve_app(app_env, tmp_path / "streamlit.log") as (url, _), chromium_page() as page:
        page.goto(url)
        page.get_by_role("tab", name="Triage").click()
        page.get_by_label("Incident narrative").fill(str(seed["narrative"]))
        page.get_by_role("button", name="Analyse").click()
        page.get_by_text("First-pass result").wait_for(timeout=WAIT_MS)
        page.screenshot(path=shots / "triage.png")

        # The app's own record of the analysis (the session store under its data dir).
        session = _session_of(page.url)
        settings = Settings(data_dir=Path(app_env["ASSISTANT_DATA_DIR"]))
        state = SessionStore(settings.sessions_db).load(session)
        assert state is not None and state.report is not None
        report = Report.model_validate(state.report)
        actor = next(a.name for a in report.actors if a.name.startswith("GreenBot"))
        rows = {f.regime.value: f for f in report.findings if f.actor == actor}

        page.get_by_role("tab", name="Findings").click()
        box = _box(page, gold["regime"], actor)
        box.wait_for(timeout=WAIT_MS)
        # The seed's gold status, as the browser shows it and as the app stored it.
        assert rows[gold["regime"]].status.value == gold["status"]
        assert gold["status"] in box.inner_text()
        for regime, row in rows.items():
            if row.status.value != "excluded":
                assert row.status.value in _box(page, regime, actor).inner_text(), regime

        # A citation expands to the provision's text (checked against the corpus itself).
        cited = next(f for f in rows.values() if f.regime.value == "PLD_2024")
        pid = cited.provisions[0]
        node = load_corpus(settings).get(pid, date.fromisoformat(str(seed["as_of"])))
        assert node is not None
        words = " ".join((node.full_text() if node.children else node.text).split()[:6])
        box = _box(page, "PLD_2024", actor)
        expander = box.locator('[data-testid="stExpander"]', has_text=pid).first
        details = expander.locator('[data-testid="stExpanderDetails"]')
        assert not details.is_visible()
        expander.locator("summary").click()
        details.get_by_text(words, exact=False).first.wait_for(timeout=10_000)
        assert details.get_by_role("link", name="Official text on EUR-Lex").count() == 1
        expander.scroll_into_view_if_needed()
        page.screenshot(path=shots / "findings-citation.png")

        # The export downloads the same report (JSON, generated on click).
        page.get_by_role("tab", name="Export").click()
        with page.expect_download(timeout=WAIT_MS) as download:
            page.get_by_role("button", name="JSON").click()
        exported = json.loads(Path(download.value.path()).read_text())
        assert {(f["regime"], f["actor"], f["status"]) for f in exported["findings"]} == {
            (f.regime.value, f.actor, f.status.value) for f in report.findings
        }
        assert download.value.suggested_filename.endswith(".json")

        # A reload brings the same session back.
        page.reload()
        page.get_by_role("tab", name="Findings").click()
        _box(page, gold["regime"], actor).wait_for(timeout=WAIT_MS)
        assert _session_of(page.url) == session
