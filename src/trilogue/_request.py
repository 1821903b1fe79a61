"""One call's request, ready to send: the options a caller may give, the prepared request, and
the helpers that build it (headers, body encoding, timeouts, deadlines)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator, Mapping
from typing import Any, Required, TypedDict

import anyio
import httpx

from . import _json

__all__ = ["OPTION_NAMES", "Call", "How", "PreparedRequest", "RequestOptions"]


class RequestOptions(TypedDict, total=False):
    """How one call is sent, besides what the endpoint describes."""

    extra_headers: Mapping[str, str] | None
    extra_query: Mapping[str, str] | None
    extra_body: Mapping[str, Any] | None
    timeout: float | httpx.Timeout | None
    stream_idle_timeout: float | None
    deadline: float | None
    """Seconds a call that is not streamed may take in all, per try, to have its whole answer
    (default: the read timeout), however the server drips the bytes."""


OPTION_NAMES = frozenset(RequestOptions.__annotations__)


class PreparedRequest:
    """One call, ready to send (and to send again on a retry)."""

    __slots__ = (
        "content",
        "deadline",
        "foreign",
        "headers",
        "idle_timeout",
        "method",
        "params",
        "stream",
        "timeout",
        "trace",
        "url",
    )

    def __init__(
        self,
        *,
        method: str,
        url: str,
        content: bytes | None,
        headers: dict[str, str],
        params: Mapping[str, Any] | None,
        timeout: httpx.Timeout | None,
        stream: bool,
        idle_timeout: float | None,
        deadline: float | None = None,
        foreign: bool = False,
    ) -> None:
        self.method, self.url, self.content, self.headers = method, url, content, headers
        # An absolute address elsewhere (a presigned storage URL): sent without the API key.
        self.foreign = foreign
        self.params, self.timeout, self.stream = params, timeout, stream
        self.idle_timeout, self.deadline = idle_timeout, deadline
        # The call's telemetry (`_telemetry_call.Operation`) when OpenTelemetry records it.
        self.trace: Any = None


def time_limit(prepared: PreparedRequest, timeout: httpx.Timeout) -> float | None:
    return prepared.deadline if prepared.deadline is not None else timeout.read


class Deadline(httpx.SyncByteStream):
    """A response body that fails with a read timeout once the call's deadline has passed,
    however steadily the server drips bytes (each read alone stays within the read timeout)."""

    def __init__(self, inner: Any, at: float, request: httpx.Request) -> None:
        self._inner, self._at, self._request = inner, at, request

    def __iter__(self) -> Iterator[bytes]:
        for piece in self._inner:
            if time.perf_counter() > self._at:
                raise httpx.ReadTimeout(
                    "the answer took longer than the deadline", request=self._request
                )
            yield piece

    def close(self) -> None:
        self._inner.close()


class AsyncDeadline(httpx.AsyncByteStream):
    """The async `Deadline`."""

    def __init__(self, inner: Any, at: float, request: httpx.Request) -> None:
        self._inner, self._at, self._request = inner, at, request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for piece in self._inner:
            if time.perf_counter() > self._at:
                raise httpx.ReadTimeout(
                    "the answer took longer than the deadline", request=self._request
                )
            yield piece

    async def aclose(self) -> None:
        await self._inner.aclose()


def encode(body: Any) -> bytes:
    """The request body as JSON; a value JSON cannot carry (NaN, a datetime, bytes, a set, an
    object, a circular reference) is refused before anything is sent."""
    try:
        return _json.dumps(body)
    except TypeError as exc:
        raise TypeError(f"The request body cannot be sent as JSON: {exc}") from None
    except ValueError as exc:
        raise ValueError(f"The request body cannot be sent as JSON: {exc}") from None


def encode_multipart(files: Mapping[str, Any]) -> tuple[bytes, str]:
    """A multipart form's bytes and its Content-Type (with the boundary), encoded once so that
    a retry sends the same bytes."""
    request = httpx.Request("POST", "http://multipart.invalid/", files=files)
    return request.read(), request.headers["Content-Type"]


def checked_url(url: str, provider: str) -> httpx.URL:
    """The base URL, ending with "/", if it is an http(s) address with a host."""
    try:
        parsed = httpx.URL(url.rstrip("/") + "/")
    except httpx.InvalidURL:
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        shown = url if parsed is None or not parsed.userinfo else "(an address with credentials)"
        raise ValueError(
            f"The base URL for provider {provider!r} must be an http:// or https:// address "
            f"with a host, got {shown!r}."
        )
    if parsed.userinfo:
        # httpx would send them as Basic auth in place of the key, and they would show in every
        # repr, log line and error that names the URL.
        raise ValueError(
            f"The base URL for provider {provider!r} carries credentials (user:password@host); "
            "pass the key as api_key= (or the provider's environment variable) instead."
        )
    return parsed


def merge_headers(base: Mapping[str, str], extra: Mapping[str, str]) -> dict[str, str]:
    """`base` updated with `extra`, header names compared without case (so `accept` replaces
    `Accept` instead of sending both)."""
    replaced = {name.lower() for name in extra}
    merged = {name: value for name, value in base.items() if name.lower() not in replaced}
    merged.update(extra)
    return merged


def as_timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value, connect=5.0)


def request_id(headers: httpx.Headers) -> str | None:
    """The server's id for a request (`x-request-id` or `request-id`), if it sent one."""
    value: str | None = headers.get("x-request-id") or headers.get("request-id")
    return value


