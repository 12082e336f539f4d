"""The verifier: citations resolve, support their sentences, agree with the rule core, no AILD.

Public API::

    verify_analysis(draft, assessment, corpus, *, embed=None, checker=None, candidates=(),
                    narrative=None, trusted=False, drop_unsupported=False) -> VerifiedAnalysis
    SupportChecker(corpus, as_of, *, embed=None, threshold=None)   # rule 2, calibrated
    find_conflicts(sentence, assessment, cited) -> list[Conflict]  # rule 3
    aild_as_law(text, cited) -> bool                               # rule 4
"""

from __future__ import annotations

from assistant.chain.verify.aild import AILD_HISTORY, aild_as_law, aild_replacement
from assistant.chain.verify.conclusions import Conflict, find_claims, find_conflicts
from assistant.chain.verify.injection import echoes_injection, injected_spans
from assistant.chain.verify.run import (
    UNVERIFIED_MARK,
    CoverageMetrics,
    VerifiedAnalysis,
    is_legal,
    verify_analysis,
)
from assistant.chain.verify.sentences import parse_draft
from assistant.chain.verify.support import (
    EMBED_THRESHOLD,
    LEXICAL_THRESHOLD,
    Embed,
    SupportChecker,
    SupportScore,
)

__all__ = [
    "AILD_HISTORY",
    "EMBED_THRESHOLD",
    "LEXICAL_THRESHOLD",
    "UNVERIFIED_MARK",
    "Conflict",
    "CoverageMetrics",
    "Embed",
    "SupportChecker",
    "SupportScore",
    "VerifiedAnalysis",
    "aild_as_law",
    "aild_replacement",
    "echoes_injection",
    "find_claims",
    "find_conflicts",
    "injected_spans",
    "is_legal",
    "parse_draft",
    "verify_analysis",
]
