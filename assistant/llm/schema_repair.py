"""Schemas for constrained decoding and field-by-field repair of model output: pure logic.

* :func:`bounded_json_schema` gives the JSON schema of a pydantic model with every array bounded
  (``maxItems``) and every free string bounded (``maxLength``), because small models loop inside
  unbounded arrays and strings when decoding is grammar-constrained.
* :func:`validate_with_repair` validates parsed JSON against the model and, instead of failing
  on the first error, repairs what it can (a scalar where a list belongs, an enum value in the
  wrong case, a number where text belongs) and drops what it cannot (a bad optional field goes
  back to its default; a bad list item is removed). Only an error at the top level that no
  repair reaches is fatal, and then it is reported, not raised.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

__all__ = ["ValidatedValue", "bounded_json_schema", "validate_with_repair"]

T = TypeVar("T", bound=BaseModel)

DEFAULT_MAX_ITEMS = 12
DEFAULT_MAX_STRING = 400


def bounded_json_schema(
    schema: type[BaseModel],
    *,
    max_items: int = DEFAULT_MAX_ITEMS,
    max_string: int | None = DEFAULT_MAX_STRING,
) -> dict[str, Any]:
    """The model's JSON schema with ``maxItems`` on every array and ``maxLength`` on strings.

    Bounds already set in the model (``Field(max_length=...)``) are kept.
    """
    result = schema.model_json_schema()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "array" and "maxItems" not in node:
                node["maxItems"] = max_items
            if (
                max_string is not None
                and node.get("type") == "string"
                and "maxLength" not in node
                and "enum" not in node
                and "const" not in node
            ):
                node["maxLength"] = max_string
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(result)
    return result


@dataclass
class ValidatedValue(Generic[T]):
    """The outcome of :func:`validate_with_repair`."""

    value: T | None
    repairs: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    error: str | None = None  # set when no valid value could be built


def _loc_str(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "<root>"


def _container(data: Any, loc: tuple[int | str, ...]) -> Any:
    node = data
    for part in loc:
        node = node[part]
    return node


def _valid_loc(data: Any, loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """The longest prefix of ``loc`` that addresses real containers in ``data``.

    Pydantic adds union-member and tag names to error locations (``'str'``, ``'function-
    after[...]'``) that are not keys in the data; cut the location where the data ends.
    """
    node = data
    prefix: list[int | str] = []
    for part in loc:
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_dict or in_list):
            break
        node = node[part]
        prefix.append(part)
    return tuple(prefix)


def _coerce(value: Any, err_type: str, ctx: dict[str, Any]) -> tuple[bool, Any]:
    """Try a conservative type fix for one bad value."""
    if err_type == "list_type" and isinstance(value, str | dict | int | float):
        return True, [value]
    if err_type in ("string_type", "str_type") and isinstance(value, int | float | bool):
        return True, str(value)
    if (
        err_type == "string_type"
        and isinstance(value, list)
        and all(isinstance(v, str) for v in value)
    ):
        return True, "; ".join(value)
    if err_type == "enum" and isinstance(value, str):
        expected = str(ctx.get("expected", ""))
        options = [o.strip().strip("'\"") for o in expected.replace(" or ", ",").split(",")]
        wanted = value.strip().lower().replace(" ", "_").replace("-", "_")
        for option in options:
            if option and option.lower() == wanted:
                return True, option
    if err_type == "literal_error" and isinstance(value, str):
        expected = str(ctx.get("expected", ""))
        options = [o.strip().strip("'\"") for o in expected.replace(" or ", ",").split(",")]
        for option in options:
            if option and option.lower() == value.strip().lower():
                return True, option
    return False, value


def validate_with_repair(schema: type[T], data: Any, *, max_rounds: int = 40) -> ValidatedValue[T]:
    """Validate ``data`` against ``schema``, repairing or dropping bad parts (never raises).

    Each round handles the first error only, so a drop never shifts list indexes under a later
    error. A bad value is first coerced if a conservative fix exists; otherwise it is removed,
    and if its container then lacks a required field, the container is removed in turn, up to
    the nearest list item or optional top-level field.
    """
    work = copy.deepcopy(data)
    repairs: list[str] = []
    dropped: list[str] = []
    for _ in range(max_rounds):
        try:
            return ValidatedValue(schema.model_validate(work), repairs, dropped)
        except ValidationError as exc:
            err = exc.errors()[0]
            if not isinstance(work, dict):
                return ValidatedValue(None, repairs, dropped, f"expected an object: {err['msg']}")
            full = tuple(err["loc"])
            target = _valid_loc(work, full)
            if err["type"] != "missing" and target:
                parent = _container(work, target[:-1])
                ok, fixed = _coerce(parent[target[-1]], err["type"], err.get("ctx") or {})
                if ok:
                    parent[target[-1]] = fixed
                    repairs.append(f"{_loc_str(target)}: {err['type']} coerced")
                    continue
            if not _drop(schema, work, target):
                return ValidatedValue(
                    None, repairs, dropped, f"{_loc_str(full)}: {err['msg']} (cannot repair)"
                )
            dropped.append(f"{_loc_str(target)}: {err['msg']}")
    return ValidatedValue(None, repairs, dropped, "too many errors to repair")


def _drop(schema: type[BaseModel], work: dict[str, Any], target: tuple[int | str, ...]) -> bool:
    """Delete the list item or field at ``target``; False at the top level when required."""
    if not target:
        return False
    parent = _container(work, target[:-1])
    last = target[-1]
    if len(target) == 1 and not _has_default(schema, str(last)):
        return False
    del parent[last]
    return True


def _has_default(schema: type[BaseModel], name: str) -> bool:
    info = schema.model_fields.get(name)
    if info is None:  # an alias or an extra key: removing it is harmless
        return True
    return not info.is_required()
