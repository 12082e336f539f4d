"""Answers that set several facts at once: a change after release (Q_MODIFICATION: whether,
when, how substantial, with whose permission, by whom) and contracts (Q_CONTRACT: parties and
clauses)."""

from __future__ import annotations

import re
from typing import Any

from langchain_core.language_models import BaseChatModel

from assistant.chain.extract.amounts import find_amounts
from assistant.chain.extract.merge import same_actor
from assistant.chain.extract.text import negated_before, words_re
from assistant.chain.interview.parse import is_unknown, parse_date, parse_yes_no
from assistant.chain.interview.questions import PhrasedQuestion
from assistant.chain.interview.result import AnswerResult
from assistant.facts import CLAIMANT_PARTY, Case, Contract, Provenance, set_fact

__all__ = ["parse_contracts", "parse_modification"]

_CHANGED = r"\b(?:fine-?tun\w*|re-?train\w*|changed|modified|adapted|new (?:functions?|purpose)|" \
    r"nachtrainiert\w*|geändert|angepasst|modifié\w*)\b"  # fmt: skip
_NOT_AUTHORISED = words_re(
    r"\b(?:without (?:the )?(?:\w+ )?(?:permission|consent|approval|authori[sz]ation)|"
    r"not (?:authori[sz]ed|approved|allowed)|unauthori[sz]ed|never (?:authori[sz]ed|approved)|"
    r"ohne (?:zustimmung|genehmigung|erlaubnis)|sans (?:autorisation|accord))\b"
)
_AUTHORISED = words_re(
    r"\b(?:with (?:the )?(?:\w+ )?(?:permission|consent|approval|authori[sz]ation)|"
    r"authori[sz]ed|approved|agreed|mit (?:zustimmung|genehmigung)|avec (?:l')?accord)\b"
)
_SUBSTANTIAL = words_re(r"\b(?:substantial(?:ly)?|significant(?:ly)?|major|wesentlich\w*)\b")
_MINOR = words_re(r"\b(?:minor|small|cosmetic|slight|geringfügig\w*|mineur\w*)\b")
_NO_CONTRACT = words_re(
    r"^\W*(?:no(?:ne)?|nothing|no contracts?|there (?:is|are) no contracts?|keine?n? "
    r"(?:verträge?|vertrag)|keine|aucun(?: contrat)?)\b"
)
_CLAIMANT = words_re(
    r"\b(?:me|us|I|we|the (?:injured|victim|customer|user|claimant)|my|our|mir|uns|ich|wir|"
    r"le client|moi|nous)\b",
    flags=0,
)
_FLAGS: dict[str, str] = {
    "limitation_clause": r"\b(?:cap\w*|limit\w*|exclud\w*|exclusion|haftungsbeschränkung|"
    r"haftungsausschluss|begrenz\w*|plafond|limitation)\b",
    "indemnity": r"\b(?:indemnit\w*|indemnif\w*|hold harmless|freistellung\w*|"
    r"garantie d'indemnisation)\b",
    "sla": r"\b(?:sla|service level)\b",
    "audit_rights": r"\b(?:audit\w*|prüfrecht\w*)\b",
    "art25_4_agreement": r"\b(?:article 25\(4\)|art\.? 25\(4\))\b",
}
_KINDS = {
    "terms of use": r"\b(?:terms (?:of (?:use|service))?|t&cs?|agb|conditions générales)\b",
    "licence": r"\b(?:licen[cs]e\w*|lizenz\w*)\b",
    "SaaS": r"\b(?:saas|subscription|abonnement|abo)\b",
    "sale": r"\b(?:sale|purchase|bought|kaufvertrag|vente)\b",
    "supply": r"\b(?:supply|data (?:supply|delivery)|liefervertrag)\b",
}


def _done(case: Case, changed: list[str], understood: str) -> AnswerResult:
    return AnswerResult(case=case, changed=changed, understood=understood, parsed_by="rules")


