"""The interviewer: the rule core's next questions for the user, and answers back into facts.

Public API::

    phrase_questions(case, assessment, *, model=None, limit=5) -> list[PhrasedQuestion]
    apply_answer(case, question, answer_text, *, model=None) -> AnswerResult

Questions come from the rule core (``Assessment.questions``, ranked by how many findings an
answer would change). Each gets an answer kind read from the fact model (date, yes/no, choice,
several choices, amount, country, free text) and its options. Answers are parsed
deterministically first (dates, yes/no/ja/nein/oui/non, option words, amounts, countries); a
model, when given, only reads free text the parsers could not place. Facts from answers carry
provenance ``user``.
"""

from __future__ import annotations

from assistant.chain.interview.answers import apply_answer
from assistant.chain.interview.kinds import AnswerKind
from assistant.chain.interview.phrasing import case_summary, phrase_questions
from assistant.chain.interview.questions import AnswerOption, PhrasedQuestion, describe_question
from assistant.chain.interview.result import AnswerResult

__all__ = [
    "AnswerKind",
    "AnswerOption",
    "AnswerResult",
    "PhrasedQuestion",
    "apply_answer",
    "case_summary",
    "describe_question",
    "phrase_questions",
]
