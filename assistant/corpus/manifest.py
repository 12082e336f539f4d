"""``corpus/sources.toml``: one entry per source, version and language (pydantic, pure I/O-light).

The manifest says where each text comes from (official URL and format, optional pinned
sha256, files of a local mirror that can stand in for the network) and what it is (status,
CELEX, ELI). Legal application dates are not here: they are the rule core's data.
"""

from __future__ import annotations

import tomllib
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator

from assistant.corpus.tree import SourceStatus
from assistant.errors import CorpusError
from assistant.settings import PROJECT_ROOT
from assistant.vocabulary import ActCode

__all__ = [
    "MANIFEST_PATH",
    "Manifest",
    "MirrorFile",
    "SourceEntry",
    "SourceFormat",
    "load_manifest",
]

MANIFEST_PATH = PROJECT_ROOT / "corpus" / "sources.toml"


class SourceFormat(StrEnum):
    """File formats the parsers read."""

    OJ_XHTML = "oj_xhtml"  # Official Journal XHTML (CONVEX), L series since 2014-ish
    CONSOLIDATED_HTML = "consolidated_html"  # EUR-Lex consolidated text
    LEGACY_HTML = "legacy_html"  # older EUR-Lex HTML: plain paragraphs
    PDF = "pdf"  # an act's PDF (OJ or COM document), read with pypdf
    REPORT_PDF = "report_pdf"  # a report with numbered sections (Mozilla)
    WORDPRESS_JSON = "wordpress_json"  # a blog post from the WordPress REST API
    MARKDOWN = "markdown"  # the project's local mirror
    PLACEHOLDER = "placeholder"  # mirror file without the text (nothing to parse)

    @property
    def suffix(self) -> str:
        """File-name suffix of a cached download."""
        return {
            "oj_xhtml": ".xhtml",
            "consolidated_html": ".html",
            "legacy_html": ".html",
            "pdf": ".pdf",
            "report_pdf": ".pdf",
            "wordpress_json": ".json",
            "markdown": ".md",
            "placeholder": ".md",
        }[self.value]


class MirrorFile(BaseModel):
    """A file of the local mirror (``--source-dir``) that can replace the download."""

    path: str
    format: SourceFormat
    sha256: str | None = None


class SourceEntry(BaseModel):
    """One version (and language) of one source."""

    act: ActCode
    version: date = Field(description="OJ date of the text, or the consolidation date.")
    language: str = "en"
    translation_of: str | None = Field(
        default=None, description='Key of the English entry this translates ("AI_ACT@2026-07-27").'
    )
    title: str
    celex: str | None = None
    eli: str | None = None
    url: str = Field(description="Human-readable page; provision anchors attach to it.")
    download_url: str
    format: SourceFormat
    status: SourceStatus
    sha256: str | None = Field(default=None, description="Pinned sha256 of the official download.")
    anchors: bool = Field(default=True, description="The page has ELI anchors (#art_25).")
    amending_act: bool = False
    whereas_recitals: bool = False
    markers: dict[str, str] = Field(
        default_factory=dict, description='Consolidation markers -> act codes ("M1" -> ...).'
    )
    mirror: list[MirrorFile] = Field(default_factory=list)
    note: str | None = None

    @field_validator("sha256")
    @classmethod
    def _hex(cls, value: str | None) -> str | None:
        if value is not None and (
            len(value) != 64 or any(c not in "0123456789abcdef" for c in value)
        ):
            raise ValueError("sha256 must be 64 lower-case hex digits")
        return value

    @property
    def key(self) -> str:
        """Stable key: ``AI_ACT@2026-07-27`` (English) or ``AI_ACT@2026-07-27.fr``."""
        base = f"{self.act.value}@{self.version.isoformat()}"
        return base if self.language == "en" else f"{base}.{self.language}"

    @property
    def file_stem(self) -> str:
        """Name used for cached files (no characters that trouble any file system)."""
        return f"{self.act.value}_{self.version.isoformat()}_{self.language}"


class Manifest(BaseModel):
    """All sources."""

    sources: list[SourceEntry]

    def get(self, key: str) -> SourceEntry | None:
        """The entry with ``key`` (see :attr:`SourceEntry.key`)."""
        return next((s for s in self.sources if s.key == key), None)

    def for_act(self, act: ActCode, language: str | None = "en") -> list[SourceEntry]:
        """Entries of one act, oldest version first (``language=None``: all languages)."""
        return sorted(
            (
                s
                for s in self.sources
                if s.act is act and (language is None or s.language == language)
            ),
            key=lambda s: s.version,
        )

    def select(self, only: list[str] | None) -> list[SourceEntry]:
        """Entries whose act code or key is in ``only`` (all when ``only`` is empty)."""
        if not only:
            return list(self.sources)
        wanted = {o.strip() for o in only}
        unknown = wanted - {s.act.value for s in self.sources} - {s.key for s in self.sources}
        if unknown:
            codes = ", ".join(sorted({s.act.value for s in self.sources}))
            raise CorpusError(
                f"unknown source(s): {', '.join(sorted(unknown))}",
                hint=f"use an act code ({codes}) or a key shown by `assistant corpus status`",
            )
        return [s for s in self.sources if s.act.value in wanted or s.key in wanted]

    def act_for_celex(self, celex: str) -> ActCode | None:
        """The act code of a CELEX number (consolidated numbers map to their base act)."""
        for s in self.sources:
            if s.celex == celex:
                return s.act
        return None


def _expand_hosts(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Replace ``{name}`` in URLs by ``[hosts] name = "https://..."`` (keeps the file short)."""
    hosts = {str(k): str(v) for k, v in data.get("hosts", {}).items()}
    sources: list[dict[str, Any]] = []
    for raw in data.get("source", []):
        row = dict(raw)
        for field in ("url", "download_url"):
            value = row.get(field)
            if isinstance(value, str) and "{" in value:
                for name, base in hosts.items():
                    value = value.replace("{" + name + "}", base)
                row[field] = value
        sources.append(row)
    return sources


def parse_manifest(text: str, *, origin: str = "sources.toml") -> Manifest:
    """Validate manifest TOML text."""
    try:
        data = tomllib.loads(text)
        manifest = Manifest.model_validate({"sources": _expand_hosts(data)})
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise CorpusError(
            f"{origin} is not a valid corpus manifest: {exc}",
            hint="fix the file (see the comments at its top) or restore it from git",
        ) from exc
    keys = [s.key for s in manifest.sources]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise CorpusError(f"{origin} lists a source twice: {', '.join(dupes)}", hint="remove one")
    return manifest


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> Manifest:
    return parse_manifest(path.read_text(encoding="utf-8"), origin=str(path))


def load_manifest(path: Path | None = None) -> Manifest:
    """Read and validate ``corpus/sources.toml`` (cached while the file is unchanged)."""
    target = path or MANIFEST_PATH
    if not target.is_file():
        raise CorpusError(
            f"corpus manifest not found at {target}",
            hint="run from a complete checkout of the project (corpus/sources.toml is in git)",
        )
    return _load(target, target.stat().st_mtime)
