"""Who is a liable economic operator under PLD 2024 Art 8 (LEGAL_RULES.md §1.5, §9.1).

Each actor gets the strongest role its facts support, with a scope status: manufacturer
(L1, applies), substantial modifier (L4, likely), importer/representative/fulfilment provider
(L3), component maker (L2, likely when the component caused the defect), related-service
provider (L8, possible), distributor/platform fallback (L5/L6), or none (L9, excluded).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.facts import Actor, CloudServiceRole, DataDeliveryForm, IdentificationRequest
from assistant.rules.ai_roles import modifiers
from assistant.rules.context import Ctx
from assistant.rules.model import Reason
from assistant.rules.trace import RANK, make_reason
from assistant.vocabulary import Role, ScopeStatus

__all__ = ["PldRole", "is_manufacturer", "pld_role"]

_S = ScopeStatus


@dataclass
class PldRole:
    """An actor's PLD role: kind, scope status, reasons, missing facts."""

    kind: str  # manufacturer | modifier | importer | representative | fsp | component | data
    #            | related_service | distributor | platform | none | unknown
    status: ScopeStatus
    reasons: list[Reason] = field(default_factory=list)
    needs: list[tuple[str, str]] = field(default_factory=list)
    sticky: bool = False

    def add(self, cond: str, text: str, *provs: str) -> PldRole:
        self.reasons.append(make_reason(cond, text, provs))
        return self


def is_manufacturer(ctx: Ctx, actor: Actor) -> bool | None:
    """L1: develops/produces and markets it, own-brands it, or integrates and supplies it."""
    key = ("maker", actor.name)
    if key not in ctx.memo:
        ctx.memo[key] = _is_manufacturer(ctx, actor)
    found: bool | None = ctx.memo[key]
    return found


def _is_manufacturer(ctx: Ctx, actor: Actor) -> bool | None:
    if actor.has(Role.PROVIDER):
        return True
    if actor.name_on_product and actor.has(
        Role.DISTRIBUTOR, Role.IMPORTER, Role.INTEGRATOR, Role.DEPLOYER
    ):
        return True
    if actor.name_on_product and actor.has(Role.FINE_TUNER):
        # an own-branding modifier is judged under Art 8(2) unless the change was not substantial
        return ctx.case.modification.substantial is False
    if actor.has(Role.DEVELOPER):
        if actor.placed_on_market or actor.name_on_product:
            return True
        placer = ctx.case.actor(ctx.case.product.placed_by)
        if placer is not None:
            return placer is actor
        return not any(a.has(Role.PROVIDER, Role.INTEGRATOR) for a in ctx.others(actor))
    if actor.has(Role.INTEGRATOR):
        return actor.integrator_places_product
    return False


def _non_eu_maker(ctx: Ctx) -> bool | None:
    makers = [a for a in ctx.defendants() if is_manufacturer(ctx, a)]
    if any(a.established_in_eu is False for a in makers):
        return True
    if makers and all(a.established_in_eu for a in makers):
        return False
    return None


def _eu_operator_identified(ctx: Ctx) -> bool | None:
    for a in ctx.defendants():
        if is_manufacturer(ctx, a) and a.established_in_eu:
            return True
        if (
            a.has(Role.IMPORTER, Role.AUTHORISED_REPRESENTATIVE)
            and a.established_in_eu is not False
        ):
            return True
    return False if _non_eu_maker(ctx) else None


