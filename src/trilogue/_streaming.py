"""`Stream` and `AsyncStream`: iterate a streamed chat completion chunk by chunk."""

from __future__ import annotations

import time
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterator,
)
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx
from trilogue_api.types import ServerSentEvent, SSEDecoder

from . import _json
from ._accumulator import ChatCompletionAccumulator
from ._adapters.openai import ReportedError
from ._base_client import request_id
from ._exceptions import (
    APIError,
    APIStreamError,
    APITimeoutError,
    ContextWindowExceededError,
    is_context_window_error,
)
from ._logging import safe_request
from ._models import ChatCompletion, ChatCompletionChunk, chunk_of

if TYPE_CHECKING:
    from ._adapters.openai import ChunkReader

__all__ = ["AsyncStream", "Stream"]


class _Parser:
    """Everything a stream does between bytes and chunks, shared by the sync and async streams.

    The endpoint module says which line ends the stream (`done`) and which generated model an
    event is (`chunk_model`); the provider's adapter (`reader`) turns it into a chunk and says
    which chunk is the last.
    """

    __slots__ = (
        "_chunk_model",
        "_completion_of",
        "_decoder",
        "_done_marker",
        "_last_at",
        "_marked_last",
        "_reader",
        "_redact",
        "_redact_value",
        "_reported",
        "_request",
        "_response",
        "_started",
        "accumulator",
        "content_seen",
        "done",
        "error",
        "idle_timeout",
        "provider",
    )

    def __init__(
        self,
        *,
        response: httpx.Response,
        provider: str,
        started: float,
        redact: Callable[[str], str],
        redact_value: Callable[[object], object],
        idle_timeout: float | None,
        done: str,
        chunk_model: Callable[[Any], type[Any]],
        reader: ChunkReader,
        completion_of: Callable[[httpx.Response], ChatCompletion],
    ) -> None:
        self._decoder = SSEDecoder()
        self._response = response
        self._request = safe_request(response.request)
        self._redact = redact
        self._redact_value = redact_value
        self.provider = provider
        self._started = started
        self._last_at = started
        self.idle_timeout = idle_timeout
        self._done_marker = done
        self._chunk_model = chunk_model
        self._reader = reader
        self._completion_of = completion_of
        self.done = False  # the done marker seen
        self._marked_last = False
        self.accumulator = ChatCompletionAccumulator()
        self.content_seen = False  # a chunk with text, reasoning, a refusal or tool calls
        self._reported: APIError | None = None
        # An error met after some chunks of the same read: raised once those are yielded.
        self.error: APIError | None = None

    def feed(self, raw: bytes) -> list[ChatCompletionChunk]:
        events = self._decoder.feed(raw)
        chunks = self._chunks(events) if events else []
        if not chunks:
            # Keep-alive comments and empty events (`data: {}`) do not reset the idle clock.
            self._check_idle()
        return chunks

    def sends_events(self) -> bool:
        """Whether the answer is an event stream (a server may ignore `stream: true`)."""
        kind = self._response.headers.get("content-type", "")
        return "json" not in kind or "event-stream" in kind

    def whole(self) -> list[ChatCompletionChunk]:
        """The answer of a server that sent one JSON document instead of a stream, read (the
        body must be read already) as the one chunk that carries all of it."""
        chunk = chunk_of(self._completion_of(self._response))
        self._marked_last = self.done = True
        chunk.total_latency = chunk.chunk_latency = time.perf_counter() - self._started
        self._last_at = time.perf_counter()
        self.accumulator.add(chunk)
        return [chunk]

    def finish(self) -> list[ChatCompletionChunk]:
        """The body ended: the last chunks; an error (raised once they are delivered) if the
        stream was cut short."""
        chunks = self._chunks(self._decoder.flush())
        if not self.done and not self._reader.ended_cleanly and self.error is None:
            cut = APIStreamError(
                "The stream was cut: the connection closed before the end of the answer.",
                request=self._request,
                provider=self.provider,
            )
            if not chunks:
                raise cut
            self.error = cut
        return chunks

    @property
    def request(self) -> httpx.Request:
        """The request, its credentials redacted (for errors)."""
        return self._request

    def redact(self, text: str) -> str:
        return self._redact(text)

    def elapsed(self) -> float:
        """Seconds from sending the request to the latest chunk."""
        return self._last_at - self._started

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
        done = self._done_marker
        is_last = self._reader.is_last
        for i, event in enumerate(events):
            data = event.data
            if data == done:
                self.done = True
                if chunks and not self._marked_last:
                    chunks[-1].is_last_chunk = self._marked_last = True
                break
            try:
                chunk = self._parse(event)
            except APIError as exc:
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
            # At most one chunk is the last: a usage chunk a server sends unasked after the
            # finishing chunk is not marked again (that one was).
            if (is_last(chunk) or (i < last and events[i + 1].data == done)) and not (
                self._marked_last
            ):
                chunk.is_last_chunk = self._marked_last = True
            try:
                self.accumulator.add(chunk)
            except Exception as exc:  # a value of the wrong type inside the chunk
                error = self._unreadable(exc, data, None)
                if not chunks:
                    raise error from None
                self.error = error
                break
            if not self.content_seen:
                self.content_seen = _has_content(chunk)
            chunks.append(chunk)
        return chunks

    def may_retry(self, error: BaseException) -> bool:
        """Whether a stream that failed with `error` may be sent again: the server reported an
        error (as a 5xx would) before any content, so nothing would be repeated."""
        return error is self._reported and not self.content_seen and _transient(error)

    def _parse(self, event: ServerSentEvent) -> ChatCompletionChunk | None:
        data = event.data
        try:
            obj = _json.loads(data)
        except (ValueError, RecursionError):
            if event.event == "error":
                raise self._error({"message": data}) from None
            shown = data if len(data) <= 200 else data[:200] + "…"
            raise APIStreamError(
                self._redact(f"The stream sent a line that is not JSON: {shown!r}"),
                request=self._request,
                provider=self.provider,
            ) from None
        if not isinstance(obj, dict):
            raise APIStreamError(
                self._redact(f"The stream sent JSON that is not an object: {data[:200]!r}"),
                request=self._request,
                provider=self.provider,
            )
        if event.event == "error" or "error" in obj:
            raise self._error(obj)
        try:
            chunk = self._reader.read(self._chunk_model(obj), obj)
        except ReportedError:
            raise self._error(obj) from None
        except Exception as exc:  # the generated models check shapes, not every value's type
            raise self._unreadable(exc, data, obj) from None
        return chunk

    def _unreadable(self, exc: Exception, data: str, obj: object) -> APIStreamError:
        return APIStreamError(
            self._redact(
                f"The stream sent a chunk trilogue cannot read ({type(exc).__name__}: {exc}): "
                f"{data[:200]!r}"
            ),
            request=self._request,
            body=self._redact_body(obj),
            provider=self.provider,
        )

    def _redact_body(self, body: object) -> object:
        return self._redact_value(body)

    def _error(self, obj: dict[str, Any]) -> APIError:
        error = obj.get("error", obj)
        code = None
        if isinstance(error, dict):
            message = str(error.get("message") or error)
            code = error.get("code", error.get("type"))
        else:
            message = str(error)
        if "choices" in obj and "error" not in obj:  # a chunk whose finish_reason is "error"
            message = "the answer ended with finish_reason 'error'"
        message = self._redact(f"The server reported an error mid-stream: {message}")
        if is_context_window_error(message) or code == "context_length_exceeded":
            self._response.request = self._request
            return ContextWindowExceededError(
                message,
                response=self._response,
                body=self._redact_body(obj),
                provider=self.provider,
                request_id=request_id(self._response.headers),
            )
        self._reported = APIStreamError(
            message,
            request=self._request,
            body=self._redact_body(obj),
            provider=self.provider,
            code=code,
        )
        return self._reported


