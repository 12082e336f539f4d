"""Eval case files (VOCABULARY.md §File formats): models, validation and a forgiving loader.

A case file is YAML with ``id, title, narrative, as_of?, jurisdiction?, gold``. Extra fields
anywhere are ignored, so case sets written by others run unchanged. One bad file never stops a
run: :func:`load_cases` returns the good cases and, separately, one readable error per bad file.

The split of a case is the name of the first ``dev`` / ``heldout`` directory on its path below
the cases root (``evals/cases/dev/x.yaml`` -> ``dev``); files elsewhere get the split ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.errors import CaseFileError
from assistant.vocabulary import (
    Harm,
    ProvisionId,
    PublicStatus,
    Regime,
    RiskLabel,
    Role,
    normalise_harm,
    normalise_role,
)

__all__ = [
    "KNOWN_SPLITS",
    "CaseSet",
    "EvalCase",
    "Gold",
    "GoldActor",
    "GoldRegimeRow",
    "InvalidCaseFile",
    "LoadedCase",
    "load_case_file",
    "load_cases",
]

KNOWN_SPLITS = ("dev", "heldout")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_CASE_SUFFIXES = (".yaml", ".yml")


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class GoldActor(_Lenient):
    """An actor of the gold answer; ``roles`` may be empty (e.g. an attacker)."""

    name: str = Field(min_length=1)
    roles: tuple[Role, ...] = ()
    # Optional extension (other readers ignore it): other names the report may fairly use for
    # this actor, e.g. "we" / "your organisation" for the narrator of a first-person account.
    aliases: tuple[str, ...] = ()

    @field_validator("name")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, value: Any) -> Any:
        if value is None:
            return ()
        return [value] if isinstance(value, str) else value

    def forms(self) -> tuple[str, ...]:
        """The name followed by its aliases (what actor matching compares against)."""
        return (self.name, *self.aliases)

    @field_validator("roles", mode="before")
    @classmethod
    def _roles(cls, value: Any) -> Any:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            return value
        out: list[Role] = []
        for item in value:
            try:
                roles = normalise_role(str(item))
            except ValueError:
                allowed = ", ".join(r.value for r in Role)
                raise ValueError(f"unknown role {item!r}; allowed: {allowed}") from None
            out.extend(r for r in roles if r not in out)
        return tuple(out)


class GoldRegimeRow(_Lenient):
    """One (regime, actor) row with its public status and the key provisions behind it."""

    regime: Regime
    actor: str = Field(min_length=1)
    status: PublicStatus
    provisions: tuple[str, ...] = ()

    @field_validator("provisions", mode="before")
    @classmethod
    def _provisions(cls, value: Any) -> Any:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            return value
        # Canonical form, so "PLD_2024  Art 8(1)(a)" and the pipeline's IDs compare equal.
        out: list[str] = []
        for item in value:
            try:
                out.append(ProvisionId.parse(str(item)).format())
            except ValueError as exc:
                raise ValueError(f"{exc} (see the citation-ID grammar in VOCABULARY.md)") from None
        return tuple(out)


class Gold(_Lenient):
    """The expected answer. Every list may be empty; ``ai_act_risk`` may be omitted."""

    actors: tuple[GoldActor, ...] = ()
    ai_act_risk: RiskLabel | None = None
    harms: tuple[Harm, ...] = ()
    regimes: tuple[GoldRegimeRow, ...] = ()
    key_points: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()

    @field_validator("harms", mode="before")
    @classmethod
    def _harms(cls, value: Any) -> Any:
        if not isinstance(value, list | tuple):
            return () if value is None else value
        out: list[Harm] = []
        for item in value:
            try:
                harm = normalise_harm(str(item))
            except ValueError:
                allowed = ", ".join(h.value for h in Harm)
                raise ValueError(f"unknown harm {item!r}; allowed: {allowed}") from None
            if harm not in out:
                out.append(harm)
        return tuple(out)

    @field_validator("actors", "regimes", "key_points", "must_not", "questions", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return () if value is None else value

    @model_validator(mode="after")
    def _rows_name_gold_actors(self) -> Gold:
        names = [a.name for a in self.actors]
        if len(set(names)) != len(names):
            dupes = sorted({n for n in names if names.count(n) > 1})
            raise ValueError(f"duplicate actor names in gold.actors: {dupes}")
        for i, row in enumerate(self.regimes):
            if row.actor.strip() not in names:
                raise ValueError(
                    f"gold.regimes[{i}].actor {row.actor!r} is not one of gold.actors {names}"
                )
        return self


class EvalCase(_Lenient):
    """One evaluation case (VOCABULARY.md). ``as_of`` defaults to today when run."""

    id: str
    title: str = ""
    narrative: str = Field(min_length=1)
    as_of: date | None = None
    jurisdiction: str | None = None
    gold: Gold

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, value: Any) -> Any:
        text = str(value).strip() if value is not None else ""
        if not _ID_RE.match(text):
            raise ValueError("id must be letters, digits, '-', '_' or '.' (used as a file name)")
        return text

    @field_validator("jurisdiction", mode="before")
    @classmethod
    def _jurisdiction(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        text = str(value).strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", text):
            raise ValueError(f"jurisdiction must be an ISO 3166 alpha-2 code, got {value!r}")
        return text

    def analysis_date(self) -> date:
        """The case's analysis date, or today."""
        return self.as_of or date.today()


