"""Plain-language bridge: the project's own digest (``corpus/digest/*.toml``: a title and a
short summary in our words per provision, tagged with roles, regimes and topics) becomes
extra searchable notes, one per digest entry.

Users ask in everyday words ("can I sue the importer?"); the acts speak in defined terms.
A note is embedded and BM25-indexed like a chunk, but it is never returned: a note that
matches credits the chunks of the provision it describes. Pure apart from ``load_notes``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, Sequence

from assistant.index.chunks import Chunk, _act_name
from assistant.vocabulary import InvalidCitationId, ProvisionId

__all__ = ["NOTE_PREFIX", "NOTE_STATUS", "is_note", "load_notes", "notes_for"]

NOTE_PREFIX = "note:"
NOTE_STATUS = "digest_note"


def is_note(key: str) -> bool:
    """True for the key of a digest note."""
    return key.startswith(NOTE_PREFIX)


def load_notes() -> dict[str, tuple[str, str, list[str]]]:
    """id -> (title, summary, tags) from the corpus layer's digest; empty if unavailable."""
    try:
        loader = importlib.import_module("assistant.corpus").load_digest
        entries = loader()
    except Exception:  # the digest is an aid: no digest, no notes
        return {}
    out: dict[str, tuple[str, str, list[str]]] = {}
    for pid, entry in entries.items():
        tags = [*entry.tags.roles, *entry.tags.regimes, *entry.tags.topics]
        out[str(pid)] = (
            str(entry.title),
            str(entry.summary),
            [str(t).replace("_", " ") for t in tags],
        )
    return out


def _within(chunk_id: str, ref: str) -> bool:
    try:
        return ProvisionId.parse(chunk_id).is_within(ProvisionId.parse(ref))
    except InvalidCitationId:
        return chunk_id == ref


def notes_for(
    notes: Mapping[str, tuple[str, str, Sequence[str]]], chunks: Iterable[Chunk]
) -> list[Chunk]:
    """One note chunk per digest entry whose provision is in ``chunks`` (English text)."""
    by_top: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        if chunk.language == "en":
            by_top.setdefault(chunk.top_level, []).append(chunk)
    out: list[Chunk] = []
    for pid, (title, summary, tags) in sorted(notes.items()):
        try:
            top = ProvisionId.parse(pid).top_level().format()
        except InvalidCitationId:
            continue
        targets = [c for c in by_top.get(top, []) if _within(c.id, pid) or _within(pid, c.id)]
        if not targets:
            continue
        first = targets[0]
        out.append(
            Chunk(
                key=f"{NOTE_PREFIX}{pid}",
                id=pid,
                top_level=top,
                act=first.act,
                version=first.version,
                language="en",
                kind=first.kind,
                status=NOTE_STATUS,
                heading_path=first.heading_path,
                url=first.url,
                header=f"{_act_name(first.act)} | {title}",
                text=f"{summary} ({', '.join(tags)})" if tags else summary,
            )
        )
    return out
