"""A scripted chat model for tests and demos (the ``fake`` provider).

Each call takes the next step from a queue: a string is the reply, an exception is raised, a
:class:`BrokenStream` yields some text and then raises (a stream cut off mid-way), and a
callable computes the reply from the messages. When the queue is empty the model answers with
``default``. Every call's messages are kept in ``calls`` so tests can check what was sent.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, Field, PrivateAttr

__all__ = ["DEFAULT_FAKE_REPLY", "BrokenStream", "ScriptedChatModel", "Step"]

DEFAULT_FAKE_REPLY = (
    "This reply comes from the scripted fake provider; no language model is configured."
)


@dataclass(frozen=True)
class BrokenStream:
    """Yield ``text`` word by word, then raise ``error``."""

    text: str
    error: BaseException


Step = str | BaseException | BrokenStream | Callable[[list[BaseMessage]], str]


class ScriptedChatModel(BaseChatModel):
    """Replies from a queue of scripted steps (thread-safe)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model_name: str = "scripted"
    script: list[Any] = Field(default_factory=list)
    default: str = DEFAULT_FAKE_REPLY
    calls: list[list[BaseMessage]] = Field(default_factory=list)
    call_kwargs: list[dict[str, Any]] = Field(default_factory=list)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @classmethod
    def of(cls, steps: Sequence[Step], default: str = DEFAULT_FAKE_REPLY) -> ScriptedChatModel:
        """A model that plays ``steps`` in order."""
        return cls(script=list(steps), default=default)

    @property
    def _llm_type(self) -> str:
        return "fake-scripted"

    def get_num_tokens(self, text: str) -> int:
        """Whitespace word count (no tokenizer download)."""
        return len(text.split())

    def _next(self, messages: list[BaseMessage], kwargs: dict[str, Any]) -> Step:
        with self._lock:
            self.calls.append(list(messages))
            self.call_kwargs.append(dict(kwargs))
            return self.script.pop(0) if self.script else self.default

    @staticmethod
    def _resolve(step: Step, messages: list[BaseMessage]) -> str | BrokenStream:
        if isinstance(step, BaseException):
            raise step
        if isinstance(step, str | BrokenStream):
            return step
        return step(messages)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        reply = self._resolve(self._next(messages, kwargs), messages)
        if isinstance(reply, BrokenStream):
            raise reply.error
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=reply))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        reply = self._resolve(self._next(messages, kwargs), messages)
        text = reply.text if isinstance(reply, BrokenStream) else reply
        for piece in re.split(r"(?<=\s)", text):
            if piece:
                if run_manager:
                    run_manager.on_llm_new_token(piece)
                yield ChatGenerationChunk(message=AIMessageChunk(content=piece))
        if isinstance(reply, BrokenStream):
            raise reply.error
