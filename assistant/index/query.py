"""Understanding a user's question before search (pure: no models, no I/O beyond the glossary).

* ``detect_language``: en / de / fr from function words and letters (questions are short; a
  model would be overkill and slower than the whole search).
* ``translate``: German and French legal terms -> the English terms of the acts, from our
  glossary (``glossary.yaml``), so an English-only embedder and English BM25 can serve them.
  Measured alternative and why it lost: see ``benchmarks/retrieval.py`` and the index README.
* ``expand``: plain-language English words -> the acts' vocabulary ("banned" -> "prohibited").
* ``find_acts``: which acts a question names ("DSGVO", "the PLD", "règlement sur l'IA").
* ``find_references``: explicit references ("Art 10 PLD", "Artikel 6 der KI-Verordnung") as
  canonical IDs, pairing each article/annex/recital number with the nearest act name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.vocabulary import ActCode, InvalidCitationId, ProvisionId, roman_to_int

__all__ = [
    "Glossary",
    "QueryAnalysis",
    "analyse",
    "detect_language",
    "fold",
    "get_glossary",
    "unknown_words",
]

_GLOSSARY_FILE = Path(__file__).with_name("glossary.yaml")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words per language: language detection counts them; they never pass as cognates.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _wordset(
        """
        the a an is are what who whom how does do did of to for and in on my our can could when
        which if it its be this that with under must have has should there any
        """
    ),
    "de": _wordset(
        """
        der die das den dem des und ist sind nicht ein eine einen einem wer wie was welche
        welcher muss mit von zu fur nach bei ich habe hat wenn dass gilt ab wann auf oder als
        zur zum sie wird werden kann durch uber ki artikel haben eines einer mussen musste darf
        durfen konnen soll sollen lassen sowohl auch noch schon nur sich mein meine meinen
        meiner meinem unser unsere unseren unserem unserer wir ihr ihre ihren ihrem diese dieser
        dieses diesen jemand etwas alle jeder jede jedes welches welchen warum gibt wurde wurden
        worden sein seine seinen seiner im vom beim aus bis gegen ohne unter zwischen vor dann
        denn sehr mehr uns mich mir er brauchen braucht setzen regelt eigentlich bitte dort hier
        selbst dabei davon dafur daruber wegen trotz obwohl weil falls ob
        """
    ),
    "fr": _wordset(
        """
        le la les des du un une est et qui que quelles quels quel quelle dans pour sur je droit
        au aux ce cette en peut sont il elle ou par avec l d s faut doit doivent qu ne pas ia
        puis peuvent dois devons devez notre nos votre vos mon ma mes leur leurs ces cet ils
        elles nous vous se sa ses si comment avoir ete etre fait faire tout tous toute toutes
        autre autres meme aussi moins tres sans sous entre chez vers depuis selon lorsque lors
        alors donc mais ni quoi dont lequel laquelle lesquels lesquelles celui celle ceux cela
        ca
        """
    ),
}
_DE_LETTERS = set("äöüß")
_FR_LETTERS = set("éèêàçùâîôëïœ")
_WORD_RE = re.compile(r"[a-z0-9][a-z0-9\-/.'’]*[a-z0-9]|[a-z0-9]")


def fold(text: str) -> str:
    """Lower case, accents removed (ä -> a, é -> e), ß -> ss, typographic quotes -> '."""
    text = text.lower().replace("ß", "ss").replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(folded: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", folded)


def detect_language(text: str) -> str:
    """``en``, ``de`` or ``fr`` (English when unsure)."""
    lowered = text.lower()
    words = _words(fold(text))
    scores = {lang: sum(1 for w in words if w in stops) for lang, stops in _STOPWORDS.items()}
    scores["de"] += 2 * sum(1 for c in lowered if c in _DE_LETTERS)
    scores["fr"] += 2 * sum(1 for c in lowered if c in _FR_LETTERS)
    # elided articles and pronouns (l', d', qu', j', c', n', s'); not the word "ai", which is
    # English "AI" far more often than French "j'ai"
    scores["fr"] += 2 * len(re.findall(r"\b(?:l|d|qu|j|c|n|s)'", fold(text)))
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    return best if scores[best] > scores["en"] else "en"


Phrase = tuple[tuple[str, ...], str]


def _table(terms: dict[str, str]) -> tuple[Phrase, ...]:
    rows = [(tuple(_words(k)), v) for k, v in terms.items()]
    rows = [(w, v) for w, v in rows if w]
    rows.sort(key=lambda row: (-len(row[0]), -len(" ".join(row[0]))))
    return tuple(rows)


@dataclass(frozen=True)
class Glossary:
    """Term maps loaded from ``glossary.yaml`` (keys folded, longest phrases first)."""

    tables: dict[str, tuple[Phrase, ...]]
    acts: dict[str, tuple[str, ...]]
    topics: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = _GLOSSARY_FILE) -> Glossary:
        """Read and fold a glossary file."""
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        tables = {
            lang: _table({fold(k): str(v) for k, v in (data.get(lang) or {}).items()})
            for lang in ("de", "fr", "en")
        }
        acts = {act: tuple(fold(a) for a in aliases) for act, aliases in data["acts"].items()}
        topics = {
            act: tuple(fold(t) for t in names) for act, names in (data.get("topics") or {}).items()
        }
        return cls(tables=tables, acts=acts, topics=topics)

    def lookup(self, text: str, lang: str, *, compounds: bool = False) -> list[str]:
        """Translations of the glossary phrases found in ``text``, in order of appearance.

        Longest phrases win; with ``compounds`` (German) a key also matches inside a word.
        """
        words = _words(fold(text))
        table = self.tables.get(lang, ())
        out: list[str] = []
        i = 0
        while i < len(words):
            for phrase, target in table:
                n = len(phrase)
                if tuple(words[i : i + n]) == phrase:
                    out.append(target)
                    i += n
                    break
            else:
                if compounds:
                    out.extend(self._compound(words[i], table))
                i += 1
        return out

    @staticmethod
    def _compound(word: str, table: tuple[Phrase, ...]) -> list[str]:
        """Glossary keys inside a German compound, longest first, not overlapping."""
        found: list[tuple[int, str]] = []
        taken = [False] * len(word)
        for phrase, target in table:
            if len(phrase) != 1 or len(phrase[0]) < 4:
                continue
            key = phrase[0]
            start = word.find(key)
            while start != -1:
                span = range(start, start + len(key))
                if not any(taken[j] for j in span):
                    for j in span:
                        taken[j] = True
                    found.append((start, target))
                    break
                start = word.find(key, start + 1)
        return [t for _, t in sorted(found)]


