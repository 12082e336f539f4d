"""Suite-wide set-up: offline guarantee, isolated data dirs, test tiers.

* Network guard: pytest-socket (``--allow-hosts`` in pyproject) makes any connection to a
  non-loopback host fail the test. Fetch tests use a local HTTP server instead.
* Every test session gets its own data and cache dirs, so nothing touches the user's real data.
  A shared, session-wide dir for heavy artefacts (parsed corpus, full index) is exposed as the
  ``shared_data_dir`` fixture so the slow tier builds them once.
* The fast tier defaults to the ``none`` provider; tests that want a model ask for it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS_SOURCES = SHARED / "corpus-sources"


def pytest_configure(config: pytest.Config) -> None:
    # Before any test module imports the package: models load offline, never from a hub.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ["ANONYMIZED_TELEMETRY"] = "False"
    os.environ.setdefault("ASSISTANT_PROVIDER", "none")


@pytest.fixture(scope="session")
def shared_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir shared by the whole session (per xdist worker) for expensive artefacts."""
    return tmp_path_factory.mktemp("shared-data")


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    from assistant.settings import get_settings

    base = tmp_path_factory.mktemp("assistant")
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(base / "data"))
    # Model cache (assembled GGUF, tiktoken BPE) is shared: it is content-addressed and costly.
    monkeypatch.setenv(
        "ASSISTANT_CACHE_DIR", os.environ.get("ASSISTANT_TEST_CACHE_DIR", str(_model_cache()))
    )
    monkeypatch.delenv("ASSISTANT_CONFIG", raising=False)
    monkeypatch.delenv("ASSISTANT_CHROMA_URL", raising=False)
    # `make` exports the mirror for `assistant setup`; tests choose their source themselves
    # (fetch tests must hit their loopback server, not the mirror).
    monkeypatch.delenv("ASSISTANT_CORPUS_SOURCE_DIR", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _model_cache() -> Path:
    path = Path(__file__).resolve().parents[1] / ".artifacts" / "model-cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def corpus_sources() -> Path:
    """The local mirror of the legal texts (../shared/corpus-sources); skip if absent."""
    if not CORPUS_SOURCES.is_dir():
        pytest.skip("../shared/corpus-sources is not present beside the project")
    return CORPUS_SOURCES


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests leave screenshots and reports for humans (.artifacts/test)."""
    path = Path(__file__).resolve().parents[1] / ".artifacts" / "test"
    path.mkdir(parents=True, exist_ok=True)
    return path
