"""Free-form legal references (EN/DE/FR) -> canonical citation IDs, or a reasoned "not found".

"Art. 8(2) PLD", "Article 25 of the AI Act", "Annex III(4)", "Art. 82 DSGVO", "article 6 RGPD",
"Art. 6 Abs. 1 lit. a DSGVO", "point (a) of Article 8(1) PLD", "recital 12", "KI-Verordnung".
The act comes from the words next to the reference, else from the only act the text names,
else from ``default_act``; a reference whose act is unknown, ambiguous or outside the corpus is
reported as not found with the reason — the resolver never guesses. Pure (no I/O); pass a
``corpus`` to check that the provision exists in the fetched texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.corpus.aliases import ACT_NAME_RE, OUTLINES, act_for_name, act_for_number
from assistant.corpus.ref_patterns import (
    ANNEX_RE,
    ARTICLE_RE,
    CANONICAL_RE,
    CONNECT_AFTER,
    FOREIGN_RE,
    LATIN,
    ORDINALS,
    RECITAL_RE,
    SECTION_RE,
    SUBPARA_RE,
    TOKEN_RE,
)
from assistant.vocabulary import ActCode, InvalidCitationId, ProvisionId, roman_to_int

if TYPE_CHECKING:
    from assistant.corpus.corpus import Corpus

__all__ = ["ResolvedRef", "find_references", "resolve_reference"]


@dataclass(frozen=True, slots=True)
class ResolvedRef:
    """One reference found in text: canonical ``id`` when found, else the ``reason``."""

    text: str
    start: int
    end: int
    id: str | None
    act: ActCode | None = None
    reason: str | None = None
    act_source: str | None = None  # "explicit" | "context" | "default"

    @property
    def found(self) -> bool:
        """True if the reference resolved to a canonical ID."""
        return self.id is not None

    @property
    def span(self) -> tuple[int, int]:
        """(start, end) of the matched text."""
        return self.start, self.end


def _act_at(text: str, pos: int) -> tuple[ActCode | None, int, str | None]:
    """Act named right after ``pos`` ("... of the AI Act"): (act, end, foreign-name)."""
    lead = CONNECT_AFTER.match(text, pos)
    at = lead.end() if lead else pos
    m = ACT_NAME_RE.match(text, at)
    if m:
        act = _act_of_match(m)
        if act is not None:
            return act, m.end(), None
        return None, m.end(), m.group(0)
    foreign = FOREIGN_RE.match(text, at)
    if foreign:
        return None, foreign.end(), foreign.group(0)
    return None, pos, None


def _act_of_match(m: re.Match[str]) -> ActCode | None:
    if m.group("num"):
        return act_for_number(m.group("num"))
    if m.group("com"):
        return act_for_number(f"{m.group('com')}/{m.group('comno')}")
    return act_for_name(m.group(0))


def _act_before(text: str, start: int) -> ActCode | None:
    """Act named right before ``start`` ("PLD Art. 10", "DSGVO Art. 82")."""
    window = text[max(0, start - 80) : start]
    last = None
    for m in ACT_NAME_RE.finditer(window):
        last = m
    if last is None or window[last.end() :].strip(" ,:") != "":
        return None
    return _act_of_match(last)


def _mentioned_acts(text: str) -> set[ActCode]:
    acts: set[ActCode] = set()
    for m in ACT_NAME_RE.finditer(text):
        act = _act_of_match(m)
        if act is not None:
            acts.add(act)
    return acts


def _norm_seg(seg: str) -> str:
    return seg.replace(" ", "")


def _article_id(m: re.Match[str], act: ActCode) -> tuple[str | None, str | None]:
    """Canonical article ID from a match, or (None, reason)."""
    number = m.group("num") + (m.group("suf") or "") + LATIN.get(m.group("latin") or "", "")
    segs: list[str] = []
    subparagraph: int | None = None
    tail = m.group("tail") or ""
    for tok in TOKEN_RE.finditer(tail):
        if tok.group("paren"):
            segs.append(tok.group("paren"))
        elif tok.group("para"):
            segs.append(_norm_seg(tok.group("para")))
        elif tok.group("point"):
            segs.append(tok.group("point"))
    sub = SUBPARA_RE.search(tail)
    if sub:
        subparagraph = (
            ORDINALS[sub.group("ord").lower()] if sub.group("ord") else int(sub.group("n"))
        )
    if m.group("pre_para"):
        segs = [m.group("pre_para"), *segs]
    if m.group("pre_point"):
        segs.append(m.group("pre_point"))
    if m.group("pre_sub"):
        subparagraph = ORDINALS[m.group("pre_sub").lower()]
    if subparagraph == 1:
        subparagraph = None  # the first subparagraph is cited as the paragraph itself
    if subparagraph is not None and len(segs) > 1:
        subparagraph = None  # "(1), second subparagraph, point (a)" is cited as 1(a)
    ident = f"{act.value} Art {number}" + "".join(f"({s})" for s in segs)
    if subparagraph is not None:
        ident += f" subparagraph {subparagraph}"
    outline = OUTLINES.get(act)
    if outline is not None and not outline.has_article(number):
        return None, f"{act.value} has no Article {number} ({outline.describe()})"
    return ident, None


def _annex_id(m: re.Match[str], act: ActCode) -> tuple[str | None, str | None]:
    roman = m.group("roman")
    try:
        value = roman_to_int(roman)
    except ValueError:
        return None, f"'{roman}' is not a roman numeral"
    outline = OUTLINES.get(act)
    if outline is not None and not 1 <= value <= outline.annexes:
        return None, f"{act.value} has no Annex {roman} ({outline.describe()})"
    part = section = None
    segs: list[str] = []
    for tok in TOKEN_RE.finditer(m.group("tail") or ""):
        if tok.group("part"):
            part = tok.group("part")
        elif tok.group("section"):
            section = tok.group("section")
        elif tok.group("paren") or tok.group("point"):
            segs.append(tok.group("paren") or tok.group("point"))
    lit = re.search(r"(?:lit\.?|Buchst\.?|Buchstabe)\s*\(?([a-z]{1,3})\)?", m.group("tail") or "")
    if lit and lit.group(1) not in segs:
        segs.append(lit.group(1))
    ident = f"{act.value} Annex {roman}"
    if part:
        ident += f" Part {part}"
    elif section:
        ident += f" Section {section}"
    if segs:
        if not segs[0][0].isdigit():
            return None, "an annex point is cited by number first (Annex III point 4(a))"
        ident += f" point {segs[0]}" + "".join(f"({s})" for s in segs[1:])
    return ident, None


def _check(ident: str, corpus: Corpus | None) -> str | None:
    try:
        ProvisionId.parse(ident)
    except InvalidCitationId:
        return f"'{ident}' does not follow the citation grammar"
    if corpus is not None:
        pid = ProvisionId.parse(ident)
        if corpus.has_full_text(pid.act) and not corpus.resolves(pid):
            for version in corpus.versions(pid.act):
                if corpus.resolves(pid.with_version(version)):
                    return (
                        f"{ident} is not in the version in force; it exists in "
                        f"{pid.with_version(version).format()}"
                    )
            return f"{ident} does not exist in the fetched text"
    return None


def _choose_act(
    text: str,
    start: int,
    end: int,
    default_act: ActCode | None,
    mentioned: set[ActCode],
) -> tuple[ActCode | None, int, str | None, str | None]:
    """(act, new end, how it was found, reason if none)."""
    act, act_end, foreign = _act_at(text, end)
    if act is not None:
        return act, act_end, "explicit", None
    if foreign is not None:
        return None, act_end, None, f"refers to {foreign}, which is not in the corpus"
    before = _act_before(text, start)
    if before is not None:
        return before, end, "explicit", None
    if len(mentioned) == 1:
        return next(iter(mentioned)), end, "context", None
    if default_act is not None:
        return default_act, end, "default", None
    if mentioned:
        names = ", ".join(sorted(a.value for a in mentioned))
        return None, end, None, f"ambiguous: the text names several acts ({names})"
    return None, end, None, "no act named (say which act, e.g. 'Art. 8 PLD')"


_PLURAL_WORDS = frozenset({"Articles", "articles", "Arts.", "Artt."})


def _expand_more(m: re.Match[str], act_follows: bool) -> list[str]:
    """Further article numbers of a list ("Articles 9 and 10", "Art. 14 bis 17 PLD").

    Only for a plural word, or when an act name follows the list: "Art. 82 DSGVO and 15 days"
    must not become Article 15.
    """
    more = m.group("more") or ""
    if not more.strip() or not (m.group("word") in _PLURAL_WORDS or act_follows):
        return []
    numbers = re.findall(r"\d{1,3}[a-z]?", more)
    if re.search(r"\b(to|bis|à)\b|[-–]", more) and len(numbers) == 1:
        first, last = int(m.group("num")), int(re.sub(r"\D", "", numbers[0]))
        if first < last <= first + 10:
            return [str(n) for n in range(first + 1, last + 1)]
    return numbers


def find_references(
    text: str, *, default_act: ActCode | None = None, corpus: Corpus | None = None
) -> list[ResolvedRef]:
    """Every legal reference in ``text`` (canonical IDs and free-form), in order."""
    out: list[ResolvedRef] = []
    taken: list[tuple[int, int]] = []
    mentioned = _mentioned_acts(text)
    ident: str | None
    why: str | None

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in CANONICAL_RE.finditer(text):
        ident = m.group(0)
        reason = _check(ident, corpus)
        out.append(ResolvedRef(ident, m.start(), m.end(), None if reason else ident,
                               ProvisionId.parse(ident).act if not reason else None, reason,
                               "explicit"))  # fmt: skip
        taken.append(m.span())
    for m in ARTICLE_RE.finditer(text):
        if not free(*m.span()):
            continue
        act, end, how, reason = _choose_act(text, m.start(), m.end(), default_act, mentioned)
        span_text = text[m.start() : end].strip()
        taken.append((m.start(), end))
        if act is None:
            out.append(ResolvedRef(span_text, m.start(), end, None, None, reason))
            continue
        ident, why = _article_id(m, act)
        why = why or (_check(ident, corpus) if ident else None)
        out.append(ResolvedRef(span_text, m.start(), end, None if why else ident, act, why, how))
        for extra in _expand_more(m, how == "explicit" and end > m.end()):
            extra_id = f"{act.value} Art {extra}"
            bad = _check(extra_id, corpus)
            if OUTLINES.get(act) and not OUTLINES[act].has_article(extra):
                bad = f"{act.value} has no Article {extra}"
            out.append(
                ResolvedRef(span_text, m.start(), end, None if bad else extra_id, act, bad, how)
            )
    for m in ANNEX_RE.finditer(text):
        if not free(*m.span()):
            continue
        act, end, how, reason = _choose_act(text, m.start(), m.end(), default_act, mentioned)
        taken.append((m.start(), end))
        span_text = text[m.start() : end].strip()
        if act is None:
            out.append(ResolvedRef(span_text, m.start(), end, None, None, reason))
            continue
        ident, why = _annex_id(m, act)
        why = why or (_check(ident, corpus) if ident else None)
        out.append(ResolvedRef(span_text, m.start(), end, None if why else ident, act, why, how))
    for m in RECITAL_RE.finditer(text):
        if not free(*m.span()):
            continue
        act, end, how, reason = _choose_act(text, m.start(), m.end(), default_act, mentioned)
        taken.append((m.start(), end))
        span_text = text[m.start() : end].strip()
        if act is None:
            out.append(ResolvedRef(span_text, m.start(), end, None, None, reason))
            continue
        n = int(m.group("num"))
        outline = OUTLINES.get(act)
        if outline is not None and not 1 <= n <= outline.recitals:
            why = f"{act.value} has no recital {n} ({outline.describe()})"
            out.append(ResolvedRef(span_text, m.start(), end, None, act, why, how))
            continue
        ident = f"{act.value} Recital {n}"
        why = _check(ident, corpus)
        out.append(ResolvedRef(span_text, m.start(), end, None if why else ident, act, why, how))
    for m in SECTION_RE.finditer(text):
        if not free(*m.span()):
            continue
        act, end, how, _ = _choose_act(text, m.start(), m.end(), None, mentioned)
        if act not in (ActCode.MOZILLA_REPORT, ActCode.MOZILLA_POST):
            continue  # "§ 823 BGB" is national law, not ours
        taken.append((m.start(), end))
        ident = f"{act.value} §{m.group('sec')}"
        why = _check(ident, corpus)
        out.append(ResolvedRef(text[m.start() : end].strip(), m.start(), end,
                               None if why else ident, act, why, how))  # fmt: skip
    for m in ACT_NAME_RE.finditer(text):
        if not free(*m.span()):
            continue
        act = _act_of_match(m)
        if act is None:
            continue  # an official number of an act we do not hold: not a reference to us
        out.append(ResolvedRef(m.group(0), m.start(), m.end(), act.value, act, None, "explicit"))
    return sorted(out, key=lambda r: r.start)


def resolve_reference(
    text: str, *, default_act: ActCode | None = None, corpus: Corpus | None = None
) -> list[ResolvedRef]:
    """Resolve one free-form reference (or a short phrase holding some).

    Always returns at least one item: when nothing that looks like a reference is found, a
    single not-found item says so.
    """
    refs = find_references(text, default_act=default_act, corpus=corpus)
    if refs:
        return refs
    return [
        ResolvedRef(
            text.strip(),
            0,
            len(text),
            None,
            None,
            "no legal reference recognised (try 'Art. 8(2) PLD', 'Annex III point 4 AI Act')",
        )
    ]
