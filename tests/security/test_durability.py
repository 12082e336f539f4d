"""Durability under real process kills at random moments.

* Corpus fetch: a child re-downloads changed versions of five sources from a slow loopback
  server and is SIGKILLed at random moments; after every kill the corpus loads with no problem
  and every source still has its full text (the old version or the complete new one). A second
  test kills the child at the worst moment on purpose: after the new file is written and
  before the lock file records it.
* Index build (slow tier): a child builds a new generation and is killed at random moments;
  the published index keeps answering searches.
* Session store: a child saves sessions in a loop and is killed at random moments; every
  session still loads, whole, after the "restart".

The kill moments are drawn from a seeded generator (the seed is printed) over the measured
duration of an unkilled run.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.corpus.load import load_corpus
from assistant.corpus.manifest import Manifest, SourceFormat, load_manifest
from assistant.corpus.store import read_lock
from assistant.sessions import SessionStore
from assistant.settings import Settings
from assistant.vocabulary import ActCode
from tests.security.killing import kill_after, run_child, time_child

SEED = int(time.time()) % 100_000
ACTS = ["PLD_2024", "PLD_1985", "AILD_PROPOSAL", "DCD_2019", "MOZILLA_POST"]
PROBES = ["PLD_2024 Art 10", "PLD_1985 Art 1", "AILD_PROPOSAL Art 4", "DCD_2019 Art 1"]


def _moments(count: int, duration: float) -> list[float]:
    rng = random.Random(SEED)
    print(f"\nkill seed {SEED}, run takes {duration:.2f} s")
    return sorted(rng.uniform(0.0, duration) for _ in range(count))


# ------------------------------------------------------------------------------- corpus fetch


class _SlowMirror(ThreadingHTTPServer):
    daemon_threads = True
    mirror: Path


class _SlowHandler(BaseHTTPRequestHandler):
    """Serves a changed version (trailing newlines added) of each mirror file, 8 KB per 10 ms."""

    server: _SlowMirror

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.server.mirror / self.path.lstrip("/")
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes() + b"\n\n\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for i in range(0, len(body), 8192):
                self.wfile.write(body[i : i + 8192])
                self.wfile.flush()
                time.sleep(0.01)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client was killed


@pytest.fixture(scope="module")
def slow_mirror(corpus_sources: Path) -> Iterator[_SlowMirror]:
    server = _SlowMirror(("127.0.0.1", 0), _SlowHandler)
    server.mirror = corpus_sources
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def _loopback_manifest(server: _SlowMirror) -> Manifest:
    host, port = server.server_address[0], server.server_address[1]
    entries = []
    for entry in load_manifest().sources:
        first = entry.mirror[0] if entry.mirror else None
        if entry.act.value not in ACTS or first is None:
            continue
        if first.format is SourceFormat.PLACEHOLDER or entry.language != "en":
            continue
        entries.append(
            entry.model_copy(
                update={
                    "download_url": f"http://{host!s}:{port}/{first.path}",
                    "format": first.format,
                    "sha256": first.sha256,
                }
            )
        )
    return Manifest(sources=entries)


_FETCH_CHILD = """
import sys
from pathlib import Path
from assistant.corpus.fetch import fetch_sources
from assistant.corpus.manifest import Manifest
from assistant.settings import Settings
settings = Settings(data_dir=sys.argv[1], fetch_timeout_s=20, fetch_retries=0)
manifest = Manifest.model_validate_json(Path(sys.argv[2]).read_text())
print("START", flush=True)
report = fetch_sources(settings, manifest=manifest, force=True, accept_new_hash=True)
failed = [r.key for r in report.results if r.status == "failed"]
print("DONE" if not failed else f"FAILED {failed}", flush=True)
"""


def _first_version(data_dir: Path, corpus_sources: Path) -> Settings:
    """Version 1 of the five sources, copied from the mirror (replacing whatever is there)."""
    from assistant.corpus.fetch import fetch_sources

    settings = Settings(data_dir=data_dir)
    report = fetch_sources(settings, source_dir=corpus_sources, only=ACTS, force=True)
    assert all(r.status in ("fetched", "skipped") for r in report.results), report.results
    return settings


def _assert_corpus_whole(settings: Settings, when: str) -> None:
    corpus = load_corpus(settings, fresh=True)
    assert not corpus.problems, f"{when}: {corpus.problems}"
    for act in ACTS:
        assert corpus.has_full_text(ActCode(act)), f"{when}: {act} lost its text"
    for probe in PROBES:
        assert corpus.resolves(probe), f"{when}: {probe} no longer resolves"


def test_corpus_fetch_killed_at_random_moments_keeps_a_working_corpus(
    tmp_path: Path, corpus_sources: Path, slow_mirror: _SlowMirror
) -> None:
    settings = _first_version(tmp_path / "data", corpus_sources)
    _assert_corpus_whole(settings, "before")
    manifest_file = tmp_path / "manifest.json"
    manifest_file.write_text(_loopback_manifest(slow_mirror).model_dump_json())
    args = [str(settings.data_dir), str(manifest_file)]
    duration = time_child(_FETCH_CHILD, args)
    killed = 0
    for moment in _moments(8, duration):
        _first_version(settings.data_dir, corpus_sources)
        killed += kill_after(_FETCH_CHILD, args, moment)
        _assert_corpus_whole(settings, f"killed {moment:.3f} s into the fetch")
    assert killed >= 6
    # a fetch after all that completes and the lock records the new versions
    time_child(_FETCH_CHILD, args)
    _assert_corpus_whole(settings, "after a complete fetch")
    origins = [e.origin for e in read_lock(settings.corpus_dir).entries.values()]
    assert sum(o.startswith("http://127.0.0.1") for o in origins) == len(_manifest(manifest_file))


def _manifest(path: Path) -> list[str]:
    return [e.key for e in Manifest.model_validate_json(path.read_text()).sources]


_WORST_MOMENT_CHILD = """
import os, sys
from pathlib import Path
import assistant.corpus.fetch as fetch
from assistant.corpus.manifest import Manifest
from assistant.settings import Settings
settings = Settings(data_dir=sys.argv[1], fetch_timeout_s=20, fetch_retries=0)
manifest = Manifest.model_validate_json(Path(sys.argv[2]).read_text())

