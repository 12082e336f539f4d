"""`assistant setup` (what `make run` calls first): clear failures offline, a real first run
from the mirror, and a quick second run."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.setup_cmd import run_setup


def test_no_texts_anywhere_says_what_to_do_and_the_app_still_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty_mirror = tmp_path / "mirror"
    empty_mirror.mkdir()
    settings = Settings(data_dir=tmp_path / "data", provider="none")
    assert run_setup(settings, source_dir=empty_mirror)  # nothing required failed
    out = " ".join(capsys.readouterr().err.split())
    assert "✗ legal corpus: no legal text could be fetched from mirror" in out
    assert "digest" in out and "what to do:" in out
    assert "✗ search index" in out
    assert "Traceback" not in out


@pytest.mark.slow
def test_first_run_from_the_mirror_then_a_quick_second_run(
    tmp_path: Path, corpus_sources: Path
) -> None:
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
        "ASSISTANT_CORPUS_SOURCE_DIR": str(corpus_sources),
        "ASSISTANT_PROVIDER": "none",
        "COLUMNS": "200",
    }
    command = [sys.executable, "-m", "assistant.cli", "setup"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "✓ legal corpus" in first.stderr and "✓ search index" in first.stderr, first.stderr
    assert "Traceback" not in first.stderr
    started = time.perf_counter()
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    seconds = time.perf_counter() - started
    assert second.returncode == 0, second.stderr[-3000:]
    assert "up to date" in second.stderr
    assert seconds < 30, seconds  # a hash check, not a rebuild (safety bound)
