"""The embedded model as a LangChain chat model: llama.cpp on CPU, no network.

:class:`LocalChatModel` wraps :func:`assistant.models.load_llama` (Qwen2.5-Coder-1.5B-Instruct
Q4_K_M by default). It loads lazily on first use, serialises access with one process-wide lock
(llama.cpp contexts are not thread-safe), bounds ``max_tokens`` by what is left of the context
window, and stops at a wall-clock deadline (``timeout_s``) with ``finish_reason="timeout"``, so
a slow machine yields a truncated answer instead of hanging. Extra keyword arguments such as
``response_format={"type": "json_object", "schema": ...}`` reach ``create_chat_completion``:
that is how :func:`assistant.llm.structured.invoke_structured` gets grammar-constrained JSON.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field

from assistant.llm.queue import local_queue
from assistant.models import default_llm_threads

__all__ = ["ContextOverflowError", "LocalChatModel", "default_threads", "llama_messages"]

# One lock for every llama.cpp call in the process: there is one model instance per
# (n_ctx, threads), and even two instances would fight over the same 2 cores.
_INFERENCE_LOCK = threading.Lock()

# Overhead of the chat template per message (role markers), in tokens; measured on Qwen2.5.
_TEMPLATE_TOKENS_PER_MESSAGE = 5
_ALLOWED_KWARGS = frozenset(
    {"response_format", "temperature", "top_p", "top_k", "seed", "repeat_penalty", "min_p"}
)


def default_threads() -> int:
    """CPU threads for llama.cpp when ``llm_threads`` is unset (see ``default_llm_threads``)."""
    return default_llm_threads()


class ContextOverflowError(ValueError):
    """The prompt does not leave room in the context window for an answer."""


def _text(message: BaseMessage) -> str:
    content = message.content
    if isinstance(content, str):
        return content
    parts = [block.get("text", "") if isinstance(block, dict) else str(block) for block in content]
    return "".join(str(p) for p in parts)


def llama_messages(messages: list[BaseMessage]) -> list[dict[str, str]]:
    """LangChain messages as llama.cpp chat messages (system/user/assistant)."""
    roles = {"system": "system", "human": "user", "ai": "assistant"}
    out: list[dict[str, str]] = []
    for message in messages:
        role = roles.get(message.type, "user")
        out.append({"role": role, "content": _text(message)})
    return out


class LocalChatModel(BaseChatModel):
    """Chat model over the embedded llama.cpp model (lazy load, locked, deadline-bounded)."""

    n_ctx: int = 8192
    n_threads: int | None = None
    max_tokens: int = 1024
    temperature: float = 0.2
    timeout_s: float = 120.0
    model_name: str = Field(default="qwen2.5-coder-1.5b-instruct-q4_k_m")

    @property
    def _llm_type(self) -> str:
        return "local-llama-cpp"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "n_ctx": self.n_ctx, "max_tokens": self.max_tokens}

    def llama(self) -> Any:
        """The loaded ``llama_cpp.Llama`` (loads it on first call, ~1.5 s)."""
        from assistant.models import load_llama

        return load_llama(self.n_ctx, self.n_threads or default_threads())

    def get_num_tokens(self, text: str) -> int:
        """Tokens of ``text`` in the model's own tokenizer."""
        with _INFERENCE_LOCK:
            return len(self.llama().tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def _prompt_tokens(self, llama: Any, messages: list[dict[str, str]]) -> int:
        total = 0
        for message in messages:
            tokens = llama.tokenize(message["content"].encode("utf-8"), add_bos=False)
            total += len(tokens) + _TEMPLATE_TOKENS_PER_MESSAGE
        return total + 3  # the assistant turn's opening marker

    def _budget(self, prompt_tokens: int, requested: int) -> int:
        room = self.n_ctx - prompt_tokens - 8
        if room < 16:
            raise ContextOverflowError(
                f"prompt of ~{prompt_tokens} tokens exceeds the context window of {self.n_ctx}"
            )
        return min(requested, room)

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        chat = llama_messages(messages)
        params = {k: v for k, v in kwargs.items() if k in _ALLOWED_KWARGS}
        params.setdefault("temperature", self.temperature)
        requested = int(kwargs.get("max_tokens") or self.max_tokens)
        timeout_s = float(kwargs.get("timeout_s") or self.timeout_s)
        # The bounded queue first (refuses at once when too many wait), then the lock.
        with local_queue().slot() as queue_wait_s, _INFERENCE_LOCK:
            llama = self.llama()
            started = time.monotonic()
            prompt_tokens = self._prompt_tokens(llama, chat)
            max_tokens = self._budget(prompt_tokens, requested)
            deadline = started + timeout_s
            stream = llama.create_chat_completion(
                messages=chat, stream=True, stop=stop or [], max_tokens=max_tokens, **params
            )
            finish_reason: str | None = None
            produced = 0
            first_token_s: float | None = None
            try:
                for chunk in stream:
                    choice = chunk["choices"][0]
                    piece = choice.get("delta", {}).get("content") or ""
                    finish_reason = choice.get("finish_reason") or finish_reason
                    if piece:
                        produced += 1
                        if first_token_s is None:
                            first_token_s = time.monotonic() - started
                        if run_manager:
                            run_manager.on_llm_new_token(piece)
                        yield ChatGenerationChunk(message=AIMessageChunk(content=piece))
                    if time.monotonic() > deadline and finish_reason is None:
                        finish_reason = "timeout"
                        break
            finally:
                close = getattr(stream, "close", None)
                if close is not None:
                    close()
        info = {
            "finish_reason": finish_reason or "stop",
            "prompt_tokens": prompt_tokens,
            "completion_tokens": produced,
            "max_tokens": max_tokens,
            "elapsed_s": round(time.monotonic() - started, 3),
            "first_token_s": round(first_token_s, 3) if first_token_s is not None else None,
            "model_name": self.model_name,
            "queue_wait_s": round(queue_wait_s, 3),
        }
        yield ChatGenerationChunk(
            message=AIMessageChunk(content="", response_metadata=info, chunk_position="last"),
            generation_info=info,
        )

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        # Streaming inside lets the deadline stop a long generation.
        text: list[str] = []
        info: dict[str, Any] = {}
        for chunk in self._stream(messages, stop=stop, run_manager=run_manager, **kwargs):
            text.append(str(chunk.message.content))
            if chunk.generation_info:
                info = dict(chunk.generation_info)
        message = AIMessage(content="".join(text), response_metadata=info)
        return ChatResult(generations=[ChatGeneration(message=message, generation_info=info)])
