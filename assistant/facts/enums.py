"""Closed value sets for case facts (LEGAL_RULES.md §10.2), in addition to the public vocabulary.

Public names (roles, harms, incident causes, risk labels) come from ``assistant.vocabulary``;
the enums here are the finer facts the rule core reads. Values are the spec's own names so an
extraction prompt, the UI and the rule tables agree.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "AiActBreach",
    "AnnexIIIPoint",
    "AnnexIProduct",
    "Art63Condition",
    "ClaimantType",
    "CloudServiceRole",
    "ContractSubject",
    "ContributoryFault",
    "CraBreach",
    "DataDeliveryForm",
    "FaultIndicator",
    "GdprInfringement",
    "GdprRole",
    "HarmPath",
    "IdentificationRequest",
    "Nis2Breach",
    "Nis2Entity",
    "PracticeFlag",
    "ProductKind",
    "ProfessionalUse",
    "ScopeExclusion",
    "SeriousIncident",
    "Source",
    "UseType",
]


class Source(StrEnum):
    """Where a fact comes from."""

    USER = "user"  # stated by the user (chat, fact sheet)
    EXTRACTED = "extracted"  # extracted by the LLM from a narrative or upload (with quote)
    ASSUMED = "assumed"  # a default or inference, shown to the user as an assumption


class ClaimantType(StrEnum):
    """Who suffered the harm (PLD_2024 Art 5: natural persons only)."""

    NATURAL_PERSON = "natural_person"
    LEGAL_PERSON = "legal_person"
    BOTH = "both"


class ContractSubject(StrEnum):
    """What a contract supplies (DCD_2019 Art 3(1), 3(4), 3(5))."""

    DIGITAL_CONTENT_OR_SERVICE = "digital_content_or_service"
    GOODS_WITH_DIGITAL_ELEMENTS = "goods_with_digital_elements"
    GOODS = "goods"
    OTHER_SERVICE = "other_service"  # e.g. telecoms, health care, financial services


class ProfessionalUse(StrEnum):
    """How damaged property or data was used (PLD_2024 Art 6(1)(b)(iii), (c); PLD_1985 Art 9(b))."""

    PRIVATE = "private"
    MIXED = "mixed"
    EXCLUSIVELY_PROFESSIONAL = "exclusively_professional"


class ProductKind(StrEnum):
    """What the AI comes as; decides PLD_1985 software doubts, DCD Art 3(4) and CRA scope."""

    PHYSICAL_PRODUCT = "physical_product"  # a device with the AI embedded (goods)
    STANDALONE_SOFTWARE = "standalone_software"  # installed/downloaded software or app
    SAAS = "saas"  # online service / API
    AI_MODEL = "ai_model"  # a model supplied as such (weights, API of a model)


class UseType(StrEnum):
    """How the system was used at the incident (PLD_2024 Art 7(2)(b))."""

    INTENDED = "intended"
    FORESEEABLE_MISUSE = "foreseeable_misuse"
    UNFORESEEABLE_MISUSE = "unforeseeable_misuse"


class HarmPath(StrEnum):
    """How the harm came about (PLD_2024 Recital 13: information is not a product)."""

    PHYSICAL_EXECUTION = "physical_execution"
    INFORMATIONAL_OUTPUT_RELIED_ON = "informational_output_relied_on"
    DATA_PROCESSING = "data_processing"


class SeriousIncident(StrEnum):
    """Kinds of serious incident (AI_ACT Art 3(49)(a)-(d))."""

    DEATH_OR_HEALTH = "death_or_health"
    CRITICAL_INFRASTRUCTURE = "critical_infrastructure"
    FUNDAMENTAL_RIGHTS = "fundamental_rights"
    PROPERTY_OR_ENVIRONMENT = "property_or_environment"


class AnnexIIIPoint(StrEnum):
    """High-risk use areas of AI_ACT Annex III (``none`` = not an Annex III use)."""

    P1A = "1a"
    P1B = "1b"
    P1C = "1c"
    P2 = "2"
    P3A = "3a"
    P3B = "3b"
    P3C = "3c"
    P3D = "3d"
    P4A = "4a"
    P4B = "4b"
    P5A = "5a"
    P5B = "5b"
    P5C = "5c"
    P5D = "5d"
    P6A = "6a"
    P6B = "6b"
    P6C = "6c"
    P6D = "6d"
    P6E = "6e"
    P7A = "7a"
    P7B = "7b"
    P7C = "7c"
    P7D = "7d"
    P8A = "8a"
    P8B = "8b"
    NONE = "none"


class AnnexIProduct(StrEnum):
    """Product families of AI_ACT Annex I; the section (A/B) per act version is data."""

    MACHINERY = "machinery"
    TOYS = "toys"
    RECREATIONAL_CRAFT = "recreational_craft"
    LIFTS = "lifts"
    ATEX_EQUIPMENT = "atex_equipment"
    RADIO_EQUIPMENT = "radio_equipment"
    PRESSURE_EQUIPMENT = "pressure_equipment"
    CABLEWAY = "cableway"
    PERSONAL_PROTECTIVE_EQUIPMENT = "personal_protective_equipment"
    GAS_APPLIANCES = "gas_appliances"
    MEDICAL_DEVICE = "medical_device"
    IN_VITRO_DIAGNOSTIC = "in_vitro_diagnostic"
    CIVIL_AVIATION_SECURITY = "civil_aviation_security"
    TWO_THREE_WHEEL_VEHICLES = "two_three_wheel_vehicles"
    AGRICULTURAL_VEHICLES = "agricultural_vehicles"
    MARINE_EQUIPMENT = "marine_equipment"
    RAIL = "rail"
    MOTOR_VEHICLES = "motor_vehicles"
    CIVIL_AVIATION = "civil_aviation"


class Art63Condition(StrEnum):
    """The AI_ACT Art 6(3) derogation conditions (a)-(d), or none of them."""

    A = "a"
    B = "b"
    C = "c"
    D = "d"
    NONE = "none"


class PracticeFlag(StrEnum):
    """Prohibited practices of AI_ACT Art 5(1); (ba)/(bb) exist only as amended in 2026."""

    SUBLIMINAL_MANIPULATION = "subliminal_manipulation"
    EXPLOIT_VULNERABILITY = "exploit_vulnerability"
    SOCIAL_SCORING = "social_scoring"
    CRIME_PREDICTION_PROFILING = "crime_prediction_profiling"
    FACIAL_SCRAPING = "facial_scraping"
    EMOTION_RECOGNITION_WORK_EDUCATION = "emotion_recognition_work_education"
    BIOMETRIC_CATEGORISATION_SENSITIVE = "biometric_categorisation_sensitive"
    REALTIME_RBI_LAW_ENFORCEMENT = "realtime_rbi_law_enforcement"
    INTIMATE_DEEPFAKE_NONCONSENSUAL = "intimate_deepfake_nonconsensual"
    CSAM_GENERATION = "csam_generation"


class ScopeExclusion(StrEnum):
    """AI_ACT Art 2 exclusions (AS7)."""

    MILITARY_DEFENCE_SECURITY = "military_defence_security"
    SCIENTIFIC_RESEARCH = "scientific_research"
    PRE_MARKET_TESTING = "pre_market_testing"


class AiActBreach(StrEnum):
    """Known breaches of AI Act duties by an actor (LEGAL_RULES.md §3.4, §3.5, §3.7, §3.6)."""

    RISK_MGMT = "risk_mgmt"
    DATA_GOVERNANCE = "data_governance"
    TECH_DOC = "tech_doc"
    LOGGING = "logging"
    TRANSPARENCY_DEPLOYER = "transparency_deployer"  # instructions for use (Art 13)
    HUMAN_OVERSIGHT = "human_oversight"
    ACCURACY_ROBUSTNESS_CYBER = "accuracy_robustness_cyber"
    IMPORTER_CHECKS = "importer_checks"
    DISTRIBUTOR_CHECKS = "distributor_checks"
    USE_PER_INSTRUCTIONS = "use_per_instructions"
    OVERSIGHT_STAFF = "oversight_staff"
    INPUT_DATA = "input_data"
    MONITOR_REPORT = "monitor_report"
    KEEP_LOGS = "keep_logs"
    INFORM_WORKERS = "inform_workers"
    INFORM_AFFECTED = "inform_affected"
    FRIA = "fria"
    ART50_DISCLOSURE = "art50_disclosure"  # no AI interaction notice / no marking (Art 50)
    GPAI_DOWNSTREAM_INFO = "gpai_downstream_info"  # Art 53(1)(b)
    SERIOUS_INCIDENT_REPORT = "serious_incident_report"  # Art 73
    VALUE_CHAIN_AGREEMENT = "value_chain_agreement"  # Art 25(4)


class CraBreach(StrEnum):
    """Known breaches of CRA manufacturer duties (LEGAL_RULES.md §5.2)."""

    ESSENTIAL_REQS = "essential_reqs"
    RISK_ASSESSMENT = "risk_assessment"
    COMPONENT_DUE_DILIGENCE = "component_due_diligence"
    VULN_HANDLING = "vuln_handling"
    SUPPORT_PERIOD = "support_period"
    SECURITY_UPDATES = "security_updates"
    REPORT_VULN = "report_vuln"
    REPORT_INCIDENT = "report_incident"


class Nis2Breach(StrEnum):
    """Known breaches of NIS2 duties (Art 21(2) measures, Art 23 reporting)."""

    RISK_ANALYSIS = "risk_analysis"
    INCIDENT_HANDLING = "incident_handling"
    BUSINESS_CONTINUITY = "business_continuity"
    SUPPLY_CHAIN = "supply_chain"
    VULNERABILITY_HANDLING = "vulnerability_handling"
    EFFECTIVENESS_ASSESSMENT = "effectiveness_assessment"
    CYBER_HYGIENE = "cyber_hygiene"
    CRYPTOGRAPHY = "cryptography"
    ACCESS_CONTROL = "access_control"
    AUTHENTICATION = "authentication"
    INCIDENT_REPORTING = "incident_reporting"


class GdprInfringement(StrEnum):
    """GDPR infringements of the processing (LEGAL_RULES.md §4.3)."""

    ART22_SOLELY_AUTOMATED = "art22_solely_automated"
    SECURITY = "security"
    BREACH_NOTIFY_SA = "breach_notify_sa"
    BREACH_NOTIFY_SUBJECTS = "breach_notify_subjects"
    LAWFULNESS = "lawfulness"
    DPIA = "dpia"
    PROCESSOR_CONTRACT = "processor_contract"


class GdprRole(StrEnum):
    """An actor's GDPR role (GDPR Art 4(7), 4(8), 26)."""

    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint_controller"
    PROCESSOR = "processor"
    NONE = "none"


