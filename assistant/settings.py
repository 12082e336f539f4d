"""One typed settings object, read from ``ASSISTANT_*`` env vars and an optional TOML file.

Precedence (highest first): explicit keyword arguments, environment variables, the TOML file
(``ASSISTANT_CONFIG`` or ``<config dir>/config.toml``), defaults. Directories default to the
platform's user dirs (platformdirs) and can all be overridden, which is how tests isolate
themselves (``ASSISTANT_DATA_DIR=tmp``).
"""

from __future__ import annotations

import os
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from platformdirs import PlatformDirs
from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

__all__ = ["PROJECT_ROOT", "Provider", "Settings", "get_settings"]

_DIRS = PlatformDirs("ai-liability-assistant", appauthor=False)
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _config_file() -> Path:
    explicit = os.environ.get("ASSISTANT_CONFIG")
    return Path(explicit) if explicit else Path(_DIRS.user_config_dir) / "config.toml"


class Provider(StrEnum):
    """LLM providers. ``none`` means deterministic extraction and template reports."""

    LOCAL = "local"
    OPENAI = "openai"
    OLLAMA = "ollama"
    ANTHROPIC = "anthropic"
    NONE = "none"
    FAKE = "fake"  # tests and demos only: a scripted chat model


class Settings(BaseSettings):
    """All configuration. Env vars are ``ASSISTANT_<FIELD>`` (e.g. ``ASSISTANT_PROVIDER``)."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    # -- where things live
    data_dir: Path = Field(default_factory=lambda: Path(_DIRS.user_data_dir))
    cache_dir: Path = Field(default_factory=lambda: Path(_DIRS.user_cache_dir))
    corpus_source_dir: Path | None = Field(
        default=None,
        description="Local mirror of the legal texts used instead of the official URLs.",
    )

    # -- analysis
    as_of: date | None = Field(default=None, description="Analysis date; default: today.")

    # -- LLM provider
    provider: Provider = Provider.LOCAL
    llm_model: str | None = Field(default=None, description="Model name for remote providers.")
    llm_base_url: str | None = Field(default=None, description="OpenAI-compatible/Ollama URL.")
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = 120.0
    llm_retries: int = 2
    llm_threads: int | None = Field(default=None, description="CPU threads for the local LLM.")
    llm_context_tokens: int = 8192
    llm_queue_max_waiting: int = Field(
        default=4, description="Requests that may wait for the embedded model; more are refused."
    )
    llm_queue_max_wait_s: float = Field(
        default=120.0, description="Longest wait for the embedded model before 'busy, try again'."
    )
    local_model_path: Path | None = Field(
        default=None, description="A GGUF file to use instead of the packaged model."
    )

    # -- retrieval
    chroma_url: str | None = Field(
        default=None, description="Use a shared `chroma run` server instead of the embedded DB."
    )
    embedder: str = "all-MiniLM-L6-v2"
    embed_backend: Literal["onnx", "torch"] = Field(
        default="onnx",
        description="onnx: exported once from the packaged model, ~2x faster on CPU; torch: fallback.",
    )

    # -- network
    fetch_timeout_s: float = 60.0
    fetch_retries: int = 3

    # -- input limits (upload/paste)
    max_upload_mb: float = 20.0
    max_pdf_pages: int = 300
    max_narrative_chars: int = 200_000

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = _config_file()
        if path.is_file():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    # -- derived paths (one place, so every layer agrees)
    @property
    def corpus_dir(self) -> Path:
        """Fetched official downloads and the fetch lock file."""
        return self.data_dir / "corpus"

    @property
    def index_dir(self) -> Path:
        """Chroma, BM25 and the index manifest."""
        return self.data_dir / "index"

    @property
    def sessions_db(self) -> Path:
        """SQLite store of the web app's sessions."""
        return self.data_dir / "sessions.sqlite3"

    @property
    def models_dir(self) -> Path:
        """Assembled model files (the GGUF) and the tiktoken BPE cache."""
        return self.cache_dir / "models"

    def analysis_date(self) -> date:
        """The configured analysis date, or today."""
        return self.as_of or date.today()

    def public_dict(self) -> dict[str, Any]:
        """Settings as plain data with secrets masked (for `doctor` and the settings page)."""
        data = self.model_dump(mode="json")
        if self.llm_api_key is not None:
            data["llm_api_key"] = "***"
        return data


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached; tests call ``get_settings.cache_clear()``)."""
    return Settings()
