"""Fixtures for the eval-harness tests (helpers live in ``evalkit``)."""

from __future__ import annotations

import pytest
from evalkit import make_case

from assistant.evals.cases import EvalCase


@pytest.fixture
def case() -> EvalCase:
    """The standard test case."""
    return make_case()
