"""Offline guarantee: with default settings no connection leaves the machine.

A child process (and every Python process it starts: the PDF reader, ...) runs with an audit
hook that records and refuses any socket connection, DNS lookup or urllib request to a host
other than loopback (``netwatch.py``). It runs without the test suite's offline variables
(``HF_HUB_OFFLINE``, ``ANONYMIZED_TELEMETRY`` ...): the code must stay offline on its own. In it:
an index build and a search (Chroma, the embedder), a full triage with the default settings,
an upload read, and an app session (AppTest: triage, upload, findings, export, the corpus
page). Fast tier: provider ``none``; slow tier: the default provider, the embedded model,
which also brings in retrieval and the support check's embeddings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.security.figures import record
from tests.security.netwatch import attempts, sitecustomize_dir

ROOT = Path(__file__).resolve().parents[2]

_CHILD = r"""
import json, sys, time
from pathlib import Path
ROOT = Path(sys.argv[1])
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "index"))
done = []
started = time.monotonic()

from trees import small_corpus
from assistant.index import build_index
from assistant.index.corpus_port import TreeCorpus
from assistant.index.retriever import HybridRetriever
from assistant.settings import get_settings
settings = get_settings()
build_index(settings, corpus=TreeCorpus(small_corpus()))
assert HybridRetriever(settings).search("What does Art 10 PLD say?", k=3)
done.append("index build + search")

from assistant.chain.pipeline import triage
narrative = ("GreenBlade GmbH makes the AutoMow X robot mower, sold by Gartenwelt KG. On 12 June "
             "2027 it ran over a child's foot; the child needed surgery.")
result = triage(narrative)
assert result.report.findings
done.append(f"triage ({result.provider})")

from tests.security.badfiles import text_pdf
from assistant.inputs import read_upload
read_upload("report.pdf", text_pdf("The mower ignored the stop button."))
done.append("upload read")

from streamlit.testing.v1 import AppTest
at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
at.run()
at.session_state["main_tab"] = "Triage"; at.run()
at.file_uploader[0].upload("report.pdf", text_pdf("The operator saw smoke."), "application/pdf")
at.run()
at.text_area(key="narrative_input").set_value(narrative)
next(b for b in at.button if b.label == "Analyse").click(); at.run()
assert not at.exception, at.exception
for tab in ("Findings", "Facts", "Export", "Interview"):
    at.session_state["main_tab"] = tab; at.run()
    assert not at.exception, (tab, at.exception)
done.append("app session")
print("RESULT " + json.dumps({"done": done, "seconds": round(time.monotonic() - started, 1)}))
"""


def _run_offline(tmp_path: Path, provider: str | None, timeout: float) -> dict[str, object]:
    log = tmp_path / "network-attempts.jsonl"
    hooks = sitecustomize_dir(tmp_path / "hooks", log)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ASSISTANT_", "HF_", "TRANSFORMERS_", "ANONYMIZED", "PYTEST"))
    }
    env.update(
        PYTHONPATH=os.pathsep.join([str(hooks), str(ROOT)]),
        ASSISTANT_DATA_DIR=str(tmp_path / "data"),
        ASSISTANT_CACHE_DIR=os.environ["ASSISTANT_CACHE_DIR"],  # the installed model files
        HOME=str(tmp_path / "home"),  # no config file, no caches from earlier runs
    )
    if provider is not None:
        env["ASSISTANT_PROVIDER"] = provider
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(ROOT)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    refused = attempts(log)
    line = next((x for x in proc.stdout.splitlines() if x.startswith("RESULT ")), None)
    summary = json.loads(line[len("RESULT ") :]) if line else {}
    figures = {"provider": provider or "default", "refused_attempts": len(refused), **summary}
    record(f"offline_{provider or 'default'}", figures)
    assert not refused, f"network attempts: {refused[:5]}"
    assert proc.returncode == 0 and line, proc.stderr[-3000:]
    return summary


def test_nothing_leaves_the_machine_with_provider_none(tmp_path: Path) -> None:
    summary = _run_offline(tmp_path, "none", timeout=600)
    assert summary["done"] == ["index build + search", "triage (none)", "upload read",
                               "app session"]  # fmt: skip


@pytest.mark.slow
def test_nothing_leaves_the_machine_with_the_default_settings(tmp_path: Path) -> None:
    from assistant.models import llm_status

    ok, detail = llm_status()
    if not ok:
        pytest.skip(f"embedded model not available: {detail}")
    summary = _run_offline(tmp_path, None, timeout=1500)
    assert "triage (local)" in summary["done"]


def test_the_watch_really_refuses_a_connection(tmp_path: Path) -> None:
    """The guard itself: a child that tries to reach a public address is caught."""
    log = tmp_path / "attempts.jsonl"
    hooks = sitecustomize_dir(tmp_path / "hooks", log)
    code = (
        "import socket\n"
        "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=0.5)\n"
        "except OSError as exc:\n    print('refused', exc)\n"
        "socket.create_connection(('127.0.0.1', 9), timeout=0.5) if False else None\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hooks), str(ROOT)])}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert "refused by the offline test" in out.stdout
    assert [a["host"] for a in attempts(log)] == ["192.0.2.1"]
