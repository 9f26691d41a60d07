"""An OpenAI-compatible chat server for tests, on 127.0.0.1, that fails on demand.

Each request to ``/v1/chat/completions`` takes the next mode from a queue (then
``default_mode``): ``ok`` answers ``reply``; ``500``; ``429`` with ``Retry-After``;
``hang`` (no answer until the client gives up); ``cut`` (the body stops midway and the
connection closes); ``invalid`` (a 200 whose content is garbage). It doubles as a fast fake
LLM for load tests. Stdlib only; bounded: it serves until ``stop()``.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODES = ("ok", "500", "429", "hang", "cut", "invalid")


@dataclass(kw_only=True, eq=False)
class FaultServer:
    reply: str = "How did you measure that result?"
    default_mode: str = "ok"
    retry_after_s: float = 1.0
    hang_s: float = 30.0
    queue: deque[str] = field(default_factory=deque, init=False)
    requests: list[tuple[float, str, dict]] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                return None

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._json(
                        200, {"object": "list", "data": [{"id": "fault", "object": "model"}]}
                    )
                else:
                    self._json(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                mode = server.queue.popleft() if server.queue else server.default_mode
                server.requests.append((time.monotonic(), mode, body))
                if mode == "500":
                    self._json(500, {"error": {"message": "internal error", "type": "server"}})
                elif mode == "429":
                    self._json(
                        429,
                        {"error": {"message": "rate limited", "type": "rate"}},
                        {"Retry-After": str(server.retry_after_s)},
                    )
                elif mode == "hang":
                    server._stopping.wait(server.hang_s)
                elif mode == "cut":
                    data = json.dumps(server._completion(server.reply)).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data[: len(data) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                elif mode == "invalid":
                    self._json(200, server._completion("}{ not a turn \u0000 ### 5/5 ###"))
                else:
                    self._json(200, server._completion(server.reply))

            def _json(self, status: int, payload: dict, headers: dict | None = None) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @staticmethod
    def _completion(text: str) -> dict:
        return {
            "id": "chatcmpl-fault",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": "fault",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": text},
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def push(self, *modes: str) -> FaultServer:
        for mode in modes:
            if mode not in MODES:
                raise ValueError(f"unknown mode {mode!r} (modes: {', '.join(MODES)})")
            self.queue.append(mode)
        return self

    def start(self) -> FaultServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
