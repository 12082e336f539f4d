"""Wording for answers: labels of facts and options, the words that select each option, and the
words that mean yes or no for questions whose yes/no is phrased as an alternative ("or only
internally?"). Everything here is data; the parsers live in :mod:`parse`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.chain.extract.lexicon_facts import ANNEX_III_CUES, CAUSE_CUES, HARM_CUES

__all__ = ["FACT_LABELS", "OPTION_LABELS", "OPTION_WORDS", "YES_NO_WORDS", "YesNoWords"]

FACT_LABELS: dict[str, str] = {
    "incident.date": "date of the incident",
    "product.market_date": "date the product was first placed on the market",
    "actors[].market_date": "date this actor first placed its product on the market",
    "claimant.type": "who suffered the harm",
    "damage": "harm suffered",
    "damage[].medically_recognised": "medically recognised",
    "damage[].professional_use": "use of the damaged items or data",
    "damage[].is_defective_product_itself": "the damaged item is the product itself",
    "damage[].amount_eur": "value of the damage (EUR)",
    "actors[].roles": "roles",
    "actors[].established_in_eu": "established in the EU",
    "actors[].placed_on_market": "sold or supplied it in the EU",
    "actors[].name_on_product": "offered under its own name or brand",
    "ai.is_ai_system": "the system learns or infers its outputs (an AI system)",
    "ai.gpai_model": "built on a general-purpose model",
    "ai.annex_iii_point": "use area",
    "incident.causes": "cause of the incident",
    "jurisdiction.member_state": "country",
    "modification.occurred": "changed after release",
    "modification.substantial": "substantial change",
    "modification.authorised_by_manufacturer": "change authorised by the original maker",
    "modification.date": "date of the change",
    "contracts": "contracts",
    "claimant.date_aware": "date the injured person learned of the harm and who was responsible",
    "actors[].conduct": "conduct",
    "ai.supplied_in_commercial_activity": "supplied in a commercial activity",
    "actors[].foss_noncommercial": "free/open-source, supplied outside any commercial activity",
}

# Human labels for option values (defaults: the value with "_" as spaces).
OPTION_LABELS: dict[str, str] = {
    "natural_person": "a private individual",
    "legal_person": "a company or organisation",
    "both": "both",
    "exclusively_professional": "for work only",
    "private": "privately",
    "mixed": "both privately and for work",
    "physical_execution": "the system acted (controlled a device, deleted data ...)",
    "informational_output_relied_on": "a person relied on information it produced",
    "data_processing": "processing of personal data",
    "generic_compute": "generic hosting only",
    "related_service_required_for_function": "the product stops working without it",
    "managed_ai_platform": "a managed AI platform",
    "failed_after_1_month": "asked, no answer within a month",
    "not_made": "not asked yet",
    "none": "none of these",
}


def _with_cues(table: object, words: dict[str, str]) -> dict[str, str]:
    """Answer words per option, extended by the narrative cues of the extraction lexicon."""
    cues = {value.value: pattern.pattern for value, pattern in table}  # type: ignore[attr-defined]
    out = dict(words)
    for value, cue in cues.items():
        out[value] = f"{out[value]}|{cue}" if value in out else cue
    return out


# Words that select an option, per enum (regular expressions, matched case-insensitively).
OPTION_WORDS: dict[str, dict[str, str]] = {
    "ClaimantType": {
        "natural_person": r"\b(?:private (?:individual|person)|individual|natural person|person|"
        r"consumer|me|myself|my (?:son|daughter|mother|father|child|wife|husband)|patient|"
        r"privatperson|verbraucher\w*|particulier|personne physique)\b",
        "legal_person": r"\b(?:company|companies|organi[sz]ation|business|firm|employer|legal "
        r"person|gmbh|ltd|unternehmen|firma|entreprise|société|personne morale)\b",
        "both": r"\b(?:both|beide|les deux)\b",
    },
    "ProfessionalUse": {
        "private": r"\b(?:private(?:ly)?|personal(?:ly)?|at home|privat\w*|personnel\w*)\b",
        "exclusively_professional": r"\b(?:(?:only |just |exclusively )?for work|business|"
        r"professional(?:ly)?|commercial|company|beruflich\w*|geschäftlich\w*|professionnel\w*)\b",
        "mixed": r"\b(?:both|mixed|partly|beides|gemischt|les deux|mixte)\b",
    },
    "Harm": _with_cues(
        HARM_CUES,
        {
            "personal_injury": r"\b(?:injur\w*|hurt|physical|bodily|death|died|killed|burn\w*|"
            r"verletz\w*|körper\w*|blessure\w*|blessé\w*)\b",
            "psychological": r"\b(?:psycholog\w*|mental\w*|anxiety|stress|trauma\w*|depress\w*|"
            r"psychisch\w*|seelisch\w*)\b",
            "property": r"\b(?:property|things|belongings|objects?|car|house|flat|furniture|"
            r"sachschaden|sachen|eigentum|biens)\b",
            "data_loss": r"\b(?:data|files|photos|database|daten\w*|dateien|données|fichiers)\b",
            "economic_loss": r"\b(?:financial|money|economic|income|revenue|profit|costs?|"
            r"finanziell\w*|geld|vermögen\w*|financi\w+|argent)\b",
            "discrimination": r"\b(?:discriminat\w*|unfair treatment|bias\w*|diskriminier\w*|"
            r"benachteilig\w*)\b",
            "privacy": r"\b(?:privacy|personal data|data protection|datenschutz|vie privée)\b",
            "reputation": r"\b(?:reputation|defamation|ruf\b|réputation)\b",
            "other_non_material": r"\b(?:other|sonstige\w*|autre)\b",
        },
    ),
    "IncidentCause": _with_cues(
        CAUSE_CUES,
        {
            "design": r"\b(?:design\w*|konstruktion\w*|conception)\b",
            "training_data": r"\b(?:training data|biased data|bad data|trainingsdaten)\b",
            "software_update": r"\b(?:(?:software |firmware )?update (?:broke|caused|introduced)|"
            r"after (?:an|the) update|nach (?:dem|einem) update)\b",
            "missing_security_update": r"\b(?:patch\w*|security update|unpatched|vulnerabilit\w*|"
            r"sicherheitsupdate|sicherheitslücke)\b",
            "cyberattack": r"\b(?:hack\w*|attack\w*|ransomware|malware|angriff\w*|gehackt)\b",
            "misuse": r"\b(?:misus\w*|abuse\w*|missbrauch\w*)\b",
            "operator_error": r"\b(?:operator error|human error|mistake by (?:staff|the operator)|"
            r"bedienfehler|menschliche\w* fehler)\b",
            "erroneous_output": r"\b(?:wrong (?:answer|output|result|advice)|hallucinat\w*|"
            r"incorrect|falsch\w*|erroné\w*)\b",
        },
    ),
    "Role": {
        "developer": r"\b(?:built|build|developed?|develops|made|makes|created?|designed|trained|"
        r"programmed|manufactur\w+|maker|developer|entwickelt\w*|hergestellt|hersteller)\b",
        "provider": r"\b(?:under (?:its|their) own (?:name|brand)|placed it on the market|"
        r"provider|markets? it|anbieter|unter eigene[mr] (?:namen|marke))\b",
        "gpai_provider": r"\b(?:general-purpose model|foundation model|llm|large language model|"
        r"basismodell)\b",
        "fine_tuner": r"\b(?:fine-?tun\w*|re-?train\w*|adapted the model|nachtrainiert\w*|"
        r"feinabgestimmt)\b",
        "data_provider": r"\b(?:supplied (?:the )?data|provided (?:the )?data|data provider|"
        r"training data|datasets?|labels|daten geliefert|datenlieferant)\b",
        "deployer": r"\b(?:deploy\w*|uses? (?:it|them|the \w+|[A-Z]\w+|\w+ (?:at|in|for|to))|"
        r"using (?:it|the)|"
        r"rolled (?:it )?out|put it (?:in|into) (?:use|service)|einges\w+|setz\w+ \w+ ein|"
        r"nutz\w+|verwende\w*|utilis\w+|déploi\w+)\b",
        "integrator": r"\b(?:integrat\w+|embedded|built (?:it )?into|eingebaut|integriert)\b",
        "operator": r"\b(?:operat\w+|runs? (?:it|the|a|an)|ran (?:it|the)|betreib\w+|exploit\w+)\b",
        "cloud_provider": r"\b(?:host\w*|cloud|servers?|infrastructure|rechenzentrum)\b",
        "component_supplier": r"\b(?:component|sensor|library|chip|part|komponente|"
        r"bibliothek)\b",
        "distributor": r"\b(?:sold|sells|resell\w*|retail\w*|shop|dealer|distribut\w+|"
        r"verkauft|händler)\b",
        "importer": r"\b(?:import\w*)\b",
        "online_platform": r"\b(?:marketplace|platform|marktplatz)\b",
        "end_user": r"\b(?:used it (?:privately|at home|personally)|private user|consumer|"
        r"end user|privat genutzt)\b",
        "affected_person": r"\b(?:victim|injured|harmed|affected|geschädigt\w*|betroffen\w*)\b",
    },
    "AnnexIIIPoint": _with_cues(
        ANNEX_III_CUES,
        {
            "4a": r"\b(?:hiring|recruit\w*|job applica\w+|cv|candidates|bewerb\w+|recrutement)\b",
            "4b": r"\b(?:employee (?:management|monitoring|evaluation)|promotion|dismiss\w*|"
            r"termination|task allocation|mitarbeiter\w*)\b",
            "5b": r"\b(?:credit\w*|loan\w*|creditworth\w*|kredit\w*|bonität|crédit)\b",
            "5c": r"\b(?:(?:life|health) insurance|insurance pricing|versicherung\w*|assurance)\b",
            "5d": r"\b(?:emergency|triage|notruf|notaufnahme|urgence\w*)\b",
            "5a": r"\b(?:public benefits?|social benefits|welfare|sozialleistung\w*)\b",
            "3a": r"\b(?:admission\w*|zulassung)\b",
            "3b": r"\b(?:exam\w*|grading|grades|prüfung\w*|noten)\b",
            "1a": r"\b(?:biometric identification|face recognition in public|gesichtserkennung)\b",
            "1c": r"\b(?:emotion recognition|emotionserkennung)\b",
            "2": r"\b(?:critical infrastructure|electricity|water supply|gas supply|road traffic|"
            r"kritische infrastruktur)\b",
            "7c": r"\b(?:asylum|visa|residence permit|asyl\w*)\b",
            "8a": r"\b(?:court|judge\w*|judicial|gericht\w*|richter\w*)\b",
            "8b": r"\b(?:election\w*|voting|wahl\w*)\b",
            "none": r"\b(?:none of (?:these|them|the above)|other|something else|no(?:ne)?|"
            r"keine[sr]? davon|sonstige\w*|autre)\b",
        },
    ),
    "HarmPath": {
        "physical_execution": r"\b(?:acted|acting|controlled|deleted|drove|moved|physical\w*|"
        r"did it itself|gesteuert|gelöscht)\b",
        "informational_output_relied_on": r"\b(?:relied|rely|information|advice|told|output|"
        r"recommend\w*|answer|verlassen|empfehlung|auskunft)\b",
        "data_processing": r"\b(?:processing (?:of )?(?:personal )?data|datenverarbeitung)\b",
    },
    "CloudServiceRole": {
        "related_service_required_for_function": r"\b(?:stops? working|does not work without|"
        r"doesn't work without|cannot (?:work|function)|required|needs? it|essential|"
        r"funktioniert nicht ohne)\b",
        "generic_compute": r"\b(?:generic|just hosting|only hosting|only servers|plain hosting|"
        r"infrastructure only|nur hosting)\b",
        "managed_ai_platform": r"\b(?:managed (?:ai )?platform|model hosting|ai platform)\b",
    },
    "GdprRole": {
        "controller": r"\b(?:controller|decided|decides|own purposes|verantwortlich\w*)\b",
        "joint_controller": r"\b(?:joint(?:ly)?|together|gemeinsam\w*)\b",
        "processor": r"\b(?:processor|on (?:its |their )?instructions|only processed|"
        r"auftragsverarbeit\w*)\b",
        "none": r"\b(?:no personal data|none|keine)\b",
    },
    "ProductKind": {
        "physical_product": r"\b(?:device|physical|hardware|robot|machine|vehicle|car|"
        r"appliance|gerät|maschine)\b",
        "standalone_software": r"\b(?:installed|desktop|download\w*|app on (?:my|the) phone|"
        r"software on)\b",
        "saas": r"\b(?:online|web|saas|cloud service|api|internet service|website)\b",
        "ai_model": r"\b(?:model (?:itself|as such)|weights|the model)\b",
    },
    "IdentificationRequest": {
        "failed_after_1_month": r"\b(?:no (?:answer|reply|response)|did(?: not|n't) answer|"
        r"keine antwort)\b",
        "answered": r"\b(?:answered|named|replied|told us|hat geantwortet)\b",
        "pending": r"\b(?:waiting|pending|asked recently|wir warten)\b",
        "not_made": r"\b(?:not (?:yet )?asked|haven't asked|have not asked|no(?:t)? request|"
        r"nicht gefragt)\b",
    },
    "Nis2Entity": {
        "essential": r"\b(?:essential|wesentlich\w*|essentiel\w*)\b",
        "important": r"\b(?:important|wichtig\w*)\b",
        "none": r"\b(?:neither|none|not (?:regulated|covered)|no\b|keine\w*)\b",
    },
    "DataDeliveryForm": {
        "labelled_dataset": r"\b(?:labell?ed|annotated)\b",
        "raw_dataset": r"\b(?:raw|dataset|data ?set|files|datensatz)\b",
        "embedded_software_artifact": r"\b(?:built into|embedded|software|weights|lookup)\b",
        "api_service": r"\b(?:api|service|feed|stream)\b",
    },
    "Art63Condition": {
        "a": r"\b(?:narrow|procedural)\b",
        "b": r"\b(?:improve\w*|check\w*)\b",
        "c": r"\b(?:patterns?|deviations?)\b",
        "d": r"\b(?:preparatory|prepar\w+)\b",
        "none": r"\b(?:no|none|neither|nein)\b",
    },
}


@dataclass(frozen=True)
class YesNoWords:
    """Extra words meaning yes / no for one fact, and whether the fact is the opposite of the
    question (answering "yes" sets it to False)."""

    yes: str | None = None
    no: str | None = None
    inverted: bool = False
    extra: dict[str, str] = field(default_factory=dict)


YES_NO_WORDS: dict[str, YesNoWords] = {
    "ai.is_ai_system": YesNoWords(
        yes=r"\b(?:learns?|machine learning|language model|llm|neural|trained|infers?|model)\b",
        no=r"\b(?:fixed rules|rules written|rule-based|if-then|hard-coded|feste regeln|"
        r"regelbasiert)\b",
    ),
    "ai.gpai_model": YesNoWords(
        yes=r"\b(?:llm|gpt\w*|large language model|general-purpose|foundation model|openai|"
        r"mistral|llama|claude|gemini)\b"
    ),
    "damage[].is_defective_product_itself": YesNoWords(
        yes=r"\b(?:the product itself|itself|das produkt selbst)\b",
        no=r"\b(?:something else|other things?|else|etwas anderes)\b",
    ),
    "actors[].established_in_eu": YesNoWords(
        no=r"\b(?:outside|us|usa|united states|china|uk|switzerland|not in the eu|"
        r"außerhalb)\b"
    ),
    "actors[].placed_on_market": YesNoWords(no=r"\b(?:internal(?:ly)?|in-house|intern)\b"),
    "actors[].integrator_places_product": YesNoWords(
        no=r"\b(?:internal(?:ly)?|in-house|intern|own use)\b"
    ),
    "actors[].foss_noncommercial": YesNoWords(
        yes=r"\b(?:free|unpaid|volunteer|hobby|spare time|non-commercial|ehrenamtlich)\b",
        no=r"\b(?:paid|commercial|sold|support contract|company|kommerziell)\b",
    ),
    "ai.supplied_in_commercial_activity": YesNoWords(
        yes=r"\b(?:free|unpaid|volunteer|hobby|non-commercial|ehrenamtlich)\b",
        no=r"\b(?:paid|commercial|sold|subscription|kommerziell)\b",
        inverted=True,
    ),
    "actors[].processor_within_instructions": YesNoWords(
        yes=r"\b(?:only as instructed|on (?:its |their )?instructions|weisungsgebunden)\b",
        no=r"\b(?:own purposes|for itself|eigene zwecke)\b",
    ),
    "actors[].personal_non_professional_use": YesNoWords(
        yes=r"\b(?:private(?:ly)?|personal|privat\w*)\b",
        no=r"\b(?:work|business|professional|beruflich\w*)\b",
    ),
    "claimant.consumer": YesNoWords(
        yes=r"\b(?:private(?:ly)?|consumer|privat\w*|verbraucher\w*)\b",
        no=r"\b(?:business|professional|company|for work|beruflich\w*|gewerblich\w*)\b",
    ),
    "manufacturer.retains_control": YesNoWords(
        yes=r"\b(?:updates?|hosts?|remote(?:ly)?|over the air|ota)\b"
    ),
    "ai.interacts_with_persons": YesNoWords(
        no=r"\b(?:no (?:people|persons|humans)|does(?:n't| not) interact)\b"
    ),
}
