"""The member state where the harm occurred, from the places a narrative names.

Each EU city or country named counts once; a place in a sentence that states the harm, or in
the writer's own description, counts more. The state is set only when one state clearly leads;
several states with no clear lead leave the question to the interviewer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.chain.extract.candidates import FactCandidate
from assistant.chain.extract.lexicon_names import COUNTRIES, EU_CITIES
from assistant.chain.extract.mentions import ActorRecord
from assistant.chain.extract.text import Sentence, clause_around

__all__ = ["jurisdiction_fact"]


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern[str]:
    names = {**EU_CITIES, **COUNTRIES}
    forms = sorted({" ".join(w[:1].upper() + w[1:] for w in n.split()) for n in names}, key=len)
    alternatives = "|".join(re.escape(f) for f in reversed(forms))
    return re.compile(rf"(?<![\w-])(?P<place>{alternatives})(?![\w-])")


def _code(place: str) -> str | None:
    key = place.casefold()
    return EU_CITIES.get(key) or COUNTRIES.get(key)


def jurisdiction_fact(
    text: str,
    usable: list[Sentence],
    records: list[ActorRecord],
    harm_sentences: list[Sentence],
    narrator_org: str | None,
) -> FactCandidate | None:
    """``jurisdiction.member_state`` when one EU state clearly leads, else None."""
    weights: dict[str, int] = {}
    quotes: dict[str, tuple[int, int, int]] = {}  # code -> (weight of the quote, start, end)
    harm_starts = {s.start for s in harm_sentences}
    narrator = next((r for r in records if r.name == narrator_org), None)
    for s in usable:
        for m in _place_pattern().finditer(s.text):
            code = _code(m["place"])
            if code is None:
                continue
            weight = 1
            if s.start in harm_starts:
                weight = 3
            elif narrator is not None and narrator.name in s.text:
                weight = 2
            weights[code] = weights.get(code, 0) + weight
            start, end = s.start + m.start(), s.start + m.end()
            if code not in quotes or quotes[code][0] < weight:
                quotes[code] = (weight, start, end)
    if not weights:
        return None
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] <= ranked[1][1]:
        return None
    code = ranked[0][0]
    _, start, end = quotes[code]
    q0, q1 = clause_around(text, start, end)
    return FactCandidate("jurisdiction.member_state", code, text[q0:q1])
