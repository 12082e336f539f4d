"""Money amounts as written ("about 1,200 EUR", "€18.000", "EUR 10k", "3 500 euros")."""

from __future__ import annotations

import re

__all__ = ["find_amounts", "parse_number"]

_NUM = r"\d{1,3}(?:[.,\s']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_MULT = r"k|m|mn|million|millionen|millions|thousand|tausend|mille|mio\.?"
_AMOUNT = re.compile(
    rf"(?:(?:eur|€)\s?(?P<a>{_NUM})(?:\s?(?P<am>{_MULT}))?|(?P<b>{_NUM})(?:\s?(?P<bm>{_MULT}))?"
    rf"\s?(?:eur\b|€|euros?\b))",
    re.IGNORECASE,
)
_FACTORS = {"k": 1e3, "thousand": 1e3, "tausend": 1e3, "mille": 1e3}


def parse_number(text: str) -> float | None:
    """A number written with thousands separators in any common style, or None."""
    raw = text.strip().replace("'", "").replace(" ", "").replace("\u202f", "")
    if not raw or not raw[0].isdigit():
        return None
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):  # 1,200 / 1.200 / 12.000.000
        return float(re.sub(r"[.,]", "", raw))
    m = re.fullmatch(r"(\d{1,3}(?:[.,]\d{3})*)([.,])(\d{1,2})", raw)
    if m:  # 1.200,50 / 1,200.50 / 12,5
        whole = re.sub(r"[.,]", "", m.group(1))
        return float(f"{whole}.{m.group(3)}")
    try:
        return float(raw)
    except ValueError:
        return None


def find_amounts(text: str) -> list[tuple[float, int, int]]:
    """Every euro amount in ``text``: (value in EUR, start, end)."""
    out: list[tuple[float, int, int]] = []
    for m in _AMOUNT.finditer(text):
        number = parse_number(m["a"] or m["b"] or "")
        if number is None:
            continue
        mult = (m["am"] or m["bm"] or "").lower().rstrip(".")
        factor = _FACTORS.get(mult, 1e6 if mult else 1.0)
        out.append((number * factor, m.start(), m.end()))
    return out
