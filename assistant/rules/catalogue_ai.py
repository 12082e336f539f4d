"""Catalogue entries of the AI Act (LEGAL_RULES.md §3).

Provisions that exist only in the AI Act as amended in 2026 (Art 5(1)(ba)/(bb), Art 6(1c),
Art 42(3), Art 99(4)(da), Art 111(4), Art 113(3)(c)(i)/(ii)) are cited only when that
version is the one in force at the event, so unversioned IDs resolve to the consolidated text.
"""

from __future__ import annotations

from assistant.rules.catalogue import register as _c

AI = "AI_ACT"

# -- AI Act scope (§3.2) ------------------------------------------------------------------
_c(
    "AS1",
    "Providers placing AI systems or GPAI models on the EU market are covered",
    f"{AI} Art 2(1)(a)",
    f"{AI} Art 3(3)",
)
_c(
    "AS2",
    "Deployers established or located in the EU are covered",
    f"{AI} Art 2(1)(b)",
    f"{AI} Art 3(4)",
)
_c(
    "AS3",
    "Third-country providers and deployers whose output is used in the EU are covered",
    f"{AI} Art 2(1)(c)",
)
_c(
    "AS4",
    "Importers, distributors, product manufacturers and representatives are covered",
    f"{AI} Art 2(1)(d)",
    f"{AI} Art 2(1)(e)",
    f"{AI} Art 2(1)(f)",
    f"{AI} Art 3(5)",
    f"{AI} Art 3(6)",
    f"{AI} Art 3(7)",
)
_c(
    "AS5",
    "Personal non-professional use: no deployer obligations",
    f"{AI} Art 2(10)",
    f"{AI} Art 3(4)",
)
_c(
    "AS6",
    "Open-source AI systems are outside the Act unless high-risk, prohibited or Art 50",
    f"{AI} Art 2(12)",
)
_c(
    "AS7",
    "Military, research-only and pre-market testing uses are outside the Act",
    f"{AI} Art 2(3)",
    f"{AI} Art 2(6)",
    f"{AI} Art 2(8)",
)
_c(
    "AS8",
    "Not an AI system: the AI Act does not apply",
    f"{AI} Art 3(1)",
    f"{AI} Recital 12",
)
_c("AS9", "Whether the system is an AI system is not known", f"{AI} Art 3(1)")
_c("NOROLE_AI", "The actor holds no AI Act operator role for this system", f"{AI} Art 3(8)")

# -- prohibited practices (§3.3 PR1) ------------------------------------------------------
_c(
    "PR1",
    "Prohibited AI practice",
    f"{AI} Art 5(1)",
    f"{AI} Art 5(1)(a)",
    f"{AI} Art 5(1)(b)",
    f"{AI} Art 5(1)(ba)",
    f"{AI} Art 5(1)(bb)",
    f"{AI} Art 5(1)(c)",
    f"{AI} Art 5(1)(d)",
    f"{AI} Art 5(1)(e)",
    f"{AI} Art 5(1)(f)",
    f"{AI} Art 5(1)(g)",
    f"{AI} Art 5(1)(h)",
    f"{AI} Art 99(3)",
)