@lru_cache(maxsize=1)
def get_glossary() -> Glossary:
    """The packaged glossary (loaded once)."""
    return Glossary.load()


# ------------------------------------------------------------------------ acts and references

_REF_RE = re.compile(
    r"\b(?:article|artikel|art\.?)\s*(?P<art>\d{1,3}[a-z]?)\b(?P<segs>(?:\s?\([0-9a-z]{1,4}\))*)"
    r"|\b(?:annex|anhang|annexe)\s+(?P<annex>[ivxlc]+)\b"
    r"(?:\s+(?:point|nummer|nr\.?|punkt)\s+(?P<point>\d{1,2}[a-z]?)"
    r"(?P<psegs>(?:\([0-9a-z]{1,4}\))*))?"
    r"|\b(?:recital|erwagungsgrund|considerant)\s+(?P<recital>\d{1,3})\b"
)


def find_acts(text: str, glossary: Glossary | None = None) -> list[tuple[str, int, int]]:
    """(act code, start, end) of act names in the folded text, longest names first."""
    glossary = glossary or get_glossary()
    folded = fold(text)
    hits: list[tuple[str, int, int]] = []
    taken = [False] * len(folded)
    aliases = sorted(
        ((alias, act) for act, names in glossary.acts.items() for alias in names),
        key=lambda item: -len(item[0]),
    )
    for alias, act in aliases:
        pattern = re.compile(rf"(?<![a-z0-9]){re.escape(alias)}(?![a-z0-9])")
        for m in pattern.finditer(folded):
            if any(taken[m.start() : m.end()]):
                continue
            for j in range(m.start(), m.end()):
                taken[j] = True
            hits.append((act, m.start(), m.end()))
    return sorted(hits, key=lambda h: h[1])


def _ref_id(m: re.Match[str], act: str) -> str | None:
    try:
        if m["art"]:
            segs = "".join(f"({s})" for s in re.findall(r"\(([0-9a-z]+)\)", m["segs"] or ""))
            return ProvisionId.parse(f"{act} Art {m['art']}{segs}").format()
        if m["annex"]:
            roman = m["annex"].upper()
            roman_to_int(roman)
            out = f"{act} Annex {roman}"
            if m["point"]:
                out += f" point {m['point']}{m['psegs'] or ''}"
            return ProvisionId.parse(out).format()
        if m["recital"]:
            return ProvisionId.parse(f"{act} Recital {m['recital']}").format()
    except (InvalidCitationId, ValueError):
        return None
    return None


