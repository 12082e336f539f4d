"""``assistant corpus ...`` commands, run through typer's test runner on a mirror fetch."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from assistant.corpus.cli import register


@pytest.fixture()
def app() -> typer.Typer:
    root = typer.Typer()

    @root.callback()
    def _root() -> None:
        """test root"""

    register(root)
    return root


def test_fetch_status_show(
    app: typer.Typer, tmp_path: Path, corpus_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.settings import get_settings

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "200")
    get_settings.cache_clear()
    runner = CliRunner()
    out = runner.invoke(
        app, ["corpus", "fetch", "--source-dir", str(corpus_sources), "--only", "PLD_2024"]
    )
    assert out.exit_code == 0, out.output
    assert "fetched" in out.output and "parsed 1 sources" in out.output
    out = runner.invoke(app, ["corpus", "status"])
    assert out.exit_code == 0, out.output
    assert "PLD_2024" in out.output and "ok" in out.output
    out = runner.invoke(app, ["corpus", "show", "PLD_2024 Art 10"])
    assert out.exit_code == 0, out.output
    assert "Burden of proof" in " ".join(out.output.split()) and "#art_10" in out.output
    out = runner.invoke(app, ["corpus", "show", "Art. 8(2) PLD"])  # free-form works too
    # Rich wraps at the console width of whichever test created it first: compare flat text.
    assert out.exit_code == 0 and "substantially modifies" in " ".join(out.output.split())
    out = runner.invoke(app, ["corpus", "show", "GDPR Art 82(1)"])  # digest only
    assert out.exit_code == 0 and "not fetched yet" in " ".join(out.output.split())
    out = runner.invoke(app, ["corpus", "show", "PLD_2024 Art 99"])
    assert out.exit_code == 2 and "does not resolve" in " ".join(out.output.split())
    out = runner.invoke(app, ["corpus", "resolve", "Art. 82 DSGVO and Article 999 PLD"])
    assert "GDPR Art 82" in out.output and "not found" in out.output
    out = runner.invoke(app, ["corpus", "parse"])
    assert out.exit_code == 0 and "PLD_2024@2024-11-18" in out.output


def test_fetch_reports_failures_with_a_hint(
    app: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.settings import get_settings

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    out = CliRunner().invoke(app, ["corpus", "fetch", "--source-dir", str(tmp_path / "nope")])
    assert out.exit_code == 2
    text = " ".join(out.output.split())
    assert "does not exist" in text and "what to do" in text
