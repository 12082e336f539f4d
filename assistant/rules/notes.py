"""Output notes: AILD withdrawn (G1), transposition (G3), boundary date, development risk,
no EU disclosure under 85/374, national citations unverified."""

from __future__ import annotations

from assistant.rules.context import Ctx
from assistant.rules.model import Finding, Note
from assistant.rules.trace import make_reason
from assistant.vocabulary import Regime, ScopeStatus

__all__ = ["build_notes"]

_S = ScopeStatus


def build_notes(ctx: Ctx, public: list[Finding]) -> list[Note]:
    """Caveats: AILD withdrawn (G1), transposition (G3), boundary date, dev-risk, updates."""
    notes: list[Note] = []

    def note(code: str, cond: str, text: str, provs: list[str] | tuple[str, ...] = ()) -> None:
        r = make_reason(cond, text, provs)
        notes.append(Note.model_construct(code=code, text=text, provisions=r.provisions))

    live = {f.regime for f in public if f.scope_status is not _S.EXCLUDED}
    alt = "PLD_2024 Art 10(4)" if Regime.PLD_2024 in live else None
    note(
        "G1_AILD_WITHDRAWN",
        "G1",
        "The AI Liability Directive proposal (COM(2022) 496) is a "
        "withdrawn proposal — policy history only, never law; its disclosure and presumption "
        "rules do not apply. "
        + (
            "For complex AI cases the PLD 2024 presumption applies instead."
            if alt
            else "Fault claims rely on national procedure and the evidence tools of step 3."
        ),
    )
    if alt:
        notes.append(
            Note.model_construct(
                code="G1_ALTERNATIVE",
                text="Instead of the withdrawn AILD presumptions: PLD 2024 Art 10(4).",
                provisions=[alt],
            )
        )
    if live & {Regime.PLD_2024, Regime.PLD_1985, Regime.NIS2, Regime.DCD}:
        j = ctx.jurisdiction
        note(
            "G3_TRANSPOSITION",
            "G3",
            "Directives apply through national transposing law: "
            + (
                f"check the transposition in {j}."
                if j
                else "check the Member State's transposition."
            ),
        )
    if Regime.PLD_2024 in live and ctx.case.jurisdiction.transposed is not True:
        note(
            "NOTE_LATE_TRANSPOSITION",
            "G3",
            "If the Member State has not transposed PLD 2024 in "
            "time, courts interpret national law in its light, but the Directive does not by "
            "itself bind private defendants.",
            ["PLD_2024 Art 22(1)"],
        )
    if Regime.PLD_2024 in live:
        note(
            "NOTE_DEV_RISK_NATIONAL",
            "E5",
            "The development-risk defence may be raised; some "
            "Member States keep or introduce liability despite it.",
        )
    md = ctx.case.product.market_date
    if md is not None and md == ctx.fixed("PLD2024_CUTOFF").day:
        note(
            "NOTE_BOUNDARY_DATE",
            "T4",
            "Placed on the cut-off date itself: which Directive "
            "governs is left to national transposition.",
        )
    if Regime.PLD_1985 in live:
        note(
            "NOTE_NO_EU_DISCLOSURE",
            "EV_1985",
            "No EU disclosure or presumptions under Directive 85/374/EEC.",
        )
        if ctx.case.manufacturer.retains_control:
            note(
                "NOTE_LATER_DEFECT_DEFENCE",
                "OD3",
                "Under 85/374 the producer may argue the "
                "defect arose after circulation, even for updates.",
            )
    if Regime.NATIONAL_FAULT in live and ctx.jurisdiction:
        note(
            "NOTE_NATIONAL_UNVERIFIED",
            "NT1",
            "National provisions are cited from the "
            "project's own digest and have not been verified by a lawyer of that jurisdiction.",
        )
    return notes
