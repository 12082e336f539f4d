"""AppTest: editing a fact re-runs the rule core at once; findings, citations, export."""

from __future__ import annotations

import json

from assistant.facts import Case
from assistant.report import Report
from assistant.rules import evaluate
from assistant.ui.export_view import export_files
from tests.ui.conftest import AS_OF, MOWER, run_app, seed_session, store, switch_tab, texts


def _statuses(report: dict[str, object]) -> dict[tuple[str, str], str]:
    rows = Report.model_validate(report).findings
    return {(f.regime.value, f.actor): f.status.value for f in rows}


def _expected(case: dict[str, object]) -> dict[tuple[str, str], str]:
    assessment = evaluate(Case.model_validate(case), AS_OF)
    return {(f.regime.value, f.actor): f.status.value for f in assessment.public}


def test_editing_a_fact_in_the_table_reruns_the_rules() -> None:
    sid = seed_session(MOWER)
    at = run_app(session_id=sid, tab="Facts")
    editor = at.data_editor[0]
    table = editor.value
    row = table["path"].tolist().index("product.market_date")
    before = store().load(sid)
    # What the browser sends when a cell is edited: the editor's edit state.
    at.session_state[editor.key] = {
        "edited_rows": {row: {"value": "2025-06-01"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    after = store().load(sid)
    edited = {**MOWER, "product": {**MOWER["product"], "market_date": "2025-06-01"}}
    assert _statuses(after.report) == _expected(edited)
    assert _statuses(after.report) != _statuses(before.report)
    assert after.case["provenance"]["product.market_date"]["source"] == "user"
    assert "findings re-computed" in texts(at)
    # The table now shows the new value (a fresh editor, not a replay of the old edit).
    assert "2025-06-01" in at.data_editor[0].value["value"].tolist()


def test_a_bad_value_is_refused_and_nothing_changes() -> None:
    sid = seed_session(MOWER)
    at = run_app(session_id=sid, tab="Facts")
    editor = at.data_editor[0]
    row = editor.value["path"].tolist().index("incident.date")
    before = store().load(sid)
    at.session_state[editor.key] = {
        "edited_rows": {row: {"value": "last tuesday-ish"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert any("incident.date" in e.value for e in at.error)
    assert store().load(sid).case == before.case


def test_set_fact_form_uses_the_fact_kind() -> None:
    sid = seed_session(MOWER)
    at = run_app(session_id=sid, tab="Facts")
    at.selectbox(key="fact_path").set_value("ai.open_source")
    at.run()
    at.radio(key="fact_value_b:ai.open_source").set_value("yes")
    at.button(key="fact_set").click()
    at.run()
    assert not at.exception
    assert store().load(sid).case["ai"]["open_source"] is True


def test_deleting_a_row_marks_the_fact_unknown() -> None:
    sid = seed_session(MOWER)
    at = run_app(session_id=sid, tab="Facts")
    editor = at.data_editor[0]
    row = editor.value["path"].tolist().index("incident.obvious_malfunction")
    at.session_state[editor.key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [row]}
    at.run()
    assert "obvious_malfunction" not in store().load(sid).case["incident"]


def test_findings_show_status_reasons_and_expandable_citations() -> None:
    sid = seed_session(MOWER)
    at = run_app(session_id=sid, tab="Findings")
    report = Report.model_validate(store().load(sid).report)
    page = texts(at)
    likely = [f for f in report.findings if f.status.value == "likely"]
    assert likely, "the seeded case has a likely finding"
    assert f":red-badge[{likely[0].status.value}]" in page
    assert likely[0].reasons[0][:30] in page.replace("\\", "")
    labels = [e.label.replace("\\", "") for e in at.expander]
    for pid in likely[0].provisions:
        assert any(pid in label for label in labels), pid
    # A citation expands to the provision's text (here: the project's digest) and its link.
    cited = next(c for c in report.citations if c.id == likely[0].provisions[0])
    expander = next(e for e in at.expander if cited.id in e.label.replace("\\", ""))
    inside = "\n".join(m.value for m in expander.markdown).replace("\\", "")
    assert cited.quote and cited.quote.split()[0] in inside
    charts = at.get("graphviz_chart")
    assert len(charts) == 1
    dot = charts[0].proto.spec
    assert "GreenBlade GmbH" in dot and "->" in dot
    assert any(s in page for s in ("Step 1", "Choice of liability regime"))


def test_export_offers_markdown_json_and_pdf_of_the_session_report() -> None:
    sid = seed_session(MOWER)
    at = run_app(session_id=sid, tab="Export")
    labels = [b.label for b in at.get("download_button")]
    assert any("Markdown" in x for x in labels)
    assert any("JSON" in x for x in labels)
    assert any("PDF" in x for x in labels)
    report = Report.model_validate(store().load(sid).report)
    files = export_files(report)
    data = json.loads(files["json"][2])
    assert {(f["regime"], f["actor"]) for f in data["findings"]} == set(
        _statuses(report.model_dump())
    )
    assert files["pdf"][2].startswith(b"%PDF")
    assert "GreenBlade GmbH" in files["md"][2].decode()


def test_no_analysis_yet_says_what_to_do() -> None:
    at = run_app(tab="Findings")
    assert "No analysis yet" in texts(at)
    switch_tab(at, "Export")
    assert "No analysis yet" in texts(at)