def _has_content(chunk: ChatCompletionChunk) -> bool:
    for choice in chunk.choices:
        delta = choice.delta
        if delta.content or delta.tool_calls or delta.refusal or delta.reasoning:
            return True
    return False


def _transient(error: BaseException) -> bool:
    """An error event that reads like a 5xx (or 408/409/429), not like a client error."""
    code = getattr(error, "code", None)
    if isinstance(code, int) and not isinstance(code, bool):
        return code >= 500 or code in (408, 409, 429)
    return True


class _BaseStream:
    def __init__(self, response: httpx.Response, parser: _Parser, retries: int = 0) -> None:
        self.response = response
        self._parser = parser
        # Tries left for an error the server reports before any content (see _Parser.may_retry).
        self._retries = retries

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.response.headers

    @property
    def request_id(self) -> str | None:
        """The server's id for this request (`x-request-id`), if it sent one."""
        return request_id(self.response.headers)

    def _wrap(self, exc: Exception) -> Exception:
        parser = self._parser
        if isinstance(exc, httpx.TimeoutException):
            return parser.idle_error()
        if isinstance(exc, httpx.HTTPError):
            return APIStreamError(
                parser.redact(f"The stream was cut: {type(exc).__name__}: {exc}"),
                request=parser.request,
                provider=parser.provider,
            )
        return exc

    def _final(self) -> ChatCompletion:
        try:
            completion = self._parser.accumulator.completion
        except Exception as exc:  # defence in depth: chunks are checked as they arrive
            raise APIStreamError(
                f"The stream's chunks do not add up to an answer ({type(exc).__name__}: {exc})",
                request=self._parser.request,
                provider=self._parser.provider,
            ) from None
        completion.latency = self._parser.elapsed()
        completion.headers = self.response.headers
        return completion


