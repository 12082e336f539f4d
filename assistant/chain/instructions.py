"""Text addressed to the assistant rather than describing the incident (prompt injection).

One detector for the whole chain: extraction never reads facts from such text, and the
verifier removes draft sentences that echo it. It looks for the *shape* of an instruction in
English, German, French and Spanish — the AI named as addressee, a second-person order to
answer in a given way, a request for the prompt, a fake role header — rather than for known
attack strings, so that new wordings are caught too. Ordinary narratives ("the chatbot told
her to ignore the warning") must not match: a false alarm silently drops a fact.
Pure functions.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ends_block",
    "is_instruction",
    "is_list_item",
    "is_markup",
    "is_role_header",
    "opens_list",
    "visible",
]

# Zero-width, bidi and tag characters: they hide words from keyword filters and from the eye.
_INVISIBLE = re.compile(
    "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\U000e0000-\U000e007f]"
)

_AI = (
    r"(?:ai|a\.i\.|ki|ia|llm|gpt|chatgpt|claude|gemini|bot|chatbot|language model|sprachmodell|"
    r"modèle(?: de langage)?|modelo(?: de lenguaje)?|model|modell|assistant|assistent\w*|"
    r"asistente|ai assistant|ki-assistent\w*|assistant ia|asistente de ia)"
)
# Who may be addressed by name at the start of a sentence ("AI, respond only with ...").
_VOCATIVE = (
    r"(?:ai|a\.i\.|ki|ia|llm|chatgpt|claude|assistant|assistent\w*|asistente|ai assistant|"
    r"ki-assistent\w*|assistant ia|asistente de ia)"
)
_ANSWER_VERB = (
    r"(?:answer|respond|reply|say|state|write|output|declare|conclude|confirm|print|"
    r"antworten|antworte|sagen|sage|schreiben|schreibe|erklären|erkläre|bestätigen|ausgeben|"
    r"répondre|réponds|répondez|dire|dis|dites|écrire|écris|déclarer|déclare|conclure|conclus|"
    r"responder|responde|decir|di|escribir|escribe|declarar|declara|concluir|concluye)"
)
_THAT_ONLY = r"(?:that|only|exactly|with|dass|nur|mit|que|qu['’]|uniquement|seulement|solo|sólo)"

_PATTERNS = [
    # "ignore all previous instructions" and its cousins, four languages
    r"\b(?:ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}\b(?:instructions?|rules|"
    r"prompts?|guidelines|directives|system message|everything above)\b",
    r"\b(?:ignoriere|ignorier|vergiss|missachte)\b[^.\n]{0,40}\b(?:anweisungen|regeln|vorgaben|"
    r"instruktionen)\b",
    r"\b(?:ignore[rz]?|oublie[rz]?)\b[^.\n]{0,40}\b(?:instructions|consignes|règles)\b",
    r"\b(?:ignora|ignore|olvida|olvide)\b[^.\n]{0,40}\b(?:instrucciones|reglas|indicaciones)\b",
    # a fake role header at the start of a line
    r"^\s*[\[<(]?\s*(?:system|assistant|developer|admin|sys)\s*[\]>)]?\s*(?::|>)",
    r"<\|im_(?:start|end)\|>|<\|(?:system|user|assistant|endoftext)\|>|\[/?INST\]",
    # "system note/override", "SYSTEM-ANWEISUNG", "instruction système", "instrucción de sistema"
    r"\b(?:system|admin)[\s-]+(?:note|message|prompt|override|instruction|anweisung|hinweis)\w*",
    r"\binstructions? (?:du )?système\b|\binstrucci[oó]n(?:es)? (?:de|del) sistema\b",
    r"\b(?:new|neue|nouvelles?|nuevas?) (?:instructions?|anweisungen|instrucciones)\b",
    # the AI named as addressee: "Note to the AI assistant:", "Hinweis an die KI:", "IA, réponds"
    rf"\b(?:note|message|hinweis|nachricht|nota|mensaje|instruction\w*|anweisung\w*)\s+"
    rf"(?:to|for|an|für|pour|para|à)\s+(?:the|die|den|das|l['’]|le|la|el)?\s*{_AI}\b",
    rf"(?:^|[.:;!\n]\s*)[\"'“„«]?(?:dear |liebe[rs]? |cher |chère |querido |hey |hi )?"
    rf"{_VOCATIVE}\s*,",
    rf"\b(?:to|for|an)\s+(?:the|die|den)?\s*{_AI}\s*[:,]\s*(?:you|du|sie)\b",
    # a second-person order about the answer: "you must answer that", "tu dois répondre que"
    rf"\b(?:you|du|tu|vous|usted)\s+(?:must|should|have to|need to|are to|will|musst|sollst|"
    rf"dois|devez|debes|tienes que|deberás)\s+(?:now\s+)?{_ANSWER_VERB}[,:]?\s+{_THAT_ONLY}",
    rf"\b(?:musst|sollst|debes|deberás|tienes que)\s+{_ANSWER_VERB}[,:]?\s+{_THAT_ONLY}",
    rf"\b{_VOCATIVE}\b[^.\n]{{0,40}}\b(?:must|should|shall|are to|muss|soll|doit|debe)\s+"
    rf"{_ANSWER_VERB}\s+{_THAT_ONLY}",
    r"\byou\s+(?:are|must|should|will)\s+now\b|\bdeveloper mode\b|\bjailbreak\b",
    # "respond only with", "antworte nur mit", "réponds uniquement", "responde solo con"
    r"\b(?:respond|answer|reply)\s+(?:only|exclusively|solely)\b|"
    r"\b(?:antworte|antworten sie)\s+(?:nur|ausschließlich)\b|"
    r"\b(?:réponds|répondez)\s+(?:uniquement|seulement)\b|"
    r"\b(?:responde|responda)\s+(?:solo|sólo|únicamente)\b",
    # asking for the prompt
    r"\b(?:reveal|print|show|repeat|output|display|gib|zeige|nenne|affiche|révèle|montre|"
    r"muestra|revela|imprime)\b[^.\n]{0,40}\b(?:system ?prompt|your prompt|your instructions|"
    r"systemprompt|system-prompt|prompt système|prompt de sistema|instrucciones del sistema|"
    r"deine anweisungen|tes instructions)\b",
    # imperative openings: "State that ...", "Please conclude that ...", "und erkläre, dass"
    r"(?:^|[.:;!]\s*|\b(?:and|please|now|then|just)\s+)(?:state|say|conclude|write|declare|"
    r"output|answer|respond|reply)\s+(?:that|only|exactly|with)\b",
    r"(?:^|[.:;!]\s*|\b(?:und|bitte|jetzt|dann)\s+)(?:sage|schreibe|erkläre|antworte|schließe)\b"
    r"[^.\n]{0,20}\b(?:dass|nur)\b",
    r"(?:^|[.:;!]\s*|\b(?:et|puis|maintenant)\s+)(?:déclare|dis|écris|conclus|réponds)\b"
    r"[^.\n]{0,20}\b(?:que|qu['’]|uniquement)",
    r"(?:^|[.:;!]\s*|\b(?:y|luego|ahora)\s+)(?:declara|di|escribe|concluye|responde)\b"
    r"[^.\n]{0,20}\b(?:que|solo|sólo)\b",
    # telling the assistant which law to cite or how to classify a party
    r"\b(?:cite|zitiere|cita)\b[^.\n]{0,60}\b(?:as|als|comme|como)\s+(?:the\s+)?"
    r"(?:applicable|geltendes|droit|derecho|applicable law)",
    r"\bend your (?:answer|reply|response)\b",
    # any label addressed to the AI: "Important correction for the AI:", "PS für das Modell, …:"
    rf"\b(?:to|for|für|an|pour|para|per|voor)\s+(?:the\s+|whatever\s+|any\s+|das\s+|den\s+|die\s+|"
    rf"l['’]|le\s+|la\s+|el\s+)?{_AI}\b[^.:\n]{{0,40}}:",
    r"\b(?:ai|ki|ia)[- ](?:agents?|agenten|bots?)\b",
    # the assistant's own task or output, named by the text: "your task has changed", "deine
    # Zusammenfassung", "the assistant's output must", "which the assistant is required to apply"
    r"\b(?:your|deine[mnrs]?|dein|ta|ton|tes|votre|vos|tu|tus)\s+(?:(?:whole|entire|ganze[mnrs]?|"
    r"gesamte[mnrs]?)\s+)?(?:task|aufgabe|tâche|tarea|summary|zusammenfassung|résumé|resumen|"
    r"output|ausgabe|sortie|salida|instructions|anweisungen|consignes|instrucciones)\b",
    r"\b(?:base|stütze|fonde|basa)\s+(?:toute\s+|toda\s+|all\s+)?(?:your|deine|ta|votre|tu)\s+"
    r"(?:whole\s+|entire\s+|ganze\s+)?"
    r"(?:answer|antwort|réponse|respuesta|analysis|analyse|análisis)\b",
    r"\b(?:rules|instructions|regeln|anweisungen|règles|reglas)[^.\n]{0,15}\b(?:you were given|you "
    r"have been given|die du erhalten hast|qu['’]on t['’]a données|que tu as reçues|que te dieron|"
    r"que recibiste)\b",
    r"\b(?:hidden|secret|verborgenen?|geheimen?)\s+(?:rules|instructions|regeln|anweisungen)\b|"
    r"\b(?:règles|instructions|reglas|instrucciones)\s+(?:cachées|secrètes|ocultas|secretas)\b",
    r"\b(?:the|die|der|l['’]|el|la)\s*(?:automated|automatic|automatische|automatisierte|automatique|"
    r"automática|automático)\s+(?:analysis|analyse|análisis|assessment|bewertung|prüfung|évaluation)\b",
    r"\b(?:analyse|análisis|évaluation|evaluación)\s+(?:automatique|automatisée|automático|"
    r"automatizado|automatizada)\b",
    r"\b(?:assistant|assistent\w*|asistente)\b[^.\n]{0,40}\b(?:\w+en\s+(?:muss|soll)|est tenue? d|"
    r"está obligado a|is (?:obliged|bound) to|ist verpflichtet)\b",
    rf"\b(?:assistant|assistent\w*|asistente|{_AI}['’]s output|ausgabe des assistenten|sortie de "
    r"l['’]assistant)\b[^.\n]{0,30}\b(?:must|is required to|has to|muss|hat zu|doit|debe|"
    r"tiene que)\b[^.\n]{0,40}\b(?:show|classify|name|mark|treat|apply|cite|conclude|answer|"
    r"state|list|record|report|ausweisen|einstufen|nennen|anwenden|zitieren|markieren|behandeln|"
    r"afficher|classer|appliquer|citer|présenter|désigner|indiquer|mostrar|clasificar|aplicar|"
    r"citar|presentar|señalar|indicar)\b",
    # role play and make-believe aimed at the assistant
    r"\b(?:pretend|imagine|act as if|behave as if)\s+(?:that\s+)?you(?:'re| are| were)\b|"
    r"\btu so,? als (?:wärst|seist|ob) du\b|\bfais comme si tu\b|\bhaz como si\b|"
    r"\bimagina que eres\b|\bfinge que eres\b",
    r"\b(?:for testing purposes|nur zu testzwecken|à des fins de test|con fines de prueba)\b",
    r"\b(?:opposite|gegenteil|contraire|contrario) (?:of|der|des|de) (?:the |los |la )?"
    r"(?:facts|fakten|faits|hechos)\b|\b(?:facts|fakten|faits|hechos) (?:above|oben|obigen|"
    r"ci-dessus|anteriores)\b|\bobigen fakten\b",
    # text-processing orders about the narrative itself
    r"^\W{0,3}(?:translate|summari[sz]e|rewrite|paraphrase|übersetze|fasse|schreibe .{0,20} um|"
    r"traduis|résume|réécris|traduce|resume|reescribe)\b[^.\n]{0,40}\b(?:this|these|diese[nrs]?|"
    r"ce|cette|este|esta)\b",
    r"\b(?:developer|debug|god|admin|entwickler|développeur|desarrollador)[- ]?(?:mode|modus|modo)\b|"
    r"\bentwicklermodus\b|\bmode développeur\b|\bmodo desarrollador\b",
    # the narrative declared finished so that a fake turn can follow
    r"\b(?:end of (?:the )?(?:narrative|document|input|user data|text)|ende der (?:schilderung|"
    r"eingabe|daten|erzählung)|fin du (?:récit|texte|document)|fin de la (?:narración|narrativa|"
    r"entrada)|fin del relato)\b",
    # machine-shaped payloads: chat messages as JSON, tool results, comments
    r"[\"']role[\"']\s*:\s*[\"'](?:system|assistant|developer|tool)[\"']",
    r"</?(?:tool_result|tool_call|tool|function_results?|function_call|search_results?|"
    r"system|instructions?)\b[^<>\n]{0,80}>",
    r"<!--",
]
_INSTRUCTION = re.compile("|".join(_PATTERNS), re.IGNORECASE | re.MULTILINE)

# A line that opens a turn in someone else's voice: what follows up to the end of the block is
# the attacker's, not the narrator's. So do an HTML comment, a tool result and a fake JSON
# message, up to their closing mark.
_ROLE_HEADER = re.compile(
    r"^\s*(?:<\|im_start\|>\s*(?:system|assistant|developer)\b|\[/?INST\]|"
    r"[\[<(]?\s*(?:system|assistant|assistent|asistente|assistente|developer|admin|sys)\s*"
    r"[\]>)]?\s*(?::|>|$))"
    r"|<!--|<(?:tool_result|tool_call|function_results?|search_results?|instructions?)\b"
    r"|[\"']role[\"']\s*:",
    re.IGNORECASE,
)
# A markdown heading that announces instructions: its list items are the attacker's.
_LIST_HEADER = re.compile(
    r"^\W{0,6}#{1,6}\s*(?:\w+\s+){0,2}(?:instructions?|anweisungen|consignes|instrucciones|"
    r"istruzioni|rules|regeln|règles|reglas|prompt|tasks?|aufgaben?|tâches?|tareas?)\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·]|\d+[.)])(?:\s|$)")
# Markup that closes such a turn or opens the user's data again.
_BLOCK_END = re.compile(
    r"<\|im_end\|>|<\|im_start\|>\s*user\b|</?data\b|<\|endoftext\|>|\[/INST\]|"
    r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$|-->|</(?:tool_result|tool_call|function_results?|"
    r"search_results?|instructions?)>|[\"']\s*\}\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_MARKUP = re.compile(r"^\s*(?:<[^<>\n]{0,80}>\s*)+$|^\s*(?:<\|[a-z_]+\|>\s*\w*\s*)+$", re.I)


def visible(text: str) -> str:
    """NFC text without invisible characters (what is left once the disguise is removed)."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", text))


def is_instruction(text: str) -> bool:
    """True if the text reads as an instruction to the assistant (prompt injection)."""
    return bool(_INSTRUCTION.search(visible(text)))


def is_role_header(text: str) -> bool:
    """True if the text opens a turn in another voice ("SYSTEM:", ``<|im_start|>system``)."""
    return bool(_ROLE_HEADER.match(visible(text)))


def opens_list(text: str) -> bool:
    """True if the text is a heading that announces instructions ("### Instructions for …")."""
    return bool(_LIST_HEADER.match(visible(text)))


def is_list_item(text: str) -> bool:
    """True if the text starts with a list marker ("1.", "-", "•")."""
    return bool(_LIST_ITEM.match(text))


def ends_block(text: str) -> bool:
    """True if the text closes an injected turn (chat-template end, a data tag, ``---``)."""
    return bool(_BLOCK_END.search(visible(text)))


def is_markup(text: str) -> bool:
    """True if the text is nothing but tags or chat-template tokens (no facts in it)."""
    return bool(_MARKUP.match(visible(text)))
