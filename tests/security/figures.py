"""The suite's measured figures, collected in ``.artifacts/test/security-figures.json``.

Tests record what they measured (attack success rates, bad files tried/crashed/hung, faults
injected/facts lost, load percentiles) so the numbers in the report come from real runs.
Several pytest-xdist workers may write at once: the file is updated under an ``flock``.
"""

from __future__ import annotations

import fcntl
import json
from pathlib import Path
from typing import Any

FIGURES = Path(__file__).resolve().parents[2] / ".artifacts" / "test" / "security-figures.json"


def record(section: str, data: dict[str, Any], *, merge: bool = False) -> None:
    """Put ``data`` under ``section`` in the figures file (and print it); ``merge=True`` adds
    its keys to what the section already holds (tests of one section on several workers)."""
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    print(f"\n[{section}] {json.dumps(data, default=str)}")
    with (FIGURES.parent / ".security-figures.lock").open("w") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)
        current: dict[str, Any] = {}
        if FIGURES.is_file():
            try:
                current = json.loads(FIGURES.read_text())
            except ValueError:
                current = {}
        if merge and isinstance(current.get(section), dict):
            current[section] = {**current[section], **data}
        else:
            current[section] = data
        FIGURES.write_text(json.dumps(current, indent=2, default=str))
