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
    "with_fact",
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
    "stated by the user"; setting ``None`` clears the fact and its provenance. Only the nodes
    on the path are copied; the input case is never changed.
    """
    new = with_fact(case, path, value)
    key = path.strip()
    records = dict(case.provenance)
    if value is None:
        records.pop(key, None)
    else:
        records[key] = provenance or Provenance.user()
    return new.model_copy(update={"provenance": records})


def with_fact(case: Case, path: str, value: Any) -> Case:
    """Like ``set_fact`` but leaves provenance alone (used for what-if evaluations)."""
    try:
        out = _replace(case, parse_path(path), value, path)
    except ValidationError as exc:
        raise ValueError(f"{path}: {exc.errors()[0]['msg']}") from exc
    assert isinstance(out, Case)
    return out


def _replace(node: Any, parts: list[tuple[str, int | None]], value: Any, path: str) -> Any:
    name, index = parts[0]
    current = _child(node, name, path)
    copy = node.model_copy()  # shallow: untouched branches are shared, never mutated
    if len(parts) > 1 and index is None:
        new_child = _replace(current, parts[1:], value, path)
    elif index is None:
        new_child = value
    else:
        items = list(current or [])
        if index > len(items) or (len(parts) > 1 and index == len(items)):
            raise InvalidFactPath(f"{path!r}: {name} has only {len(items)} items")
        item = _replace(items[index], parts[1:], value, path) if len(parts) > 1 else value
        if index == len(items):
            items.append(item)
        else:
            items[index] = item
        new_child = items
    setattr(copy, name, new_child)  # validate_assignment checks the new value
    return copy


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
