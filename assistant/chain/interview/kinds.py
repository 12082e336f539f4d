"""What kind of answer a fact needs, read from the fact model itself.

``actors[].established_in_eu`` is a ``bool`` -> a yes/no question; ``incident.date`` a date;
``damage[].professional_use`` an enum -> a choice among its values; ``ai.practice_flags`` a list
of enum values -> several choices. So a question the rule core adds later still gets a sensible
parser without a new table entry; :mod:`assistant.chain.interview.specs` adds wording on top.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from assistant.facts import Case

__all__ = ["AnswerKind", "FieldInfo", "field_info"]


class AnswerKind(StrEnum):
    """How an answer is read."""

    DATE = "date"
    YES_NO = "yes_no"
    CHOICE = "choice"  # one of the options
    MULTI_CHOICE = "multi_choice"  # any number of the options
    ACTORS = "actors"  # names of actors (and the injured person)
    AMOUNT = "amount"  # euros
    COUNTRY = "country"  # an EU member state
    FREE_TEXT = "free_text"


@dataclass(frozen=True)
class FieldInfo:
    """The answer kind of a fact and, for choices, its enum."""

    kind: AnswerKind
    enum: type[StrEnum] | None = None
    item_model: type[BaseModel] | None = None  # for lists of objects (damage, contracts)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, is_list) with Optional and Annotated removed."""
    is_list = False
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType):
            rest = [a for a in args if a is not type(None)]
            annotation = rest[0] if len(rest) == 1 else annotation
            if len(rest) != 1:
                return annotation, is_list
        elif origin is list:
            is_list = True
            annotation = args[0]
        else:
            return annotation, is_list


def field_info(template: str) -> FieldInfo | None:
    """Answer kind for a fact-path template (``actors[].roles``), or None for a bad path."""
    model: type[BaseModel] = Case
    parts = template.split(".")
    for i, part in enumerate(parts):
        name = part.removesuffix("[]")
        field = model.model_fields.get(name)
        if field is None:
            return None
        inner, is_list = _unwrap(field.annotation)
        last = i == len(parts) - 1
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            if last:
                return FieldInfo(AnswerKind.MULTI_CHOICE if is_list else AnswerKind.FREE_TEXT,
                                 item_model=inner)  # fmt: skip
            model = inner
            continue
        if not last:
            return None
        return _leaf(name, inner, is_list)
    return None


def _leaf(name: str, inner: Any, is_list: bool) -> FieldInfo:
    if isinstance(inner, type) and issubclass(inner, StrEnum):
        return FieldInfo(AnswerKind.MULTI_CHOICE if is_list else AnswerKind.CHOICE, enum=inner)
    if inner is bool:
        return FieldInfo(AnswerKind.YES_NO)
    if inner is dt.date:
        return FieldInfo(AnswerKind.DATE)
    if inner in (float, int):
        return FieldInfo(AnswerKind.AMOUNT)
    if name == "member_state":
        return FieldInfo(AnswerKind.COUNTRY)
    if is_list:
        return FieldInfo(AnswerKind.ACTORS)
    return FieldInfo(AnswerKind.FREE_TEXT)
