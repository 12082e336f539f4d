"""Where the index lives on disk, its manifest, and the cheap freshness check.

Layout under ``settings.index_dir``::

    CURRENT.json              pointer to the live generation (replaced atomically)
    gen-<key16>-<stamp>/      one complete build: manifest.json, chunks.jsonl,
                              bm25-en/, bm25-fr/, chroma/ (embedded mode only)
    .tmp-<pid>-<stamp>/       a build in progress (removed when stale)

A build writes a whole new generation next to the live one and only then swaps
``CURRENT.json`` with ``os.replace``; a build killed half way leaves the old pointer, and the
old generation, untouched. The build key is sha256 of the corpus fingerprint, the embedder
name, the chunker version and the selected text versions. Nothing here imports torch,
Chroma or bm25s: ``assistant index status`` and the no-op rebuild stay fast.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.index.chunks import CHUNKER_VERSION
from assistant.settings import PROJECT_ROOT, Settings

__all__ = [
    "POINTER",
    "IndexManifest",
    "SelectedVersion",
    "build_key",
    "corpus_fingerprint",
    "read_current",
    "select_versions",
    "write_pointer",
]

POINTER = "CURRENT.json"
INDEX_FORMAT = "3"  # bump when what a generation holds changes


class SelectedVersion(BaseModel):
    """One act version the index holds."""

    act: str
    version: str
    language: str
    recitals_only: bool = False


class IndexManifest(BaseModel):
    """What one generation holds and how it was made."""

    format: str = INDEX_FORMAT
    key: str
    generation: str
    corpus_fingerprint: str
    embedder: str
    embed_backend: str
    chunker_version: str = CHUNKER_VERSION
    built_at: datetime
    as_of: date
    versions: dict[str, list[str]] = Field(
        default_factory=dict, description="Every version in the corpus, per 'ACT/lang'."
    )
    with_recitals: dict[str, list[str]] = Field(
        default_factory=dict, description="The versions that have recitals, per 'ACT/lang'."
    )
    selected: list[SelectedVersion] = Field(default_factory=list)
    chunks: int = 0
    dense_chunks: int = 0
    by_act: dict[str, int] = Field(default_factory=dict)
    chroma_mode: str = "local"  # local | server
    chroma_url: str | None = None
    collection: str = ""
    build_seconds: float = 0.0
    embedded_now: int = 0
    embedded_cached: int = 0


def _hash_update_file(digest: hashlib._Hash, path: Path) -> None:
    if path.is_file():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())


def corpus_fingerprint(settings: Settings) -> str:
    """Cheap fingerprint of what the corpus trees depend on, without parsing them.

    The same ingredients as the corpus layer's ``Corpus.fingerprint()`` minus the digest
    (the index does not read it): the parser version, the sha256 of every fetched source (the
    lock file) and the manifest. A few milliseconds.
    """
    from assistant.corpus.parse import PARSER_VERSION  # light; the corpus package is loaded

    digest = hashlib.sha256(f"corpus-fp-2 parser={PARSER_VERSION}".encode())
    lock = settings.corpus_dir / "corpus.lock.json"
    try:
        entries = json.loads(lock.read_text(encoding="utf-8")).get("entries", {})
    except (OSError, ValueError):
        entries = {}
    for key in sorted(entries):
        digest.update(f"{key}={entries[key].get('sha256', '')};".encode())
    _hash_update_file(digest, PROJECT_ROOT / "corpus" / "sources.toml")
    notes = PROJECT_ROOT / "corpus" / "digest"  # the digest notes (see digest_notes.py)
    for path in sorted(notes.glob("*.toml")) if notes.is_dir() else []:
        _hash_update_file(digest, path)
    return digest.hexdigest()


def select_versions(
    versions: dict[str, list[str]], recitals: dict[str, list[str]], as_of: date
) -> list[SelectedVersion]:
    """The act versions to index (same rule as ``sources.select_trees``, on dates only):
    per act and language the latest version on or before ``as_of`` (else the earliest), plus
    the recitals of the latest version that has recitals when the chosen one has none."""
    out: list[SelectedVersion] = []
    for group in sorted(versions):
        act, lang = group.split("/")
        dates = sorted(versions[group])
        current = [d for d in dates if date.fromisoformat(d) <= as_of] or dates[:1]
        chosen = current[-1]
        out.append(SelectedVersion(act=act, version=chosen, language=lang))
        with_recitals = sorted(recitals.get(group, []))
        if chosen not in with_recitals and with_recitals:
            out.append(
                SelectedVersion(
                    act=act, version=with_recitals[-1], language=lang, recitals_only=True
                )
            )
    return out


def build_key(fingerprint: str, embedder: str, selected: Iterable[SelectedVersion]) -> str:
    """The key a generation is built for: equal keys mean identical indexes."""
    digest = hashlib.sha256()
    for part in (INDEX_FORMAT, CHUNKER_VERSION, embedder, fingerprint):
        digest.update(part.encode() + b"\x00")
    for sel in selected:
        digest.update(sel.model_dump_json().encode() + b"\x00")
    return digest.hexdigest()


def read_current(index_dir: Path) -> tuple[Path, IndexManifest] | None:
    """The live generation and its manifest, or None if there is none (or it is broken)."""
    pointer = index_dir / POINTER
    try:
        data = json.loads(pointer.read_text(encoding="utf-8"))
        generation = index_dir / str(data["generation"])
        manifest = IndexManifest.model_validate_json(
            (generation / "manifest.json").read_text(encoding="utf-8")
        )
    except (OSError, ValueError, KeyError):
        return None
    if manifest.generation != generation.name or not (generation / "chunks.jsonl").is_file():
        return None
    return generation, manifest


def write_pointer(index_dir: Path, generation: str) -> None:
    """Point ``CURRENT.json`` at ``generation``, atomically (write, fsync, rename)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=index_dir, prefix=".pointer-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"generation": generation}, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, index_dir / POINTER)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
