"""Regular expressions of the reference resolver: article, recital, annex references in
English, German and French, and the words that link a reference to its act (pure data)."""

from __future__ import annotations

import re

from assistant.vocabulary import ActCode

__all__ = [
    "ANNEX_RE",
    "ARTICLE_RE",
    "CANONICAL_RE",
    "CONNECT_AFTER",
    "FOREIGN_RE",
    "LATIN",
    "NUM",
    "ORD",
    "ORDINALS",
    "RECITAL_RE",
    "SECTION_RE",
    "SEG",
    "SUBPARA_RE",
    "TAIL",
    "TOKEN_RE",
]

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
    "erster": 1, "ersten": 1, "zweiter": 2, "zweiten": 2, "dritter": 3, "dritten": 3,
    "vierter": 4, "vierten": 4, "fünfter": 5, "fünften": 5,
    "premier": 1, "première": 1, "deuxième": 2, "seconde": 2, "troisième": 3,
    "quatrième": 4, "cinquième": 5,
}  # fmt: skip
LATIN = {"bis": "a", "ter": "b", "quater": "c", "quinquies": "d"}
ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
SEG = r"[0-9]{1,3}[a-z]?|[a-z]{1,4}"

NUM = r"(?P<num>\d{1,3})(?:\s?(?P<suf>[a-z])(?![a-zA-Z])|\s(?P<latin>bis|ter|quater)\b)?"
TAIL = (
    r"(?P<tail>(?:"
    rf"\s?\(\s?(?:{SEG})\s?\)"
    r"|,?\s*(?:paragraphs?|para\.?|Absatz|Abs\.|Abs|paragraphe|§)\s*\d{1,2}(?:\s?[a-z](?![a-zA-Z]))?"
    rf"|,?\s*(?:(?:{ORD})\s+(?:subparagraph|Unterabsatz|alinéa)|(?:subparagraph|Unterabsatz|UAbs\.?|alinéa)\s*\d)"
    rf"|,?\s*(?:points?|pt\.?|lit\.?|litera|Buchst\.?|Buchstabe|Nr\.?|Nummer|Ziffer|Ziff\.?)\s*\(?(?:{SEG})\)?"
    r"|,?\s*(?:Satz|S\.)\s*\d{1,2}"
    r")*)"
)
ARTICLE_RE = re.compile(
    r"(?P<pre>(?:(?:points?|point)\s*\(?(?P<pre_point>[0-9]{1,3}|[a-z]{1,4})\)?"
    r"|(?:paragraph|Absatz|paragraphe)\s*(?P<pre_para>\d{1,2}[a-z]?)"
    rf"|(?P<pre_sub>{ORD})\s+(?:subparagraph|Unterabsatz|alinéa))"
    r",?\s+(?:of|in|von|de|du)\s+(?:the\s+)?)?"
    r"(?<![\w-])(?<!the )(?P<word>Articles?|Arts?\.|Artt\.|Art|Artikel[ns]?|articles?|art\.)\s*"
    + NUM
    + TAIL
    + r"(?P<more>(?:\s*(?:,|and|und|et|or|oder|ou|to|bis|à|-|–)\s*\d{1,3}[a-z]?(?![\d/]))*)"
)
RECITAL_RE = re.compile(
    r"(?<![\w-])(?:recitals?|Recitals?|Erwägungsgr(?:und|ünde)s?|ErwG\.?|Erwgr\.?|"
    r"considérants?|Considérants?)\s*\(?(?P<num>\d{1,3})\)?"
)
ANNEX_RE = re.compile(
    r"(?<![\w-])(?:Annex|annex|ANNEX|Anhang|Anh\.|annexe|Annexe)\s+(?P<roman>[IVXLC]+)(?![\w])"
    r"(?P<tail>(?:"
    r",?\s*(?:Part|Teil|partie|Partie)\s+(?P<part>[IVX]+)"
    r"|,?\s*(?:Section|Abschnitt|section)\s+(?P<section>[A-Z])(?![\w])"
    rf"|\s?\(\s?(?:{SEG})\s?\)"
    rf"|,?\s*(?:points?|Nr\.?|Nummer|Ziffer|pt\.?)\s*\(?(?:{SEG})\)?"
    r"|,?\s*(?:lit\.?|Buchst\.?|Buchstabe)\s*\(?[a-z]{1,3}\)?"
    r")*)"
)
SECTION_RE = re.compile(r"§\s?(?P<sec>\d{1,2}(?:\.\d{1,2}){0,3})")
CANONICAL_RE = re.compile(
    r"\b(?:"
    + "|".join(
        sorted((a.value for a in ActCode if a is not ActCode.NATIONAL), key=len, reverse=True)
    )
    + r")(?:@\d{4}-\d{2}-\d{2})?"
    r"(?: (?:Art \d{1,3}[a-z]?(?:\((?:\d{1,3}[a-z]?|[a-z]{1,5})\))*(?: subparagraph \d+)?"
    r"|Annex [IVXLC]+(?: Part [IVXLC]+| Section [A-Z])?(?: point \d{1,3}[a-z]?(?:\((?:\d{1,3}[a-z]?|[a-z]{1,5})\))*)?"
    r"|Recital \d+|§\d+(?:\.\d+)*))"
)
CONNECT_AFTER = re.compile(
    r"\s*,?\s*(?:(?:of|in|under|from|to|der|des|dem|im|in der|zur|zu|de la|de l['’]|du|des|de|"
    r"d['’]|à la|au)\s+)?"
    r"(?:(?:the|this|la|le|l['’])\s+)?"
)
FOREIGN_RE = re.compile(
    r"(?:TFEU|TEU|AEUV|EUV|TFUE|TUE|Charter|Charta|Treaty|BGB|ProdHaftG|HGB|StGB|UWG|"
    r"Code civil|code civil|Grundgesetz|GG)(?![\w])"
    r"|(?:Regulation|Directive|Verordnung|Richtlinie|règlement|directive|Decision|Beschluss)"
    r"\s*(?:\((?:EU|UE|EC|EG|CE|EEC)\)\s*)?(?:No\.?\s*|Nr\.?\s*)?\d{2,4}/\d{1,4}"
)
SUBPARA_RE = re.compile(
    rf"(?:(?P<ord>{ORD})\s+(?:subparagraph|Unterabsatz|alinéa)|(?:subparagraph|Unterabsatz|UAbs\.?|alinéa)\s*(?P<n>\d))",
    re.I,
)
TOKEN_RE = re.compile(
    r"\(\s?(?P<paren>[0-9]{1,3}[a-z]?|[a-z]{1,4})\s?\)"
    r"|(?<![\w.])(?:"
    r"(?:paragraphs?|para\.?|Absatz|Abs\.|Abs|paragraphe|§)\s*(?P<para>\d{1,2}(?:\s?[a-z](?![a-zA-Z]))?)"
    r"|(?:points?|pt\.?|lit\.?|litera|Buchst\.?|Buchstabe|Nr\.?|Nummer|Ziffer|Ziff\.?)\s*\(?(?P<point>[0-9]{1,3}[a-z]?|[a-z]{1,4})\)?"
    r"|(?:Part|Teil|partie|Partie)\s+(?P<part>[IVX]+)"
    r"|(?:Section|Abschnitt|section)\s+(?P<section>[A-Z])"
    r")"
)
