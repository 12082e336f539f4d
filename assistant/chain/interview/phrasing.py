"""``phrase_questions``: the rule core's next questions, worded for the user's case."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel

from assistant.chain.interview.model_calls import phrase_texts
from assistant.chain.interview.questions import PhrasedQuestion, describe_question
from assistant.facts import Case
from assistant.rules import Assessment

__all__ = ["case_summary", "phrase_questions"]


def case_summary(case: Case) -> str:
    """A few lines naming the actors, the product and the harm (context for phrasing)."""
    lines = []
    for actor in case.actors[:10]:
        roles = ", ".join(r.value for r in actor.roles or []) or "role not known yet"
        lines.append(f"- {actor.name} ({roles})")
    product = case.product.name or case.ai.name
    if product:
        lines.append(f"Product or AI system: {product}")
    if case.damage:
        lines.append("Harm: " + ", ".join(h.value.replace("_", " ") for h in case.harms()))
    return "\n".join(lines) or "No details yet."


def phrase_questions(
    case: Case,
    assessment: Assessment,
    *,
    model: BaseChatModel | None = None,
    limit: int = 5,
) -> list[PhrasedQuestion]:
    """The rule core's ranked questions (at most ``limit``), each with its answer kind and
    options, worded for this case. Without a model the rule core's text is templated (the
    actor's name instead of "this actor"); with a model, one call rewords them and every
    rewording is checked (same id, one question, names the actor, no legal conclusions) or the
    template text is kept. Never raises for model trouble."""
    phrased = [describe_question(case, q) for q in assessment.questions[:limit]]
    if model is None or not phrased:
        return phrased
    try:
        texts, _ = phrase_texts(
            model,
            case_summary(case),
            {q.id: q.text for q in phrased},
            {q.id: q.actor for q in phrased if q.actor},
        )
    except Exception:  # a model integration bug must not cost the interview its questions
        return phrased
    return [
        q.model_copy(update={"text": texts[q.id], "phrased_by": "model"}) if q.id in texts else q
        for q in phrased
    ]
