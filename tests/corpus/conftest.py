"""Fixtures of the corpus tests: the mirror parsed once per session, a fetched corpus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.corpus.corpus import Corpus
from assistant.corpus.manifest import Manifest, SourceFormat, load_manifest
from assistant.corpus.parse import parse_source
from assistant.corpus.tree import ActTree
from assistant.settings import Settings

AS_OF = date(2026, 11, 25)  # a fixed analysis date: after the Omnibus consolidation


@pytest.fixture(scope="session")
def manifest() -> Manifest:
    """The project's manifest."""
    return load_manifest()


def parse_mirror_file(
    manifest: Manifest, key: str, mirror_dir: Path, path: str, fmt: SourceFormat
) -> ActTree:
    """Parse one mirror file as the manifest entry ``key``."""
    entry = manifest.get(key)
    assert entry is not None, key
    return parse_source((mirror_dir / path).read_bytes(), fmt, entry)


@pytest.fixture(scope="session")
def mirror_trees(corpus_sources: Path, manifest: Manifest) -> dict[tuple[str, str], ActTree]:
    """Every mirror file parsed: {(key, "markdown"|"official"): tree}."""
    out: dict[tuple[str, str], ActTree] = {}
    for entry in manifest.sources:
        for mirror in entry.mirror:
            if mirror.format in (SourceFormat.PLACEHOLDER,):
                continue
            kind = "markdown" if mirror.format is SourceFormat.MARKDOWN else "official"
            out[(entry.key, kind)] = parse_mirror_file(
                manifest, entry.key, corpus_sources, mirror.path, mirror.format
            )
    return out


@pytest.fixture(scope="session")
def mirror_settings(corpus_sources: Path, shared_data_dir: Path) -> Settings:
    """Settings of a data dir holding every source fetched from the mirror (fetched once)."""
    from assistant.corpus.fetch import fetch_sources

    settings = Settings(data_dir=shared_data_dir / "mirror-corpus", as_of=AS_OF)
    report = fetch_sources(settings, source_dir=corpus_sources)
    assert report.ok, [(r.key, r.error) for r in report.failed]
    return settings


@pytest.fixture(scope="session")
def mirror_corpus(mirror_settings: Settings) -> Corpus:
    """The corpus loaded from the mirror fetch (analysis date 2026-11-25)."""
    from assistant.corpus.load import load_corpus

    return load_corpus(mirror_settings)
