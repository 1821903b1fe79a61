"""Streaming (issue 4): `create(stream=True)` against a scripted SSE server on 127.0.0.1.

Every test goes through real HTTP: the bodies in sse_bodies.py are served by sse_server.py in
the pieces, pauses and cuts each test asks for.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sse_bodies as B
from sse_server import CUT, Reply, SSEServer, error_reply, split_every, split_random
from trilogue_api.models import (
    ChatCompletionChunkChoice,
    ChoiceDelta,
    FunctionCallDelta,
    ToolCallDelta,
)

from trilogue import (
    APIError,
    APIStreamError,
    APITimeoutError,
    AsyncStream,
    AsyncTrilogue,
    BadRequestError,
    ChatCompletion,
    ChatCompletionAccumulator,
    ChatCompletionChunk,
    Stream,
    Trilogue,
)

MESSAGES = [{"role": "user", "content": "Hello"}]

# Which client each body belongs to, and what the request asks for.
PROVIDER = {
    "gradient": "gradient",
    "mistral": "mistral",
    "llama": "llama",
    "llama_complete_with_metrics": "llama",
    "tool_call": "openai-compatible",
    "two_tool_calls": "openai-compatible",
}
OPTIONS: dict[str, dict[str, Any]] = {"gradient": {"stream_options": {"include_usage": True}}}


@pytest.fixture(scope="module")
def sse_server() -> Iterator[SSEServer]:
    server = SSEServer().start()
    yield server
    server.stop()


@pytest.fixture
def server(sse_server: SSEServer) -> SSEServer:
    sse_server.reset()
    return sse_server


def sync_client(server: SSEServer, provider: str = "openai-compatible", **kw: Any) -> Trilogue:
    return Trilogue(provider, api_key="test-key", base_url=server.url, **kw)


def async_client(
    server: SSEServer, provider: str = "openai-compatible", **kw: Any
) -> AsyncTrilogue:
    return AsyncTrilogue(provider, api_key="test-key", base_url=server.url, **kw)


def stream_of(client: Trilogue, name: str = "", **kw: Any) -> Stream:
    return client.chat.completions.create(
        model="test-model", messages=MESSAGES, stream=True, **OPTIONS.get(name, {}), **kw
    )


async def astream_of(client: AsyncTrilogue, name: str = "", **kw: Any) -> AsyncStream:
    return await client.chat.completions.create(
        model="test-model", messages=MESSAGES, stream=True, **OPTIONS.get(name, {}), **kw
    )


async def alist(stream: AsyncStream) -> list[ChatCompletionChunk]:
    return [chunk async for chunk in stream]


def pool_connections(client: Trilogue | AsyncTrilogue) -> list[Any]:
    """The httpcore connections in the client's pool."""
    return list(client._http._transport._pool.connections)  # type: ignore[union-attr]


def none_active(client: Trilogue | AsyncTrilogue) -> bool:
    """No pooled connection is still busy with a response (each is idle or closed)."""
    return all(c.is_idle() or c.is_closed() for c in pool_connections(client))


def snapshot(chunks: list[ChatCompletionChunk]) -> list[tuple[dict[str, Any], bool]]:
    """What the chunks say, to compare two runs (`created` of Llama chunks is the clock's)."""
    out = []
    for chunk in chunks:
        data = chunk.to_dict()
        data.pop("created", None)
        out.append((data, chunk.is_last_chunk))
    return out


def joined_content(chunks: list[ChatCompletionChunk]) -> str:
    return "".join(
        c.delta_message.content or ""  # type: ignore[operator]
        for c in chunks
        if c.delta_message is not None
    )


