"""Rule (1): every citation resolves. Checks bracketed/inline IDs and free-form references.

A bracketed or inline ID that does not resolve in the corpus (or the national digest) is
reported so the verifier can remove it. Free-form references written into the prose ("Article
82 GDPR") are resolved with the corpus resolver: a resolved one becomes a citation; one that
names a provision that does not exist is reported (it cannot be cut out of the prose, so the
sentence is flagged). Pure apart from reading the injected corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from assistant.chain.verify.sentences import Sentence
from assistant.vocabulary import ActCode, ProvisionId, RefKind

if TYPE_CHECKING:
    from assistant.corpus import Corpus

__all__ = ["CitationCheck", "check_citations"]


@dataclass(frozen=True)
class CitationCheck:
    """The citations of one sentence: resolved IDs, and what did not resolve (with why)."""

    resolved: list[str]
    unresolved: list[tuple[str, str]]  # (as written, reason)
    prose_unresolved: list[tuple[str, str]]  # free-form references in the prose


def _resolves(corpus: Corpus, ref: str, as_of: date) -> bool:
    return corpus.get(ref, as_of) is not None


def check_citations(sentence: Sentence, corpus: Corpus, as_of: date) -> CitationCheck:
    """Sort the sentence's citations into resolved and unresolved ones."""
    from assistant.corpus import find_references

    resolved: dict[str, None] = {}
    unresolved: list[tuple[str, str]] = []
    for cite in sentence.citations:
        if cite.id is None:
            unresolved.append((cite.raw, "not a citation ID of the corpus"))
        elif _resolves(corpus, cite.id, as_of):
            resolved.setdefault(cite.id, None)
        else:
            unresolved.append((cite.raw, f"{cite.id} does not exist in the corpus"))
    prose_bad: list[tuple[str, str]] = []
    for ref in find_references(sentence.text, corpus=corpus):
        if ref.id is not None:
            try:
                pid = ProvisionId.parse(ref.id)
            except ValueError:
                continue
            if pid.kind is RefKind.ACT:
                continue  # a bare act name is a mention, not a citation
            if _resolves(corpus, ref.id, as_of):
                resolved.setdefault(ref.id, None)
            else:
                prose_bad.append((ref.text, f"{ref.id} does not exist in the corpus"))
        elif ref.act is not None and ref.act is not ActCode.NATIONAL and ref.reason:
            prose_bad.append((ref.text, ref.reason))
    return CitationCheck(list(resolved), unresolved, prose_bad)
