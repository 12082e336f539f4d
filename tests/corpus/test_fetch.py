"""Fetch end to end against a real HTTP server on loopback serving the mirror.

The server misbehaves on request: fails (HTTP 500), flakes once, stalls, cuts the body short,
or serves altered bytes. A failed fetch must never damage a good cached copy.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.corpus.fetch import fetch_sources
from assistant.corpus.load import load_corpus
from assistant.corpus.manifest import Manifest, SourceFormat
from assistant.corpus.store import read_lock
from assistant.corpus.tree import NodeKind
from assistant.settings import Settings


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    mirror: Path
    hits: dict[str, int]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        mode, _, rel = self.path.lstrip("/").partition("/")
        self.server.hits[mode] = self.server.hits.get(mode, 0) + 1
        path = self.server.mirror / rel
        if mode == "fail" or (mode == "flaky" and self.server.hits[mode] == 1):
            self.send_error(500 if mode == "fail" else 503)
            return
        if not path.is_file() or mode == "missing":
            self.send_error(404)
            return
        body = path.read_bytes()
        if mode == "wrong":
            body = body.replace(b"Article", b"Articel", 1)
        declared = len(body) + (5000 if mode == "truncate" else 0)
        self.send_response(200)
        self.send_header("Content-Length", str(declared))
        self.end_headers()
        try:
            if mode == "stall":
                self.wfile.write(body[:100])
                self.wfile.flush()
                time.sleep(2)
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should


@pytest.fixture(scope="module")
def server(corpus_sources: Path) -> Iterator[_Server]:
    srv = _Server(("127.0.0.1", 0), _Handler)
    srv.mirror = corpus_sources
    srv.hits = {}
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _manifest(manifest: Manifest, server: _Server, mode: str = "ok") -> Manifest:
    """The real manifest with each source downloaded from the loopback mirror."""
    host, port = server.server_address[0], server.server_address[1]
    entries = []
    for entry in manifest.sources:
        first = entry.mirror[0] if entry.mirror else None
        if first is None or first.format is SourceFormat.PLACEHOLDER:
            continue
        entries.append(
            entry.model_copy(
                update={
                    "download_url": f"http://{host!s}:{port}/{mode}/{first.path}",
                    "format": first.format,
                    "sha256": first.sha256,
                }
            )
        )
    return Manifest(sources=entries)


def _settings(tmp_path: Path, timeout: float = 1.0) -> Settings:
    return Settings(data_dir=tmp_path / "data", fetch_timeout_s=timeout, fetch_retries=1)


def test_fetch_everything_then_reuse_the_verified_cache(
    tmp_path: Path, manifest: Manifest, server: _Server
) -> None:
    settings = _settings(tmp_path)
    m = _manifest(manifest, server)
    seen: list[tuple[int, int | None, str | None]] = []
    report = fetch_sources(
        settings,
        manifest=m,
        backoff_s=0.01,
        progress=lambda d, t=None, msg=None: seen.append((d, t, msg)),
    )
    assert report.ok, [(r.key, r.error) for r in report.failed]
    assert {r.status for r in report.results} == {"fetched"}
    assert seen[-1][0] == seen[-1][1] == len(m.sources)
    lock = read_lock(settings.corpus_dir)
    assert set(lock.entries) == {e.key for e in m.sources}
    corpus = load_corpus(settings, manifest=m)
    assert not corpus.problems
    gdpr = next(t for t in corpus.trees if t.act.value == "GDPR" and t.language == "en")
    assert gdpr.count(NodeKind.ARTICLE) == 99
    again = fetch_sources(settings, manifest=m, backoff_s=0.01)
    assert {r.status for r in again.results} == {"cached"}


def test_a_damaged_cache_file_is_fetched_again(
    tmp_path: Path, manifest: Manifest, server: _Server
) -> None:
    settings = _settings(tmp_path)
    m = _manifest(manifest, server)
    assert fetch_sources(settings, manifest=m, only=["DCD_2019"], backoff_s=0.01).ok
    raw = (
        settings.corpus_dir
        / "raw"
        / read_lock(settings.corpus_dir).entries["DCD_2019@2019-05-22"].file
    )
    raw.write_bytes(raw.read_bytes()[:1000])
    report = fetch_sources(settings, manifest=m, only=["DCD_2019"], backoff_s=0.01)
    assert report.results[0].status == "fetched"
    assert len(raw.read_bytes()) > 1000


def _good_then_bad(
    tmp_path: Path, manifest: Manifest, server: _Server, mode: str
) -> tuple[str, str | None, bytes, bytes]:
    settings = _settings(tmp_path, timeout=0.4 if mode == "stall" else 1.0)
    assert fetch_sources(settings, manifest=_manifest(manifest, server), only=["GDPR"]).ok
    before_lock = (settings.corpus_dir / "corpus.lock.json").read_bytes()
    raw = settings.corpus_dir / "raw" / "GDPR_2016-05-04_en.xhtml"
    before = raw.read_bytes()
    report = fetch_sources(
        settings,
        manifest=_manifest(manifest, server, mode),
        only=["GDPR@2016-05-04"],
        force=True,
        backoff_s=0.01,
    )
    result = report.results[0]
    assert result.status == "failed" and not report.ok
    # the good cached copy and its lock entry are untouched
    assert raw.read_bytes() == before
    assert (settings.corpus_dir / "corpus.lock.json").read_bytes() == before_lock
    assert load_corpus(settings).get("GDPR Art 82(1)") is not None
    assert result.error is not None
    return result.error, result.hint, before, raw.read_bytes()


def test_server_error_is_retried_and_reported(
    tmp_path: Path, manifest: Manifest, server: _Server
) -> None:
    before = server.hits.get("fail", 0)
    error, hint, _, _ = _good_then_bad(tmp_path, manifest, server, "fail")
    assert "HTTP 500" in error and hint
    assert server.hits["fail"] - before == 2  # first try + one retry (fetch_retries=1)


def test_a_flaky_server_succeeds_on_retry(
    tmp_path: Path, manifest: Manifest, server: _Server
) -> None:
    settings = _settings(tmp_path)
    report = fetch_sources(
        settings, manifest=_manifest(manifest, server, "flaky"), only=["NIS2"], backoff_s=0.01
    )
    assert report.ok and report.results[0].status == "fetched"


def test_a_stalled_download_times_out(tmp_path: Path, manifest: Manifest, server: _Server) -> None:
    error, hint, _, _ = _good_then_bad(tmp_path, manifest, server, "stall")
    assert "stopped sending data" in error
    assert hint is not None and "ASSISTANT_FETCH_TIMEOUT_S" in hint


def test_a_truncated_download_is_rejected(
    tmp_path: Path, manifest: Manifest, server: _Server
) -> None:
    error, _, _, _ = _good_then_bad(tmp_path, manifest, server, "truncate")
    assert "cut short" in error


def test_a_wrong_hash_is_rejected(tmp_path: Path, manifest: Manifest, server: _Server) -> None:
    error, hint, _, _ = _good_then_bad(tmp_path, manifest, server, "wrong")
    assert "does not match the pinned" in error
    assert hint is not None and "--accept-new-hash" in hint


def test_accept_new_hash_records_the_new_file(
    tmp_path: Path, manifest: Manifest, server: _Server
) -> None:
    settings = _settings(tmp_path)
    report = fetch_sources(
        settings,
        manifest=_manifest(manifest, server, "wrong"),
        only=["CRA"],
        accept_new_hash=True,
        backoff_s=0.01,
    )
    assert report.ok
    entry = read_lock(settings.corpus_dir).entries["CRA@2024-11-20"]
    assert entry.sha256 != next(e for e in manifest.sources if e.key == entry.key).sha256


def test_http_404_says_the_url_moved(tmp_path: Path, manifest: Manifest, server: _Server) -> None:
    settings = _settings(tmp_path)
    report = fetch_sources(
        settings, manifest=_manifest(manifest, server, "missing"), only=["GDPR"], backoff_s=0.01
    )
    failed = report.failed[0]
    assert "HTTP 404" in (failed.error or "") and "download_url" in (failed.hint or "")


def test_network_down(tmp_path: Path, manifest: Manifest) -> None:
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there any more
    entry = next(e for e in manifest.sources if e.key == "GDPR@2016-05-04")
    m = Manifest(sources=[entry.model_copy(update={"download_url": f"http://127.0.0.1:{port}/x"})])
    report = fetch_sources(_settings(tmp_path), manifest=m, backoff_s=0.01)
    failed = report.failed[0]
    assert "cannot reach" in (failed.error or "")
    assert "--source-dir" in (failed.hint or "")


def test_mirror_directory_copy(tmp_path: Path, corpus_sources: Path) -> None:
    settings = _settings(tmp_path)
    report = fetch_sources(settings, source_dir=corpus_sources, only=["PLD_2024", "MOZILLA_REPORT"])
    status = {r.key: r for r in report.results}
    assert status["PLD_2024@2024-11-18"].status == "fetched"
    assert status["PLD_2024@2024-11-18"].format is SourceFormat.MARKDOWN
    skipped = status["MOZILLA_REPORT@2025-04-01"]
    assert skipped.status == "skipped" and "placeholder" in (skipped.error or "")
    assert report.ok
    corpus = load_corpus(settings)
    assert corpus.has_full_text(corpus.manifest.sources[4].act)  # PLD_2024
    assert not corpus.has_full_text(
        next(s.act for s in corpus.manifest.sources if s.act.value == "GDPR")
    )


def test_unknown_source_and_missing_mirror_are_clear_errors(tmp_path: Path) -> None:
    from assistant.errors import CorpusError, FetchError

    with pytest.raises(CorpusError, match="unknown source"):
        fetch_sources(_settings(tmp_path), only=["NOPE"])
    with pytest.raises(FetchError, match="does not exist"):
        fetch_sources(_settings(tmp_path), source_dir=tmp_path / "absent")


def test_an_unreachable_host_is_tried_once_not_once_per_source(
    tmp_path: Path, manifest: Manifest
) -> None:
    """Offline, every source on the same host would wait through its retries; after the first
    refused connection the rest fail at once with the same clear error."""
    import socket

    import httpx

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    tries: list[str] = []

    class Counting(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            tries.append(str(request.url))
            return super().handle_request(request)

    entries = [
        e.model_copy(update={"download_url": f"http://127.0.0.1:{port}/{e.key}"})
        for e in manifest.sources
        if e.mirror and e.mirror[0].format is not SourceFormat.PLACEHOLDER
    ][:4]
    settings = Settings(data_dir=tmp_path / "data", fetch_timeout_s=1.0, fetch_retries=2)
    report = fetch_sources(
        settings, manifest=Manifest(sources=entries), transport=Counting(), backoff_s=0.01
    )
    assert len(report.failed) == len(entries) == 4
    assert all("cannot reach 127.0.0.1" in (r.error or "") for r in report.failed), [
        r.error for r in report.failed
    ]
    assert len(tries) == 3  # the first source's attempt and two retries; nothing after
