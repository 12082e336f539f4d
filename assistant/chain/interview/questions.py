"""Questions as the user sees them: the rule core's question with its answer kind and options,
phrased for the case by light templating (the actor's name instead of "this actor")."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from assistant.chain.interview.kinds import AnswerKind, FieldInfo, field_info
from assistant.chain.interview.specs import OPTION_LABELS
from assistant.facts import Case, fact_template
from assistant.rules import Question
from assistant.vocabulary import Harm

__all__ = ["AnswerOption", "PhrasedQuestion", "describe_question", "options_for"]

_ACTOR_WORDS = re.compile(
    r"\b(?:this company or person|this actor|this person|this cloud/infrastructure/IT service "
    r"provider|this open-source part|the integrator|the service provider|the seller)\b"
)
_ABOUT = re.compile(r"^About (?P<actor>.+?): ")


class AnswerOption(BaseModel):
    """One allowed answer of a choice question."""

    value: str
    label: str


class PhrasedQuestion(BaseModel):
    """A question for the user, with what the answer is parsed into."""

    id: str
    code: str
    text: str = Field(description="Phrased for the user's case.")
    original_text: str = Field(description="The rule core's wording.")
    reason: str
    provisions: list[str] = Field(default_factory=list)
    fact_paths: list[str]
    kind: AnswerKind
    options: list[AnswerOption] = Field(default_factory=list)
    actor: str | None = None
    phrased_by: Literal["template", "model"] = "template"

    @property
    def provision(self) -> str | None:
        """The main provision the question turns on."""
        return self.provisions[0] if self.provisions else None

    @property
    def template(self) -> str:
        """Fact-path template of the first fact (``actors[].roles``)."""
        return fact_template(self.fact_paths[0]) if self.fact_paths else ""


def _label(value: str) -> str:
    return OPTION_LABELS.get(value, value.replace("_", " "))


def options_for(info: FieldInfo | None, template: str) -> list[AnswerOption]:
    """The options of a choice question (enum values with readable labels)."""
    if info is None:
        return []
    enum: type[StrEnum] | None = info.enum
    if template == "damage":
        enum = Harm
    if enum is None:
        return []
    return [AnswerOption(value=v.value, label=_label(v.value)) for v in enum]


def _kind(info: FieldInfo | None, template: str) -> AnswerKind:
    if template == "contracts":
        return AnswerKind.FREE_TEXT
    if info is None:
        return AnswerKind.FREE_TEXT
    return info.kind


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _phrase(question: Question, case: Case) -> str:
    text = question.text
    about = _ABOUT.match(text)
    actor = question.actor or (about["actor"] if about else None)
    if actor and about:
        body = text[about.end() :]
        if _ACTOR_WORDS.search(body) or "this actor's" in body:
            body = body.replace("this actor's", _possessive(actor))
            text = _ACTOR_WORDS.sub(actor, body, count=1)
    product = case.product.name or case.ai.name
    if product and "the AI system" in text:
        text = text.replace("the AI system", f"the AI system ({product})", 1)
    return text


def describe_question(case: Case, question: Question) -> PhrasedQuestion:
    """The rule core's question with its answer kind, options and templated wording."""
    template = fact_template(question.fact_paths[0]) if question.fact_paths else ""
    info = field_info(template) if template else None
    kind = _kind(info, template)
    options = options_for(info, template) if kind in {AnswerKind.CHOICE,
                                                     AnswerKind.MULTI_CHOICE} else []  # fmt: skip
    return PhrasedQuestion(
        id=question.id,
        code=question.code,
        text=_phrase(question, case),
        original_text=question.text,
        reason=question.reason,
        provisions=list(question.provisions),
        fact_paths=list(question.fact_paths),
        kind=kind,
        options=options,
        actor=question.actor,
    )
