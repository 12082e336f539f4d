"""Text from users and models is never rendered as live Markdown/HTML."""

from __future__ import annotations

import re
from pathlib import Path

from tests.ui.conftest import MOWER, run_app, seed_session, switch_tab

HOSTILE = "[win](javascript:alert(1)) <img src=x onerror=alert(1)> ![t](http://x/t.png) # Big"
UI = Path(__file__).resolve().parents[2] / "assistant" / "ui"
APP = UI.parent.parent / "app.py"


def _live_markdown(text: str) -> bool:
    """True if ``text`` holds an unescaped link, image or HTML tag from HOSTILE."""
    return bool(re.search(r"(?<!\\)\]\(javascript|(?<!\\)<img|(?<!\\)!\[t(?<!\\)\]", text))


def test_hostile_names_and_narrative_render_inert() -> None:
    case = {**MOWER, "actors": [{**MOWER["actors"][0], "name": HOSTILE[:110]}, MOWER["actors"][1]]}
    sid = seed_session(case, narrative=HOSTILE)
    at = run_app(session_id=sid, tab="Findings")
    rendered = [m.value for m in at.markdown] + [e.label for e in at.expander]
    assert any("javascript" in r for r in rendered)  # the name is shown ...
    assert not any(_live_markdown(r) for r in rendered)  # ... but inert
    dot = at.get("graphviz_chart")[0].proto.spec
    assert "URL" not in dot and "href" not in dot
    switch_tab(at, "Triage")
    assert not any(_live_markdown(m.value) for m in at.markdown)


def test_no_unsafe_html_anywhere_in_the_app() -> None:
    sources = [APP, *UI.glob("*.py")]
    offenders = [p.name for p in sources if "unsafe_allow_html" in p.read_text()]
    assert offenders == []
    assert not any("st.html(" in p.read_text() for p in sources)