def _candidates(ctx: Ctx, actor: Actor) -> list[PldRole]:
    out: list[PldRole] = []
    maker = is_manufacturer(ctx, actor)
    modifier = actor in modifiers(ctx) and ctx.case.modification.substantial is not False
    if maker and modifier and any(is_manufacturer(ctx, a) for a in ctx.others(actor)):
        maker = False  # a modifier of someone else's product is judged under Art 8(2)
    if maker:
        r = PldRole("manufacturer", _S.APPLIES).add(
            "L1",
            f"{actor.name} is the manufacturer: it develops or markets the product under its "
            "name (AI system providers count as manufacturers)",
        )
        if actor.placed_on_market is False and actor.has(Role.PROVIDER, Role.DEVELOPER):
            r.status = _S.EXCLUDED
            r.add("E1", f"{actor.name} did not place the product on the market")
        out.append(r)
    elif maker is None and actor.has(Role.INTEGRATOR):
        out.append(
            PldRole(
                "manufacturer",
                _S.POSSIBLE,
                needs=[(ctx.path(actor, "integrator_places_product"), "L1")],
            ).add(
                "L1",
                f"{actor.name} integrates the AI; it is a manufacturer only if it supplies its "
                "own product containing it",
            )
        )
    if modifier:
        out.append(_modifier(ctx, actor))
    non_eu = _non_eu_maker(ctx)
    for role, kind, pid in (
        (Role.IMPORTER, "importer", "PLD_2024 Art 8(1)(c)(i)"),
        (Role.AUTHORISED_REPRESENTATIVE, "representative", "PLD_2024 Art 8(1)(c)(ii)"),
    ):
        if actor.has(role):
            status = _S.EXCLUDED if non_eu is False else _S.APPLIES
            text = (
                "the manufacturer is established outside the EU"
                if non_eu is not False
                else "but every manufacturer is established in the EU"
            )
            out.append(PldRole(kind, status).add("L3", f"{actor.name} is the {kind}; {text}", pid))
    if actor.has(Role.FULFILMENT_SERVICE_PROVIDER):
        other = any(a.has(Role.IMPORTER, Role.AUTHORISED_REPRESENTATIVE) for a in ctx.others(actor))
        status = (
            _S.EXCLUDED if other or non_eu is False else (_S.APPLIES if non_eu else _S.POSSIBLE)
        )
        out.append(
            PldRole("fsp", status).add(
                "L3",
                f"{actor.name} is a fulfilment service provider: liable only where a non-EU "
                "manufacturer has no EU importer or representative",
                "PLD_2024 Art 8(1)(c)(iii)",
            )
        )
    if not maker and (
        actor.has(Role.COMPONENT_SUPPLIER, Role.GPAI_PROVIDER, Role.FINE_TUNER)
        or actor.has(Role.DEVELOPER)
    ):
        out.append(_component(ctx, actor))
    if actor.has(Role.DATA_PROVIDER):
        out.append(_data(ctx, actor))
    if actor.has(Role.CLOUD_PROVIDER):
        out.append(_cloud(ctx, actor))
    if actor.has(Role.DISTRIBUTOR, Role.ONLINE_PLATFORM) and not maker:
        out.append(_fallback(ctx, actor))
    return out


def _modifier(ctx: Ctx, actor: Actor) -> PldRole:
    mod = ctx.case.modification
    if mod.authorised_by_manufacturer:
        return PldRole("component", _S.POSSIBLE).add(
            "L4a",
            f"{actor.name} modified the product with the manufacturer's consent: the "
            "original manufacturer stays liable and the modifier is not a manufacturer under "
            "Art 8(2)",
        )
    r = PldRole("modifier", _S.LIKELY).add(
        "L4",
        f"{actor.name} modified the product outside the manufacturer's control and made it "
        "available: it counts as a manufacturer (whether the change is substantial is evaluative)",
    )
    if mod.substantial is None:
        r.status = _S.POSSIBLE
        r.needs.append(("modification.substantial", "L4"))
    if mod.authorised_by_manufacturer is None:
        r.status = _S.POSSIBLE
        r.needs.append(("modification.authorised_by_manufacturer", "L4a"))
    if actor.placed_on_market is None and not actor.name_on_product and not actor.market_date:
        r.status = _S.POSSIBLE
        r.needs.append((ctx.path(actor, "placed_on_market"), "L4"))
    return r


def _component(ctx: Ctx, actor: Actor) -> PldRole:
    what = "model" if actor.has(Role.GPAI_PROVIDER) else "component"
    if actor.foss_noncommercial:
        return PldRole("component", _S.EXCLUDED).add(
            "S3",
            f"{actor.name}'s software is free and open-source and supplied outside a "
            "commercial activity; the manufacturer that integrated it stays liable",
        )
    r = PldRole("component", _S.LIKELY).add(
        "L2",
        f"{actor.name} made a {what} integrated into the product within the manufacturer's "
        "control; liable if it caused the defect (the product manufacturer is liable too)",
    )
    if actor.caused_defect is None:
        r.status = _S.POSSIBLE
        r.needs.append((ctx.path(actor, "caused_defect"), "L2"))
    elif actor.caused_defect is False:
        r.status = _S.EXCLUDED
        r.add("L2", f"{actor.name}'s {what} did not cause the defect")
    return r


