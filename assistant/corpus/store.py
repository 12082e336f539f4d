"""Files under ``settings.corpus_dir``: fetched sources, the lock file, parsed-tree cache.

Layout::

    corpus/raw/<ACT>_<version>_<lang>.<ext>      what was fetched (official file or mirror copy)
    corpus/corpus.lock.json                       sha256, size, format, origin of each file
    corpus/parsed/<stem>.<sha16>.p<N>.pickle      parsed ActTree (N = parser version)

Every write goes to a temporary file in the same directory and is renamed into place, so a
crash or a failed download never leaves a half-written file where a good one was.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from assistant.corpus.manifest import SourceEntry, SourceFormat
from assistant.corpus.tree import ActTree
from assistant.errors import CorpusError, HashMismatch

__all__ = [
    "LOCK_NAME",
    "Lock",
    "LockEntry",
    "atomic_write",
    "check_cached",
    "parsed_path",
    "raw_path",
    "read_lock",
    "read_parsed",
    "sha256_bytes",
    "sha256_file",
    "write_lock",
    "write_parsed",
]

LOCK_NAME = "corpus.lock.json"


class LockEntry(BaseModel):
    """One fetched file."""

    key: str
    file: str = Field(description="File name under raw/.")
    format: SourceFormat
    sha256: str
    size: int
    origin: str = Field(description="URL or mirror path it came from.")
    fetched_at: datetime


class Lock(BaseModel):
    """The lock file: what is cached, with hashes verified on reuse."""

    version: int = 1
    entries: dict[str, LockEntry] = Field(default_factory=dict)


def sha256_bytes(data: bytes) -> str:
    """Hex sha256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file + rename in the same directory)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def raw_path(corpus_dir: Path, entry: SourceEntry, fmt: SourceFormat) -> Path:
    """Where the fetched file of ``entry`` in format ``fmt`` lives."""
    return corpus_dir / "raw" / f"{entry.file_stem}{fmt.suffix}"


def read_lock(corpus_dir: Path) -> Lock:
    """The lock file, or an empty lock when absent or unreadable (files are re-verified)."""
    path = corpus_dir / LOCK_NAME
    if not path.is_file():
        return Lock()
    try:
        return Lock.model_validate_json(path.read_bytes())
    except (ValidationError, ValueError, OSError):
        return Lock()


def write_lock(corpus_dir: Path, lock: Lock) -> None:
    """Write the lock file atomically."""
    atomic_write(corpus_dir / LOCK_NAME, lock.model_dump_json(indent=2).encode("utf-8"))


def parsed_path(corpus_dir: Path, entry: SourceEntry, sha256: str, parser_version: str) -> Path:
    """Cache file of the parsed tree of a fetched file (keyed by its hash and parser version)."""
    return corpus_dir / "parsed" / f"{entry.file_stem}.{sha256[:16]}.p{parser_version}.pickle"


def read_parsed(path: Path) -> ActTree | None:
    """A cached tree, or None when missing or unreadable (the caller re-parses)."""
    if not path.is_file():
        return None
    try:
        with path.open("rb") as fh:
            tree = pickle.load(fh)  # our own cache file, written by write_parsed
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return tree if isinstance(tree, ActTree) else None


def write_parsed(path: Path, tree: ActTree) -> None:
    """Cache a parsed tree; old cache files of the same source are removed."""
    atomic_write(path, pickle.dumps(tree, protocol=pickle.HIGHEST_PROTOCOL))
    stem = path.name.split(".", 1)[0]
    for old in path.parent.glob(f"{stem}.*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)


def check_cached(corpus_dir: Path, entry: LockEntry) -> Path:
    """Path of a cached raw file after verifying its sha256 against the lock."""
    path = corpus_dir / "raw" / entry.file
    if not path.is_file():
        raise CorpusError(
            f"{entry.key}: cached file {path} is missing",
            hint=f"run `assistant corpus fetch --only {entry.key.split('@')[0]}`",
        )
    actual = sha256_file(path)
    if actual != entry.sha256:
        raise HashMismatch(
            f"{entry.key}: cached file {path.name} changed on disk (sha256 {actual[:12]}…, "
            f"lock says {entry.sha256[:12]}…)",
            hint=f"run `assistant corpus fetch --force --only {entry.key.split('@')[0]}`",
        )
    return path
