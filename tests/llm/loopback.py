"""Real HTTP servers on loopback that speak the OpenAI, Ollama and Anthropic wire formats.

Each server plays a script of behaviours, one per chat request: a reply (streamed as SSE or
NDJSON when the client asks for a stream, chunked so that a cut is a real protocol error), an
HTTP error status (with ``Retry-After`` if given), a stall longer than the client's timeout,
or a stream cut off after some text. Requests are recorded for assertions.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

Wire = Literal["openai", "ollama", "anthropic"]


@dataclass
class Behaviour:
    """What the server does for one chat request."""

    kind: Literal["reply", "status", "stall", "cut", "stall_mid"] = "reply"
    text: str = ""
    status: int = 200
    delay_s: float = 0.0
    retry_after: str | None = None
    finish: str = "stop"


def reply(text: str, finish: str = "stop") -> Behaviour:
    return Behaviour("reply", text=text, finish=finish)


def status(code: int, retry_after: str | None = None) -> Behaviour:
    return Behaviour("status", status=code, retry_after=retry_after)


def stall(seconds: float, text: str = "late") -> Behaviour:
    return Behaviour("stall", text=text, delay_s=seconds)


def cut(text: str) -> Behaviour:
    """Stream ``text`` then drop the connection mid-body."""
    return Behaviour("cut", text=text)


def stall_mid(text: str, seconds: float) -> Behaviour:
    """Stream ``text`` then go silent for ``seconds`` (a read timeout after text was shown)."""
    return Behaviour("stall_mid", text=text, delay_s=seconds)


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    at: float


@dataclass
class ScriptedServer:
    """A threaded HTTP server on 127.0.0.1 speaking one provider's wire format."""

    wire: Wire
    script: list[Behaviour] = field(default_factory=list)
    default: Behaviour = field(default_factory=lambda: reply("default reply"))
    requests: list[Recorded] = field(default_factory=list)
    _httpd: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base_url(self) -> str:
        assert self._httpd is not None
        port = self._httpd.server_address[1]
        return f"http://127.0.0.1:{port}" + ("/v1" if self.wire == "openai" else "")

    def push(self, *behaviours: Behaviour) -> None:
        with self._lock:
            self.script.extend(behaviours)

    def next_behaviour(self) -> Behaviour:
        with self._lock:
            return self.script.pop(0) if self.script else self.default

    @property
    def chat_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.method == "POST"]

    def start(self) -> ScriptedServer:
        handler = _make_handler(self)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()


# ----------------------------------------------------------------------------- wire formats


def _pieces(text: str) -> list[str]:
    words = text.split(" ")
    return [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words) if w or i == 0]


def _openai_full(text: str, finish: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": finish,
            }
        ],
        "usage": {"prompt_tokens": 5, "completion_tokens": 5, "total_tokens": 10},
    }


def _openai_chunks(text: str, finish: str) -> list[bytes]:
    out = []
    for piece in _pieces(text):
        chunk = {
            "id": "chatcmpl-1",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": "test-model",
            "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
        }
        out.append(f"data: {json.dumps(chunk)}\n\n".encode())
    last = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": "test-model",
        "choices": [{"index": 0, "delta": {}, "finish_reason": finish}],
    }
    out.append(f"data: {json.dumps(last)}\n\n".encode())
    out.append(b"data: [DONE]\n\n")
    return out


def _ollama_line(text: str, done: bool, finish: str = "stop") -> bytes:
    obj: dict[str, Any] = {
        "model": "test-model",
        "created_at": "2026-01-01T00:00:00Z",
        "message": {"role": "assistant", "content": text},
        "done": done,
    }
    if done:
        obj.update(done_reason=finish, total_duration=1, eval_count=5, prompt_eval_count=5)
    return (json.dumps(obj) + "\n").encode()


def _anthropic_full(text: str, body: dict[str, Any], finish: str) -> dict[str, Any]:
    tools = body.get("tools") or []
    content: list[dict[str, Any]]
    stop = "end_turn" if finish == "stop" else finish
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if tools and isinstance(parsed, dict):
        content = [{"type": "tool_use", "id": "toolu_1", "name": tools[0]["name"], "input": parsed}]
        stop = "tool_use"
    else:
        content = [{"type": "text", "text": text}]
    return {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "test-model",
        "content": content,
        "stop_reason": stop,
        "stop_sequence": None,
        "usage": {"input_tokens": 5, "output_tokens": 5},
    }