@dataclass(frozen=True)
class LoadedCase:
    """A valid case with where it came from."""

    case: EvalCase
    path: Path
    split: str


@dataclass(frozen=True)
class InvalidCaseFile:
    """A file that could not be used, with one readable message per problem."""

    path: Path
    errors: tuple[str, ...]

    def message(self) -> str:
        """All problems of this file on one line each."""
        return "\n".join(f"{self.path}: {e}" for e in self.errors)


@dataclass
class CaseSet:
    """Everything found under a cases root: the usable cases and the bad files."""

    root: Path
    cases: list[LoadedCase] = field(default_factory=list)
    invalid: list[InvalidCaseFile] = field(default_factory=list)

    def splits(self) -> list[str]:
        """Splits present, known ones first."""
        present = {c.split for c in self.cases}
        return [s for s in KNOWN_SPLITS if s in present] + sorted(present - set(KNOWN_SPLITS))


def _split_of(path: Path, root: Path) -> str:
    try:
        parts = path.resolve().relative_to(root.resolve()).parts[:-1]
    except ValueError:
        parts = path.parts[:-1]
    # A root that is itself a split directory (``--cases evals/cases/dev``) names the split.
    for part in (*root.resolve().parts[-1:], *parts):
        if part in KNOWN_SPLITS:
            return part
    return "other"


def _format_validation_error(exc: ValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        out.append(f"{loc}: {msg}")
    return out


def _parse_file(path: Path, root: Path) -> tuple[list[LoadedCase], list[str]]:
    """Cases of one file and the problems found in it (never raises for bad content)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"cannot read: {exc}"]
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())
        return [], [f"not valid YAML ({detail}); check indentation and quote text containing ':'"]
    items = data if isinstance(data, list) else [data]
    split = _split_of(path, root)
    loaded: list[LoadedCase] = []
    problems: list[str] = []
    for n, item in enumerate(items):
        prefix = f"[case {n}] " if len(items) > 1 else ""
        if not isinstance(item, dict):
            problems.append(
                f"{prefix}expected a mapping with id, narrative, gold; got {item!r:.60}"
            )
            continue
        try:
            loaded.append(LoadedCase(EvalCase.model_validate(item), path, split))
        except ValidationError as exc:
            problems.extend(prefix + p for p in _format_validation_error(exc))
    return loaded, problems


def load_case_file(path: Path, root: Path | None = None) -> list[LoadedCase]:
    """Load one YAML file holding a case (a mapping) or several (a list).

    Raises ``CaseFileError`` with every problem of the file in its message.
    """
    loaded, problems = _parse_file(path, root or path.parent)
    if problems:
        raise CaseFileError(
            f"{path}: " + "; ".join(problems),
            hint="see the case format in evals/README.md (VOCABULARY.md §File formats)",
        )
    return loaded


def load_cases(root: Path, split: str | None = None) -> CaseSet:
    """All cases under ``root`` (a directory, searched recursively, or one file).

    ``split`` keeps only cases of that split. Bad files and duplicate ids are collected in
    ``CaseSet.invalid`` instead of raising.
    """
    if not root.exists():
        raise CaseFileError(f"cases path {root} does not exist", hint="pass --cases DIR")
    files = (
        [root]
        if root.is_file()
        else sorted(p for p in root.rglob("*") if p.suffix in _CASE_SUFFIXES and p.is_file())
    )
    base = root.parent if root.is_file() else root
    result = CaseSet(root=root)
    seen: dict[str, Path] = {}
    for path in files:
        cases, problems = _parse_file(path, base)
        if problems:
            result.invalid.append(InvalidCaseFile(path, tuple(problems)))
            continue
        for loaded in cases:
            if loaded.case.id in seen:
                result.invalid.append(
                    InvalidCaseFile(
                        path,
                        (f"duplicate case id {loaded.case.id!r} (also in {seen[loaded.case.id]})",),
                    )
                )
                continue
            seen[loaded.case.id] = path
            if split is None or loaded.split == split:
                result.cases.append(loaded)
    return result
