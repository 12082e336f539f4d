"""Cues for harms, incident causes, dates' meaning, AI Act use areas and other case facts
(EN/DE/FR). Each table row is (value, pattern); a cue counts only outside negation unless the
row's pattern states the negation itself (``NEGATION_BUILT_IN``)."""

from __future__ import annotations

import re

from assistant.chain.extract.text import words_re
from assistant.facts import AnnexIIIPoint
from assistant.vocabulary import Harm, IncidentCause

__all__ = [
    "ANNEX_III_CUES",
    "ANNEX_III_VETO",
    "CAUSE_CUES",
    "HARM_CUES",
    "INCIDENT_CUES",
    "MARKET_CUES",
    "NEGATION_BUILT_IN",
    "PROPERTY_VETO",
    "PURCHASE_CUES",
]


def _re(pattern: str) -> re.Pattern[str]:
    return words_re(pattern)


HARM_CUES: tuple[tuple[Harm, re.Pattern[str]], ...] = (
    (
        Harm.PERSONAL_INJURY,
        _re(
            r"\b(?:injur(?:y|ies|ed)|hurt|wounded|burns|whiplash|bruis\w+|sprain\w*|(?:later|worse|more advanced|advanced) "
            r"stage|delayed (?:diagnosis|treatment)|missed (?:a|the|her|his) (?:tumou?r|cancer|"
            r"fracture|stroke|diagnosis|bleeding)|(?:cut|crushed|hit) (?:off )?(?:his|her|my|"
            r"their|the|an? [\w-]+['’]s) (?:foot|feet|hand|fingers?|toes?|leg|arm|face|head)|"
            r"broke (?:an?|one|both) (?:arm|leg|wrist|"
            r"ankle|hip|rib|collarbone|finger|toe|nose|jaw|bone)s?|burned (?:his|her|my|their|himself|"
            r"herself)\b|burnt (?:his|her|my)|fractur(?:e|ed|es)|broke (?:his|her|my|their) "
            r"\w+|broken (?:leg|arm|wrist|bones?|toes?|ribs?|hip)|died|death|killed|fatal(?:ly)?|"
            r"concussion|smoke inhalation|(?:kidney|brain|organ|nerve|liver|"
            r"lung|eye) damage|amputat\w+|paraly[sz]\w+|melanoma(?! (?:labels?|images?|photos?|data))|verletz\w*|verbrennung\w*|"
            r"verbrannt\w* (?:sich|seine|ihre)|gebrochen\w*|knochenbruch|gestorben|getötet|"
            r"tödlich\w*|ums leben|blessé\w*|blessure\w*|brûlure\w*|décédé\w*|tué\w*|"
            # hospital stays and treatment, EN/DE/FR
            r"(?:spent|stayed) (?:a|one|two|three|\d+) (?:nights?|days?|weeks?) in (?:the )?hospital|"
            r"hospitali[sz](?:ed|ation)|hospitalisée?s?|(?:needs?|needed|requires?|undergo\w*) "
            r"(?:surgery|an operation|chemotherapy|chemo|radiotherapy)|chimiothérapie|"
            r"chemotherapie|prognosis (?:is |was )?(?:now )?(?:\w+ )?worse|"
            r"(?:unter|ober)?(?:schenkel|bein|arm|hand|fuß|hüft|rippen|schlüsselbein|schädel|"
            r"wirbel|becken|knöchel|handgelenk)(?:bruch|brüche|fraktur)\w*|arbeitsunfähig\w*|"
            r"rauchvergiftung|ins krankenhaus|im krankenhaus (?:behandelt|aufgenommen)|"
            r"inhaled smoke|unfit for work)\b"
        ),
    ),
    (
        Harm.PSYCHOLOGICAL,
        _re(
            r"\b(?:psychological (?:harm|damage|injury|distress)|anxiety(?: disorder)?|"
            r"depress(?:ion|ive \w+|ed)|déprimée?s?|deprimiert\w*|traumati[sz]ed|trauma|ptsd|"
            r"panic attacks?|emotional distress|mental (?:health|harm|distress)|in therapy|devastated|psychisch\w*|"
            r"angststörung\w*|angstzustände|seelisch\w*|psychologique|anxiété|dépression|"
            r"angoissée?s?|anxiolytiques?|anti-?anxiety (?:medication|pills)|antidepressants?|"
            r"antidépresseurs?|beruhigungsmittel|(?:je ne dors plus|can(?:'|no)t sleep any ?more|"
            r"kann nicht mehr schlafen))\b"
        ),
    ),
    (
        Harm.PROPERTY,
        _re(
            r"\b(?:property damage|fire damage|scorched|crashed into|smashed into|damage (?:of |about "
            r"|around |worth )?(?:eur|€|\d)|burn(?:ed|t) (?:the|our|a|an) (?!(?:skin|hand|"
            r"arm|face|leg|finger)s?\b)\w+|damage to (?:property|the \w+|his \w+|her \w+|my \w+|their "
            r"\w+|our \w+)|caught fire|set (?:\w+ ){1,5}on fire|started a fire|burned down|"
            r"burnt down|flooded|destroyed|wrecked|ruin(?:ed|ing)|(?:is|was|were|are|got) "
            r"damaged|damaged (?:the|his|her|my|our|their)|stolen|stole|theft|burglary|broken "
            r"into|sachschaden|beschädigt|zerstört|abgebrannt|in brand|gestohlen|diebstahl|"
            r"eingebrochen|überschwemmt|dégâts|endommagé\w*|détruit\w*|incendie|volé\w*|"
            r"cambriol\w*)\b"
        ),
    ),
    (
        Harm.DATA_LOSS,
        _re(
            r"\b(?:data loss|lost (?:all )?(?:\w+ ){0,2}(?:data|files|photos|documents|records|"
            r"e-?mails)|(?:deleted|wiped|erased|corrupted|encrypted)\b[^.;]{0,50}?\b(?:data|"
            r"files|photos|database|db|ledger|records|backups?|documents)|dropped (?:our|the|"
            r"their) (?:prod(?:uction)? )?(?:db|database)|(?:data|files|photos|database|ledger|"
            r"records)\b[^.;]{0,30}?\b(?:deleted|wiped|lost|corrupted|erased)|datenverlust|"
            r"(?:daten|fotos|bilder|dateien|datenbank)\b[^.;]{0,40}(?:gelöscht|verloren|zerstört)|"
            r"perte de données|données\b"
            r"[^.;]{0,30}(?:supprimées|perdues|effacées))\b"
        ),
    ),
    (
        Harm.ECONOMIC_LOSS,
        _re(
            r"\b(?:financial (?:loss(?:es)?|damage|harm)|economic loss|lost (?:money|revenue|"
            r"income|earnings|profits?|sales|business|customers|production|an? (?:mortgage|loan|"
            r"contract|"
            r"job)\w*(?: \w+)?)|loss(?:es)? of (?:income|earnings|revenue|profit)|lost earnings|"
            r"downtime|cost(?:s|ing)? (?:us|me|them|her|him)\b|cost(?:s|ing)? (?:about |around |"
            r"roughly )?(?:eur|€|\d)|\d[\d,.]* ?(?:eur|€|euros?) (?:more|extra)|overcharg\w+|"
            r"had to pay|lost [~≈]?\s?(?:about |around |approx\.? )?(?:eur|€|\d)|\d[\d,.]*k? ?(?:eur|€|"
            r"euros?) (?:in |of )?(?:revenue|income|sales|profits?|turnover)|(?:moved|transferred|"
            r"stole|took|withdrew|drained) (?:\S+ ){0,3}(?:out of|from) (?:my|her|his|our|their) "
            r"(?:bank )?accounts?|lost (?:my|her|his|their) (?:\w+ )?"
            r"(?:scholarship|job|seat|position|place|licen[cs]e|benefits?|contract|clients?)|(?:premiums?|prices?|fees?|rates?|"
            r"rents?|interest) (?:\w+ )?(?:tripled|doubled|rose|increased|went up|jumped)|"
            r"we paid|surcharges?|penalt(?:y|ies)|(?:late|extra) fees|fraudulent transfers?|scam\w*|defrauded|"
            r"finanzielle[nr]? "
            r"(?:schaden|verlust)|vermögensschaden|umsatz(?:ausfall|einbußen|verlust)|"
            r"verdienstausfall|einnahmeausfall|betrug|perte financière|préjudice (?:financier|"
            r"économique)|perte de (?:revenus|chiffre)|"
            r"(?:lose|losing|lost|verlier\w*|verloren|perd\w*) (?:about |around |roughly |approx\.? |"
            r"nearly |~)?(?:eur|€|\d[\d,.]*\s?(?:k|eur|€|euros?)\b)|"
            r"(?:lose|losing|lost) (?:~?\d+\s?% of )?(?:my|her|his|their|our) (?:\w+ )?(?:hours|"
            r"shifts|wages|salary|pay|scholarship|job|grant|bonus)|lost wages|wage loss|"
            r"back[- ]taxes|back[- ]payments?|payday loan|(?:had|have) to take (?:out )?an? "
            r"(?:\w+ )?loan|aufträge\w* (?:\w+ )?(?:storniert|abgesagt|verloren)|"
            r"(?:storniert|abgesagt)\w* (?:\w+ )?aufträge|nachzahlung|säumniszuschlag|"
            r"(?:cotisation|prime|tarif|prix|loyer|beitrag|prämie)s? (?:\w+ ){0,2}(?:a |ont |ist |"
            r"sind )?(?:augmenté|doublé|triplé|gestiegen|erhöht)|(?:premium|price|fee|rate)s? "
            r"(?:\w+ )?(?:increased|rose|went up) by \d|paie deux fois (?:plus|moins)|"
            r"manque à gagner|j'ai dû (?:payer|rembourser|résilier)|"
            # pay cuts, lost bonuses and wages, dearer substitutes, EN/DE/FR
            r"(?:bonus(?:es)?|pay|wages?|salary|prime|salaire|prämie\w*|gehalt|lohn)\b[^.;]{0,40}?"
            r"\b(?:was |were |a été |wurde |wurden )?(?:cut|reduced|docked|withheld|réduite?s?|"
            r"supprimée?s?|gekürzt|gestrichen|einbehalten)|(?:prämien|gehalts|lohn)kürzung\w*|"
            r"(?:verliert|verlor|verloren|verlieren) (?:\w+ ){0,3}(?:prämie\w*|quartalsprämie\w*|"
            r"bonus|gehalt|lohn|arbeitsplatz|stelle|job|stipendium)|(?:monats)?gehälter\b[^.;]{0,30}?"
            r"\bverloren|(?:\d+ ?%|\d+ percent) (?:above|over|higher than) (?:the )?standard|"
            r"(?:at|for) a (?:higher|much higher) (?:price|premium)|(?:took|bought|signed) (?:a |an )?"
            r"(?:\w+ ){0,2}(?:policy|contract|plan)s? elsewhere|(?:euros?|eur|€) de plus|plus "
            r"cher(?:e|s)?\b|teurere[nrs]? (?:\w+ )?(?:vertrag|versicherung|tarif|schule)|"
            r"nicht (?:mehr )?weiterbeschäftigt|(?:lost|lose) (?:\w+ ){0,2}months?['’]? "
            r"(?:wages|salary|pay))\b"
        ),
    ),
    (
        Harm.DISCRIMINATION,
        _re(
            r"\b(?:discriminat\w+|bias(?:ed)? against|unfairly (?:rejected|excluded|treated)|"
            r"(?:rejects?|rejected|filters? out|screens? out|excludes?|penali[sz]es|écarte\w*|"
            r"exclut|benachteiligt) (?:all |the )?(?:women|men|older|younger|female|male|"
            r"candidates over|applicants over|les femmes|les hommes|frauen|ältere)|(?:leaned|relied|"
            r"based|relying|weighted) (?:heavily |mainly |largely )?on (?:her|his|their|my) "
            r"(?:nationality|ethnicity|ethnic origin|origin|religion|gender|sex|age|race|skin "
            r"colou?r|disability)|"
            r"marks? down (?:older|female|women|applicants)|(?:because|on grounds) of (?:her|his|"
            r"their|my|our) (?:dark |black |brown )?(?:age|gender|sex|race|ethnicity|origin|"
            r"religion|disability|skin(?: colou?r)?|accent|dialect)|"
            r"(?:pénalis|défavoris|désavantag)\w+[^.;]{0,80}?\b(?:origine|femmes|âgée?s|handicap\w*)|"
            r"(?:students?|applicants?|workers?|people|customers?) of colou?r|"
            r"diskriminier\w*|benachteilig\w*|discrimin\w+|"
            r"(?:dark(?:er)?|black|brown) skin|dunkle[nr]? hautfarbe|peau (?:noire|foncée|mate)|"
            r"(?:pénalis|défavoris|désavantag)\w+ (?:\w+ ){0,2}(?:les |des )(?:bacs?|quartiers?|"
            r"lycées?|habitants|personnes|candidat\w*|salarié\w*|seniors|femmes|mères)|"
            r"betroffen sind (?:\w+ ){0,3}(?:ältere|frauen|schwangere|migrant\w*|beschäftigte mit "
            r"(?:schwer)?behinderung)|(?:older|disabled|pregnant|female) (?:\w+ )?(?:workers|"
            r"employees|colleagues|staff|applicants) (?:are|were) (?:\w+ )?(?:hit|affected|"
            r"flagged|penali[sz]ed)|(?:je suis|i am|i'm|ich bin) (?:enceinte|pregnant|schwanger))\b"
        ),
    ),
    (
        Harm.PRIVACY,
        _re(
            r"\b(?:privacy|data (?:breach|leak)|leaked|exposed (?:personal|customer|patient)|"
            r"personal data (?:was|were) (?:exposed|leaked|disclosed|published|read|accessed|"
            r"stolen)|(?:read|accessed|stole|exfiltrated|copied) (?:the )?(?:customer|personal|"
            r"patient|client)\w* (?:\w+ )?(?:data|records|files)|nude images|intimate images|"
            r"deepfakes?|(?:fake|intimate|sexual\w*) (?:nude )?(?:pictures|images|photos|videos)|"
            r"nude (?:pictures|photos|videos)|never (?:agreed|consented) to (?:share|this|that|it)|"
            r"without (?:my|her|his|their) (?:consent|agreement|permission)|"
            r"(?:disclos|reveal|expos|leak)\w* (?:[\w'’]+ ){0,3}(?:personal data|order "
            r"histor\w+|addresses|e-?mails|medical records)|datenschutzverletzung|datenleck|"
            r"datenpanne|nacktbilder|vie privée|"
            r"fuite de données|(?:publicly|openly) accessible|accessible (?:on|from) the internet|"
            r"accessibles? sur internet|rendu\w* accessibles?|circul\w+ sur (?:un|des|le) "
            r"(?:forum|réseaux|internet)|öffentlich (?:zugänglich|einsehbar|abrufbar)|"
            r"(?:sans|jamais donné) (?:mon|son|leur) (?:accord|consentement)|ohne (?:meine|seine|"
            r"ihre) (?:einwilligung|zustimmung)|"
            r"(?:consented|agreed|opted in)\b[^.;]{0,40}?\bonly\b|(?:nur|seulement|uniquement) "
            r"(?:\w+ ){0,2}(?:für|pour) (?:\w+ ){0,2}(?:rabatte?|réductions?)|"
            r"(?:misst|überwacht|erfasst|tracks?|monitors?|records?|logs?|surveille|enregistre|"
            r"mesure) (?:über (?:\w+ ){1,3})?(?:\w+ )?(?:jede|jeden|every|each|chaque|toutes? les|"
            r"all (?:our|their)) (?:pause|break|bewegung|movement|minute|keystroke|geste|appels?|"
            r"calls?|pausen)|(?:analy\w+|enregistr\w+|records?|recorded) (?:notre|nos|our|unsere|"
            r"their|leurs?) (?:voix|voices?|stimmen|gesichter|faces))\b"
        ),
    ),
    (
        Harm.REPUTATION,
        _re(
            r"\b(?:reputation\w*|defam\w+|libel\w*|slander\w*|rufschädigung|rufschaden|rufmord|"
            r"falsely (?:claimed|stated|said|reported)|(?:claimed|stated|said|told|wrote)\b[^.;]{0,60}"
            r"\bthat\b[^.;]{0,40}\b(?:had been|was|were|is) (?:convicted|arrested|charged|a "
            r"criminal|guilty)|"
            r"diffamation|réputation|falsely (?:accused|described)|verleumd\w+|üble nachrede|"
            r"ehrverletz\w*|calomni\w+|falsche behauptung\w*|(?:sei|wäre|seien) (?:[\w„“\"]+ ){0,8}"
            r"(?:verurteilt|vorbestraft|verhaftet|angeklagt) worden|(?:aurait|auraient) été "
            r"(?:condamnée?s?|arrêtée?s?))\b"
        ),
    ),
)

