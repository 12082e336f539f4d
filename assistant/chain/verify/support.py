"""Does the cited provision support the sentence? A similarity score against a threshold.

The score compares the sentence (with actor names, dates and citation IDs taken out, act codes
spelled as names) with short pieces of the cited provision: its heading with our digest summary,
and its own text and sub-paragraphs (with the parent's lead-in for points). Two scorers:

* embedding (default when an ``embed`` function is given): the best cosine between the sentence
  and a piece, MiniLM vectors (``assistant.index.embedder``); calibrated threshold
  :data:`EMBED_THRESHOLD`;
* lexical (no model): the share of the sentence's content words found in the provision;
  threshold :data:`LEXICAL_THRESHOLD`.

Both thresholds were calibrated on ``tests/chain/data/support_pairs.yaml`` (written by us: the
same sentences with the right provision and with a wrong but existing one) with
``benchmarks/triage.py --calibrate``; the numbers are in the module constants' comments. Pure:
the corpus and the embed function are injected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.vocabulary import ACT_TITLES, ActCode, InvalidCitationId, ProvisionId, find_ids

if TYPE_CHECKING:
    import numpy as np

    from assistant.corpus import Corpus, Provision

__all__ = [
    "EMBED_THRESHOLD",
    "LEXICAL_THRESHOLD",
    "Embed",
    "SupportChecker",
    "SupportScore",
    "clean_sentence",
    "content_words",
]

Embed = Callable[[Sequence[str]], Any]
"""Texts -> unit-length vectors (a numpy array, one row per text)."""

# Calibrated on tests/chain/data/support_pairs.yaml (see module docstring); values below.
EMBED_THRESHOLD = 0.43
LEXICAL_THRESHOLD = 0.50

_MAX_PIECES = 40
_PIECE_WORDS = 150
# fmt: off
_STOP = frozenset((
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from",
    "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that",
    "these", "those", "which", "who", "whom", "whose", "what", "when", "where", "why", "how",
    "not", "no", "nor", "but", "if", "then", "than", "so", "such", "can", "could", "may",
    "might", "must", "shall", "should", "will", "would", "has", "have", "had", "do", "does",
    "did", "also", "any", "all", "each", "every", "other", "their", "there", "they", "them",
    "he", "she", "his", "her", "we", "our", "you", "your", "i", "me", "my", "into", "under",
    "over", "about", "after", "before", "between", "against", "during", "through", "up", "down",
    "out", "only", "own", "same", "very", "because", "while", "whether", "more", "most", "some",
    "onto", "per", "via", "upon",
))
# fmt: on
_ACT_WORDS = {
    ActCode.PLD_2024: "product liability directive",
    ActCode.PLD_1985: "product liability directive 1985",
    ActCode.AI_ACT: "AI Act",
    ActCode.AI_OMNIBUS_2026: "AI Act amendment",
    ActCode.GDPR: "data protection regulation",
    ActCode.CRA: "cyber resilience act",
    ActCode.NIS2: "network and information security directive",
    ActCode.DCD_2019: "digital content directive",
    ActCode.AILD_PROPOSAL: "AI liability directive proposal",
    ActCode.NATIONAL: "national law",
}
_DATE = re.compile(
    r"\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b",
    re.I,
)
_WORD = re.compile(r"[a-zà-ÿ0-9]+", re.I)


@dataclass(frozen=True)
class SupportScore:
    """How well a provision supports a sentence."""

    id: str
    score: float
    method: str  # "embedding" | "lexical" | "missing"
    piece: str = ""

    def supported(self, threshold: float) -> bool:
        """True when the score reaches ``threshold``."""
        return self.score >= threshold


def clean_sentence(text: str, names: Sequence[str] = ()) -> str:
    """The sentence as compared: no citation IDs, actor names or dates; act codes as words."""
    for ident in find_ids(text):
        text = text.replace(ident, " ")
    for name in sorted((n for n in names if n.strip()), key=len, reverse=True):
        text = re.sub(re.escape(name), "the party", text, flags=re.I)
        first = name.split()[0]
        if len(first) > 3 and first.lower() not in _STOP:
            text = re.sub(rf"\b{re.escape(first)}\b", "the party", text, flags=re.I)
    for code, words in _ACT_WORDS.items():
        text = re.sub(rf"\b{code.value}\b", words, text)
    text = _DATE.sub(" ", text)
    text = re.sub(r"[\[\]]", " ", text)
    return " ".join(text.split())


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ations", "ation", "ities", "ility", "ness", "ments", "ment", "ings", "ing",
                   "ies", "ied", "ed", "es", "s", "ly", "le", "y", "e"):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    """Stems of the words that carry meaning (no stop words, no numbers, no 'party')."""
    return {
        _stem(w)
        for w in _WORD.findall(text)
        if w.lower() not in _STOP and not w.isdigit() and len(w) > 2 and w.lower() != "party"
    }


def _words(text: str, limit: int = _PIECE_WORDS) -> str:
    words = text.split()
    return " ".join(words[:limit])


class SupportChecker:
    """Scores sentence–provision pairs against the corpus (provision pieces are cached)."""

    def __init__(
        self,
        corpus: Corpus,
        as_of: date,
        *,
        embed: Embed | None = None,
        threshold: float | None = None,
    ) -> None:
        self.corpus = corpus
        self.as_of = as_of
        self.embed = embed
        self.method = "embedding" if embed is not None else "lexical"
        default = EMBED_THRESHOLD if embed is not None else LEXICAL_THRESHOLD
        self.threshold = default if threshold is None else threshold
        self._pieces: dict[str, list[str]] = {}
        self._vectors: dict[str, np.ndarray] = {}  # numpy is imported only when embedding

    # -- provision side ------------------------------------------------------------------
    def pieces(self, ref: str) -> list[str]:
        """Short texts that stand for the provision (heading + digest, own text, children)."""
        if ref in self._pieces:
            return self._pieces[ref]
        node = self.corpus.get(ref, self.as_of)
        out: list[str] = []
        if node is not None:
            out = self._node_pieces(ref, node)
        self._pieces[ref] = out
        return out

    def _node_pieces(self, ref: str, node: Provision) -> list[str]:
        heading = node.heading or ""
        out: list[str] = []
        digest = self._digest_text(ref)
        if heading or digest:
            out.append(f"{heading}. {digest}".strip(". "))
        lead = self._parent_lead(ref)
        if node.text:
            out.append(_words(f"{heading}. {lead} {node.text}".strip(". ")))
        for child in node.walk():
            if child is node or not child.text:
                continue
            out.append(_words(f"{heading}. {node.text[:200]} {child.text}".strip(". ")))
            if len(out) >= _MAX_PIECES:
                break
        if not out:
            out.append(_words(node.full_text()))
        return [p for p in out if p.strip()]

    def _digest_text(self, ref: str) -> str:
        try:
            pid = ProvisionId.parse(ref).without_version()
        except InvalidCitationId:
            return ""
        entry = self.corpus.digest.get(pid.format())
        if entry is not None:
            return f"{entry.title}. {entry.summary}"
        national = self.corpus.national.get(pid.format())
        if national is not None:
            return f"{national.title}. {national.summary}"
        return ""

    def _parent_lead(self, ref: str) -> str:
        try:
            parent = ProvisionId.parse(ref).parent()
        except InvalidCitationId:
            return ""
        if parent is None:
            return ""
        node = self.corpus.get(parent, self.as_of)
        return node.text[:300] if node is not None else ""

    def _piece_vectors(self, ref: str) -> np.ndarray:
        if ref not in self._vectors:
            assert self.embed is not None
            pieces = self.pieces(ref)
            self._vectors[ref] = self.embed(pieces)
        return self._vectors[ref]

    # -- scoring -------------------------------------------------------------------------
    def score(self, sentence: str, ref: str, names: Sequence[str] = ()) -> SupportScore:
        """The support score of ``ref`` for ``sentence`` (0 when the provision is missing)."""
        pieces = self.pieces(ref)
        if not pieces:
            return SupportScore(ref, 0.0, "missing")
        text = clean_sentence(sentence, names)
        if self.embed is None:
            return self._lexical(text, ref, pieces)
        import numpy as np

        vectors = self._piece_vectors(ref)
        query = self.embed([text])[0]
        sims = np.asarray(vectors @ query)
        best = int(np.argmax(sims))
        return SupportScore(ref, round(float(sims[best]), 4), "embedding", pieces[best])

    def _lexical(self, text: str, ref: str, pieces: list[str]) -> SupportScore:
        words = content_words(text)
        if not words:
            return SupportScore(ref, 0.0, "lexical")
        provision = set().union(*(content_words(p) for p in pieces))
        share = len(words & provision) / len(words)
        return SupportScore(ref, round(share, 4), "lexical")

    def supports(self, sentence: str, ref: str, names: Sequence[str] = ()) -> bool:
        """True when ``ref`` supports ``sentence`` at the calibrated threshold."""
        return self.score(sentence, ref, names).supported(self.threshold)


def act_name(code: ActCode) -> str:
    """A readable act name for prompts and replacements."""
    return ACT_TITLES.get(code, code.value)
