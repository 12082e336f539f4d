"""Dotted fact paths: ``incident.date``, ``actors[1].roles``, ``damage[0].professional_use``.

The rule core names missing facts by these paths, questions point at them, and the UI fact
sheet reads and edits values through ``get_fact``/``set_fact``. ``set_fact`` returns a new case
(the input is not changed) and records the fact's provenance under the same path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from assistant.facts.case import Case
from assistant.facts.provenance import Provenance

__all__ = [
    "FactEntry",
    "InvalidFactPath",
    "fact_template",
    "get_fact",
    "iter_facts",
    "parse_path",
    "provenance_of",
    "set_fact",
]

_SEGMENT = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*)(?:\[(?P<index>\d+)\])?$")
_INDEX = re.compile(r"\[\d+\]")
_NOT_FACTS = frozenset({"provenance"})


class InvalidFactPath(ValueError):
    """A dotted path that does not name a fact of the case."""


@dataclass(frozen=True, slots=True)
class FactEntry:
    """One known fact for the fact sheet."""

    path: str
    value: Any
    provenance: Provenance | None


def parse_path(path: str) -> list[tuple[str, int | None]]:
    """Split ``actors[1].roles`` into ``[("actors", 1), ("roles", None)]``."""
    parts: list[tuple[str, int | None]] = []
    for raw in path.strip().split("."):
        m = _SEGMENT.match(raw)
        if not m:
            raise InvalidFactPath(f"not a fact path: {path!r}")
        parts.append((m["name"], int(m["index"]) if m["index"] is not None else None))
    if not parts or parts[0][0] in _NOT_FACTS:
        raise InvalidFactPath(f"not a fact path: {path!r}")
    return parts


def fact_template(path: str) -> str:
    """The path with indexes removed: ``actors[3].gdpr_role`` -> ``actors[].gdpr_role``."""
    return _INDEX.sub("[]", path)


def _child(node: Any, name: str, path: str) -> Any:
    if not isinstance(node, BaseModel) or name not in type(node).model_fields:
        raise InvalidFactPath(f"{path!r}: no fact called {name!r} here")
    return getattr(node, name)


def get_fact(case: Case, path: str) -> Any:
    """The value at ``path`` (None if unknown). Raises ``InvalidFactPath`` for a bad path."""
    node: Any = case
    for name, index in parse_path(path):
        node = _child(node, name, path)
        if index is not None:
            if node is None:
                return None
            if not isinstance(node, list) or index >= len(node):
                raise InvalidFactPath(f"{path!r}: {name} has no item {index}")
            node = node[index]
    return node


def set_fact(case: Case, path: str, value: Any, provenance: Provenance | None = None) -> Case:
    """A copy of ``case`` with the fact at ``path`` set to ``value``.

    ``value`` is validated like user input (enum names, role aliases, ISO dates ...); a bad
    value raises ``ValueError`` with pydantic's message. An index one past the end of a list
    appends (``damage[0]`` on an empty list adds the first item). ``provenance`` defaults to
    "stated by the user"; setting ``None`` clears the fact and its provenance.
    """
    parts = parse_path(path)
    new = case.model_copy(deep=True)
    parent: Any = new
    for name, index in parts[:-1]:
        parent = _child(parent, name, path)
        if index is not None:
            if not isinstance(parent, list) or index >= len(parent):
                raise InvalidFactPath(f"{path!r}: {name} has no item {index}")
            parent = parent[index]
    name, index = parts[-1]
    _child(parent, name, path)  # validates the name
    try:
        if index is None:
            setattr(parent, name, value)
        else:
            items = list(getattr(parent, name) or [])
            if index < len(items):
                items[index] = value
            elif index == len(items):
                items.append(value)
            else:
                raise InvalidFactPath(f"{path!r}: {name} has only {len(items)} items")
            setattr(parent, name, items)
    except ValidationError as exc:
        raise ValueError(f"{path}: {exc.errors()[0]['msg']}") from exc
    key = path.strip()
    if value is None:
        new.provenance.pop(key, None)
    else:
        new.provenance[key] = provenance or Provenance.user()
    return new


def provenance_of(case: Case, path: str) -> Provenance | None:
    """The recorded provenance of a fact, or None."""
    return case.provenance.get(path.strip())


def iter_facts(case: Case) -> list[FactEntry]:
    """Every known (non-None) leaf fact with its path and provenance, in model order."""
    out: list[FactEntry] = []

    def walk(node: BaseModel, prefix: str) -> None:
        for name in type(node).model_fields:
            if name in _NOT_FACTS:
                continue
            value = getattr(node, name)
            path = f"{prefix}{name}"
            if value is None:
                continue
            if isinstance(value, BaseModel):
                walk(value, path + ".")
            elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
                for i, item in enumerate(value):
                    walk(item, f"{path}[{i}].")
            else:
                out.append(FactEntry(path, value, case.provenance.get(path)))

    walk(case, "")
    return out
