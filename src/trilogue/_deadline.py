"""A deadline over every socket read of a call, the wait for the response headers included.

httpcore reads the headers (and then the body) with one fixed read timeout per read, so a server
that drips a byte at a time never trips it. The client's own connection pool gets a network
backend whose streams cut each read's timeout to what is left of the current call's deadline
(a context variable, so each thread and task has its own), and fail once it has passed.
"""

from __future__ import annotations

import select
import time
import typing
from contextvars import ContextVar
from typing import Any

import httpcore

__all__ = ["DEADLINE", "install"]

DEADLINE: ContextVar[float | None] = ContextVar("trilogue_deadline", default=None)
"""`time.perf_counter()` past which the current call's reads fail (None: no deadline)."""


def _left(timeout: float | None) -> float | None:
    at = DEADLINE.get()
    if at is None:
        return timeout
    left = at - time.perf_counter()
    if left <= 0:
        raise httpcore.ReadTimeout("the answer took longer than the call's deadline")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(*args, **kwargs))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket: Any = _UNKNOWN
        self._poller: Any = None

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, _left(timeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(await self._inner.start_tls(*args, **kwargs))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable" and _CAN_POLL:
            # Asked of every idle connection whenever a request starts; anyio builds its
            # table of attributes on each lookup, so the socket is looked up, and registered
            # with a poller, once.
            if self._socket is _UNKNOWN:
                self._socket = self._inner.get_extra_info("socket")
                self._poller = _poller_of(self._socket)
            return _readable(self._socket, self._poller)
        return self._inner.get_extra_info(info)


_UNKNOWN: Any = object()
_CAN_POLL = hasattr(select, "poll")  # not on Windows: there, anyio's own lookup


def _poller_of(sock: Any) -> Any:
    """A poller watching `sock` for reads; None for a socket already gone."""
    fd = -1 if sock is None else sock.fileno()
    if fd < 0:
        return None
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return poller


def _readable(sock: Any, poller: Any) -> bool:
    """Whether a read would not wait: data came, or the peer closed (a gone socket counts; it
    is asked first, so a closed socket's number, reused by another, is never polled)."""
    if poller is None or sock.fileno() < 0:
        return True
    return bool(poller.poll(0))


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_tcp(*args, **kwargs))

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(*args, **kwargs))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(await self._inner.connect_tcp(*args, **kwargs))

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(await self._inner.connect_unix_socket(*args, **kwargs))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def install(http: Any) -> None:
    """Puts the deadline-aware backend under the connection pool of `http`, an httpx client or
    transport made by trilogue (a client passed in is left as it is, and keeps httpx's own
    timeouts)."""
    transport = getattr(http, "_transport", http)  # a client, or a transport itself
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if backend is None:
        return
    wrap: typing.Callable[[Any], Any] = (
        _AsyncBackend if isinstance(backend, httpcore.AsyncNetworkBackend) else _Backend
    )
    pool._network_backend = wrap(backend)  # type: ignore[union-attr]
