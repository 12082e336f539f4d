"""Prompt templates: one Markdown file per prompt in ``prompts/``, versioned, loaded by name.

File format (``prompts/<name>.md``)::

    ---
    name: extract_actors          # must equal the file name
    version: 1                    # bump on every change; recorded with each answer
    description: One line on what the prompt is for.
    input_variables: [jurisdiction]
    ---
    Body text with {jurisdiction} placeholders; literal braces are written {{ and }}.

Rendering is strict: a missing, unknown or undeclared variable raises :class:`PromptError`.
Variables are for trusted values (names, settings, lists we build); untrusted text (narratives,
uploads, provisions) goes through :func:`assistant.llm.messages.build_messages` as data blocks.
"""

from __future__ import annotations

import hashlib
import os
import string
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import ConfigError
from assistant.settings import PROJECT_ROOT

__all__ = ["Prompt", "PromptError", "list_prompts", "load_prompt", "prompts_dir"]


class PromptError(ConfigError):
    """A prompt file is missing or malformed, or was rendered with the wrong variables."""


class Prompt(BaseModel):
    """One loaded prompt template."""

    model_config = ConfigDict(frozen=True)

    name: str
    version: str
    description: str
    input_variables: tuple[str, ...] = ()
    body: str
    path: Path
    sha256: str = Field(description="Hash of the file, to record which text produced an answer.")

    @property
    def ref(self) -> str:
        """``name@version``, for logs and reports."""
        return f"{self.name}@{self.version}"

    def render(self, **variables: Any) -> str:
        """The body with ``variables`` filled in; every declared variable must be given."""
        missing = set(self.input_variables) - variables.keys()
        extra = variables.keys() - set(self.input_variables)
        if missing or extra:
            raise PromptError(
                f"prompt {self.ref}: missing variables {sorted(missing)}, "
                f"unknown variables {sorted(extra)}",
                hint=f"pass exactly {list(self.input_variables)} to render()",
            )
        return self.body.format(**variables)


def prompts_dir() -> Path:
    """``ASSISTANT_PROMPTS_DIR`` if set, else ``prompts/`` at the project root."""
    explicit = os.environ.get("ASSISTANT_PROMPTS_DIR")
    return Path(explicit) if explicit else PROJECT_ROOT / "prompts"


def _placeholders(body: str, where: Path) -> set[str]:
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(body) if f is not None}
    except ValueError as exc:
        raise PromptError(
            f"{where}: bad placeholder syntax: {exc}",
            hint="write literal braces as {{ and }}",
        ) from exc
    bad = {f for f in fields if not f.isidentifier()}
    if bad:
        raise PromptError(
            f"{where}: placeholders must be plain names, got {sorted(bad)}",
            hint="write literal braces as {{ and }}",
        )
    return fields


class _FrontMatter(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    version: str | int
    description: str
    input_variables: list[str] = Field(default_factory=list)


def parse_prompt_file(path: Path) -> Prompt:
    """Parse and check one prompt file (front matter, name, placeholders)."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    if not text.startswith("---\n"):
        raise PromptError(f"{path}: no front matter", hint="start the file with a --- block")
    try:
        head, body = text[4:].split("\n---\n", 1)
        meta = _FrontMatter.model_validate(yaml.safe_load(head) or {})
    except (ValueError, yaml.YAMLError, ValidationError) as exc:
        raise PromptError(
            f"{path}: bad front matter: {exc}",
            hint="see assistant/llm/prompts.py for the format",
        ) from exc
    if meta.name != path.stem:
        raise PromptError(f"{path}: front matter name {meta.name!r} != file name {path.stem!r}")
    used = _placeholders(body, path)
    declared = set(meta.input_variables)
    if used != declared:
        raise PromptError(
            f"{path}: placeholders {sorted(used)} != input_variables {sorted(declared)}",
            hint="declare every {placeholder} in input_variables, and nothing else",
        )
    return Prompt(
        name=meta.name,
        version=str(meta.version),
        description=meta.description,
        input_variables=tuple(meta.input_variables),
        body=body.strip() + "\n",
        path=path,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


@lru_cache(maxsize=64)
def _load_cached(path: Path, mtime_ns: int) -> Prompt:
    return parse_prompt_file(path)


def load_prompt(name: str) -> Prompt:
    """The prompt ``prompts/<name>.md`` (cached until the file changes)."""
    if not name.replace("_", "").replace("-", "").isalnum():
        raise PromptError(f"bad prompt name {name!r}", hint="use letters, digits, _ and -")
    path = prompts_dir() / f"{name}.md"
    if not path.is_file():
        raise PromptError(
            f"no prompt named {name!r} in {path.parent}",
            hint=f"available: {', '.join(list_prompts()) or 'none'}",
        )
    return _load_cached(path, path.stat().st_mtime_ns)


def list_prompts() -> list[str]:
    """Names of all prompt files."""
    folder = prompts_dir()
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.md") if p.stem.upper() != "README")
