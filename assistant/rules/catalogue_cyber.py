"""Catalogue entries of the CRA (LEGAL_RULES.md §5) and NIS2 (§6)."""

from __future__ import annotations

from assistant.rules.catalogue import register as _c

AI = "AI_ACT"

# -- CRA (§5) -----------------------------------------------------------------------------
_c("C1", "Products with digital elements are in scope", "CRA Art 2(1)", "CRA Art 3(1)")
_c(
    "C2",
    "Sector rules take the product out of the CRA",
    "CRA Art 2(2)(a)",
    "CRA Art 2(2)(b)",
    "CRA Art 2(2)(c)",
    "CRA Art 2(3)",
    "CRA Art 2(4)",
)
_c(
    "C4",
    "Products placed before 11 Dec 2027 are caught only after a substantial modification",
    "CRA Art 69(2)",
)
_c(
    "C5",
    "Reporting of exploited vulnerabilities and severe incidents applies to all products",
    "CRA Art 69(3)",
    "CRA Art 14(1)",
    "CRA Art 14(2)",
    "CRA Art 14(3)",
    "CRA Art 14(4)",
)
_c(
    "C6",
    "Pure SaaS is a product with digital elements only as remote data processing",
    "CRA Art 3(2)",
)
_c(
    "C_FOSS",
    "Non-commercial open-source software is not made available on the market",
    "CRA Art 3(22)",
    "CRA Recital 18",
)
_c("C_NODE", "No data connection to a device or network: outside the CRA", "CRA Art 2(1)")
_c(
    "CRA_MFR",
    "Manufacturer duties: essential requirements, vulnerability handling, updates",
    "CRA Art 13(1)",
    "CRA Annex I Part I",
    "CRA Art 13(2)",
    "CRA Art 13(5)",
    "CRA Art 13(8)",
    "CRA Annex I Part II",
    "CRA Art 13(9)",
    "CRA Art 64(2)",
)
_c("CRA_IMP", "Importer duties", "CRA Art 19")
_c("CRA_DIST", "Distributor duties", "CRA Art 20")
_c(
    "CRA_SHIFT",
    "Own-brand or substantial modification makes the actor a manufacturer",
    "CRA Art 21",
    "CRA Art 22(1)",
    "CRA Art 22(2)",
)
_c(
    "CRA_NOROLE",
    "The actor is not a manufacturer, importer or distributor of the product",
    "CRA Art 2(1)",
)
_c(
    "BREACH_CRA",
    "Known breach of a CRA duty",
    "CRA Art 13(1)",
    "CRA Art 13(2)",
    "CRA Art 13(5)",
    "CRA Art 13(8)",
    "CRA Art 13(9)",
    "CRA Art 14(1)",
    "CRA Art 14(3)",
)
_c(
    "CA1",
    "CRA conformity can show compliance with AI Act cybersecurity",
    "CRA Art 12(1)",
    f"{AI} Art 42(3)",
    f"{AI} Art 15",
)
_c(
    "CA2",
    "CRA breach feeds the PLD defect test; missing updates block the later-defect defence",
    "PLD_2024 Art 7(2)(f)",
    "PLD_2024 Art 10(2)(b)",
    "PLD_2024 Art 11(2)(c)",
)

# -- NIS2 (§6) ----------------------------------------------------------------------------
_c(
    "N1",
    "Essential or important entity under NIS2",
    "NIS2 Art 3(1)",
    "NIS2 Art 3(2)",
    "NIS2 Annex I",
    "NIS2 Annex II",
)
_c("N5", "Cybersecurity risk-management measures", "NIS2 Art 21(1)", "NIS2 Art 21(2)")
_c(
    "N6",
    "Significant incident reporting: 24 h / 72 h / one month",
    "NIS2 Art 23(1)",
    "NIS2 Art 23(3)",
    "NIS2 Art 23(4)",
)
_c("N8", "Management bodies approve and oversee the measures", "NIS2 Art 20(1)")
_c("N9", "Fines for essential and important entities", "NIS2 Art 34(4)", "NIS2 Art 34(5)")
_c("N_NONE", "Not a NIS2 entity on the facts given", "NIS2 Art 3(1)", "NIS2 Art 3(2)")
_c(
    "N_UNKNOWN",
    "Cloud, data-centre or managed service provider: NIS2 status unknown",
    "NIS2 Annex I",
)
_c(
    "BREACH_NIS2",
    "Known breach of a NIS2 measure",
    "NIS2 Art 21(2)(a)",
    "NIS2 Art 21(2)(b)",
    "NIS2 Art 21(2)(c)",
    "NIS2 Art 21(2)(d)",
    "NIS2 Art 21(2)(e)",
    "NIS2 Art 21(2)(f)",
    "NIS2 Art 21(2)(g)",
    "NIS2 Art 21(2)(h)",
    "NIS2 Art 21(2)(i)",
    "NIS2 Art 21(2)(j)",
    "NIS2 Art 23(1)",
)
