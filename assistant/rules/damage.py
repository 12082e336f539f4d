"""Which harm each product liability regime covers (PLD 2024 §1.3 D-rules, PLD 1985 O4).

Aggregation (§1.3): the regime is in scope if at least one item is covered; unknown if none is
covered and an item waits for a fact; excluded if no item is covered.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.facts import ProfessionalUse
from assistant.rules.context import Ctx
from assistant.rules.model import Reason
from assistant.rules.trace import make_reason
from assistant.vocabulary import Harm, ScopeStatus

__all__ = ["DamageScope", "pld1985_damage", "pld2024_damage"]

_S = ScopeStatus
_OTHER = {
    Harm.ECONOMIC_LOSS,
    Harm.DISCRIMINATION,
    Harm.PRIVACY,
    Harm.REPUTATION,
    Harm.OTHER_NON_MATERIAL,
}


@dataclass
class DamageScope:
    """Coverage of the case's damage items under one regime."""

    status: ScopeStatus
    reasons: list[Reason] = field(default_factory=list)
    needs: list[tuple[str, str]] = field(default_factory=list)


def _aggregate(items: list[tuple[ScopeStatus, Reason, str | None, str]]) -> DamageScope:
    """items: (status, reason, missing path, condition) per damage item."""
    statuses = [s for s, _, _, _ in items]
    best = max(statuses, key=lambda s: (s is _S.APPLIES, s is _S.POSSIBLE, s is _S.UNKNOWN))
    out = DamageScope(best, [r for _, r, _, _ in items])
    if best in (_S.UNKNOWN, _S.POSSIBLE):
        out.needs = [(p, c) for s, _, p, c in items if p is not None and s is _S.UNKNOWN]
    return out


def _unknown_damage(cond: str) -> DamageScope:
    return DamageScope(
        _S.UNKNOWN,
        [make_reason(cond, "What harm occurred is not known yet", ())],
        [("damage", cond)],
    )


def pld2024_damage(ctx: Ctx) -> DamageScope:
    """S5 / D1-D6 for PLD 2024."""
    if not ctx.case.damage:
        return _unknown_damage("D5")
    items: list[tuple[ScopeStatus, Reason, str | None, str]] = []
    for i, d in enumerate(ctx.case.damage):
        path = f"damage[{i}]"
        use = ctx.professional_use(d.professional_use)
        if d.type is Harm.PERSONAL_INJURY:
            items.append(
                (
                    _S.APPLIES,
                    make_reason("D1", "Personal injury (or death) is covered", ()),
                    None,
                    "D1",
                )
            )
        elif d.type is Harm.PSYCHOLOGICAL:
            if d.medically_recognised:
                items.append(
                    (
                        _S.APPLIES,
                        make_reason("D2", "Medically recognised psychological harm is covered", ()),
                        None,
                        "D2",
                    )
                )
            elif d.medically_recognised is False:
                items.append(
                    (
                        _S.EXCLUDED,
                        make_reason(
                            "D2", "Psychological harm not medically recognised is not covered", ()
                        ),
                        None,
                        "D2",
                    )
                )
            else:
                items.append(
                    (
                        _S.UNKNOWN,
                        make_reason(
                            "D2", "Psychological harm counts only if medically recognised", ()
                        ),
                        f"{path}.medically_recognised",
                        "D2",
                    )
                )
        elif d.type is Harm.PROPERTY:
            items.append(_property(d.is_defective_product_itself, d.theft_only, use, path))
        elif d.type is Harm.DATA_LOSS:
            items.append(_data(use, path))
        else:
            items.append(
                (
                    _S.EXCLUDED,
                    make_reason(
                        "D5",
                        f"{d.type.value.replace('_', ' ').capitalize()} is not a damage type the "
                        "PLD covers (route: GDPR, national tort or contract)",
                        (),
                    ),
                    None,
                    "D5",
                )
            )
    return _aggregate(items)


def _property(
    itself: bool | None, theft: bool | None, use: ProfessionalUse | None, path: str
) -> tuple[ScopeStatus, Reason, str | None, str]:
    if itself:
        return (
            _S.EXCLUDED,
            make_reason(
                "D3",
                "Damage to the defective product itself (or the "
                "product it is built into) is not covered",
                ["PLD_2024 Art 6(1)(b)(i)", "PLD_2024 Art 6(1)(b)(ii)"],
            ),
            None,
            "D3",
        )
    if use is ProfessionalUse.EXCLUSIVELY_PROFESSIONAL:
        return (
            _S.EXCLUDED,
            make_reason(
                "D3",
                "Property used exclusively for professional purposes is not covered",
                ["PLD_2024 Art 6(1)(b)(iii)"],
            ),
            None,
            "D3",
        )
    if use is None:
        return (
            _S.UNKNOWN,
            make_reason(
                "D3",
                "Property damage is covered unless the property was "
                "used exclusively professionally",
                ["PLD_2024 Art 6(1)(b)"],
            ),
            f"{path}.professional_use",
            "D3",
        )
    if theft:
        return (
            _S.POSSIBLE,
            make_reason(
                "D3t",
                "Property was taken rather than damaged: whether "
                "that is 'damage to, or destruction of' property is "
                "open",
                (),
            ),
            None,
            "D3t",
        )
    return (
        _S.APPLIES,
        make_reason(
            "D3",
            f"Damage to property in {use.value} use is covered (no EUR 500 threshold any more)",
            ["PLD_2024 Art 6(1)(b)"],
        ),
        None,
        "D3",
    )


