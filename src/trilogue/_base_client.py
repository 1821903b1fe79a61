"""The core: every call goes through `request()`, which checks and shapes the body through the
provider's wire format, sends it with retries, and returns the typed result or a stream. It
names no endpoint and no schema: the generated endpoint module a resource passes says what the
request is, which schema checks its body and which model its answer is."""

from __future__ import annotations

import os
import sys
import time
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar, Unpack

import anyio
import httpx

from ._deadline import DEADLINE
from ._deadline import install as install_deadlines
from ._exceptions import TrilogueError
from ._logging import redact_response_headers, redact_secret, redact_value, setup_from_env
from ._providers import Provider, ProviderName, get_provider
from ._reading import Reading
from ._request import (
    DEFAULT_MAX_RESPONSE_BYTES,
    OPTION_NAMES,
    AsyncDeadline,
    Call,
    Deadline,
    How,
    PreparedRequest,
    RequestOptions,
    ResponseTooLarge,
    ShieldedClose,
    aclose_shielded,
    aread_limited,
    as_timeout,
    checked_url,
    merge_headers,
    read_limited,
    time_limit,
)
from ._resource import resource_names
from ._retry import DEFAULT_MAX_RETRY_DELAY
from ._sending import Sending
from ._telemetry import tracing
from ._version import __version__

__all__ = ["DEFAULT_TIMEOUT", "AsyncAPIClient", "BaseClient", "RequestOptions", "SyncAPIClient"]

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

if TYPE_CHECKING:
    from ._stream_parser import StreamParser

_HttpT = TypeVar("_HttpT", httpx.Client, httpx.AsyncClient)

setup_from_env()


