"""`Stream` and `AsyncStream`: iterate a streamed chat completion chunk by chunk."""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator
from types import TracebackType
from typing import Any

import httpx
from trilogue_api.models import LlamaChatCompletionChunk
from trilogue_api.types import ServerSentEvent, SSEDecoder

from . import _json
from ._accumulator import ChatCompletionAccumulator
from ._exceptions import APIStreamError, APITimeoutError
from ._models import ChatCompletion, ChatCompletionChunk, LlamaChunkConverter

__all__ = ["AsyncStream", "Stream"]

_DONE = "[DONE]"


class _Parser:
    """Everything a stream does between bytes and chunks, shared by the sync and async streams."""

    __slots__ = (
        "_choices_expected",
        "_converter",
        "_decoder",
        "_finished",
        "_last_at",
        "_request",
        "_started",
        "_usage_expected",
        "done",
        "ended_cleanly",
        "error",
        "idle_timeout",
        "provider",
    )

    def __init__(
        self,
        *,
        request: httpx.Request,
        provider: str,
        model: str,
        started: float,
        idle_timeout: float | None,
        native_llama: bool,
        usage_expected: bool,
        choices_expected: int,
    ) -> None:
        self._decoder = SSEDecoder()
        self._request = request
        self.provider = provider
        self._started = started
        self._last_at = started
        self.idle_timeout = idle_timeout
        self._converter = LlamaChunkConverter(model) if native_llama else None
        self._usage_expected = usage_expected
        self._choices_expected = choices_expected
        self._finished: set[int] = set()
        self.done = False  # [DONE] seen
        self.ended_cleanly = False  # a finish the format promises was seen
        # An error met after some chunks of the same read: raised once those are yielded.
        self.error: APIStreamError | None = None

    def feed(self, raw: bytes) -> list[ChatCompletionChunk]:
        events = self._decoder.feed(raw)
        if not events:
            self._check_idle()
            return []
        return self._chunks(events)

    def finish(self) -> list[ChatCompletionChunk]:
        """The body ended: the last chunks, or an error if the stream was cut short."""
        chunks = self._chunks(self._decoder.flush())
        if not self.done and not self.ended_cleanly and self.error is None:
            raise APIStreamError(
                "The stream was cut: the connection closed before the end of the answer.",
                request=self._request,
                provider=self.provider,
            )
        return chunks

    def _check_idle(self) -> None:
        if self.idle_timeout is not None:
            waited = time.perf_counter() - self._last_at
            if waited > self.idle_timeout:
                raise self.idle_error(waited)

    def idle_error(self, waited: float | None = None) -> APITimeoutError:
        seconds = f" ({waited:.1f} s)" if waited is not None else ""
        return APITimeoutError(
            f"No stream chunk arrived within stream_idle_timeout={self.idle_timeout} s{seconds}.",
            request=self._request,
            provider=self.provider,
        )

    def _chunks(self, events: list[ServerSentEvent]) -> list[ChatCompletionChunk]:
        chunks: list[ChatCompletionChunk] = []
        last = len(events) - 1
        for i, event in enumerate(events):
            data = event.data
            if data == _DONE:
                self.done = True
                if chunks:
                    chunks[-1].is_last_chunk = True
                break
            try:
                chunk = self._parse(event)
            except APIStreamError as exc:
                if not chunks:
                    raise
                self.error = exc
                break
            if chunk is None:
                continue
            now = time.perf_counter()
            chunk.chunk_latency = now - self._last_at
            chunk.total_latency = now - self._started
            self._last_at = now
            if self._is_last(chunk) or (i < last and events[i + 1].data == _DONE):
                chunk.is_last_chunk = True
            chunks.append(chunk)
        return chunks

    def _parse(self, event: ServerSentEvent) -> ChatCompletionChunk | None:
        data = event.data
        try:
            obj = _json.loads(data)
        except ValueError:
            if event.event == "error":
                raise self._error({"message": data}) from None
            shown = data if len(data) <= 200 else data[:200] + "…"
            raise APIStreamError(
                f"The stream sent a line that is not JSON: {shown!r}",
                request=self._request,
                provider=self.provider,
            ) from None
        if not isinstance(obj, dict):
            raise APIStreamError(
                f"The stream sent JSON that is not an object: {data[:200]!r}",
                request=self._request,
                provider=self.provider,
            )
        if event.event == "error" or "error" in obj:
            raise self._error(obj)
        try:
            if self._converter is not None and "event" in obj:
                return self._converter.convert(LlamaChatCompletionChunk.from_dict(obj))
            if not obj:
                return None  # an empty object: nothing to yield
            return ChatCompletionChunk.from_dict(obj)
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise APIStreamError(
                f"The stream sent a chunk trilogue cannot read ({type(exc).__name__}: {exc}): "
                f"{data[:200]!r}",
                request=self._request,
                body=obj,
                provider=self.provider,
            ) from None

    def _error(self, obj: dict[str, Any]) -> APIStreamError:
        error = obj.get("error", obj)
        code = None
        if isinstance(error, dict):
            message = str(error.get("message") or error)
            code = error.get("code", error.get("type"))
        else:
            message = str(error)
        return APIStreamError(
            f"The server reported an error mid-stream: {message}",
            request=self._request,
            body=obj,
            provider=self.provider,
            code=code,
        )

    def _is_last(self, chunk: ChatCompletionChunk) -> bool:
        metrics = chunk.metrics
        if self._converter is not None:
            if metrics or (chunk.choices and chunk.choices[0].finish_reason is not None):
                self.ended_cleanly = True
            return bool(metrics)
        for choice in chunk.choices:
            if choice.finish_reason is not None:
                self._finished.add(choice.index)
        all_finished = len(self._finished) >= self._choices_expected
        if all_finished:
            self.ended_cleanly = True
        if chunk.usage is not None:
            return all_finished or not chunk.choices
        return all_finished and not self._usage_expected