class Call:
    """One call of an endpoint: the generated endpoint module that describes it, the request
    ready to send, the checked body, the type to read the answer into, what to do with it then
    (`parse()`'s parsing, a parsed stream's wrapping), and the client that sends it (and sends a
    stream's call again, `restream`)."""

    __slots__ = ("body", "cast_to", "client", "endpoint", "prepared", "then")

    def __init__(
        self,
        endpoint: Any,
        prepared: PreparedRequest,
        body: dict[str, Any] | None,
        cast_to: type[Any],
        then: Callable[[Any], Any] | None,
        client: Any,
    ) -> None:
        self.endpoint, self.prepared, self.body = endpoint, prepared, body
        self.cast_to, self.then, self.client = cast_to, then, client


class How(TypedDict, total=False):
    """How a resource wants its call made: the type to read the answer into, the endpoint's
    path and query parameters, whether it is streamed, and what to do with the result then."""

    cast_to: Required[type[Any]]
    parameters: Mapping[str, Any] | None
    stream: bool
    then: Callable[[Any], Any] | None


DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
"""Bytes of a whole (not streamed) answer, once decompressed, that a client reads at most: far
above any chat completion, low enough that a compressed bomb cannot take the process's memory."""


class ResponseTooLarge(Exception):
    """A body grew past the client's `max_response_bytes` while it was read (what fitted is kept
    as the response's content, for an error's `body`)."""


def _keep(response: httpx.Response, chunks: list[bytes], limit: int, size: int) -> None:
    response._content = b"".join(chunks)  # what `read()` sets, bounded
    if size > limit:
        raise ResponseTooLarge(f"the answer is over max_response_bytes={limit}")


def read_limited(response: httpx.Response, limit: int) -> None:
    """`response.read()` that stops once the decompressed body is over `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            break
        chunks.append(chunk)
    _keep(response, chunks, limit, size)


async def aread_limited(response: httpx.Response, limit: int) -> None:
    """`read_limited`, awaited."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            break
        chunks.append(chunk)
    _keep(response, chunks, limit, size)


class ShieldedClose(httpx.AsyncByteStream):
    """An async body whose close finishes even while the task is being cancelled: httpx closes
    a body it has read to the end by itself, and marks it closed before the close is done, so a
    cancellation landing there would leave its connection checked out of the pool for good."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._inner.__aiter__()  # type: ignore[no-any-return]

    async def aclose(self) -> None:
        await finish(self._inner.aclose)


async def aclose_shielded(response: httpx.Response) -> None:
    """Closes `response` even while the task is being cancelled."""
    await finish(response.aclose)


async def finish(close: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Runs `close` to its end even if the caller is cancelled meanwhile (the cancellation is
    raised once it has finished). An asyncio task's cancellation reaches through anyio's shield,
    so on asyncio the close runs as a task of its own, awaited until done: nothing is left
    running behind the caller."""
    import asyncio  # here: a program that never runs async code does not import asyncio

    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # trio: its own cancel scopes honour anyio's shield
        with anyio.CancelScope(shield=True):
            await close()
        return
    task: asyncio.Task[None] = loop.create_task(close())
    cancelled = None
    while not task.done():
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError as exc:
            cancelled = exc
    if cancelled is not None:
        raise cancelled
    task.result()
