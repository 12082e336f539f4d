"""``apply_answer``: a user's reply -> facts with provenance ``user``, a confirmation, or a
question back. Deterministic parsing first (dates, yes/no/ja/nein/oui/non, options, amounts,
countries); the model only reads free text the parsers could not place, and only when given."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models import BaseChatModel

from assistant.chain.extract.text import strip_invisible, words_re
from assistant.chain.interview.kinds import AnswerKind, field_info
from assistant.chain.interview.model_calls import map_answer
from assistant.chain.interview.parse import (
    Parsed,
    parse_amount,
    parse_country,
    parse_date,
    parse_options,
    parse_yes_no,
)
from assistant.chain.interview.questions import PhrasedQuestion, describe_question
from assistant.chain.interview.result import AnswerResult
from assistant.chain.interview.special import parse_contracts, parse_modification
from assistant.chain.interview.specs import FACT_LABELS, OPTION_LABELS, OPTION_WORDS, YES_NO_WORDS
from assistant.facts import Case, Damage, Provenance, fact_template, get_fact, set_fact
from assistant.facts.paths import InvalidFactPath
from assistant.llm.outcome import CallOutcome
from assistant.rules import Question

__all__ = ["AnswerResult", "apply_answer"]

_MAX_TEXT = 2000
_NO_ROLE = words_re(
    r"\b(?:no role|none|attacker|hacker|criminal|thief|burglar|nothing to do with|keine rolle|"
    r"angreifer|aucun rôle)\b"
)
_MAKERS = {"developer", "provider", "fine_tuner", "integrator", "gpai_provider"}


def _settle_roles(values: list[str]) -> list[str]:
    """A maker that sells is a provider, not a distributor; private use is not deployment."""
    out = list(values)
    if "distributor" in out and _MAKERS & set(out):
        out.remove("distributor")
        if "provider" not in out:
            out.append("provider")
    if "end_user" in out and "deployer" in out:
        out.remove("deployer")
    return out


def _words(question: PhrasedQuestion) -> dict[str, str]:
    info = field_info(question.template)
    if question.template == "damage":
        return OPTION_WORDS["Harm"]
    enum = info.enum if info else None
    table = OPTION_WORDS.get(enum.__name__, {}) if enum else {}
    return {
        o.value: table.get(o.value, rf"\b{o.value.replace('_', '[ _-]')}\b")
        for o in question.options
    }


def _label(path: str, case: Case) -> str:
    template = fact_template(path)
    label = FACT_LABELS.get(template, template.split(".")[-1].replace("[]", "").replace("_", " "))
    if path.startswith("actors["):
        index = int(path[len("actors[") : path.index("]")])
        if index < len(case.actors):
            return f"{case.actors[index].name} - {label}"
    return label


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value) if value else "none"
    if isinstance(value, Damage):
        return OPTION_LABELS.get(value.type.value, value.type.value.replace("_", " "))
    if hasattr(value, "strftime"):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, float):
        return f"{value:,.0f} EUR"
    text = str(getattr(value, "value", value))
    return OPTION_LABELS.get(text, text.replace("_", " "))


def _parse(question: PhrasedQuestion, text: str) -> Parsed:
    kind, template = question.kind, question.template
    if kind is AnswerKind.DATE:
        return parse_date(text)
    if kind is AnswerKind.YES_NO:
        words = YES_NO_WORDS.get(template)
        parsed = parse_yes_no(text, words.yes if words else None, words.no if words else None)
        if parsed.ok and words and words.inverted:
            return Parsed.of(not parsed.value)
        return parsed
    if kind is AnswerKind.AMOUNT:
        return parse_amount(text)
    if kind is AnswerKind.COUNTRY:
        return parse_country(text)
    if template == "actors[].roles":
        if _NO_ROLE.search(text):
            return Parsed.of([])
        parsed = parse_options(text, _words(question), multi=True)
        return Parsed.of(_settle_roles(parsed.value)) if parsed.ok else parsed
    if kind in (AnswerKind.CHOICE, AnswerKind.MULTI_CHOICE):
        multi = kind is AnswerKind.MULTI_CHOICE
        return parse_options(text, _words(question), multi=multi, allow_none=multi)
    return Parsed.of(text[:_MAX_TEXT])


def _with_model(
    model: BaseChatModel, question: PhrasedQuestion, text: str
) -> tuple[Parsed | None, CallOutcome | None]:
    if question.kind is AnswerKind.YES_NO:
        values, outcome = map_answer(model, question.text, text, ["yes", "no"], multi=False)
        if values and len(values) == 1:
            value = values[0] == "yes"
            words = YES_NO_WORDS.get(question.template)
            return Parsed.of(not value if words and words.inverted else value), outcome
        return None, outcome
    if question.kind in (AnswerKind.CHOICE, AnswerKind.MULTI_CHOICE):
        multi = question.kind is AnswerKind.MULTI_CHOICE
        options = [o.value for o in question.options]
        values, outcome = map_answer(model, question.text, text, options, multi=multi)
        if values:
            return Parsed.of(values if multi else values[0]), outcome
        return None, outcome
    return None, None


def _store(case: Case, question: PhrasedQuestion, value: Any) -> tuple[Case, list[str]]:
    """Set ``value`` at every fact path of the question that has the first path's template."""
    changed: list[str] = []
    if question.template == "damage":
        existing = {d.type.value for d in case.damage or ()}
        for harm in value:
            if harm not in existing:
                index = len(case.damage or ())
                case = set_fact(case, f"damage[{index}]", Damage(type=harm), Provenance.user())
                changed.append(f"damage[{index}]")
        return case, changed
    if question.template == "ai.interacts_with_persons" and isinstance(value, bool):
        value = True  # "did people know it was an AI?" - either way, people dealt with it
    for path in question.fact_paths:
        if fact_template(path) == question.template:
            case = set_fact(case, path, value, Provenance.user())
            changed.append(path)
    return case, changed


