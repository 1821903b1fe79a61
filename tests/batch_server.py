"""A chat-completions server on 127.0.0.1 for the batch runner's tests.

It answers POST .../chat/completions by the last user message:
- "status:NNN"  always answers NNN with an OpenAI-style error body;
- "429once:..." answers 429 (Retry-After: `retry_after`) the first time, then 200;
- "500once:..." answers 500 the first time, then 200;
- anything else answers 200 with a completion whose content echoes the message.

`delay` holds every answer that long (to have requests in flight when a test kills the
runner); `headers` are added to every answer (rate-limit headers). Every request's message is
recorded in `seen`, and its whole body in `bodies`, in arrival order.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

__all__ = ["BatchServer", "completion"]


def completion(content: str, n: int) -> dict[str, Any]:
    """A chat.completion answering with `content`."""
    return {
        "id": f"chatcmpl-{n}",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 7, "completion_tokens": 3, "total_tokens": 10},
    }


class BatchServer:
    """The server, run on a thread; use it as a context manager."""

    def __init__(
        self,
        delay: float = 0.0,
        retry_after: str = "1",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.delay = delay
        self.retry_after = retry_after
        self.headers = dict(headers or {})
        self.seen: list[str] = []
        self.bodies: list[dict[str, Any]] = []
        self.times: list[float] = []
        self._lock = threading.Lock()
        self._httpd = _QuietServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def counts(self) -> Counter[str]:
        with self._lock:
            return Counter(self.seen)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def answer(self, body: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        """The status, headers and body for one request."""
        message = str(body["messages"][-1]["content"])
        with self._lock:
            self.seen.append(message)
            self.bodies.append(body)
            self.times.append(time.monotonic())
            n = len(self.seen)
            first = self.seen.count(message) == 1
        headers = {**self.headers, "x-request-id": f"req-{n}"}
        if message.startswith("status:"):
            status = int(message.split(":")[1])
            return status, headers, {"error": {"message": f"failed with {status}"}}
        if message.startswith("429once:") and first:
            headers["Retry-After"] = self.retry_after
            return 429, headers, {"error": {"message": "slow down"}}
        if message.startswith("500once:") and first:
            return 500, headers, {"error": {"message": "try again"}}
        return 200, headers, completion(f"echo {message}", n)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a runner killed mid-answer
            super().handle_error(request, client_address)


def _handler(server: BatchServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if not self.path.endswith("/chat/completions"):
                self._send(404, {}, {"error": {"message": "not found"}})
                return
            status, headers, body = server.answer(json.loads(data))
            if server.delay:
                time.sleep(server.delay)
            self._send(status, headers, body)

        def _send(self, status: int, headers: dict[str, str], body: dict[str, Any]) -> None:
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler
