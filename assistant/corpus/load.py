"""Load parsed trees from the cache under ``settings.corpus_dir`` (parse on first use)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.corpus.corpus import Corpus, LoadedSource
from assistant.corpus.digest import DIGEST_DIR, NATIONAL_DIR, load_digest, load_national_digest
from assistant.corpus.manifest import MANIFEST_PATH, Manifest, SourceEntry, load_manifest
from assistant.corpus.parse import PARSER_VERSION, parse_source
from assistant.corpus.store import (
    LOCK_NAME,
    LockEntry,
    check_cached,
    parsed_path,
    read_lock,
    read_parsed,
    write_parsed,
)
from assistant.corpus.tree import NodeKind
from assistant.errors import CorpusError
from assistant.settings import Settings, get_settings

__all__ = ["ParseResult", "load_corpus", "load_source", "parse_sources"]


def load_source(
    corpus_dir: Path, entry: SourceEntry, locked: LockEntry, *, force: bool = False
) -> LoadedSource:
    """The parsed tree of one fetched source: from the cache, else parsed and cached."""
    cache = parsed_path(corpus_dir, entry, locked.sha256, PARSER_VERSION)
    tree = None if force else read_parsed(cache)
    if tree is None:
        raw = check_cached(corpus_dir, locked)
        tree = parse_source(raw.read_bytes(), locked.format, entry)
        write_parsed(cache, tree)
    return LoadedSource(entry=entry, tree=tree, sha256=locked.sha256)


_MEMO: dict[tuple[object, ...], Corpus] = {}


def _memo_key(settings: Settings) -> tuple[object, ...]:
    lock = settings.corpus_dir / LOCK_NAME
    stamp = lock.stat().st_mtime_ns if lock.is_file() else None
    digests = tuple(
        (str(f), f.stat().st_mtime_ns)
        for folder in (DIGEST_DIR, NATIONAL_DIR, MANIFEST_PATH.parent)
        if folder.is_dir()
        for f in sorted(folder.glob("*.toml"))
    )
    return (str(settings.corpus_dir), stamp, settings.as_of, digests)


def load_corpus(
    settings: Settings | None = None, *, manifest: Manifest | None = None, fresh: bool = False
) -> Corpus:
    """The corpus: every fetched source parsed (cached), plus the digests.

    With nothing fetched this is a digest-only corpus: digest IDs resolve with our summaries
    and ``has_full_text`` is False. A source that fails to load is listed in ``problems``
    instead of failing the whole load. Repeated calls return the same object until the lock
    file, the digests or the manifest change (treat it as read-only); ``fresh=True`` loads
    anew (after editing cache files by hand, in tests).
    """
    settings = settings or get_settings()
    if manifest is not None:
        return _load(settings, manifest)
    key = _memo_key(settings)
    if fresh or key not in _MEMO:
        if len(_MEMO) > 8:
            _MEMO.clear()
        _MEMO[key] = _load(settings, load_manifest())
    return _MEMO[key]


def _load(settings: Settings, manifest: Manifest) -> Corpus:
    lock = read_lock(settings.corpus_dir)
    corpus = Corpus(
        manifest=manifest,
        digest=load_digest(),
        national=load_national_digest(),
        as_of=settings.as_of,
    )
    for entry in manifest.sources:
        locked = lock.entries.get(entry.key)
        if locked is None:
            continue
        try:
            corpus.sources.append(load_source(settings.corpus_dir, entry, locked))
        except CorpusError as exc:
            corpus.problems[entry.key] = str(exc)
    return corpus


@dataclass
class ParseResult:
    """Timing and counts of parsing one source (``assistant corpus parse``)."""

    key: str
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)
    error: str | None = None


def parse_sources(
    settings: Settings | None = None,
    *,
    only: list[str] | None = None,
    force: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[ParseResult]:
    """(Re)parse fetched sources and refresh the cache; report time and counts per source."""
    settings = settings or get_settings()
    manifest = load_manifest()
    lock = read_lock(settings.corpus_dir)
    chosen = [e for e in manifest.select(only) if e.key in lock.entries]
    results: list[ParseResult] = []
    for i, entry in enumerate(chosen):
        if progress:
            progress(entry.key, i, len(chosen))
        start = time.perf_counter()
        try:
            loaded = load_source(settings.corpus_dir, entry, lock.entries[entry.key], force=force)
        except CorpusError as exc:
            results.append(ParseResult(entry.key, time.perf_counter() - start, error=str(exc)))
            continue
        tree = loaded.tree
        counts = {
            kind.value: tree.count(kind)
            for kind in (
                NodeKind.ARTICLE,
                NodeKind.RECITAL,
                NodeKind.ANNEX,
                NodeKind.PARAGRAPH,
                NodeKind.REPORT_SECTION,
            )
        }
        results.append(ParseResult(entry.key, time.perf_counter() - start, counts))
    if progress:
        progress("", len(chosen), len(chosen))
    return results
