"""An httpx transport for the batch runner: HTTP/1.1 connections kept on a free list.

httpcore's pool re-examines every connection it holds each time a request starts or ends, so
its cost per request grows with the pool's size. Here a request takes the last idle connection
to its origin (checking only that one), or opens a new one while fewer than `size` are open, and
gives it back when its response body is closed: a few steps whatever the number of connections.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterator
from typing import Any

import anyio
import httpcore
import httpx

from ..._deadline import install as install_deadlines

__all__ = ["FreeListTransport"]

KEEPALIVE_EXPIRY = 5.0  # httpx's default: an idle connection older than this is not reused
_PORTS = {b"http": 80, b"https": 443}

Key = tuple[bytes, bytes, int]  # scheme, host, port


class _Connector:
    """Opens connections; `_network_backend` is where `_deadline.install` puts its backend."""

    def __init__(self) -> None:
        self._network_backend: httpcore.AsyncNetworkBackend = httpcore.AnyIOBackend()
        self._ssl: ssl.SSLContext | None = None

    async def open(self, key: Key, timeouts: dict[str, Any]) -> httpcore.AsyncHTTP11Connection:
        scheme, host, port = key
        timeout = timeouts.get("connect")
        name = host.decode("ascii")
        stream = await self._network_backend.connect_tcp(name, port, timeout=timeout)
        if scheme == b"https":
            try:
                stream = await stream.start_tls(self._context(), name, timeout)
            except BaseException:
                await _shielded(stream.aclose())
                raise
        origin = httpcore.Origin(scheme, host, port)
        return httpcore.AsyncHTTP11Connection(origin, _Coalescing(stream), KEEPALIVE_EXPIRY)

    def _context(self) -> ssl.SSLContext:
        # Made on the first https connection: loading the CA bundle costs tens of milliseconds.
        if self._ssl is None:
            self._ssl = httpx.create_ssl_context()
            self._ssl.set_alpn_protocols(["http/1.1"])
        return self._ssl


class _Coalescing(httpcore.AsyncNetworkStream):
    """Holds small writes until the next read (or until they pass `LIMIT`), so a request's
    head, body and end go out in one send, not three (a system call and a wake-up each)."""

    LIMIT = 64 * 1024

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._held = bytearray()
        self._timeout: float | None = None

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if len(self._held) + len(buffer) > self.LIMIT:
            await self._flush()
            if len(buffer) > self.LIMIT:
                await self._inner.write(buffer, timeout)
                return
        self._held += buffer
        self._timeout = timeout

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        if self._held:
            # As httpcore does: a server may answer before it has taken the whole request.
            with contextlib.suppress(httpcore.WriteError):
                await self._flush()
        return await self._inner.read(max_bytes, timeout)

    async def _flush(self) -> None:
        held, self._held = bytes(self._held), bytearray()
        await self._inner.write(held, self._timeout)

    async def aclose(self) -> None:
        self._held.clear()
        await self._inner.aclose()

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class FreeListTransport(httpx.AsyncBaseTransport):
    """At most `size` HTTP/1.1 connections, idle ones reused last-in first-out."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("size must be 1 or more")
        self._size = size
        self._slots = asyncio.Semaphore(size)  # one per request in flight
        self._idle: dict[Key, list[httpcore.AsyncHTTP11Connection]] = {}
        self._open = 0  # connections in use, opening or idle
        self._pool = _Connector()
        install_deadlines(self)  # a call's deadline over every read, as the client's own
        self._closed = False

    @property
    def connections(self) -> int:
        """Connections open now, in use or idle."""
        return self._open

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._closed:
            raise RuntimeError("the transport is closed")
        key = _key(request)
        timeouts: dict[str, Any] = request.extensions.get("timeout", {})
        await self._take_slot(timeouts.get("pool"), request)
        connection = None
        try:
            connection = await self._idle_connection(key) or await self._connect(key, timeouts)
            answer = await connection.handle_async_request(_core_request(request, key))
        except BaseException as exc:
            await self._give_back(connection, key)
            if isinstance(exc, _CORE_ERRORS):
                raise _mapped(exc, request) from exc
            raise
        body = _Body(self, connection, key, answer.stream, request)
        return httpx.Response(
            answer.status, headers=answer.headers, stream=body, extensions=answer.extensions
        )

    async def _take_slot(self, timeout: float | None, request: httpx.Request) -> None:
        if not self._slots.locked():
            await self._slots.acquire()  # one is free: no wait
            return
        try:
            async with asyncio.timeout(timeout):
                await self._slots.acquire()
        except TimeoutError:
            raise httpx.PoolTimeout("no connection came free in time", request=request) from None

    async def _idle_connection(self, key: Key) -> httpcore.AsyncHTTP11Connection | None:
        """The last used idle connection to `key` still fit to use; those that are not (expired,
        or closed by the server) are closed on the way."""
        idle = self._idle.get(key)
        while idle:
            connection = idle.pop()
            if connection.is_available() and not connection.has_expired():
                return connection
            await self._drop(connection)
        return None

    async def _connect(self, key: Key, timeouts: dict[str, Any]) -> httpcore.AsyncHTTP11Connection:
        if self._open >= self._size:
            # Every other slot's connection is in use or idle to another origin: close one of
            # the latter (there is one: this request holds a slot and has no connection).
            idle = next(idle for idle in self._idle.values() if idle)
            await self._drop(idle.pop(0))
        self._open += 1
        try:
            return await self._pool.open(key, timeouts)
        except BaseException:
            self._open -= 1
            raise

    async def _drop(self, connection: httpcore.AsyncHTTP11Connection) -> None:
        self._open -= 1
        if not connection.is_closed():
            await _shielded(connection.aclose())

    async def _give_back(self, connection: httpcore.AsyncHTTP11Connection | None, key: Key) -> None:
        """Returns the slot, and the connection to the free list if it can serve again."""
        self._slots.release()
        if connection is None:
            return
        if connection.is_available() and not self._closed:
            self._idle.setdefault(key, []).append(connection)
        else:
            await self._drop(connection)

    async def aclose(self) -> None:
        """Closes the idle connections; those in use close as their responses are closed."""
        self._closed = True
        idle = [connection for pool in self._idle.values() for connection in pool]
        self._idle.clear()
        for connection in idle:
            await self._drop(connection)


