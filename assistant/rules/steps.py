"""The Mozilla report's three steps: (1) choice of regime, (2) sharing of liability along the
value chain (LEGAL_RULES.md §9.2 allocation, §8.3 contract tools), (3) information asymmetries
(built in ``evidence``)."""

from __future__ import annotations

from assistant.facts import ContributoryFault
from assistant.rules.ai_act import AiActOutcome
from assistant.rules.context import Ctx
from assistant.rules.evidence import step3
from assistant.rules.model import Finding, Statement, Step
from assistant.rules.national import national_id
from assistant.rules.statements import IN_SCOPE as _IN
from assistant.rules.statements import by_status as _by
from assistant.rules.statements import statement as _st
from assistant.vocabulary import IncidentCause, Regime, Role, ScopeStatus

__all__ = ["build_steps"]

_S = ScopeStatus
_TITLES = {
    1: "Choice of liability regime",
    2: "Sharing of liability along the value chain",
    3: "Information asymmetries: evidence and burden of proof",
}


def _step1(ctx: Ctx, public: list[Finding]) -> list[Statement]:
    out = [
        _st(
            "MOZ",
            "Step 1 asks which liability regime governs each claim: strict product "
            "liability, fault-based liability, or contract.",
        )
    ]
    labels = {
        Regime.PLD_2024: "Product liability (PLD 2024, national transposition)",
        Regime.PLD_1985: "Product liability (Directive 85/374/EEC, national law)",
        Regime.NATIONAL_FAULT: "Fault-based liability (national tort law)",
        Regime.CONTRACT: "Contract",
        Regime.GDPR_82: "GDPR compensation (Art 82)",
        Regime.DCD: "Digital Content Directive remedies",
        Regime.CONSUMER_LAW: "Consumer sale-of-goods remedies",
    }
    for regime, label in labels.items():
        rows = [f for f in public if f.regime is regime and f.scope_status is not _S.EXCLUDED]
        if rows:
            who = ", ".join(f"{f.actor} ({f.status.value})" for f in rows)
            provs = list(dict.fromkeys(p for f in rows for p in f.provisions[:2]))
            # provisions come from findings, which were checked against the catalogue
            out.append(
                Statement.model_construct(
                    condition="G5",
                    text=f"{label}: {who}.",
                    provisions=provs[:4],
                    actors=[f.actor for f in rows],
                )
            )
    duty = [f for f in public if f.regime.is_duty_regime and f.scope_status in _IN]
    if duty:
        out.append(
            _st(
                "G2",
                "AI Act, CRA and NIS2 are duty regimes, not damages claims; their "
                "breaches count as defect or fault indicators: "
                + ", ".join(f"{f.regime.value} for {f.actor}" for f in duty)
                + ".",
            )
        )
    out.append(
        _st(
            "NT1",
            "Fault-based national liability is the baseline and runs in parallel; "
            "product liability adds a strict track where a defective product caused "
            "covered damage.",
        )
    )
    return out


