"""Contract (LEGAL_RULES.md §8.3), Digital Content Directive (§7) and consumer sale of goods.

A contract counts when the actor and the injured person are both parties (the injured person is
named ``claimant`` in ``parties``, or by ``claimant.name``). Unknown contract facts make the
contract route unknown only for a business claimant (K7), for which contract is often the main
route; for consumers an unknown contract is treated as none, and the question stays open.
"""

from __future__ import annotations

from assistant.facts import (
    CLAIMANT_PARTY,
    Actor,
    AiActBreach,
    ClaimantType,
    Contract,
    ContractSubject,
    ContributoryFault,
    ProductKind,
)
from assistant.rules.context import Ctx
from assistant.rules.national import national_id
from assistant.rules.trace import Draft, Trace
from assistant.vocabulary import LiabilityOutcome, Regime, Role, ScopeStatus

__all__ = ["claimant_contracts", "contract_findings"]

_S = ScopeStatus


def claimant_contracts(ctx: Ctx, actor: Actor) -> list[Contract]:
    """Contracts between ``actor`` and the injured person."""
    names = {CLAIMANT_PARTY}
    if ctx.case.claimant.name:
        names.add(ctx.case.claimant.name.strip().casefold())
    names |= {a.name.strip().casefold() for a in ctx.case.actors if ctx.is_victim(a)}
    me = actor.name.strip().casefold()
    out = []
    for k in ctx.case.contracts or ():
        parties = {p.strip().casefold() for p in k.parties}
        if me in parties and parties & names:
            out.append(k)
    return out


def _partners(ctx: Ctx, actor: Actor) -> list[str]:
    """Other value-chain actors ``actor`` has a contract with (recourse route, step 2)."""
    me = actor.name.strip().casefold()
    out: list[str] = []
    for k in ctx.case.contracts or ():
        parties = [p for p in k.parties if p.strip().casefold() != me]
        if len(parties) < len(k.parties):
            out += [p for p in parties if ctx.case.actor(p) is not None and p not in out]
    return out


def _bystander(ctx: Ctx) -> bool:
    """The injured people are all natural persons known not to use the product (a cyclist, a
    neighbour, an applicant): no contract with them to ask about."""
    victims = [a for a in ctx.case.actors if ctx.is_victim(a)]
    return (
        bool(victims)
        and all(not a.has(Role.END_USER, Role.DEPLOYER, Role.OPERATOR) for a in victims)
        and ctx.claimant_type is ClaimantType.NATURAL_PERSON
    )


def _party_to(actor: Actor, k: Contract) -> bool:
    return actor.name.strip().casefold() in {p.strip().casefold() for p in k.parties}


def _ask_terms(ctx: Ctx, t: Trace, contracts: list[Contract], cond: str) -> None:
    """K2/K3: whether a known contract limits liability or shifts it (caps, exclusions,
    indemnities) is asked when the terms are not known; it never changes the status."""
    for k in contracts:
        index = next(i for i, x in enumerate(ctx.case.contracts or ()) if x is k)
        if k.limitation_clause is None and k.liability_cap_eur is None and k.indemnity is None:
            t.need(f"contracts[{index}].limitation_clause", cond)


def _business_claimant(ctx: Ctx) -> bool:
    return ctx.claimant_type in (ClaimantType.LEGAL_PERSON, ClaimantType.BOTH) or (
        ctx.case.claimant.consumer is False
    )


_GOODS = {ContractSubject.GOODS, ContractSubject.GOODS_WITH_DIGITAL_ELEMENTS}


def _goods(ctx: Ctx, contracts: list[Contract]) -> bool:
    """A sale of goods (with digital elements): DCD_2019 Art 3(4) points elsewhere."""
    if any(k.subject is not None for k in contracts):
        return any(k.subject in _GOODS or k.sale_of_goods for k in contracts)
    return any(k.sale_of_goods for k in contracts) or (
        ctx.case.product.kind is ProductKind.PHYSICAL_PRODUCT
    )


def _other_service(contracts: list[Contract]) -> bool:
    return bool(contracts) and all(k.subject is ContractSubject.OTHER_SERVICE for k in contracts)


def _contract(ctx: Ctx, actor: Actor, mine: list[Contract]) -> Draft:
    t = Trace(Regime.CONTRACT, actor.name, step=2)
    if ctx.case.contracts is None and _business_claimant(ctx):
        t.hit(
            _S.UNKNOWN,
            "K7",
            "A business claimant: contract is often its main route, and the "
            "contract facts are not known yet",
        )
        t.need("contracts", "K7")
        t.provisionally(
            "contracts", _S.APPLIES, _S.EXCLUDED, "a contract with the injured party", "no contract"
        )
        return t.build()
    partners = _partners(ctx, actor)
    if not mine and partners:
        _ask_terms(ctx, t, [k for k in ctx.case.contracts or () if _party_to(actor, k)], "K3")
        pid = national_id(ctx.jurisdiction, "contract")
        t.hit(
            _S.APPLIES,
            "K3",
            f"{actor.name} has contracts with {', '.join(partners)}: claims "
            "between them (recourse, warranties, indemnities, caps) follow those contracts",
            "PLD_2024 Art 14",
            *([pid] if pid else []),
        )
        t.outcome = LiabilityOutcome.POSSIBLE
        return t.build()
    if not mine:
        t.hit(
            _S.EXCLUDED, "K1x", f"No contract between {actor.name} and the injured person is known"
        )
        if ctx.case.contracts is None and not _bystander(ctx):
            t.need("contracts", "K1x", sticky=True)
        return t.build()
    pid = national_id(ctx.jurisdiction, "contract")
    t.hit(
        _S.APPLIES,
        "K1",
        f"{actor.name} and the injured person have a contract: damages for "
        "non-performance under national contract law",
        *(["PLD_2024 Art 2(4)(b)"] + ([pid] if pid else [])),
    )
    _ask_terms(ctx, t, mine, "K2")
    breach = any(k.sla_breached or k.breach_described for k in mine)
    t.outcome = LiabilityOutcome.LIKELY if breach else LiabilityOutcome.POSSIBLE
    if any(k.limitation_clause or k.liability_cap_eur is not None for k in mine):
        extra = [
            p
            for p in (
                national_id(ctx.jurisdiction, "standard_terms"),
                national_id(ctx.jurisdiction, "essential_obligation"),
            )
            if p
        ]
        t.why(
            "K2",
            "The liability limitation or cap is valid between businesses within national "
            "limits (usually not for intent, gross negligence or personal injury); it cannot be "
            "used against the injured person under product liability, nor against consumers",
            "PLD_2024 Art 15",
            "PLD_1985 Art 12",
            "DCD_2019 Art 22(1)",
            *extra,
        )
    if not _business_claimant(ctx) and _goods(ctx, mine):
        t.why(
            "CL1",
            "Consumer sale of goods with digital elements: conformity remedies and the "
            "skipped-update rule come from the Sale of Goods Directive (EU) 2019/771 as "
            "transposed (not in the corpus)",
        )
    if ctx.case.claimant.contributory_fault:
        t.reduction = True
    return t.build()


