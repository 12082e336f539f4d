"""Question texts worded for the case: the names of the parties, the product and the injured
person instead of "this actor" or "the system", and the variant of a question that fits the
facts (a decision about a person asks about human review, an attack about the breach notice).

Pure: the case in, a sentence out (``None`` keeps the catalogue's text). A lawyer's question
names what it is about; the wording never states a legal conclusion.
"""

from __future__ import annotations

import re

from assistant.facts import CLAIMANT_PARTY, AnnexIIIPoint, Case, Contract, ProductKind
from assistant.vocabulary import Harm, IncidentCause, Role

__all__ = ["phrase_question"]

_DECISIONS = {
    AnnexIIIPoint.P3A: "the admission decision",
    AnnexIIIPoint.P3B: "the grading",
    AnnexIIIPoint.P4A: "the rejection of the application",
    AnnexIIIPoint.P4B: "the decision about the worker",
    AnnexIIIPoint.P5A: "the decision on the benefits",
    AnnexIIIPoint.P5B: "the credit decision",
    AnnexIIIPoint.P5C: "the insurance decision",
    AnnexIIIPoint.P7C: "the decision on the application",
}
_KIND_NOUN = {
    ProductKind.PHYSICAL_PRODUCT: "product",
    ProductKind.STANDALONE_SOFTWARE: "software",
    ProductKind.SAAS: "service",
    ProductKind.AI_MODEL: "model",
}
_MAKERS = (Role.PROVIDER, Role.DEVELOPER, Role.FINE_TUNER, Role.INTEGRATOR)


def _product(case: Case) -> str:
    name = case.product.name or case.ai.name
    if name:
        return name if name[:1].isupper() else f"the {name}"
    return f"the AI {_KIND_NOUN.get(case.product.kind, 'system')}" if case.product.kind else (
        "the AI system"
    )  # fmt: skip


def _injured(case: Case) -> str:
    name = case.claimant.name
    if not name:
        return "the injured person"
    return name if name[:1].isupper() else name.replace("the user's ", "your ")


def _makers(case: Case) -> list[str]:
    return [a.name for a in case.actors if a.has(*_MAKERS) and not case.is_claimant(a)]


def _party(case: Case, name: str) -> str:
    """How to name a party to the user: "you" for the writer, "your mother" for a relative."""
    if name.strip().casefold() == CLAIMANT_PARTY:
        return _injured(case)
    return _to_user(name)


def _to_user(name: str) -> str:
    if name in {"the writer", "your organisation"}:
        return "you"
    return name.replace("the user's ", "your ") if name.startswith("the user's ") else name


def _contract_kind(k: Contract) -> str:
    kind = (k.kind or "contract").casefold()
    return {"sale": "purchase", "use": "contract", "customer contract": "customer contract",
            "service agreement": "service agreement"}.get(kind, kind)  # fmt: skip


def _contract(case: Case) -> str:
    makers = _makers(case)
    natural = case.claimant.type is not None and case.claimant.type.value == "natural_person"
    if case.claimant.consumer or natural:
        seller = makers[0] if makers else "the maker"
        return (
            f"Who sold or supplied {_product(case)} to {_injured(case)} — {seller} directly or "
            "a retailer — and do the terms limit or exclude liability?"
        )
    names = ", ".join(makers[:3]) or "the suppliers"
    return (
        f"What do the contracts with {names} say about liability caps or exclusions, service "
        "levels (SLA) and indemnities?"
    )


def _contract_terms(case: Case, path: str) -> str | None:
    m = re.match(r"contracts\[(\d+)\]", path)
    if m is None or not case.contracts or int(m.group(1)) >= len(case.contracts):
        return None
    k = case.contracts[int(m.group(1))]
    a, b = (_party(case, p) for p in [*k.parties, "", ""][:2])
    about = "limiting or excluding liability, service levels and indemnities"
    for name in k.parties:
        actor = case.actor(name)
        if actor is not None and actor.has(Role.DATA_PROVIDER):
            about = "the quality and security of the data, and liability for it"
        elif actor is not None and actor.has(Role.CLOUD_PROVIDER):
            about = "availability, outages and liability caps"
        elif actor is not None and actor.has(Role.GPAI_PROVIDER):
            about = "permitted uses, the documentation supplied, and liability"
    kind = "contract" if k.kind == "sale" and "you" not in (a, b) and a[:1].isupper() else (
        _contract_kind(k))  # fmt: skip
    return f"What does the {kind} between {a} and {b} say about {about}?"


def _gdpr_infringement(case: Case) -> str:
    point = case.ai.annex_iii_point
    causes = set(case.incident.causes or ())
    if point in _DECISIONS or Harm.DISCRIMINATION in case.harms():
        what = _DECISIONS.get(point, "the decision") if point else "the decision"
        users = [a.name for a in case.actors if a.has(Role.DEPLOYER, Role.OPERATOR)]
        who = f"someone at {users[0]}" if users else "a person"
        return (
            f"Did {who} review {what} about {_injured(case)} before it took effect, or did "
            f"{_product(case)} decide alone?"
        )
    if causes & {IncidentCause.CYBERATTACK} or Harm.PRIVACY in case.harms():
        return (
            "Was the personal data breach notified to the data protection authority and to the "
            "people affected, and were the data adequately secured?"
        )
    return (
        "Was there a personal data breach, a decision taken by the system alone without human "
        "review, or a use of personal data without a legal basis?"
    )


