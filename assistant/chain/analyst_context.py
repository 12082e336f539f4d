"""What the analyst model is given: a few facts and the items to rewrite, within a token budget.

The embedded model reads its prompt slowly on 2 cores (``assistant.llm.speed``), so the prompt
is budgeted in tokens (tiktoken ``cl100k_base``) from the measured prefill speed and the
first-words target (:func:`prompt_budget`). Summary items (one per actor with open findings)
are added in order until the budget is spent; actors that do not fit get no summary. The case
facts (actors, harm, dates) follow if they fit. Short
provision texts (our digest summaries, or the official text shortened) are added after the
items if room is left, and so are retrieved provisions. Pure: the corpus and hits are passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.chain.analyst_template import SummaryItem
from assistant.facts import Case
from assistant.rules import Assessment
from assistant.vocabulary import InvalidCitationId, ProvisionId

if TYPE_CHECKING:
    from assistant.corpus import Corpus

__all__ = ["AnalystContext", "build_context", "facts_block", "prompt_budget"]

Counter = Callable[[str], int]
_PROVISION_WORDS = 30


def prompt_budget(
    prefill_tok_s: float,
    *,
    target_s: float = 15.0,
    fixed_tokens: int = 0,
    reserve_s: float = 3.0,
    floor: int = 120,
    ceiling: int = 2500,
) -> int:
    """Tokens of variable context that fit so the first words come within ``target_s``.

    ``fixed_tokens`` (system prompt, data policy, instructions) are subtracted; ``reserve_s``
    covers the model's first token and noise. Never below ``floor`` (one or two items).
    """
    total = int(max(0.0, target_s - reserve_s) * max(prefill_tok_s, 1.0))
    return max(floor, min(ceiling, total - fixed_tokens))


@dataclass
class AnalystContext:
    """The data blocks for the analyst prompt, the items sent, and what was left out."""

    facts: str
    items: str
    provisions: str
    sent: list[int]  # item numbers, in prompt order (the prompt numbers them 1, 2, ...)
    tokens: int
    budget: int
    dropped: list[str] = field(default_factory=list)

    def blocks(self) -> dict[str, str]:
        """Data blocks for ``build_messages`` (untrusted: they carry names from the narrative)."""
        out = {"items": self.items}
        if self.facts:
            out["case_facts"] = self.facts
        if self.provisions:
            out["provisions"] = self.provisions
        return out


def facts_block(case: Case, assessment: Assessment) -> str:
    """The case in a few lines (actors, harm, dates)."""
    actors = "; ".join(
        f"{a['name']} ({', '.join(r.replace('_', ' ') for r in a.get('roles') or []) or 'no role'})"
        for a in assessment.actors
    )
    harms = ", ".join(h.replace("_", " ") for h in assessment.harms) or "not stated"
    lines = [f"Actors: {actors}", f"Harm: {harms}"]
    if case.product.market_date:
        lines.append(f"Placed on the market: {case.product.market_date.isoformat()}")
    if case.incident.date:
        lines.append(f"Incident: {case.incident.date.isoformat()}")
    return "\n".join(lines)


def _provision_text(corpus: Corpus, ref: str, as_of: date) -> str | None:
    try:
        key = ProvisionId.parse(ref).without_version().format()
    except InvalidCitationId:
        return None
    entry = corpus.digest.get(key) or corpus.national.get(key)
    if entry is not None:
        return f"{entry.title}: {entry.summary}"
    node = corpus.get(ref, as_of)
    if node is None:
        return None
    words = " ".join((node.full_text() if node.children else node.text).split()).split()
    short = " ".join(words[:_PROVISION_WORDS]) + (" …" if len(words) > _PROVISION_WORDS else "")
    return f"{node.heading}: {short}" if node.heading else short


def item_line(item: SummaryItem, number: int) -> str:
    """How an item is shown to the model (numbered by its place in the prompt)."""
    return f"{number}. {item.brief}"


def build_context(
    case: Case,
    assessment: Assessment,
    corpus: Corpus,
    items: Sequence[SummaryItem],
    *,
    budget: int,
    count: Counter,
    hits: Sequence[Any] = (),
) -> AnalystContext:
    """The analyst's data blocks within ``budget`` tokens (``count`` = tiktoken counter)."""
    dropped: list[str] = []
    used = 0
    lines: list[str] = []
    sent: list[int] = []
    for item in items:
        line = item_line(item, len(sent) + 1)
        cost = count(line) + 1
        if used + cost > budget and sent:
            dropped.append(f"item {item.number}")
            continue
        lines.append(line)
        sent.append(item.number)
        used += cost
    # The facts help the wording but the items carry what must be said: facts only if room.
    facts = facts_block(case, assessment)
    if used + count(facts) <= budget:
        used += count(facts)
    else:
        dropped.append("case facts")
        facts = ""
    texts: list[str] = []
    wanted = [pid for item in items if item.number in sent for pid in item.ids]
    for ref in dict.fromkeys([*wanted, *(h.id for h in hits)]):
        text = _provision_text(corpus, ref, assessment.as_of)
        if text is None:
            continue
        line = f"[{ref}] {text}"
        cost = count(line) + 1
        if used + cost > budget:
            dropped.append(f"provision {ref}")
            continue
        texts.append(line)
        used += cost
    return AnalystContext(
        facts=facts,
        items="\n".join(lines),
        provisions="\n".join(texts),
        sent=sent,
        tokens=used,
        budget=budget,
        dropped=dropped,
    )
