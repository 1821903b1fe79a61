"""`Stream` and `AsyncStream`: iterate a streamed chat completion chunk by chunk."""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator
from typing import TYPE_CHECKING, Any

import httpx

from ._exceptions import APIStreamError
from ._models import ChatCompletion, ChatCompletionChunk
from ._rate_limits import RateLimits, read_rate_limits
from ._request import Call, aclose_shielded, request_id
from ._stream_parser import StreamParser

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncStream", "Stream"]

_DRAIN_LIMIT = 64 * 1024
_DRAIN_SECONDS = 1.0
"""After the done marker the rest of the body is read, so the connection can go back to the
pool, but only this many bytes for this long: a server that goes on sending (pings after
`[DONE]`) gets its connection closed instead (a silent one, at the idle timeout)."""


def _drain(pieces: Iterator[bytes]) -> None:
    read, until = 0, time.perf_counter() + _DRAIN_SECONDS
    try:
        for piece in pieces:
            read += len(piece)
            if read > _DRAIN_LIMIT or time.perf_counter() > until:
                return
    except httpx.HTTPError:
        pass  # the answer is complete; the connection just cannot be reused


async def _adrain(pieces: AsyncIterator[bytes]) -> None:
    read, until = 0, time.perf_counter() + _DRAIN_SECONDS
    try:
        async for piece in pieces:
            read += len(piece)
            if read > _DRAIN_LIMIT or time.perf_counter() > until:
                return
    except httpx.HTTPError:
        pass


class _BaseStream:
    def __init__(self, call: Call, response: httpx.Response, parser: StreamParser) -> None:
        self.response = response
        self._call = call
        self._client = call.client
        self._parser = parser
        self._iterator = self._iterate()

    def _iterate(self) -> Any:
        raise NotImplementedError

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.response.headers

    @property
    def rate_limits(self) -> RateLimits:
        """What the response's rate-limit headers say."""
        return read_rate_limits(self.response.headers)

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
        completion.fill_identity((self._call.body or {}).get("model"))
        completion.latency = self._parser.elapsed()
        completion.headers = self.response.headers
        return completion


class Stream(_BaseStream):
    """The chunks of a streamed chat completion, as they arrive.

    Iterate it (or use it as a context manager); the HTTP response is closed when the stream is
    exhausted, on `break` out of a `with` block, on an error and on `close()`.
    """

    _client: SyncAPIClient
    _iterator: Generator[ChatCompletionChunk, None, None]

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        # The generator itself: a for loop then steps it without a Python call per chunk.
        return self._iterator

    def __next__(self) -> ChatCompletionChunk:
        return next(self._iterator)

    def __enter__(self) -> Stream:
        return self

    def __exit__(self, *_: object) -> None:
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
                if taken >= self._client.max_retries or not self._parser.may_retry(exc):
                    raise
            taken += 1
            self.response, self._parser = self._client.restream(self._call, taken)

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
                if parser.done:
                    break
            else:
                yield from parser.finish()
                if parser.error is not None:
                    raise parser.error
                return
            _drain(pieces)
        except (httpx.HTTPError, httpx.StreamError) as exc:
            raise self._wrap(exc) from exc
        finally:
            self.response.close()


class AsyncStream(_BaseStream):
    """Async version of `Stream`: `async for chunk in stream`, `async with`, `await close()`."""

    _client: AsyncAPIClient
    _iterator: AsyncGenerator[ChatCompletionChunk, None]

    def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]:
        return self._iterator

    async def __anext__(self) -> ChatCompletionChunk:
        return await self._iterator.__anext__()

    async def __aenter__(self) -> AsyncStream:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Stops reading and gives the connection back."""
        try:
            await self._iterator.aclose()
        finally:
            await aclose_shielded(self.response)

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
                if taken >= self._client.max_retries or not self._parser.may_retry(exc):
                    raise
            taken += 1
            self.response, self._parser = await self._client.restream(self._call, taken)

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
                if parser.done:
                    break
            else:
                for chunk in parser.finish():
                    yield chunk
                if parser.error is not None:
                    raise parser.error
                return
            await _adrain(pieces)
        except (httpx.HTTPError, httpx.StreamError) as exc:
            raise self._wrap(exc) from exc
        finally:
            await aclose_shielded(self.response)


def stream_class(is_async: bool) -> type[Stream] | type[AsyncStream]:
    """The stream type of a sync or an async client's calls."""
    return AsyncStream if is_async else Stream
