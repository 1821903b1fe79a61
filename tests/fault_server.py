"""A small fault-injecting HTTP server on 127.0.0.1 for the client tests.

Each test scripts what the server does with the next requests, one action per request:

    with FaultServer() as server:
        server.script(Reply(429, headers={"Retry-After": "1"}), Reply(200, body=COMPLETION))
        ...  # point a client at server.url
        assert len(server.requests) == 2

Actions: `Reply` (status, headers, body), `Reset` (read the request, then drop the connection
with a TCP RST and no answer) and `Sleep` (wait, then do another action - longer than the
client's read timeout to provoke one). Every request is recorded (method, path, query, headers,
body) before its action runs. A request with no action left gets a 599 saying so, which no
client mistakes for success.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, urlsplit

__all__ = ["FaultServer", "Recorded", "Reply", "Reset", "Sleep"]


@dataclass(frozen=True)
class Reply:
    """Answer with `status`, `headers` and `body` (a dict or list is sent as JSON)."""

    status: int = 200
    body: Any = b""
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        headers = dict(self.headers)
        if isinstance(self.body, dict | list):
            headers.setdefault("Content-Type", "application/json")
            return json.dumps(self.body).encode(), headers
        if isinstance(self.body, str):
            headers.setdefault("Content-Type", "text/plain; charset=utf-8")
            return self.body.encode(), headers
        return bytes(self.body), headers


@dataclass(frozen=True)
class Reset:
    """Read the request, then close the socket without answering (SO_LINGER 0: a TCP RST)."""


@dataclass(frozen=True)
class Sleep:
    """Wait `seconds` (cut short when the server stops), then do `then`."""

    seconds: float
    then: Reply | Reset = field(default_factory=Reply)


Action = Reply | Reset | Sleep


@dataclass(frozen=True)
class Recorded:
    """One request as the server received it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names; a repeated header's values joined with ", "
    raw_headers: list[tuple[str, str]]  # as received, repeats kept
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like real servers: the client pools connections
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle's algorithm and delayed ACKs
        # add 40 ms to every answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self) -> None:
        self._handle()

    def do_GET(self) -> None:
        self._handle()

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        split = urlsplit(self.path)
        raw = [(k, v) for k, v in self.headers.items()]
        merged: dict[str, str] = {}
        for key, value in raw:
            key = key.lower()
            merged[key] = f"{merged[key]}, {value}" if key in merged else value
        record = Recorded(
            method=self.command,
            path=split.path,
            query=dict(parse_qsl(split.query, keep_blank_values=True)),
            headers=merged,
            raw_headers=raw,
            body=body,
        )
        action = self.server.take(record)
        if isinstance(action, Sleep):
            self.server.stopping.wait(action.seconds)
            action = action.then
        try:
            if isinstance(action, Reset):
                self._reset()
            else:
                self._reply(action)
        except OSError:  # the client gave up (a timeout) and closed its end
            self.close_connection = True

    def _reply(self, reply: Reply) -> None:
        content, headers = reply.encoded()
        self.send_response(reply.status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)
        self.wfile.flush()

    def _reset(self) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the test output clean


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.actions: deque[Action] = deque()
        self.requests: list[Recorded] = []
        self.stopping = threading.Event()

    def take(self, record: Recorded) -> Action:
        with self.lock:
            self.requests.append(record)
            if self.actions:
                return self.actions.popleft()
        return Reply(599, {"error": "fault server: no scripted action left for this request"})

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client hanging up mid-request is what these tests provoke


class FaultServer:
    """The server, running in a background thread while the `with` block (or `start()`) lasts."""

    def __init__(self) -> None:
        self._server = _Server()
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        host, port = self._server.server_address[:2]
        self.url = f"http://{host!s}:{port}"

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def script(self, *actions: Action) -> None:
        """Queues `actions`, one for each of the next requests."""
        with self._server.lock:
            self._server.actions.extend(actions)

    @property
    def requests(self) -> list[Recorded]:
        """The requests received so far, oldest first."""
        with self._server.lock:
            return list(self._server.requests)

    @property
    def pending(self) -> int:
        """How many scripted actions no request has used yet."""
        with self._server.lock:
            return len(self._server.actions)
