"""The analyst: the rule core's findings explained in plain language, cited, verified, streamed.

The analysis is the rule core's own wording, organised by the Mozilla report's three steps and
by actor (``analyst_template``), with one addition from the model: a plain-language summary at
the head of each exposed actor's bullet. The model gets a few facts and, per actor, its open
findings with their IDs, as many actors as fit the token budget (``analyst_context``; the budget
follows the measured prompt-reading speed so the first words come within the target time), and
writes one numbered line per actor ending in citation IDs. Each line is checked by the verifier
on its own and shown only if the verifier had nothing to correct but citations; otherwise it is
dropped and the reason recorded. (A small model asked for a liability analysis gets most legal
calls wrong: here it only explains conclusions it cannot change.) With no model (provider
``none``) or on any LLM failure the analysis is the template alone: nothing is lost.

Usage::

    stream = analyse(case, assessment, corpus, model=model)
    for piece in stream:          # the model's draft as it is generated (unverified)
        show(piece)
    result = stream.result        # AnalysisResult: verified Markdown, issues, metrics
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.chain.analyst_context import AnalystContext, build_context, prompt_budget
from assistant.chain.analyst_template import analysis_items, assemble, summary_items
from assistant.chain.verify import CoverageMetrics, Embed, SupportChecker, verify_analysis
from assistant.chain.verify.injection import injected_spans
from assistant.facts import Case
from assistant.report import VerifierIssue
from assistant.rules import Assessment

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.corpus import Corpus
    from assistant.llm import CallOutcome

__all__ = [
    "DEFAULT_PREFILL_TOK_S",
    "FIRST_WORDS_TARGET_S",
    "AnalysisResult",
    "AnalysisStream",
    "analyse",
    "observe_prefill",
    "parse_item_lines",
    "prefill_estimate",
]

log = logging.getLogger(__name__)

# Prompt-reading speed assumed before a call was measured in this process (tokens/s): a cautious
# figure for the 1.5B model on one thread of these 2-core machines (measured 25 tok/s at load
# average 7.4, 11-35 tok/s in benchmark runs; see benchmarks/triage.py for current numbers).
DEFAULT_PREFILL_TOK_S = {"local": 25.0}
_REMOTE_PREFILL_TOK_S = 2000.0
FIRST_WORDS_TARGET_S = 15.0
_TOKENS_PER_ITEM = 60  # output budget per summary line
_LINE = re.compile(r"^\s*(?:[-*]\s*)?\**(\d{1,3})\**\s*[.):]\s*(.+?)\s*$")

_prefill: dict[str, float] = {}
_prefill_lock = threading.Lock()


def observe_prefill(provider: str, tokens: int, seconds: float) -> None:
    """Record a measured prompt-reading speed (moving average) for later budgets."""
    if tokens <= 0 or seconds <= 0:
        return
    rate = tokens / seconds
    with _prefill_lock:
        old = _prefill.get(provider)
        _prefill[provider] = rate if old is None else 0.5 * old + 0.5 * rate


def prefill_estimate(provider: str) -> float:
    """The prompt-reading speed to budget with (measured in this process, else a default)."""
    with _prefill_lock:
        if provider in _prefill:
            return _prefill[provider]
    return DEFAULT_PREFILL_TOK_S.get(provider, _REMOTE_PREFILL_TOK_S)


def parse_item_lines(text: str) -> dict[int, str]:
    """``{number: text}`` from the model's numbered lines; lines that follow a numbered line
    (sub-bullets a model adds anyway) belong to it. Markdown emphasis is dropped."""
    out: dict[int, list[str]] = {}
    current: int | None = None
    for line in text.splitlines():
        m = _LINE.match(line)
        if m:
            current = int(m.group(1))
            if current in out:
                current = None  # a repeated number: keep the first
                continue
            out[current] = [m.group(2)]
        elif current is not None and line.strip() and not line.lstrip().startswith("#"):
            out[current].append(line.strip().lstrip("-*• ").strip())
    joined = {n: " ".join(p for p in parts if p) for n, parts in out.items()}
    return {n: re.sub(r"\*\*|__", "", t).strip() for n, t in joined.items() if t.strip()}


@dataclass
class AnalysisResult:
    """The verified analysis and how it was made."""

    markdown: str
    draft: str
    source: str  # "llm" (some items rewritten by the model) | "template"
    issues: list[VerifierIssue] = field(default_factory=list)
    metrics: CoverageMetrics = field(default_factory=CoverageMetrics)
    cited_ids: list[str] = field(default_factory=list)
    outcome: CallOutcome | None = None
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    context: AnalystContext | None = None
    summarised: list[str] = field(default_factory=list)  # actor bullets with a model summary


def _count(text: str) -> int:
    from assistant.models import count_tokens

    return count_tokens(text)


class AnalysisStream(Iterator[str]):
    """Draft pieces while the model writes; ``result`` once done (see module docstring)."""

    def __init__(
        self,
        case: Case,
        assessment: Assessment,
        corpus: Corpus,
        *,
        model: BaseChatModel | None,
        provider: str,
        embed: Embed | None = None,
        embed_loader: Callable[[], Embed | None] | None = None,
        hits: Sequence[Any] = (),
        narrative: str | None = None,
        prefill_tok_s: float | None = None,
        first_words_s: float = FIRST_WORDS_TARGET_S,
        retries: int | None = None,
    ) -> None:
        self.case = case
        self.assessment = assessment
        self.corpus = corpus
        self.model = model
        self.provider = provider
        self.embed = embed
        self.embed_loader = embed_loader
        self.hits = list(hits)
        self.narrative = narrative
        self.injection = bool(injected_spans(narrative or ""))
        self.prefill_tok_s = prefill_tok_s or prefill_estimate(provider)
        self.first_words_s = first_words_s
        self.retries = retries
        self.items = analysis_items(assessment)
        self.summaries = summary_items(assessment)
        self._result: AnalysisResult | None = None
        self._started = time.monotonic()
        self._gen = self._run()

    def __next__(self) -> str:
        return next(self._gen)

    def __iter__(self) -> AnalysisStream:
        return self

    @property
    def result(self) -> AnalysisResult:
        """The verified analysis (consumes the rest of the stream if needed)."""
        for _ in self._gen:
            pass
        assert self._result is not None
        return self._result

    # -- the two paths -------------------------------------------------------------------
    def _run(self) -> Iterator[str]:
        if self.model is None:
            self._finish({}, "", [], [], None, None, {})
            return
        from assistant.llm import ProviderCallFailed, build_messages, load_prompt, stream_text

        system = load_prompt("analyst_system").render()
        instructions = load_prompt("analyst").render()
        fixed = _count(system) + _count(load_prompt("data_policy").render()) + _count(instructions)
        budget = prompt_budget(self.prefill_tok_s, target_s=self.first_words_s, fixed_tokens=fixed)
        context = build_context(
            self.case, self.assessment, self.corpus, self.summaries,
            budget=budget, count=_count, hits=self.hits,
        )  # fmt: skip
        if not context.sent:
            self._finish({}, "", [], [], None, context, {})
            return
        messages = build_messages(system, instructions, context.blocks())
        prompt_tokens = sum(_count(str(m.content)) for m in messages)
        timings: dict[str, float] = {"prompt_tokens": prompt_tokens, "budget_tokens": budget}
        max_tokens = 40 + _TOKENS_PER_ITEM * len(context.sent)
        stream = stream_text(self.model, messages, max_tokens=max_tokens, retries=self.retries)
        call_start = time.monotonic()
        first: float | None = None
        try:
            for piece in stream:
                if first is None:
                    first = time.monotonic() - call_start
                    timings["first_piece_s"] = round(time.monotonic() - self._started, 3)
                yield piece
        except ProviderCallFailed as exc:
            log.info("analyst stream failed: %s", exc.message)
            note = exc.outcome.user_message or "The language model call failed."
            self._finish({}, stream.text, [note], [], exc.outcome, context, timings)
            return
        if first is not None and self.provider == "local":
            observe_prefill(self.provider, prompt_tokens, first)
            timings["prefill_tok_s"] = round(prompt_tokens / max(first, 1e-3), 1)
        timings["generation_s"] = round(time.monotonic() - call_start, 3)
        notes = (
            ["The model's draft was cut at its length limit."] if stream.outcome.truncated else []
        )
        self._finish_llm(stream.text, context, stream.outcome, notes, timings)

    def _finish_llm(
        self,
        draft: str,
        context: AnalystContext,
        outcome: CallOutcome,
        notes: list[str],
        timings: dict[str, float],
    ) -> None:
        started = time.monotonic()
        lines = parse_item_lines(draft)
        embed = self.embed
        if embed is None and self.embed_loader is not None and lines:
            embed = self.embed_loader()
        checker = SupportChecker(self.corpus, self.assessment.as_of, embed=embed)
        by_number = {i.number: i for i in self.summaries}
        accepted: dict[str, str] = {}
        issues: list[VerifierIssue] = []
        draft_m = CoverageMetrics()
        for position, number in enumerate(context.sent, start=1):
            item = by_number[number]
            line = lines.get(position)
            if line is None:
                continue
            if _copies(line, item.brief):
                issues.append(VerifierIssue(
                    kind="summary_copy", sentence=line, action="removed",
                    detail=f"the model repeated the rule core's line for {item.actor} instead of "
                    "explaining it; nothing to add",
                ))  # fmt: skip
                continue
            if not _names(line, item.actor):
                issues.append(VerifierIssue(
                    kind="summary_dropped", sentence=line, action="removed",
                    detail=f"the model's line for {item.actor} does not name that actor",
                ))  # fmt: skip
                continue
            if "[" not in line and item.ids:
                line = f"{line.rstrip(' .')} [{'; '.join(item.ids)}]."  # the model left them out
            checked = verify_analysis(
                line, self.assessment, self.corpus, checker=checker,
                candidates=item.ids, narrative=self.narrative,
            )  # fmt: skip
            issues += checked.issues
            _add(draft_m, checked.metrics)
            if _acceptable(checked.metrics, checked.issues) and checked.plain.strip():
                accepted[item.group] = checked.plain.strip()
            else:
                issues.append(VerifierIssue(
                    kind="summary_dropped", sentence=line,
                    detail=f"the model's summary for {item.actor} did not pass verification; "
                    "only the rule core's wording is shown", action="removed",
                ))  # fmt: skip
        timings["verify_s"] = round(time.monotonic() - started, 3)
        if not accepted:
            notes.append("No line of the model's draft passed verification; the deterministic "
                         "analysis is shown.")  # fmt: skip
        self._finish(accepted, draft, notes, issues, outcome, context, timings, draft_m)

    def _finish(
        self,
        accepted: dict[str, str],
        draft: str,
        notes: list[str],
        issues: list[VerifierIssue],
        outcome: CallOutcome | None,
        context: AnalystContext | None,
        timings: dict[str, float],
        draft_m: CoverageMetrics | None = None,
    ) -> None:
        text = assemble(self.items, summaries=accepted, injection=self.injection)
        final = verify_analysis(
            text, self.assessment, self.corpus, trusted=True, narrative=self.narrative
        )
        metrics = final.metrics
        if draft_m is not None:
            for name in ("draft_citations", "draft_unresolved", "draft_unsupported",
                         "citations_added", "flagged", "removed", "replaced"):  # fmt: skip
                setattr(metrics, name, getattr(metrics, name) + getattr(draft_m, name))
            metrics.draft_supported_sentences = draft_m.draft_supported_sentences
        timings = {**timings, "total_s": round(time.monotonic() - self._started, 3)}
        self._result = AnalysisResult(
            markdown=final.markdown,
            draft=draft,
            source="llm" if accepted else "template",
            issues=[*issues, *final.issues],
            metrics=metrics,
            cited_ids=final.cited_ids,
            outcome=outcome,
            notes=notes,
            timings=timings,
            context=context,
            summarised=sorted(accepted),
        )


def _names(line: str, actor: str) -> bool:
    """True when the line names the actor (full name or its first distinctive word)."""
    low = line.lower()
    first = actor.split()[0].strip(".,").lower() if actor.split() else ""
    return actor.lower() in low or (
        len(first) >= 4 and re.search(rf"\b{re.escape(first)}", low) is not None
    )


def _copies(line: str, brief: str) -> bool:
    """True when a summary line mostly repeats its item (a small model's habit)."""
    words = re.findall(r"[a-z]{3,}", re.sub(r"\[[^\]]*\]", " ", line.lower()))
    source = set(re.findall(r"[a-z]{3,}", brief.lower()))
    return bool(words) and sum(w in source for w in words) / len(words) >= 0.8


_REJECT = frozenset({"unresolved_citation", "contradiction", "aild_as_law", "injection"})


def _acceptable(m: CoverageMetrics, issues: list[VerifierIssue]) -> bool:
    """A model line is shown only if the verifier had nothing to correct but citations."""
    if any(i.kind in _REJECT for i in issues):
        return False
    return m.flagged == m.removed == m.replaced == 0 and m.supported == m.legal_sentences


def _add(total: CoverageMetrics, part: CoverageMetrics) -> None:
    for name, value in part.__dict__.items():
        setattr(total, name, getattr(total, name) + value)


def analyse(
    case: Case,
    assessment: Assessment,
    corpus: Corpus,
    *,
    model: BaseChatModel | None = None,
    provider: str | None = None,
    embed: Embed | None = None,
    embed_loader: Callable[[], Embed | None] | None = None,
    hits: Sequence[Any] = (),
    narrative: str | None = None,
    prefill_tok_s: float | None = None,
    first_words_s: float = FIRST_WORDS_TARGET_S,
    retries: int | None = None,
) -> AnalysisStream:
    """Start the analysis: iterate for draft pieces, then read ``.result`` (verified).

    ``embed`` (texts -> unit vectors) or ``embed_loader`` (called once, when verification
    starts, so the embedder can load in the background) enables the embedding support check.
    """
    if provider is None:
        if model is None:
            provider = "none"
        else:
            from assistant.llm.factory import provider_of

            provider = provider_of(model)
    return AnalysisStream(
        case,
        assessment,
        corpus,
        model=model,
        provider=provider,
        embed=embed,
        embed_loader=embed_loader,
        hits=hits,
        narrative=narrative,
        prefill_tok_s=prefill_tok_s,
        first_words_s=first_words_s,
        retries=retries,
    )
