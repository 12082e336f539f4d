"""Tolerant JSON parsing for model output: pure logic, no I/O.

Small models and remote endpoints return JSON wrapped in code fences, followed by chatter, cut
off at ``max_tokens``, or with trailing commas and Python literals. :func:`parse_model_json`
recovers the first top-level JSON value and reports every repair it made, so the caller can
record what happened. Incomplete trailing values (a half-written string or number, a key with
no value) are dropped rather than guessed: a truncated quote must never pass as a full one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["JsonRepairError", "ParsedJson", "parse_model_json"]

_FENCE = re.compile(r"```[a-zA-Z0-9_-]*\s*\n?(.*?)(?:```|$)", re.DOTALL)
_LITERALS = {
    "true": True,
    "false": False,
    "null": None,
    "True": True,
    "False": False,
    "None": None,
}
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_WORD = re.compile(r"[A-Za-z_]+")


class JsonRepairError(ValueError):
    """The text holds no recoverable JSON object or array."""


@dataclass
class ParsedJson:
    """A recovered JSON value and the repairs needed to get it."""

    value: Any
    repairs: list[str] = field(default_factory=list)
    truncated: bool = False


class _Incomplete(Exception):
    """Raised internally when the text ends inside a value."""


@dataclass
class _Cursor:
    text: str
    pos: int = 0
    repairs: list[str] = field(default_factory=list)
    truncated: bool = False

    def skip_ws(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1

    def peek(self) -> str:
        self.skip_ws()
        if self.pos >= len(self.text):
            raise _Incomplete
        return self.text[self.pos]

    def note(self, repair: str) -> None:
        if repair not in self.repairs:
            self.repairs.append(repair)


def _parse_string(cur: _Cursor) -> str:
    quote = cur.text[cur.pos]
    start = cur.pos
    cur.pos += 1
    while cur.pos < len(cur.text):
        ch = cur.text[cur.pos]
        if ch == "\\":
            cur.pos += 2
            continue
        if ch == quote:
            cur.pos += 1
            raw = cur.text[start : cur.pos]
            if quote == "'":
                cur.note("converted single-quoted strings")
                raw = '"' + raw[1:-1].replace('"', '\\"').replace("\\'", "'") + '"'
            try:
                return str(json.loads(raw, strict=False))
            except json.JSONDecodeError as exc:
                raise JsonRepairError(f"bad string escape near offset {start}") from exc
        cur.pos += 1
    raise _Incomplete


def _parse_scalar(cur: _Cursor) -> Any:
    number = _NUMBER.match(cur.text, cur.pos)
    if number:
        end = number.end()
        if end >= len(cur.text):  # may be a number cut in half
            raise _Incomplete
        cur.pos = end
        return json.loads(number.group())
    word = _WORD.match(cur.text, cur.pos)
    if word and word.group() in _LITERALS:
        if word.end() >= len(cur.text) and word.group() not in ("true", "false", "null"):
            raise _Incomplete
        cur.pos = word.end()
        if word.group() not in ("true", "false", "null"):
            cur.note("converted Python literals")
        return _LITERALS[word.group()]
    if (
        word
        and any(lit.startswith(word.group()) for lit in _LITERALS)
        and word.end() >= len(cur.text)
    ):
        raise _Incomplete
    raise JsonRepairError(
        f"unexpected text at offset {cur.pos}: {cur.text[cur.pos : cur.pos + 20]!r}"
    )


def _parse_value(cur: _Cursor) -> Any:
    ch = cur.peek()
    if ch == "{":
        return _parse_object(cur)
    if ch == "[":
        return _parse_array(cur)
    if ch in "\"'":
        return _parse_string(cur)
    return _parse_scalar(cur)


def _parse_object(cur: _Cursor) -> dict[str, Any]:
    cur.pos += 1
    result: dict[str, Any] = {}
    while True:
        try:
            ch = cur.peek()
        except _Incomplete:
            cur.truncated = True
            return result
        if ch == "}":
            cur.pos += 1
            return result
        if ch == ",":
            cur.pos += 1
            try:
                if cur.peek() == "}":
                    cur.note("removed trailing commas")
            except _Incomplete:
                cur.truncated = True
                return result
            continue
        if ch not in "\"'":
            raise JsonRepairError(f"expected a key at offset {cur.pos}")
        try:
            key = _parse_string(cur)
            if cur.peek() != ":":
                raise JsonRepairError(f"expected ':' at offset {cur.pos}")
            cur.pos += 1
            value = _parse_value(cur)
        except _Incomplete:
            cur.truncated = True
            return result
        result[key] = value


def _parse_array(cur: _Cursor) -> list[Any]:
    cur.pos += 1
    result: list[Any] = []
    while True:
        try:
            ch = cur.peek()
        except _Incomplete:
            cur.truncated = True
            return result
        if ch == "]":
            cur.pos += 1
            return result
        if ch == ",":
            cur.pos += 1
            try:
                if cur.peek() == "]":
                    cur.note("removed trailing commas")
            except _Incomplete:
                cur.truncated = True
                return result
            continue
        try:
            result.append(_parse_value(cur))
        except _Incomplete:
            cur.truncated = True
            return result


def _unfence(text: str) -> tuple[str, bool]:
    match = _FENCE.search(text)
    if match and ("{" in match.group(1) or "[" in match.group(1)):
        return match.group(1), True
    return text, False


def parse_model_json(text: str) -> ParsedJson:
    """Recover the first JSON object or array in ``text``; raise :class:`JsonRepairError`.

    Plain valid JSON costs one ``json.loads``. Otherwise: strip code fences, skip prose before
    the first ``{``/``[``, ignore text after the value, drop trailing commas, accept Python
    literals and single quotes, and close a value cut off by the token limit (``truncated``).
    """
    stripped = text.strip()
    if not stripped:
        raise JsonRepairError("the model returned an empty reply")
    try:
        return ParsedJson(json.loads(stripped))
    except json.JSONDecodeError:
        pass
    repairs: list[str] = []
    body, fenced = _unfence(stripped)
    if fenced:
        repairs.append("stripped a code fence")
    starts = [i for i in (body.find("{"), body.find("[")) if i >= 0]
    if not starts:
        raise JsonRepairError("no JSON object or array in the reply")
    start = min(starts)
    if body[:start].strip():
        repairs.append("skipped text before the JSON")
    cur = _Cursor(body, start)
    cur.repairs = repairs
    value = _parse_value(cur)
    if cur.truncated:
        cur.note("closed JSON cut off at the end of the output (truncated)")
    elif body[cur.pos :].strip():
        cur.note("ignored text after the JSON")
    return ParsedJson(value, cur.repairs, cur.truncated)
