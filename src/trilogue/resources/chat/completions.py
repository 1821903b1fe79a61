"""`client.chat.completions`: create a chat completion, whole, streamed or parsed into a type.

Each method is a declaration: its typed signature, then one call into the client's core
(`request`), which checks, sends, retries and reads. `parse()`, `stream(response_format=T)` and
`run_tools()` add the helpers of `trilogue.lib`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Unpack, overload

from trilogue_api.api.chat import create_chat_completion

from ..._models import ChatCompletion
from ..._params_types import CompletionParams, ParseParams, RunToolsParams
from ..._streaming import AsyncStream, Stream
from ..._types import MessageParam, ToolChoiceParam
from ...lib._parsed_stream import AsyncParsedStream, ParsedStream
from ...lib._structured import OutputSpec, ParsedChatCompletion, output_spec

if TYPE_CHECKING:
    from ..._client import AsyncTrilogue, Trilogue
    from ...lib._function_tool import ToolSpec
    from ...lib._tools import ToolRunResult

__all__ = ["AsyncCompletions", "Completions"]

_T = TypeVar("_T")
_ENDPOINT = create_chat_completion


def _fields(model: str, messages: Iterable[MessageParam], params: Mapping[str, Any]) -> Any:
    return {"model": model, "messages": messages, **params}


class _Base:
    _client: Trilogue | AsyncTrilogue

    def _spec(self, response_format: Any) -> OutputSpec[Any]:
        return output_spec(response_format, self._client.provider)


class Completions(_Base):
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
        fields = _fields(model, messages, params)
        return self._client.request(  # type: ignore[no-any-return]
            _ENDPOINT, fields, cast_to=ChatCompletion, stream=bool(stream)
        )

    @overload
    def stream(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: type[_T],
        **params: Unpack[ParseParams],
    ) -> ParsedStream[_T]: ...
    @overload
    def stream(
        self, *, model: str, messages: Iterable[MessageParam], **params: Unpack[CompletionParams]
    ) -> Stream: ...
    def stream(
        self, *, model: str, messages: Iterable[MessageParam], **params: Any
    ) -> Stream | ParsedStream[Any]:
        """`create(..., stream=True)`; with `response_format=` a type, a `ParsedStream` whose
        `partial` is the output parsed so far."""
        if not isinstance(params.get("response_format"), type):
            stream: Stream = self.create(model=model, messages=messages, stream=True, **params)
            return stream
        spec = self._spec(params.pop("response_format"))
        fields = _fields(model, messages, spec.request(params))
        then = partial(ParsedStream, spec=spec)
        return self._client.request(  # type: ignore[no-any-return]
            _ENDPOINT, fields, cast_to=ChatCompletion, stream=True, then=then
        )

    @overload
    def parse(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: type[_T],
        **params: Unpack[ParseParams],
    ) -> ParsedChatCompletion[_T]: ...
    @overload
    def parse(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: Mapping[str, Any],
        **params: Unpack[ParseParams],
    ) -> ParsedChatCompletion[Any]: ...
    def parse(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: type[_T] | Mapping[str, Any],
        **params: Unpack[ParseParams],
    ) -> ParsedChatCompletion[Any]:
        """Creates a chat completion whose output is read into `response_format`: a Pydantic
        model, a dataclass, a TypedDict (or any type Pydantic validates) or a JSON schema dict.

        `choices[i].message.parsed` holds it (None if the model refused). Raises
        `LengthFinishReasonError`, `ContentFilterFinishReasonError` or `OutputParseError` when
        the answer has no output of that type.
        """
        spec = self._spec(response_format)
        fields = _fields(model, messages, spec.request(params))
        return self._client.request(  # type: ignore[no-any-return]
            _ENDPOINT, fields, cast_to=ChatCompletion, then=spec.parse
        )

    def run_tools(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        tools: Iterable[ToolSpec],
        max_turns: int = 10,
        on_tool_error: Literal["return", "raise"] = "return",
        later_tool_choice: ToolChoiceParam | None = None,
        tool_timeout: float | None = None,
        **params: Unpack[RunToolsParams],
    ) -> ToolRunResult:
        """Lets the model call `tools` (Python functions, or `function_tool`s) until it answers.

        Each turn sends the conversation, calls the functions the model asks for and appends
        its message and the results. `tool_choice` applies to the first turn only,
        `later_tool_choice` (default: the provider's, `auto`) to the others. Returns the
        final completion and the whole conversation; raises `MaxTurnsExceededError` if the
        model still calls tools after `max_turns` requests. `tool_timeout` (seconds) bounds the
        wait for each tool call; a tool past it is answered as an error (or, with
        `on_tool_error="raise"`, raises `ToolTimeoutError`).
        """
        from ...lib._tools import run_tools  # loads inspect and asyncio: on first use

        return run_tools(
            self,
            model,
            messages,
            tools,
            max_turns=max_turns,
            on_tool_error=on_tool_error,
            params={**params, "tool_timeout": tool_timeout},
            later_tool_choice=later_tool_choice,
        )


class AsyncCompletions(_Base):
    """`client.chat.completions` of the async client: the same methods, awaited."""

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
        fields = _fields(model, messages, params)
        return await self._client.request(  # type: ignore[no-any-return]
            _ENDPOINT, fields, cast_to=ChatCompletion, stream=bool(stream)
        )

    @overload
    async def stream(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: type[_T],
        **params: Unpack[ParseParams],
    ) -> AsyncParsedStream[_T]: ...
    @overload
    async def stream(
        self, *, model: str, messages: Iterable[MessageParam], **params: Unpack[CompletionParams]
    ) -> AsyncStream: ...
    async def stream(
        self, *, model: str, messages: Iterable[MessageParam], **params: Any
    ) -> AsyncStream | AsyncParsedStream[Any]:
        """`await create(..., stream=True)`; with `response_format=` a type, an
        `AsyncParsedStream`."""
        if not isinstance(params.get("response_format"), type):
            stream: AsyncStream = await self.create(
                model=model, messages=messages, stream=True, **params
            )
            return stream
        spec = self._spec(params.pop("response_format"))
        fields = _fields(model, messages, spec.request(params))
        then = partial(AsyncParsedStream, spec=spec)
        return await self._client.request(  # type: ignore[no-any-return]
            _ENDPOINT, fields, cast_to=ChatCompletion, stream=True, then=then
        )

    @overload
    async def parse(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: type[_T],
        **params: Unpack[ParseParams],
    ) -> ParsedChatCompletion[_T]: ...
    @overload
    async def parse(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: Mapping[str, Any],
        **params: Unpack[ParseParams],
    ) -> ParsedChatCompletion[Any]: ...
    async def parse(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        response_format: type[_T] | Mapping[str, Any],
        **params: Unpack[ParseParams],
    ) -> ParsedChatCompletion[Any]:
        """`parse()` of the sync client, awaited."""
        spec = self._spec(response_format)
        fields = _fields(model, messages, spec.request(params))
        return await self._client.request(  # type: ignore[no-any-return]
            _ENDPOINT, fields, cast_to=ChatCompletion, then=spec.parse
        )

    async def run_tools(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        tools: Iterable[ToolSpec],
        max_turns: int = 10,
        on_tool_error: Literal["return", "raise"] = "return",
        later_tool_choice: ToolChoiceParam | None = None,
        tool_timeout: float | None = None,
        **params: Unpack[RunToolsParams],
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
            params={**params, "tool_timeout": tool_timeout},
            later_tool_choice=later_tool_choice,
        )