# -- high-risk classification (§3.3) ------------------------------------------------------
_c(
    "HR1",
    "High-risk via Annex I: product or safety component needing third-party assessment",
    f"{AI} Art 6(1)",
    f"{AI} Art 6(1)(a)",
    f"{AI} Art 6(1)(b)",
    f"{AI} Art 6(1a)",
    f"{AI} Art 6(1b)",
    f"{AI} Art 6(1c)",
)
_c(
    "HR1B",
    "Annex I Section B products: only Art 6(1), 60a and 102-112 apply",
    f"{AI} Art 2(2)",
    f"{AI}@2024-07-12 Art 2(2)",
)
_c(
    "HR2",
    "High-risk via Annex III use area",
    f"{AI} Art 6(2)",
    f"{AI} Annex III",
    *(
        f"{AI} Annex III point {p}"
        for p in (
            "1(a)",
            "1(b)",
            "1(c)",
            "2",
            "3(a)",
            "3(b)",
            "3(c)",
            "3(d)",
            "4(a)",
            "4(b)",
            "5(a)",
            "5(b)",
            "5(c)",
            "5(d)",
            "6(a)",
            "6(b)",
            "6(c)",
            "6(d)",
            "6(e)",
            "7(a)",
            "7(b)",
            "7(c)",
            "7(d)",
            "8(a)",
            "8(b)",
        )
    ),
)
_c(
    "HR3",
    "Annex III derogation possible (narrow or preparatory task, no profiling)",
    f"{AI} Art 6(3)",
    f"{AI} Art 6(4)",
)
_c("HR4", "Use area or Annex I status unknown", f"{AI} Art 6(1)", f"{AI} Art 6(2)")
_c("HRX", "Not a high-risk AI system on the facts given", f"{AI} Art 6(1)", f"{AI} Art 6(2)")
_c("HR5", "High-risk duties not yet binding at the incident date", f"{AI} Art 113(2)")
_c(
    "HR6",
    "System placed before the high-risk date and not significantly changed since",
    f"{AI} Art 111(2)",
)
_c("HR7", "Which AI Act text applies: the version in force at the incident", f"{AI} Art 113(1)")

# -- duty lines (§3.4-§3.7) ---------------------------------------------------------------
_c(
    "PROV",
    "Provider of a high-risk AI system: Art 16 duties and Section 2 requirements",
    f"{AI} Art 16",
    f"{AI} Art 16(a)",
    f"{AI} Art 9",
    f"{AI} Art 10",
    f"{AI} Art 11",
    f"{AI} Art 12",
    f"{AI} Art 13",
    f"{AI} Art 14",
    f"{AI} Art 15",
    f"{AI} Art 17",
    f"{AI} Art 43",
    f"{AI} Art 99(4)(a)",
)
_c(
    "DEPL",
    "Deployer of a high-risk AI system: Art 26 duties",
    f"{AI} Art 26",
    f"{AI} Art 26(1)",
    f"{AI} Art 26(2)",
    f"{AI} Art 26(4)",
    f"{AI} Art 26(5)",
    f"{AI} Art 26(6)",
    f"{AI} Art 26(7)",
    f"{AI} Art 26(11)",
    f"{AI} Art 99(4)(e)",
)
_c("FRIA", "Fundamental rights impact assessment before deployment", f"{AI} Art 27(1)")
_c("IMP", "Importer verification duties", f"{AI} Art 23", f"{AI} Art 99(4)(c)")
_c("DIST", "Distributor verification duties", f"{AI} Art 24", f"{AI} Art 99(4)(d)")
_c("AREP", "Authorised representative duties", f"{AI} Art 22", f"{AI} Art 99(4)(b)")
_c(
    "REP73",
    "Serious incident reporting by the provider",
    f"{AI} Art 73",
    f"{AI} Art 73(2)",
    f"{AI} Art 73(3)",
    f"{AI} Art 73(4)",
    f"{AI} Art 3(49)",
)
_c(
    "BREACH_AI",
    "Known breach of an AI Act duty",
    f"{AI} Art 9",
    f"{AI} Art 10",
    f"{AI} Art 11",
    f"{AI} Art 12",
    f"{AI} Art 13",
    f"{AI} Art 14",
    f"{AI} Art 15",
    f"{AI} Art 22",
    f"{AI} Art 23",
    f"{AI} Art 24",
    f"{AI} Art 25(4)",
    f"{AI} Art 26(1)",
    f"{AI} Art 26(2)",
    f"{AI} Art 26(4)",
    f"{AI} Art 26(5)",
    f"{AI} Art 26(6)",
    f"{AI} Art 26(7)",
    f"{AI} Art 26(11)",
    f"{AI} Art 27(1)",
    f"{AI} Art 50",
    f"{AI} Art 53(1)(b)",
    f"{AI} Art 73",
)
_c(
    "SOTA",
    "A duty not yet binding still shows the state of the art (fault/defect indicator)",
    f"{AI} Art 16",
    f"{AI} Art 26",
    f"{AI} Art 23",
    f"{AI} Art 24",
    f"{AI} Art 50",
    f"{AI} Art 53(1)",
)

