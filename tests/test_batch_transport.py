"""The batch runner's transport (`lib/batch/_transport.py`, a free list of HTTP/1.1 connections)
against a real server on 127.0.0.1 that counts its connections: keep-alive reuse, the limit on
connections, a connection the server closed, a body cut short, cancellation, timeouts, aclose."""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from trilogue.lib.batch import _transport
from trilogue.lib.batch._files import InputLine
from trilogue.lib.batch._sender import LineSender
from trilogue.lib.batch._transport import FreeListTransport

COMPLETION = (
    b'{"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,'
    b'"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],'
    b'"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}'
)


class CountingServer:
    """HTTP/1.1 keep-alive on 127.0.0.1; the request path's first segment picks the answer:

    /ok (or any other): 200 with the request body's length; /slow: the same after 50 ms;
    /completion: a chat completion; /close: 200, then the server closes the connection;
    /cut: a Content-Length of 100 and 10 bytes, then the connection closed; /hang: no answer.
    """

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._tls = tls
        self.accepted = 0
        self.open = 0
        self.most_open = 0
        self.requests = 0
        self.hanging = threading.Event()  # a /hang request has come
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        scheme = "https" if self._tls else "http"
        return f"{scheme}://127.0.0.1:{self._listener.getsockname()[1]}"

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        for thread in self._threads:
            thread.join(5)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self.accepted += 1
                self.open += 1
                self.most_open = max(self.most_open, self.open)
            thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        try:
            if self._tls is not None:
                sock = self._tls.wrap_socket(sock, server_side=True)
        except OSError:  # a client refusing the certificate
            self._gone(sock)
            return
        try:
            sock.settimeout(0.1)
            while (request := self._read(sock)) is not None and self._answer(sock, *request):
                pass
        finally:
            self._gone(sock)

    def _gone(self, sock: socket.socket) -> None:
        sock.close()
        with self._lock:
            self.open -= 1

    def _read(self, sock: socket.socket) -> tuple[str, int] | None:
        data = b""
        while b"\r\n\r\n" not in data:
            if (chunk := self._recv(sock)) is None:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode().split("\r\n")
        length = next(
            (int(x.split(":")[1]) for x in lines if x.lower().startswith("content-length")), 0
        )
        while len(body) < length:
            if (chunk := self._recv(sock)) is None:
                return None
            body += chunk
        with self._lock:
            self.requests += 1
        return "/" + lines[0].split()[1].split("/")[1], len(body)  # its first segment

    def _recv(self, sock: socket.socket) -> bytes | None:
        """The next bytes, or None once the client hung up or the server stops."""
        while not self._stop.is_set():
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return None
            return chunk or None
        return None

    def _answer(self, sock: socket.socket, path: str, length: int) -> bool:
        """Answers one request; False when the connection is to end."""
        if path == "/hang":
            self.hanging.set()
            self._recv(sock)  # until the client hangs up
            return False
        if path == "/cut":
            sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789")
            return False
        if path == "/slow":
            time.sleep(0.05)
        body = COMPLETION if path == "/completion" else str(length).encode()
        kind = "application/json" if path == "/completion" else "text/plain"
        sock.sendall(
            f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        return path != "/close"


@pytest.fixture
def server() -> Iterator[CountingServer]:
    server = CountingServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
async def transport() -> AsyncIterator[FreeListTransport]:
    transport = FreeListTransport(4)
    try:
        yield transport
    finally:
        await transport.aclose()


async def get(
    transport: FreeListTransport, url: str, body: bytes = b"", **timeout: float
) -> httpx.Response:
    """Sends a POST through the transport, reads the answer and closes it (failing, not hanging,
    after 5 s)."""
    request = httpx.Request("POST", url, content=body)
    if timeout:
        request.extensions["timeout"] = timeout
    async with asyncio.timeout(5):
        response = await transport.handle_async_request(request)
        try:
            await response.aread()
        finally:
            await response.aclose()
    return response


async def settle(check: Any) -> None:
    """Waits (up to 2 s) until the server's threads have seen what `check` looks for."""
    for _ in range(200):
        if check():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the server never got there")


async def test_connections_are_kept_alive_and_reused(
    server: CountingServer, transport: FreeListTransport
) -> None:
    for _ in range(20):
        assert (await get(transport, server.url + "/ok", b"abc")).text == "3"
    assert server.accepted == 1 and transport.connections == 1


async def test_no_more_connections_than_the_limit(
    server: CountingServer, transport: FreeListTransport
) -> None:
    answers = await asyncio.gather(*(get(transport, server.url + "/slow") for _ in range(24)))
    assert all(a.status_code == 200 for a in answers)
    assert server.accepted == 4 and server.most_open == 4
    assert transport.connections == 4


async def test_a_connection_the_server_closed_is_not_reused(
    server: CountingServer, transport: FreeListTransport
) -> None:
    await get(transport, server.url + "/close")
    await settle(lambda: server.open == 0)
    assert (await get(transport, server.url + "/ok")).status_code == 200
    assert server.accepted == 2 and transport.connections == 1


async def test_an_idle_connection_past_its_keepalive_is_not_reused(
    server: CountingServer, transport: FreeListTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_transport, "KEEPALIVE_EXPIRY", 0.05)
    await get(transport, server.url + "/ok")
    await asyncio.sleep(0.1)
    await get(transport, server.url + "/ok")
    assert server.accepted == 2 and transport.connections == 1
    await settle(lambda: server.open == 1)  # the expired one was closed


async def test_a_body_cut_short_is_an_error_and_frees_the_slot(server: CountingServer) -> None:
    transport = FreeListTransport(1)
    try:
        with pytest.raises(httpx.RemoteProtocolError):
            await get(transport, server.url + "/cut")
        assert transport.connections == 0
        assert (await get(transport, server.url + "/ok", b"xy")).text == "2"
    finally:
        await transport.aclose()


async def test_a_cut_body_is_a_connection_error_line(server: CountingServer) -> None:
    sender = LineSender(base_url=server.url + "/cut", api_key="k", max_retries=0)
    try:
        line = InputLine("q1", {"model": "m", "messages": [{"role": "user", "content": "hi"}]}, 9)
        record, _ = await sender.send(line)
    finally:
        await sender.aclose()
    assert record["error"]["code"] == "connection_error"


async def test_a_cancelled_request_frees_its_slot_and_closes_its_connection(
    server: CountingServer,
) -> None:
    transport = FreeListTransport(1)
    try:
        hung = asyncio.create_task(get(transport, server.url + "/hang"))
        await asyncio.to_thread(server.hanging.wait, 2)
        waiting = asyncio.create_task(get(transport, server.url + "/ok"))
        await asyncio.sleep(0.05)
        waiting.cancel()  # cancelled while waiting for the slot
        hung.cancel()  # cancelled while waiting for the answer
        for task in (waiting, hung):
            with pytest.raises(asyncio.CancelledError):
                await task
        assert transport.connections == 0
        await settle(lambda: server.open == 0)
        assert (await get(transport, server.url + "/ok")).status_code == 200
    finally:
        await transport.aclose()
    assert not [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]


async def test_the_read_and_pool_timeouts_of_the_request(server: CountingServer) -> None:
    transport = FreeListTransport(1)
    try:
        started = time.perf_counter()
        with pytest.raises(httpx.ReadTimeout):
            await get(transport, server.url + "/hang", read=0.2)
        assert time.perf_counter() - started < 2
        server.hanging.clear()
        hung = asyncio.create_task(get(transport, server.url + "/hang"))
        await asyncio.to_thread(server.hanging.wait, 2)
        with pytest.raises(httpx.PoolTimeout):
            await get(transport, server.url + "/ok", pool=0.2)
        hung.cancel()
        with pytest.raises(asyncio.CancelledError):
            await hung
        assert (await get(transport, server.url + "/ok", pool=0.2)).status_code == 200
    finally:
        await transport.aclose()


async def test_a_refused_connection_is_a_connect_error_and_frees_the_slot() -> None:
    port = socket.create_server(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{port.getsockname()[1]}/ok"
    port.close()  # nothing listens there now
    transport = FreeListTransport(1)
    try:
        for _ in range(2):
            with pytest.raises(httpx.ConnectError):
                await get(transport, url)
        assert transport.connections == 0
    finally:
        await transport.aclose()


async def test_a_body_larger_than_what_is_held_goes_out_whole(
    server: CountingServer, transport: FreeListTransport
) -> None:
    for size in (65_000, 70_000, 300_000):
        assert (await get(transport, server.url + "/ok", b"x" * size)).text == str(size)
    assert server.accepted == 1


async def test_another_origin_takes_the_place_of_an_idle_connection(
    server: CountingServer,
) -> None:
    other = CountingServer()
    transport = FreeListTransport(1)
    try:
        await get(transport, server.url + "/ok")
        await get(transport, other.url + "/ok")
        assert transport.connections == 1
        await settle(lambda: server.open == 0)  # the first origin's idle one was closed
        await get(transport, server.url + "/ok")
        assert server.accepted == 2 and other.accepted == 1
    finally:
        await transport.aclose()
        other.close()


async def test_aclose_closes_idle_connections_and_those_still_in_use_as_they_end(
    server: CountingServer,
) -> None:
    transport = FreeListTransport(4)
    await asyncio.gather(*(get(transport, server.url + "/slow") for _ in range(3)))
    request = httpx.Request("POST", server.url + "/ok")
    open_response = await transport.handle_async_request(request)
    assert server.accepted == 3 and transport.connections == 3
    await transport.aclose()
    await settle(lambda: server.open == 1)
    await open_response.aread()
    await open_response.aclose()
    assert transport.connections == 0
    await settle(lambda: server.open == 0)
    with pytest.raises(RuntimeError):
        await get(transport, server.url + "/ok")


def test_unsupported_schemes_are_refused() -> None:
    transport = FreeListTransport(1)
    with pytest.raises(httpx.UnsupportedProtocol):
        asyncio.run(transport.handle_async_request(httpx.Request("GET", "ftp://x/y")))
    with pytest.raises(ValueError):
        FreeListTransport(0)


async def test_the_sender_reuses_its_connections(server: CountingServer) -> None:
    sender = LineSender(
        base_url=server.url + "/completion", api_key="k", concurrency=3, max_retries=0
    )
    body = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
    try:
        lines = [InputLine(f"q{i}", body, 9) for i in range(30)]
        records = await asyncio.gather(*(sender.send(x) for x in lines))
    finally:
        await sender.aclose()
    assert all(r["error"] is None for r, _ in records)
    assert server.accepted <= 3 and server.requests == 30


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as PEM files."""
    crypto = pytest.importorskip("cryptography")
    del crypto
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp / "cert.pem", tmp / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


async def test_https_connections_are_verified_and_kept_alive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert_file, key_file = _self_signed(tmp_path)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert_file, key_file)
    server = CountingServer(tls)
    transport = FreeListTransport(2)
    try:
        with pytest.raises(httpx.ConnectError):  # a certificate no one vouches for
            await get(transport, server.url + "/ok")
        assert transport.connections == 0
        monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))  # read with the first https one
        transport = FreeListTransport(2)
        for size in (3, 100_000):
            assert (await get(transport, server.url + "/ok", b"x" * size)).text == str(size)
        assert server.accepted == 2 and transport.connections == 1  # the refused one, and one
    finally:
        await transport.aclose()
        server.close()
