"""`client.chat.completions`: create a chat completion, whole or streamed."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Unpack, overload

import httpx

from ..._base_client import OPTION_NAMES, PreparedRequest, RequestOptions

if TYPE_CHECKING:
    from ..._client import AsyncTrilogue, Trilogue
    from ..._models import ChatCompletion
    from ..._params_types import CompletionParams
    from ..._streaming import AsyncStream, Stream, _Parser
    from ..._types import MessageParam
    from ...lib._parsed_stream import AsyncParsedStream, ParsedStream
    from ...lib._structured import ParsedChatCompletion
    from ...lib._tools import ToolRunResult, ToolSpec

__all__ = ["AsyncCompletions", "Completions"]

_T = TypeVar("_T")


_loaded: Any = None


def _endpoint() -> Any:
    """The generated endpoint module (imported on first use: it loads the generated models)."""
    global _loaded
    if _loaded is None:
        from trilogue_api.api.chat import create_chat_completion

        _loaded = create_chat_completion
    return _loaded


def _request_fields() -> frozenset[str]:
    from ..._params import REQUEST_FIELDS

    return REQUEST_FIELDS


def _iterable(value: object) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping)


class _Shared:
    """What the sync and async resources do alike around sending."""

    _client: Trilogue | AsyncTrilogue

    def _prepare(
        self,
        model: str,
        messages: Iterable[MessageParam],
        stream: bool,
        params: Mapping[str, Any],
    ) -> tuple[PreparedRequest, dict[str, Any]]:
        client = self._client
        if type(messages) is not list and _iterable(messages):
            messages = list(messages)  # a generator or tuple of messages
        fields: dict[str, Any] = {"model": model, "messages": messages}
        options: RequestOptions = {}
        for name, value in params.items():
            if value is None:
                continue
            if name in OPTION_NAMES:
                options[name] = value  # type: ignore[literal-required]
                continue
            if name not in _request_fields() or name in ("model", "messages", "stream"):
                raise TypeError(f"create() got an unexpected keyword argument {name!r}")
            fields[name] = value
        if stream:
            fields["stream"] = True
        body = client.provider.adapter.body(client.provider, fields)
        kwargs = _endpoint().request_kwargs(body=body)
        return client._prepare(kwargs, options, stream=stream), body

    def _completion(self, response: httpx.Response, model: str, started: float) -> ChatCompletion:
        client = self._client
        data = client._decode(response)
        try:
            completion = client.provider.adapter.completion(
                _endpoint().response_model(data), data, model
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise client._invalid_body(response, exc) from None
        completion.latency = time.perf_counter() - started
        completion.headers = response.headers
        return completion

    def _parser(
        self,
        response: httpx.Response,
        prepared: PreparedRequest,
        body: Mapping[str, Any],
        started: float,
    ) -> _Parser:
        from ..._streaming import _Parser

        endpoint = _endpoint()
        stream_options = body.get("stream_options")
        n = body.get("n")
        reader = self._client.provider.adapter.chunk_reader(
            requested_model=body["model"],
            usage_expected=bool(
                isinstance(stream_options, Mapping) and stream_options.get("include_usage")
            ),
            choices_expected=n if isinstance(n, int) and n > 0 else 1,
        )
        return _Parser(
            response=response,
            redact=self._client._redact,
            redact_value=self._client._redact_body,
            provider=self._client.provider.name,
            started=started,
            idle_timeout=prepared.idle_timeout,
            done=endpoint.STREAM_DONE,
            chunk_model=endpoint.stream_chunk_model,
            reader=reader,
            completion_of=lambda whole: self._completion(whole, body["model"], started),
        )


class Completions(_Shared):
    """`client.chat.completions`."""

    def __init__(self, client: Trilogue) -> None:
        self._client: Trilogue = client

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: Literal[False] | None = None,
        **params: Unpack[CompletionParams],
    ) -> ChatCompletion: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: Literal[True],
        **params: Unpack[CompletionParams],
    ) -> Stream: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: bool | None = None,
        **params: Unpack[CompletionParams],
    ) -> ChatCompletion | Stream: ...

    def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: bool | None = None,
        **params: Unpack[CompletionParams],
    ) -> ChatCompletion | Stream:
        """Creates a chat completion; with `stream=True`, a `Stream` of chunks instead.

        Raises `UnsupportedParameterError` or `InvalidParameterError` before sending anything
        when a field does not suit the provider, and an `APIError` subclass when the call fails.
        """
        prepared, body = self._prepare(model, messages, bool(stream), params)
        client = self._client
        response, started = client._send(prepared)
        if prepared.stream:
            from ..._streaming import Stream

            def resend(taken: int) -> tuple[httpx.Response, _Parser]:
                time.sleep(client._retry_wait(taken - 1))
                again, at = client._send(prepared)
                return again, self._parser(again, prepared, body, at)

            parser = self._parser(response, prepared, body, started)
            return Stream(response, parser, resend, client.max_retries)
        return self._completion(response, model, started)

    @overload
    def stream(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: type[_T],
        **params: Any,
    ) -> ParsedStream[_T]: ...

    @overload
    def stream(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        **params: Unpack[CompletionParams],
    ) -> Stream: ...

    def stream(
        self, *, model: str, messages: Iterable[MessageParam], **params: Any
    ) -> Stream | ParsedStream[Any]:
        """`create(..., stream=True)`; with `response_format=` a type, a `ParsedStream` whose
        `partial` is the output parsed so far."""
        if isinstance(params.get("response_format"), type):
            from ...lib._parsed_stream import ParsedStream
            from ...lib._structured import output_spec

            spec = output_spec(params.pop("response_format"), self._client.provider)
            inner: Stream = self.create(
                model=model, messages=messages, stream=True, **spec.request(params)
            )
            return ParsedStream(inner, spec)
        stream: Stream = self.create(model=model, messages=messages, stream=True, **params)
        return stream

    @overload
    def parse(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: type[_T],
        **params: Any,
    ) -> ParsedChatCompletion[_T]: ...

    @overload
    def parse(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: Mapping[str, Any],
        **params: Any,
    ) -> ParsedChatCompletion[Any]: ...

    def parse(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: type[_T] | Mapping[str, Any],
        **params: Any,
    ) -> ParsedChatCompletion[Any]:
        """Creates a chat completion whose output is read into `response_format`: a Pydantic
        model, a dataclass, a TypedDict (or any type Pydantic validates) or a JSON schema dict.

        `choices[i].message.parsed` holds it (None if the model refused). Raises
        `LengthFinishReasonError`, `ContentFilterFinishReasonError` or `OutputParseError` when
        the answer has no output of that type.
        """
        from ...lib._structured import output_spec

        spec = output_spec(response_format, self._client.provider)
        request = spec.request(params)
        completion = self.create(model=model, messages=messages, **request)
        return spec.parse(completion)

    def run_tools(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        tools: Iterable[ToolSpec],
        max_turns: int = 10,
        on_tool_error: Literal["return", "raise"] = "return",
        later_tool_choice: Any = None,
        **params: Any,
    ) -> ToolRunResult:
        """Lets the model call `tools` (Python functions, or `function_tool`s) until it answers.

        Each turn sends the conversation, calls the functions the model asks for and appends
        its message and the results. `tool_choice` applies to the first turn only,
        `later_tool_choice` (default: the provider's, `auto`) to the others. Returns the
        final completion and the whole conversation; raises `MaxTurnsExceededError` if the
        model still calls tools after `max_turns` requests.
        """
        from ...lib._tools import run_tools

        return run_tools(
            self,
            model,
            messages,
            tools,
            max_turns=max_turns,
            on_tool_error=on_tool_error,
            params=params,
            later_tool_choice=later_tool_choice,
        )


class AsyncCompletions(_Shared):
    """`client.chat.completions` of the async client."""

    def __init__(self, client: AsyncTrilogue) -> None:
        self._client: AsyncTrilogue = client

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: Literal[False] | None = None,
        **params: Unpack[CompletionParams],
    ) -> ChatCompletion: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: Literal[True],
        **params: Unpack[CompletionParams],
    ) -> AsyncStream: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: bool | None = None,
        **params: Unpack[CompletionParams],
    ) -> ChatCompletion | AsyncStream: ...

    async def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: bool | None = None,
        **params: Unpack[CompletionParams],
    ) -> ChatCompletion | AsyncStream:
        """Creates a chat completion; with `stream=True`, an `AsyncStream` of chunks instead."""
        prepared, body = self._prepare(model, messages, bool(stream), params)
        client = self._client
        response, started = await client._send(prepared)
        if prepared.stream:
            import asyncio

            from ..._streaming import AsyncStream

            async def resend(taken: int) -> tuple[httpx.Response, _Parser]:
                await asyncio.sleep(client._retry_wait(taken - 1))
                again, at = await client._send(prepared)
                return again, self._parser(again, prepared, body, at)

            parser = self._parser(response, prepared, body, started)
            return AsyncStream(response, parser, resend, client.max_retries)
        return self._completion(response, model, started)

    @overload
    async def stream(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: type[_T],
        **params: Any,
    ) -> AsyncParsedStream[_T]: ...

    @overload
    async def stream(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        **params: Unpack[CompletionParams],
    ) -> AsyncStream: ...

    async def stream(
        self, *, model: str, messages: Iterable[MessageParam], **params: Any
    ) -> AsyncStream | AsyncParsedStream[Any]:
        """`await create(..., stream=True)`; with `response_format=` a type, an
        `AsyncParsedStream`."""
        if isinstance(params.get("response_format"), type):
            from ...lib._parsed_stream import AsyncParsedStream
            from ...lib._structured import output_spec

            spec = output_spec(params.pop("response_format"), self._client.provider)
            inner: AsyncStream = await self.create(
                model=model, messages=messages, stream=True, **spec.request(params)
            )
            return AsyncParsedStream(inner, spec)
        stream: AsyncStream = await self.create(
            model=model, messages=messages, stream=True, **params
        )
        return stream

    @overload
    async def parse(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: type[_T],
        **params: Any,
    ) -> ParsedChatCompletion[_T]: ...

    @overload
    async def parse(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: Mapping[str, Any],
        **params: Any,
    ) -> ParsedChatCompletion[Any]: ...

    async def parse(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: type[_T] | Mapping[str, Any],
        **params: Any,
    ) -> ParsedChatCompletion[Any]:
        """`parse()` of the sync client, awaited."""
        from ...lib._structured import output_spec

        spec = output_spec(response_format, self._client.provider)
        request = spec.request(params)
        completion = await self.create(model=model, messages=messages, **request)
        return spec.parse(completion)

    async def run_tools(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        tools: Iterable[ToolSpec],
        max_turns: int = 10,
        on_tool_error: Literal["return", "raise"] = "return",
        later_tool_choice: Any = None,
        **params: Any,
    ) -> ToolRunResult:
        """`run_tools()` of the sync client; async functions are awaited, and the calls of one
        turn run concurrently."""
        from ...lib._tools import async_run_tools

        return await async_run_tools(
            self,
            model,
            messages,
            tools,
            max_turns=max_turns,
            on_tool_error=on_tool_error,
            params=params,
            later_tool_choice=later_tool_choice,
        )