# Property words next to data words mean lost data, not damaged things.
PROPERTY_VETO = _re(
    r"\b(?:data|files?|photos?|database|db|ledger|records|backups?|reputation|daten|dateien|"
    r"fotos|données|réputation)\b"
)

CAUSE_CUES: tuple[tuple[IncidentCause, re.Pattern[str]], ...] = (
    (
        IncidentCause.DATA_POISONING,
        _re(
            r"\b(?:data poisoning|poison(?:ed|ing) (?:the )?(?:training )?(?:data|labels)|"
            r"(?:manipulated|tampered with|altered|changed|falsified|flipped) (?:\w+ ){0,3}"
            r"(?:training data|labels|dataset|training set)|datenvergiftung|vergiftete\w* "
            r"(?:trainings)?daten|manipulierte\w* (?:trainings)?daten|empoisonnement)\b"
        ),
    ),
    (
        IncidentCause.CYBERATTACK,
        _re(
            r"\b(?:cyber-?attack\w*|hacked|hackers?|hacking|attackers?|ransomware|malware|"
            r"exploited (?:a |an |the )?(?:known )?(?:security )?(?:vulnerabilit\w+|flaw|bug|"
            r"hole)|intrusion|prompt[- ]injection|injected (?:prompts?|instructions)|"
            r"hackerangriff|cyberangriff|gehackt|angreifer|über eine\b[^.;]{0,30}"
            r"sicherheitslücke|cyberattaque|piraté\w*|attaquants?)\b"
        ),
    ),
    (
        IncidentCause.MISSING_SECURITY_UPDATE,
        _re(
            r"\b(?:failed to (?:patch|update|fix)|unpatched|not (?:been )?patched|(?:had|has|have)"
            r" not (?:shipped|released|applied|installed|delivered) (?:a |the |any )?(?:security )?"
            r"(?:patch|fix|update)|no (?:security )?(?:patch|fix|update) (?:was |had been )?"
            r"(?:shipped|released|delivered|applied)|known vulnerabilit\w+|missing security "
            r"updates?|sicherheitsupdate\w*\b[^.;]{0,30}\bnicht|kein (?:sicherheits-?)?update "
            r"ausgeliefert|nicht gepatcht|bekannte sicherheitslücke|mise à jour de sécurité\b"
            r"[^.;]{0,30}\bpas)\b"
        ),
    ),
    (
        IncidentCause.SOFTWARE_UPDATE,
        _re(
            r"\b(?:(?:pushed|rolled out|installed|shipped) an? (?:[\w-]+ ){0,3}update\b[^.;]{0,40}?"
            r"\b(?:earlier|before)|(?:was|were|had been|got) updated (?:over[- ]the[- ]air |remotely |"
            r"automatically )?"
            r"(?:\w+ ){0,3}(?:earlier|before)|after (?:a|an|the) (?:\w+ )?(?:software |firmware |"
            r"automatic |over-the-air |"
            r"ota )?update|following (?:a|an|the) (?:\w+ )?update|update (?:introduced|caused|"
            r"broke|changed)|nach (?:einem|dem) (?:\w+ )?(?:software-?|firmware-?)?update|"
            r"après (?:une|la) mise à jour)\b"
        ),
    ),
    (
        IncidentCause.TRAINING_DATA,
        _re(
            r"\b(?:(?:biased|unrepresentative|incomplete|flawed|poor|mislabell?ed|skewed|"
            r"outdated) (?:training )?(?:data|dataset|labels)|training data (?:was|were) "
            r"(?:biased|incomplete|unrepresentative|flawed)|verzerrte\w* (?:trainings)?daten|"
            r"fehlerhafte\w* trainingsdaten|données d'entraînement biaisées)\b"
        ),
    ),
    (
        IncidentCause.MISUSE,
        _re(
            r"\b(?:misus\w+|contrary to the (?:instructions|manual)|against the "
            r"(?:manufacturer's )?instructions|zweckentfremdet|missbräuchlich|mauvais usage)\b"
        ),
    ),
    (
        IncidentCause.OPERATOR_ERROR,
        _re(
            r"\b(?:operator error|human error|misconfigur\w+|overlooked the|ignored (?:the )?"
            r"(?:alarm|alert|warning)s?|(?:staff|operators?|nurses?|employees?|technicians?) "
            r"(?:ignored|overrode|disabled)|bedienfehler|menschliches versagen|"
            r"fehlkonfigur\w+|erreur humaine|mauvaise configuration)\b"
        ),
    ),
    (
        IncidentCause.ERRONEOUS_OUTPUT,
        _re(
            r"\b(?:hallucinat\w+|made (?:it|things|facts) up|make things up|wrong(?:ly)? "
            r"(?:answers?|advice|outputs?|information|diagnos[ie]s|results?|classifications?|"
            r"recommendations?|predictions?|ranked|classified|flagged|rejected|identified|told)|"
            r"incorrect(?:ly)? (?:answers?|advice|outputs?|information|diagnos[ie]s|results?|"
            r"classified|ranked|identified)|"
            r"false (?:information|answer|statement|positive|negative)|misclassif\w+|"
            r"misidentif\w+|misread|misdiagnos\w+|erroneous\w*|falsche (?:auskunft|antwort|"
            r"diagnose|information|ausgabe|empfehlung)|fehlerhafte (?:ausgabe|antwort|diagnose)|"
            r"halluzinier\w*|erroné\w*|fausse (?:information|réponse))\b"
        ),
    ),
    (
        IncidentCause.DESIGN,
        _re(
            r"\b(?:design (?:flaw|defect|error|fault)|flawed design|defective design|"
            r"konstruktionsfehler|designfehler|défaut de conception)\b"
        ),
    ),
)
NEGATION_BUILT_IN = frozenset({IncidentCause.MISSING_SECURITY_UPDATE})

