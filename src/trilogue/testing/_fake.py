"""`FakeProvider`: an in-process httpx transport that answers like a provider, as scripted."""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

import trilogue
from trilogue.types import ProviderName

from ._wire import (
    Answer,
    ToolCall,
    completion_body,
    error_body,
    stream_error,
    stream_events,
)

__all__ = ["Cut", "FakeProvider", "FakeProviderError", "RecordedRequest", "Stall", "StreamError"]

FAKE_BASE_URL = "http://fake-provider.test/v1"
FAKE_API_KEY = "fake-api-key"


class FakeProviderError(AssertionError):
    """The fake was asked something its script does not cover."""


@dataclass(frozen=True)
class Cut:
    """The connection closes here, before the answer is complete."""


@dataclass(frozen=True)
class Stall:
    """Nothing arrives for `seconds`; past the client's read timeout that is a timeout."""

    seconds: float


@dataclass(frozen=True)
class StreamError:
    """The provider reports an error in the middle of the stream, in its own wire format."""

    message: str = "The model is overloaded, try again later."


Fault = Cut | Stall | StreamError


@dataclass(frozen=True)
class RecordedRequest:
    """A request the fake received. `json` is its parsed body (None if it had none)."""

    method: str
    url: str
    headers: httpx.Headers = field(repr=False)  # holds the API key: kept out of the repr
    content: bytes = field(repr=False)

    @property
    def path(self) -> str:
        return httpx.URL(self.url).path

    @property
    def json(self) -> Any:
        return json.loads(self.content) if self.content else None

    @property
    def stream(self) -> bool:
        body = self.json
        return isinstance(body, dict) and body.get("stream") is True


@dataclass(frozen=True)
class _Success:
    answer: Answer
    delay: float
    fault: Fault | None
    fault_after: int | None
    headers: Mapping[str, str]


@dataclass(frozen=True)
class _Failure:
    status: int
    body: Any
    delay: float
    headers: Mapping[str, str]


# Plain text in word-sized pieces, each with the spaces after it.
_WORDS = re.compile(r"\s*\S+\s*|\s+")


