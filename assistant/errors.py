"""One error hierarchy; every message tells the user what to do next.

AssistantError
├── ConfigError          bad settings or environment
├── CorpusError          manifest, fetch, parse, resolve
│   ├── FetchError       network down, HTTP error, stalled or truncated download
│   └── HashMismatch     a download or cached file does not match its pinned sha256
├── IndexBuildError      chunking, embedding, Chroma, BM25
├── ModelLoadError       embedder, tokenizer or embedded LLM cannot load offline
├── ProviderError        an LLM provider failed (timeout, HTTP 5xx/429, bad output)
├── InputError           a user's narrative or upload cannot be used (size, encoding, PDF)
└── CaseFileError        an eval case or QA file that does not follow VOCABULARY.md
"""

from __future__ import annotations

__all__ = [
    "AssistantError",
    "CaseFileError",
    "ConfigError",
    "CorpusError",
    "FetchError",
    "HashMismatch",
    "IndexBuildError",
    "InputError",
    "ModelLoadError",
    "ProviderError",
]


class AssistantError(Exception):
    """Base class. ``hint`` says what the user can do about it."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  -> {self.hint}" if self.hint else self.message


class ConfigError(AssistantError):
    """Settings or environment are not usable."""


class CorpusError(AssistantError):
    """Problem with the legal corpus (manifest, fetch, parse, resolve)."""


class FetchError(CorpusError):
    """A source could not be downloaded or copied."""


class HashMismatch(CorpusError):
    """Downloaded or cached bytes do not match the pinned sha256."""


class IndexBuildError(AssistantError):
    """The retrieval index could not be built or opened."""


class ModelLoadError(AssistantError):
    """A model (embedder, tokenizer, embedded LLM) could not load offline."""


class ProviderError(AssistantError):
    """An LLM provider failed; callers fall back to the deterministic path."""


class InputError(AssistantError):
    """User input (narrative, upload) that cannot be used as given."""


class CaseFileError(AssistantError):
    """An evaluation case or retrieval QA file that does not follow the vocabulary."""