def check_chunks(chunks: list[ChatCompletionChunk], raw: bytes) -> None:
    count = B.event_count(raw)
    assert len(chunks) == count
    assert all(type(c) is ChatCompletionChunk for c in chunks)
    assert [c.is_last_chunk for c in chunks] == [False] * (count - 1) + [True]
    totals = [c.total_latency for c in chunks]
    assert all(c.chunk_latency is not None and c.chunk_latency >= 0 for c in chunks)
    assert all(t is not None and t >= 0 for t in totals)
    assert totals == sorted(totals)  # type: ignore[type-var]
    assert totals[-1] > totals[0]  # type: ignore[operator]
    # Each chunk_latency is the gap since the one before: together they make the total.
    assert sum(c.chunk_latency for c in chunks) == pytest.approx(totals[-1], abs=1e-6)  # type: ignore[misc]


def check_completion(completion: ChatCompletion, expected: dict[str, Any]) -> None:
    assert isinstance(completion, ChatCompletion)
    assert len(completion.choices) == 1
    choice = completion.choices[0]
    message = choice.message
    assert message.role == "assistant"
    assert message.content == expected["content"]
    assert message.reasoning_content == expected["reasoning"]
    calls = [
        {
            "id": call.id,
            "name": call.function.name,
            "arguments": json.loads(call.function.arguments),  # type: ignore[arg-type]
        }
        for call in message.tool_calls or []
    ]
    assert calls == expected["tool_calls"]
    assert choice.finish_reason == expected["finish_reason"]
    if expected["usage"] is None:
        assert completion.usage is None
    else:
        usage = completion.usage
        assert usage is not None
        assert (usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) == expected[
            "usage"
        ]


# --- each provider's stream ------------------------------------------------------------------


@pytest.mark.parametrize("name", list(B.BODIES))
def test_provider_stream(server: SSEServer, name: str) -> None:
    raw = B.BODIES[name]
    server.script(Reply([raw], headers={"x-request-id": f"req-{name}"}))
    with sync_client(server, PROVIDER[name]) as client, stream_of(client, name) as stream:
        assert isinstance(stream, Stream)
        assert stream.request_id == f"req-{name}"
        assert stream.headers["content-type"] == "text/event-stream"
        chunks = list(stream)
        assert stream.response.is_closed
        completion = stream.get_final_completion()  # after the end: what was read
    check_chunks(chunks, raw)
    assert joined_content(chunks) == (B.EXPECTED[name]["content"] or "")
    check_completion(completion, B.EXPECTED[name])


@pytest.mark.parametrize("name", list(B.BODIES))
async def test_provider_stream_async(server: SSEServer, name: str) -> None:
    raw = B.BODIES[name]
    server.script(Reply([raw], headers={"x-request-id": f"req-{name}"}))
    async with async_client(server, PROVIDER[name]) as client:
        stream = await astream_of(client, name)
        assert isinstance(stream, AsyncStream)
        assert stream.request_id == f"req-{name}"
        async with stream:
            chunks = await alist(stream)
            completion = await stream.get_final_completion()
        assert stream.response.is_closed
    check_chunks(chunks, raw)
    assert joined_content(chunks) == (B.EXPECTED[name]["content"] or "")
    check_completion(completion, B.EXPECTED[name])


def test_llama_chunks_are_openai_shaped(server: SSEServer) -> None:
    server.script(Reply([B.LLAMA]))
    with sync_client(server, "llama") as client:
        chunks = list(stream_of(client))
    assert {c.model for c in chunks} == {"test-model"}
    assert {c.id for c in chunks} == {"ab8c1f0e-llama"}
    assert chunks[0].delta_message is not None and chunks[0].delta_message.role == "assistant"
    calls = [c.delta_message.tool_calls for c in chunks if c.delta_message is not None]
    indexes = [call[0].index for call in calls if call]
    assert indexes == [0, 0, 0, 1, 1]  # Llama numbers no calls: the converter does
    last = chunks[-1]
    assert last.choices == [] and last.usage is not None and last.usage.total_tokens == 253
    assert last.metrics is not None and len(last.metrics) == 3


def test_two_choices(server: SSEServer) -> None:
    server.script(Reply([B.TWO_CHOICES]))
    with sync_client(server) as client, stream_of(client, n=2) as stream:
        chunks = list(stream)
        completion = stream.get_final_completion()
    # The chunk finishing choice 1 is not the last: choice 0 is still going.
    check_chunks(chunks, B.TWO_CHOICES)
    assert [c.index for c in completion.choices] == [0, 1]
    assert [c.message.content for c in completion.choices] == ["Heads!", "Tails, again."]
    assert [c.finish_reason for c in completion.choices] == ["length", "stop"]