def _sse(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode()


def _anthropic_chunks(text: str, finish: str) -> list[bytes]:
    start = _anthropic_full("", {}, finish)
    start["content"] = []
    out = [
        _sse("message_start", {"type": "message_start", "message": start}),
        _sse(
            "content_block_start",
            {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "text", "text": ""},
            },
        ),
    ]
    for piece in _pieces(text):
        out.append(
            _sse(
                "content_block_delta",
                {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {"type": "text_delta", "text": piece},
                },
            )
        )
    out.append(_sse("content_block_stop", {"type": "content_block_stop", "index": 0}))
    out.append(
        _sse(
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn" if finish == "stop" else finish},
                "usage": {"output_tokens": 5},
            },
        )
    )
    out.append(_sse("message_stop", {"type": "message_stop"}))
    return out


def _error_body(wire: Wire, code: int) -> dict[str, Any]:
    message = f"injected HTTP {code}"
    if wire == "openai":
        return {"error": {"message": message, "type": "server_error", "code": code}}
    if wire == "anthropic":
        return {"type": "error", "error": {"type": "api_error", "message": message}}
    return {"error": message}


def _make_handler(server: ScriptedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _record(self, body: dict[str, Any]) -> None:
            server.requests.append(
                Recorded(self.command, self.path, dict(self.headers), body, time.monotonic())
            )

        def _json(self, code: int, obj: Any, headers: dict[str, str] | None = None) -> None:
            data = json.dumps(obj).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def do_GET(self) -> None:
            self._record({})
            if server.wire == "openai":
                self._json(
                    200, {"object": "list", "data": [{"id": "test-model", "object": "model"}]}
                )
            elif server.wire == "ollama":
                self._json(200, {"models": [{"name": "test-model", "model": "test-model"}]})
            else:
                self._json(
                    200,
                    {
                        "data": [{"id": "test-model", "type": "model", "display_name": "t"}],
                        "has_more": False,
                        "first_id": "test-model",
                        "last_id": "test-model",
                    },
                )

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b"{}"
            body = json.loads(raw or b"{}")
            self._record(body)
            behaviour = server.next_behaviour()
            # the client may have given up (timeout): expected in stall tests
            with contextlib.suppress(OSError):
                self._respond(behaviour, body)

        def _respond(self, b: Behaviour, body: dict[str, Any]) -> None:
            if b.kind == "status":
                headers = {"Retry-After": b.retry_after} if b.retry_after else {}
                self._json(b.status, _error_body(server.wire, b.status), headers)
                return
            if b.kind == "stall":
                time.sleep(b.delay_s)
            streaming = body.get("stream", server.wire == "ollama")
            if not streaming:
                if server.wire == "openai":
                    self._json(200, _openai_full(b.text, b.finish))
                elif server.wire == "anthropic":
                    self._json(200, _anthropic_full(b.text, body, b.finish))
                else:
                    self._json(200, json.loads(_ollama_line(b.text, True, b.finish)))
                return
            if server.wire == "openai":
                chunks = _openai_chunks(b.text, b.finish)
                ctype = "text/event-stream"
            elif server.wire == "anthropic":
                chunks = _anthropic_chunks(b.text, b.finish)
                ctype = "text/event-stream"
            else:
                chunks = [_ollama_line(p, False) for p in _pieces(b.text)]
                chunks.append(_ollama_line("", True, b.finish))
                ctype = "application/x-ndjson"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            if b.kind in ("cut", "stall_mid"):
                keep = max(1, len(chunks) // 2) if server.wire != "anthropic" else 3
                for data in chunks[:keep]:
                    self._chunk(data)
                if b.kind == "stall_mid":
                    time.sleep(b.delay_s)
                # promise more bytes than we send, then drop the connection
                self.wfile.write(b"400\r\npartial")
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                return
            for data in chunks:
                self._chunk(data)
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

    return Handler
