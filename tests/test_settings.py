"""Settings: env vars, TOML file, precedence, derived paths, secret masking."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.settings import Provider, Settings


def test_defaults_come_from_platform_dirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASSISTANT_DATA_DIR")
    monkeypatch.delenv("ASSISTANT_CACHE_DIR")
    monkeypatch.delenv("ASSISTANT_PROVIDER", raising=False)
    settings = Settings()
    assert "ai-liability-assistant" in str(settings.data_dir)
    assert settings.provider is Provider.LOCAL
    assert settings.index_dir == settings.data_dir / "index"


def test_env_overrides_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('provider = "openai"\nllm_model = "from-toml"\nas_of = "2027-01-15"\n')
    monkeypatch.setenv("ASSISTANT_CONFIG", str(config))
    monkeypatch.setenv("ASSISTANT_LLM_MODEL", "from-env")
    monkeypatch.delenv("ASSISTANT_PROVIDER", raising=False)
    settings = Settings()
    assert settings.provider is Provider.OPENAI  # from the file
    assert settings.llm_model == "from-env"  # env beats file
    assert settings.analysis_date() == date(2027, 1, 15)


def test_bad_provider_is_a_clear_validation_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_PROVIDER", "gpt-17")
    with pytest.raises(ValueError, match="provider"):
        Settings()


def test_secrets_are_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_LLM_API_KEY", "sk-very-secret")
    data = Settings().public_dict()
    assert data["llm_api_key"] == "***"
    assert "sk-very-secret" not in str(data)