async def test_two_choices_async(server: SSEServer) -> None:
    server.script(Reply([B.TWO_CHOICES]))
    async with async_client(server) as client:
        stream = await astream_of(client, n=2)
        completion = await stream.get_final_completion()
    assert [c.message.content for c in completion.choices] == ["Heads!", "Tails, again."]
    assert [c.finish_reason for c in completion.choices] == ["length", "stop"]


def test_logprobs(server: SSEServer) -> None:
    server.script(Reply([B.LOGPROBS]))
    with sync_client(server) as client:
        completion = stream_of(client, logprobs=True, top_logprobs=1).get_final_completion()
    choice = completion.choices[0]
    assert choice.message.content == "Yes."
    assert choice.logprobs is not None and choice.logprobs.content is not None
    assert [(t.token, t.logprob) for t in choice.logprobs.content] == [
        ("Yes", -0.0012),
        (".", -0.25),
    ]
    assert choice.logprobs.content[0].top_logprobs[0].token == "Yes"  # type: ignore[index]


# --- get_final_completion part-way -----------------------------------------------------------


def test_final_completion_part_way_reads_the_rest(server: SSEServer) -> None:
    server.script(Reply(split_every(B.GRADIENT, 64)))
    with sync_client(server, "gradient") as client, stream_of(client, "gradient") as stream:
        first = [next(stream), next(stream)]
        assert not first[-1].is_last_chunk
        completion = stream.get_final_completion()
        assert list(stream) == []  # nothing left
        assert stream.response.is_closed
    check_completion(completion, B.EXPECTED["gradient"])


async def test_final_completion_part_way_reads_the_rest_async(server: SSEServer) -> None:
    server.script(Reply(split_every(B.LLAMA, 64)))
    async with async_client(server, "llama") as client:
        stream = await astream_of(client)
        async with stream:
            await stream.__anext__()
            await stream.__anext__()
            completion = await stream.get_final_completion()
            assert await alist(stream) == []
    check_completion(completion, B.EXPECTED["llama"])


# --- the same chunks however the bytes are cut -----------------------------------------------

SPLITS = {
    "one-byte": lambda raw: split_every(raw, 1),
    "random-7": lambda raw: split_random(raw, seed=7),
    "random-1234": lambda raw: split_random(raw, seed=1234, max_size=200),
    "crlf": lambda raw: [B.crlf(raw)],
    "crlf-one-byte": lambda raw: split_every(B.crlf(raw), 1),
    "crlf-random-99": lambda raw: split_random(B.crlf(raw), seed=99, max_size=5),
}


@pytest.mark.parametrize("name", list(B.BODIES))
def test_byte_boundaries_do_not_matter(server: SSEServer, name: str) -> None:
    raw = B.BODIES[name]
    server.script(Reply([raw]), *(Reply(split(raw)) for split in SPLITS.values()))
    with sync_client(server, PROVIDER[name]) as client:
        whole = list(stream_of(client, name))
        check_chunks(whole, raw)
        reference = snapshot(whole)
        for split_name in SPLITS:
            chunks = list(stream_of(client, name))
            assert snapshot(chunks) == reference, split_name
    assert len(server.requests) == 1 + len(SPLITS)


@pytest.mark.parametrize("name", ["gradient", "llama"])
async def test_byte_boundaries_do_not_matter_async(server: SSEServer, name: str) -> None:
    raw = B.BODIES[name]
    server.script(Reply([raw]), Reply(split_every(raw, 1)), Reply(split_random(B.crlf(raw), 3)))
    async with async_client(server, PROVIDER[name]) as client:
        reference = snapshot(await alist(await astream_of(client, name)))
        for _ in range(2):
            assert snapshot(await alist(await astream_of(client, name))) == reference


