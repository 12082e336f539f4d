"""The verifier: check a draft analysis sentence by sentence and return the verified Markdown.

For each sentence, in order: (a) an echo of an injected instruction is removed; (b) the AILD
presented as law is replaced by the withdrawn-history wording (rule 4); (c) citations that do
not resolve are removed (rule 1); (d) a conclusion the rule core contradicts is replaced by the
rule core's statement (rule 3); (e) every remaining citation must support the sentence (rule 2)
— unsupported ones are removed, and when none is left the verifier tries the provisions the
analyst was given (a citation is added only if it passes the same check); (f) a legal sentence
still without a supported citation is flagged in the text (or dropped with ``drop_unsupported``).
Nothing is silently kept: every change is a :class:`VerifierIssue`. Output text is escaped
(``escape_md``) except the bracketed citations, which are canonical IDs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.chain.verify.aild import aild_as_law, aild_replacement
from assistant.chain.verify.citations import check_citations
from assistant.chain.verify.conclusions import (
    find_conflicts,
    related_provisions,
    rule_core_statement,
)
from assistant.chain.verify.injection import (
    echoes_injection,
    split_narrative,
    strip_phrases,
)
from assistant.chain.verify.sentences import Block, Sentence, parse_draft
from assistant.chain.verify.support import Embed, SupportChecker
from assistant.report import VerifierIssue, escape_md
from assistant.rules import Assessment

if TYPE_CHECKING:
    from assistant.corpus import Corpus

__all__ = ["UNVERIFIED_MARK", "CoverageMetrics", "VerifiedAnalysis", "is_legal", "verify_analysis"]

UNVERIFIED_MARK = "*(unverified: no supporting citation)*"
_LEGAL = re.compile(
    r"\b(?:liab|liable|claim|regime|directive|regulation|act\b|GDPR|PLD|CRA|NIS2|article|art\b|"
    r"dut(?:y|ies)|obligat|compensat|damages|defect|fault|negligen|burden|presum|disclos|"
    r"contract|warrant|indemn|appl(?:y|ies|icable)|excluded|in force|court|tort|law\b|legal|"
    r"provision|breach|complian|fine|penalt|high-risk|prohibited|recourse|jointly|exempt|"
    r"defen[cs]e|controller|processor|manufacturer|provider|deployer|importer|distributor)",
    re.IGNORECASE,
)


def is_legal(text: str) -> bool:
    """Whether a sentence makes a legal statement (and so needs a supporting citation)."""
    return bool(_LEGAL.search(text))


@dataclass
class CoverageMetrics:
    """What the verifier counted (draft = before changes)."""

    sentences: int = 0
    legal_sentences: int = 0
    supported: int = 0
    flagged: int = 0
    removed: int = 0
    replaced: int = 0
    citations_added: int = 0
    draft_citations: int = 0
    draft_unresolved: int = 0
    draft_unsupported: int = 0
    draft_supported_sentences: int = 0

    @property
    def coverage(self) -> float:
        """Share of legal sentences (after verification) with a supported citation."""
        return self.supported / self.legal_sentences if self.legal_sentences else 1.0

    @property
    def draft_coverage(self) -> float:
        """The same share in the draft, before the verifier added or replaced anything."""
        return (
            self.draft_supported_sentences / self.legal_sentences if self.legal_sentences else 1.0
        )

    def as_dict(self) -> dict[str, float | int]:
        """Plain numbers for benchmarks and the report."""
        data: dict[str, float | int] = dict(self.__dict__)
        data["coverage"] = round(self.coverage, 3)
        data["draft_coverage"] = round(self.draft_coverage, 3)
        return data


@dataclass
class VerifiedAnalysis:
    """The verified Markdown, what changed, and the counts."""

    markdown: str
    issues: list[VerifierIssue] = field(default_factory=list)
    metrics: CoverageMetrics = field(default_factory=CoverageMetrics)
    cited_ids: list[str] = field(default_factory=list)
    plain: str = ""  # the same text unescaped (to splice into a larger draft)


@dataclass
class _Out:
    text: str
    citations: list[str]
    end: str = "."
    flagged: bool = False


class _Verifier:
    def __init__(
        self,
        assessment: Assessment,
        corpus: Corpus,
        checker: SupportChecker | None,
        candidates: Sequence[str],
        narrative: str | None,
        trusted: bool,
        drop_unsupported: bool,
    ) -> None:
        self.assessment = assessment
        self.corpus = corpus
        self.as_of = assessment.as_of
        self.checker = checker
        self.candidates = [c for c in dict.fromkeys(candidates) if corpus.resolves(c, self.as_of)]
        self.spans, self.own = split_narrative(narrative or "")
        self.trusted = trusted
        self.drop = drop_unsupported
        self.names = [str(a.get("name")) for a in assessment.actors if a.get("name")]
        self.issues: list[VerifierIssue] = []
        self.m = CoverageMetrics()

    def issue(self, kind: str, sentence: str, detail: str, action: str) -> None:
        self.issues.append(
            VerifierIssue(kind=kind, sentence=sentence, detail=detail, action=action)
        )

    # -- one sentence ----------------------------------------------------------------
    def sentence(self, s: Sentence) -> list[_Out]:
        original = s.text + (f" [{'; '.join(c.raw for c in s.citations)}]" if s.citations else "")
        self.m.sentences += 1
        self.m.draft_citations += len(s.citations)
        if echoes_injection(s.text, self.spans, self.own):
            self.m.removed += 1
            self.issue("injection", original, "repeats an instruction found in the narrative",
                       "removed")  # fmt: skip
            return []
        text = strip_phrases(s.text, self.spans, self.own) if self.spans else s.text
        check = check_citations(s, self.corpus, self.as_of)
        legal = is_legal(text) or bool(s.citations)
        if legal:
            self.m.legal_sentences += 1
        if aild_as_law(text, check.resolved):
            self.m.replaced += 1
            self.issue("aild_as_law", original, "relies on the withdrawn AI Liability Directive "
                       "proposal as if it were law (LEGAL_RULES G1)", "replaced")  # fmt: skip
            return self._replacement(aild_replacement(self.assessment), legal)
        for raw, why in check.unresolved:
            self.m.draft_unresolved += 1
            self.issue("unresolved_citation", original, f"{raw}: {why}", "removed")
        # The rule core's own wording (the template) is not checked against the rule core.
        conflicts = [] if self.trusted else find_conflicts(text, self.assessment, check.resolved)
        if conflicts:
            self.m.replaced += 1
            found = {f.key(): f for c in conflicts for f in c.findings}
            statement, provisions = rule_core_statement(list(found.values()))
            self.issue("contradiction", original, "; ".join(dict.fromkeys(c.why for c in conflicts))
                       + " — replaced by the rule core's finding", "replaced")  # fmt: skip
            return self._replacement([(statement, provisions)], legal)
        supported = self._supported(text, check.resolved, original)
        if legal and supported:
            self.m.draft_supported_sentences += 1
        flagged = False
        if legal and not supported and self.trusted:
            pass  # the rule core's own statement without a provision: counted, not marked
        elif legal and not supported:
            extra = self._find_support(text, check.resolved)
            if extra:
                supported = [extra]
                self.m.citations_added += 1
                self.issue("citation_added", original, f"no cited provision supports it; "
                           f"{extra} does (same support check)", "replaced")  # fmt: skip
            elif self.drop:
                self.m.removed += 1
                self.issue("unsupported", original, "legal statement without a supporting "
                           "citation", "removed")  # fmt: skip
                return []
            else:
                flagged = True
                self.m.flagged += 1
                kind = "unsupported" if check.resolved else "no_citation"
                self.issue(kind, original, "legal statement without a supporting citation; "
                           "marked unverified in the text", "flagged")  # fmt: skip
        for raw, why in check.prose_unresolved:
            self.m.draft_unresolved += 1
            self.issue("unresolved_citation", original, f"{raw}: {why}", "flagged")
        if check.prose_unresolved and not flagged:
            flagged = True
            self.m.flagged += 1
        if legal and supported and not flagged:
            self.m.supported += 1
        return [_Out(text, supported, s.end, flagged)]

    def _supported(self, text: str, resolved: list[str], original: str) -> list[str]:
        if self.trusted or self.checker is None:
            return list(resolved)
        keep: list[str] = []
        for ref in resolved:
            score = self.checker.score(text, ref, self.names)
            if score.supported(self.checker.threshold):
                keep.append(ref)
            else:
                self.m.draft_unsupported += 1
                self.issue("unsupported", original, f"{ref} does not support the sentence "
                           f"(support {score.score:.2f} < {self.checker.threshold:.2f}); "
                           "citation removed", "removed")  # fmt: skip
        return keep

    def _find_support(self, text: str, cited: list[str]) -> str | None:
        # Only provisions the rule core attaches to the regime (and actor) the sentence talks
        # about, and that the analyst was given: the best of many unrelated provisions would
        # pass the threshold by chance.
        if self.trusted or self.checker is None:
            return None
        allowed = set(self.candidates)
        pool = [r for r in related_provisions(text, self.assessment, cited) if r in allowed]
        if not pool:
            return None
        scored = [(self.checker.score(text, ref, self.names), ref) for ref in pool]
        best, ref = max(scored, key=lambda x: x[0].score)
        return ref if best.supported(self.checker.threshold) else None

    def _replacement(self, parts: list[tuple[str, list[str]]], legal: bool) -> list[_Out]:
        out: list[_Out] = []
        for text, cites in parts:
            ok = [c for c in cites if self.corpus.resolves(c, self.as_of)]
            out.append(_Out(text, ok))
        if legal:
            self.m.supported += 1
            self.m.legal_sentences += len(out) - 1
            self.m.supported += len(out) - 1
        return out

    # -- the whole draft -------------------------------------------------------------
    def run(self, blocks: list[Block]) -> VerifiedAnalysis:
        lines: list[str] = []
        plain: list[str] = []
        cited: dict[str, None] = {}
        seen: set[str] = set()
        for block in blocks:
            if block.kind == "heading":
                title = block.sentences[0].text if block.sentences else ""
                if lines and lines[-1] != "":
                    lines.append("")
                lines += [f"{block.prefix} {escape_md(title)}", ""]
                plain += [f"{block.prefix} {title}", ""]
                continue
            rendered: list[str] = []
            raw: list[str] = []
            for s in block.sentences:
                key = " ".join(s.text.lower().split())
                if key in seen:
                    continue  # small models repeat themselves
                seen.add(key)
                for out in self.sentence(s):
                    for c in out.citations:
                        cited.setdefault(c, None)
                    rendered.append(_render(out))
                    raw.append(_render(out, escape=False))
            if not rendered:
                continue
            for target, parts in ((lines, rendered), (plain, raw)):
                body = " ".join(parts)
                target.append(f"- {body}" if block.kind == "bullet" else body)
                if block.kind == "para":
                    target.append("")
        markdown = "\n".join(lines).strip() + "\n" if lines else ""
        text = "\n".join(plain).strip() + "\n" if plain else ""
        return VerifiedAnalysis(markdown, self.issues, self.m, list(cited), text)


def _render(out: _Out, *, escape: bool = True) -> str:
    text = escape_md(out.text) if escape else out.text
    cites = f" [{'; '.join(out.citations)}]" if out.citations else ""
    mark = f" {UNVERIFIED_MARK}" if out.flagged else ""
    return f"{text}{cites}{out.end}{mark}"


def verify_analysis(
    draft: str,
    assessment: Assessment,
    corpus: Corpus,
    *,
    embed: Embed | None = None,
    checker: SupportChecker | None = None,
    candidates: Sequence[str] = (),
    narrative: str | None = None,
    trusted: bool = False,
    drop_unsupported: bool = False,
) -> VerifiedAnalysis:
    """Verify ``draft`` against the rule core's ``assessment`` and the ``corpus``.

    ``embed`` (texts -> unit vectors) enables the calibrated embedding support check; without
    it the lexical check is used. ``candidates`` are IDs the analyst was given (tried when a
    sentence has no supporting citation). ``narrative`` lets the verifier spot echoes of
    injected instructions. ``trusted`` marks text generated from the rule core itself (the
    template): its citations are the rule core's, so only rules 1, 3, 4 run.
    """
    if checker is None and not trusted:
        checker = SupportChecker(corpus, assessment.as_of, embed=embed)
    verifier = _Verifier(
        assessment, corpus, checker, candidates, narrative, trusted, drop_unsupported
    )
    return verifier.run(parse_draft(draft))