class _BaseStream:
    def __init__(self, response: httpx.Response, parser: _Parser) -> None:
        self.response = response
        self._parser = parser
        self._accumulator = ChatCompletionAccumulator()

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.response.headers

    @property
    def request_id(self) -> str | None:
        """The server's id for this request (`x-request-id`), if it sent one."""
        headers = self.response.headers
        value: str | None = headers.get("x-request-id") or headers.get("request-id")
        return value

    def _wrap(self, exc: Exception) -> Exception:
        parser = self._parser
        if isinstance(exc, httpx.TimeoutException):
            return parser.idle_error()
        if isinstance(exc, httpx.HTTPError):
            return APIStreamError(
                f"The stream was cut: {type(exc).__name__}: {exc}",
                request=self.response.request,
                provider=parser.provider,
            )
        return exc

    def _track(self, chunk: ChatCompletionChunk) -> ChatCompletionChunk:
        self._accumulator.add(chunk)
        return chunk


class Stream(_BaseStream):
    """The chunks of a streamed chat completion, as they arrive.

    Iterate it (or use it as a context manager); the HTTP response is closed when the stream is
    exhausted, on `break` out of a `with` block, on an error and on `close()`.
    """

    def __init__(self, response: httpx.Response, parser: _Parser) -> None:
        super().__init__(response, parser)
        self._iterator = self._iterate()

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        return self

    def __next__(self) -> ChatCompletionChunk:
        return self._track(next(self._iterator))

    def __enter__(self) -> Stream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stops reading and gives the connection back."""
        self._iterator.close()
        self.response.close()

    def get_final_completion(self) -> ChatCompletion:
        """Reads the rest of the stream and returns the ChatCompletion all its chunks add up to."""
        for _ in self:
            pass
        return self._accumulator.completion

    def _iterate(self) -> Generator[ChatCompletionChunk, None, None]:
        parser = self._parser
        pieces = self.response.iter_bytes()
        try:
            for raw in pieces:
                yield from parser.feed(raw)
                if parser.error is not None:
                    raise parser.error
                if parser.done:
                    break
            else:
                yield from parser.finish()
                if parser.error is not None:
                    raise parser.error
                return
            # After [DONE], read the end of the body so the connection goes back to the pool.
            try:
                for _ in pieces:
                    pass
            except httpx.HTTPError:
                pass  # the answer is complete; the connection just cannot be reused
        except (httpx.HTTPError, httpx.StreamError) as exc:
            raise self._wrap(exc) from exc
        finally:
            self.response.close()


class AsyncStream(_BaseStream):
    """Async version of `Stream`: `async for chunk in stream`, `async with`, `await close()`."""

    def __init__(self, response: httpx.Response, parser: _Parser) -> None:
        super().__init__(response, parser)
        self._iterator = self._iterate()

    def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]:
        return self

    async def __anext__(self) -> ChatCompletionChunk:
        return self._track(await self._iterator.__anext__())

    async def __aenter__(self) -> AsyncStream:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Stops reading and gives the connection back."""
        await self._iterator.aclose()
        await self.response.aclose()

    async def get_final_completion(self) -> ChatCompletion:
        """Reads the rest of the stream and returns the ChatCompletion all its chunks add up to."""
        async for _ in self:
            pass
        return self._accumulator.completion

    async def _iterate(self) -> AsyncGenerator[ChatCompletionChunk, None]:
        parser = self._parser
        pieces = self.response.aiter_bytes()
        try:
            async for raw in pieces:
                for chunk in parser.feed(raw):
                    yield chunk
                if parser.error is not None:
                    raise parser.error
                if parser.done:
                    break
            else:
                for chunk in parser.finish():
                    yield chunk
                if parser.error is not None:
                    raise parser.error
                return
            # After [DONE], read the end of the body so the connection goes back to the pool.
            try:
                async for _ in pieces:
                    pass
            except httpx.HTTPError:
                pass  # the answer is complete; the connection just cannot be reused
        except (httpx.HTTPError, httpx.StreamError) as exc:
            raise self._wrap(exc) from exc
        finally:
            await self.response.aclose()