class Stream(_BaseStream):
    """The chunks of a streamed chat completion, as they arrive.

    Iterate it (or use it as a context manager); the HTTP response is closed when the stream is
    exhausted, on `break` out of a `with` block, on an error and on `close()`.
    """

    def __init__(
        self,
        response: httpx.Response,
        parser: _Parser,
        resend: Callable[[int], tuple[httpx.Response, _Parser]] | None = None,
        retries: int = 0,
    ) -> None:
        super().__init__(response, parser, retries if resend is not None else 0)
        self._resend = resend
        self._iterator = self._iterate()

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        return self

    def __next__(self) -> ChatCompletionChunk:
        return next(self._iterator)

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
        return self._final()

    def _iterate(self) -> Generator[ChatCompletionChunk, None, None]:
        taken = 0
        while True:
            try:
                yield from self._attempt()
                return
            except APIStreamError as exc:
                if (
                    self._resend is None
                    or taken >= self._retries
                    or not self._parser.may_retry(exc)
                ):
                    raise
            taken += 1
            self.response, self._parser = self._resend(taken)

    def _attempt(self) -> Generator[ChatCompletionChunk, None, None]:
        parser = self._parser
        pieces = self.response.iter_bytes()
        try:
            if not parser.sends_events():
                self.response.read()
                yield from parser.whole()
                return
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

    def __init__(
        self,
        response: httpx.Response,
        parser: _Parser,
        resend: Callable[[int], Awaitable[tuple[httpx.Response, _Parser]]] | None = None,
        retries: int = 0,
    ) -> None:
        super().__init__(response, parser, retries if resend is not None else 0)
        self._resend = resend
        self._iterator = self._iterate()

    def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]:
        return self

    async def __anext__(self) -> ChatCompletionChunk:
        return await self._iterator.__anext__()

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
        return self._final()

    async def _iterate(self) -> AsyncGenerator[ChatCompletionChunk, None]:
        taken = 0
        while True:
            try:
                async for chunk in self._attempt():
                    yield chunk
                return
            except APIStreamError as exc:
                if (
                    self._resend is None
                    or taken >= self._retries
                    or not self._parser.may_retry(exc)
                ):
                    raise
            taken += 1
            self.response, self._parser = await self._resend(taken)

    async def _attempt(self) -> AsyncGenerator[ChatCompletionChunk, None]:
        parser = self._parser
        pieces = self.response.aiter_bytes()
        try:
            if not parser.sends_events():
                await self.response.aread()
                for chunk in parser.whole():
                    yield chunk
                return
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