# --- errors in the stream --------------------------------------------------------------------


def read_until_error(stream: Stream) -> tuple[list[ChatCompletionChunk], APIStreamError]:
    chunks: list[ChatCompletionChunk] = []
    with pytest.raises(APIStreamError) as info:
        for chunk in stream:
            chunks.append(chunk)
    return chunks, info.value


ERRORS = {
    # name: (body, provider, chunks before the error, message, code)
    "event-error": (
        B.ERROR_EVENT,
        "openai-compatible",
        2,
        "The model is overloaded, try again later",
        "model_overloaded",
    ),
    "data-error": (B.DATA_ERROR, "mistral", 1, "Upstream inference timed out", "upstream_timeout"),
    "bare-json-error": (
        B.BARE_ERROR,
        "llama",
        2,
        "Rate limit exceeded for llama-4-maverick",
        "rate_limited",
    ),
}


@pytest.mark.parametrize("case", list(ERRORS))
def test_error_in_stream_raises(server: SSEServer, case: str) -> None:
    raw, provider, before, message, code = ERRORS[case]
    server.script(Reply(split_random(raw, seed=3)))
    with sync_client(server, provider) as client:
        stream = stream_of(client)
        chunks, error = read_until_error(stream)
        assert stream.response.is_closed
        assert none_active(client)
    assert len(chunks) == before  # what came before the error, nothing after
    assert "NEVER YIELDED" not in joined_content(chunks)
    assert isinstance(error, APIError)
    assert message in str(error)
    assert error.code == code
    assert error.provider == provider


@pytest.mark.parametrize("case", list(ERRORS))
async def test_error_in_stream_raises_async(server: SSEServer, case: str) -> None:
    raw, provider, before, message, code = ERRORS[case]
    server.script(Reply([raw]))
    chunks: list[ChatCompletionChunk] = []
    async with async_client(server, provider) as client:
        stream = await astream_of(client)
        with pytest.raises(APIStreamError) as info:
            async with stream:
                async for chunk in stream:
                    chunks.append(chunk)
        assert none_active(client)
    assert len(chunks) == before
    assert message in str(info.value)
    assert info.value.code == code


def test_malformed_json_is_quoted_shortened(server: SSEServer) -> None:
    server.script(Reply([B.MALFORMED]))
    with sync_client(server) as client:
        chunks, error = read_until_error(stream_of(client))
    assert len(chunks) == 1
    text = str(error)
    assert "not JSON" in text
    assert B.MALFORMED_LINE[:120] in text  # the line is quoted...
    assert B.MALFORMED_LINE not in text  # ...but not all of its 480 characters
    assert len(text) < 400


async def test_malformed_json_async(server: SSEServer) -> None:
    server.script(Reply([B.MALFORMED]))
    async with async_client(server) as client:
        with pytest.raises(APIStreamError, match="not JSON"):
            await (await astream_of(client)).get_final_completion()


# --- cut connections -------------------------------------------------------------------------

CUTS = {
    # The chunked body stops mid-way and the socket closes.
    "chunked": Reply([*split_every(B.CUT_SHORT, 100), CUT]),
    # A body without framing: it ends cleanly when the socket closes, but before [DONE].
    "close-delimited": Reply([B.CUT_SHORT], framing="close"),
    # Llama has no [DONE]; its body ends (well framed) before complete or metrics.
    "llama-before-complete": Reply([B.LLAMA.split(b"\n\n", 5)[0] + b"\n\n"]),
}
CUT_PROVIDER = {
    "chunked": "gradient",
    "close-delimited": "gradient",
    "llama-before-complete": "llama",
}


@pytest.mark.parametrize("case", list(CUTS))
def test_cut_connection_raises(server: SSEServer, case: str) -> None:
    server.script(CUTS[case])
    provider = CUT_PROVIDER[case]
    with sync_client(server, provider) as client:
        chunks, error = read_until_error(stream_of(client, provider))
    assert len(chunks) >= 1  # the chunks that came are yielded first
    assert not any(c.is_last_chunk for c in chunks)
    assert "cut" in str(error)


