"""Fixtures of the index tests: small hand-built trees, an index built from them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from trees import small_corpus

from assistant.settings import Settings


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests (the langchain-tests suite has one) on a fresh event loop:
    the lock has no async pytest plugin."""
    import asyncio
    import inspect

    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(scope="session")
def small_index_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings of a data dir holding an index built from the small trees (built once)."""
    import os

    from assistant.index import build_index
    from assistant.index.corpus_port import TreeCorpus

    data = tmp_path_factory.mktemp("small-index")
    cache = Path(os.environ.get("ASSISTANT_TEST_CACHE_DIR", "")) or None
    settings = Settings(
        data_dir=data,
        cache_dir=cache or Path(__file__).resolve().parents[2] / ".artifacts" / "model-cache",
    )
    build_index(settings, corpus=TreeCorpus(small_corpus()))
    yield settings
