"""Catalogue entries of GDPR (§4), DCD (§7), national tort and contract (§8), allocation (§9.2),
evidence (§8.4) and the Mozilla framework."""

from __future__ import annotations

from assistant.rules.catalogue import register as _c

P = "PLD_2024"

# -- GDPR Art 82 (§4) ---------------------------------------------------------------------
_c("GD1", "Personal data are processed", "GDPR Art 4(1)", "GDPR Art 4(2)")
_c(
    "GD1x",
    "No personal data processed: GDPR compensation does not apply",
    "GDPR Art 4(1)",
    "GDPR Art 82(1)",
)
_c("GD2", "An infringement of the GDPR by the processing", "GDPR Art 82(1)")
_c("GD3", "Material or non-material damage caused by the infringement", "GDPR Art 82(1)")
_c("GR1", "A controller involved in the processing is liable", "GDPR Art 82(2)", "GDPR Art 4(7)")
_c(
    "GR2",
    "A processor is liable if it breached its own duties or the controller's instructions",
    "GDPR Art 82(2)",
    "GDPR Art 4(8)",
)
_c("GR3", "A processor acting within instructions is not liable", "GDPR Art 82(2)")
_c(
    "GR4",
    "Exemption only if not in any way responsible (burden on the defendant)",
    "GDPR Art 82(3)",
)
_c(
    "GR5",
    "Several controllers/processors are each liable for the entire damage",
    "GDPR Art 82(4)",
    "GDPR Art 82(5)",
)
_c(
    "GR6",
    "Courts where the defendant is established or the data subject lives",
    "GDPR Art 82(6)",
    "GDPR Art 79(2)",
)
_c("GR7", "The actor's GDPR role is not known", "GDPR Art 82(2)", "GDPR Art 4(7)", "GDPR Art 4(8)")
_c("GR_NONE", "The actor is neither controller nor processor", "GDPR Art 82(2)")
_c(
    "BREACH_GDPR",
    "Infringement of the processing",
    "GDPR Art 22(1)",
    "GDPR Art 22(3)",
    "GDPR Art 32(1)",
    "GDPR Art 33(1)",
    "GDPR Art 34(1)",
    "GDPR Art 6(1)",
    "GDPR Art 35",
    "GDPR Art 28(3)",
)
_c("GD_DATE", "GDPR not yet applicable at the incident", "GDPR Art 99(2)")

# -- DCD and consumer law (§7) ------------------------------------------------------------
_c(
    "DC1",
    "Trader supplies digital content or a service to a consumer for a price or data",
    "DCD_2019 Art 3(1)",
)
_c("DC2", "Only consumers acting outside their trade are covered", "DCD_2019 Art 2(6)")
_c(
    "DC_GOODS",
    "Digital content in goods sold with them: Sale of Goods Directive instead",
    "DCD_2019 Art 3(4)",
)
_c(
    "DC_TRADER",
    "Remedies run only against the trader, the consumer's counterparty",
    "DCD_2019 Art 3(1)",
    "DCD_2019 Art 20",
)
_c(
    "DC4",
    "Conformity: agreed features and normal quality including security",
    "DCD_2019 Art 7",
    "DCD_2019 Art 8(1)",
)
_c("DC5", "The trader must supply updates needed to keep conformity", "DCD_2019 Art 8(2)")
_c(
    "DC6",
    "No trader liability for a non-conformity caused only by a skipped, notified update",
    "DCD_2019 Art 8(3)",
)
_c(
    "DC8",
    "Trader liable for non-conformity at supply or during continuous supply",
    "DCD_2019 Art 11(2)",
    "DCD_2019 Art 11(3)",
)
_c("DC9", "Burden of proof of conformity on the trader", "DCD_2019 Art 12(2)", "DCD_2019 Art 12(3)")
_c(
    "DC10",
    "Remedies: conformity, price reduction, termination; damages under national law",
    "DCD_2019 Art 14",
    "DCD_2019 Art 3(10)",
)
_c("DC11", "The trader has redress against earlier links of the chain", "DCD_2019 Art 20")
_c("DC12", "Terms derogating to the consumer's detriment are not binding", "DCD_2019 Art 22(1)")
_c("DC13", "Supply before the DCD applied", "DCD_2019 Art 24(1)")
_c(
    "CL2",
    "Undisclosed AI interaction with a consumer may be an unfair commercial practice "
    "(Directive 2005/29/EC as transposed, not in the corpus)",
    "AI_ACT Art 50(1)",
)
_c(
    "CL1",
    "Goods with digital elements sold to a consumer: sale-of-goods conformity remedies "
    "(Directive (EU) 2019/771, national law)",
    "DCD_2019 Art 3(4)",
)

