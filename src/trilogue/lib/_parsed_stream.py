"""`ParsedStream` and `AsyncParsedStream`: a streamed `parse()`. Around a `Stream`, they feed each
piece of output (and of every tool call's arguments) to an incremental JSON parser, so the
object parsed so far can be read after every chunk; the final completion is parsed into the type."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._partial_json import PartialJSON, PartialJSONError

if TYPE_CHECKING:
    from .._models import ChatCompletionChunk
    from .._streaming import AsyncStream, Stream
    from ._structured import OutputSpec, ParsedChatCompletion

__all__ = ["AsyncParsedStream", "ParsedStream"]

T = TypeVar("T")


class _Queued:
    """Text for one parser, queued as chunks pass and parsed when its value is read."""

    __slots__ = ("broken", "parser", "pending")

    def __init__(self) -> None:
        self.parser = PartialJSON()
        self.pending: list[str] = []
        self.broken = False  # given text that is not JSON

    def value(self) -> Any:
        pending = self.pending
        if pending:
            text = pending[0] if len(pending) == 1 else "".join(pending)
            pending.clear()
            if not self.broken:
                try:
                    self.parser.feed(text)
                except PartialJSONError:
                    # Not JSON after all: the partial stops here; the final parse says why.
                    self.broken = True
        return self.parser.value


class _Partials(Generic[T]):
    """The partial output and tool-call arguments of a stream, as its chunks arrive.

    Text is only queued as chunks pass; it is parsed when a partial value is read. Reading after
    every chunk costs one small parse step per chunk; reading less often lets the parser take
    whole values at the speed of `json.loads`.
    """

    def __init__(self, spec: OutputSpec[T]) -> None:
        self._spec = spec
        self._output = _Queued()
        self._calls: dict[int, _Queued] = {}  # by tool-call index
        self._names: dict[int, str] = {}

    @property
    def partial(self) -> Any:
        """The output parsed so far: dicts and lists that grow in place, None before it starts.

        Reading it never raises. Where the output stops being JSON this parser reads (text that
        is not JSON, or an integer longer than Python converts: `sys.get_int_max_str_digits()`,
        4,300 digits by default), `partial` stays as it was before that point, and
        `get_final_completion()` raises `OutputParseError` saying why.
        """
        if self._spec.as_tool:
            for index, name in self._names.items():
                if name == self._spec.name:
                    return self._calls[index].value()
            return None
        return self._output.value()

    @property
    def partial_tool_arguments(self) -> dict[int, Any]:
        """Each tool call's arguments parsed so far, by the call's index."""
        return {index: queued.value() for index, queued in self._calls.items()}

    def add(self, chunk: ChatCompletionChunk) -> None:
        if not chunk.choices:
            return
        delta = chunk.choices[0].delta
        content = delta.content
        if content and isinstance(content, str):
            self._output.pending.append(content)
        for call in delta.tool_calls or ():
            index = call.index or 0
            queued = self._calls.get(index)
            if queued is None:
                queued = self._calls[index] = _Queued()
            function = call.function
            if function is None:
                continue
            if function.name:
                self._names[index] = function.name
            arguments = function.arguments
            if arguments and isinstance(arguments, str):
                queued.pending.append(arguments)


class ParsedStream(_Partials[T]):
    """The chunks of a streamed `parse()`; `partial` is the output parsed so far.

    with client.chat.completions.stream(model=..., messages=..., response_format=T) as s:
        for chunk in s:
            print(s.partial)
        completion = s.get_final_completion()  # a ParsedChatCompletion[T]
    """

    def __init__(self, stream: Stream, spec: OutputSpec[T]) -> None:
        super().__init__(spec)
        self.stream = stream

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        for chunk in self.stream:
            self.add(chunk)
            yield chunk

    def __enter__(self) -> ParsedStream[T]:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Stops reading and gives the connection back."""
        self.stream.close()

    def get_final_completion(self) -> ParsedChatCompletion[T]:
        """Reads the rest of the stream; the completion with its output parsed into the type."""
        for _ in self:
            pass
        return self._spec.parse(self.stream.get_final_completion())


class AsyncParsedStream(_Partials[T]):
    """Async version of `ParsedStream`: `async for`, `async with`, awaited methods."""

    def __init__(self, stream: AsyncStream, spec: OutputSpec[T]) -> None:
        super().__init__(spec)
        self.stream = stream

    async def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]:
        async for chunk in self.stream:
            self.add(chunk)
            yield chunk

    async def __aenter__(self) -> AsyncParsedStream[T]:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Stops reading and gives the connection back."""
        await self.stream.close()

    async def get_final_completion(self) -> ParsedChatCompletion[T]:
        """Reads the rest of the stream; the completion with its output parsed into the type."""
        async for _ in self:
            pass
        return self._spec.parse(await self.stream.get_final_completion())
