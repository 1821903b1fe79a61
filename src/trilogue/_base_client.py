"""The endpoint-agnostic core: sends a request described by a generated endpoint module, with
retries, timeouts, logging, key redaction and typed errors. It knows nothing about chat."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import AsyncIterator, Iterator, Mapping
from types import TracebackType
from typing import Any, Self, TypedDict

import httpx

from . import _json
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    TrilogueError,
    status_error_for,
)
from ._logging import (
    logger,
    redact_headers,
    redact_secret,
    redact_value,
    safe_request,
    setup_from_env,
)
from ._providers import Provider, get_provider
from ._retry import retry_delay, should_retry
from ._version import __version__

__all__ = ["DEFAULT_TIMEOUT", "AsyncAPIClient", "RequestOptions", "SyncAPIClient"]

DEFAULT_TIMEOUT = httpx.Timeout(600.0, connect=5.0)
"""5 s to connect, 10 minutes for everything else: generation can be slow."""
DEFAULT_MAX_RETRIES = 2
DEFAULT_STREAM_IDLE_TIMEOUT = 300.0
"""Seconds a stream may go without a chunk before it fails with APITimeoutError."""

_PYTHON = "{}.{}.{}".format(*sys.version_info[:3])
_USER_AGENT = f"trilogue/{__version__} python/{_PYTHON} httpx/{httpx.__version__}"
# Room for hundreds of concurrent streams; few idle connections kept (httpcore's pool scans them
# all on every request).
LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=20)

setup_from_env()


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
        "headers",
        "idle_timeout",
        "method",
        "params",
        "stream",
        "timeout",
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
    ) -> None:
        self.deadline = deadline
        self.method = method
        self.url = url
        self.content = content
        self.headers = headers
        self.params = params
        self.timeout = timeout
        self.stream = stream
        self.idle_timeout = idle_timeout


class BaseClient:
    """What the sync and async clients share: configuration, request building, retry decisions
    and errors."""

    provider: Provider
    _owns_http: bool
    _headers_on_client: bool
    _http: httpx.Client | httpx.AsyncClient

    def __init__(
        self,
        *,
        provider: str,
        api_key: str | None,
        base_url: str | httpx.URL | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        max_retry_delay: float,
        default_headers: Mapping[str, str] | None,
        stream_idle_timeout: float | None,
    ) -> None:
        self.provider = get_provider(provider)
        profile = self.provider
        if api_key is None:
            api_key = profile.key_from_env(os.environ, address_from_env=not base_url)
        if api_key is None and profile.key_required:
            raise TrilogueError(
                f"No API key for provider {profile.name!r}: pass api_key=... "
                f"or set the {profile.key_env} environment variable."
            )
        if api_key is not None and any(ord(c) < 32 or ord(c) == 127 for c in api_key):
            # Said without the key: a key read from a file often ends with a newline.
            raise ValueError(
                f"The API key for provider {profile.name!r} contains a control character "
                "(a trailing newline?); strip it before passing it."
            )
        base_url = base_url or profile.base_url_from_env(os.environ) or profile.base_url
        if not base_url:
            raise TrilogueError(
                f"Provider {profile.name!r} needs a server address: pass base_url=... "
                f"or set the {profile.base_url_env} environment variable."
            )
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more.")
        self.__api_key = api_key
        self.base_url = _checked_url(str(base_url), profile.name)
        self._base = str(self.base_url)
        self.timeout = as_timeout(timeout) if timeout is not None else None
        self.max_retries = max_retries
        self.max_retry_delay = max_retry_delay
        self.stream_idle_timeout = stream_idle_timeout
        self._default_headers = dict(default_headers or {})
        self._headers = self._base_headers()
        self._header_cache: dict[tuple[tuple[tuple[str, str], ...], bool], dict[str, str]] = {}

    def __repr__(self) -> str:
        name = type(self).__name__
        return f"{name}(provider={self.provider.name!r}, base_url={str(self.base_url)!r})"

    @property
    def api_key(self) -> str | None:
        """The key sent as the bearer token (never shown in a repr, log or error)."""
        return self.__api_key

    def _base_headers(self) -> dict[str, str]:
        headers = {"Accept": "application/json", "User-Agent": _USER_AGENT}
        if self.__api_key:
            headers["Authorization"] = f"Bearer {self.__api_key}"
        return merge_headers(headers, self._default_headers)

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        max_retry_delay: float | None = None,
        stream_idle_timeout: float | None = None,
    ) -> Self:
        """A copy with other settings that shares this client's connection pool."""
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        if timeout is not None:
            copy.timeout = as_timeout(timeout)
        if max_retries is not None:
            if max_retries < 0:
                raise ValueError("max_retries must be 0 or more.")
            copy.max_retries = max_retries
        if max_retry_delay is not None:
            copy.max_retry_delay = max_retry_delay
        if stream_idle_timeout is not None:
            copy.stream_idle_timeout = stream_idle_timeout
        copy._owns_http = False
        copy._attach_resources()
        return copy

    def _attach_resources(self) -> None:
        raise NotImplementedError

    def _prepare(
        self, endpoint_kwargs: Mapping[str, Any], options: RequestOptions, *, stream: bool = False
    ) -> PreparedRequest:
        """The request a generated endpoint's `request_kwargs` describes, with this call's
        options (extra headers, query and body; timeouts) applied."""
        body = endpoint_kwargs.get("json")
        extra_body = options.get("extra_body")
        if extra_body:
            body = {**(body or {}), **extra_body}
        headers = self._headers_for(endpoint_kwargs.get("headers"), stream)
        extra_headers = options.get("extra_headers")
        if extra_headers:
            headers = merge_headers(headers, extra_headers)
        params = endpoint_kwargs.get("params")
        extra_query = options.get("extra_query")
        if extra_query:
            params = {**(params or {}), **extra_query}
        timeout = options.get("timeout")
        return PreparedRequest(
            method=endpoint_kwargs["method"].upper(),
            url=self._base + endpoint_kwargs["url"].lstrip("/"),
            content=None if body is None else _encode(body),
            headers=headers,
            params=params or None,
            timeout=as_timeout(timeout) if timeout is not None else self.timeout,
            stream=stream,
            idle_timeout=options.get("stream_idle_timeout", self.stream_idle_timeout),
            deadline=options.get("deadline"),
        )

    def _headers_for(
        self, endpoint_headers: Mapping[str, str] | None, stream: bool
    ) -> dict[str, str]:
        """The client's headers with an endpoint's own (its Content-Type) and, for a stream,
        `Accept: text/event-stream`; the few combinations are built once and kept. When the
        httpx client is this client's own, it holds the client's headers already, so only the
        rest is sent per request (httpx merges fewer headers per request)."""
        key = (tuple(endpoint_headers.items()) if endpoint_headers else (), stream)
        headers = self._header_cache.get(key)
        if headers is None:
            headers = {} if self._headers_on_client else self._headers
            if endpoint_headers:
                headers = merge_headers(headers, endpoint_headers)
            if stream:
                headers = merge_headers(headers, {"Accept": "text/event-stream"})
            self._header_cache[key] = headers
        return headers

    def _request_timeout(
        self, prepared: PreparedRequest, http_timeout: httpx.Timeout
    ) -> httpx.Timeout:
        timeout = prepared.timeout or http_timeout
        idle = prepared.idle_timeout
        if prepared.stream and idle is not None and (timeout.read is None or idle < timeout.read):
            # A socket read that waits longer than the idle limit can never end well.
            return httpx.Timeout(
                connect=timeout.connect, read=idle, write=timeout.write, pool=timeout.pool
            )
        return timeout

    def _build(
        self, prepared: PreparedRequest, timeout: httpx.Timeout, retries: int
    ) -> httpx.Request:
        if self._headers_on_client:
            request = self._http.build_request(
                prepared.method,
                prepared.url,
                content=prepared.content,
                params=prepared.params,
                timeout=timeout,
            )
            if prepared.headers:
                request.headers.update(prepared.headers)
        else:
            request = self._http.build_request(
                prepared.method,
                prepared.url,
                content=prepared.content,
                headers=prepared.headers,
                params=prepared.params,
                timeout=timeout,
            )
        if logger.isEnabledFor(10):
            logger.debug(
                "%s %s (try %d, provider %s) headers=%s",
                request.method,
                request.url,
                retries + 1,
                self.provider.name,
                redact_headers(request.headers),
            )
        return request

    def _retry_after_error(self, retries: int, exc: Exception, request: httpx.Request) -> float:
        """The wait before retrying a failed connection, or the error if no retry is left."""
        if retries >= self.max_retries:
            raise self._connection_error(exc, request) from exc
        delay = retry_delay(retries, None, self.max_retry_delay)
        logger.info("Retrying in %.2f s after %s", delay, type(exc).__name__)
        return delay

    def _retry_wait(self, retries: int) -> float:
        """The backoff before try `retries + 1` when the server gave no hint."""
        delay = retry_delay(retries, None, self.max_retry_delay)
        logger.info("Retrying the stream in %.2f s after an error before any content", delay)
        return delay

    def _retry_after_status(self, retries: int, response: httpx.Response) -> float | None:
        """The wait before retrying an error status, or None when it is not to be retried."""
        if retries >= self.max_retries or not should_retry(response):
            return None
        delay = retry_delay(retries, response.headers, self.max_retry_delay)
        logger.info("Retrying in %.2f s after status %d", delay, response.status_code)
        return delay

    def _redact(self, text: str) -> str:
        # Some servers quote the key they refused; it must not reach logs or tracebacks.
        return redact_secret(text, self.__api_key)

    def _redact_body(self, body: Any) -> Any:
        return redact_value(body, self.__api_key)

    def _status_error(self, response: httpx.Response) -> APIStatusError:
        try:
            body: object = _json.loads(response.content) if response.content else None
        except ValueError:
            body = response.text
        provider = self.provider
        message = self._redact(provider.adapter.error_message(response.status_code, body))
        response.request = safe_request(response.request)
        return status_error_for(response.status_code, message)(
            f"Error code {response.status_code} from {provider.name}: {message}"
            if message
            else f"Error code {response.status_code} from {provider.name}",
            response=response,
            body=self._redact_body(body),
            provider=provider.name,
            request_id=request_id(response.headers),
        )

    def _connection_error(self, exc: Exception, request: httpx.Request) -> APIConnectionError:
        provider = self.provider.name
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                f"Request to {provider} timed out ({type(exc).__name__}).",
                request=safe_request(request),
                provider=provider,
            )
        return APIConnectionError(
            self._redact(
                f"Could not talk to {provider} at {request.url.host}: {type(exc).__name__}: {exc}"
            ),
            request=safe_request(request),
            provider=provider,
        )

    def _decode(self, response: httpx.Response) -> Any:
        """The JSON of a successful response's body."""
        try:
            return _json.loads(response.content)
        except ValueError as exc:
            raise self._invalid_body(response, exc) from None

    def _invalid_body(self, response: httpx.Response, exc: Exception) -> APIError:
        """The error for a successful response whose body is not what the endpoint describes:
        the server's own error, if the body is one, else a validation error."""
        try:
            data = _json.loads(response.content)
        except ValueError:
            data = None
        if isinstance(data, dict) and "error" in data:
            return self._status_error(response)
        return APIResponseValidationError(
            self._redact(
                f"The {self.provider.name} server answered {response.status_code} with a body "
                f"trilogue cannot read ({type(exc).__name__}: {exc}): {response.text[:200]!r}"
            ),
            request=safe_request(response.request),
            body=self._redact(response.text),
            provider=self.provider.name,
        )


