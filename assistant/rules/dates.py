"""Legal dates, periods and thresholds as data (``data/legal_dates.toml``), loaded once.

Rules ask for a date by name; for the AI Act the version of the text in force at the relevant
event decides (``act_version_at``), capped at the analysis date. A provision laid down in a
version other than the one in force on the analysis date is cited with ``@version``
(``AI_ACT@2024-07-12 Art 113(2)``), so every ID resolves to the text that said it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "AnnexIEntry",
    "LegalData",
    "LegalDate",
    "legal_data",
    "tag_version",
]


@dataclass(frozen=True, slots=True)
class LegalDate:
    """One legal date of one text version, with the provisions laying it down."""

    name: str
    day: date
    provisions: tuple[str, ...]
    meaning: str
    act_version: str | None = None


@dataclass(frozen=True, slots=True)
class AnnexIEntry:
    """Where a product family sits in AI Act Annex I in one text version."""

    family: str
    label: str
    section: str
    point: str
    act_version: str
    cra_excluded: str | None
    third_party_always: str | None = None  # the sectoral route that always needs a third party


def tag_version(pid: str, text_version: str | None, asof_version: str | None) -> str:
    """``pid`` with ``@text_version`` when that text is not the one in force at ``as_of``."""
    if not text_version or text_version == asof_version or "@" in pid:
        return pid
    act, _, ref = pid.partition(" ")
    return f"{act}@{text_version} {ref}" if ref else f"{act}@{text_version}"


class LegalData:
    """The parsed data files. Use ``legal_data()`` for the shared, cached instance."""

    def __init__(self, dates_doc: dict[str, Any], annex_doc: dict[str, Any]) -> None:
        self._versions: dict[str, list[tuple[date, str]]] = {}
        for act, spec in dates_doc.get("acts", {}).items():
            pairs = [(v["in_force_from"], v["version"]) for v in spec["versions"]]
            self._versions[act] = sorted(pairs)
        self._dates: dict[tuple[str, str | None], LegalDate] = {}
        for name, spec in dates_doc.get("dates", {}).items():
            meaning = spec.get("meaning", "")
            if "versions" in spec:
                for v in spec["versions"]:
                    self._dates[(name, v["act_version"])] = LegalDate(
                        name, v["date"], tuple(v["provisions"]), meaning, v["act_version"]
                    )
            else:
                self._dates[(name, None)] = LegalDate(
                    name, spec["date"], tuple(spec["provisions"]), meaning
                )
        self._periods = {
            name: (int(spec["years"]), tuple(spec["provisions"]))
            for name, spec in dates_doc.get("periods", {}).items()
        }
        self._amounts = {
            name: (float(spec["amount"]), tuple(spec["provisions"]))
            for name, spec in dates_doc.get("amounts", {}).items()
        }
        self._annex: dict[tuple[str, str], AnnexIEntry] = {}
        for family, spec in annex_doc.get("families", {}).items():
            for v in spec["versions"]:
                self._annex[(family, v["act_version"])] = AnnexIEntry(
                    family,
                    spec["label"],
                    v["section"],
                    str(v["point"]),
                    v["act_version"],
                    spec.get("cra_excluded"),
                    spec.get("third_party_always"),
                )

    # -- versions ----------------------------------------------------------------------
    def act_version_at(self, act: str, day: date) -> str:
        """The version of ``act`` in force on ``day`` (the first version before it exists)."""
        versions = self._versions[act]
        current = versions[0][1]
        for start, version in versions:
            if start <= day:
                current = version
        return current

    def act_versions(self, act: str) -> list[str]:
        """All known versions of ``act``, oldest first."""
        return [v for _, v in self._versions.get(act, [])]

    # -- lookups -----------------------------------------------------------------------
    def date(self, name: str, version: str | None = None) -> LegalDate | None:
        """The date called ``name`` in ``version`` (None if that version has no such rule)."""
        found = self._dates.get((name, version)) or self._dates.get((name, None))
        if found is None and not any(key[0] == name for key in self._dates):
            raise KeyError(f"unknown legal date {name!r}")
        return found

    def fixed(self, name: str) -> LegalDate:
        """An unversioned date; ``KeyError`` if it is missing."""
        return self._dates[(name, None)]

    def years(self, name: str) -> tuple[int, tuple[str, ...]]:
        """A period in years and its provisions."""
        return self._periods[name]

    def amount(self, name: str) -> tuple[float, tuple[str, ...]]:
        """An amount in EUR and its provisions."""
        return self._amounts[name]

    def annex_i(self, family: str, version: str) -> AnnexIEntry | None:
        """Section and point of a product family in AI Act Annex I for ``version``."""
        return self._annex.get((family, version))

    # -- for emittable_provisions() ------------------------------------------------------
    def all_provisions(self) -> set[str]:
        """Every provision in the data files, in each form the core may print it."""
        out: set[str] = set()
        for ld in self._dates.values():
            for pid in ld.provisions:
                out.add(pid)
                if ld.act_version:
                    out.add(tag_version(pid, ld.act_version, None))
        for _, provs in list(self._periods.values()) + list(self._amounts.values()):
            out.update(provs)
        for entry in self._annex.values():
            out.update(self.annex_i_ids(entry))
            if entry.cra_excluded:
                out.add(entry.cra_excluded)
        return out

    @staticmethod
    def annex_i_ids(entry: AnnexIEntry) -> set[str]:
        """The Annex I point ID of ``entry``, plain and version-tagged."""
        pid = f"AI_ACT Annex I Section {entry.section} point {entry.point}"
        return {pid, tag_version(pid, entry.act_version, None)}


def _load(name: str) -> dict[str, Any]:
    text = resources.files("assistant.rules").joinpath("data", name).read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def legal_data() -> LegalData:
    """The legal data files, parsed once per process."""
    return LegalData(_load("legal_dates.toml"), _load("annex_i.toml"))
