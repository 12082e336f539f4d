"""Durable per-session state for the web app: SQLite under the data dir.

A session id is an unguessable token (it is the only key to a session's facts and uploads), so
the store never adopts an id it did not issue: an unknown or malformed id from a URL gets a fresh
session, which rules out session fixation and guessing. Writes are single transactions in WAL
mode, so a crash mid-write leaves the previous state, and concurrent sessions never block long.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

__all__ = ["ChatMessage", "SessionState", "SessionStore", "StoredUpload"]

SCHEMA_VERSION = 1
_ID_RE = re.compile(r"^[A-Za-z0-9_-]{22,64}$")


class ChatMessage(BaseModel):
    """One chat turn as shown to the user."""

    role: str = Field(description="user | assistant")
    content: str
    at: float = Field(default_factory=time.time)


class StoredUpload(BaseModel):
    """A file the user uploaded in this session (text only; never added to the shared index)."""

    name: str
    kind: str
    text: str
    pages: int | None = None
    warnings: list[str] = Field(default_factory=list)


class SessionState(BaseModel):
    """Everything a session needs to come back after a reload or a restart."""

    schema_version: int = SCHEMA_VERSION
    case: dict[str, Any] = Field(default_factory=dict, description="The fact model, as JSON.")
    messages: list[ChatMessage] = Field(default_factory=list)
    uploads: list[StoredUpload] = Field(default_factory=list)
    narrative: str = ""
    report: dict[str, Any] | None = None
    as_of: str | None = None
    jurisdiction: str | None = None
    provider: str | None = None
    events: list[str] = Field(default_factory=list, description="Notices shown to the user.")
    pending_questions: list[dict[str, Any]] = Field(
        default_factory=list,
        description="Interview questions asked and not answered yet (the interviewer's JSON).",
    )
    skipped_questions: list[str] = Field(
        default_factory=list, description="IDs of questions the user could not answer."
    )


class SessionStore:
    """SQLite-backed store of ``SessionState`` by session id. Thread-safe."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS sessions ("
                " id TEXT PRIMARY KEY, state TEXT NOT NULL,"
                " created REAL NOT NULL, updated REAL NOT NULL)"
            )

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout=10000")
            yield db
        finally:
            db.close()

    @staticmethod
    def valid_id(session_id: str | None) -> bool:
        """True if ``session_id`` has the shape of an id this store issues."""
        return bool(session_id) and bool(_ID_RE.match(session_id or ""))

    def create(self, state: SessionState | None = None) -> str:
        """A new session with a fresh unguessable id."""
        session_id = secrets.token_urlsafe(24)
        now = time.time()
        payload = (state or SessionState()).model_dump_json()
        with self._lock, self._connect() as db:
            db.execute(
                "INSERT INTO sessions (id, state, created, updated) VALUES (?, ?, ?, ?)",
                (session_id, payload, now, now),
            )
        return session_id

    def load(self, session_id: str | None) -> SessionState | None:
        """The stored state, or None for an unknown/malformed id."""
        if not self.valid_id(session_id):
            return None
        with self._connect() as db:
            row = db.execute("SELECT state FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            return None
        try:
            return SessionState.model_validate(json.loads(row[0]))
        except (ValueError, TypeError):
            # A state written by an incompatible version: start clean rather than crash.
            return SessionState()

    def open(self, session_id: str | None) -> tuple[str, SessionState]:
        """Load the session, or create a new one (never adopting an unknown id)."""
        state = self.load(session_id)
        if state is not None and session_id is not None:
            return session_id, state
        new_state = SessionState()
        return self.create(new_state), new_state

    def save(self, session_id: str, state: SessionState) -> None:
        """Replace the session's state in one transaction."""
        if not self.valid_id(session_id):
            raise ValueError("invalid session id")
        payload = state.model_dump_json()
        with self._lock, self._connect() as db:
            cur = db.execute(
                "UPDATE sessions SET state = ?, updated = ? WHERE id = ?",
                (payload, time.time(), session_id),
            )
            if cur.rowcount == 0:
                raise KeyError(f"unknown session {session_id[:6]}…")

    def delete(self, session_id: str) -> None:
        """Forget a session and everything in it."""
        with self._lock, self._connect() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def purge(self, older_than_days: float) -> int:
        """Delete sessions not updated for ``older_than_days``; returns how many."""
        cutoff = time.time() - older_than_days * 86400
        with self._lock, self._connect() as db:
            return db.execute("DELETE FROM sessions WHERE updated < ?", (cutoff,)).rowcount

    def count(self) -> int:
        """Number of stored sessions."""
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])
