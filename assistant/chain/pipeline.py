"""Narrative -> case -> rule core -> verified analysis -> report: the app's one pipeline.

``triage`` is what the CLI, the web app and the eval harness run. Order: pick the model
(``none`` = no model), extract the facts, apply an explicit jurisdiction, evaluate with the rule
core, write and verify the analysis (streamed through ``on_token``), build the report. The case
and the findings never depend on the model: extraction falls back to the pattern extractor and
the analysis to the rule core's wording, with a note saying why.

Expensive things load once per process (module-level, thread-safe): the corpus, the chat model
per provider, the embedder used by the support check, the retriever. Retrieval is optional:
without a built index it is skipped with a note, and with the embedded model it is not used (its
prompt budget has no room for retrieved text). With a model, the embedder (and, for remote
providers, the retriever) load in background threads while the model extracts.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.chain.analyst import AnalysisResult, analyse
from assistant.chain.report_builder import build_report
from assistant.facts import Case, Provenance, set_fact
from assistant.report import Report, VerifierIssue
from assistant.rules import Assessment, evaluate
from assistant.settings import Settings, get_settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.chain.extract import ExtractionResult
    from assistant.corpus import Corpus

__all__ = ["Extractor", "TriageResult", "assess_case", "get_corpus", "run_case", "triage"]

log = logging.getLogger(__name__)

Extractor = Callable[..., "ExtractionResult"]
"""``extract_case``-compatible: ``(text, *, model, base_case, today) -> ExtractionResult``."""

_LOCK = threading.Lock()
_CORPUS: dict[tuple[str, float], Corpus] = {}
_MODELS: dict[tuple[str, str], tuple[BaseChatModel | None, str, str | None]] = {}
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="triage-warm")
_EMBED: dict[str, Future[Any]] = {}
_RETRIEVER: dict[str, Future[Any]] = {}


@dataclass
class TriageResult:
    """Everything one triage produced."""

    case: Case
    assessment: Assessment
    report: Report
    analysis: AnalysisResult
    extraction_notes: list[str] = field(default_factory=list)
    provider_notes: list[str] = field(default_factory=list)
    provider: str = "none"
    timings: dict[str, float] = field(default_factory=dict)


# -- cached resources ----------------------------------------------------------------------
def get_corpus(settings: Settings | None = None) -> Corpus:
    """The corpus, loaded once per data dir (reloaded when a fetch changes the lock file)."""
    from assistant.corpus import load_corpus

    settings = settings or get_settings()
    lock = settings.corpus_dir / "corpus.lock.json"
    key = (str(settings.corpus_dir), lock.stat().st_mtime if lock.is_file() else 0.0)
    with _LOCK:
        corpus = _CORPUS.get(key)
        if corpus is None:
            corpus = load_corpus(settings)
            _CORPUS.clear()
            _CORPUS[key] = corpus
    return corpus


def _model(settings: Settings, provider: str) -> tuple[BaseChatModel | None, str, str | None]:
    """(model, provider actually used, note) — cached per provider and endpoint."""
    if provider == "none":
        return None, "none", None
    key = (provider, f"{settings.llm_base_url}|{settings.llm_model}|{settings.local_model_path}")
    with _LOCK:
        cached = _MODELS.get(key)
    if cached is not None:
        return cached
    from assistant.llm import select_chat_model

    chosen = select_chat_model(settings, provider)
    result = (chosen.model, chosen.provider, chosen.message)
    with _LOCK:
        _MODELS[key] = result
    return result


def _embedder_future(settings: Settings) -> Future[Any]:
    def load() -> Any:
        from assistant.index.embedder import get_embedder

        return get_embedder(settings).embed

    key = str(settings.models_dir)
    with _LOCK:
        if key not in _EMBED:
            _EMBED[key] = _POOL.submit(load)
        return _EMBED[key]


def _retriever_future(settings: Settings) -> Future[Any]:
    def load() -> Any:
        from assistant.index import get_retriever

        return get_retriever(settings)

    key = str(settings.index_dir)
    with _LOCK:
        future = _RETRIEVER.get(key)
        if future is None or (future.done() and future.exception() is not None):
            future = _RETRIEVER[key] = _POOL.submit(load)
        return future


def _wants_retrieval(provider: str) -> bool:
    # The embedded model's prompt budget (a few hundred tokens on 2 cores) never has room for
    # retrieved provisions, and loading the index would compete with it for the CPU.
    return provider != "local"


def _embed_loader(future: Future[Any], notes: list[str]) -> Callable[[], Any]:
    def get() -> Any:
        try:
            return future.result(timeout=120)
        except Exception as exc:  # no ONNX runtime / model: the lexical check takes over
            notes.append(f"Embedding model unavailable ({exc}); the support check used word "
                         "overlap instead.")  # fmt: skip
            return None

    return get


def _hits(retriever: Any, text: str, as_of: date, notes: list[str]) -> list[Any]:
    try:
        found: list[Any] = retriever.search(text[:600], k=4, as_of=as_of)
        return found
    except Exception as exc:  # retrieval is an extra: its failure must not stop the triage
        notes.append(f"Retrieval failed ({exc}); the analysis uses the rule core's provisions.")
        return []


# -- the pipeline --------------------------------------------------------------------------
def _extract(
    extractor: Extractor, text: str, model: BaseChatModel | None, base: Case | None, day: date
) -> tuple[Case, list[str], Any]:
    try:
        result = extractor(text, model=model, base_case=base, today=day)
        return result.case, list(result.notes), getattr(result, "outcome", None)
    except Exception as exc:  # never lose the case: retry without the model, then keep base
        log.exception("extraction failed")
        notes = [f"Extraction failed ({type(exc).__name__}); facts may be incomplete."]
        if model is not None:
            try:
                result = extractor(text, model=None, base_case=base, today=day)
                return result.case, [*notes, *result.notes], None
            except Exception:
                log.exception("deterministic extraction failed too")
        return (base or Case()), notes, None


def _with_jurisdiction(case: Case, jurisdiction: str | None) -> Case:
    if not jurisdiction:
        return case
    return set_fact(case, "jurisdiction.member_state", jurisdiction.upper(), Provenance.user())


def _prepare_model(
    settings: Settings, provider: str | None, model: BaseChatModel | None, notes: list[str]
) -> tuple[BaseChatModel | None, str]:
    if model is not None:
        from assistant.llm.factory import provider_of

        return model, provider or provider_of(model)
    chosen, used, message = _model(settings, provider or settings.provider.value)
    if message:
        notes.append(message)
    return chosen, used


def triage(
    text: str,
    *,
    settings: Settings | None = None,
    provider: str | None = None,
    as_of: date | None = None,
    jurisdiction: str | None = None,
    corpus: Corpus | None = None,
    retriever: Any | None = None,
    model: BaseChatModel | None = None,
    base_case: Case | None = None,
    on_token: Callable[[str], None] | None = None,
    extractor: Extractor | None = None,
) -> TriageResult:
    """Triage one narrative (see the module docstring). Never raises for model trouble.

    ``model`` overrides the provider's model (tests pass a fake); ``retriever`` any object with
    ``search(query, k, as_of=...)``; ``extractor`` replaces ``extract_case``; ``on_token``
    receives the analysis draft as it streams (unverified; the report holds the verified text).
    """
    started = time.monotonic()
    settings = settings or get_settings()
    day = as_of or settings.analysis_date()
    notes: list[str] = []
    model, used = _prepare_model(settings, provider, model, notes)
    if model is not None:
        _embedder_future(settings)  # load in the background while the model extracts
        if retriever is None and _wants_retrieval(used):
            _retriever_future(settings)
    if extractor is None:
        from assistant.chain.extract import extract_case

        extractor = extract_case
    case, extraction_notes, _ = _extract(extractor, text, model, base_case, day)
    case = _with_jurisdiction(case, jurisdiction)
    extraction_s = round(time.monotonic() - started, 3)
    result = assess_case(case, settings=settings, provider=used, as_of=day, corpus=corpus,
                         retriever=retriever, model=model, on_token=on_token, narrative=text,
                         notes=notes, started=started)  # fmt: skip
    result.extraction_notes = extraction_notes
    result.timings = {"extraction_s": extraction_s, **result.timings}
    return result


def assess_case(
    case: Case,
    *,
    settings: Settings | None = None,
    provider: str | None = None,
    as_of: date | None = None,
    corpus: Corpus | None = None,
    retriever: Any | None = None,
    model: BaseChatModel | None = None,
    on_token: Callable[[str], None] | None = None,
    narrative: str | None = None,
    notes: list[str] | None = None,
    started: float | None = None,
) -> TriageResult:
    """Rule core, verified analysis and report for a case (the interview's ``/report``)."""
    started = started or time.monotonic()
    settings = settings or get_settings()
    day = as_of or settings.analysis_date()
    notes = notes if notes is not None else []
    timings: dict[str, float] = {}
    if provider is None or model is None:
        model, provider = _prepare_model(settings, provider, model, notes)
    assessment = evaluate(case, day)
    corpus = corpus or get_corpus(settings)
    embed_loader: Callable[[], Any] | None = None
    hits: list[Any] = []
    if model is not None:
        embed_loader = _embed_loader(_embedder_future(settings), notes)
        if retriever is None and _wants_retrieval(provider):
            try:
                retriever = _retriever_future(settings).result(timeout=60)
            except Exception as exc:
                notes.append(f"Retrieval skipped: {getattr(exc, 'message', exc)} "
                             "(run `assistant index build`).")  # fmt: skip
        query = narrative or " ".join(f.reasons[0].text for f in assessment.public[:3] if f.reasons)
        if retriever is not None and query:
            hits = _hits(retriever, query, day, notes)
    timings["prepared_s"] = round(time.monotonic() - started, 3)
    analysis = _analysis(case, assessment, corpus, model, provider, hits, narrative or "",
                         embed_loader, on_token, notes, timings, started)  # fmt: skip
    notes += analysis.notes
    if analysis.outcome is not None and analysis.outcome.user_message:
        notes.append(analysis.outcome.user_message)
    report = build_report(
        case,
        assessment,
        corpus,
        analysis_markdown=analysis.markdown,
        verifier_issues=list(analysis.issues),
        provider=provider,
        provider_notes=list(dict.fromkeys(notes)),
        verification=analysis.metrics.as_dict(),
        analysis_source=analysis.source,
    )
    timings["total_s"] = round(time.monotonic() - started, 3)
    return TriageResult(case, assessment, report, analysis, [], list(dict.fromkeys(notes)),
                        provider, timings)  # fmt: skip


def _analysis(
    case: Case,
    assessment: Assessment,
    corpus: Corpus,
    model: BaseChatModel | None,
    provider: str,
    hits: list[Any],
    text: str,
    embed_loader: Callable[[], Any] | None,
    on_token: Callable[[str], None] | None,
    notes: list[str],
    timings: dict[str, float],
    started: float,
) -> AnalysisResult:
    try:
        stream = analyse(case, assessment, corpus, model=model, provider=provider, hits=hits,
                         narrative=text, embed_loader=embed_loader)  # fmt: skip
        for piece in stream:
            if "first_words_s" not in timings:
                timings["first_words_s"] = round(time.monotonic() - started, 3)
            if on_token is not None:
                on_token(piece)
        result = stream.result
    except Exception as exc:  # a bug in the analysis must not lose the triage
        log.exception("analysis failed")
        notes.append(f"The analysis step failed ({type(exc).__name__}); the rule core's "
                     "wording is shown.")  # fmt: skip
        result = analyse(case, assessment, corpus, model=None, narrative=text).result
        result.issues.append(VerifierIssue(kind="analysis_error", sentence="",
                                           detail=str(exc)[:200], action="replaced"))  # fmt: skip
    timings["analysis_s"] = round(time.monotonic() - started, 3)
    return result


def run_case(
    narrative: str, *, provider: str, as_of: date, jurisdiction: str | None
) -> Mapping[str, Any]:
    """The report JSON for one narrative (the eval harness's ``Pipeline``)."""
    result = triage(narrative, provider=provider, as_of=as_of, jurisdiction=jurisdiction)
    data = result.report.to_json_dict()
    data["timings"] = {**result.timings, **result.analysis.timings}
    data["extraction_notes"] = result.extraction_notes
    return data
