"""Deterministic answer parsing: yes/no (EN/DE/FR), dates, amounts, countries, options.

Each parser returns a :class:`Parsed`: a value, ``unknown`` (the user does not know), or a
``problem`` (what to ask back). Nothing here guesses: an answer that says both yes and no, names
two options for a single choice, or gives a month that straddles a legal date is a problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.chain.extract.amounts import find_amounts, parse_number
from assistant.chain.extract.dates import find_dates, representative_day
from assistant.chain.extract.lexicon_names import COUNTRIES, EU_CITIES
from assistant.chain.extract.text import negated_before, words_re

__all__ = [
    "Parsed",
    "parse_amount",
    "parse_country",
    "parse_date",
    "parse_options",
    "parse_yes_no",
]

_UNKNOWN = words_re(
    r"\b(?:(?:i )?(?:do(?:n't| not)|dunno) know|not sure|unsure|no idea|unknown|can't say|"
    r"cannot say|keine ahnung|weiß (?:ich )?nicht|weiss (?:ich )?nicht|unklar|unbekannt|"
    r"je ne sais pas|aucune idée|inconnu)\b"
)
_YES = words_re(
    r"^\W*(?:yes|yeah|yep|yup|y|true|correct|right|sure|of course|indeed|absolutely|it did|"
    r"they did|it was|it is|ja|jawohl|genau|stimmt|richtig|doch|oui|si|bien sûr|exact\w*)\b"
)
_NO = words_re(
    r"^\W*(?:no|nope|n|false|not|never|none|nothing|it did(?:n't| not)|they did(?:n't| not)|"
    r"it was(?:n't| not)|nein|nicht|nie|kein\w*|non|jamais|pas|aucun\w*)\b"
)
_BOTH = words_re(
    r"\b(?:yes|ja|oui|no|nein|non)\W+(?:and|or|but|und|oder|aber|et|ou|mais) "
    r"(?:yes|ja|oui|no|nein|non)\b"
)
_NONE = words_re(
    r"^\W*(?:no|none|nothing|neither|no(?:ne)? of (?:these|them|the above)|nein|keine?s?|"
    r"nichts|aucun\w*|rien)\W*$"
)
_ISO = re.compile(r"\b([A-Z]{2})\b")
_EU_CODES = frozenset(COUNTRIES.values()) | frozenset(EU_CITIES.values())


@dataclass(frozen=True)
class Parsed:
    """What an answer says: ``value`` (when ``ok``), ``unknown``, or a ``problem`` to ask about."""

    value: Any = None
    ok: bool = False
    unknown: bool = False
    problem: str | None = None
    note: str | None = None
    quote: str | None = None

    @classmethod
    def of(cls, value: Any, note: str | None = None, quote: str | None = None) -> Parsed:
        """A parsed value."""
        return cls(value=value, ok=True, note=note, quote=quote)

    @classmethod
    def ask(cls, problem: str) -> Parsed:
        """Not understood: ``problem`` says what to clarify."""
        return cls(problem=problem)


def is_unknown(text: str) -> bool:
    """The user says they do not know."""
    return bool(_UNKNOWN.search(text))


def _hits(pattern: str | None, text: str) -> bool:
    if not pattern:
        return False
    return any(not negated_before(text, m.start()) for m in words_re(pattern).finditer(text))


def parse_yes_no(text: str, yes: str | None = None, no: str | None = None) -> Parsed:
    """Yes or no, from a leading yes/no word (EN/DE/FR) or the fact's own words."""
    if is_unknown(text):
        return Parsed(unknown=True)
    lead_yes, lead_no = bool(_YES.search(text)), bool(_NO.search(text))
    word_yes, word_no = _hits(yes, text), _hits(no, text)
    says_yes = lead_yes or (word_yes and not lead_no)
    says_no = lead_no or (word_no and not lead_yes)
    if _BOTH.search(text):
        says_yes = says_no = True
    if says_yes and not says_no:
        return Parsed.of(True)
    if says_no and not says_yes:
        return Parsed.of(False)
    if says_yes and says_no:
        return Parsed.ask("The answer seems to say both yes and no.")
    return Parsed.ask("Please answer yes or no (you can add details after).")