@pytest.mark.parametrize("case", list(CUTS))
async def test_cut_connection_raises_async(server: SSEServer, case: str) -> None:
    server.script(CUTS[case])
    provider = CUT_PROVIDER[case]
    async with async_client(server, provider) as client:
        stream = await astream_of(client, provider)
        with pytest.raises(APIStreamError, match="cut"):
            await alist(stream)


def test_body_ending_after_finish_reason_without_done_is_fine(server: SSEServer) -> None:
    server.script(Reply([B.TOOL_CALL.replace(b"data: [DONE]\n\n", b"")], framing="close"))
    with sync_client(server) as client:
        chunks = list(stream_of(client))
    check_chunks(chunks, B.TOOL_CALL)


# --- idle timeout ----------------------------------------------------------------------------


def stalled(raw: bytes, stall: float = 5.0) -> Reply:
    first, rest = raw.split(b"\n\n", 1)
    return Reply([first + b"\n\n", stall, rest])


def test_stall_raises_timeout_quickly(server: SSEServer) -> None:
    server.script(stalled(B.MISTRAL))
    with sync_client(server, "mistral", stream_idle_timeout=0.3) as client:
        stream = stream_of(client)
        started = time.perf_counter()
        first = next(stream)
        with pytest.raises(APITimeoutError, match="stream_idle_timeout"):
            next(stream)
        elapsed = time.perf_counter() - started
        assert none_active(client)
    assert first.delta_message is not None
    assert 0.25 < elapsed < 2.0
    assert server.wait_closed(1)  # the server saw the client hang up


async def test_stall_raises_timeout_quickly_async(server: SSEServer) -> None:
    server.script(stalled(B.GRADIENT))
    async with async_client(server, "gradient") as client:  # the default idle limit is 300 s...
        stream = await astream_of(client, "gradient", stream_idle_timeout=0.3)  # ...but per call
        started = time.perf_counter()
        with pytest.raises(APITimeoutError):
            await alist(stream)
        assert time.perf_counter() - started < 2.0


def test_slow_but_steady_stream_is_not_idle(server: SSEServer) -> None:
    # 0.1 s between chunks, 0.7 s in all: the limit is between chunks, not on the whole answer.
    events = B.MISTRAL.split(b"\n\n")[:-1]
    pieces: list[Any] = []
    for event in events:
        pieces += [event + b"\n\n", 0.1]
    server.script(Reply(pieces))
    with sync_client(server, "mistral", stream_idle_timeout=0.3) as client:
        chunks = list(stream_of(client))
    check_chunks(chunks, B.MISTRAL)
    gaps = [c.chunk_latency for c in chunks[1:]]
    assert all(gap is not None and 0.05 < gap < 0.3 for gap in gaps), gaps


def test_keep_alive_comments_are_not_chunks(server: SSEServer) -> None:
    first, rest = B.MISTRAL.split(b"\n\n", 1)
    server.script(Reply([first + b"\n\n", *[b": keep-alive\n\n", 0.1] * 10, rest]))
    with (
        sync_client(server, "mistral", stream_idle_timeout=0.3) as client,
        pytest.raises(APITimeoutError),
    ):
        list(stream_of(client))


# --- closing and the connection pool ---------------------------------------------------------


def long_body() -> Reply:
    """GRADIENT's first chunks, then many more, slowly: 4 s if read to the end."""
    events = B.GRADIENT.split(b"\n\n")
    head = [events[0] + b"\n\n", events[1] + b"\n\n"]
    more = [events[2] + b"\n\n", 0.2] * 20
    return Reply([*head, *more, B.GRADIENT])


