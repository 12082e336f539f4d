"""Hybrid search over the live index generation.

One query: analyse it (language, English rendering, named acts, acts implied by topic,
explicit references), then
* dense: the English rendering embedded -> exact nearest neighbours (``exact``);
* lexical: BM25 over the English chunks (rendering + plain-language expansions), and for a
  French question BM25 over the French texts too (hits map to the same provision IDs);
* fuse by weighted reciprocal rank, apply the legal ranking policy (``fusion``);
* a question that spans several acts ("is the scoring tool high-risk, and may it decide
  without a human under data protection law?") gets its head articles shared out between
  those acts, each act's candidates ranked on their own (``reserve_slots``), so one act
  cannot fill the top 5;
* explicit references first, at most two chunks per article in the top k.

Everything expensive (chunks, BM25, vectors, embedder) loads once, lazily.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from assistant.errors import IndexBuildError
from assistant.index.bilingual import load_lexicon, translate
from assistant.index.chunks import Chunk
from assistant.index.corpus_port import corpus_references
from assistant.index.digest_notes import is_note
from assistant.index.fusion import (
    Candidate,
    RankingPolicy,
    apply_policy,
    diversify,
    reserve_slots,
    rrf,
)
from assistant.index.hits import Hit
from assistant.index.layout import IndexManifest, read_current
from assistant.index.query import QueryAnalysis, analyse, unknown_words
from assistant.settings import Settings, get_settings
from assistant.vocabulary import InvalidCitationId, ProvisionId

__all__ = ["Hit", "HybridRetriever", "SearchConfig"]


@dataclass(frozen=True)
class SearchConfig:
    """Knobs of the hybrid search (tuned on the dev split only)."""

    depth: int = 100  # candidates taken from each list
    rrf_k: int = 30
    dense_weight: float = 1.0
    bm25_weight: float = 1.2
    bm25_fr_weight: float = 1.0
    use_dense: bool = True
    use_bm25: bool = True
    use_translation: bool = True
    use_french_texts: bool = True
    use_lexicon: bool = True  # French words the glossary lacks, via the learnt word list
    use_expansion: bool = True
    dense_expansion: bool = False
    cover_topics: bool = True  # acts implied by topic count as spanned, not only named ones
    use_references: bool = True
    use_notes: bool = True
    note_fanout: int = 2  # chunks a matching digest note credits
    act_slots: int = 5  # head articles shared out between the acts a question spans (0: off)
    act_quota: int = 0  # articles reserved per act; 0: act_slots // number of acts
    act_depth: int = 4  # candidate lists this many times deeper when a question spans acts
    policy: RankingPolicy = field(default_factory=RankingPolicy)


class HybridRetriever:
    """Search the index generation under ``settings.index_dir``."""

    def __init__(
        self, settings: Settings | None = None, config: SearchConfig | None = None
    ) -> None:
        self.settings = settings or get_settings()
        self.config = config or SearchConfig()
        current = read_current(self.settings.index_dir)
        if current is None:
            raise IndexBuildError(
                f"no index in {self.settings.index_dir}", hint="run `assistant index build`"
            )
        self.generation, self.manifest = current
        self._chunks: dict[str, Chunk] = {}
        self._by_id: dict[str, list[str]] = {}
        self._by_top: dict[str, list[str]] = {}
        self._notes: dict[str, list[str]] = {}  # digest note -> chunks of its provision
        notes: list[Chunk] = []
        with (self.generation / "chunks.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                chunk = Chunk.model_validate_json(line)
                if is_note(chunk.key):
                    notes.append(chunk)
                    continue
                self._chunks[chunk.key] = chunk
                if chunk.language == "en":
                    self._by_id.setdefault(chunk.id, []).append(chunk.key)
                    self._by_top.setdefault(chunk.top_level, []).append(chunk.key)
        for note in notes:
            targets = [
                k
                for k in self._by_top.get(note.top_level, [])
                if _within(self._chunks[k].id, note.id) or _within(note.id, self._chunks[k].id)
            ]
            self._notes[note.key] = targets[: self.config.note_fanout]
        self._lock = threading.Lock()
        self._lexical: dict[str, Any] = {}
        self._store: Any = None
        self._embedder: Any = None
        self._lexicon: dict[str, str] | None = None

    # -- lazy parts -------------------------------------------------------------------------
    def _bm25(self, lang: str) -> Any:
        if lang not in self._lexical:
            from assistant.index.lexical import LexicalIndex

            path = self.generation / f"bm25-{lang}"
            self._lexical[lang] = LexicalIndex.load(path) if path.is_dir() else None
        return self._lexical[lang]

    def _vectors(self) -> Any:
        """The generation's vectors for exact search: its ``vectors.npy``, or (a generation
        built before that file existed) everything in its Chroma collection, read once."""
        if self._store is None:
            from assistant.index.exact import ExactVectors

            exact = ExactVectors.load(self.generation)
            if exact is None:
                from assistant.index.store import VectorStore, make_client

                info = json.loads((self.generation / "chroma.json").read_text(encoding="utf-8"))
                if self.manifest.chroma_mode == "server":
                    client = make_client(self.settings.chroma_url or self.manifest.chroma_url, None)
                else:
                    client = make_client(None, self.generation / "chroma")
                exact = ExactVectors(*VectorStore(client, str(info["collection"])).all_vectors())
            self._store = exact
        return self._store

    def _french_lexicon(self) -> dict[str, str]:
        if self._lexicon is None:
            self._lexicon = load_lexicon(self.generation)
        return self._lexicon

    def _embed(self, text: str) -> Any:
        if self._embedder is None:
            from assistant.index.embedder import get_embedder

            self._embedder = get_embedder(self.settings, threads=1)
        return self._embedder.embed_query(text)

    def warm_up(self) -> None:
        """Load everything now (the app calls this once, so the first question is fast)."""
        with self._lock:
            self._bm25("en")
            self._bm25("fr")
            self._french_lexicon()
            self._vectors()
            self._embed("warm up")

    # -- search -----------------------------------------------------------------------------
    @property
    def chunks(self) -> dict[str, Chunk]:
        """All chunks by key."""
        return self._chunks

    def _allowed(
        self,
        acts: Sequence[str] | None,
        kinds: Sequence[str] | None,
        version: str | None,
        as_of: date | None,
    ) -> set[str] | None:
        if not (acts or kinds or version or as_of):
            return None
        act_set = {str(a) for a in acts} if acts else None
        kind_set = {str(k) for k in kinds} if kinds else None
        out: set[str] = set()
        for key, c in self._chunks.items():
            if act_set is not None and c.act not in act_set:
                continue
            if kind_set is not None and c.kind not in kind_set:
                continue
            if version is not None and c.version != version:
                continue
            if as_of is not None and date.fromisoformat(c.version) > as_of:
                continue
            out.add(key)
        return out

    def _reference_keys(self, refs: Sequence[str], allowed: set[str] | None) -> list[str]:
        keys: list[str] = []
        for ref in refs:
            try:
                pid = ProvisionId.parse(ref).without_version()
            except InvalidCitationId:
                continue
            exact = pid.format()
            top = pid.top_level().format()
            # The chunks of exactly that provision (or inside it) first, then its article.
            inside = [k for k in self._by_top.get(top, []) if _within(self._chunks[k].id, exact)]
            rest = [k for k in self._by_top.get(top, []) if k not in inside]
            for key in [*inside, *rest]:
                if (allowed is None or key in allowed) and key not in keys:
                    keys.append(key)
        return keys

    def search(
        self,
        query: str,
        k: int = 8,
        *,
        acts: Sequence[str] | None = None,
        kinds: Sequence[str] | None = None,
        version: str | None = None,
        as_of: date | None = None,
    ) -> list[Hit]:
        """The ``k`` best chunks for ``query``. Filters: act codes, kinds (article/recital/
        annex/section), a text version (ISO date), and ``as_of`` (texts in force that day)."""
        if not query.strip() or k <= 0:
            return []
        cfg = self.config
        q = analyse(query)
        allowed = self._allowed(acts, kinds, version, as_of)
        lists: list[tuple[list[str], float]] = []
        sources: dict[str, list[str]] = {}

        def add(name: str, ranked: list[str], weight: float) -> None:
            if ranked:
                lists.append((ranked, weight))
                for key in ranked:
                    sources.setdefault(key, []).append(name)

        english = q.english if cfg.use_translation else query
        if cfg.use_translation and cfg.use_lexicon and q.language == "fr":
            learnt = translate(unknown_words(query, "fr"), self._french_lexicon())
            english = " ".join([english, *learnt])
        spanned = q.regimes if cfg.cover_topics else q.acts
        spans = cfg.act_slots > 0 and len(spanned) > 1
        depth = cfg.depth * (cfg.act_depth if spans else 1)
        if cfg.use_dense:
            dense_query = f"{english} {q.expansion}" if cfg.dense_expansion else english
            add("dense", self._dense(dense_query, allowed, depth), cfg.dense_weight)
        if cfg.use_bm25:
            lexical_query = f"{english} {q.expansion}" if cfg.use_expansion else english
            add("bm25", self._lexical_en(lexical_query, allowed, depth), cfg.bm25_weight)
        if cfg.use_french_texts and q.language == "fr":
            add("bm25-fr", self._lexical_fr(query, allowed, depth), cfg.bm25_fr_weight)
        fused = rrf([(ranked[: cfg.depth], weight) for ranked, weight in lists], k=cfg.rrf_k)
        policy = cfg.policy
        if q.asks_why:  # recitals give the reasons: do not damp them for "why" questions
            policy = dataclasses.replace(policy, recital_weight=max(policy.recital_weight, 1.0))
        scored = apply_policy(fused, self._candidate, policy, named_acts=q.acts)
        ranked = sorted(scored, key=lambda key: -scored[key])
        if spans:
            pools = [self._act_pool(act, lists, policy, scored) for act in spanned]
            slots = min(cfg.act_slots, k)  # a short answer (the chain asks for 4) too
            ranked = reserve_slots(
                ranked,
                pools,
                lambda key: self._chunks[key].top_level,
                slots=slots,
                quota=cfg.act_quota or max(1, slots // len(spanned)),
            )
        ranked = diversify(
            ranked, lambda key: self._chunks[key].top_level, cfg.policy.per_provision, k
        )
        refs = self._references(q) if cfg.use_references else []
        ref_keys = self._reference_keys(refs, allowed)
        ref_head = ref_keys[: max(1, min(len(ref_keys), k // 2 or 1))]
        final = [*ref_head, *[key for key in ranked if key not in ref_head]][:k]
        top_score = max(scored.values(), default=1.0)
        hits: list[Hit] = []
        for rank, key in enumerate(final):
            score = scored.get(key, 0.0)
            tags = list(sources.get(key, []))
            if key in ref_head:
                score = top_score + (len(ref_head) - rank) * 1e-3
                tags.insert(0, "ref")
            hits.append(Hit.from_chunk(self._chunks[key], round(score, 6), tags))
        return hits

    def _act_pool(
        self,
        act: str,
        lists: Sequence[tuple[list[str], float]],
        policy: RankingPolicy,
        scored: dict[str, float],
    ) -> list[str]:
        """The chunks of one act ranked on their own: each list cut to that act (ranks
        within the act), fused, policy applied. A chunk new to ``scored`` gets its score
        here, scaled below every globally scored chunk, so hit scores stay comparable."""
        cfg = self.config
        own = [
            ([key for key in ranked if self._chunks[key].act == act][: cfg.depth], weight)
            for ranked, weight in lists
        ]
        pool = apply_policy(rrf(own, k=cfg.rrf_k), self._candidate, policy)
        floor = min(scored.values(), default=1.0)
        top = max(pool.values(), default=1.0)
        for key, value in pool.items():
            scored.setdefault(key, floor * value / top)
        return sorted(pool, key=lambda key: -pool[key])

    def _references(self, q: QueryAnalysis) -> list[str]:
        refs = list(q.references)
        for ref in corpus_references(q.text):
            if ref not in refs:
                refs.append(ref)
        return refs

    def _candidate(self, key: str) -> Candidate:
        c = self._chunks[key]
        return Candidate(key=key, act=c.act, kind=c.kind, status=c.status, top_level=c.top_level)

    def _resolve(self, keys: Sequence[str], allowed: set[str] | None) -> list[str]:
        """Chunk keys in rank order; a digest note stands for its provision's chunks."""
        out: list[str] = []
        for key in keys:
            if is_note(key):
                targets = self._notes.get(key, []) if self.config.use_notes else []
            else:
                targets = [key] if key in self._chunks else []
            for target in targets:
                if target not in out and (allowed is None or target in allowed):
                    out.append(target)
        return out

    def _dense(self, text: str, allowed: set[str] | None, depth: int) -> list[str]:
        depth = depth if allowed is None else depth * 4
        hits = self._vectors().ranking(self._embed(text), depth)
        return self._resolve([key for key, _ in hits], allowed)

    def _lexical_en(self, text: str, allowed: set[str] | None, depth: int) -> list[str]:
        index = self._bm25("en")
        if index is None:
            return []
        depth = depth if allowed is None else depth * 4
        return self._resolve([key for key, _ in index.search(text, depth)], allowed)

    def _lexical_fr(self, text: str, allowed: set[str] | None, depth: int) -> list[str]:
        """French BM25 hits, mapped to the English chunks of the same provision."""
        index = self._bm25("fr")
        if index is None:
            return []
        out: list[str] = []
        for key, _ in index.search(text, depth):
            fr = self._chunks.get(key)
            if fr is None:
                continue
            targets = self._by_id.get(fr.id) or self._by_top.get(fr.top_level, [])[:1]
            for target in targets[:1]:
                if target not in out and (allowed is None or target in allowed):
                    out.append(target)
        return out

    @property
    def info(self) -> IndexManifest:
        """The manifest of the generation this retriever reads."""
        return self.manifest

    @property
    def path(self) -> Path:
        """The generation directory."""
        return self.generation


def _within(chunk_id: str, ref: str) -> bool:
    try:
        return ProvisionId.parse(chunk_id).is_within(ProvisionId.parse(ref))
    except InvalidCitationId:
        return chunk_id == ref
