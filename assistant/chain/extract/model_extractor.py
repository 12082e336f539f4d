"""Extraction with a language model: one schema-constrained call with a small, flat schema.

The schema is deliberately not the full ``Case``: a 1.5B model fills a short list of actors
(name, main role, quote) and two dates written as text far better than dozens of nested optional
fields (STACK_NOTES: 6/7 roles right with a flat, bounded schema). Harms and causes are left to
the patterns: measured, the model's harms were right about half the time and only lowered
precision (see :mod:`combine`), and every output token costs time on two cores.
Python then checks every quote and name against the narrative (:mod:`quotes`), parses the dates
(:mod:`dates`), and turns what survives into a :class:`Draft` with origin ``model``. Facts whose
words are not in the narrative, or lie in text that reads as instructions, are dropped with the
reason. The narrative travels as a data block (``build_messages``), never in the system prompt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, Field

from assistant.chain.extract.candidates import ActorCandidate, Draft, DroppedFact, FactCandidate
from assistant.chain.extract.dates import parse_date_text, representative_day
from assistant.chain.extract.quotes import QuoteMatch, find_quote
from assistant.chain.extract.text import Sentence, clause_around, sentences
from assistant.llm.outcome import CallOutcome
from assistant.vocabulary import Role

__all__ = ["MAX_MODEL_CHARS", "ExtractionReply", "ModelExtraction", "extract_with_model"]

MAX_MODEL_CHARS = 6000  # longer narratives: the model reads the start, the patterns read all

RoleName = Literal[
    "developer", "provider", "gpai_provider", "fine_tuner", "data_provider", "deployer",
    "integrator", "operator", "cloud_provider", "component_supplier", "distributor",
    "importer", "online_platform", "end_user", "affected_person", "attacker",
]  # fmt: skip


def _bounded(chars: int) -> dict[str, Any]:
    """A length bound for constrained decoding only (small models ramble without one); a
    longer string from a provider that ignores the schema is still accepted and checked."""
    return {"json_schema_extra": {"maxLength": chars}}


class ActorItem(BaseModel):
    """One actor as the model reports it."""

    name: str = Field(description="Name exactly as written in the narrative.", **_bounded(60))
    role: RoleName
    quote: str = Field(description="2 to 6 words copied from the narrative.", **_bounded(40))


class ExtractionReply(BaseModel):
    """The flat extraction schema (bounded lists, dates as text)."""

    actors: list[ActorItem] = Field(json_schema_extra={"maxItems": 5})
    incident_date: str | None = Field(**_bounded(30))
    market_date: str | None = Field(**_bounded(30))


@dataclass
class ModelExtraction:
    """The model's draft (None when the call gave nothing usable) and the call record."""

    draft: Draft | None
    outcome: CallOutcome
    raw: str = ""


def _messages(text: str) -> list:  # type: ignore[type-arg]
    from assistant.llm import build_messages, load_prompt

    return build_messages(
        load_prompt("extract_case_system").render(),
        load_prompt("extract_case").render(
            roles=", ".join(RoleName.__args__),  # type: ignore[attr-defined]
        ),
        {"narrative": text},
    )


class _Checker:
    """Verifies quotes against the narrative and rejects text read as instructions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences: list[Sentence] = sentences(text)
        self.instructions = [s for s in self.sentences if s.instruction]

    def find(self, quote: str) -> tuple[QuoteMatch | None, str | None]:
        match = find_quote(quote, self.text)
        if match is None:
            return None, "quote not found in the narrative"
        if any(s.start <= match.start < s.end for s in self.instructions):
            return None, "quote lies in text that reads as instructions to the assistant"
        return match, None

    def names(self, match: QuoteMatch, actor: str) -> bool:
        """The sentence(s) the quote lies in name the actor (full name or first word)."""
        spans = [s for s in self.sentences if s.start < match.end and match.start < s.end]
        text = " ".join(s.text for s in spans).casefold()
        first = actor.split()[0].casefold()
        return actor.casefold() in text or (len(first) >= 4 and first in text)


def _to_draft(reply: ExtractionReply, text: str) -> Draft:
    draft = Draft()
    check = _Checker(text)
    for item in reply.actors:
        name, why = check.find(item.name)
        if name is None:
            draft.dropped.append(
                DroppedFact("actors", item.name, item.quote, f"name: {why}", "model")
            )
            continue
        roles = [Role(item.role)] if item.role != "attacker" else []
        attacker = item.role == "attacker"
        quote, why = check.find(item.quote) if item.quote.strip() else (None, "no quote")
        if quote is not None and not check.names(quote, name.text):
            quote, why = None, f"the quote's sentence does not name {name.text}"
        if quote is None and (roles or attacker):
            draft.dropped.append(DroppedFact(f"actors[{item.name}].roles", item.role,
                                             item.quote, f"roles: {why}", "model"))  # fmt: skip
        known = quote is not None and (roles or attacker)
        twin = draft.actor(name.text)
        if twin is not None:  # named twice: one more role for the same actor
            if known and quote is not None and twin.roles is not None:
                for role in roles:
                    if role not in twin.roles:
                        twin.roles.append(role)
                        twin.role_quotes[role] = quote.text
            continue
        draft.actors.append(
            ActorCandidate(
                name=name.text,
                name_quote=name.text,
                roles=([] if attacker and not roles else roles) if known else None,
                role_quotes={r: quote.text for r in roles} if quote is not None else {},
                kind="attacker" if attacker and not roles else "company",
                origin="model",
            )
        )
    for path, written in (("incident.date", reply.incident_date),
                          ("product.market_date", reply.market_date)):  # fmt: skip
        if written and written.strip().lower() not in {"null", "none", "unknown", "n/a"}:
            _date(draft, check, path, written)
    return draft


def _date(draft: Draft, check: _Checker, path: str, written: str) -> None:
    match, why = check.find(written)
    if match is None:
        draft.dropped.append(DroppedFact(path, written, None, f"date {why}", "model"))
        return
    mention = parse_date_text(match.text)
    if mention is None or mention.span is None:
        problem = mention.problem if mention else "not a date"
        draft.dropped.append(DroppedFact(path, written, match.text, f"date: {problem}", "model"))
        return
    day, note = representative_day(mention.span)
    q0, q1 = clause_around(check.text, match.start, match.end)
    if day is None:
        draft.dropped.append(
            DroppedFact(path, written, check.text[q0:q1], f"date: {note}", "model")
        )
        return
    draft.facts.append(FactCandidate(path, day, check.text[q0:q1], note=note, origin="model"))


def extract_with_model(
    model: BaseChatModel, text: str, *, max_tokens: int = 260, retries: int | None = None
) -> ModelExtraction:
    """Ask ``model`` for the flat extraction and check it against ``text``; never raises for
    bad model output (a failed call gives ``draft=None`` and the outcome says why)."""
    from assistant.llm import invoke_structured

    clipped = text[:MAX_MODEL_CHARS]
    result = invoke_structured(
        model, ExtractionReply, _messages(clipped), max_tokens=max_tokens, retries=retries,
        max_items=5,
    )  # fmt: skip
    if result.value is None:
        return ModelExtraction(None, result.outcome, result.raw)
    draft = _to_draft(result.value, text)
    if len(text) > MAX_MODEL_CHARS:
        draft.notes.append(
            f"The language model read the first {MAX_MODEL_CHARS:,} characters of the "
            f"{len(text):,}; the pattern rules read all of it."
        )
    return ModelExtraction(draft, result.outcome, result.raw)
