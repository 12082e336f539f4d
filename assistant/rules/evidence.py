"""Mozilla step 3: information asymmetries (LEGAL_RULES.md §1.6 disclosure and presumptions,
§2.1 O6, §8.4 evidence tools for fault claims, AI Act Art 86)."""

from __future__ import annotations

from assistant.rules.ai_act import AiActOutcome
from assistant.rules.context import Ctx
from assistant.rules.model import Finding, Statement
from assistant.rules.statements import IN_SCOPE as _IN
from assistant.rules.statements import by_status as _by
from assistant.rules.statements import statement as _st
from assistant.vocabulary import Regime, ScopeStatus

__all__ = ["step3"]

_S = ScopeStatus


def step3(ctx: Ctx, public: list[Finding], ai: AiActOutcome) -> list[Statement]:
    case, out = (
        ctx.case,
        [
            _st(
                "MOZ",
                "Step 3 asks how the injured person gets evidence and "
                "whether the burden of proof is eased.",
            )
        ],
    )
    pld = [f for f in public if f.regime is Regime.PLD_2024 and f.scope_status is not _S.EXCLUDED]
    if pld:
        out.append(
            _st(
                "DISC",
                "PLD 2024: a court can order the defendant to disclose relevant "
                "evidence once the claim is plausible (request AI Act technical "
                "documentation, logs, instructions for use, post-market monitoring and "
                "incident reports, vulnerability records); trade secrets are protected.",
                [
                    "PLD_2024 Art 9(1)",
                    "PLD_2024 Art 9(4)",
                    "AI_ACT Art 11",
                    "AI_ACT Art 12",
                    "AI_ACT Art 13",
                    "AI_ACT Art 72",
                    "AI_ACT Art 73",
                ],
            )
        )
        out.append(
            _st(
                "DEF1",
                "Defectiveness is presumed on refusal to disclose, on breach of "
                "binding safety requirements, or on an obvious malfunction.",
                ["PLD_2024 Art 10(2)(a)", "PLD_2024 Art 10(2)(b)", "PLD_2024 Art 10(2)(c)"],
            )
        )
        out.append(_st("P4", "Causation is presumed where the damage is typical of the defect."))
        if case.ai.is_ai_system is not False:
            out.append(
                _st(
                    "P5",
                    "Where technical complexity (e.g. machine learning) makes proof "
                    "excessively difficult and defect or causation is likely, the court "
                    "presumes them.",
                )
            )
        out.append(_st("P6", "The defendant may rebut every presumption."))
    if [f for f in public if f.regime is Regime.PLD_1985 and f.scope_status is not _S.EXCLUDED]:
        out.append(
            _st(
                "EV_1985",
                "Directive 85/374/EEC: no EU disclosure mechanism and no "
                "presumptions; national procedural law only.",
            )
        )
    national = (
        "Fault-based claims: no EU-wide disclosure or presumption (the AI Liability "
        "Directive proposal was withdrawn); national procedural rules apply"
    )
    if pld:
        out.append(
            _st(
                "EV_NATIONAL",
                national + ", and a parallel PLD claim may surface evidence.",
                ["PLD_2024 Art 9(1)"],
            )
        )
    else:
        out.append(
            Statement.model_construct(
                condition="EV_NATIONAL", text=national + ".", provisions=[], actors=[]
            )
        )
    if case.data.personal_data_processed:
        out.append(
            _st(
                "EV_GDPR15",
                "Data subjects can obtain their data and meaningful "
                "information about the logic of automated decisions, and contest "
                "automated decisions.",
            )
        )
        out.append(
            _st(
                "GR4",
                "GDPR compensation: the controller or processor escapes only by "
                "proving it was not in any way responsible.",
            )
        )
    _explanation(ctx, out, ai)
    if ai.high_risk_binding:
        out.append(
            _st(
                "EV_LOGS",
                "High-risk duties create evidence: automatically recorded logs "
                "(kept by deployers for at least six months) and technical documentation.",
            )
        )
    if case.evidence.logs_available is False:
        out.append(
            _st(
                "EV_LOGS",
                "No logs are available: an evidence gap. Where high-risk "
                "logging and log-keeping duties bound, their absence is itself a fault "
                "indicator; otherwise disclosure and presumptions carry more weight.",
                ["AI_ACT Art 12", "AI_ACT Art 26(6)"],
            )
        )
    if case.evidence.items:
        out.append(
            Statement.model_construct(
                condition="EV_HELD",
                text="Evidence already held: " + "; ".join(case.evidence.items),
                provisions=[],
                actors=[],
            )
        )
    if _by(public, Regime.DCD, (_S.APPLIES, _S.LIKELY)):
        out.append(_st("DC9", "DCD: the trader must prove conformity."))
    return out


def _explanation(ctx: Ctx, out: list[Statement], ai: AiActOutcome) -> None:
    point = ctx.case.ai.annex_iii_point
    if point is None or point.value in ("none", "2"):
        return
    binding = any(s in _IN for s in ai.deployer_lines.values())
    if binding:
        out.append(
            _st(
                "AI86",
                "A person affected by a decision based on the high-risk system's "
                "output can ask the deployer for an explanation.",
                ["AI_ACT Art 86(1)"],
            )
        )
    else:
        out.append(
            _st(
                "AI86",
                "The right to an explanation of high-risk decisions is probably "
                "not yet available at the incident date (Annex III classification binds "
                "later), and it yields to other Union law that already gives one.",
                ["AI_ACT Art 86(1)", "AI_ACT Art 86(3)"],
            )
        )