def test_break_in_with_releases_the_connection(server: SSEServer) -> None:
    server.script(long_body(), Reply([B.MISTRAL]))
    with sync_client(server, "gradient") as client:
        started = time.perf_counter()
        with stream_of(client, "gradient") as stream:
            for i, _ in enumerate(stream):
                if i == 1:
                    break
            assert pool_connections(client) and not none_active(client)  # busy while reading
        assert time.perf_counter() - started < 1.0  # the rest of the body was not read
        assert stream.response.is_closed
        assert none_active(client)
        assert server.wait_closed(1)  # the server saw the first connection close
        chunks = list(stream_of(client))  # the client still works
    assert joined_content(chunks) == B.EXPECTED["mistral"]["content"]
    assert server.requests[1].connection != server.requests[0].connection


async def test_break_in_async_with_releases_the_connection(server: SSEServer) -> None:
    server.script(long_body(), Reply([B.MISTRAL]))
    async with async_client(server, "gradient") as client:
        stream = await astream_of(client, "gradient")
        async with stream:
            n = 0
            async for _ in stream:
                n += 1
                if n == 2:
                    break
            assert not none_active(client)
        assert stream.response.is_closed
        assert none_active(client)
        assert server.wait_closed(1)
        chunks = await alist(await astream_of(client))
    assert joined_content(chunks) == B.EXPECTED["mistral"]["content"]


def test_close_releases_the_connection(server: SSEServer) -> None:
    server.script(long_body())
    with sync_client(server, "gradient") as client:
        stream = stream_of(client, "gradient")
        next(stream)
        stream.close()
        assert none_active(client)
        assert list(stream) == []
    assert server.wait_closed(1)


def test_finished_stream_returns_the_connection_for_reuse(server: SSEServer) -> None:
    server.script(Reply([B.GRADIENT]), Reply(split_every(B.MISTRAL, 50)), Reply([B.TOOL_CALL]))
    with sync_client(server, "gradient") as client:
        list(stream_of(client, "gradient"))
        [conn] = pool_connections(client)
        assert conn.is_idle()
        stream_of(client).get_final_completion()
        with stream_of(client) as stream:
            for _ in stream:
                pass
    # One keep-alive connection served all three streams.
    assert [r.connection for r in server.requests] == [server.requests[0].connection] * 3


async def test_finished_stream_returns_the_connection_for_reuse_async(server: SSEServer) -> None:
    server.script(Reply([B.TOOL_CALL]), Reply([B.TWO_TOOL_CALLS]))
    async with async_client(server) as client:
        await alist(await astream_of(client))
        assert all(c.is_idle() for c in pool_connections(client))
        await alist(await astream_of(client))
    assert server.requests[0].connection == server.requests[1].connection


# --- before the stream: status errors, retries, the request ----------------------------------


def test_429_before_the_stream_is_retried(server: SSEServer) -> None:
    server.script(
        error_reply(429, {"error": {"message": "slow down"}}, {"Retry-After": "0"}),
        Reply([B.GRADIENT]),
    )
    with sync_client(server, "gradient") as client:
        chunks = list(stream_of(client, "gradient"))
    check_chunks(chunks, B.GRADIENT)
    assert len(server.requests) == 2


async def test_429_before_the_stream_is_retried_async(server: SSEServer) -> None:
    server.script(
        error_reply(429, {"message": "rate limited"}, {"Retry-After": "0"}), Reply([B.MISTRAL])
    )
    async with async_client(server, "mistral") as client:
        chunks = await alist(await astream_of(client))
    assert joined_content(chunks) == B.EXPECTED["mistral"]["content"]
    assert len(server.requests) == 2


def test_400_before_the_stream(server: SSEServer) -> None:
    body = {"object": "error", "message": "Invalid model: test-model", "type": "invalid_model"}
    server.script(error_reply(400, body, {"x-request-id": "req-400"}))
    with sync_client(server, "mistral") as client, pytest.raises(BadRequestError) as info:
        stream_of(client)
    assert info.value.status_code == 400
    assert "Invalid model: test-model" in str(info.value)
    assert info.value.request_id == "req-400"
    assert len(server.requests) == 1  # not retried


async def test_400_before_the_stream_async(server: SSEServer) -> None:
    server.script(error_reply(400, {"error": {"message": "messages must not be empty"}}))
    async with async_client(server) as client:
        with pytest.raises(BadRequestError, match="messages must not be empty"):
            await astream_of(client)


