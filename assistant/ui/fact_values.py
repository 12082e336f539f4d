"""Fact values as the fact sheet shows and edits them: kinds, text <-> value, editable paths.

Pure (no Streamlit): the fact sheet turns a typed cell (``"2026-03-01"``, ``"deployer,
operator"``, ``"yes"``) into the value ``set_fact`` validates, and every known fact into a row
with its provenance. Parsing errors are ``ValueError`` with a message a user can act on.
"""

from __future__ import annotations

import datetime as dt
import types
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from assistant.facts import Case, InvalidFactPath, iter_facts, parse_path
from assistant.facts.provenance import Provenance

__all__ = [
    "FactKind",
    "FactRow",
    "addable_paths",
    "fact_kind",
    "fact_rows",
    "parse_value",
    "show_value",
]

_TRUE = {"yes", "y", "true", "1", "ja", "oui"}
_FALSE = {"no", "n", "false", "0", "nein", "non"}
_EMPTY = {"", "?", "unknown", "none", "-", "—"}


@dataclass(frozen=True)
class FactKind:
    """What a fact holds: ``bool | date | enum | number | text`` or a list of those."""

    base: str
    is_list: bool = False
    choices: tuple[str, ...] = field(default_factory=tuple)

    def hint(self) -> str:
        """How to type a value of this kind."""
        if self.base == "bool":
            text = "yes or no"
        elif self.base == "date":
            text = "a date, e.g. 2026-03-01"
        elif self.base == "enum":
            text = "one of: " + ", ".join(self.choices)
        elif self.base == "number":
            text = "a number"
        else:
            text = "text"
        if self.is_list:
            text = "comma-separated; each " + text
        return text + " (empty = unknown)"


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``| None`` from a type."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _leaf_type(path: str) -> Any:
    node: Any = Case
    for name, index in parse_path(path):
        if not (isinstance(node, type) and issubclass(node, BaseModel)):
            raise InvalidFactPath(f"{path!r}: {name} is not inside a fact section")
        info = node.model_fields.get(name)
        if info is None or name == "provenance":
            raise InvalidFactPath(f"{path!r}: no fact called {name!r}")
        node = _unwrap(info.annotation)
        if index is not None:
            if get_origin(node) is not list:
                raise InvalidFactPath(f"{path!r}: {name} is not a list")
            node = _unwrap(get_args(node)[0])
    return node


def _kind_of(annotation: Any) -> FactKind:
    if get_origin(annotation) is list:
        inner = _kind_of(_unwrap(get_args(annotation)[0]))
        return FactKind(inner.base, True, inner.choices)
    if annotation is bool:
        return FactKind("bool")
    if annotation is dt.date:
        return FactKind("date")
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return FactKind("enum", choices=tuple(str(m.value) for m in annotation))
    if annotation in (int, float):
        return FactKind("number")
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return FactKind("section")
    return FactKind("text")


def fact_kind(path: str) -> FactKind:
    """The kind of the fact at ``path`` (``InvalidFactPath`` for a path that names no fact)."""
    return _kind_of(_leaf_type(path))


def _parse_one(text: str, kind: FactKind) -> Any:
    if kind.base == "bool":
        low = text.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise ValueError(f"{text!r} is not yes or no")
    if kind.base == "date":
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a date like 2026-03-01") from exc
    if kind.base == "number":
        try:
            return float(text.replace(",", "").replace("€", "").replace("EUR", "").strip())
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a number") from exc
    # Enum values and text: the fact model validates and normalises (role aliases etc.).
    return text.strip()


def parse_value(path: str, text: str | None) -> Any:
    """The value for ``path`` typed as ``text``; ``None`` for empty/unknown.

    Raises ``ValueError`` (with what to type) for a value of the wrong kind and
    ``InvalidFactPath`` for a path that names no editable fact.
    """
    kind = fact_kind(path)
    if kind.base == "section":
        raise InvalidFactPath(f"{path!r} is a group of facts; edit its fields one by one")
    if text is None or text.strip().lower() in _EMPTY:
        return None
    if kind.is_list:
        parts = [p.strip() for p in text.replace(";", ",").split(",")]
        return [_parse_one(p, kind) for p in parts if p]
    return _parse_one(text, kind)


def show_value(value: Any) -> str:
    """A fact value as the fact sheet shows it (and accepts back)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return ", ".join(show_value(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class FactRow:
    """One row of the fact sheet."""

    path: str
    value: str
    source: str
    quote: str


def _source(prov: Provenance | None) -> tuple[str, str]:
    if prov is None:
        return "", ""
    detail = prov.quote or prov.note or ""
    return prov.source.value, detail


def fact_rows(case: Case) -> list[FactRow]:
    """Every known fact of ``case`` with its provenance, in model order."""
    rows: list[FactRow] = []
    for entry in iter_facts(case):
        if entry.path == "actors" and not entry.value:
            continue  # the default empty list: no actor known yet, not a fact
        source, detail = _source(entry.provenance)
        rows.append(FactRow(entry.path, show_value(entry.value), source, detail))
    return rows


def _leaf_paths(model: type[BaseModel], prefix: str) -> list[str]:
    out: list[str] = []
    for name, info in model.model_fields.items():
        if name == "provenance":
            continue
        annotation = _unwrap(info.annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out.extend(_leaf_paths(annotation, f"{prefix}{name}."))
        elif get_origin(annotation) is list and _kind_of(annotation).base == "section":
            continue  # list items (actors, damage, contracts) are added as a whole
        else:
            out.append(f"{prefix}{name}")
    return out


def addable_paths(case: Case, first: list[str] | None = None) -> list[str]:
    """Fact paths the user can set: ``first`` (e.g. the open questions' facts), then the rest.

    Covers the case's sections and the fields of every existing actor, harm and contract.
    """
    from assistant.facts import Actor, Contract, Damage

    paths = _leaf_paths(Case, "")
    for i in range(len(case.actors)):
        paths += [p for p in _leaf_paths(Actor, f"actors[{i}].") if not p.endswith(".name")]
    for i in range(len(case.damage or ())):
        paths += _leaf_paths(Damage, f"damage[{i}].")
    for i in range(len(case.contracts or ())):
        paths += _leaf_paths(Contract, f"contracts[{i}].")
    valid = set(paths)
    ordered = [p for p in (first or []) if p in valid]
    return list(dict.fromkeys(ordered + paths))
