"""Offline guarantee for the model stack: `assistant doctor` in a network namespace with no
interfaces at all (not just the pytest-socket guard) shows embedder, tokenizer and LLM OK."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _can_unshare_net() -> bool:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.slow
def test_doctor_with_no_network_at_all(tmp_path: Path) -> None:
    if not _can_unshare_net():
        pytest.skip("needs root and `unshare -n` to remove the network")
    env = dict(os.environ)
    env["ASSISTANT_DATA_DIR"] = str(tmp_path / "data")
    env.pop("HF_HUB_OFFLINE", None)  # the code must force offline mode itself
    env.pop("TRANSFORMERS_OFFLINE", None)
    cli = Path(sys.executable).with_name("assistant")
    out = subprocess.run(
        ["unshare", "-n", str(cli), "doctor", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    checks = {c["name"]: c for c in json.loads(out.stdout)}
    for name in ("embedder", "tokenizer", "embedded LLM"):
        assert checks[name]["ok"], checks[name]
