"""Stand-ins for the slow parts, so the fast tier can exercise real code paths around them.

``SlowLlama`` replaces the loaded ``llama_cpp.Llama`` behind :class:`LocalChatModel` (the lock,
the bounded queue, the deadline and the LangChain plumbing all stay real): it streams a fixed
reply at a fixed pace and counts how many generations overlap.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any


class SlowLlama:
    """Just enough of ``llama_cpp.Llama`` for ``LocalChatModel``: tokenize + streamed chat."""

    def __init__(self, reply: str = '{"ok": true}', seconds: float = 0.2) -> None:
        self.reply = reply
        self.seconds = seconds
        self.active = 0
        self.peak = 0
        self.calls = 0
        self._lock = threading.Lock()

    def tokenize(self, data: bytes, add_bos: bool = False, special: bool = False) -> list[int]:
        return list(range(max(1, len(data) // 4)))

    def create_chat_completion(self, **kwargs: Any) -> Iterator[dict[str, Any]]:
        with self._lock:
            self.calls += 1
            self.active += 1
            self.peak = max(self.peak, self.active)
        try:
            pieces = [self.reply[i : i + 4] for i in range(0, len(self.reply), 4)] or [""]
            for piece in pieces:
                time.sleep(self.seconds / len(pieces))
                yield {"choices": [{"delta": {"content": piece}, "finish_reason": None}]}
            yield {"choices": [{"delta": {}, "finish_reason": "stop"}]}
        finally:
            with self._lock:
                self.active -= 1
