"""The project's own digest: short descriptions of provisions, written by us (no legal text).

``corpus/digest/*.toml`` describes every EU provision the rule core cites (title, 1-2 sentence
summary, tags) so the app can explain provisions before any text is fetched and chunks get
metadata. ``corpus/national/*.toml`` is the national digest: the only place ``NATIONAL``
citations resolve. Both are plain TOML::

    [[provision]]
    id = "PLD_2024 Art 10"
    title = "Burden of proof"
    summary = "..."
    roles = ["developer"]          # assistant.vocabulary.Role values
    regimes = ["PLD_2024"]         # assistant.vocabulary.Regime values
    topics = ["burden_of_proof"]   # free keywords

    [[provision]]                  # corpus/national/DE.toml
    id = "NATIONAL DE BGB §823(1)"
    jurisdiction = "DE"
    title = "..."
    summary = "..."
    url = "https://..."
    tags = ["fault", "tort"]
"""

from __future__ import annotations

import hashlib
import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, field_validator

from assistant.errors import CorpusError
from assistant.settings import PROJECT_ROOT
from assistant.vocabulary import ActCode, InvalidCitationId, ProvisionId, Regime, Role

__all__ = [
    "DIGEST_DIR",
    "NATIONAL_DIR",
    "DigestEntry",
    "DigestTags",
    "NationalEntry",
    "digest_fingerprint",
    "load_digest",
    "load_national_digest",
]

DIGEST_DIR = PROJECT_ROOT / "corpus" / "digest"
NATIONAL_DIR = PROJECT_ROOT / "corpus" / "national"


class DigestTags(BaseModel):
    """Metadata a digest entry adds to retrieval chunks."""

    roles: list[Role] = Field(default_factory=list)
    regimes: list[Regime] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)


class DigestEntry(BaseModel):
    """Our description of one EU provision."""

    id: str
    title: str
    summary: str
    tags: DigestTags = Field(default_factory=DigestTags)

    @field_validator("id")
    @classmethod
    def _valid_id(cls, value: str) -> str:
        try:
            pid = ProvisionId.parse(value)
        except InvalidCitationId as exc:
            raise ValueError(str(exc)) from exc
        if pid.act is ActCode.NATIONAL or pid.version is not None:
            raise ValueError(f"digest IDs are EU IDs without @version: {value!r}")
        return value

    @property
    def act(self) -> ActCode:
        """The act the provision belongs to."""
        return ProvisionId.parse(self.id).act


class NationalEntry(BaseModel):
    """Our one-line description of a national provision (the national digest)."""

    id: str
    jurisdiction: str = Field(pattern=r"^[A-Z]{2}$")
    title: str
    summary: str
    url: str | None = None
    tags: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _national(cls, value: str) -> str:
        pid = ProvisionId.parse(value)
        if pid.act is not ActCode.NATIONAL:
            raise ValueError(f"national digest IDs start with 'NATIONAL <CC> ': {value!r}")
        return value


def _files(folder: Path) -> tuple[Path, ...]:
    return tuple(sorted(folder.glob("*.toml"))) if folder.is_dir() else ()


def _stamp(files: tuple[Path, ...]) -> tuple[tuple[str, float], ...]:
    return tuple((str(f), f.stat().st_mtime) for f in files)


def _read(path: Path) -> list[dict[str, object]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise CorpusError(f"{path}: not valid TOML ({exc})", hint="fix the file") from exc
    rows = data.get("provision", [])
    if not isinstance(rows, list):
        raise CorpusError(f"{path}: expected [[provision]] tables", hint="see corpus/digest/")
    return rows


@lru_cache(maxsize=4)
def _load_digest(stamp: tuple[tuple[str, float], ...]) -> dict[str, DigestEntry]:
    out: dict[str, DigestEntry] = {}
    for name, _ in stamp:
        for row in _read(Path(name)):
            flat = dict(row)
            tags = {k: flat.pop(k) for k in ("roles", "regimes", "topics") if k in flat}
            try:
                entry = DigestEntry.model_validate({**flat, "tags": tags})
            except ValidationError as exc:
                raise CorpusError(
                    f"{name}: bad digest entry {row.get('id')!r}: {exc}",
                    hint="IDs follow the citation grammar; roles/regimes use the vocabulary",
                ) from exc
            if entry.id in out:
                raise CorpusError(f"{name}: {entry.id} is described twice", hint="keep one")
            out[entry.id] = entry
    return out


def load_digest(folder: Path | None = None) -> dict[str, DigestEntry]:
    """All digest entries by ID (``corpus/digest/*.toml``)."""
    return dict(_load_digest(_stamp(_files(folder or DIGEST_DIR))))


@lru_cache(maxsize=4)
def _load_national(stamp: tuple[tuple[str, float], ...]) -> dict[str, NationalEntry]:
    out: dict[str, NationalEntry] = {}
    for name, _ in stamp:
        for row in _read(Path(name)):
            try:
                entry = NationalEntry.model_validate(row)
            except (ValidationError, InvalidCitationId) as exc:
                raise CorpusError(
                    f"{name}: bad national entry {row.get('id')!r}: {exc}",
                    hint='IDs look like "NATIONAL DE BGB §823(1)"',
                ) from exc
            out[entry.id] = entry
    return out


def load_national_digest(folder: Path | None = None) -> dict[str, NationalEntry]:
    """The national digest by ID (``corpus/national/*.toml``)."""
    return dict(_load_national(_stamp(_files(folder or NATIONAL_DIR))))


def digest_fingerprint(*folders: Path) -> str:
    """Hash of the digest files (part of the corpus fingerprint)."""
    digest = hashlib.sha256()
    for folder in folders or (DIGEST_DIR, NATIONAL_DIR):
        for path in _files(folder):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
