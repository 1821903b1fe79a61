"""`Trilogue` and `AsyncTrilogue`, the clients users create."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self, Unpack, overload

import httpx

from . import _json
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    TrilogueError,
    error_message,
    status_error_class,
)
from ._logging import logger, redact_headers, setup_from_env
from ._providers import Provider, get_provider
from ._retry import DEFAULT_MAX_RETRY_DELAY, retry_delay, should_retry
from ._version import __version__

if TYPE_CHECKING:
    from ._models import ChatCompletion
    from ._params_types import CompletionParams
    from ._streaming import AsyncStream, Stream, _Parser
    from ._types import MessageParam

# The models, the request checks and the stream machinery are imported on first use, so that
# `import trilogue` and building a client cost little more than importing httpx.

__all__ = ["DEFAULT_TIMEOUT", "AsyncTrilogue", "Trilogue"]

DEFAULT_TIMEOUT = httpx.Timeout(600.0, connect=5.0)
"""5 s to connect, 10 minutes for everything else: generation can be slow."""
DEFAULT_MAX_RETRIES = 2
DEFAULT_STREAM_IDLE_TIMEOUT = 300.0
"""Seconds a stream may go without a chunk before it fails with APITimeoutError."""

_CALL_OPTIONS = frozenset(
    {"extra_headers", "extra_query", "extra_body", "timeout", "stream_idle_timeout"}
)
_PYTHON = "{}.{}.{}".format(*sys.version_info[:3])
_USER_AGENT = f"trilogue/{__version__} python/{_PYTHON} httpx/{httpx.__version__}"
# Room for hundreds of concurrent streams; few idle connections kept (httpcore's pool scans them
# all on every request).
_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=20)

setup_from_env()


class _Prepared:
    """One call, ready to send (and to send again on a retry)."""

    __slots__ = (
        "choices",
        "content",
        "headers",
        "idle_timeout",
        "model",
        "params",
        "stream",
        "timeout",
        "usage_expected",
    )

    def __init__(
        self,
        content: bytes,
        headers: dict[str, str],
        params: Mapping[str, str] | None,
        timeout: httpx.Timeout | None,
        stream: bool,
        model: str,
        idle_timeout: float | None,
        body: Mapping[str, Any],
    ) -> None:
        self.content = content
        self.headers = headers
        self.params = params
        self.timeout = timeout
        self.stream = stream
        self.model = model
        self.idle_timeout = idle_timeout
        stream_options = body.get("stream_options")
        self.usage_expected = bool(
            isinstance(stream_options, Mapping) and stream_options.get("include_usage")
        )
        n = body.get("n")
        self.choices: int = n if isinstance(n, int) and n > 0 else 1


class _BaseClient:
    """What the sync and async clients share: configuration, request building, parsing."""

    provider: Provider
    _owns_http: bool
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
        custom_http_client: bool,
    ) -> None:
        self.provider = get_provider(provider)
        profile = self.provider
        if api_key is None and profile.key_env:
            api_key = os.environ.get(profile.key_env) or None
        if api_key is None and profile.key_required:
            raise TrilogueError(
                f"No API key for provider {profile.name!r}: pass api_key=... "
                f"or set the {profile.key_env} environment variable."
            )
        base_url = base_url or os.environ.get(profile.base_url_env) or profile.base_url
        if not base_url:
            raise TrilogueError(
                f"Provider {profile.name!r} needs a server address: pass base_url=... "
                f"or set the {profile.base_url_env} environment variable."
            )
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more.")
        self.__api_key = api_key
        self.base_url = httpx.URL(str(base_url).rstrip("/") + "/")
        self._url = str(self.base_url.join("chat/completions"))
        self.timeout = _as_timeout(timeout) if timeout is not None else None
        self.max_retries = max_retries
        self.max_retry_delay = max_retry_delay
        self.stream_idle_timeout = stream_idle_timeout
        self._default_headers = dict(default_headers or {})
        self._custom_http_client = custom_http_client
        self._headers = self._base_headers()

    def __repr__(self) -> str:
        name = type(self).__name__
        return f"{name}(provider={self.provider.name!r}, base_url={str(self.base_url)!r})"

    @property
    def api_key(self) -> str | None:
        """The key sent as the bearer token (never shown in a repr, log or error)."""
        return self.__api_key

    def _base_headers(self) -> dict[str, str]:
        headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": _USER_AGENT,
        }
        if self.__api_key:
            headers["Authorization"] = f"Bearer {self.__api_key}"
        return _merge_headers(headers, self._default_headers)

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
        copy._copy_settings(
            self,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_delay=max_retry_delay,
            stream_idle_timeout=stream_idle_timeout,
        )
        copy._owns_http = False
        copy._attach_chat()
        return copy

    def _attach_chat(self) -> None:
        raise NotImplementedError

    def _copy_settings(self, other: _BaseClient, **changes: Any) -> None:
        """Makes `self` a copy of `other` with `changes` applied (used by with_options)."""
        self.__dict__.update(other.__dict__)
        for name, value in changes.items():
            if value is None:
                continue
            if name == "timeout":
                value = _as_timeout(value)
            if name == "max_retries" and value < 0:
                raise ValueError("max_retries must be 0 or more.")
            setattr(self, name, value)

    def _prepare(
        self,
        model: str,
        messages: Iterable[MessageParam] | Iterable[Any],
        stream: bool,
        options: Mapping[str, Any],
    ) -> _Prepared:
        from ._params import REQUEST_RULES, build_body

        fields: dict[str, Any] = {"model": model, "messages": list(messages)}
        for name, value in options.items():
            if value is None or name in _CALL_OPTIONS:
                continue
            if name not in REQUEST_RULES or name in ("model", "messages", "stream"):
                raise TypeError(f"create() got an unexpected keyword argument {name!r}")
            fields[name] = value
        if stream:
            fields["stream"] = True
        body = build_body(self.provider, fields)
        extra_body = options.get("extra_body")
        if extra_body:
            body.update(extra_body)
        headers = self._headers
        extra_headers = options.get("extra_headers")
        if stream:
            headers = _merge_headers(headers, {"Accept": "text/event-stream"})
        if extra_headers:
            headers = _merge_headers(headers, extra_headers)
        timeout = options.get("timeout")
        idle = options.get("stream_idle_timeout", self.stream_idle_timeout)
        return _Prepared(
            content=_json.dumps(body),
            headers=headers,
            params=options.get("extra_query"),
            timeout=_as_timeout(timeout) if timeout is not None else self.timeout,
            stream=stream,
            model=model,
            idle_timeout=idle,
            body=body,
        )

    def _request_timeout(self, prepared: _Prepared, http_timeout: httpx.Timeout) -> httpx.Timeout:
        timeout = prepared.timeout or http_timeout
        idle = prepared.idle_timeout
        if prepared.stream and idle is not None and (timeout.read is None or idle < timeout.read):
            # A socket read that waits longer than the idle limit can never end well.
            return httpx.Timeout(
                connect=timeout.connect, read=idle, write=timeout.write, pool=timeout.pool
            )
        return timeout

    def _build(self, prepared: _Prepared, timeout: httpx.Timeout, retries: int) -> httpx.Request:
        request = self._http.build_request(
            "POST",
            self._url,
            content=prepared.content,
            headers=prepared.headers,
            params=prepared.params,
            timeout=timeout,
        )
        self._log_request(request, retries)
        return request

    def _retry_after_error(self, retries: int, exc: Exception, request: httpx.Request) -> float:
        """The wait before retrying a failed connection, or the error if no retry is left."""
        if retries >= self.max_retries:
            raise self._connection_error(exc, request) from exc
        delay = retry_delay(retries, None, self.max_retry_delay)
        logger.info("Retrying in %.2f s after %s", delay, type(exc).__name__)
        return delay

    def _retry_after_status(self, retries: int, response: httpx.Response) -> float | None:
        """The wait before retrying an error status, or None when it is not to be retried."""
        if retries >= self.max_retries or not should_retry(response):
            return None
        delay = retry_delay(retries, response.headers, self.max_retry_delay)
        logger.info("Retrying in %.2f s after status %d", delay, response.status_code)
        return delay

    def _log_request(self, request: httpx.Request, attempt: int) -> None:
        if logger.isEnabledFor(10):
            logger.debug(
                "%s %s (try %d, provider %s) headers=%s",
                request.method,
                request.url,
                attempt + 1,
                self.provider.name,
                redact_headers(request.headers),
            )

    def _status_error(self, response: httpx.Response) -> APIStatusError:
        try:
            body: object = _json.loads(response.content) if response.content else None
        except ValueError:
            body = response.text
        provider = self.provider.name
        message = error_message(response.status_code, body, provider)
        if self.__api_key:
            # Some servers quote the key they refused; it must not reach logs or tracebacks.
            message = message.replace(self.__api_key, "<redacted>")
        return status_error_class(response.status_code)(
            message,
            response=response,
            body=body,
            provider=provider,
            request_id=_request_id(response.headers),
        )

    def _connection_error(self, exc: Exception, request: httpx.Request) -> APIConnectionError:
        provider = self.provider.name
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                f"Request to {provider} timed out ({type(exc).__name__}).",
                request=request,
                provider=provider,
            )
        return APIConnectionError(
            f"Could not talk to {provider} at {request.url.host}: {type(exc).__name__}: {exc}",
            request=request,
            provider=provider,
        )

    def _completion(
        self, response: httpx.Response, prepared: _Prepared, started: float
    ) -> ChatCompletion:
        from trilogue_api.models.llama_chat_completion import LlamaChatCompletion

        from ._models import ChatCompletion, completion_from_llama

        try:
            data = _json.loads(response.content)
            if "choices" in data:
                completion = ChatCompletion.from_dict(data)
            elif "completion_message" in data:
                completion = completion_from_llama(
                    LlamaChatCompletion.from_dict(data), prepared.model
                )
            elif "error" in data:
                raise self._status_error(response)
            else:
                raise KeyError("choices")
        except APIStatusError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise APIResponseValidationError(
                f"The {self.provider.name} server answered {response.status_code} with a body "
                f"that is not a chat completion ({type(exc).__name__}: {exc}): "
                f"{response.text[:200]!r}",
                request=response.request,
                body=response.text,
                provider=self.provider.name,
            ) from None
        completion.latency = time.perf_counter() - started
        completion.request_id = _request_id(response.headers)
        completion.headers = response.headers
        return completion

    def _parser(self, response: httpx.Response, prepared: _Prepared, started: float) -> _Parser:
        from ._streaming import _Parser

        return _Parser(
            request=response.request,
            provider=self.provider.name,
            model=prepared.model,
            started=started,
            idle_timeout=prepared.idle_timeout,
            native_llama=self.provider.native_llama,
            usage_expected=prepared.usage_expected,
            choices_expected=prepared.choices,
        )


def _merge_headers(base: Mapping[str, str], extra: Mapping[str, str]) -> dict[str, str]:
    """`base` updated with `extra`, header names compared without case (so `accept` replaces
    `Accept` instead of sending both)."""
    replaced = {name.lower() for name in extra}
    merged = {name: value for name, value in base.items() if name.lower() not in replaced}
    merged.update(extra)
    return merged


async def _sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


def _as_timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value, connect=5.0)


def _request_id(headers: httpx.Headers) -> str | None:
    value: str | None = headers.get("x-request-id") or headers.get("request-id")
    return value


class Trilogue(_BaseClient):
    """A client for one provider's chat completions.

    `provider` is one of "mistral", "gradient", "llama", "llama-compat" or "openai-compatible";
    the key and address come from the provider's environment variables unless given. Use it as a
    context manager, or call `close()`, to release its connections.
    """

    _http: httpx.Client

    def __init__(
        self,
        provider: str = "openai-compatible",
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        default_headers: Mapping[str, str] | None = None,
        stream_idle_timeout: float | None = DEFAULT_STREAM_IDLE_TIMEOUT,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            provider=provider,
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_delay=max_retry_delay,
            default_headers=default_headers,
            stream_idle_timeout=stream_idle_timeout,
            custom_http_client=http_client is not None,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(
            timeout=self.timeout or DEFAULT_TIMEOUT, limits=_LIMITS
        )
        self._attach_chat()

    def _attach_chat(self) -> None:
        self.chat = Chat(self)

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

    def _send(self, prepared: _Prepared) -> tuple[httpx.Response, float]:
        timeout = self._request_timeout(prepared, self._http.timeout)
        retries = 0
        while True:
            request = self._build(prepared, timeout, retries)
            started = time.perf_counter()
            try:
                response = self._http.send(request, stream=prepared.stream)
            except httpx.HTTPError as exc:
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


class AsyncTrilogue(_BaseClient):
    """The async client: the same as `Trilogue`, with `await` and `async with`."""

    _http: httpx.AsyncClient

    def __init__(
        self,
        provider: str = "openai-compatible",
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        default_headers: Mapping[str, str] | None = None,
        stream_idle_timeout: float | None = DEFAULT_STREAM_IDLE_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            provider=provider,
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_delay=max_retry_delay,
            default_headers=default_headers,
            stream_idle_timeout=stream_idle_timeout,
            custom_http_client=http_client is not None,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(
            timeout=self.timeout or DEFAULT_TIMEOUT, limits=_LIMITS
        )
        self._attach_chat()

    def _attach_chat(self) -> None:
        self.chat = AsyncChat(self)

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

    async def _send(self, prepared: _Prepared) -> tuple[httpx.Response, float]:
        timeout = self._request_timeout(prepared, self._http.timeout)
        retries = 0
        while True:
            request = self._build(prepared, timeout, retries)
            started = time.perf_counter()
            try:
                response = await self._http.send(request, stream=prepared.stream)
            except httpx.HTTPError as exc:
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


class Completions:
    """`client.chat.completions`."""

    def __init__(self, client: Trilogue) -> None:
        self._client = client

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam] | Iterable[Any],
        stream: Literal[False] | None = None,
        **params: Unpack[CompletionParams],
    ) -> ChatCompletion: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam] | Iterable[Any],
        stream: Literal[True],
        **params: Unpack[CompletionParams],
    ) -> Stream: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam] | Iterable[Any],
        stream: bool | None = None,
        **params: Unpack[CompletionParams],
    ) -> ChatCompletion | Stream: ...

    def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam] | Iterable[Any],
        stream: bool | None = None,
        **params: Unpack[CompletionParams],
    ) -> ChatCompletion | Stream:
        """Creates a chat completion; with `stream=True`, a `Stream` of chunks instead.

        Raises `UnsupportedParameterError` or `InvalidParameterError` before sending anything
        when a field does not suit the provider, and an `APIError` subclass when the call fails.
        """
        client = self._client
        prepared = client._prepare(model, messages, bool(stream), params)
        response, started = client._send(prepared)
        if prepared.stream:
            from ._streaming import Stream

            return Stream(response, client._parser(response, prepared, started))
        return client._completion(response, prepared, started)

    def stream(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam] | Iterable[Any],
        **params: Unpack[CompletionParams],
    ) -> Stream:
        """`create(..., stream=True)`."""
        stream: Stream = self.create(model=model, messages=messages, stream=True, **params)
        return stream


class AsyncCompletions:
    """`client.chat.completions` of the async client."""

    def __init__(self, client: AsyncTrilogue) -> None:
        self._client = client

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam] | Iterable[Any],
        stream: Literal[False] | None = None,
        **params: Unpack[CompletionParams],
    ) -> ChatCompletion: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam] | Iterable[Any],
        stream: Literal[True],
        **params: Unpack[CompletionParams],
    ) -> AsyncStream: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam] | Iterable[Any],
        stream: bool | None = None,
        **params: Unpack[CompletionParams],
    ) -> ChatCompletion | AsyncStream: ...

    async def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam] | Iterable[Any],
        stream: bool | None = None,
        **params: Unpack[CompletionParams],
    ) -> ChatCompletion | AsyncStream:
        """Creates a chat completion; with `stream=True`, an `AsyncStream` of chunks instead."""
        client = self._client
        prepared = client._prepare(model, messages, bool(stream), params)
        response, started = await client._send(prepared)
        if prepared.stream:
            from ._streaming import AsyncStream

            return AsyncStream(response, client._parser(response, prepared, started))
        try:
            await response.aread()
        except httpx.HTTPError as exc:
            raise client._connection_error(exc, response.request) from exc
        return client._completion(response, prepared, started)

    async def stream(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam] | Iterable[Any],
        **params: Unpack[CompletionParams],
    ) -> AsyncStream:
        """`await create(..., stream=True)`."""
        stream: AsyncStream = await self.create(
            model=model, messages=messages, stream=True, **params
        )
        return stream


class Chat:
    """`client.chat`."""

    def __init__(self, client: Trilogue) -> None:
        self.completions = Completions(client)


class AsyncChat:
    """`client.chat` of the async client."""

    def __init__(self, client: AsyncTrilogue) -> None:
        self.completions = AsyncCompletions(client)