class SyncAPIClient(BaseClient):
    """The core of `Trilogue`: sends requests over an `httpx.Client`."""

    _http: httpx.Client

    def __init__(self, *, http_client: httpx.Client | None, **settings: Any) -> None:
        super().__init__(**settings)
        self._owns_http = self._headers_on_client = http_client is None
        self._http = http_client or httpx.Client(
            timeout=self.timeout or DEFAULT_TIMEOUT, limits=LIMITS, headers=self._headers
        )

    def close(self) -> None:
        """Closes the connection pool (not an `http_client` you passed in)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _send(self, prepared: PreparedRequest) -> tuple[httpx.Response, float]:
        """Sends with retries; returns the successful response (its body read unless streamed)
        and when its last try started."""
        timeout = self._request_timeout(prepared, self._http.timeout)
        retries = 0
        while True:
            request = self._build(prepared, timeout, retries)
            started = time.perf_counter()
            response = None
            try:
                response = self._http.send(request, stream=True)
                if not prepared.stream and response.status_code < 400:
                    limit = _limit(prepared, timeout)
                    if limit is not None:
                        response.stream = _Deadline(response.stream, started + limit, request)
                    response.read()
            except httpx.HTTPError as exc:
                if response is not None:
                    response.close()
                delay = self._retry_after_error(retries, exc, request)
            else:
                if response.status_code < 400:
                    return response, started
                wait = self._retry_after_status(retries, response)
                if wait is None:
                    try:
                        response.read()
                    except httpx.HTTPError as exc:
                        raise self._connection_error(exc, request) from exc
                    raise self._status_error(response)
                delay = wait
                response.close()
            time.sleep(delay)
            retries += 1


class AsyncAPIClient(BaseClient):
    """The core of `AsyncTrilogue`: sends requests over an `httpx.AsyncClient`."""

    _http: httpx.AsyncClient

    def __init__(self, *, http_client: httpx.AsyncClient | None, **settings: Any) -> None:
        super().__init__(**settings)
        self._owns_http = self._headers_on_client = http_client is None
        self._http = http_client or httpx.AsyncClient(
            timeout=self.timeout or DEFAULT_TIMEOUT, limits=LIMITS, headers=self._headers
        )

    async def close(self) -> None:
        """Closes the connection pool (not an `http_client` you passed in)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _send(self, prepared: PreparedRequest) -> tuple[httpx.Response, float]:
        """Sends with retries; returns the successful response (its body read unless streamed)
        and when its last try started."""
        timeout = self._request_timeout(prepared, self._http.timeout)
        retries = 0
        while True:
            request = self._build(prepared, timeout, retries)
            started = time.perf_counter()
            response = None
            try:
                response = await self._http.send(request, stream=True)
                if not prepared.stream and response.status_code < 400:
                    limit = _limit(prepared, timeout)
                    if limit is not None:
                        response.stream = _AsyncDeadline(response.stream, started + limit, request)
                    await response.aread()
            except httpx.HTTPError as exc:
                if response is not None:
                    await response.aclose()
                delay = self._retry_after_error(retries, exc, request)
            else:
                if response.status_code < 400:
                    return response, started
                wait = self._retry_after_status(retries, response)
                if wait is None:
                    try:
                        await response.aread()
                    except httpx.HTTPError as exc:
                        raise self._connection_error(exc, request) from exc
                    raise self._status_error(response)
                delay = wait
                await response.aclose()
            await _sleep(delay)
            retries += 1