class FakeProvider(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A scripted provider inside your process, for your own tests.

    It speaks `provider`'s wire format (the OpenAI shape, or Llama's native one for "llama"),
    answers each request with the next scripted reply, and records every request:

        fake = FakeProvider("mistral")
        fake.add_response("Bonjour !", usage=(7, 3))
        fake.add_error(429, retry_after=0)
        client = fake.client()
        client.chat.completions.create(model="m", messages=[...])
        assert fake.requests[0].json["model"] == "m"

    A reply to a request with `"stream": true` goes out as server-sent events, one event per
    chunk; otherwise as one JSON body. Use it as `transport=` of any httpx client, or let
    `client()`/`async_client()` make the trilogue client.
    """

    def __init__(
        self, provider: ProviderName = "openai-compatible", *, model: str = "fake-model"
    ) -> None:
        if provider not in trilogue.PROVIDERS:
            known = ", ".join(trilogue.PROVIDERS)
            raise ValueError(f"Unknown provider {provider!r}; expected one of: {known}.")
        self.provider = provider
        self.model = model
        self.requests: list[RecordedRequest] = []
        self._script: deque[_Success | _Failure] = deque()
        self._lock = threading.Lock()
        self._served = 0

    def __repr__(self) -> str:
        return f"FakeProvider({self.provider!r}, pending={self.pending})"

    @property
    def pending(self) -> int:
        """How many scripted replies are still to be sent."""
        return len(self._script)

    def add_response(
        self,
        content: str | None = None,
        *,
        chunks: Sequence[str] | None = None,
        tool_calls: Iterable[ToolCall] = (),
        finish_reason: str | None = None,
        usage: tuple[int, int] | None = None,
        fault: Fault | None = None,
        fault_after: int | None = None,
        delay: float = 0.0,
        headers: Mapping[str, str] | None = None,
    ) -> FakeProvider:
        """Script a successful answer.

        `chunks` are the text pieces of a streamed answer (by default `content` split after
        each word; `content` defaults to their concatenation). `usage` is (prompt, completion)
        tokens. `fault` happens after `fault_after` text chunks (default: all of them), and
        `delay` holds the response back that many seconds. Returns the fake, for chaining.
        """
        if chunks is None:
            chunks = _WORDS.findall(content) if content else []
        elif content is None:
            content = "".join(chunks)
        calls = tuple(tool_calls)
        finish = finish_reason or ("tool_calls" if calls else "stop")
        answer = Answer(content, tuple(chunks), calls, finish, usage)
        reply = _Success(answer, delay, fault, fault_after, dict(headers or {}))
        with self._lock:
            self._script.append(reply)
        return self

    def add_error(
        self,
        status: int,
        message: str | None = None,
        *,
        retry_after: float | None = None,
        body: Any = None,
        delay: float = 0.0,
        headers: Mapping[str, str] | None = None,
    ) -> FakeProvider:
        """Script an error status, with a body in the provider's error shape (or `body`).

        `retry_after` sets the `Retry-After` header (seconds). Returns the fake, for chaining.
        """
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        if retry_after is not None:
            all_headers["Retry-After"] = f"{retry_after:g}"
        if body is None:
            body = error_body(self.provider, status, message or f"Fake error {status}")
        with self._lock:
            self._script.append(_Failure(status, body, delay, all_headers))
        return self

    def client(self, **options: Any) -> trilogue.Trilogue:
        """A `trilogue.Trilogue` for this provider whose requests all come here."""
        options.setdefault("api_key", FAKE_API_KEY)
        options.setdefault("base_url", FAKE_BASE_URL)
        http_client = httpx.Client(transport=self)
        return trilogue.Trilogue(self.provider, http_client=http_client, **options)

    def async_client(self, **options: Any) -> trilogue.AsyncTrilogue:
        """A `trilogue.AsyncTrilogue` for this provider whose requests all come here."""
        options.setdefault("api_key", FAKE_API_KEY)
        options.setdefault("base_url", FAKE_BASE_URL)
        http_client = httpx.AsyncClient(transport=self)
        return trilogue.AsyncTrilogue(self.provider, http_client=http_client, **options)

    # The transport side.

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        reply, recorded, serial = self._next(request, request.read())
        delay = _delay(reply, recorded.stream)
        if delay:
            _wait(delay, _read_timeout(request), request)
        return self._answer(reply, recorded, serial, request, _SyncEvents)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        reply, recorded, serial = self._next(request, await request.aread())
        delay = _delay(reply, recorded.stream)
        if delay:
            await _async_wait(delay, _read_timeout(request), request)
        return self._answer(reply, recorded, serial, request, _AsyncEvents)

    def _answer(
        self,
        reply: _Success | _Failure,
        recorded: RecordedRequest,
        serial: int,
        request: httpx.Request,
        events: type[_SyncEvents] | type[_AsyncEvents],
    ) -> httpx.Response:
        """The answer once any delay has passed: a cut, one JSON body, or a stream of events
        (read by `events`, the sync or async body type)."""
        if isinstance(reply, _Success) and isinstance(reply.fault, Cut) and not recorded.stream:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        steps = self._steps(reply, recorded, serial)
        if steps is None:
            return self._response(reply, recorded, serial, request)
        return httpx.Response(
            200,
            headers=_stream_headers(reply),
            stream=events(steps, _read_timeout(request), request),
            request=request,
        )

    def _next(
        self, request: httpx.Request, content: bytes
    ) -> tuple[_Success | _Failure, RecordedRequest, int]:
        recorded = RecordedRequest(
            request.method, str(request.url), httpx.Headers(request.headers), content
        )
        with self._lock:
            self.requests.append(recorded)
            self._served += 1
            if not self._script:
                raise FakeProviderError(
                    f"FakeProvider({self.provider!r}) has no scripted reply left for request "
                    f"#{self._served} ({request.method} {request.url.path})."
                )
            return self._script.popleft(), recorded, self._served

    def _model(self, recorded: RecordedRequest) -> str:
        body = recorded.json
        model = body.get("model") if isinstance(body, dict) else None
        return model if isinstance(model, str) else self.model

    def _response(
        self,
        reply: _Success | _Failure,
        recorded: RecordedRequest,
        serial: int,
        request: httpx.Request,
    ) -> httpx.Response:
        if isinstance(reply, _Failure):
            content = reply.body if isinstance(reply.body, bytes | str) else json.dumps(reply.body)
            return httpx.Response(
                reply.status, headers=dict(reply.headers), content=content, request=request
            )
        if isinstance(reply.fault, StreamError):
            raise FakeProviderError("A StreamError fault needs a request with stream=True.")
        body = completion_body(self.provider, reply.answer, self._model(recorded), serial)
        return httpx.Response(200, headers=dict(reply.headers), json=body, request=request)

    def _steps(
        self, reply: _Success | _Failure, recorded: RecordedRequest, serial: int
    ) -> list[bytes | Fault] | None:
        """The body of a streamed answer as events and faults; None when not streaming."""
        if isinstance(reply, _Failure) or not recorded.stream:
            return None
        body = recorded.json
        options = body.get("stream_options") if isinstance(body, dict) else None
        include_usage = isinstance(options, dict) and options.get("include_usage") is True
        events = stream_events(
            self.provider, reply.answer, self._model(recorded), serial, include_usage
        )
        steps: list[bytes | Fault] = list(events)
        fault = reply.fault
        if fault is None:
            return steps
        after = len(reply.answer.chunks) if reply.fault_after is None else reply.fault_after
        at = 1 + min(max(after, 0), len(reply.answer.chunks))  # past the opening event
        if isinstance(fault, Stall):
            return [*steps[:at], fault, *steps[at:]]
        if isinstance(fault, StreamError):
            return [*steps[:at], stream_error(self.provider, fault.message)]
        return [*steps[:at], fault]


def _read_timeout(request: httpx.Request) -> float | None:
    timeout = request.extensions.get("timeout")
    value = timeout.get("read") if isinstance(timeout, dict) else None
    return float(value) if value is not None else None


def _delay(reply: _Success | _Failure, stream: bool) -> float:
    if isinstance(reply, _Success) and isinstance(reply.fault, Stall) and not stream:
        return reply.delay + reply.fault.seconds
    return reply.delay


def _stream_headers(reply: _Success | _Failure) -> dict[str, str]:
    return {"Content-Type": "text/event-stream", **reply.headers}


def _wait(seconds: float, read_timeout: float | None, request: httpx.Request) -> None:
    if read_timeout is not None and seconds > read_timeout:
        time.sleep(read_timeout)
        raise httpx.ReadTimeout("The read operation timed out", request=request)
    time.sleep(seconds)


async def _async_wait(seconds: float, read_timeout: float | None, request: httpx.Request) -> None:
    if read_timeout is not None and seconds > read_timeout:
        await asyncio.sleep(read_timeout)
        raise httpx.ReadTimeout("The read operation timed out", request=request)
    await asyncio.sleep(seconds)


def _cut(request: httpx.Request) -> httpx.RemoteProtocolError:
    return httpx.RemoteProtocolError(
        "peer closed connection without sending complete message body", request=request
    )


class _Events:
    """A streamed body as scripted: bytes to send, stalls to wait out, a cut to end on."""

    def __init__(
        self, steps: list[bytes | Fault], read_timeout: float | None, request: httpx.Request
    ) -> None:
        self._steps = steps
        self._read_timeout = read_timeout
        self._request = request


class _SyncEvents(_Events, httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        for step in self._steps:
            if isinstance(step, bytes):
                yield step
            elif isinstance(step, Stall):
                _wait(step.seconds, self._read_timeout, self._request)
            else:
                raise _cut(self._request)


class _AsyncEvents(_Events, httpx.AsyncByteStream):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        for step in self._steps:
            if isinstance(step, bytes):
                yield step
            elif isinstance(step, Stall):
                await _async_wait(step.seconds, self._read_timeout, self._request)
            else:
                raise _cut(self._request)
