"""A scripted HTTP/1.1 server on 127.0.0.1 for the streaming tests.

Each request takes the next `Reply` from the script. A reply is a status, headers and a list of
pieces: bytes are written (one HTTP chunk each, so the client reads them exactly as split), a
number is a pause in seconds, and `CUT` closes the socket mid-body. The server records every
request (headers and JSON body) and counts the TCP connections it opened and saw closed.

    server = SSEServer().start()
    server.script(Reply([b"data: {...}\\n\\n", 0.5, b"data: [DONE]\\n\\n"]))
    ... POST server.url + "/chat/completions" ...
    server.requests[0].json["stream"]
"""

from __future__ import annotations

import json
import random
import select
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal


class _Cut:
    def __repr__(self) -> str:
        return "CUT"


CUT = _Cut()
"""A piece that closes the connection there, without finishing the body."""

Piece = bytes | float | _Cut


@dataclass
class Reply:
    """One scripted answer.

    framing: "chunked" (each bytes piece is one HTTP chunk), "length" (Content-Length of all the
    pieces: for plain error bodies) or "close" (no length; the body ends when the server closes).
    """

    pieces: Sequence[Piece] = ()
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    framing: Literal["chunked", "length", "close"] = "chunked"


def error_reply(status: int, body: Any, headers: dict[str, str] | None = None) -> Reply:
    """A non-2xx answer with a JSON body, sent before any stream."""
    return Reply(
        [json.dumps(body).encode()],
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
        framing="length",
    )


def split_every(body: bytes, size: int = 1) -> list[Piece]:
    """The body in pieces of `size` bytes."""
    return [body[i : i + size] for i in range(0, len(body), size)]


def split_random(body: bytes, seed: int, max_size: int = 40) -> list[Piece]:
    """The body cut at random places (repeatably, from `seed`)."""
    rng = random.Random(seed)
    pieces: list[Piece] = []
    at = 0
    while at < len(body):
        size = rng.randint(1, max_size)
        pieces.append(body[at : at + size])
        at += size
    return pieces


@dataclass
class Recorded:
    """A request the server received."""

    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    json: Any
    connection: int  # serial number of the TCP connection it came on


class SSEServer:
    """The server; `start()` it, `script()` replies, read `requests`, `opened` and `closed`."""

    def __init__(self) -> None:
        self.replies: deque[Reply] = deque()
        self.requests: list[Recorded] = []
        self.opened = 0
        self.closed = 0
        self._lock = threading.Lock()
        self._httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL to give a client (requests go to `{url}/chat/completions`)."""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> SSEServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def script(self, *replies: Reply) -> None:
        """Queues replies for the next requests, in order."""
        self.replies.extend(replies)

    def reset(self) -> None:
        self.replies.clear()
        self.requests.clear()

    def wait_closed(self, count: int, timeout: float = 3.0) -> bool:
        """Waits until at least `count` connections have been closed; False if they were not."""
        deadline = time.monotonic() + timeout
        while self.closed < count:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    def _opened(self) -> int:
        with self._lock:
            self.opened += 1
            return self.opened

    def _closed(self) -> None:
        with self._lock:
            self.closed += 1


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: SSEServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], OSError):  # a client hanging up is no news
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, chunked bodies

    def setup(self) -> None:
        super().setup()
        assert isinstance(self.server, _HTTPServer)
        self.owner = self.server.owner
        self.connection_no = self.owner._opened()

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        finally:
            self.owner._closed()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.do_POST()

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.owner.requests.append(
            Recorded(
                method=self.command,
                path=self.path,
                headers={k.lower(): v for k, v in self.headers.items()},
                json=json.loads(raw) if raw else None,
                connection=self.connection_no,
            )
        )
        reply = (
            self.owner.replies.popleft()
            if self.owner.replies
            else error_reply(
                500, {"error": {"message": "sse_server: nothing scripted for this request"}}
            )
        )
        try:
            self._answer(reply)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _answer(self, reply: Reply) -> None:
        self.send_response(reply.status)
        headers = {"Content-Type": "text/event-stream", **reply.headers}
        if reply.framing == "chunked":
            headers["Transfer-Encoding"] = "chunked"
        elif reply.framing == "length":
            length = sum(len(p) for p in reply.pieces if isinstance(p, bytes))
            headers["Content-Length"] = str(length)
        else:
            headers["Connection"] = "close"
            self.close_connection = True
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        for piece in reply.pieces:
            if isinstance(piece, _Cut):
                self.close_connection = True
                return
            if isinstance(piece, bytes):
                if reply.framing == "chunked":
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                else:
                    self.wfile.write(piece)
            elif self._client_left(piece):
                self.close_connection = True
                return
        if reply.framing == "chunked":
            self.wfile.write(b"0\r\n\r\n")

    def _client_left(self, pause: float) -> bool:
        """Pauses; True at once if the client closes the connection meanwhile."""
        sock = self.connection
        readable, _, _ = select.select([sock], [], [], pause)
        if not readable:
            return False
        try:
            return sock.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True
