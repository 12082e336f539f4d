"""Which parts of the chain the app can use: triage pipeline, interviewer, free questions.

The chain is built by other layers; until a module exists the app says "not available yet"
for the control that needs it instead of faking output. A module that exists but fails to
import is a bug, and is reported as one (with the error), never hidden as "not available".
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

__all__ = ["ChainPart", "chain_part"]

_PARTS = {
    "pipeline": ("triage", "narrative triage"),
    "interview": ("phrase_questions", "the interviewer"),
    "ask": ("ask", "cited answers to free questions"),
    "analyst": ("analyse", "the written analysis"),
}


@dataclass(frozen=True)
class ChainPart:
    """A chain module, or why it cannot be used."""

    name: str
    module: ModuleType | None
    problem: str | None = None

    @property
    def available(self) -> bool:
        """True when the module imported and has what the app calls."""
        return self.module is not None

    def message(self) -> str:
        """What to tell the user when the part is missing."""
        what = _PARTS.get(self.name, (None, self.name))[1]
        return self.problem or f"{what.capitalize()} is not available yet in this version."


def chain_part(name: str) -> ChainPart:
    """Import ``assistant.chain.<name>`` if it exists."""
    full = f"assistant.chain.{name}"
    try:
        module = importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name == full:
            return ChainPart(name, None)
        return ChainPart(name, None, f"{full} could not be imported: {exc}")
    except Exception as exc:  # a broken module must not take the page down
        return ChainPart(name, None, f"{full} failed to load: {type(exc).__name__}: {exc}")
    needed = _PARTS.get(name, (None, ""))[0]
    if needed and not hasattr(module, needed):
        return ChainPart(name, None)
    return ChainPart(name, module)
