"""The verifier's public entry point (the implementation lives in :mod:`assistant.chain.verify`).

``verify_analysis(draft, assessment, corpus, ...)`` checks a draft analysis: (1) every citation
resolves, (2) the cited text supports the sentence (calibrated similarity threshold), (3) every
conclusion agrees with the rule core (on conflict the rule core's statement replaces it), (4)
nothing presents the AI Liability Directive proposal as law. Unsupported sentences are flagged
or removed, never silently kept; every change is a ``VerifierIssue``.
"""

from __future__ import annotations

from assistant.chain.verify import (
    EMBED_THRESHOLD,
    LEXICAL_THRESHOLD,
    UNVERIFIED_MARK,
    CoverageMetrics,
    Embed,
    SupportChecker,
    VerifiedAnalysis,
    verify_analysis,
)

__all__ = [
    "EMBED_THRESHOLD",
    "LEXICAL_THRESHOLD",
    "UNVERIFIED_MARK",
    "CoverageMetrics",
    "Embed",
    "SupportChecker",
    "VerifiedAnalysis",
    "verify_analysis",
]