def parse_modification(
    case: Case, question: PhrasedQuestion, text: str, model: BaseChatModel | None
) -> AnswerResult:
    """Was the AI changed after release; when; how substantially; with permission; by whom."""
    if is_unknown(text):
        return AnswerResult(case=case, unknown=True,
                            understood="Noted that this is not known; the analysis keeps it open.")  # fmt: skip
    said = parse_yes_no(text, yes=_CHANGED)
    if not said.ok:
        return AnswerResult(case=case, clarification="Was the AI changed after its release "
                            "(yes or no)? If yes, when, and with the original maker's permission?")  # fmt: skip
    user = Provenance.user()
    if said.value is False:
        case = set_fact(case, "modification.occurred", False, user)
        case = set_fact(case, "modification.substantial", False, user)
        return _done(case, ["modification.occurred", "modification.substantial"],
                     "Understood: the AI was not changed after its release.")  # fmt: skip
    changed = ["modification.occurred"]
    case = set_fact(case, "modification.occurred", True, user)
    parts = ["Understood: the AI was changed after its release"]
    when = parse_date(text)
    if when.ok:
        case = set_fact(case, "modification.date", when.value, user)
        changed.append("modification.date")
        parts.append(f"on or from {when.value.day} {when.value:%B %Y}")
    if _NOT_AUTHORISED.search(text):
        case = set_fact(case, "modification.authorised_by_manufacturer", False, user)
        changed.append("modification.authorised_by_manufacturer")
        parts.append("without the original maker's permission")
    elif _AUTHORISED.search(text):
        case = set_fact(case, "modification.authorised_by_manufacturer", True, user)
        changed.append("modification.authorised_by_manufacturer")
        parts.append("with the original maker's permission")
    substantial = _SUBSTANTIAL.search(text)
    if substantial and not negated_before(text, substantial.start()):
        case = set_fact(case, "modification.substantial", True, user)
        changed.append("modification.substantial")
        parts.append("substantially")
    elif _MINOR.search(text) or (substantial and negated_before(text, substantial.start())):
        case = set_fact(case, "modification.substantial", False, user)
        changed.append("modification.substantial")
        parts.append("not substantially")
    by = next((a.name for a in case.actors if _named(a.name, text)), None)
    if by is not None:
        case = set_fact(case, "modification.by", by, user)
        changed.append("modification.by")
        parts.append(f"by {by}")
    return _done(case, changed, ", ".join(parts) + ".")


def _named(name: str, text: str) -> bool:
    """The answer names the actor (full name, or its first word of 4+ letters)."""
    if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
        return True
    first = name.split()[0]
    if len(first) >= 4 and first.casefold() not in {"your", "the"}:
        return bool(re.search(rf"(?<!\w){re.escape(first)}(?!\w)", text, re.IGNORECASE))
    return any(same_actor(name, w) for w in re.findall(r"[\w.&-]+(?: [\w.&-]+){0,3}", text))


def parse_contracts(
    case: Case, question: PhrasedQuestion, text: str, model: BaseChatModel | None
) -> AnswerResult:
    """Contracts from a free-text answer: parties (actors, "me/us" = the injured person) and
    clauses (liability cap or exclusion, indemnity, SLA, audit rights)."""
    if is_unknown(text):
        return AnswerResult(case=case, unknown=True,
                            understood="Noted that the contracts are not known.")  # fmt: skip
    user = Provenance.user()
    if _NO_CONTRACT.search(text) and not any(words_re(p).search(text) for p in _FLAGS.values()):
        case = set_fact(case, "contracts", [], user)
        return _done(case, ["contracts"], "Understood: there are no relevant contracts.")
    parties = [a.name for a in case.actors if _named(a.name, text)]
    if _CLAIMANT.search(text) and CLAIMANT_PARTY not in parties:
        parties.append(CLAIMANT_PARTY)
    values: dict[str, Any] = {
        flag: True
        for flag, pattern in _FLAGS.items()
        if any(not negated_before(text, m.start()) for m in words_re(pattern).finditer(text))
    }
    kind = next((k for k, p in _KINDS.items() if words_re(p).search(text)), None)
    if kind:
        values["kind"] = kind
    amounts = find_amounts(text)
    if values.get("limitation_clause") and len(amounts) == 1:
        values["liability_cap_eur"] = amounts[0][0]
    if len(parties) < 2 or (not (set(values) - {"kind"}) and not kind):
        return AnswerResult(
            case=case,
            clarification="Between whom is the contract (name the companies, or say 'me' for "
            "the injured person), and does it cap or exclude liability, promise an indemnity, "
            "an SLA or audit rights?",
        )
    contract = Contract(parties=parties[:6], **values)
    index = len(case.contracts or ())
    case = set_fact(case, f"contracts[{index}]", contract, user)
    clauses = [k.replace("_", " ") for k in values if k not in {"kind", "liability_cap_eur"}]
    what = f"{kind} " if kind else ""
    with_clauses = f" with {', '.join(clauses)}" if clauses else ""
    return _done(case, [f"contracts[{index}]"],
                 f"Understood: a {what}contract between {' and '.join(parties)}{with_clauses}.")  # fmt: skip
