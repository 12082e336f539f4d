"""The loaded corpus: versioned provision trees plus the digests, and ID lookup.

``AI_ACT Art 113`` resolves to the version in force on the analysis date (the consolidated text
after 27 July 2026); ``AI_ACT@2024-07-12 Art 113`` to the original. Recitals come from the
version that has them (consolidated texts carry none). When an act is not fetched, digest IDs
still resolve, with our summary as their text; NATIONAL IDs resolve only in the national digest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from assistant.corpus.digest import DigestEntry, NationalEntry, digest_fingerprint
from assistant.corpus.manifest import Manifest, SourceEntry
from assistant.corpus.tree import ActTree, NodeKind, Provision, SourceStatus
from assistant.errors import CorpusError
from assistant.vocabulary import ACT_TITLES, ActCode, InvalidCitationId, ProvisionId, RefKind

__all__ = ["Corpus", "LoadedSource"]


@dataclass(frozen=True, slots=True)
class LoadedSource:
    """A parsed source and the hash of the file it came from."""

    entry: SourceEntry
    tree: ActTree
    sha256: str


def _digest_kind(pid: ProvisionId) -> NodeKind:
    if pid.kind is RefKind.RECITAL:
        return NodeKind.RECITAL
    if pid.kind is RefKind.SECTION:
        return NodeKind.REPORT_SECTION
    if pid.kind is RefKind.ANNEX:
        if pid.annex_point:
            return NodeKind.ANNEX_POINT
        if pid.annex_part:
            return NodeKind.ANNEX_PART
        return NodeKind.ANNEX_SECTION if pid.annex_section else NodeKind.ANNEX
    if pid.kind is RefKind.ACT:
        return NodeKind.ACT
    if pid.subparagraph is not None:
        return NodeKind.SUBPARAGRAPH
    by_depth = (NodeKind.ARTICLE, NodeKind.PARAGRAPH, NodeKind.POINT, NodeKind.SUBPOINT)
    return by_depth[min(len(pid.segments), 3)]


@dataclass
class Corpus:
    """All parsed trees plus the digests. Build it with :func:`assistant.corpus.load_corpus`."""

    manifest: Manifest
    sources: list[LoadedSource] = field(default_factory=list)
    digest: dict[str, DigestEntry] = field(default_factory=dict)
    national: dict[str, NationalEntry] = field(default_factory=dict)
    as_of: date | None = None
    problems: dict[str, str] = field(default_factory=dict)  # key -> why it is not loaded
    _indexes: dict[int, dict[str, Provision]] = field(default_factory=dict, repr=False)

    # -- trees and versions -------------------------------------------------------------
    @property
    def trees(self) -> list[ActTree]:
        """Every parsed tree (all acts, versions and languages)."""
        return [s.tree for s in self.sources]

    def _today(self, as_of: date | None) -> date:
        return as_of or self.as_of or date.today()

    def versions(self, act: ActCode) -> list[date]:
        """Known versions of an act (manifest), oldest first."""
        return sorted({s.version for s in self.manifest.for_act(act)})

    def version_in_force(self, act: ActCode, as_of: date | None = None) -> date | None:
        """The latest version dated on or before ``as_of`` (earliest version if none is)."""
        versions = self.versions(act)
        if not versions:
            return None
        day = self._today(as_of)
        past = [v for v in versions if v <= day]
        return past[-1] if past else versions[0]

    def _loaded(self, act: ActCode, version: date, language: str = "en") -> ActTree | None:
        for s in self.sources:
            if s.tree.act is act and s.tree.version == version and s.tree.language == language:
                return s.tree
        return None

    def tree_for(
        self, act: ActCode, as_of: date | None = None, language: str = "en"
    ) -> ActTree | None:
        """The parsed tree of the version in force on ``as_of`` (default today), or None."""
        version = self.version_in_force(act, as_of)
        return None if version is None else self._loaded(act, version, language)

    def has_full_text(self, act: ActCode) -> bool:
        """True if at least one version of ``act`` is fetched and parsed."""
        return any(s.tree.act is act for s in self.sources)

    def source_status(self, act: ActCode, as_of: date | None = None) -> SourceStatus:
        """Legal status of the act's version in force (in_force, withdrawn_proposal, ...)."""
        version = self.version_in_force(act, as_of)
        entry = next((s for s in self.manifest.for_act(act) if s.version == version), None)
        if entry is None:
            raise CorpusError(
                f"{act.value} is not in the corpus manifest",
                hint="national law is described in corpus/national/, not fetched",
            )
        return entry.status

    def _index(self, tree: ActTree) -> dict[str, Provision]:
        key = id(tree)
        if key not in self._indexes:
            self._indexes[key] = tree.index()
        return self._indexes[key]

    # -- lookup ---------------------------------------------------------------------------
    def get(self, ref: str | ProvisionId, as_of: date | None = None) -> Provision | None:
        """The provision a canonical ID names, or None if it does not resolve.

        Versioned IDs (``AI_ACT@2024-07-12 Art 5``) pick that version (or, for a date that is
        not a version, the version in force on it). Unfetched acts resolve through the digest.
        """
        try:
            pid = ref if isinstance(ref, ProvisionId) else ProvisionId.parse(ref)
        except InvalidCitationId:
            return None
        if pid.kind is RefKind.NATIONAL:
            return self._national(pid)
        key = pid.without_version().format()
        day = pid.version or self._today(as_of)
        version = self.version_in_force(pid.act, day)
        if version is None:
            return None
        tree = self._loaded(pid.act, version)
        if pid.kind is RefKind.ACT:
            return self._act_node(pid, tree, version)
        if tree is not None:
            node = self._index(tree).get(key)
            if node is None and pid.kind is RefKind.RECITAL:
                node = self._recital_elsewhere(pid, key, day)
            return node
        if pid.kind is RefKind.RECITAL and self.has_full_text(pid.act):
            found = self._recital_elsewhere(pid, key, day)
            if found is not None:
                return found
        return self._from_digest(pid, key)

    def _recital_elsewhere(self, pid: ProvisionId, key: str, day: date) -> Provision | None:
        # Consolidated texts have no recitals: use the latest version that has them.
        candidates = sorted(
            (s.tree for s in self.sources if s.tree.act is pid.act and s.tree.language == "en"),
            key=lambda t: (t.version <= day, t.version),
            reverse=True,
        )
        for tree in candidates:
            node = self._index(tree).get(key)
            if node is not None:
                return node
        return None

    def _from_digest(self, pid: ProvisionId, key: str) -> Provision | None:
        entry = self.digest.get(key)
        source = self.manifest.for_act(pid.act)
        url = source[-1].url if source else None
        if entry is not None:
            return Provision(
                id=key,
                kind=_digest_kind(pid),
                label=key.split(" ", 1)[1],
                heading=entry.title,
                text=entry.summary,
                url=url,
            )
        # An article we describe only paragraph by paragraph ("GDPR Art 82" from 82(1)-(6)).
        parts = [
            e
            for ident, e in self.digest.items()
            if ident.startswith(key + "(") and ProvisionId.parse(ident).is_within(pid)
        ]
        if not parts:
            return None
        return Provision(
            id=key,
            kind=_digest_kind(pid),
            label=key.split(" ", 1)[1],
            heading=parts[0].title,
            text="\n".join(f"{e.id.split(' ', 1)[1]}: {e.summary}" for e in parts),
            url=url,
        )

    def _act_node(self, pid: ProvisionId, tree: ActTree | None, version: date) -> Provision:
        entry = next(s for s in self.manifest.for_act(pid.act) if s.version == version)
        return Provision(
            id=pid.act.value,
            kind=NodeKind.ACT,
            label=pid.act.value,
            heading=entry.title,
            text=entry.note or ACT_TITLES.get(pid.act, entry.title),
            url=entry.url,
        )

    def _national(self, pid: ProvisionId) -> Provision | None:
        entry = self.national.get(pid.format())
        if entry is None:
            return None
        return Provision(
            id=entry.id,
            kind=NodeKind.ARTICLE,
            label=entry.id.split(" ", 2)[2],
            heading=entry.title,
            text=entry.summary,
            url=entry.url,
        )

    def resolves(self, ref: str | ProvisionId, as_of: date | None = None) -> bool:
        """True if ``ref`` names a provision of the corpus or the national digest."""
        return self.get(ref, as_of) is not None

    def url(self, ref: str | ProvisionId, as_of: date | None = None) -> str | None:
        """Official URL (with anchor where the source has them) of a provision."""
        node = self.get(ref, as_of)
        return node.url if node is not None else None

    def amended_by(self, ref: str | ProvisionId, as_of: date | None = None) -> list[str]:
        """Act codes of the acts that changed this provision (consolidated ►M markers)."""
        node = self.get(ref, as_of)
        return list(node.amended_by) if node is not None else []

    def cite_label(self, ref: str | ProvisionId, as_of: date | None = None) -> str | None:
        """``"AI_ACT Art 113 (as amended by Regulation (EU) 2026/1744)"`` or the plain ID."""
        node = self.get(ref, as_of)
        if node is None:
            return None
        text = str(ref)
        if node.amended_by:
            names = [
                ACT_TITLES.get(ActCode(code), code).rsplit(" (", 1)[0]
                if code in ActCode.__members__
                else code
                for code in node.amended_by
            ]
            text += f" (as amended by {', '.join(names)})"
        return text

    def fingerprint(self) -> str:
        """Hash identifying the parsed corpus (sources, their hashes, parser, digests)."""
        from assistant.corpus.parse import PARSER_VERSION

        payload = {
            "parser": PARSER_VERSION,
            "sources": sorted((s.entry.key, s.sha256) for s in self.sources),
            "digest": digest_fingerprint(),
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