# -- value chain (§3.5) -------------------------------------------------------------------
_c(
    "R25a",
    "Own name or trademark on a high-risk system makes the actor its provider",
    f"{AI} Art 25(1)(a)",
)
_c(
    "R25b",
    "Substantial modification of a high-risk system makes the actor its provider",
    f"{AI} Art 25(1)(b)",
    f"{AI} Art 3(23)",
)
_c(
    "R25c",
    "Changing the intended purpose so the system becomes high-risk makes the actor its provider",
    f"{AI} Art 25(1)(c)",
)
_c("R25d", "The initial provider is no longer provider but must cooperate", f"{AI} Art 25(2)")
_c(
    "R25d_x",
    "No cooperation duty: the initial provider excluded high-risk conversion",
    f"{AI} Art 25(2)",
)
_c(
    "R25e",
    "Product manufacturer is the provider of an Annex I Section A safety component",
    f"{AI} Art 25(3)(a)",
    f"{AI} Art 25(3)(b)",
)
_c(
    "R25f",
    "Written agreement with suppliers of tools, models or components of a high-risk system",
    f"{AI} Art 25(4)",
)
_c(
    "R25g",
    "Missing Art 25(4) agreement (fineable since 2026)",
    f"{AI} Art 25(4)",
    f"{AI} Art 99(4)(da)",
)

# -- transparency (§3.7) and GPAI (§3.6) --------------------------------------------------
_c(
    "T50a",
    "Provider: tell people they are interacting with an AI system",
    f"{AI} Art 50(1)",
    f"{AI} Art 99(4)(g)",
)
_c(
    "T50b",
    "Provider: mark synthetic content as AI-generated",
    f"{AI} Art 50(2)",
    f"{AI} Art 99(4)(g)",
)
_c(
    "T50c",
    "Deployer: inform people exposed to emotion recognition or biometric categorisation",
    f"{AI} Art 50(3)",
    f"{AI} Art 99(4)(g)",
)
_c("T50d", "Deployer: disclose deep fakes", f"{AI} Art 50(4)", f"{AI} Art 99(4)(g)")
_c("T50e", "Transparency duties not yet binding at the incident date", f"{AI} Art 113(2)")
_c(
    "GP1",
    "GPAI model provider duties",
    f"{AI} Art 53(1)",
    f"{AI} Art 53(1)(a)",
    f"{AI} Art 53(1)(b)",
    f"{AI} Art 53(1)(c)",
    f"{AI} Art 53(1)(d)",
    f"{AI} Art 3(63)",
    f"{AI} Art 101",
)
_c(
    "GP2",
    "Open-weights models without systemic risk: documentation duties (a), (b) lifted",
    f"{AI} Art 53(2)",
)
_c(
    "GP4",
    "Systemic-risk model: evaluation, risk mitigation, incident reporting, cybersecurity",
    f"{AI} Art 51(1)",
    f"{AI} Art 55(1)",
    f"{AI} Art 55(1)(a)",
    f"{AI} Art 55(1)(b)",
    f"{AI} Art 55(1)(c)",
    f"{AI} Art 55(1)(d)",
)
_c("GP5", "GPAI model placed before 2 Aug 2025: compliance due by 2 Aug 2027", f"{AI} Art 111(3)")
_c("GP6", "Third-country GPAI provider needs an EU authorised representative", f"{AI} Art 54")
_c(
    "AI86",
    "Right to an explanation of a high-risk decision",
    f"{AI} Art 86(1)",
    f"{AI} Art 86(3)",
    f"{AI} Art 85",
)
