"""Injected instructions: find text in a narrative addressed to the AI, and its echoes in a draft.

The narrative reaches the model only as a delimited data block, and the rule core decides the
findings whatever the narrative says; this module is the last line: a draft sentence that
repeats an injected instruction or one of its quoted phrases is removed (a sentence that merely
reports that the narrative contained an instruction is kept, with the phrase taken out).
Pure functions.
"""

from __future__ import annotations

import re

from assistant.chain.instructions import is_instruction, is_role_header, visible

__all__ = ["echoes_injection", "injected_spans", "split_narrative", "strip_phrases"]

_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»\n]{3,120})[\"“”„«»]")
_TALKS_ABOUT = re.compile(
    r"instruction|injected|injection|ignor|embedded|prompt|addressed to the (?:AI|assistant)",
    re.IGNORECASE,
)


def split_narrative(narrative: str) -> tuple[list[str], str]:
    """The sentences that address the AI with instructions (the detector that extraction uses,
    :mod:`assistant.chain.instructions`), without their invisible disguise; and the rest, the
    narrator's own words, as one text. One pass over the narrative."""
    from assistant.chain.extract.text import sentences

    spans: list[str] = []
    own: list[str] = []
    for s in sentences(narrative or ""):
        text = visible(s.text)
        if is_instruction(s.text) or is_role_header(s.text):
            spans.append(text.strip())
        else:
            own.append(text)
    return spans, " ".join(own)


def injected_spans(narrative: str) -> list[str]:
    """Sentences of the narrative that address the AI with instructions (see
    :func:`split_narrative`)."""
    return split_narrative(narrative)[0]


def _phrases(spans: list[str], own: str = "") -> list[str]:
    out: list[str] = []
    for span in spans:
        out.extend(m.group(1).strip() for m in _QUOTED.finditer(span))
    # A phrase the narrator also wrote ("RoboRoute GmbH" quoted in a fake tool result) is not
    # the attacker's: repeating it is not obeying.
    own = own.lower()
    return [p for p in out if len(p.split()) >= 2 and p.lower() not in own]


def _ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def echoes_injection(sentence: str, spans: list[str], own: str = "") -> bool:
    """True when the sentence repeats an injected instruction (a quoted phrase or 6 words in a
    row) without saying that it is an instruction that was ignored. Words the narrator also
    wrote (``own``, see :func:`split_narrative`) do not count."""
    if not spans or _TALKS_ABOUT.search(sentence):
        return False
    low = sentence.lower()
    if any(p.lower() in low for p in _phrases(spans, own)):
        return True
    grams = _ngrams(sentence, 6) - _ngrams(own, 6)
    return any(grams & _ngrams(span, 6) for span in spans)


def strip_phrases(sentence: str, spans: list[str], own: str = "") -> str:
    """The sentence with injected quoted phrases replaced by a placeholder."""
    for phrase in _phrases(spans, own):
        sentence = re.sub(re.escape(phrase), "[injected text removed]", sentence, flags=re.I)
    return sentence
