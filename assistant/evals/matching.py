"""Matching predicted actor names to gold actor names.

Method (documented in evals/README.md):

1. Normalise both names: Unicode-fold accents, lower-case, drop possessive ``'s``, turn
   punctuation into spaces, drop a leading article ("the", "der", "la", ...) and legal-form
   suffixes (GmbH, AG, Inc, Ltd, SA, SAS, BV, ...).
2. Score every gold x predicted pair with rapidfuzz ``token_set_ratio`` (0-100): a name that is a
   token subset of the other scores 100, so "Innovate AI" matches "Innovate AI Solutions Ltd".
3. Assign one-to-one, greedily from the highest score down (ties broken by plain ``ratio``, so
   an exact name beats a mere subset), keeping pairs at or above ``threshold`` (default 80).
4. Second pass for what is still unmatched: pair names that share a distinctive word (4+
   letters, not a generic word such as "city", "customers", "provider"), so "City of Neustadt"
   finds "Stadt Neustadt". Exact pairs are taken first, so "OptiMind's customers" cannot steal
   "OptiMind Analytics" from a reported "OptiMind Analytics".

Greedy is optimal for the tiny, mostly unambiguous matrices of eval cases and easy to explain.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from rapidfuzz import fuzz

__all__ = [
    "DEFAULT_THRESHOLD",
    "LEGAL_SUFFIXES",
    "assign",
    "best_match",
    "name_similarity",
    "normalise_name",
]

DEFAULT_THRESHOLD = 80.0

LEGAL_SUFFIXES = frozenset(
    {
        "gmbh", "ag", "kg", "ug", "ohg", "gbr", "ev", "se", "co", "kgaa", "mbh",
        "inc", "incorporated", "corp", "corporation", "llc", "llp", "lp", "ltd", "limited",
        "plc", "company", "sa", "sas", "sarl", "sasu", "srl", "spa", "sl", "bv", "nv", "oy",
        "oyj", "ab", "as", "aps", "asa", "kft", "sro", "zoo", "sp", "lda",
    }
)  # fmt: skip
# Words that name a kind of actor rather than a particular one: sharing them proves nothing.
_GENERIC = frozenset(
    {
        "city", "stadt", "ville", "town", "municipality", "office", "department", "agency",
        "authority", "ministry", "company", "group", "holding", "customer", "customers",
        "client", "clients", "user", "users", "person", "persons", "people", "family", "child",
        "injured", "victim", "victims", "owner", "team", "bank", "shop", "store", "online",
        "provider", "developer", "deployer", "operator", "vendor", "maintainer", "supplier",
        "distributor", "importer", "manufacturer", "service", "services", "cloud", "model",
        "system", "systems", "data", "software", "international", "europe", "solutions",
        "technologies", "technology", "tech", "labs", "unknown", "attacker",
        "attackers", "hacker", "hackers", "their", "with", "from",
    }
)  # fmt: skip
_ARTICLES = frozenset({"the", "a", "an", "der", "die", "das", "le", "la", "les", "l"})
_POSSESSIVE = re.compile(r"['’]s\b")
_NON_WORD = re.compile(r"[^\w]+")
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")


def normalise_name(name: str) -> str:
    """Comparable form of an actor name (see the module docstring)."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    folded = _POSSESSIVE.sub("", folded)
    # Dotted abbreviations ("s.r.o.", "B.V.", "e.V.") become one word so the suffix list sees them.
    folded = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), folded)
    tokens = [t for t in _NON_WORD.sub(" ", folded).replace("_", " ").split() if t]
    while tokens and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    core = [t for t in tokens if t not in LEGAL_SUFFIXES]
    # A name made only of suffixes/articles ("The Co") keeps its tokens rather than vanish.
    return " ".join(core or tokens)


def name_similarity(a: str, b: str) -> float:
    """0-100 similarity of two actor names after normalisation."""
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return 0.0
    return float(fuzz.token_set_ratio(na, nb))


def _tie_break(a: str, b: str) -> float:
    return float(fuzz.ratio(normalise_name(a), normalise_name(b)))


Names = str | Sequence[str]
"""A gold actor: its name, or its name followed by aliases (e.g. "we" for the narrator)."""


def _forms(names: Names) -> list[str]:
    return [names] if isinstance(names, str) else [n for n in names if n]


def _best_form(gold: Names, predicted: str) -> tuple[float, float]:
    """Best (similarity, tie-break) of ``predicted`` against any form of a gold actor."""
    return max(((name_similarity(g, predicted), _tie_break(g, predicted)) for g in _forms(gold)),
               default=(0.0, 0.0))  # fmt: skip


def assign(
    gold: Sequence[Names], predicted: Sequence[str], threshold: float = DEFAULT_THRESHOLD
) -> dict[int, int]:
    """One-to-one assignment ``{gold index: predicted index}`` of names scoring >= threshold.

    A gold entry may be a name or a sequence ``(name, alias, ...)``; the best form counts.
    """
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            score, tie = _best_form(g, p)
            if score >= threshold:
                pairs.append((score, tie, gi, pi))
    pairs.sort(key=lambda t: (-t[0], -t[1], t[2], t[3]))
    out: dict[int, int] = {}
    _greedy(pairs, out)
    # Second pass: leftovers that share a distinctive word.
    left_gold = [gi for gi in range(len(gold)) if gi not in out]
    left_pred = [pi for pi in range(len(predicted)) if pi not in out.values()]
    second = []
    for gi in left_gold:
        words = set().union(*(_distinctive(f) for f in _forms(gold[gi])))
        for pi in left_pred:
            shared = words & _distinctive(predicted[pi])
            if shared:
                second.append((float(len(shared)), _best_form(gold[gi], predicted[pi])[0], gi, pi))
    second.sort(key=lambda t: (-t[0], -t[1], t[2], t[3]))
    _greedy(second, out)
    return out


def _greedy(pairs: list[tuple[float, float, int, int]], out: dict[int, int]) -> None:
    used_pred = set(out.values())
    for _score, _tie, gi, pi in pairs:
        if gi in out or pi in used_pred:
            continue
        out[gi] = pi
        used_pred.add(pi)


def _distinctive(name: str) -> set[str]:
    return {t for t in normalise_name(name).split() if len(t) >= 4 and t not in _GENERIC}


def best_match(
    name: str, candidates: Sequence[Names], threshold: float = DEFAULT_THRESHOLD
) -> int | None:
    """Index of the best-scoring candidate for ``name`` (many-to-one allowed), or None."""
    best: tuple[float, float, int] | None = None
    for i, cand in enumerate(candidates):
        score, tie = _best_form(cand, name)
        if score < threshold:
            continue
        key = (score, tie, -i)
        if best is None or key > best:
            best = key
    return None if best is None else -best[2]
