"""Facts about one actor stated in a sentence of their own: a seller asked to name the
manufacturer (PLD_2024 Art 8(3)), a company with no establishment in the EU (Art 8(1)(c))."""

from __future__ import annotations

from assistant.chain.extract.candidates import FactCandidate
from assistant.chain.extract.mentions import ActorRecord
from assistant.chain.extract.text import Sentence, words_re

__all__ = ["identification_request", "outside_eu"]

_NO_EU = words_re(
    r"\b(?:(?:has|have|with) no (?:eu|european) (?:office|establishment|subsidiary|branch|"
    r"presence|entity)|no (?:office|establishment|subsidiary|branch|presence) in the (?:eu|"
    r"european union)|(?:is|are) not established in the (?:eu|european union)|based outside "
    r"the (?:eu|european union)|keine niederlassung in der eu|pas d'établissement dans l'ue)\b"
)


def outside_eu(usable: list[Sentence], records: list[ActorRecord]) -> list[FactCandidate]:
    """A company said to have no EU establishment (PLD_2024 Art 8(1)(c), A10)."""
    out: list[FactCandidate] = []
    for s in usable:
        m = _NO_EU.search(s.text)
        if m is None:
            continue
        before = [r for r in records if r.kind == "company" and any(
            a in s.text[: m.start()] for a in {r.name, *r.aliases})]  # fmt: skip
        if before:
            last = max(before, key=lambda r: max(s.text.rfind(a, 0, m.start())
                                                 for a in {r.name, *r.aliases}))  # fmt: skip
            out.append(FactCandidate("established_in_eu", False, s.text, actor=last.name))
    return out


_ASKED_WHO = words_re(
    r"\b(?:asked|requested|wrote to|demanded)\b[^.;]{0,80}?\b(?:manufacturer|producer|maker|"
    r"supplier|hersteller|lieferant|fabricant|fournisseur)\b"
)
_NO_ANSWER = words_re(
    r"\b(?:no (?:answer|reply|response)|(?:did|has|have) not (?:answer|reply|respond)\w*|"
    r"never (?:answered|replied|responded)|ignored (?:it|the request|us|me)|keine antwort|"
    r"pas de réponse|sans réponse)\b"
)
_MONTH_PASSED = words_re(
    r"\b(?:(?:more than|over|after) (?:a|one|1) month|(?:five|six|seven|eight|\d) weeks|"
    r"(?:two|three|\d) months|über einen monat|plus d'un mois)\b"
)
_ANSWERED = words_re(r"\b(?:answered|replied|named|told (?:me|us) (?:that|who))\b")


def identification_request(
    usable: list[Sentence], records: list[ActorRecord]
) -> list[FactCandidate]:
    """PLD_2024 Art 8(3): the injured person asked the seller to name the manufacturer or its
    supplier; answered, pending, or unanswered after a month."""
    for i, s in enumerate(usable):
        m = _ASKED_WHO.search(s.text)
        if m is None:
            continue
        asked = next((r.name for r in records if r.kind == "company" and any(
            a in s.text[: m.end()] for a in {r.name, *r.aliases})), None)  # fmt: skip
        if asked is None:
            continue
        window = " ".join(x.text for x in usable[i : i + 2])
        if _NO_ANSWER.search(window):
            value = "failed_after_1_month" if _MONTH_PASSED.search(window) else "pending"
        elif _ANSWERED.search(window):
            value = "answered"
        else:
            value = "pending"
        return [FactCandidate("identification_request", value, s.text, actor=asked)]
    return []