class BaseClient(Reading, Sending, Generic[_HttpT]):
    """What the sync and async clients share: configuration, building each call, retry
    decisions and errors. `provider` is one of "mistral", "gradient", "llama",
    "llama-compat" or "openai-compatible"; the key and address come from the provider's
    environment variables unless given."""

    provider: Provider
    is_async: ClassVar[bool]
    _owns_http: bool
    _headers_on_client: bool
    _http: _HttpT

    def __init__(
        self,
        provider: ProviderName = "openai-compatible",
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        default_headers: Mapping[str, str] | None = None,
        stream_idle_timeout: float | None = DEFAULT_STREAM_IDLE_TIMEOUT,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: _HttpT | None = None,
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
        if profile.retired and base_url == profile.base_url:
            warnings.warn(profile.retired, FutureWarning, stacklevel=3)
        if not base_url:
            raise TrilogueError(
                f"Provider {profile.name!r} needs a server address: pass base_url=... "
                f"or set the {profile.base_url_env} environment variable."
            )
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more.")
        self.__api_key = api_key
        self.base_url = checked_url(str(base_url), profile.name)
        self._base = str(self.base_url)
        self.timeout = as_timeout(timeout) if timeout is not None else None
        self.max_retries = max_retries
        self.max_retry_delay = max_retry_delay
        self.stream_idle_timeout = stream_idle_timeout
        self.max_response_bytes = max_response_bytes
        self._default_headers = dict(default_headers or {})
        self._headers = self._base_headers()
        self._header_cache: dict[tuple[tuple[tuple[str, str], ...], bool], dict[str, str]] = {}
        self._urls: dict[str, httpx.URL] = {}
        self._owns_http = self._headers_on_client = http_client is None
        try:
            self._http = http_client or self._new_http_client()
            if http_client is None:
                install_deadlines(self._http)
        except httpx.InvalidURL as exc:  # a malformed proxy address in HTTP(S)_PROXY
            raise ValueError(
                f"The HTTP client for provider {profile.name!r} could not be made: {exc} "
                "(check the HTTP_PROXY, HTTPS_PROXY and ALL_PROXY environment variables)."
            ) from None

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
        max_response_bytes: int | None = None,
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
        if max_response_bytes is not None:
            copy.max_response_bytes = max_response_bytes
        copy._owns_http = False
        for name in resource_names(type(self)):  # resources made on first use: this client's
            copy.__dict__.pop(name, None)
        return copy

    def _new_http_client(self) -> _HttpT:
        raise NotImplementedError

    def _call(self, endpoint: Any, params: Mapping[str, Any], how: How) -> Call:
        """One call of `endpoint`: `params` split into request fields, query parameters and
        options, checked (the body shaped too) by the provider's wire format, the request
        built."""
        schema, checker = endpoint.REQUEST_SCHEMA, self.provider.wire.checker
        checker.serves(endpoint.OPERATION)
        known = checker.fields(schema) if schema is not None else frozenset()
        query = checker.query_names(endpoint.OPERATION)
        fields: dict[str, Any] = {}
        parameters = dict(how.get("parameters") or {})
        options: RequestOptions = {}
        for name, value in params.items():
            if name in OPTION_NAMES:
                if value is not None:  # an option given as None keeps the client's setting
                    options[name] = value  # type: ignore[literal-required]
            elif name in known:  # None is sent as null, where the provider's schema allows it
                fields[name] = value
            elif name in query:
                if value is not None:  # a query has no null: None leaves it out
                    parameters[name] = value
            else:
                raise TypeError(f"got an unexpected keyword argument {name!r}")
        stream = how.get("stream", False)
        checker.query(endpoint.OPERATION, parameters)
        body = None
        if schema is not None:
            if stream:
                fields["stream"] = True
            body = self.provider.wire.body(schema, fields)
            kwargs = endpoint.request_kwargs(**parameters, body=body)
        else:
            kwargs = endpoint.request_kwargs(**parameters)
        events = stream and how["cast_to"] is not bytes  # streamed bytes are a file, not events
        prepared = self._prepare(kwargs, options, stream=stream, events=events)
        return Call(endpoint, prepared, body, how["cast_to"], how.get("then"), self)

    def _answer(self, call: Call, response: httpx.Response, started: float) -> Any:
        """The call's result: the answer read as its type, or a stream of it; then `then`. A
        streamed `bytes` call's result is the open response, for the caller to read and close
        (`_file_lines`)."""
        if call.prepared.stream and call.cast_to is bytes:
            result: Any = response
        elif call.prepared.stream:
            from ._streaming import stream_class  # loads the generated models: on first use

            parser = self._parser(call, response, started)
            result = stream_class(self.is_async)(call, response, parser)
        else:
            result = self._result(call, response, started)
        return call.then(result) if call.then is not None else result

    def _parser(self, call: Call, response: httpx.Response, started: float) -> StreamParser:
        """What turns the bytes of `call`'s streamed answer into chunks."""
        from ._stream_parser import StreamParser  # loads the generated models: on first use

        endpoint = call.endpoint
        body = call.body or {}
        return StreamParser(
            response=response,
            redact=self._redact,
            redact_value=self._redact_body,
            provider=self.provider.name,
            started=started,
            idle_timeout=call.prepared.idle_timeout,
            done=endpoint.STREAM_DONE,
            chunk_model=endpoint.stream_chunk_model,
            reader=self.provider.wire.chunk_reader(body),
            read_error=self.provider.wire.error,
            completion_of=lambda whole: self._result(call, whole, started),
        )

    def _redact(self, text: str) -> str:
        # Some servers quote the key they refused; it must not reach logs or tracebacks.
        return redact_secret(text, self.__api_key)

    def _redact_headers(self, headers: httpx.Headers) -> httpx.Headers:
        return redact_response_headers(headers, self.__api_key)

    def _redact_body(self, body: Any) -> Any:
        return redact_value(body, self.__api_key)


class SyncAPIClient(BaseClient[httpx.Client]):
    """The core of `Trilogue`: sends requests over an `httpx.Client`."""

    is_async: ClassVar[bool] = False

    def _new_http_client(self) -> httpx.Client:
        return httpx.Client(
            timeout=self.timeout or DEFAULT_TIMEOUT, limits=LIMITS, headers=self._headers
        )

    def close(self) -> None:
        """Closes the connection pool (not an `http_client` you passed in)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def request(self, endpoint: Any, params: Mapping[str, Any], **how: Unpack[How]) -> Any:
        """Sends one call of `endpoint` (a generated endpoint module) with `params` (request
        fields and options) and returns its result read as `cast_to`, or a `Stream` of chunks;
        `then` is applied to either."""
        call = self._call(endpoint, params, how)
        if (telemetry := tracing()) is not None:  # OpenTelemetry configured: _telemetry.py
            return telemetry.run(self, call, self._perform)
        return self._perform(call)

    def _perform(self, call: Call) -> Any:
        response, started = self._send(call.prepared)
        try:
            return self._answer(call, response, started)
        except BaseException:
            response.close()  # a Ctrl-C or an unreadable answer must not keep the connection
            raise

    def restream(self, call: Call, retries_taken: int) -> tuple[httpx.Response, StreamParser]:
        """Sends a stream's call again after an error the server reported before any content."""
        time.sleep(self._retry_wait(retries_taken - 1))
        response, started = self._send(call.prepared)
        return response, self._parser(call, response, started)

    def _send(self, prepared: PreparedRequest) -> tuple[httpx.Response, float]:
        """Sends with retries, following redirects (the key never goes to another origin);
        returns the successful response (its body read unless streamed) and when its last try
        started."""
        timeout = self._request_timeout(prepared, self._http.timeout)
        retries = 0
        while True:
            request = self._build(prepared, timeout, retries)
            started = time.perf_counter()
            response = None
            limit = time_limit(prepared, timeout)
            deadline = DEADLINE.set(None if limit is None else started + limit)
            try:
                response = self._http.send(request, stream=True, follow_redirects=True)
                ok = response.status_code < 300
                if ok and prepared.stream:
                    return response, started
                if ok and limit is not None:
                    response.stream = Deadline(response.stream, started + limit, request)
                read_limited(response, self.max_response_bytes)
            except httpx.HTTPError as exc:
                if response is not None:
                    response.close()
                delay = self._retry_after_error(retries, exc, request)
            except ResponseTooLarge as exc:
                assert response is not None
                response.close()
                raise self._too_large(response, exc) from None
            except BaseException:  # a Ctrl-C while reading: the connection goes back all the same
                if response is not None:
                    response.close()
                raise
            else:
                if ok:
                    return response, started
                response.close()
                delay = self._retry_after_status(retries, response)
            finally:
                DEADLINE.reset(deadline)  # a stream's body reads have the idle timeout instead
            time.sleep(delay)
            retries += 1


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    """The core of `AsyncTrilogue`: sends requests over an `httpx.AsyncClient`."""

    is_async: ClassVar[bool] = True

    def _new_http_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            timeout=self.timeout or DEFAULT_TIMEOUT, limits=LIMITS, headers=self._headers
        )

    async def close(self) -> None:
        """Closes the connection pool (not an `http_client` you passed in)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def request(self, endpoint: Any, params: Mapping[str, Any], **how: Unpack[How]) -> Any:
        """`SyncAPIClient.request`, awaited; a stream is an `AsyncStream`."""
        call = self._call(endpoint, params, how)
        if (telemetry := tracing()) is not None:  # OpenTelemetry configured: _telemetry.py
            return await telemetry.arun(self, call, self._perform)
        return await self._perform(call)

    async def _perform(self, call: Call) -> Any:
        response, started = await self._send(call.prepared)
        try:
            return self._answer(call, response, started)
        except BaseException:
            await aclose_shielded(response)
            raise

    async def restream(self, call: Call, retries_taken: int) -> tuple[httpx.Response, StreamParser]:
        """Sends a stream's call again after an error the server reported before any content."""
        await anyio.sleep(self._retry_wait(retries_taken - 1))
        response, started = await self._send(call.prepared)
        return response, self._parser(call, response, started)

    async def _send(self, prepared: PreparedRequest) -> tuple[httpx.Response, float]:
        """`SyncAPIClient._send`, awaited; a cancelled call closes what it opened."""
        timeout = self._request_timeout(prepared, self._http.timeout)
        retries = 0
        while True:
            request = self._build(prepared, timeout, retries)
            started = time.perf_counter()
            response = None
            limit = time_limit(prepared, timeout)
            deadline = DEADLINE.set(None if limit is None else started + limit)
            try:
                response = await self._http.send(request, stream=True, follow_redirects=True)
                response.stream = ShieldedClose(response.stream)
                ok = response.status_code < 300
                if ok and prepared.stream:
                    return response, started
                if ok and limit is not None:
                    response.stream = AsyncDeadline(response.stream, started + limit, request)
                await aread_limited(response, self.max_response_bytes)
            except httpx.HTTPError as exc:
                if response is not None:
                    await aclose_shielded(response)
                delay = self._retry_after_error(retries, exc, request)
            except ResponseTooLarge as exc:
                assert response is not None
                await aclose_shielded(response)
                raise self._too_large(response, exc) from None
            except BaseException:  # cancelled while reading: the connection goes back all the same
                if response is not None:
                    await aclose_shielded(response)
                raise
            else:
                if ok:
                    return response, started
                await aclose_shielded(response)
                delay = self._retry_after_status(retries, response)
            finally:
                DEADLINE.reset(deadline)
            await anyio.sleep(delay)
            retries += 1