def _dcd(ctx: Ctx, actor: Actor, mine: list[Contract]) -> Draft:
    t = Trace(Regime.DCD, actor.name)
    if _business_claimant(ctx):
        t.hit(
            _S.EXCLUDED, "DC2", "Only consumers are covered; the injured party acted as a business"
        )
        return t.build()
    if not mine:
        t.hit(
            _S.EXCLUDED,
            "DC_TRADER",
            f"{actor.name} is not the consumer's contractual "
            "counterparty (the trader); consumers are reached upstream only through the "
            "trader's redress",
        )
        if ctx.case.contracts is None and not _bystander(ctx):
            t.need("contracts", "DC_TRADER", sticky=True)
        return t.build()
    if _other_service(mine):
        t.hit(
            _S.EXCLUDED,
            "DC1",
            "The contract is for a service other than digital content or "
            "a digital service (e.g. telecoms, health care)",
        )
        return t.build()
    if _goods(ctx, mine):
        t.hit(
            _S.EXCLUDED,
            "DC_GOODS",
            "The digital content is incorporated in goods sold with "
            "them: the Sale of Goods Directive governs instead",
        )
        return t.build()
    if any(k.b2c is False for k in mine):
        t.hit(_S.EXCLUDED, "DC2", "Not a consumer contract")
        return t.build()
    if all(k.b2c is None for k in mine) and not ctx.consumer_claimant:
        t.hit(_S.UNKNOWN, "DC2", "Whether the injured person contracted as a consumer is not known")
        t.need("claimant.consumer", "DC2")
    supply = min((k.date for k in mine if k.date), default=None) or ctx.case.product.market_date
    start = ctx.fixed("DCD_SUPPLY_FROM")
    if supply is not None and supply < start.day:
        t.hit(_S.EXCLUDED, "DC13", "Supplied before the Directive applied", *start.provisions)
        return t.build()
    t.hit(
        _S.APPLIES,
        "DC1",
        f"{actor.name} supplies digital content or a digital service to the consumer",
    )
    t.why(
        "DC4",
        "Remedy if the content or service does not conform (agreed features, normal "
        "quality, security, updates)",
    )
    t.why("DC9", "The trader bears the burden of proving conformity")
    t.why(
        "DC10",
        "Remedies: bring into conformity, price reduction, termination; damages under national law",
    )
    t.outcome = LiabilityOutcome.POSSIBLE
    faults = ctx.case.claimant.contributory_fault or ()
    if ContributoryFault.NO_UPDATE_INSTALLED in faults and ctx.case.claimant.update_notified:
        t.why(
            "DC6",
            "The consumer skipped an update it was told about: no trader liability for a "
            "non-conformity caused only by that",
        )
        t.outcome = LiabilityOutcome.UNLIKELY
    return t.build()


def _consumer_law(ctx: Ctx, actor: Actor, mine: list[Contract]) -> Draft:
    t = Trace(Regime.CONSUMER_LAW, actor.name)
    undisclosed = AiActBreach.ART50_DISCLOSURE in (actor.ai_act_breaches or ())
    if mine and not _business_claimant(ctx) and undisclosed and not _goods(ctx, mine):
        t.hit(
            _S.POSSIBLE,
            "CL2",
            f"{actor.name} did not disclose to the consumer that it was "
            "dealing with an AI system: possibly a misleading commercial practice under "
            "national consumer law",
        )
        t.outcome = LiabilityOutcome.POSSIBLE
        return t.build()
    if mine and not _business_claimant(ctx) and _goods(ctx, mine):
        t.hit(
            _S.POSSIBLE,
            "CL1",
            f"{actor.name} sold goods with digital elements to the "
            "consumer: conformity remedies under the national law transposing Directive (EU) "
            "2019/771",
        )
        t.outcome = LiabilityOutcome.POSSIBLE
    else:
        t.hit(
            _S.EXCLUDED,
            "CL1",
            "No consumer sale of goods between this actor and the injured person is known",
        )
    return t.build()


def contract_findings(ctx: Ctx) -> list[Draft]:
    """CONTRACT, DCD and CONSUMER_LAW findings per defendant."""
    out: list[Draft] = []
    for actor in ctx.defendants():
        mine = claimant_contracts(ctx, actor)
        out += [
            _contract(ctx, actor, mine),
            _dcd(ctx, actor, mine),
            _consumer_law(ctx, actor, mine),
        ]
    return out