# -- national tort and contract (§8) ------------------------------------------------------
_c(
    "NT1",
    "National fault-based liability is always available in parallel",
    f"{P} Art 2(4)(b)",
    "PLD_1985 Art 13",
)
_c(
    "F1",
    "Conduct indicating fault (breach of a duty of care or of a protective statute)",
    f"{P} Art 2(4)(b)",
)
_c(
    "F2",
    "Protected interest harmed; pure economic loss protected only in some systems",
    f"{P} Art 2(4)(b)",
)
_c("F3", "Causation unknown or opaque", f"{P} Art 2(4)(b)")
_c("F4", "The injured person's contributory fault reduces damages", f"{P} Art 2(4)(b)")
_c(
    "NT_STRICT",
    "A national strict-liability statute older than 85/374 stays available "
    "(e.g. keeper liability for motor vehicles)",
    f"{P} Art 2(4)(c)",
)
_c("NT_STATE", "Public bodies answer for their officials' breaches of duty", f"{P} Art 2(4)(b)")
_c("NT_EMPLOY", "Employers answer for discrimination in employment decisions", f"{P} Art 2(4)(b)")
_c("F_NOTINVOLVED", "The actor had no causal involvement in the incident", f"{P} Art 2(4)(b)")
_c("F_CONDUCT", "Nothing is known yet about this actor's conduct", f"{P} Art 2(4)(b)")
_c("K1", "Contract between the injured person and the actor", f"{P} Art 2(4)(b)")
_c("K1x", "No contract with the injured person is known", f"{P} Art 2(4)(b)")
_c(
    "K2",
    "Limitation clause: valid between businesses within national limits, not against "
    "the injured person under product liability or against consumers",
    f"{P} Art 15",
    "PLD_1985 Art 12",
    "DCD_2019 Art 22(1)",
)
_c(
    "K3",
    "Indemnity between actors decides recourse, not the victim's claim",
    f"{P} Art 12(1)",
    f"{P} Art 14",
)
_c(
    "K4",
    "High-risk supplier agreement: information, access, audits, cooperation",
    "AI_ACT Art 25(4)",
)
_c("K5", "GPAI licence: downstream documentation and acceptable-use terms", "AI_ACT Art 53(1)(b)")
_c("K6", "SME software component maker and recourse waiver", f"{P} Art 12(2)")
_c("K7", "Business claimant and contract facts unknown", f"{P} Art 5(1)", f"{P} Art 6(1)(b)(iii)")

# -- allocation along the value chain (§9.2) ----------------------------------------------
_c(
    "A1",
    "Several operators liable for the same damage: joint and several, recourse inside",
    f"{P} Art 12(1)",
    f"{P} Art 14",
)
_c(
    "A2",
    "The substantial modifier is the manufacturer; defence for unaffected parts",
    f"{P} Art 8(2)",
    f"{P} Art 11(1)(g)",
)
_c(
    "A3",
    "Modification within the manufacturer's control keeps it the manufacturer",
    f"{P} Art 4(5)(a)(ii)",
    f"{P} Art 11(2)(d)",
)
_c("A4", "AI Act role shift to a new provider", "AI_ACT Art 25(1)", "AI_ACT Art 25(2)")
_c(
    "A5",
    "AI Act provider and PLD manufacturer diverge on these facts",
    "AI_ACT Art 3(23)",
    f"{P} Art 4(18)",
)
_c(
    "A6",
    "Defect of an upstream model propagates into the downstream product",
    f"{P} Art 8(1) subparagraph 2",
    f"{P} Art 8(1)(b)",
    f"{P} Art 11(1)(f)",
    "AI_ACT Art 53(1)(b)",
)
_c(
    "A7",
    "A third party (attacker, other actor) contributed: no reduction towards the victim",
    f"{P} Art 13(1)",
    f"{P} Recital 55",
    "PLD_1985 Art 8(1)",
)
_c(
    "A8",
    "The injured person's own fault may reduce liability",
    f"{P} Art 13(2)",
    "PLD_1985 Art 8(2)",
    "DCD_2019 Art 8(3)",
)
_c("A9", "Missing security update within the manufacturer's control", f"{P} Art 11(2)(c)")
_c(
    "A10",
    "Non-EU manufacturer: importer, representative or fulfilment provider answer",
    f"{P} Art 8(1)(c)",
)
_c(
    "A11",
    "No identifiable EU operator: distributor or platform fallback",
    f"{P} Art 8(3)",
    f"{P} Art 8(4)",
)
_c(
    "A12",
    "Several controllers or processors: each liable for the entire damage",
    "GDPR Art 82(4)",
    "GDPR Art 82(5)",
)
_c("A13", "Consumer remedies run against the trader, who has redress upstream", "DCD_2019 Art 20")
_c("A14", "Deployers and operators without a product role answer in fault", "AI_ACT Art 26")

# -- evidence and burden of proof (§1.6, §8.4) --------------------------------------------
_c(
    "EV_GDPR15",
    "Access to personal data and the logic of automated decisions",
    "GDPR Art 15(1)(h)",
    "GDPR Art 22(3)",
)
_c(
    "EV_LOGS",
    "Logs and documentation created by AI Act duties",
    "AI_ACT Art 11",
    "AI_ACT Art 12",
    "AI_ACT Art 26(6)",
)
_c("EV_NATIONAL", "Fault claims: national procedural disclosure only", f"{P} Art 9(1)")
_c(
    "EV_1985",
    "No EU disclosure or presumptions for claims under Directive 85/374/EEC",
    "PLD_1985 Art 4",
)

# -- Mozilla framework --------------------------------------------------------------------
_c("MOZ", "Three-step analysis: regime, sharing, information asymmetries", "MOZILLA_POST")