MARKET_CUES = _re(
    r"\b(?:placed on the (?:eu )?market|put on the market|on the (?:eu )?market since|"
    r"(?:first )?(?:launched|released|came out|went on sale|on sale since|sold since|"
    r"available since|started selling|first sold|brought to market|market launch|went live|"
    r"live since|entered service|put into service|"
    r"launch(?:ed)? (?:day|date)|introduced|first registered|erstzulassung|(?:put|placed|went|goes|go) on sale|rolled out|"
    r"(?:sold|selling|offered|available|published|distributed|marketed|shipp(?:ed|ing)|resold|"
    r"supplied|in (?:stores|shops)|on sale)\b[^.;]{0,50}?\b(?:since|from)|"
    r"(?:in|im) (?:handel|verkauf) seit|verkauf\w*\b[^.;]{0,40}?\bseit|vertreib\w*\b[^.;]{0,40}?"
    r"\bseit|erhältlich seit|vend\w*\b[^.;]{0,40}?\bdepuis|commercialis\w*\b[^.;]{0,40}?\bdepuis|"
    r"mis\w* en vente|en vente|disponible depuis)|auf den markt gebracht|auf dem markt|"
    r"markteinführung|erschienen|erhältlich|im handel|mis sur le marché|en vente depuis|"
    r"lancé\w*|commercialisé\w*|"
    r"sorti\w*|delivered (?:to (?:them|us|the (?:shop|store|retailer|dealer)) )?by the "
    r"(?:importer|manufacturer|wholesaler|supplier|maker)|(?:wurden|wurde)\b[^.;]{0,40}?"
    r"\bausgeliefert|(?:aus)?geliefert (?:vom|von der|durch "
    r"den) (?:importeur|hersteller|großhändler)|livrée?s? par l['’]importateur)\b"
)
MARKET_VETO = _re(r"\blaunched (?:an? )?(?:attack|investigation|inquiry|campaign|probe)\b")
PURCHASE_CUES = _re(
    r"\b(?:bought|purchased|ordered|subscribed|signed up|we use|i use|licensed|gekauft|"
    r"erworben|bestellt|nutzen wir|acheté|commandé)\b"
)
INCIDENT_CUES = _re(
    r"\b(?:incident|accident|happened|occurred|crash(?:ed)?|malfunction\w*|failed|failure|"
    r"overheated|caught fire|exploded|collided|went wrong|broke down|rejected|denied|flagged|"
    r"deleted|corrupted|dropped|told (?:a|one|the) user|attack(?:ed)?|exploited|breach\w*|"
    r"unfall|vorfall|passiert\w*|ereignet\w*|ausgefallen|überhitzt\w*|abgestürzt|abgelehnt|"
    r"panne|s'est produit)\b"
)

