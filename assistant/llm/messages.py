"""Injection-safe messages: untrusted text travels as delimited data, never as instructions.

Narratives, uploads and retrieved provisions go into the *user* turn inside data blocks::

    <data name="narrative" id="3f9c1a7e">
    ...text...
    </data id="3f9c1a7e">

The ``id`` is a random nonce drawn once per process, so text written before the process started
cannot forge the closing tag; it stays the same across calls because llama.cpp reuses the KV
cache of an identical prompt prefix (measured: 0.1 s instead of 21 s to re-read a 400-token
prompt), which a per-call nonce would defeat. The text is also cleaned first: invisible characters (zero-width, bidi controls, Unicode tag
characters) are removed, look-alike brackets are folded to ASCII for detection, and anything
that looks like a data tag or a chat-template token (``<|im_start|>``, which llama.cpp would
otherwise turn into a real control token) is replaced by a visible placeholder. The system
prompt only ever holds trusted text plus the data policy (``prompts/data_policy.md``), and the
instructions come after the data, as the last thing in the user's turn.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Mapping, Sequence

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

__all__ = [
    "DATA_TAG_PLACEHOLDER",
    "SPECIAL_TOKEN_PLACEHOLDER",
    "build_messages",
    "parse_data_blocks",
    "sanitize_data",
]

DATA_TAG_PLACEHOLDER = "[data tag removed]"
SPECIAL_TOKEN_PLACEHOLDER = "[control token removed]"

# Characters that render as nothing (or reorder text) and can hide or split a keyword.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
# Look-alikes of the characters our delimiters and chat templates use.
_FOLD = str.maketrans(
    {
        "\uff1c": "<",  # fullwidth <
        "\ufe64": "<",  # small <
        "\u2329": "<",
        "\u3008": "<",
        "\u27e8": "<",
        "\u2039": "<",
        "\u02c2": "<",
        "\uff1e": ">",
        "\ufe65": ">",
        "\u232a": ">",
        "\u3009": ">",
        "\u27e9": ">",
        "\u203a": ">",
        "\u02c3": ">",
        "\uff5c": "|",  # fullwidth |
        "\u2223": "|",
        "\u01c0": "|",
        "\u2502": "|",
        "\uff0f": "/",  # fullwidth /
        "\u2044": "/",
        "\u2215": "/",
    }
)
_DATA_TAG = re.compile(r"<\s*/?\s*d\s*a\s*t\s*a\b[^<>\n]{0,200}>?", re.IGNORECASE)
_SPECIAL_TOKEN = re.compile(r"<\s*\|[^|<>\n]{0,60}\|\s*>?|<\s*/?\s*(?:s|bos|eos)\s*>", re.I)
_BLOCK_NAME = re.compile(r"[^a-z0-9_-]+")
_OTHER_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PROCESS_NONCE = secrets.token_hex(4)


def sanitize_data(text: str) -> str:
    """Clean untrusted text so it cannot close a data block or inject control tokens.

    Visible content is otherwise kept as written (no NFKC: legal text keeps its characters).
    """
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _OTHER_CONTROL.sub("", text)
    text = text.translate(_FOLD)
    text = _SPECIAL_TOKEN.sub(SPECIAL_TOKEN_PLACEHOLDER, text)
    return _DATA_TAG.sub(DATA_TAG_PLACEHOLDER, text)


def _block_name(name: str) -> str:
    cleaned = _BLOCK_NAME.sub("_", name.strip().lower()).strip("_")
    return cleaned or "data"


def _data_policy() -> str:
    from assistant.llm.prompts import load_prompt

    return load_prompt("data_policy").render()


def build_messages(
    system: str,
    instructions: str,
    data_blocks: Mapping[str, str],
    *,
    history: Sequence[BaseMessage] = (),
    nonce: str | None = None,
) -> list[BaseMessage]:
    """System prompt, optional chat history, then one user turn: data blocks + instructions.

    ``system`` and ``instructions`` are trusted (our prompts); every value in ``data_blocks`` is
    untrusted and is sanitised and fenced. The user's turn is always last, after the history.
    Put stable material first (system prompt, then data) so consecutive calls share a prefix.
    """
    nonce = nonce or _PROCESS_NONCE
    policy = _data_policy()
    system_text = f"{system.strip()}\n\n{policy.strip()}" if data_blocks else system.strip()
    parts: list[str] = []
    for name, text in data_blocks.items():
        block = _block_name(name)
        parts.append(
            f'<data name="{block}" id="{nonce}">\n{sanitize_data(text).strip()}\n'
            f'</data id="{nonce}">'
        )
    user_text = "\n\n".join([*parts, instructions.strip()]) if parts else instructions.strip()
    return [SystemMessage(content=system_text), *history, HumanMessage(content=user_text)]


def parse_data_blocks(text: str) -> list[tuple[str, str, str]]:
    """(name, id, body) of each data block in a user turn built by :func:`build_messages`."""
    pattern = re.compile(
        r'<data name="([a-z0-9_-]+)" id="([0-9a-f]+)">\n(.*?)\n</data id="\2">', re.DOTALL
    )
    return [(m.group(1), m.group(2), m.group(3)) for m in pattern.finditer(text)]