def parse_date(text: str) -> Parsed:
    """A date; a month or season is accepted unless it straddles a legal boundary."""
    if is_unknown(text):
        return Parsed(unknown=True)
    mentions = [m for m in find_dates(text) if m.span is not None]
    if not mentions:
        vague = find_dates(text)
        why = vague[0].problem if vague else None
        hint = "Please give a date such as 15 March 2027 or March 2027"
        return Parsed.ask(f"{hint} ({why})." if why else f"{hint}.")
    if len({(m.span.start, m.span.end) for m in mentions if m.span}) > 1:
        return Parsed.ask("The answer gives more than one date; which one is meant?")
    mention = mentions[0]
    assert mention.span is not None
    day, note = representative_day(mention.span)
    if day is None:
        return Parsed.ask(f"Could you give the exact day? {note[0].upper()}{note[1:]}." if note
                          else "Could you give the exact day?")  # fmt: skip
    return Parsed.of(day, note=note, quote=mention.text)


def parse_amount(text: str) -> Parsed:
    """An amount in euros ("about 1,200 EUR", "1.200 €", "10k")."""
    if is_unknown(text):
        return Parsed(unknown=True)
    found = find_amounts(text)
    if not found:
        bare = re.search(r"\d[\d.,' ]*\d|\d", text)
        k = re.search(r"\d\s*(k|thousand|tausend|mille)\b", text, re.IGNORECASE)
        value = parse_number(bare.group(0)) if bare else None
        if value is None:
            return Parsed.ask("Please give an amount in euros, e.g. 1,200 EUR.")
        return Parsed.of(value * (1000 if k else 1), quote=bare.group(0) if bare else None)
    if len({round(v) for v, _, _ in found}) > 1:
        return Parsed.ask("The answer gives several amounts; what is the total in euros?")
    value, start, end = found[0]
    return Parsed.of(value, quote=text[start:end])


def parse_country(text: str) -> Parsed:
    """An EU member state from a country or city name or an ISO code (the first one named)."""
    if is_unknown(text):
        return Parsed(unknown=True)
    folded = text.casefold()
    hits: list[tuple[int, str]] = []
    for name, code in {**COUNTRIES, **EU_CITIES}.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", folded):
            hits.append((m.start(), code))
    for m in _ISO.finditer(text):
        if m.group(1) in _EU_CODES:
            hits.append((m.start(), m.group(1)))
    if not hits:
        return Parsed.ask("Which EU country was it (for example Germany or France)?")
    hits.sort()
    return Parsed.of(hits[0][1])


def parse_options(
    text: str, words: dict[str, str], *, multi: bool, allow_none: bool = False
) -> Parsed:
    """The options whose words the answer uses (outside negation), or an option's number."""
    if is_unknown(text):
        return Parsed(unknown=True)
    values = list(words)
    number = re.fullmatch(r"\s*(\d{1,2})\s*[.)]?\s*", text)
    if number and 1 <= int(number.group(1)) <= len(values):
        choice = values[int(number.group(1)) - 1]
        return Parsed.of([choice] if multi else choice)
    exact = [
        v for v in values if len(v) >= 4 and re.search(rf"\b{re.escape(v)}\b", text, re.IGNORECASE)
    ]
    found = exact or [v for v in values if v != "none" and _hits(words[v], text)]
    if "none" in words and not found and _hits(words["none"], text):
        found = ["none"]
    if not found:
        if allow_none and _NONE.match(text):
            return Parsed.of([])
        return Parsed.ask("Which of these fits best?")
    if multi:
        return Parsed.of(list(dict.fromkeys(found)))
    if len(found) > 1:
        return Parsed.ask("The answer fits more than one option; which one is it?")
    return Parsed.of(found[0])