def _data(ctx: Ctx, actor: Actor) -> PldRole:
    r = PldRole("data", _S.POSSIBLE).add(
        "L_DATA",
        f"Whether {actor.name}'s data is a component (intangible item) or mere "
        "information is an open question of law",
    )
    if actor.data_delivery_form is DataDeliveryForm.EMBEDDED_SOFTWARE_ARTIFACT:
        r.add("L_DATA", "Delivered as a software artefact: the component reading is stronger")
    elif actor.data_delivery_form is None:
        r.needs.append((ctx.path(actor, "data_delivery_form"), "L_DATA"))
    if actor.caused_defect is False:
        r.status = _S.EXCLUDED
    elif actor.caused_defect is None:
        r.needs.append((ctx.path(actor, "caused_defect"), "L2"))
    return r


def _cloud(ctx: Ctx, actor: Actor) -> PldRole:
    role = actor.cloud_service_role
    if role is CloudServiceRole.RELATED_SERVICE_REQUIRED_FOR_FUNCTION:
        return PldRole("related_service", _S.POSSIBLE).add(
            "L8",
            f"{actor.name}'s service is one the product needs to function: a related "
            "service, so it may answer as a component manufacturer",
        )
    r = PldRole("none", _S.EXCLUDED, sticky=role is None).add(
        "L9",
        f"{actor.name} provides computing, not the product: not an economic operator by "
        "default (unless its service is a related service the product needs)",
    )
    if role is None:
        r.needs.append((ctx.path(actor, "cloud_service_role"), "L8"))
    return r


def _fallback(ctx: Ctx, actor: Actor) -> PldRole:
    platform = actor.has(Role.ONLINE_PLATFORM) and not actor.has(Role.DISTRIBUTOR)
    kind, cond = ("platform", "L6") if platform else ("distributor", "L5")
    if actor.placed_on_market is False and not platform:
        return PldRole(kind, _S.EXCLUDED).add("E2", f"{actor.name} did not make it available")
    if _eu_operator_identified(ctx):
        return PldRole(kind, _S.EXCLUDED).add(
            cond,
            f"An EU-established liable operator can be identified, so {actor.name} is not "
            "liable as a fallback",
        )
    r = PldRole(kind, _S.POSSIBLE)
    if platform:
        r.add(
            "L6",
            f"{actor.name} is an online platform: liable like a distributor only if it "
            "presented the product as its own or a controlled trader's",
        )
        if actor.presentation_misleading is False:
            r.status = _S.EXCLUDED
            return r
        if actor.presentation_misleading is None:
            r.needs.append((ctx.path(actor, "presentation_misleading"), "L6"))
    if not platform and not any(a.has(Role.IMPORTER) for a in ctx.others(actor)):
        r.add(
            "L3",
            f"If {actor.name} itself brought the product into the EU from a third "
            "country, it is the importer and liable directly, without the one-month request",
            "PLD_2024 Art 4(12)",
            "PLD_2024 Art 8(1)(c)(i)",
        )
    request = actor.identification_request
    if request is IdentificationRequest.FAILED_AFTER_1_MONTH:
        r.status = _S.APPLIES if not platform else _S.POSSIBLE
        r.add(
            "L5",
            f"{actor.name} did not name an EU operator or its supplier within one month "
            "of the injured person's request",
        )
    elif request is IdentificationRequest.ANSWERED:
        r.status = _S.EXCLUDED
        r.add("L5", f"{actor.name} named a liable operator or its supplier in time")
    else:
        r.add(
            "L5",
            f"{actor.name} is liable only if, after a written request, it fails to name "
            "an EU operator or its supplier within one month: send the identification request",
        )
        r.needs.append((ctx.path(actor, "identification_request"), "L5"))
    return r


def pld_role(ctx: Ctx, actor: Actor) -> PldRole:
    """The strongest PLD role of ``actor`` (computed once per evaluation)."""
    key = ("pld_role", actor.name)
    found: PldRole | None = ctx.memo.get(key)
    if found is None:
        found = _pld_role(ctx, actor)
        ctx.memo[key] = found
    return found


def _pld_role(ctx: Ctx, actor: Actor) -> PldRole:
    if actor.roles is None:
        return PldRole("unknown", _S.UNKNOWN, needs=[(ctx.path(actor, "roles"), "ROLE")]).add(
            "ROLE", f"What {actor.name} did in the value chain is not known yet"
        )
    found = _candidates(ctx, actor)
    if not found:
        return PldRole("none", _S.EXCLUDED).add(
            "L9",
            f"{actor.name} does not manufacture, brand, modify, import or distribute the "
            "product: not liable under the PLD (fault-based and contract routes remain)",
        )
    return max(found, key=lambda r: RANK[r.status])
