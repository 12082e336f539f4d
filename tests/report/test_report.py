"""Report rendering: JSON follows VOCABULARY.md, Markdown escapes untrusted text, PDF renders."""

from __future__ import annotations

import io
import json
from datetime import date

from pypdf import PdfReader

from assistant.report import (
    ActorEntry,
    CitationEntry,
    OpenQuestion,
    Report,
    ReportFinding,
    StepSection,
    StepStatement,
    to_json,
    to_markdown,
    to_pdf,
)
from assistant.vocabulary import Harm, PublicStatus, Regime, RiskLabel, Role


def _report() -> Report:
    return Report(
        as_of=date(2027, 3, 1),
        jurisdiction="DE",
        summary="Robo GmbH is exposed under the new product liability rules.",
        actors=[
            ActorEntry(name="Robo GmbH", roles=[Role.DEVELOPER, Role.PROVIDER]),
            ActorEntry(name="<script>alert(1)</script> [x](http://evil)", roles=[]),
        ],
        ai_act_risk=RiskLabel.HIGH,
        harms=[Harm.PROPERTY],
        findings=[
            ReportFinding(
                regime=Regime.PLD_2024,
                actor="Robo GmbH",
                status=PublicStatus.LIKELY,
                scope_status="applies",
                liability_outcome="likely",
                provisions=["PLD_2024 Art 8(1)(a)", "PLD_2024 Art 6(1)(b)"],
                reasons=["placed on the market after 9 Dec 2026 (S2)"],
            ),
            ReportFinding(
                regime=Regime.PLD_1985,
                actor="Robo GmbH",
                status=PublicStatus.EXCLUDED,
                scope_status="excluded",
                provisions=["PLD_2024 Art 21"],
                reasons=["product placed after the repeal"],
            ),
        ],
        steps=[
            StepSection(
                step=3,
                title="Step 3 — Information asymmetries: evidence and burden of proof",
                statements=[
                    StepStatement(
                        text="The court can order disclosure of evidence.",
                        provisions=["PLD_2024 Art 9(1)"],
                    )
                ],
            )
        ],
        citations=[
            CitationEntry(
                id="PLD_2024 Art 9(1)",
                title="Disclosure of evidence",
                quote="our own words € § ü",
                quote_is_digest=True,
                url="https://eur-lex.europa.eu/eli/dir/2024/2853/oj",
            )
        ],
        questions=[OpenQuestion(id="Q_INCIDENT_DATE", text="When did it happen?")],
    )


def test_json_has_the_vocabulary_fields() -> None:
    data = json.loads(to_json(_report()))
    for key in ("as_of", "jurisdiction", "actors", "ai_act_risk", "harms", "findings"):
        assert key in data
    assert data["as_of"] == "2027-03-01"
    assert data["actors"][0] == {"name": "Robo GmbH", "roles": ["developer", "provider"]}
    finding = data["findings"][0]
    assert {"regime", "actor", "status", "scope_status", "liability_outcome", "provisions"} <= set(
        finding
    )
    assert finding["status"] == "likely"
    # citations = every ID cited anywhere, once
    assert data["citations"] == [
        "PLD_2024 Art 8(1)(a)",
        "PLD_2024 Art 6(1)(b)",
        "PLD_2024 Art 21",
        "PLD_2024 Art 9(1)",
    ]
    assert data["questions"][0]["id"] == "Q_INCIDENT_DATE"


def test_markdown_escapes_untrusted_text_and_keeps_the_notice() -> None:
    md = to_markdown(_report())
    assert "<script>" not in md
    assert "[x](http://evil)" not in md
    assert "not legal advice" in md
    assert "**likely**" in md and "**excluded**" in md
    assert "PLD_2024 Art 9(1)" in md


def test_pdf_renders_unicode() -> None:
    data = to_pdf(_report())
    assert data.startswith(b"%PDF-")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Robo GmbH" in text
    assert "€ § ü" in text