def _data(use: ProfessionalUse | None, path: str) -> tuple[ScopeStatus, Reason, str | None, str]:
    if use is ProfessionalUse.PRIVATE:
        return (
            _S.APPLIES,
            make_reason("D4", "Loss or corruption of privately used data is covered", ()),
            None,
            "D4",
        )
    if use is ProfessionalUse.EXCLUSIVELY_PROFESSIONAL:
        return (
            _S.EXCLUDED,
            make_reason("D4", "Data used for professional purposes is not covered", ()),
            None,
            "D4",
        )
    if use is ProfessionalUse.MIXED:
        return (
            _S.POSSIBLE,
            make_reason(
                "D4",
                "Data in mixed use: the exclusion speaks of data "
                "'used for professional purposes' without 'exclusively' "
                "(open)",
                (),
            ),
            None,
            "D4",
        )
    return (
        _S.UNKNOWN,
        make_reason("D4", "Data loss is covered only for data not used professionally", ()),
        f"{path}.professional_use",
        "D4",
    )


def pld1985_damage(ctx: Ctx) -> DamageScope:
    """O4 and PLD_1985 table rows 4-5."""
    if not ctx.case.damage:
        return _unknown_damage("O4")
    threshold, provs = ctx.data.amount("PLD1985_PROPERTY_THRESHOLD_EUR")
    items: list[tuple[ScopeStatus, Reason, str | None, str]] = []
    for i, d in enumerate(ctx.case.damage):
        path = f"damage[{i}]"
        use = ctx.professional_use(d.professional_use)
        if d.type is Harm.PERSONAL_INJURY:
            items.append(
                (
                    _S.APPLIES,
                    make_reason("O4", "Death or personal injury is covered", ["PLD_1985 Art 9(a)"]),
                    None,
                    "O4",
                )
            )
        elif d.type is Harm.PSYCHOLOGICAL:
            items.append(
                (
                    _S.POSSIBLE,
                    make_reason(
                        "O4",
                        "Psychological harm: covered only as personal injury under national law",
                        ["PLD_1985 Art 9"],
                    ),
                    None,
                    "O4",
                )
            )
        elif d.type is Harm.PROPERTY:
            items.append(
                _property_1985(
                    d.is_defective_product_itself, use, d.amount_eur, threshold, provs, path
                )
            )
        else:
            items.append(
                (
                    _S.EXCLUDED,
                    make_reason(
                        "O4",
                        f"{d.type.value.replace('_', ' ').capitalize()} is not covered by Directive "
                        "85/374/EEC",
                        ["PLD_1985 Art 9"],
                    ),
                    None,
                    "O4",
                )
            )
    return _aggregate(items)


def _property_1985(
    itself: bool | None,
    use: ProfessionalUse | None,
    amount: float | None,
    threshold: float,
    provs: tuple[str, ...],
    path: str,
) -> tuple[ScopeStatus, Reason, str | None, str]:
    if itself:
        return (
            _S.EXCLUDED,
            make_reason(
                "O4", "Damage to the defective product itself is not covered", ["PLD_1985 Art 9(b)"]
            ),
            None,
            "O4",
        )
    if use is ProfessionalUse.EXCLUSIVELY_PROFESSIONAL:
        return (
            _S.EXCLUDED,
            make_reason(
                "O4",
                "Only property of a type for private use, used mainly privately, is covered",
                ["PLD_1985 Art 9(b)"],
            ),
            None,
            "O4",
        )
    if use is None:
        return (
            _S.UNKNOWN,
            make_reason("O4", "Covered only for mainly private property", ["PLD_1985 Art 9(b)"]),
            f"{path}.professional_use",
            "O4",
        )
    if amount is None:
        return (
            _S.UNKNOWN,
            make_reason("O4", f"Property damage must exceed EUR {threshold:.0f}", list(provs)),
            f"{path}.amount_eur",
            "O4",
        )
    if amount <= threshold:
        return (
            _S.EXCLUDED,
            make_reason(
                "O4",
                f"Property damage of EUR {amount:.0f} does not "
                f"exceed the EUR {threshold:.0f} threshold",
                list(provs),
            ),
            None,
            "O4",
        )
    return (
        _S.APPLIES,
        make_reason("O4", f"Private property damage above EUR {threshold:.0f}", list(provs)),
        None,
        "O4",
    )
