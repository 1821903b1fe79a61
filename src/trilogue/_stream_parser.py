"""What a stream does between bytes and chunks, the same for the sync and async streams: server-
sent events decoded, each turned into a chunk by the wire format's reader, chunks timed and
added up, the end and every error found."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import httpx

from . import _json
from ._accumulator import ChatCompletionAccumulator
from ._exceptions import (
    APIError,
    APIStreamError,
    APITimeoutError,
    StreamContextWindowExceededError,
    is_context_window_error,
)
from ._logging import safe_request
from ._models import ChatCompletion, ChatCompletionChunk, chunk_of
from ._request import request_id
from ._sse import ServerSentEvent, SSEDecoder, SSELineTooLong
from ._wire.openai import ReportedError

if TYPE_CHECKING:
    from ._wire.openai import ChunkReader

__all__ = ["StreamParser"]


class StreamParser:
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
        "_held",
        "_last_at",
        "_marked_last",
        "_read_error",
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
        done: str | None,
        chunk_model: Callable[[Any], type[Any]],
        reader: ChunkReader,
        read_error: Callable[[Any], tuple[str, object]],
        completion_of: Callable[[httpx.Response], ChatCompletion],
    ) -> None:
        self._decoder = SSEDecoder()
        self._read_error = read_error
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
        self._held: ChatCompletionChunk | None = None  # the finishing chunk, until what follows
        self.accumulator = ChatCompletionAccumulator()
        self.content_seen = False  # a chunk with text, reasoning, a refusal or tool calls
        self._reported: APIError | None = None
        # An error met after the body's last chunks: raised once those are yielded.
        self.error: APIError | None = None

    def feed(self, raw: bytes) -> Iterator[ChatCompletionChunk]:
        """The chunks the next piece of the body completes, parsed as they are taken (so a
        piece holding hundreds of events never holds hundreds of chunks at once)."""
        try:
            events = self._decoder.feed(raw)
        except SSELineTooLong as exc:
            raise APIStreamError(
                f"The stream was cut: {exc}.", request=self._request, provider=self.provider
            ) from None
        if events:
            return self._chunks(events, check_idle=True)
        self._check_idle()
        return iter(())

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
        chunks: list[ChatCompletionChunk] = []
        try:
            chunks.extend(self._chunks(self._decoder.flush(), check_idle=False))
        except APIError as exc:
            if not chunks:
                raise
            self.error = exc
            return chunks
        held = self._take_held(last=True)
        if held is not None:
            chunks.append(held)
        if not self.done and not self._reader.ended_cleanly:
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

    def _chunks(
        self, events: list[ServerSentEvent | str], *, check_idle: bool
    ) -> Iterator[ChatCompletionChunk]:
        # Each chunk waits for the next event before it is yielded: `[DONE]` right after it
        # marks it as the last.
        pending: ChatCompletionChunk | None = None
        done = self._done_marker
        reader = self._reader
        add = self.accumulator.add
        error: APIError | None = None
        for event in events:
            if isinstance(event, str):  # the common event: its data alone
                data, name = event, None
            else:
                data, name = event.data, event.event
            if data == done:
                self.done = True
                if self._held is None and pending is not None and not self._marked_last:
                    pending.is_last_chunk = self._marked_last = True
                if pending is not None:
                    yield pending
                pending = self._take_held(last=True)
                break
            try:
                chunk = self._parse(data, name)
            except APIError as exc:
                error = exc
                break
            if chunk is None:
                continue
            now = time.perf_counter()
            chunk.chunk_latency = now - self._last_at
            chunk.total_latency = now - self._started
            self._last_at = now
            try:
                add(chunk)  # checks the types of what it keeps
                last = reader.is_last(chunk)
            except Exception as exc:  # a value of the wrong type inside the chunk
                error = self._unreadable(exc, data, None)
                break
            if not self.content_seen:
                self.content_seen = _has_content(chunk)
            if self._held is not None:  # it was not the last: this one came after it
                if pending is not None:
                    yield pending
                pending = self._take_held(last=False)
            if reader.holds_back and reader.ended_cleanly:
                # Every choice has finished: only a usage chunk or the end can follow, so this
                # chunk waits for the next event to know whether it is the last.
                self._held = chunk
                continue
            if last and not self._marked_last:
                chunk.is_last_chunk = self._marked_last = True
            if pending is not None:
                yield pending
            pending = chunk
        else:
            if check_idle and pending is None and self._held is None:
                # Keep-alive comments and empty events (`data: {}`) do not reset the idle clock.
                self._check_idle()
        if pending is not None:
            yield pending
        if error is not None:
            held = self._take_held(last=False)
            if held is not None:
                yield held
            raise error

    def _take_held(self, *, last: bool) -> ChatCompletionChunk | None:
        """The chunk held back, marked as the last if the stream ended after it."""
        held = self._held
        if held is not None:
            self._held = None
            if last and not self._marked_last:
                held.is_last_chunk = self._marked_last = True
        return held

    def may_retry(self, error: BaseException) -> bool:
        """Whether a stream that failed with `error` may be sent again: the server reported an
        error (as a 5xx would) before any content, so nothing would be repeated."""
        return error is self._reported and not self.content_seen and _transient(error)

    def _parse(self, data: str, name: str | None) -> ChatCompletionChunk | None:
        try:
            obj = _json.loads(data)
        except (ValueError, RecursionError):
            if name == "error":
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
        if name == "error" or "error" in obj:
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
        text, code = self._read_error(obj)
        if "choices" in obj and "error" not in obj:  # a chunk whose finish_reason is "error"
            text = "the answer ended with finish_reason 'error'"
        message = self._redact(f"The server reported an error mid-stream: {text}")
        if is_context_window_error(message) or code == "context_length_exceeded":
            # Caught as a ContextWindowExceededError and as an APIStreamError alike, with the
            # status the error event gives (400 when it gives none).
            status = code if isinstance(code, int) and 400 <= code < 600 else 400
            self._response.request = self._request
            error = StreamContextWindowExceededError(
                message,
                response=httpx.Response(
                    status, headers=self._response.headers, request=self._request
                ),
                body=self._redact_body(obj),
                provider=self.provider,
                request_id=request_id(self._response.headers),
            )
            error.code = code
            return error
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