def apply_answer(
    case: Case,
    question: PhrasedQuestion | Question,
    answer_text: str,
    *,
    model: BaseChatModel | None = None,
) -> AnswerResult:
    """``case`` with the facts ``answer_text`` states for ``question`` (provenance ``user``).

    Returns a confirmation of what was understood, or a clarification request when the answer
    cannot be read (the case is then unchanged). Never raises for an odd answer or a failing
    model; a value the fact model rejects also becomes a clarification.
    """
    if isinstance(question, Question):
        question = describe_question(case, question)
    text = " ".join(strip_invisible(answer_text).split())
    if not question.fact_paths:
        return AnswerResult(case=case, understood="Thank you; this question has no fact to set.")
    if not text:
        return AnswerResult(case=case, clarification="Please type an answer to the question.")
    special = {"Q_MODIFICATION": parse_modification, "Q_CONTRACT": parse_contracts}
    if question.code in special:
        return special[question.code](case, question, text, model)
    parsed, outcome, parsed_by = _parse(question, text), None, "rules"
    if not parsed.ok and not parsed.unknown and model is not None:
        try:
            by_model, outcome = _with_model(model, question, text)
        except Exception:  # a model integration bug must not lose the answer
            by_model = None
        if by_model is not None:
            parsed, parsed_by = by_model, "model"
    if parsed.unknown:
        return AnswerResult(
            case=case,
            unknown=True,
            understood="Noted that this is not known; the analysis keeps it open.",
            outcome=outcome,
        )
    if not parsed.ok:
        options = ", ".join(o.label for o in question.options)
        ask = parsed.problem or "Could you say that differently?"
        if options and question.kind in (AnswerKind.CHOICE, AnswerKind.MULTI_CHOICE):
            ask = f"{ask} Options: {options}."
        return AnswerResult(case=case, clarification=ask, outcome=outcome)
    try:
        new, changed = _store(case, question, parsed.value)
    except (ValueError, InvalidFactPath) as exc:
        return AnswerResult(case=case, clarification=f"That answer does not fit: {exc}",
                            outcome=outcome)  # fmt: skip
    first = changed[0] if changed else question.fact_paths[0]
    if question.template == "damage":
        first, shown = "damage", _show(parsed.value) if parsed.value else "no new harm"
    else:
        try:
            shown = _show(get_fact(new, first))
        except InvalidFactPath:
            shown = _show(parsed.value)
    understood = f"Understood: {_label(first, new)}: {shown}."
    if parsed.note:
        understood = f"{understood[:-1]} ({parsed.note})."
    return AnswerResult(
        case=new,
        changed=changed,
        understood=understood,
        parsed_by=parsed_by,
        outcome=outcome,
    )