def _gdpr_role(case: Case, paths: list[str]) -> str | None:
    names = []
    for path in paths:
        m = re.match(r"actors\[(\d+)\]", path)
        if m and int(m.group(1)) < len(case.actors):
            actor = case.actors[int(m.group(1))]
            if actor.roles and set(actor.roles) <= {Role.END_USER, Role.AFFECTED_PERSON}:
                continue  # a private user does not run the processing
            names.append(_to_user(actor.name))
    if not names:
        return None
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return (
        f"Who decides why and how personal data is used in {_product(case)} — {listed} — and "
        "who only processes it on someone else's instructions?"
    )


def _processor(case: Case, actor: str | None) -> str | None:
    if actor is None:
        return None
    controllers = [a.name for a in case.actors if a.name != actor and a.has(Role.DEPLOYER,
                                                                            Role.OPERATOR)]  # fmt: skip
    whose = f"{controllers[0]}'s" if controllers else "its customer's"
    return (
        f"Did {actor} process the data only on {whose} instructions, or also for its own purposes?"
    )


def _prof_use(case: Case, path: str) -> str:
    m = re.match(r"damage\[(\d+)\]", path)
    item = None
    if m and case.damage and int(m.group(1)) < len(case.damage):
        item = case.damage[int(m.group(1))].type
    what = "the lost or deleted data" if item is Harm.DATA_LOSS else "the damaged property"
    return f"Were {what} used privately, for work, or both?"


def _modification(case: Case) -> str | None:
    mod = case.modification
    if not mod.occurred or not mod.by:
        return None
    makers = [a for a in _makers(case) if a != mod.by]
    original = makers[0] if makers else "the original maker"
    return (
        f"Did {mod.by}'s changes alter what {_product(case)} does or the risks it poses beyond "
        f"what {original} had assessed, and did {original} allow them?"
    )


def _component(case: Case, actor: str | None) -> str | None:
    if actor is None:
        return None
    return (
        f"Is it known whether the failure came from {actor}'s part (its model, data, library or "
        "service) or from elsewhere in the chain?"
    )


def _jurisdiction(case: Case) -> str:
    names = [_to_user(a.name) for a in case.actors if not a.has(Role.AFFECTED_PERSON)][:3]
    if not names:
        return "In which EU country did the harm occur, and where are the parties established?"
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    verb = "are" if len(names) > 1 or listed == "you" else "is"
    return f"In which EU country did the harm occur, and where {verb} {listed} established?"


def phrase_question(code: str, case: Case, paths: list[str], actor: str | None) -> str | None:
    """The question ``code`` (for the facts ``paths``, about ``actor``) worded for ``case``."""
    product, injured = _product(case), _injured(case)
    path = paths[0] if paths else ""
    texts: dict[str, object] = {
        "Q_CONTRACT": lambda: _contract(case),
        "Q_CONTRACT_TERMS": lambda: _contract_terms(case, path),
        "Q_GDPR_INFRINGEMENT": lambda: _gdpr_infringement(case),
        "Q_GDPR_ROLE": lambda: _gdpr_role(case, paths),
        "Q_PROCESSOR_INSTRUCTIONS": lambda: _processor(case, actor),
        "Q_PROF_USE": lambda: _prof_use(case, path),
        "Q_MODIFICATION": lambda: _modification(case),
        "Q_COMPONENT": lambda: _component(case, actor),
        "Q_MARKET_DATE": lambda: (
            f"When was {product} (the model or version involved) first sold, supplied or put "
            "into use in the EU?"
        ),
        "Q_MEDICAL": lambda: (
            f"Has {injured} been diagnosed or treated by a doctor or psychologist for the "
            "psychological harm?"
        ),
        "Q_PERSONAL_DATA": lambda: (
            f"Did {product} process personal data, such as information about {injured} or "
            "other identifiable people?"
        ),
        "Q_USE": lambda: (
            f"Was {product} used as its maker intended and as the instructions say, or differently?"
        ),
        "Q_USER_CONDUCT": lambda: (
            f"Did {injured} contribute to the harm — for example by not following the "
            "instructions, ignoring a warning, or not installing an offered update?"
        ),
        "Q_LOGS": lambda: (
            f"Is there a record of what {product} did at the time, such as logs or a ride or "
            "event log, and who holds it?"
        ),
        "Q_CLOUD_ROLE": lambda: (
            f"Does {product} need {actor}'s service to work at all, or is {actor} just generic "
            "hosting?"
            if actor
            else None
        ),
        "Q_INCIDENT_DATE": lambda: (
            f"When did {case.incident.description} happen (the date)?"
            if case.incident.description and len(case.incident.description) < 40
            else None
        ),
        "Q_TRANSPARENCY": lambda: (
            f"Does {product} talk or chat with people directly, or generate text, images, audio "
            "or video — and were people told they were dealing with an AI?"
        ),
        "Q_JURISDICTION": lambda: _jurisdiction(case),
        "Q_DEFECT_DESC": lambda: (
            f"What exactly did {product} do wrong — was it an obvious malfunction during normal "
            "use?"
        ),
    }
    make = texts.get(code)
    if make is None:
        return None
    text = make()  # type: ignore[operator]
    return text if isinstance(text, str) else None
