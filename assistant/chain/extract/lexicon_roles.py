"""Role cues (EN/DE/FR): the words that say what an actor did in the value chain.

Each cue names the roles it gives and how to find the actor it is about (its *agent*):

* ``active``  -- the actor written just before the verb ("Brightside fine-tuned the model");
* ``passive`` -- the actor written just after the cue ("developed by X", "hosted on X",
  "a tool from X", "bought at X");
* ``von``     -- German passive with the agent before the participle ("von X entwickelt");
* ``noun``    -- a role noun next to the name ("X, the cloud provider", "Hersteller X").

``SELLER`` is a placeholder resolved after all cues are read: a maker or integrator that sells
becomes a provider, a cloud host selling access stays a cloud provider, anyone else selling is a
distributor. Precision over recall: a cue fires only on wording that clearly states the role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.chain.extract.text import words_re
from assistant.vocabulary import Role

__all__ = ["ATTACKER", "GPAI_WORDS", "ROLE_CUES", "SELLER", "RoleCue"]

SELLER = "seller"  # placeholder, see module docstring
ATTACKER = "attacker"  # an actor with no value-chain role

GPAI_WORDS = words_re(
    r"\b(?:general[- ]purpose(?: ai)?(?: language)? models?|general[- ]purpose (?:[\w-]+ ){1,2}"
    r"models?|modèles? (?:d['’]ia )?à usage général|foundation models?|large language "
    r"models?|llms?|gpt-?\d*\w*|basismodell\w*|sprachmodell\w*|ki-modell mit allgemeinem "
    r"verwendungszweck|modèles? de fondation|grands? modèles? de langage|(?:cloud|hosted|"
    r"generative|general) language models?)\b"
)


@dataclass(frozen=True)
class RoleCue:
    """One cue: the roles it gives, how its agent is found, and its pattern."""

    name: str
    roles: tuple[str, ...]
    voice: str  # active | passive | von | noun
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None = None  # the sentence must also match this
    claims: bool = True  # its words are not read again by later cues


def _cue(
    name: str,
    roles: tuple[str, ...],
    voice: str,
    pattern: str,
    requires: str | None = None,
    claims: bool = True,
) -> RoleCue:
    needs = words_re(requires) if requires else None
    return RoleCue(name, roles, voice, words_re(pattern), needs, claims)


_D, _P, _G = Role.DEVELOPER.value, Role.PROVIDER.value, Role.GPAI_PROVIDER.value
_FT, _DP = Role.FINE_TUNER.value, Role.DATA_PROVIDER.value
_DEP, _INT, _OP = Role.DEPLOYER.value, Role.INTEGRATOR.value, Role.OPERATOR.value
_CL, _CS = Role.CLOUD_PROVIDER.value, Role.COMPONENT_SUPPLIER.value
_IMP, _PLAT, _AR = (
    Role.IMPORTER.value,
    Role.ONLINE_PLATFORM.value,
    Role.AUTHORISED_REPRESENTATIVE.value,
)

_DATA = (
    r"(?:(?:training|input|customer|transaction|patient|labelled|labeled|annotated|personal|"
    r"sensor|user|loan|credit|health) ){0,2}"
    r"(?:data(?:sets?)?|labels|records|feeds|images|photos|files|annotations|"
    r"(?:trainings)?daten(?:satz|sätze)?|datensatz|labels|données|jeux? de données)"
)
_PRODUCT = (
    r"(?:tool|service|app|application|system|software|model|platform|solution|product|chatbot|"
    r"bot|oven|fridge|vacuum|forklift|scooter|monitor|tracker|watch|wearable|dehumidifier|"
    r"teddy|doll|drones?|"
    r"assistant|api|agent|engine|licen[cs]e|device|robot|werkzeug|dienst|anwendung|lösung|"
    r"produkt|modell|outil|logiciel|modèle|plateforme|produit|kettle|heater|mower|fryer|lock|"
    r"e-bike|bike|thermostat|controller|car|vehicle|drone|toy|camera|speaker|machine|appliance|"
    r"gerät|türschloss|schloss|wasserkocher|heizung|roboter|appareil|voiture|jouet|"
    r"gabelstapler|stapler|fahrzeug|maschine|akku|batterie|speicher|assistent|ki-assistent|"
    r"batteries?|battery|energy manager|logiciel d'intelligence artificielle)"
)
_COMPONENT = (
    r"(?:library|libraries|component|sensor|chip|module|camera|firmware|sdk|part|plug-?in|"
    r"bibliothek|komponente|bauteil|modul|kamera|bibliothèque|composant|capteur)"
)
_BY = r"\s+(?:by|von|durch|par)\b"
_FROM = r"\s+(?:from|von|bei|by|de chez|chez|auprès de)\b"

ROLE_CUES: tuple[RoleCue, ...] = (
    # ---- integration (before "built" as a developer verb)
    _cue(
        "built_own_on",
        (_INT, _P),
        "active",
        r"\b(?:built|builds|build)\s+(?:its|their|our)\s+(?:[\w-]+\s+){0,3}(?:app|product|service|"
        r"platform|device|tool|chatbot|assistant)\b[^.;]{0,30}?\bon\b",
    ),
    _cue(
        "in_house",
        (_D, _P, _DEP),
        "active",
        r"\b(?:built|builds|developed|develops|made|trained)\s+(?:it\s+|them\s+)?in-house\b|"
        r"\b(?:built|builds|developed|develops|trained)\s+(?:its|their|our)\s+own\b[^.;]{0,50}?"
        r"\bin-house\b|"
        r"\bin-house[- ](?:built|developed)\b|\b(?:selbst|intern) entwickelt\b|"
        r"\bdéveloppée? en interne\b",
    ),
    _cue(
        "built_on",
        (_INT, _P),
        "active",
        r"\b(?:built|builds|build)\b(?: (?:[\w\"“”„'-]+,? ){0,8}?| )on (?:top of )?(?!the market\b|"
        r"sale\b|(?:\d|mon|tue|wed|thu|fri|sat|sun))",
    ),
    _cue(
        "into_own_product",
        (_INT, _P),
        "active",
        r"\b(?:put|puts|integrat\w+|embed\w*|incorporat\w+)\b[^.;]{0,40}?\b(?:inside|into|in) "
        r"(?:its|their|our) (?:own )?(?:commercial )?(?:[\w\"“”-]+ ){0,4}?(?:app|product|service|"
        r"platform|device|controller|robot|car|vehicle|software|tool|chatbot|system)\b",
    ),
    _cue(
        "integrates",
        (_INT,),
        "active",
        r"\b(?:integrat(?:es|ed|ing)|embed(?:s|ded)|incorporat(?:es|ed)|bundles|bundled|"
        r"integriert(?:e|en)?|eingebaut|verbaut|baut(?:e)?\b[^.;]{0,40}\bein|intègre|intégré)\b",
    ),
    _cue(
        "put_inside",
        (_INT,),
        "active",
        r"\b(?:put|puts|placed)\b[^.;]{0,40}?\b(?:inside|into)\s+(?:its|their|our|the)\b",
    ),
    # ---- making
    _cue(
        "manufactures",
        (_D, _P),
        "active",
        r"\b(?:(?<!to\s)make|makes|manufacture|manufactures|manufactured|produces|stellt\b[^.;]{0,30}"
        r"\bher|herstellt|fabrique|produit)\b(?!\s+(?:an? |the )?(?:video|photo|picture|image|"
        r"recording|post|call|complaint|decision|mistake|error|claim|payment|statement|"
        r"appointment|request)s?\b)",
    ),
    _cue(
        "made_by",
        (_D, _P),
        "passive",
        r"\b(?:made|manufactured|produced|hergestellt|fabriqué|fabriquée)" + _BY,
    ),
    _cue("made_von", (_D, _P), "von", r"\b(?:hergestellt|hergestellte[nrs]?)\b"),
    _cue("bought_bei", (SELLER,), "von", r"\b(?:gekauft|erworben|bestellt)\b"),
    _cue(
        "develops",
        (_D,),
        "active",
        r"\b(?:develop(?:s|ed)?|built|builds|created|creates|designed|designs|trained|trains|"
        r"programmed|coded|wrote|entwickelt(?:e|en)?|trainiert(?:e|en)?|programmiert(?:e)?|"
        r"gebaut|développ(?:e|é|ée|ent)|conçu|conçoit|entraîn(?:e|é|ée))\b",
    ),
    _cue(
        "built_by",
        (_D, _P),
        "passive",
        r"\b(?:built|assembled|manufactured)" + _BY,
        r"\b(?:shuttle|vehicle|car|bus|robot|device|machine|drone|scooter|bike|appliance|toy|"
        r"controller|product|tram|train|lock|camera|fahrzeug|gerät|véhicule|appareil)\b",
    ),
    _cue(
        "developed_by",
        (_D,),
        "passive",
        r"\b(?:developed|built|created|designed|trained|programmed|coded|entwickelt|trainiert|"
        r"programmiert|développé|développée|conçu|conçue|entraîné)" + _BY,
    ),
    _cue(
        "developed_von",
        (_D,),
        "von",
        r"\b(?:entwickelt|entwickelte[nrs]?|trainiert|trainierte[nrs]?|programmiert|gebaut)\b",
    ),
    _cue(
        "maintains",
        (_D, _CS),
        "active",
        r"\b(?:maintain|maintains|maintained|pflegt|pflege|maintient)\b",
        r"\b(?:library|model|project|code|package|component|bibliothek|projekt|paket|"
        r"bibliothèque|modèle)\b",
    ),
    _cue("maintained_by", (_D, _CS), "passive", r"\b(?:maintained|gepflegt|maintenu)" + _BY),
    # ---- modification
    _cue(
        "fine_tunes",
        (_FT,),
        "active",
        r"\b(?:fine[- ]?tun(?:es|ed)|finetuned|re-?train(?:s|ed)|customi[sz]ed the model|"
        r"by (?:fine[- ]?tuning|re-?training)|"
        r"feinabgestimmt|feinjustiert|nachtrainiert(?:e)?|weitertrainiert(?:e)?|"
        r"affiné|réentraîné|ré-entraîné)\b(?!\s+(?:nothing|anything|nichts|rien)\b)",
    ),
    _cue("fine_tuned_by", (_FT,), "passive", r"\b(?:fine[- ]?tuned|retrained)" + _BY),
    _cue(
        "modified_by_de",
        (_FT,),
        "passive",
        r"\b(?:ließ|ließen|lässt|lassen)\b[^.;]{0,80}?\bvon(?:\s+der|\s+dem|\s+den)?(?=\s)",
        r"\b(?:umbauen|umrüsten|nachrüsten|umprogrammieren|modifizieren|umgebaut|umgerüstet|"
        r"nachgerüstet)\b",
    ),
    _cue(
        "modified_by",
        (_FT,),
        "passive",
        r"\b(?:retrofitted|converted|modified|upgraded)\b[^.;]{0,40}?\bby\b",
        r"\b(?:kit|autonom\w*|driverless|self-driving|ai|firmware|software)\b",
    ),
    _cue(
        "modifies",
        (_FT,),
        "active",
        r"\b(?:install(?:s|ed)|flash(?:es|ed)|load(?:s|ed)|put(?:s)?) (?:its|their|our) own "
        r"(?:[\w\"“”-]+ ){0,3}(?:firmware|software|model|ai)\b|\b(?:modif(?:ies|ied)|alter(?:s|ed)|"
        r"retrofit(?:s|ted)?|replac(?:es|ed)|reprogramm?(?:es|ed)) (?:the|its|their) (?:[\w-]+ ){0,2}"
        r"(?:firmware|software|model|algorithm|ai)\b",
    ),
    # ---- data
    _cue(
        "data_from",
        (_DP,),
        "passive",
        rf"\b(?P<claim>{_DATA}\b[^.;]{{0,40}}?\b(?:supplied|provided|delivered|sourced|bought|"
        r"purchased|licensed|obtained|collected|labell?ed|annotated|came|geliefert|bereitgestellt|"
        r"gekauft|fournies?|achetées?)?" + _FROM + ")",
    ),
    _cue("fed_by", (_DP,), "passive", r"\bfed with\b[^.;]{0,60}?\bby\b"),
    _cue(
        "supplies_data",
        (_DP,),
        "active",
        rf"\b(?:supplie[sd]|provide[sd]|deliver(?:s|ed)|sold|sells|licen[cs]ed|labell?ed|"
        rf"annotated|collected|pushes|liefert(?:e)?|fournit)\s+(?:the |its |their |all )?"
        rf"{_DATA}\b",
    ),
    # ---- deployment and use
    _cue(
        "deploys",
        (_DEP,),
        "active",
        r"\b(?:deploy(?:s|ed)?|rolled out|rolls out|put it into (?:use|service|operation)|"
        r"setzt\b[^.;]{0,90}?\bein\b|setzte\b[^.;]{0,90}?\bein\b|eingesetzt|einsetzen|"
        r"einsetzt|einsetzte|déploie|déployé|(?:is|are|has been|have been|had been) using|"
        r"utilisent|utilisait|a recours à|ont recours à|se sert d[eu']|emploie)\b",
    ),
    _cue(
        "deployed_by",
        (_DEP,),
        "passive",
        r"\b(?:deployed|used|in use|rolled out|eingesetzt|genutzt|verwendet|im einsatz|déployé|"
        r"utilisé)\s+(?:by|at|bei|von|in|par|chez)\b",
    ),
    _cue(
        "uses",
        (_DEP,),
        "active",
        r"\b(?:uses|(?<!buys\s)(?<!bought\s)(?<!sells\s)(?<!sold\s)(?<!buy\s)used|"
        r"is using|are using|relies on|nutzt|nutzen|verwendet|verwenden|"
        r"utilise|utilisons)\b|(?<=\bwe\s)use\b|(?<=\bI\s)use\b",
    ),
    # "They ... switched it on in March", "nahm die Anlage in Betrieb", "l'a mis en service"
    _cue(
        "switched_on",
        (_DEP,),
        "active",
        r"\b(?:(?:switched|turned|switches|turns) (?:it|them|the (?:[\w-]+ ){0,2}?[\w-]+) on|"
        r"switched on|activated (?:it|them|the)|(?:nahm|nimmt|nahmen)\b[^.;]{0,40}?\bin "
        r"betrieb|in betrieb genommen|(?:schaltete|schaltet)\b[^.;]{0,40}?\bein\b|"
        r"(?:a|ont) (?:mis\w* en (?:service|marche|production)|activé\w*)|"
        r"mis\w* en service)\b",
    ),
    # "our pricing line calculates premiums with VitaRisk", "die Stadt steuert die Ampeln mit
    # dem System": the one who does the task with the system uses it
    _cue(
        "works_with",
        (_DEP,),
        "active",
        r"\b(?:calculates?|computes?|sets?|decides?|ranks?|scores?|screens?|assesses?|"
        r"evaluates?|controls?|manages?|steuert|steuern|regelt|regeln|berechnet|berechnen|"
        r"bewertet|bewerten|prüft|prüfen|calcule|calculent|évalue|évaluent|pilote|pilotent|"
        r"gère|gèrent|trie|trient)\b(?=[^.;]{0,120}?\b(?:with|using|mit|mithilfe|avec|grâce "
        r"à|au moyen d[eu'])\s+(?:the|its|an?|our|dem|der|einem|einer|unserem|unserer|le|la|"
        r"l['’]|un|une|notre)?\s*(?:[\w,-]+\s+){0,3}?(?:[\"“„«]|(?:ai|ki|ia|adaptive\w*|"
        r"lernende\w*)\b|(?:system|software|tool|model|modell|logiciel|outil|algorithm\w*)"
        r"\b))",
    ),
    _cue(
        "operates",
        (_OP,),
        "active",
        r"\b(?:operates|operated|runs|ran|betreibt|betrieb|exploite)\b(?!\s+(?:on|in|at|out|into|"
        r"over|by)\b)",
    ),
    _cue(
        "service_run_by",
        (_P,),
        "passive",
        rf"\b{_PRODUCT}\b[^.;]{{0,20}}?\b(?:is |was )?(?:run|offered|provided|published|"
        r"angeboten|betrieben|proposé)" + _BY,
    ),
    _cue(
        "offers_de",
        (_P, _DEP),
        "active",
        r"\bbiete[nt]?\b[^.;]{0,80}?\b(?:ki-?\w*|assistent\w*|chatbot\w*|app|software|"
        r"plattform|dienst)\b[^.;]{0,40}?\ban\b",
    ),
    _cue(
        "acted_at",
        (_DEP, _OP),
        "passive",
        r"\b(?:ranked|triaged|flagged|rejected|scored|diagnosed|classified|assessed|screened|"
        r"recommended|prescribed|monitored)\b[^.;]{0,80}?\bat(?=\s+(?:the\s+)?[A-ZÄÖÜ])",
    ),
    _cue("operated_von", (_OP,), "von", r"\b(?:betrieben|gesteuert)\b"),
    _cue("operated_by", (_OP,), "passive", r"\b(?:operated|run|betrieben|exploité)" + _BY),
    # ---- hosting
    _cue(
        "hosts",
        (_CL,),
        "active",
        r"\b(?:hosts|hosted|hostet|héberge)\b(?!\s+(?:by|on|at|bei|von)\b)",
    ),
    _cue(
        "hosted_by",
        (_CL,),
        "passive",
        r"\b(?:hosted|gehostet|hébergée?)\s+(?:by|on|at|in|bei|von|auf|par|chez)\b"
        r"|\b(?:runs?|ran|running|läuft|lief)\s+(?:on|in|auf)\b(?=[^.;]{0,40}\b(?:servers?|"
        r"cloud|data ?cent(?:re|er)s?|infrastructure|rechenzentr\w*|gpus?)\b)"
        r"|\b(?:servers?|cloud|data ?cent(?:re|er)s?|infrastructure|compute|gpus?|"
        r"rechenzentr\w*|server|serveurs?)\s+(?:rented|leased|provided|operated|run|"
        r"gemietet)?\s*(?:from|by|of|von|bei|de|chez)\b",
    ),
    # ---- selling, importing, platforms
    _cue(
        "sells",
        (SELLER,),
        "active",
        r"\b(?:sells|sell|sold|selling|resells|resold|distributes|distributed|retails|verkauft|vertreibt|"
        r"vertrieb|vend|vendu|vendons|vendent|vendait|distribue|commercialise)\b"
        r"(?!\s+(?:access|subscriptions?)\b)",
    ),
    _cue(
        "bought_from",
        (SELLER,),
        "passive",
        r"\b(?:bought|purchased|ordered|gekauft|erworben|bestellt|acheté|commandé)\b[^.;]{0,50}?"
        r"\b(?:from|at|bei|von|chez|auprès de|in the|im|dans le magasin)\b",
        claims=False,
    ),
    _cue(
        "bought_at_de",
        (SELLER,),
        "passive",
        r"\b(?:im|beim|bei|in der|in dem|au magasin|chez)\b(?=[^.;]{0,120}?\b(?:gekauft|"
        r"erworben|bestellt)\b)",
        claims=False,
    ),
    _cue(
        "bought_in",
        (_DEP,),
        "active",
        r"\b(?:bought|purchased|acquired)\b(?=[^.;]{0,60}\b(?:from|von|bei|chez)\b)",
    ),
    _cue(
        "sold_by",
        (SELLER,),
        "passive",
        r"\b(?:sold|distributed|resold|retailed|vendu|verkauft|vertrieben)\s+(?:to \w+\s+)?(?:by|"
        r"through|via|par|von|über)\b",
    ),
    _cue(
        "supplied_by",
        (_P,),
        "passive",
        r"\b(?:supplied|provided|offered|delivered|marketed|fourni|geliefert|angeboten)\s+(?:by|"
        r"par|von)\b",
    ),
    _cue(
        "published_by_fr",
        (_D, _P),
        "passive",
        r"\b(?:édité|éditée|édités|commercialisé|commercialisée|conçue? et (?:édité|vendu)e?)"
        r"\s+par\b(?:\s+(?:la|le|l['’])\s*(?:start-?up|société|entreprise|éditeur)?)?",
    ),
    _cue(
        "placed_on_market_by",
        (_P,),
        "passive",
        r"\b(?:placed|put) on the (?:eu |union )?market\b[^.;]{0,40}?\bby\b|"
        r"\bin verkehr gebracht\b[^.;]{0,40}?\bvon\b|\bmis sur le marché\b[^.;]{0,40}?\bpar\b",
    ),
    _cue(
        "company_of",
        (_D, _P),
        "passive",
        r"\b(?:de la société|de l'entreprise|der firma|von der firma|from the company|by the "
        r"company|of the company)\b",
    ),
    _cue(
        "quoted_product_of",
        (_D, _P),
        "passive",
        r"(?P<claim>[\"“„«][^\"”“»\n]{1,30}[\"”“»])\s+(?:der|des|vom|von der|from|by|made "
        r"by|de la société|de l['’]entreprise|de la start-?up|de chez)(?=\s+[A-ZÄÖÜÉ])",
        claims=False,
    ),
    _cue(
        "product_of_startup_fr",
        (_D, _P),
        "passive",
        rf"\b(?P<claim>{_PRODUCT}\s+de la (?:start-?up|jeune pousse|société|firme|entreprise))\b",
    ),
    _cue(
        "product_from",
        (_D, _P),
        "passive",
        rf"\b(?:an? |the |its |their )?(?:[\w-]+ ){{0,4}}(?P<claim>{_PRODUCT}\s+"
        rf"(?:(?:vom typ|of type|model|modell)\s+)?(?:[\"“„«][^\"”“»]{{1,30}}[\"”“»]\s+)?"
        rf"(?:from|von|de chez|der|des|made by))\b",
    ),
    # "the AI translation service of Verbalis GmbH": the named company offers it (it may only
    # run it: "the support chatbot of the retailer X"), so provider, not developer
    _cue(
        "product_of",
        (_P,),
        "passive",
        rf"\b(?:an? |the |its |their )?(?:[\w-]+ ){{0,4}}(?P<claim>{_PRODUCT}\s+"
        rf"(?:[\"“„«][^\"”“»]{{1,30}}[\"”“»]\s+)?of)\b",
        claims=False,
    ),
    _cue(
        "licensed_from", (_D, _P), "passive", r"\blicen[cs]ed\b[^.;]{0,60}?\bfrom\b", claims=False
    ),
    _cue(
        "licensed_in", (_DEP,), "active", r"\blicen[cs]ed\b(?=\s+(?:an?|the)\b[^.;]{0,60}?\bfrom\b)"
    ),
    _cue("licensed_to", (_P,), "active", r"\blicen[cs]e[sd]\s+(?:it|the \w+|its \w+)\s+to\b"),
    _cue(
        "releases",
        (_D, _P),
        "active",
        r"\b(?:released|releases|publishe[sd])\b(?= (?:the|its|an?|their)\b)",
    ),
    _cue("licenses_in", (_DEP,), "active", r"\blicen[cs]ed\b(?= (?:[A-Z]|an?\b|the\b))"),
    _cue(
        "gpai_of",
        (_D, _G),
        "passive",
        r"\b(?:general[- ]purpose(?: ai)?(?: language)? models?|foundation models?|large "
        r"language models?|llms?|basismodell\w*|gpt-?\d+\w*|(?:cloud|hosted|generative|general) "
        r"language models?)\s+(?:of|from|by|von|de)\b",
    ),
    # "a general-purpose multimodal model that Lumen Labs released": the model's maker
    _cue(
        "gpai_that",
        (_D, _G),
        "passive",
        r"\b(?:general[- ]purpose|foundation|basis|allzweck)(?:[- ][\w-]+){0,1}(?: [\w-]+){0,2} "
        r"(?:ai )?(?:models?|modell\w*)\b(?: [\"“„«][^\"”“»]{1,30}[\"”“»])?,? (?:that|which|den|"
        r"das|que|qu['’])",
    ),
    _cue("product_paren", (_D, _P), "passive", rf"\b(?P<claim>{_PRODUCT}\s*\()"),
    _cue(
        "named_product_paren",
        (_D, _P),
        "passive",
        r"(?P<claim>(?:[\"“][^\"”]{1,30}[\"”]|\b(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z0-9])[\w-]*){0,2})"
        r"\s*\()(?=(?-i:[A-Z])[^)]{0,40}\b(?-i:GmbH|AG|Ltd|SAS|SA|Inc|BV|B\.V\.|Oy|SE|SARL|LLC|"
        r"plc|KG|AB|S\.A\.|S\.r\.l\.|SpA)\b)",
    ),
    _cue(
        "product_by",
        (_D, _P),
        "passive",
        r"\b(?:app|tool|system|software|service|platform|model|chatbot|device|product|robot|"
        r"toy|assistant)\s+(?:is\s+|called\s+|named\s+)*[\"“]?(?-i:[A-Z])[\w-]+[\"”]?\s+"
        r"(?:by|from|von|de)\b|\b(?:app|tool|product) is [\"“]?(?-i:[A-Z])[\w-]+[\"”]? by\b",
    ),
    _cue(
        "named_product_from",
        (_D, _P),
        "passive",
        r"\b(?:used|uses|using|licensed|licenses|bought|deployed|deploys|runs|installed|adopted)\s+"
        r"(?:the\s+)?[\"“]?(?-i:[A-Z])[\w-]+[\"”]?\s+(?:from|by|of)\b",
        claims=False,
    ),
    _cue(
        "own_brand",
        (_P,),
        "active",
        r"\bunder (?:its|their|our|his|her) own (?:brand|name|label|trademark)\b|"
        r"\bwhose (?:brand|name|logo|trademark) is on\b|"
        r"\b(?:its|their|our|his|her) own (?:eu )?declaration of conformity\b|"
        r"\b(?:eigenen?|seiner|ihrer) (?:eigenen )?(?:eu-)?konformitätserklärung\b|"
        r"\bsa propre déclaration de conformité\b|"
        r"\bunter (?:seinem|ihrem|unserem|eigenem|eigener|seiner|ihrer) (?:eigenen? )?"
        r"(?:namen|marke)\b|\bsous (?:sa|leur|notre) propre marque\b",
    ),
    _cue(
        "places_on_market",
        (_P,),
        "active",
        r"\b(?:plac(?:es|ed)|put)\s+(?:it|them|the \w+)?\s*on the (?:eu )?market\b|"
        r"\bbringt\b[^.;]{0,30}\bauf den markt\b|\bmet\b[^.;]{0,20}\bsur le marché\b",
    ),
    _cue(
        "imports",
        (_IMP,),
        "active",
        r"\b(?:imports|imported|importiert(?:e)?|importe|importé)\b(?!\s+(?:by|von|par)\b)",
    ),
    _cue("imported_by", (_IMP,), "passive", r"\b(?:imported|importiert|importé)" + _BY),
    _cue(
        "component_from",
        (_CS,),
        "passive",
        rf"\b{_COMPONENT}\b[^.;]{{0,20}}?\b(?:supplied|made|provided|developed|geliefert)?" + _FROM,
    ),
    _cue(
        "supplies_component",
        (_CS,),
        "active",
        rf"\b(?:supplie[sd]|provide[sd]|liefert(?:e)?|fournit)\s+(?:the |a |its |den |die |das "
        rf"|le |la )?(?:[\w-]+ )?{_COMPONENT}\b",
    ),
    # ---- role nouns next to a name
    _cue(
        "noun_developer",
        (_D,),
        "noun",
        r"\b(?:developer|entwickler(?:in)?|développeur)\b",
    ),
    _cue(
        "noun_maker",
        (_D, _P),
        "noun",
        r"\b(?:manufacturer|maker|producer|hersteller(?:in)?|fabricant|vendor|anbieter(?:in)?|"
        r"fournisseur|provider of the (?:ai|system|app|tool))\b",
    ),
    _cue("noun_deployer", (_DEP,), "noun", r"\b(?:deployer|betreiber der ki|déployeur)\b"),
    _cue("noun_operator", (_OP,), "noun", r"\b(?:operator|betreiber(?:in)?|exploitant)\b"),
    _cue(
        "noun_cloud",
        (_CL,),
        "noun",
        r"\b(?:cloud(?:[- ]service)? provider|hosting provider|cloud host|hoster|"
        r"cloud-?anbieter|hébergeur)\b",
    ),
    _cue(
        "noun_data",
        (_DP,),
        "noun",
        r"\b(?:data (?:provider|supplier|broker|vendor)|datenlieferant(?:in)?|datenanbieter|"
        r"fournisseur de données|courtier (?:en|de) données|datenhändler\w*|datenbroker)\b",
    ),
    _cue("noun_integrator", (_INT,), "noun", r"\b(?:integrator|intégrateur)\b"),
    _cue(
        "noun_distributor",
        (SELLER,),
        "noun",
        r"\b(?:distributor|retailer|reseller|dealer|händler(?:in)?|vertriebspartner|"
        r"distributeur|revendeur)\b",
    ),
    _cue("noun_importer", (_IMP,), "noun", r"\b(?:importer|importeur|importateur)\b"),
    _cue("noun_fine_tuner", (_FT,), "noun", r"\b(?:fine-?tuner)\b"),
    _cue(
        "noun_platform",
        (_PLAT,),
        "noun",
        r"\b(?:online (?:market ?place|platform)|marketplace|marktplatz|place de marché)\b",
    ),
    _cue(
        "noun_representative",
        (_AR,),
        "noun",
        r"\b(?:authori[sz]ed representative|bevollmächtigte[rn]?|mandataire)\b",
    ),
)
