"""Server mode: a real `chroma run` on loopback, started by the test."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from trees import small_corpus

from assistant.index import build_index, index_status
from assistant.index.corpus_port import TreeCorpus
from assistant.index.retriever import HybridRetriever
from assistant.settings import Settings

CHROMA = Path(sys.executable).with_name("chroma")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMA.exists() and shutil.which("chroma") is None:
        pytest.skip("the chroma CLI is not installed")
    port = _free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [
            str(CHROMA if CHROMA.exists() else "chroma"),
            "run",
            "--path",
            str(path),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, ANONYMIZED_TELEMETRY="False"),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("chroma run did not start")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_server_mode_round_trip(tmp_path: Path, chroma_server: str) -> None:
    cache = Path(os.environ["ASSISTANT_CACHE_DIR"])
    first = Settings(data_dir=tmp_path / "machine-a", cache_dir=cache, chroma_url=chroma_server)
    report = build_index(first, corpus=TreeCorpus(small_corpus()))
    assert report.chroma_mode == "server"
    status = index_status(first)
    assert status.chroma_mode == "server" and status.chroma_url == chroma_server
    hits = HybridRetriever(first).search("who answers for a defective product?", k=3)
    assert hits and hits[0].id.startswith("PLD_2024 Art 8")
    assert "dense" in {s for h in hits for s in h.sources}

    # A second machine with the same corpus finds the shared collection already complete.
    second = Settings(data_dir=tmp_path / "machine-b", cache_dir=cache, chroma_url=chroma_server)
    again = build_index(second, corpus=TreeCorpus(small_corpus()))
    assert again.key == report.key
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=int(chroma_server.rsplit(":", 1)[1]))
    ours = [c.name for c in client.list_collections() if c.name.startswith("legal-chunks-")]
    assert len(ours) == 1
    assert client.get_collection(ours[0]).count() == report.dense_chunks
    assert HybridRetriever(second).search("GDPR Art 82", k=1)[0].id.startswith("GDPR Art 82")


def test_unreachable_server_gives_a_clear_error(tmp_path: Path) -> None:
    from assistant.errors import IndexBuildError

    settings = Settings(
        data_dir=tmp_path / "d",
        cache_dir=Path(os.environ["ASSISTANT_CACHE_DIR"]),
        chroma_url=f"http://127.0.0.1:{_free_port()}",
    )
    with pytest.raises(IndexBuildError, match="cannot reach the Chroma server") as info:
        build_index(settings, corpus=TreeCorpus(small_corpus()))
    assert "chroma run" in (info.value.hint or "")