class Nis2Entity(StrEnum):
    """NIS2 Art 3 classification of an actor."""

    ESSENTIAL = "essential"
    IMPORTANT = "important"
    NONE = "none"


class CloudServiceRole(StrEnum):
    """What a cloud provider supplies (PLD_2024 Art 4(3) related service or not)."""

    GENERIC_COMPUTE = "generic_compute"
    MANAGED_AI_PLATFORM = "managed_ai_platform"
    RELATED_SERVICE_REQUIRED_FOR_FUNCTION = "related_service_required_for_function"


class DataDeliveryForm(StrEnum):
    """How a data provider delivered its data (§9.1 data_provider)."""

    RAW_DATASET = "raw_dataset"
    LABELLED_DATASET = "labelled_dataset"
    EMBEDDED_SOFTWARE_ARTIFACT = "embedded_software_artifact"
    API_SERVICE = "api_service"


class IdentificationRequest(StrEnum):
    """State of the injured person's request to a distributor (PLD_2024 Art 8(3))."""

    NOT_MADE = "not_made"
    PENDING = "pending"
    ANSWERED = "answered"
    FAILED_AFTER_1_MONTH = "failed_after_1_month"


class ContributoryFault(StrEnum):
    """The injured person's own conduct (PLD_2024 Art 13(2), DCD_2019 Art 8(3))."""

    IGNORED_WARNINGS = "ignored_warnings"
    MISUSE = "misuse"
    NO_UPDATE_INSTALLED = "no_update_installed"
    DISABLED_SAFETY = "disabled_safety"


class FaultIndicator(StrEnum):
    """Conduct of an actor that points to fault (national tort, LEGAL_RULES.md §8.1 F1)."""

    IGNORED_WARNINGS = "ignored_warnings"
    NO_TESTING = "no_testing"
    NO_MONITORING = "no_monitoring"
    NO_HUMAN_OVERSIGHT = "no_human_oversight"
    NO_PATCHING = "no_patching"
    MISUSE = "misuse"
    INADEQUATE_INSTRUCTIONS = "inadequate_instructions"
    UNSAFE_DESIGN = "unsafe_design"
    POOR_DATA_QUALITY = "poor_data_quality"
    INSECURE_CONFIGURATION = "insecure_configuration"
    INTENTIONAL_HARM = "intentional_harm"  # deliberately caused or misused to harm
    STATUTORY_BREACH = "statutory_breach"  # broke a law protecting others (e.g. a criminal law)