def find_references(
    text: str,
    glossary: Glossary | None = None,
    acts: list[tuple[str, int, int]] | None = None,
) -> list[str]:
    """Canonical IDs of provisions named in ``text`` (no version), in order."""
    folded = fold(text)
    acts = find_acts(text, glossary) if acts is None else acts
    out: list[str] = []
    for m in _REF_RE.finditer(folded):
        if not acts:
            break

        # The act named nearest to the reference, before ("GDPR Art 82") or after
        # ("Art 10 PLD", "Article 25 of the AI Act").
        def distance(hit: tuple[str, int, int], m: re.Match[str] = m) -> int:
            _, start, end = hit
            return start - m.end() if start >= m.end() else (m.start() - end) + 1

        act = min(acts, key=distance)[0]
        if act not in ActCode.__members__:
            continue
        ref = _ref_id(m, act)
        if ref and ref not in out:
            out.append(ref)
    return out


# ------------------------------------------------------------------------ the analysis

_WHY_RE = re.compile(
    r"\b(?:why|reasons?|rationale|purpose of|warum|weshalb|wieso|grund|pourquoi|raison)\b"
)


_OLD_PLD_RE = re.compile(r"\b(?:old|1985|previous|former|alte[nr]?|ancienne)\b")


def _regimes(
    text: str, mentions: list[tuple[str, int, int]], glossary: Glossary
) -> tuple[str, ...]:
    """Acts a question names or implies by topic (first mention first). "the old and the new
    product liability directive" names both product liability directives."""
    folded = fold(text)
    found: list[tuple[int, str]] = [(start, act) for act, start, _ in mentions]
    for act, names in glossary.topics.items():
        for name in names:
            pos = re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", folded)
            if pos:
                found.append((pos.start(), act))
    acts = [a for _, a in sorted(found)]
    if "PLD_2024" in acts and "PLD_1985" not in acts and _OLD_PLD_RE.search(folded):
        acts.append("PLD_1985")
    return tuple(dict.fromkeys(acts))


def unknown_words(text: str, language: str, glossary: Glossary | None = None) -> list[str]:
    """Content words of ``text`` (folded) that no glossary phrase of ``language`` uses."""
    glossary = glossary or get_glossary()
    known = {w for phrase, _ in glossary.tables.get(language, ()) for w in phrase}
    stop = _STOPWORDS.get(language, frozenset())
    return [
        w
        for w in _words(fold(text))
        if len(w) >= 4 and w not in known and w not in stop and not w.isdigit()
    ]


def _cognates(text: str, language: str, glossary: Glossary) -> list[str]:
    """Longer words the glossary does not know, kept as they are (accents folded): legal
    French and German share many with English ("information", "transparence", "digital")."""
    known = {w for phrase, _ in glossary.tables.get(language, ()) for w in phrase}
    stop = _STOPWORDS.get(language, frozenset())
    return [
        w
        for w in _words(fold(text))
        if len(w) >= 6 and w not in known and w not in stop and not w.isdigit()
    ]


@dataclass(frozen=True)
class QueryAnalysis:
    """Everything the retriever needs to know about one question."""

    text: str
    language: str
    english: str  # text for English search: original (en) or glossary translation (de/fr)
    expansion: str  # extra English terms for lexical search
    acts: tuple[str, ...]  # acts the question names
    references: tuple[str, ...]  # explicit provision references (canonical IDs)
    asks_why: bool = False  # a question about reasons: recitals state an act's reasons
    regimes: tuple[str, ...] = ()  # acts named or implied by topic, in order of mention


def analyse(text: str, glossary: Glossary | None = None) -> QueryAnalysis:
    """Language, English rendering, expansions, named acts and explicit references."""
    glossary = glossary or get_glossary()
    language = detect_language(text)
    if language == "en":
        english = text
        expansion = " ".join(glossary.lookup(text, "en"))
    else:
        terms = glossary.lookup(text, language, compounds=language == "de")
        keep = re.findall(r"\b(?:\d+[a-z]?|[IVX]+|[A-Z]{2,}\d*)\b", text)  # numbers, acronyms
        english = " ".join([*terms, *keep, *_cognates(text, language, glossary)]) or text
        expansion = " ".join(glossary.lookup(english, "en"))
    mentions = find_acts(text, glossary)
    acts = tuple(dict.fromkeys(a for a, _, _ in mentions))
    refs = tuple(find_references(text, glossary, mentions))
    asks_why = bool(_WHY_RE.search(fold(text)))
    regimes = _regimes(text if language == "en" else f"{text} {english}", mentions, glossary)
    return QueryAnalysis(
        text=text,
        language=language,
        english=english,
        expansion=expansion,
        acts=acts,
        references=refs,
        asks_why=asks_why,
        regimes=regimes,
    )
