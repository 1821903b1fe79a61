"""An httpx transport that spreads requests over several small connection pools.

httpcore's pool re-examines every connection it holds (and, for idle ones, all of them again)
each time a request starts or ends, so its cost per request grows with the square of the pool
size; at a concurrency of 1,024 that dominates a runner's CPU. Pools of `per_pool` connections,
with each request sent to the least busy, keep that cost flat.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Callable

import httpx

from ..._deadline import install as install_deadlines

__all__ = ["PooledTransport"]


class PooledTransport(httpx.AsyncBaseTransport):
    """`size` connections in pools of at most `per_pool`."""

    def __init__(self, size: int, per_pool: int = 8) -> None:
        count = max(1, math.ceil(size / per_pool))
        per = math.ceil(size / count)
        limits = httpx.Limits(max_connections=per, max_keepalive_connections=per)
        self._pools = [httpx.AsyncHTTPTransport(limits=limits) for _ in range(count)]
        for pool in self._pools:
            install_deadlines(pool)  # a call's deadline over every read, as the client's own
        self._busy = [0] * count

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        busy = self._busy
        index = busy.index(min(busy)) if len(busy) > 1 else 0
        busy[index] += 1
        try:
            response = await self._pools[index].handle_async_request(request)
        except BaseException:
            busy[index] -= 1
            raise
        response.stream = _Released(response.stream, lambda: self._release(index))
        return response

    def _release(self, index: int) -> None:
        self._busy[index] -= 1

    async def aclose(self) -> None:
        for pool in self._pools:
            await pool.aclose()


class _Released(httpx.AsyncByteStream):
    """A response body that tells its pool's counter when it is closed."""

    def __init__(
        self, inner: httpx.AsyncByteStream | httpx.SyncByteStream, done: Callable[[], None]
    ) -> None:
        self._inner = inner
        self._done: Callable[[], None] | None = done

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self._inner, httpx.AsyncByteStream)
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            if isinstance(self._inner, httpx.AsyncByteStream):
                await self._inner.aclose()
        finally:
            done, self._done = self._done, None
            if done is not None:
                done()