class _Body(httpx.AsyncByteStream):
    """A response body whose closing gives its connection back to the transport."""

    def __init__(
        self,
        transport: FreeListTransport,
        connection: httpcore.AsyncHTTP11Connection,
        key: Key,
        inner: Any,
        request: httpx.Request,
    ) -> None:
        self._transport: FreeListTransport | None = transport
        self._connection = connection
        self._key = key
        self._inner = inner
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                yield chunk
        except _CORE_ERRORS as exc:
            raise _mapped(exc, self._request) from exc

    async def aclose(self) -> None:
        transport, self._transport = self._transport, None
        if transport is None:
            return
        try:
            await self._inner.aclose()
        except _CORE_ERRORS as exc:
            raise _mapped(exc, self._request) from exc
        finally:
            await transport._give_back(self._connection, self._key)


def _key(request: httpx.Request) -> Key:
    url = request.url
    scheme = url.raw_scheme
    if scheme not in _PORTS:
        raise httpx.UnsupportedProtocol(f"the URL's scheme is not http(s): {url}", request=request)
    if not url.raw_host:
        raise httpx.UnsupportedProtocol(f"the URL has no host: {url}", request=request)
    return scheme, url.raw_host, url.port or _PORTS[scheme]


def _core_request(request: httpx.Request, key: Key) -> httpcore.Request:
    scheme, host, port = key
    return httpcore.Request(
        request.method,
        httpcore.URL(scheme=scheme, host=host, port=port, target=request.url.raw_path),
        headers=request.headers.raw,
        content=request.stream,
        extensions=request.extensions,
    )


# httpcore's errors as httpx's, most specific first (the client retries and reports httpx's).
_ERRORS: list[tuple[type[Exception], type[httpx.TransportError]]] = [
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProxyError, httpx.ProxyError),
]


_CORE_ERRORS = tuple(core for core, _ in _ERRORS)


def _mapped(exc: Exception, request: httpx.Request) -> httpx.TransportError:
    """httpx's error for one of httpcore's."""
    return next(ours for core, ours in _ERRORS if isinstance(exc, core))(str(exc), request=request)


async def _shielded(closing: Any) -> None:
    """Awaits a close even in a cancelled task: a connection is never left half open."""
    with anyio.CancelScope(shield=True):
        await closing