def die(*args, **kwargs):
    os._exit(9)  # the power goes: the new file is on disk, the lock is not updated

fetch.write_lock = die
fetch.fetch_sources(settings, manifest=manifest, force=True, accept_new_hash=True)
"""


def test_corpus_fetch_killed_between_new_file_and_lock_keeps_the_previous_version(
    tmp_path: Path, corpus_sources: Path, slow_mirror: _SlowMirror
) -> None:
    settings = _first_version(tmp_path / "data", corpus_sources)
    manifest_file = tmp_path / "manifest.json"
    manifest_file.write_text(_loopback_manifest(slow_mirror).model_dump_json())
    done = run_child(_WORST_MOMENT_CHILD, [str(settings.data_dir), str(manifest_file)])
    assert done.returncode == 9, done.stderr[-2000:]
    _assert_corpus_whole(settings, "killed after writing the first new file")


# -------------------------------------------------------------------------------- index build

_INDEX_CHILD = """
import os, sys
sys.path.insert(0, sys.argv[3])
from trees import small_corpus
from assistant.index import build_index
from assistant.index.corpus_port import TreeCorpus
from assistant.settings import Settings
trees = small_corpus()
for node in trees[0].walk():
    if node.text:
        node.text += " revised-" + sys.argv[2]  # new text: new chunks, new embeddings
settings = Settings(data_dir=sys.argv[1], cache_dir=os.environ["ASSISTANT_CACHE_DIR"])
import assistant.index.build, chromadb, onnxruntime  # heavy imports before START
print("START", flush=True)
build_index(settings, corpus=TreeCorpus(trees), force=True)
print("DONE", flush=True)
"""


@pytest.mark.slow
def test_index_build_killed_at_random_moments_keeps_the_published_index(tmp_path: Path) -> None:
    import uuid

    from assistant.index import build_index, index_status
    from assistant.index.corpus_port import TreeCorpus
    from assistant.index.layout import read_current
    from assistant.index.retriever import HybridRetriever

    index_tests = Path(__file__).resolve().parents[1] / "index"
    import sys

    sys.path.insert(0, str(index_tests))
    from trees import small_corpus

    settings = Settings(data_dir=tmp_path / "data")
    first = build_index(settings, corpus=TreeCorpus(small_corpus()))
    args = [str(settings.data_dir), uuid.uuid4().hex[:8], str(index_tests)]
    duration = time_child(_INDEX_CHILD, args, timeout=600)
    published = {first.generation}
    current = read_current(settings.index_dir)
    assert current is not None
    published.add(current[1].generation)
    killed = 0
    for n, moment in enumerate(_moments(5, duration)):
        args[1] = uuid.uuid4().hex[:8]  # every attempt has new text, so it really rebuilds
        killed += kill_after(_INDEX_CHILD, args, moment)
        current = read_current(settings.index_dir)
        assert current is not None, f"kill {n} at {moment:.2f} s: no published index"
        assert index_status(settings).built
        hits = HybridRetriever(settings).search("What does Art 10 PLD say?", k=3)
        assert hits, f"kill {n} at {moment:.2f} s: the published index does not answer"
    assert killed >= 3


# ------------------------------------------------------------------------------ session store

_SESSION_CHILD = """
import sys, json
from pathlib import Path
from assistant.sessions import ChatMessage, SessionStore
store = SessionStore(Path(sys.argv[1]))
ids = json.loads(sys.argv[2])
print("START", flush=True)
for turn in range(int(sys.argv[3])):
    for n, sid in enumerate(ids):
        state = store.load(sid)
        state.messages.append(ChatMessage(role="user", content=f"s{n} turn {turn}"))
        state.narrative = f"s{n} " + "x" * 200_000 + f" turn {turn}"
        state.case = {"turns": turn + 1, "owner": f"s{n}"}
        store.save(sid, state)
print("DONE", flush=True)
"""


def test_session_store_survives_writers_killed_at_random_moments(tmp_path: Path) -> None:
    db = tmp_path / "sessions.sqlite3"
    store = SessionStore(db)
    ids = [store.open(None)[0] for _ in range(3)]
    for n, sid in enumerate(ids):
        state = store.load(sid)
        assert state is not None
        state.case = {"turns": 0, "owner": f"s{n}"}
        store.save(sid, state)
    args = [str(db), json.dumps(ids), "40"]
    duration = time_child(_SESSION_CHILD, args)
    killed = 0
    for moment in _moments(6, duration):
        killed += kill_after(_SESSION_CHILD, args, moment)
        restarted = SessionStore(db)  # as after an app restart
        for n, sid in enumerate(ids):
            state = restarted.load(sid)
            assert state is not None, f"session {n} lost after a kill at {moment:.3f} s"
            turns = state.case["turns"]
            assert state.case["owner"] == f"s{n}"
            # the state is one whole write: messages, narrative and case agree
            assert len([m for m in state.messages if m.role == "user"]) >= turns
            if turns:
                assert state.narrative.endswith(f" turn {turns - 1}")
                assert state.messages[-1].content.endswith(f"turn {turns - 1}")
    assert killed >= 4
