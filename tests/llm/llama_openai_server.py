"""A minimal OpenAI-compatible server over llama.cpp, for tests when ``llama_cpp.server`` can't run.

``python -m llama_cpp.server`` needs fastapi, sse-starlette and starlette-context (the
``llama-cpp-python[server]`` extra), which the lock file does not carry yet. This stand-in
serves the same two routes from the same ``Llama.create_chat_completion`` the real server
calls: ``GET /v1/models`` and ``POST /v1/chat/completions`` (JSON or SSE stream, with
``response_format`` and ``max_tokens``). Run: ``python -m tests.llm.llama_openai_server
--model PATH --port N --n_ctx 2048``.
"""

from __future__ import annotations

import argparse
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_PASSED = {
    "messages",
    "temperature",
    "top_p",
    "max_tokens",
    "stop",
    "seed",
    "response_format",
    "presence_penalty",
    "frequency_penalty",
}


def serve(model_path: str, port: int, n_ctx: int, n_threads: int | None) -> None:
    from llama_cpp import Llama

    llama = Llama(model_path=model_path, n_ctx=n_ctx, n_threads=n_threads, verbose=False)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _json(self, code: int, obj: Any) -> None:
            data = json.dumps(obj).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._json(200, {"object": "list", "data": [{"id": "local", "object": "model"}]})

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
            kwargs = {k: v for k, v in body.items() if k in _PASSED and v is not None}
            if "max_tokens" not in kwargs and body.get("max_completion_tokens"):
                kwargs["max_tokens"] = body["max_completion_tokens"]
            if body.get("stream"):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                with lock:
                    for chunk in llama.create_chat_completion(stream=True, **kwargs):
                        data = f"data: {json.dumps(chunk)}\n\n".encode()
                        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                        self.wfile.flush()
                done = b"data: [DONE]\n\n"
                self.wfile.write(f"{len(done):x}\r\n".encode() + done + b"\r\n0\r\n\r\n")
                return
            with lock:
                result = llama.create_chat_completion(**kwargs)
            self._json(200, result)

    httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    httpd.daemon_threads = True
    httpd.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--n_ctx", type=int, default=2048)
    parser.add_argument("--n_threads", type=int, default=None)
    args = parser.parse_args()
    serve(args.model, args.port, args.n_ctx, args.n_threads)


if __name__ == "__main__":
    main()
