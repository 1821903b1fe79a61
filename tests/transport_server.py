"""Serves an httpx transport (a `FakeBatchProvider`) over real HTTP on 127.0.0.1, so a client
test goes through sockets, headers and multipart bodies as they are on the wire."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

import httpx

__all__ = ["TransportServer"]


class TransportServer:
    """`with TransportServer(transport) as server:` answers every request at `server.url`
    with what `transport.handle_request` answers."""

    def __init__(self, transport: httpx.BaseTransport) -> None:
        self._transport = transport
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def answer(self, method: str, path: str, headers: Any, body: bytes) -> httpx.Response:
        request = httpx.Request(method, self.url + path, headers=dict(headers), content=body)
        response = self._transport.handle_request(request)
        response.read()
        return response

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def _handler(server: TransportServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self) -> None:
            size = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(size) if size else b""
            response = server.answer(self.command, self.path, self.headers.items(), body)
            self.send_response(response.status_code)
            for name, value in response.headers.items():
                if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.content)))
            self.end_headers()
            self.wfile.write(response.content)

        do_GET = do_POST = do_PUT = _any

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler
