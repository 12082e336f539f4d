"""Measure the embedded model's speed on this machine, so prompts can be budgeted from it.

Prompt budget rule of thumb for the chain: time ~= prompt_tokens / prefill_tok_s +
output_tokens / gen_tok_s (+ load_s once per process).
"""

from __future__ import annotations

import time

from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel

from assistant.llm.local import LocalChatModel, default_threads

__all__ = ["SpeedReport", "measure_local_speed"]

# A neutral filler text to prefill (our own words, no legal text).
_FILLER = (
    "A small company builds a scheduling tool for clinics and sells it to a hospital group, "
    "which connects it to a patient portal run by a separate contractor. "
)


class SpeedReport(BaseModel):
    """Measured speeds of the embedded model (one run; noisy on shared machines)."""

    n_threads: int
    load_s: float
    prompt_tokens: int
    prefill_s: float
    prefill_tok_s: float
    gen_tokens: int
    gen_s: float
    gen_tok_s: float


def measure_local_speed(
    model: LocalChatModel | None = None, *, prompt_tokens: int = 400, gen_tokens: int = 64
) -> SpeedReport:
    """Load time, prefill and generation speed (tokens/s) of the local model."""
    model = model or LocalChatModel(n_ctx=2048)
    started = time.monotonic()
    llama = model.llama()
    load_s = time.monotonic() - started
    per_filler = max(1, len(llama.tokenize(_FILLER.encode(), add_bos=False)))
    filler = _FILLER * max(1, prompt_tokens // per_filler)
    llama.reset()  # no cached prefix: measure a cold prefill
    messages = [
        SystemMessage(content="You continue stories."),
        HumanMessage(content=f"{filler}\nContinue this story for a while."),
    ]
    reply = model.invoke(messages, max_tokens=gen_tokens, temperature=0.7)
    info = reply.response_metadata
    first = float(info.get("first_token_s") or info["elapsed_s"])
    produced = int(info["completion_tokens"])
    gen_s = max(1e-6, float(info["elapsed_s"]) - first)
    return SpeedReport(
        n_threads=model.n_threads or default_threads(),
        load_s=round(load_s, 2),
        prompt_tokens=int(info["prompt_tokens"]),
        prefill_s=round(first, 2),
        prefill_tok_s=round(int(info["prompt_tokens"]) / first, 1),
        gen_tokens=produced,
        gen_s=round(gen_s, 2),
        gen_tok_s=round(max(0, produced - 1) / gen_s, 1),
    )