def test_request_asks_for_an_event_stream(server: SSEServer) -> None:
    server.script(Reply([B.GRADIENT]), Reply([B.LLAMA]))
    with sync_client(server, "gradient") as client:
        stream_of(client, "gradient").get_final_completion()
    with sync_client(server, "llama") as client:
        client.chat.completions.stream(model="test-model", messages=MESSAGES).close()
    for request in server.requests:
        assert request.path == "/v1/chat/completions"
        assert request.headers["accept"] == "text/event-stream"
        assert request.json["stream"] is True
        assert request.headers["authorization"] == "Bearer test-key"
    assert server.requests[0].json["stream_options"] == {"include_usage": True}


async def test_request_asks_for_an_event_stream_async(server: SSEServer) -> None:
    server.script(Reply([B.MISTRAL]))
    async with async_client(server, "mistral") as client:
        await (await client.chat.completions.stream(model="m", messages=MESSAGES)).close()
    [request] = server.requests
    assert request.headers["accept"] == "text/event-stream"
    assert request.json["stream"] is True


# --- the accumulator on its own --------------------------------------------------------------


def chunk(delta: ChoiceDelta, finish_reason: str | None = None) -> ChatCompletionChunk:
    choice = ChatCompletionChunkChoice(index=0, delta=delta, finish_reason=finish_reason)
    return ChatCompletionChunk(choices=[choice], id="c1", model="m")


def call(
    id: str | None = None, name: str | None = None, arguments: str | None = None
) -> ChoiceDelta:
    piece = ToolCallDelta(id=id, function=FunctionCallDelta(name=name, arguments=arguments))
    return ChoiceDelta(tool_calls=[piece])


def test_accumulator_llama_style_tool_calls_without_index() -> None:
    accumulator = ChatCompletionAccumulator()
    for delta in [
        ChoiceDelta(role="assistant", content="Checking."),
        call(id="call_1", name="get_weather", arguments=""),  # an id, no index
        call(arguments='{"city": '),  # neither: continues the latest call
        call(arguments='"Rome"}'),
        call(id="call_2", name="get_time"),
        call(arguments='{"tz": "CET"}'),
        call(id="call_1", arguments=""),  # the first call's id again: still that call
    ]:
        accumulator.add(chunk(delta))
    accumulator.add(chunk(ChoiceDelta(), finish_reason="tool_calls"))
    message = accumulator.completion.choices[0].message
    assert message.content == "Checking."
    calls = message.tool_calls or []
    assert [(c.id, c.function.name) for c in calls] == [
        ("call_1", "get_weather"),
        ("call_2", "get_time"),
    ]
    assert [json.loads(c.function.arguments) for c in calls] == [  # type: ignore[arg-type]
        {"city": "Rome"},
        {"tz": "CET"},
    ]
    assert accumulator.completion.choices[0].finish_reason == "tool_calls"


def test_accumulator_mixed_index_and_id() -> None:
    accumulator = ChatCompletionAccumulator()
    first = ToolCallDelta(index=0, id="a", function=FunctionCallDelta(name="f", arguments='{"x'))
    accumulator.add(chunk(ChoiceDelta(tool_calls=[first])))
    accumulator.add(chunk(call(id="a", arguments='": 1}')))  # by id, no index
    [made] = accumulator.completion.choices[0].message.tool_calls or []
    assert json.loads(made.function.arguments) == {"x": 1}  # type: ignore[arg-type]


def test_http_errors_mid_body_are_stream_errors(server: SSEServer) -> None:
    # A body that says it is longer than it is: httpx sees a broken body, trilogue a cut stream.
    reply = Reply([B.CUT_SHORT], headers={"Content-Length": "100000"}, framing="close")
    server.script(reply)
    with sync_client(server, "gradient") as client:
        _, error = read_until_error(stream_of(client, "gradient"))
    assert "cut" in str(error)
    assert isinstance(error.__cause__, httpx.HTTPError)