ANNEX_III_CUES: tuple[tuple[AnnexIIIPoint, re.Pattern[str]], ...] = (
    (
        AnnexIIIPoint.P1A,
        _re(
            r"\b(?:remote biometric identification|biometrische fernidentifiz\w*|"
            r"identification biométrique à distance|face[- ]search\w*|facial search|"
            r"gesichtssuch\w*|gesichtsabgleich\w*|(?:facial|face) (?:recognition|matching) "
            r"(?:system|software|search|tool)s?|(?:compar|match)\w* (?:\w+ ){0,6}against "
            r"(?:a |the |our |its )?(?:mugshot|watch ?list|photo|police|face|custody)\w*|"
            r"identif\w+ (?:\w+ ){0,3}(?:suspects?|shoplifters?|persons? on a watch ?list)|"
            r"(?:lichtbild|gesichts)\w*(?:datei|datenbank)|reconnaissance faciale|"
            r"(?:fichier|base) (?:des |de )?(?:photos?|visages)\w*)\b"
        ),
    ),
    (
        AnnexIIIPoint.P1C,
        _re(r"\b(?:emotion recognition|emotionserkennung|reconnaissance des émotions)\b"),
    ),
    (
        AnnexIIIPoint.P2,
        _re(
            r"\b(?:traffic (?:lights?|signals?|signal control|light control|control system|"
            r"management system)|(?:lichtsignal|ampel|verkehrs)(?:anlage|steuerung|schaltung|"
            r"leitsystem)\w*|ampeln|feux (?:de circulation|tricolores)|régulation du trafic|"
            r"(?:drinking )?water (?:supply|treatment|network|utility|works)|(?:trink)?"
            r"wasser(?:versorgung|aufbereitung|werk)\w*|(?:eau potable|distribution d['’]eau|"
            r"traitement de l['’]eau)|(?:power|electricity|energy) (?:grid|network|supply)|"
            r"(?:strom|energie|gas|fernwärme|wärme)(?:netz|versorgung)\w*|réseau (?:électrique|"
            r"de gaz|de chaleur)|gas (?:supply|network|pipeline)|district heating|grid "
            r"(?:operator|control|balancing|stability)|load (?:balancing|shedding)|"
            r"netzbetreiber\w*|netzsteuerung\w*|gestionnaire de réseau)\b"
        ),
    ),
    (
        AnnexIIIPoint.P3A,
        _re(
            r"\b(?:admissions? to (?:a |the )?(?:school|university|college|course|programme)|"
            r"university admissions?|studienplatzvergabe|zulassung zum studium|admission "
            r"(?:à l'université|post-bac)|admissions? (?:decisions?|process|offices?|tests?|"
            r"scores?)|(?:appl(?:y|ied|ication)|admitted) (?:to|for) (?:the |a |an |their |his |"
            r"her )?(?:(?!jobs?\b|positions?\b|posts?\b|roles?\b)\w+ ){0,3}(?:programme|program|degree|course|university|college|school)\b|"
            r"(?:hochschul|studien)zulassung\w*|studienpl[aä]tz\w*|zulassung (?:zum|zur|für den) "
            r"(?:studium|studiengang|master\w*|bachelor\w*)|(?:bewerb\w+|zugelassen) (?:\w+ ){0,3}"
            r"(?:um einen|für einen|zum|zur) (?:studien|schul|ausbildungs)?(?:platz|studiengang|"
            r"studium|hochschule)|postul\w+ (?:au|à l['’]|à|en) (?:programme|bachelor|master|"
            r"licence|école|université|formation|iut|bts|prépa)|admission\w* (?:en|au|à "
            r"l['’]|dans l['’]|dans une?) (?:école|université|master|bachelor|licence|programme|"
            r"formation)|parcoursup|dossiers? (?:de candidature )?(?:sont |est )?"
            r"(?:présélectionn|tri|class)\w+)\b"
        ),
    ),
    (
        AnnexIIIPoint.P3B,
        _re(
            r"\b(?:grad(?:es|ing) (?:students|exams|essays)|exam(?:ination)? (?:grading|marking)|"
            r"prüfungsbewertung|notenvergabe)\b"
        ),
    ),
    (
        AnnexIIIPoint.P3D,
        _re(
            r"\b(?:proctor\w*|supervise\w* (?:online |remote )?exams|exam (?:supervision|"
            r"monitoring|surveillance)|flagged (?:\w+ ){0,3}(?:as )?cheating|prüfungsaufsicht|"
            r"télésurveillance des examens)\b"
        ),
    ),
    (
        AnnexIIIPoint.P4A,
        _re(
            r"\b(?:tri des cv|(?:tri|filtrage|sélection) des candidatures|candidature\w*|"
            r"recruit\w*|hiring|job applicants?|(?:appl(?:y|ied|ying)|applications?) for "
            r"(?:a |an |the )?(?:\w+ )?(?:job|position|post|role|vacancy|stelle)\b|screen\w* "
            r"(?:her|his|their|my|the) (?:cvs?|résumés?|applications?)|cv[- ]screening|(?:cvs?|résumés?) "
            r"(?:screening|filter\w*)|screen(?:s|ed|ing)? (?:cvs|applicants|candidates)|"
            r"shortlist(?:s|ed|ing)? (?:applicants|candidates)|job (?:ads?|candidates|"
            r"applications)|bewerbermanagement|bewerber\w*|personalauswahl|recrutement)\b"
        ),
    ),
    (
        AnnexIIIPoint.P4B,
        _re(
            r"\b(?:promotion decisions?|task allocation|employee monitoring|monitor(?:s|ing)? "
            r"(?:the )?(?:performance|behaviou?r) of (?:employees|workers|staff)|"
            r"leistungsbewertung der mitarbeiter|allocat\w+ (?:the )?(?:shifts?|tasks?|work|"
            r"rosters?)|shift (?:allocation|planning|scheduling)|(?:scores?|scoring|rates?|rating|"
            r"ranks?|ranking|evaluates?|evaluating) (?:each |every |the |all )?(?:workers?|"
            r"employees?|staff|drivers?|couriers?)['’]?s? (?:productivity|performance)|"
            r"productivity (?:scores?|bands?|ratings?|tracking)|(?:termination|dismissal|firing) "
            r"decisions?|schichtplanung|schichtzuteilung|aufgabenzuteilung|"
            r"leistungsüberwachung|kündigungsentscheidung\w*|répartition des tâches|"
            r"évaluation des (?:salariés|employés)|surveillance des salariés|"
            r"productivity (?:index|indices|metrics?|targets?)|(?:pick|picking|handling) rates? "
            r"(?:of|for) (?:each |every )?(?:workers?|employees?)|"
            r"produktivitäts(?:index|wert|kennzahl|score|quote)\w*|leistungs(?:index|score|"
            r"kennzahl)\w*|(?:verteilt|vergibt|zuteilt|weist)\b[^.;]{0,40}?\b(?:aufträge|aufgaben|"
            r"schichten|touren|arbeitsaufträge|kommissionieraufträge)|(?:assigns?|allocates?|"
            r"distributes?) (?:\w+ ){0,2}(?:orders|jobs|tasks|shifts|routes) to (?:\w+ ){0,2}"
            r"(?:workers|employees|staff|drivers|couriers|pickers)|automatic(?:ally)? "
            r"(?:warnings?|dismissals?|terminations?)|(?:warnings?|abmahnungen|ermahnungen) "
            r"(?:\w+ ){0,3}automatisch|automatisch\w* (?:\w+ ){0,2}(?:abmahnung|ermahnung|"
            r"kündigung)\w*|indice de productivité|(?:répartit|attribue|distribue)\w* "
            r"(?:\w+ ){0,2}(?:tâches|missions|commandes|tournées))\b"
        ),
    ),
    (
        AnnexIIIPoint.P5A,
        _re(
            r"\b(?:public (?:assistance )?benefits?|social (?:benefits|welfare)|welfare "
            r"benefits|sozialleistung\w*|bürgergeld|prestations sociales|(?:unemployment|housing|"
            r"child|disability|sickness) (?:benefits?|allowances?)|wohngeld\w*|kindergeld\w*|"
            r"arbeitslosengeld\w*|grundsicherung|sozialhilfe|allocations? (?:familiales|chômage|"
            r"logement)|aides? sociales?|revenu de solidarité|(?:benefit|leistungs)(?:antr\w+|"
            r"bescheid\w*|claims?)|benefit (?:fraud )?(?:risk|eligibility))\b"
        ),
    ),
    (
        AnnexIIIPoint.P5B,
        _re(
            r"\b(?:credit[- ]?scor\w*|creditworthiness|credit (?:decisions?|checks?|rating)|"
            r"loan (?:applications?|decisions?|applicants?)|mortgage (?:applications?|decisions?)|"
            r"kreditwürdigkeit|bonität\w*|kreditvergabe|kreditantr\w+|solvabilité|scoring de "
            r"crédit|(?:kredit|darlehens)(?:entscheidung|limit|rahmen|zusage|absage)\w*|"
            r"ratenkredit\w*|baufinanzierung\w*|schufa\w*|(?:demande|octroi|refus) (?:de|du) "
            r"(?:prêt|crédit)|prêt (?:immobilier|personnel|à la consommation)|buy now,? pay later|"
            r"bnpl|credit (?:limits?|lines?|applications?|approvals?)|overdraft (?:limits?|"
            r"applications?)|(?:loan|credit) (?:was |were )?(?:refused|denied|rejected))\b"
        ),
    ),
    (
        AnnexIIIPoint.P5C,
        _re(
            r"\b(?:(?:life|health) insurance (?:pricing|premiums?|risk assessment|underwriting)|"
            r"(?:pricing|premiums?) (?:for|of) (?:life|health) insurance|"
            r"(?:assurance|complémentaire|mutuelle) (?:santé|vie)\b[^.;]{0,200}?\b(?:tarif\w*|"
            r"cotisations?|primes?|risque)|(?:tarif\w*|cotisations?|primes?)\b[^.;]{0,200}?"
            r"\b(?:risque santé|assurance (?:santé|vie)|complémentaire santé)|"
            r"(?:kranken|lebens)versicherung\w*\b[^.;]{0,120}?\b(?:prämie\w*|beitr\w+|tarif\w*|"
            r"risikobewertung)|(?:prämie\w*|beiträge|tarif\w*)\b[^.;]{0,120}?\b(?:kranken|"
            r"lebens)versicherung|risque (?:de )?santé\W{0,3}\s(?:de chaque |des |de l['’]|du )?"
            r"(?:adhérent|assuré|souscripteur)\w*|health risk (?:of|for) (?:each |every )?"
            r"(?:member|policyholder|insured)s?)\b"
        ),
    ),
    (
        AnnexIIIPoint.P5D,
        _re(
            r"\b(?:emergency[- ](?:calls?|dispatch|department|room)|patient triage|triage (?:of |"
            r"for )?(?:patients|emergency)|notruf\w*|notaufnahme|rettungsdienst|appels "
            r"d'urgence)\b"
        ),
    ),
    (
        AnnexIIIPoint.P6B,
        _re(r"\b(?:polygraph\w*|lie detect\w+|lügendetektor\w*|détecteur\w* de mensonges?)\b"),
    ),
    (
        AnnexIIIPoint.P6C,
        _re(
            r"\b(?:reliability of (?:the )?evidence|evidence (?:assessment|evaluation)|"
            r"beweiswürdigung|beweismittel\w* (?:bewert|auswert)\w*|fiabilité des preuves)\b"
        ),
    ),
    (
        AnnexIIIPoint.P6D,
        _re(
            r"\b(?:risk of (?:re-?)?offending|re-?offending risk|recidivism|rückfall(?:risiko|"
            r"prognose|gefahr)\w*|risque de récidive|récidive)\b"
        ),
    ),
    (
        AnnexIIIPoint.P7B,
        _re(
            r"\b(?:border (?:control|checks?|crossings?|guards?|police)|(?:security|migration|"
            r"irregular migration|health) risks? (?:assessment )?(?:of|posed by) (?:travell?ers|"
            r"migrants|applicants|visitors)|grenzkontroll\w*|grenzschutz\w*|einreisekontroll\w*|"
            r"contrôles? (?:aux|des) frontières|police aux frontières)\b"
        ),
    ),
    (
        AnnexIIIPoint.P8A,
        _re(
            r"\b(?:(?:assist|help|support)\w* (?:the )?(?:judges?|courts?|magistrates?) "
            r"(?:in|to|with) (?:research|interpret|decid|draft|apply)\w*|judicial decision "
            r"support|sentencing (?:tool|software|recommendations?)|(?:richter|urteils)"
            r"(?:assistenz|entwurf|entwürfe|vorschlag|vorschläge)\w*|aide à la décision "
            r"(?:des|du|pour les) (?:juges?|magistrats?|tribunal)|online dispute resolution|"
            r"alternative dispute resolution|schlichtungs(?:stelle|verfahren)\w*)\b"
        ),
    ),
    (
        AnnexIIIPoint.P8B,
        _re(
            r"\b(?:influenc\w+ (?:the )?(?:outcome of (?:the |an? )?)?(?:elections?|referend\w+|"
            r"votes?|voting (?:behaviou?r|intentions?)|voters)|(?:micro-?)?target\w* (?:\w+ ){0,2}"
            r"voters|wahlbeeinfluss\w*|wähler\w* (?:\w+ ){0,2}(?:beeinfluss|manipulier)\w*|"
            r"influencer (?:le vote|les électeurs|l['’]élection))\b"
        ),
    ),
    (
        AnnexIIIPoint.P7C,
        _re(
            r"\b(?:asylum (?:applications?|claims?|seekers?)|visa applications?|residence "
            r"permits?|asylantr\w+|asylverfahren\w*|aufenthalts(?:titel|erlaubnis|genehmigung)\w*|"
            r"visumsantr\w+|einbürgerung\w*|demandes? d['’]asile|titres? de séjour|demandes? de "
            r"visa|naturalisation)\b"
        ),
    ),
)
# Annex III point 5(b) excludes systems that detect financial fraud.
ANNEX_III_VETO = {
    AnnexIIIPoint.P5B: _re(r"\b(?:fraud detection|betrugserkennung|détection de fraude)\b")
}
