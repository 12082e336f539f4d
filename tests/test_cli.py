"""The CLI skeleton: fast help, doctor report, setup resilience."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from assistant.doctor import run_checks

ROOT = Path(__file__).resolve().parents[1]


def test_help_is_fast_and_imports_nothing_heavy() -> None:
    code = (
        "import sys, time; t=time.perf_counter(); from assistant.cli import app; "
        "heavy=[m for m in ('torch','chromadb','sentence_transformers','llama_cpp') "
        "if m in sys.modules]; print(heavy, time.perf_counter()-t)"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    heavy, _ = out.stdout.rsplit(" ", 1)
    assert heavy == "[]", out.stdout
    assert time.perf_counter() - start < 10  # generous safety bound, not a benchmark


def test_help_lists_commands() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "doctor" in result.output


def test_doctor_quick_reports_every_check() -> None:
    checks = run_checks(quick=True)
    names = [c.name for c in checks]
    assert names[:3] == ["python", "packages", "tokenizer"]
    by_name = {c.name: c for c in checks}
    assert by_name["python"].ok
    assert by_name["tokenizer"].ok, by_name["tokenizer"].detail
    for check in checks:
        assert check.ok or check.fix or check.optional, check


def test_doctor_command_exit_code_reflects_required_checks() -> None:
    result = CliRunner().invoke(app, ["doctor", "--quick", "--json"])
    assert result.exit_code in (0, 1)
    assert '"name": "python"' in result.output