def _limit(prepared: PreparedRequest, timeout: httpx.Timeout) -> float | None:
    return prepared.deadline if prepared.deadline is not None else timeout.read


class _Deadline(httpx.SyncByteStream):
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


class _AsyncDeadline(httpx.AsyncByteStream):
    """The async `_Deadline`."""

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


def _encode(body: Any) -> bytes:
    """The request body as JSON; a value JSON cannot carry (NaN, a datetime, bytes, a set, an
    object, a circular reference) is refused before anything is sent."""
    try:
        return _json.dumps(body)
    except TypeError as exc:
        raise TypeError(f"The request body cannot be sent as JSON: {exc}") from None
    except ValueError as exc:
        raise ValueError(f"The request body cannot be sent as JSON: {exc}") from None


def _checked_url(url: str, provider: str) -> httpx.URL:
    """The base URL, ending with "/", if it is an http(s) address with a host."""
    try:
        parsed = httpx.URL(url.rstrip("/") + "/")
    except httpx.InvalidURL:
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError(
            f"The base URL for provider {provider!r} must be an http:// or https:// address "
            f"with a host, got {url!r}."
        )
    return parsed


def merge_headers(base: Mapping[str, str], extra: Mapping[str, str]) -> dict[str, str]:
    """`base` updated with `extra`, header names compared without case (so `accept` replaces
    `Accept` instead of sending both)."""
    replaced = {name.lower() for name in extra}
    merged = {name: value for name, value in base.items() if name.lower() not in replaced}
    merged.update(extra)
    return merged


async def _sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


def as_timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value, connect=5.0)


def request_id(headers: httpx.Headers) -> str | None:
    """The server's id for a request (`x-request-id` or `request-id`), if it sent one."""
    value: str | None = headers.get("x-request-id") or headers.get("request-id")
    return value
