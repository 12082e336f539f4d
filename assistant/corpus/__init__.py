"""Legal corpus: manifest, fetch, parse into versioned provision trees, resolve references.

Public API (other layers code against these names)::

    load_manifest() -> Manifest
    fetch_sources(settings=None, *, source_dir=None, only=None, progress=None) -> FetchReport
    load_corpus(settings=None) -> Corpus
    Corpus.get / resolves / url / amended_by / tree_for / versions / has_full_text /
           source_status / fingerprint
    resolve_reference(text, *, default_act=None) -> list[ResolvedRef]
    find_references(text) -> list[ResolvedRef]
    load_digest() -> dict[str, DigestEntry];  load_national_digest() -> dict[str, NationalEntry]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assistant.corpus.corpus import Corpus, LoadedSource
from assistant.corpus.digest import (
    DigestEntry,
    DigestTags,
    NationalEntry,
    load_digest,
    load_national_digest,
)
from assistant.corpus.load import load_corpus, parse_sources
from assistant.corpus.manifest import Manifest, SourceEntry, SourceFormat, load_manifest
from assistant.corpus.resolver import ResolvedRef, find_references, resolve_reference
from assistant.corpus.tree import ActTree, NodeKind, Provision, SourceStatus

if TYPE_CHECKING:
    from assistant.corpus.fetch import FetchReport, ProgressFn
    from assistant.settings import Settings

__all__ = [
    "ActTree",
    "Corpus",
    "DigestEntry",
    "DigestTags",
    "LoadedSource",
    "Manifest",
    "NationalEntry",
    "NodeKind",
    "Provision",
    "ResolvedRef",
    "SourceEntry",
    "SourceFormat",
    "SourceStatus",
    "fetch_sources",
    "find_references",
    "load_corpus",
    "load_digest",
    "load_manifest",
    "load_national_digest",
    "parse_sources",
    "resolve_reference",
]


def fetch_sources(
    settings: Settings | None = None,
    *,
    source_dir: Path | None = None,
    only: list[str] | None = None,
    progress: ProgressFn | None = None,
    force: bool = False,
    accept_new_hash: bool = False,
) -> FetchReport:
    """Fetch the sources into the data dir (see :func:`assistant.corpus.fetch.fetch_sources`).

    ``progress(done, total, message)`` is called as sources start and finish (and with bytes
    while downloading), so a CLI or Streamlit page can show a bar.
    """
    from assistant.corpus.fetch import fetch_sources as _fetch  # httpx only when fetching

    return _fetch(
        settings,
        source_dir=source_dir,
        only=only,
        progress=progress,
        force=force,
        accept_new_hash=accept_new_hash,
    )