def _step2(ctx: Ctx, public: list[Finding], ai: AiActOutcome) -> list[Statement]:
    case, out = (
        ctx.case,
        [_st("MOZ", "Step 2 asks how liability is shared among the actors of the value chain.")],
    )
    pld = _by(public, Regime.PLD_2024, _IN)
    if len(pld) >= 2:
        extra = [
            p
            for p in (
                national_id(ctx.jurisdiction, "joint_tortfeasors"),
                national_id(ctx.jurisdiction, "recourse"),
            )
            if p
        ]
        out.append(
            _st(
                "A1",
                f"{', '.join(pld)} are jointly and severally liable to the injured "
                "person; the internal split follows recourse under national law and their "
                "contracts.",
                ["PLD_2024 Art 12(1)", "PLD_2024 Art 14"],
                pld,
            )
        )
        if extra:
            out.append(_st("NT1", "National rules on joint debtors and recourse", extra, pld))
    if len(_by(public, Regime.PLD_1985, _IN)) >= 2:
        out.append(_st("OD4", "Several producers are jointly and severally liable under 85/374."))
    mod = case.modification
    if mod.substantial and mod.authorised_by_manufacturer is False:
        out.append(
            _st(
                "A2",
                "The substantial modifier is the manufacturer of the modified "
                "product; it may show the defect lies in a part it did not modify.",
            )
        )
    elif mod.occurred and mod.authorised_by_manufacturer:
        out.append(
            _st(
                "A3",
                "The modification was made within the original manufacturer's "
                "control: it stays the manufacturer and cannot rely on the defect arising "
                "later.",
            )
        )
    for shift in ai.shifts.values():
        out.append(
            _st(
                "A4",
                f"AI Act role shift: {shift.actor} becomes the provider of the "
                "high-risk system; the initial provider must cooperate.",
                ["AI_ACT Art 25(1)", "AI_ACT Art 25(2)"],
                [shift.actor],
            )
        )
    pld_mod = mod.substantial is True and mod.authorised_by_manufacturer is False
    ai_mod = any(r.condition == "R25b" for s in ai.shifts.values() for r in s.reasons)
    if ai_mod != pld_mod and (mod.substantial is not None):
        out.append(
            _st(
                "A5",
                "AI Act provider and PLD manufacturer diverge on these facts: do not "
                "infer one from the other.",
            )
        )
    gpai = [a.name for a in ctx.defendants() if a.has(Role.GPAI_PROVIDER)]
    if gpai:
        out.append(
            _st(
                "A6",
                "A defect of the upstream general-purpose model makes the downstream "
                "manufacturer liable for the whole product; the model provider may answer "
                "as component maker, with a defence if the defect is due to the "
                "integrator's design or instructions; poor downstream information "
                "(Art 53(1)(b)) is an indicator against it.",
                (),
                gpai,
            )
        )
    causes = set(case.incident.causes or ())
    third = [a.name for a in case.actors if a.roles == []]
    if IncidentCause.CYBERATTACK in causes or third:
        out.append(
            _st(
                "A7",
                "A third party's act (e.g. an attacker) does not reduce the liable "
                "operators' liability towards the injured person; it matters only for "
                "recourse.",
                ["PLD_2024 Art 13(1)", "PLD_2024 Recital 55"]
                if "PLD_2024"
                in {f.regime.value for f in public if f.scope_status is not _S.EXCLUDED}
                else ["PLD_2024 Art 13(1)"],
                third,
            )
        )
    faults = case.claimant.contributory_fault or ()
    if faults:
        provs = ["PLD_2024 Art 13(2)"]
        if ContributoryFault.NO_UPDATE_INSTALLED in faults:
            provs.append("DCD_2019 Art 8(3)")
        out.append(
            _st(
                "A8", "The injured person's own conduct may reduce or disallow compensation.", provs
            )
        )
    if IncidentCause.MISSING_SECURITY_UPDATE in causes and case.manufacturer.retains_control:
        out.append(
            _st(
                "A9",
                "The missing security update was within the manufacturer's control: "
                "it cannot argue that the defect arose later.",
            )
        )
    if any(
        a.established_in_eu is False and a.has(Role.PROVIDER, Role.DEVELOPER)
        for a in ctx.defendants()
    ):
        out.append(
            _st(
                "A10",
                "The manufacturer is outside the EU: importer, authorised "
                "representative or fulfilment service provider answer in the EU.",
            )
        )
    fallback = [a.name for a in ctx.defendants() if a.has(Role.DISTRIBUTOR, Role.ONLINE_PLATFORM)]
    if fallback and _by(public, Regime.PLD_2024, (_S.APPLIES, _S.LIKELY, _S.POSSIBLE)):
        out.append(
            _st(
                "A11",
                "Where no EU-established operator can be identified, distributors "
                "and qualifying platforms become liable if they do not name one within a "
                "month of a request.",
                (),
                fallback,
            )
        )
    if len(_by(public, Regime.GDPR_82, (_S.APPLIES, _S.LIKELY, _S.POSSIBLE))) >= 2:
        out.append(
            _st(
                "A12",
                "Controllers and processors involved in the same processing are "
                "each liable for the entire damage; recourse by share of responsibility.",
                ["GDPR Art 82(4)", "GDPR Art 82(5)"],
            )
        )
    traders = _by(public, Regime.DCD, (_S.APPLIES, _S.LIKELY))
    if traders:
        out.append(
            _st(
                "A13",
                "Consumer remedies run against the trader, which has redress "
                "against earlier links of the chain.",
                (),
                traders,
            )
        )
    users = [
        a.name
        for a in ctx.defendants()
        if a.has(Role.DEPLOYER, Role.OPERATOR) and not a.has(Role.PROVIDER)
    ]
    if users:
        out.append(
            _st(
                "A14",
                "Deployers and operators without a product role answer in fault "
                "(AI Act deployer duties as indicators) and, for personal data, under the "
                "GDPR.",
                (),
                users,
            )
        )
    out += _contract_statements(ctx)
    return out


def _contract_statements(ctx: Ctx) -> list[Statement]:
    out: list[Statement] = []
    for k in ctx.case.contracts or ():
        parties = " and ".join(k.parties)
        if k.limitation_clause or k.liability_cap_eur is not None:
            out.append(
                _st(
                    "K2",
                    f"Liability cap or exclusion agreed between {parties}: it binds only the "
                    "parties to it, within national limits (usually not for intent, gross "
                    "negligence or personal injury), and cannot be set against an injured "
                    "person's claim for a defective product.",
                    ["PLD_2024 Art 15"],
                )
            )
        if k.indemnity:
            out.append(
                _st(
                    "K3",
                    f"Indemnity between {parties}: it decides internal recourse, not "
                    "the injured person's claims.",
                )
            )
        if k.art25_4_agreement is False:
            out.append(
                _st(
                    "R25g",
                    f"No written Art 25(4) agreement between {parties}: a fault "
                    "indicator and, since 2026, a fineable breach.",
                    ["AI_ACT Art 25(4)"] + (["AI_ACT Art 99(4)(da)"] if ctx.ai_amended else []),
                )
            )
        elif k.art25_4_agreement or k.audit_rights is not None:
            out.append(
                _st(
                    "K4",
                    f"Supplier agreement between {parties}: check information duties, "
                    "technical access, audit rights, incident cooperation and updates.",
                )
            )
        if k.downstream_documentation is not None or k.acceptable_use_restrictions:
            out.append(
                _st(
                    "K5",
                    f"GPAI licence between {parties}: downstream documentation and "
                    "acceptable-use terms (a misuse defence is evaluative).",
                )
            )
        if k.recourse_waiver:
            out.append(
                _st(
                    "K6",
                    f"Recourse waiver between {parties}: no recourse against a micro "
                    "or small software component maker that waived it by contract.",
                    ["PLD_2024 Art 12(2)"],
                )
            )
    return out


def build_steps(ctx: Ctx, public: list[Finding], ai: AiActOutcome) -> list[Step]:
    """The three Mozilla steps."""
    bodies = {1: _step1(ctx, public), 2: _step2(ctx, public, ai), 3: step3(ctx, public, ai)}
    return [
        Step.model_construct(number=n, title=_TITLES[n], statements=bodies[n]) for n in (1, 2, 3)
    ]
