"""Who is what under the AI Act (LEGAL_RULES.md §3.1, §3.5, §9.1), including Art 25 role shifts."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.facts import Actor, CloudServiceRole
from assistant.rules.classify import Classification
from assistant.rules.context import Ctx
from assistant.rules.model import Reason
from assistant.rules.trace import RANK, make_reason
from assistant.vocabulary import Role, ScopeStatus

__all__ = ["RoleShift", "ShiftMap", "is_ai_provider", "modifiers", "role_shifts", "suppliers"]

_SHIFTABLE = {
    Role.DISTRIBUTOR,
    Role.IMPORTER,
    Role.DEPLOYER,
    Role.INTEGRATOR,
    Role.OPERATOR,
    Role.FINE_TUNER,
    Role.END_USER,
}


def is_ai_provider(ctx: Ctx, actor: Actor) -> bool:
    """Provider in its own right (AI_ACT Art 3(3)); a lone developer is taken to be one."""
    if actor.has(Role.PROVIDER):
        return True
    if actor.has(Role.INTEGRATOR) and actor.integrator_places_product:
        return True
    if actor.has(Role.DEVELOPER):
        if actor.placed_on_market or actor.name_on_product:
            return True
        return not any(a.has(Role.PROVIDER) for a in ctx.others(actor))
    return False


def modifiers(ctx: Ctx) -> list[Actor]:
    """Who modified the system: ``modification.by``, else fine-tuners, else (for a purpose
    change) deployers and integrators."""
    found: list[Actor] | None = ctx.memo.get("modifiers")
    if found is None:
        found = _modifiers(ctx)
        ctx.memo["modifiers"] = found
    return found


def _modifiers(ctx: Ctx) -> list[Actor]:
    mod = ctx.case.modification
    named = ctx.case.actor(mod.by)
    if named is not None:
        return [named]
    tuners = [a for a in ctx.defendants() if a.has(Role.FINE_TUNER)]
    if tuners:
        return tuners
    if mod.purpose_changed_to_high_risk:
        return [a for a in ctx.defendants() if a.has(Role.DEPLOYER, Role.INTEGRATOR)]
    return []


@dataclass
class RoleShift:
    """An Art 25(1) shift to ``actor``: the conditions and how certain it is."""

    actor: str
    status: ScopeStatus
    reasons: list[Reason] = field(default_factory=list)


ShiftMap = dict[str, RoleShift]


def role_shifts(ctx: Ctx, c: Classification) -> ShiftMap:
    """Art 25(1)(a)-(c) shifts to new providers of a high-risk system."""
    out: ShiftMap = {}
    if c.high_risk is ScopeStatus.EXCLUDED:
        return out
    mod = ctx.case.modification
    mods = modifiers(ctx)
    hr_certain = c.is_high_risk

    def add(actor: Actor, status: ScopeStatus, cond: str, text: str) -> None:
        shift = out.setdefault(actor.name, RoleShift(actor.name, status))
        if RANK[status] > RANK[shift.status]:
            shift.status = status
        shift.reasons.append(make_reason(cond, text, ()))

    for actor in ctx.defendants():
        original = actor.has(Role.PROVIDER, Role.DEVELOPER)
        if actor.name_on_product and actor.has(*_SHIFTABLE) and not original:
            add(
                actor,
                ScopeStatus.APPLIES if hr_certain else ScopeStatus.POSSIBLE,
                "R25a",
                f"{actor.name} put its own name or trademark on the high-risk system",
            )
    for actor in mods:
        if mod.substantial and not actor.has(Role.PROVIDER):
            add(
                actor,
                ScopeStatus.LIKELY if hr_certain else ScopeStatus.POSSIBLE,
                "R25b",
                f"{actor.name} substantially modified the high-risk system and it stays high-risk "
                "(substantial modification is an evaluative test)",
            )
        if mod.purpose_changed_to_high_risk:
            add(
                actor,
                ScopeStatus.APPLIES if hr_certain else ScopeStatus.POSSIBLE,
                "R25c",
                f"{actor.name} changed the intended purpose of a non-high-risk system so that it "
                "became high-risk",
            )
    return out


def suppliers(ctx: Ctx, shifts: ShiftMap) -> list[Actor]:
    """Third parties supplying models, tools, data or services to the provider (Art 25(4))."""
    out: list[Actor] = []
    for actor in ctx.defendants():
        if actor.name in shifts or is_ai_provider(ctx, actor):
            continue
        if (
            actor.has(Role.COMPONENT_SUPPLIER, Role.DATA_PROVIDER, Role.GPAI_PROVIDER)
            or actor.has(Role.FINE_TUNER)
            or (
                actor.has(Role.CLOUD_PROVIDER)
                and (actor.cloud_service_role is CloudServiceRole.MANAGED_AI_PLATFORM)
            )
        ):
            out.append(actor)
    return out
