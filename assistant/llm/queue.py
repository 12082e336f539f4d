"""A bounded, first-come-first-served waiting line in front of the embedded model.

llama.cpp serves one request at a time (one context, two cores), so when several app sessions
ask at once the others must wait. Without a bound, a burst of requests builds a line that can
take many minutes to drain while every browser tab spins. :class:`ModelQueue` admits one
request at a time (``slots``), lets at most ``max_waiting`` more wait, in arrival order, for at
most ``max_wait_s`` each, and refuses the rest at once with :class:`ModelBusyError` ("busy, try
again"), which the retry layer classifies as ``ErrorKind.BUSY``: the caller takes the
deterministic path and the user is told why. It also keeps the figures an operator needs
(served, refused, timed out, waiting times).

:func:`local_queue` is the process-wide queue of the embedded model, sized from the settings
(``llm_queue_max_waiting``, ``llm_queue_max_wait_s``); :class:`assistant.llm.local.
LocalChatModel` takes a slot for every generation. Pure threading, no I/O.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

from pydantic import BaseModel

from assistant.errors import ProviderError

__all__ = [
    "DEFAULT_MAX_WAITING",
    "DEFAULT_MAX_WAIT_S",
    "ModelBusyError",
    "ModelQueue",
    "QueueStats",
    "local_queue",
]

DEFAULT_MAX_WAITING = 4
DEFAULT_MAX_WAIT_S = 120.0
_KEPT_WAITS = 2000


class ModelBusyError(ProviderError):
    """The model is serving others and the waiting line is full (or the wait took too long)."""

    def __init__(self, name: str, *, waiting: int, limit: int, waited_s: float | None) -> None:
        if waited_s is None:
            what = f"the {name} is busy: {waiting} request(s) already waiting (limit {limit})"
        else:
            what = f"the {name} stayed busy: waited {waited_s:.0f} s without getting a turn"
        super().__init__(what, hint="try again in a minute; the deterministic analysis is used")
        self.waiting = waiting
        self.limit = limit
        self.waited_s = waited_s


class QueueStats(BaseModel):
    """What the queue has done since it was created (or reset)."""

    slots: int
    max_waiting: int
    max_wait_s: float
    running: int
    waiting: int
    served: int
    refused: int
    timed_out: int
    peak_waiting: int
    wait_p50_s: float | None
    wait_p95_s: float | None
    wait_max_s: float | None
    busy_s: float


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return round(ordered[index], 3)


class ModelQueue:
    """Admission control: ``slots`` run at once, ``max_waiting`` wait (FIFO), the rest are refused.

    Thread-safe. Use as ``with queue.slot() as waited_s: ...``.
    """

    def __init__(
        self,
        max_waiting: int = DEFAULT_MAX_WAITING,
        max_wait_s: float = DEFAULT_MAX_WAIT_S,
        *,
        slots: int = 1,
        name: str = "local language model",
    ) -> None:
        if slots < 1 or max_waiting < 0 or max_wait_s <= 0:
            raise ValueError("slots >= 1, max_waiting >= 0 and max_wait_s > 0 are required")
        self.name = name
        self.slots = slots
        self.max_waiting = max_waiting
        self.max_wait_s = max_wait_s
        self._cond = threading.Condition()
        self._line: deque[int] = deque()
        self._tickets = 0
        self._running = 0
        self._served = 0
        self._refused = 0
        self._timed_out = 0
        self._peak_waiting = 0
        self._busy_s = 0.0
        self._waits: deque[float] = deque(maxlen=_KEPT_WAITS)

    def configure(self, max_waiting: int, max_wait_s: float) -> None:
        """Change the limits (requests already waiting keep their place)."""
        if max_waiting < 0 or max_wait_s <= 0:
            raise ValueError("max_waiting >= 0 and max_wait_s > 0 are required")
        with self._cond:
            self.max_waiting = max_waiting
            self.max_wait_s = max_wait_s
            self._cond.notify_all()

    @property
    def waiting(self) -> int:
        """Requests waiting for a turn now."""
        with self._cond:
            return len(self._line)

    @property
    def running(self) -> int:
        """Requests being served now."""
        with self._cond:
            return self._running

    def _my_turn(self, ticket: int) -> bool:
        return self._running < self.slots and bool(self._line) and self._line[0] == ticket

    @contextmanager
    def slot(self) -> Iterator[float]:
        """Wait for a turn (FIFO); yields the seconds waited. Raises :class:`ModelBusyError`."""
        started = time.monotonic()
        with self._cond:
            if self._running >= self.slots and len(self._line) >= self.max_waiting:
                self._refused += 1
                raise ModelBusyError(
                    self.name, waiting=len(self._line), limit=self.max_waiting, waited_s=None
                )
            ticket = self._tickets
            self._tickets += 1
            self._line.append(ticket)
            self._peak_waiting = max(self._peak_waiting, len(self._line) - 1 + self._running)
            deadline = started + self.max_wait_s
            while not self._my_turn(ticket):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._line.remove(ticket)
                    self._timed_out += 1
                    self._cond.notify_all()  # the one behind may be first now
                    raise ModelBusyError(
                        self.name,
                        waiting=len(self._line),
                        limit=self.max_waiting,
                        waited_s=time.monotonic() - started,
                    )
                self._cond.wait(remaining)
            self._line.popleft()
            self._running += 1
            waited = time.monotonic() - started
            self._waits.append(waited)
            self._cond.notify_all()  # with several slots the next one may start too
        began = time.monotonic()
        try:
            yield waited
        finally:
            with self._cond:
                self._running -= 1
                self._served += 1
                self._busy_s += time.monotonic() - began
                self._cond.notify_all()

    def stats(self) -> QueueStats:
        """A snapshot of the counters and waiting-time percentiles."""
        with self._cond:
            waits = list(self._waits)
            return QueueStats(
                slots=self.slots,
                max_waiting=self.max_waiting,
                max_wait_s=self.max_wait_s,
                running=self._running,
                waiting=len(self._line),
                served=self._served,
                refused=self._refused,
                timed_out=self._timed_out,
                peak_waiting=self._peak_waiting,
                wait_p50_s=_percentile(waits, 0.5),
                wait_p95_s=_percentile(waits, 0.95),
                wait_max_s=round(max(waits), 3) if waits else None,
                busy_s=round(self._busy_s, 3),
            )

    def reset_stats(self) -> None:
        """Zero the counters (not the line itself)."""
        with self._cond:
            self._served = self._refused = self._timed_out = 0
            self._peak_waiting = 0
            self._busy_s = 0.0
            self._waits.clear()


_LOCAL: ModelQueue | None = None
_LOCAL_FROM_SETTINGS: tuple[int, float] | None = None
_LOCAL_GUARD = threading.Lock()


def local_queue() -> ModelQueue:
    """The process-wide queue of the embedded model.

    Its limits follow the settings (``llm_queue_max_waiting``, ``llm_queue_max_wait_s``) when
    they change; a :meth:`ModelQueue.configure` call in between (a benchmark, an operator)
    stays in force until the settings change again.
    """
    global _LOCAL, _LOCAL_FROM_SETTINGS
    from assistant.settings import get_settings

    settings = get_settings()
    wanted = (int(settings.llm_queue_max_waiting), float(settings.llm_queue_max_wait_s))
    with _LOCAL_GUARD:
        if _LOCAL is None:
            _LOCAL = ModelQueue(*wanted)
        elif wanted != _LOCAL_FROM_SETTINGS:
            _LOCAL.configure(*wanted)
        _LOCAL_FROM_SETTINGS = wanted
        return _LOCAL
