"""Streams that never lie, whatever the server sends: bodies shaped as providers and llama.cpp
are documented or reported to send them, replayed by the scripted SSE server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sse_server import Reply, SSEServer

import trilogue
from trilogue import APIStreamError, APITimeoutError, ChatCompletionChunk

KEY = "sk-traffic"
ASK = [{"role": "user", "content": "Hi"}]


def sse(*events: dict[str, Any] | str, done: bool = True) -> bytes:
    lines = [f"data: {e if isinstance(e, str) else json.dumps(e)}\n\n" for e in events]
    return ("".join(lines) + ("data: [DONE]\n\n" if done else "")).encode()


def chunk(
    delta: dict[str, Any] | None = None,
    finish: str | None = None,
    usage: dict[str, int] | None = None,
    choices: bool = True,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "c-1",
        "object": "chat.completion.chunk",
        "created": 1763800000,
        "model": "m",
        "choices": [{"index": 0, "delta": delta or {}, "finish_reason": finish}] if choices else [],
    }
    if usage is not None:
        body["usage"] = usage
    return body


USAGE = {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}


@pytest.fixture(scope="module")
def _server() -> Iterator[SSEServer]:
    server = SSEServer().start()
    yield server
    server.stop()


@pytest.fixture
def server(_server: SSEServer) -> SSEServer:
    _server.reset()
    return _server


def stream(
    server: SSEServer, *pieces: bytes | float, provider: str = "mistral", **options: Any
) -> tuple[list[ChatCompletionChunk], trilogue.Stream]:
    server.script(Reply(list(pieces), headers={"Content-Type": "text/event-stream"}))
    client = trilogue.Trilogue(provider, api_key=KEY, base_url=server.url, max_retries=0)
    s = client.chat.completions.stream(model="m", messages=ASK, **options)
    return list(s), s


def test_llama_cpp_error_field_inside_a_200_stream_raises(server: SSEServer) -> None:
    body = sse(chunk({"role": "assistant", "content": "Hel"}), done=False)
    body += b'error: {"code": 500, "message": "the slot crashed", "type": "server_error"}\n\n'
    body += b"data: [DONE]\n\n"
    server.script(Reply([body], headers={"Content-Type": "text/event-stream"}))
    client = trilogue.Trilogue("openai-compatible", base_url=server.url, max_retries=0)
    seen: list[str | None] = []
    with pytest.raises(APIStreamError, match="the slot crashed") as info:
        for piece in client.chat.completions.stream(model="m", messages=ASK):
            seen.append(piece.delta_message.content)
    assert seen == ["Hel"]  # the chunk before the error is delivered, then the error
    assert info.value.code == 500


def test_mistral_finish_reason_error_raises(server: SSEServer) -> None:
    body = sse(chunk({"role": "assistant", "content": "Par"}), chunk({}, finish="error"))
    server.script(Reply([body], headers={"Content-Type": "text/event-stream"}))
    client = trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url, max_retries=0)
    seen = []
    with pytest.raises(APIStreamError, match="finish_reason 'error'"):
        for piece in client.chat.completions.stream(model="m", messages=ASK):
            seen.append(piece.delta_message.content)
    assert seen == ["Par"]


def test_refusal_only_stream_has_no_content(server: SSEServer) -> None:
    body = sse(
        chunk({"role": "assistant", "content": ""}),
        chunk({"refusal": "I can't "}),
        chunk({"refusal": "help with that."}, finish="stop"),
    )
    _, s = stream(server, body)
    message = s.get_final_completion().choices[0].message
    assert message.content is None
    assert message.refusal == "I can't help with that."


def test_split_tool_call_names_are_joined_and_repeated_names_not_doubled(
    server: SSEServer,
) -> None:
    def call(name: str | None, arguments: str, call_id: str | None = None) -> dict[str, Any]:
        piece: dict[str, Any] = {"index": 0, "function": {"arguments": arguments}}
        if name is not None:
            piece["function"]["name"] = name
        if call_id:
            piece["id"], piece["type"] = call_id, "function"
        return {"tool_calls": [piece]}

    split = sse(
        chunk(call("get_", "", "call_1")),
        chunk(call("weather", '{"city":')),
        chunk(call(None, ' "Paris"}'), finish="tool_calls"),
    )
    _, s = stream(server, split)
    (tool_call,) = s.get_final_completion().choices[0].message.tool_calls or []
    assert tool_call.function.name == "get_weather"
    assert json.loads(tool_call.function.arguments) == {"city": "Paris"}

    repeated = sse(
        chunk(call("get_weather", '{"city":', "call_1")),
        chunk(call("get_weather", ' "Paris"}'), finish="tool_calls"),
    )
    _, s = stream(server, repeated)
    (tool_call,) = s.get_final_completion().choices[0].message.tool_calls or []
    assert tool_call.function.name == "get_weather"


def test_mistral_thinking_parts_are_kept_as_reasoning(server: SSEServer) -> None:
    thinking = {"type": "thinking", "thinking": [{"type": "text", "text": "2 + 2 is 4."}]}
    body = sse(
        chunk({"role": "assistant", "content": [thinking]}),
        chunk({"content": [{"type": "text", "text": "Four."}]}, finish="stop"),
    )
    chunks, s = stream(server, body)
    assert chunks[0].delta_message.reasoning == "2 + 2 is 4."
    assert chunks[0].delta_message.content is None
    assert chunks[1].delta_message.content == "Four."
    assert chunks[1].delta_message.parts is not None  # the raw parts stay reachable
    message = s.get_final_completion().choices[0].message
    assert message.content == "Four."
    assert message.reasoning == "2 + 2 is 4."


@pytest.mark.parametrize(
    "field", ["reasoning_content", "reasoning"], ids=["gradient-llama.cpp", "vllm"]
)
def test_reasoning_is_one_field_whatever_the_server_calls_it(server: SSEServer, field: str) -> None:
    body = sse(
        chunk({"role": "assistant", field: "Think"}),
        chunk({field: "ing."}),
        chunk({"content": "Done."}, finish="stop"),
    )
    chunks, s = stream(server, body, provider="openai-compatible")
    assert [c.delta_message.reasoning for c in chunks] == ["Think", "ing.", None]
    final = s.get_final_completion().choices[0].message
    assert (final.reasoning, final.content) == ("Thinking.", "Done.")


def test_a_whole_answer_reads_reasoning_and_text_parts_the_same_way(server: SSEServer) -> None:
    answer = {
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "logprobs": None,
                "message": {
                    "role": "assistant",
                    "content": [
                        {"type": "thinking", "thinking": [{"type": "text", "text": "Hmm."}]},
                        {"type": "text", "text": "Yes."},
                    ],
                },
            }
        ]
    }
    server.script(
        Reply(
            [json.dumps(answer).encode()],
            headers={"Content-Type": "application/json"},
            framing="length",
        )
    )
    client = trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url)
    message = client.chat.completions.create(model="m", messages=ASK).choices[0].message
    assert (message.content, message.reasoning) == ("Yes.", "Hmm.")
    assert message.parts is not None and len(message.parts) == 2


def test_is_last_chunk_exactly_once_with_an_unasked_usage_chunk(server: SSEServer) -> None:
    body = sse(
        chunk({"role": "assistant", "content": "Hi"}),
        chunk({}, finish="stop"),
        chunk(usage=USAGE, choices=False),
    )
    chunks, s = stream(server, body, provider="gradient")
    # The true last chunk: the finishing chunk is held back until the next event says whether
    # it was the last (issue 20); here the usage chunk after it is.
    assert [c.is_last_chunk for c in chunks] == [False, False, True]
    assert s.get_final_completion().usage is not None


@pytest.mark.parametrize("usage", [False, True], ids=["no-usage", "usage-after"])
def test_is_last_chunk_is_the_true_last_when_events_arrive_apart(
    server: SSEServer, usage: bool
) -> None:
    # Each event in a read of its own, 50 ms apart: the finishing chunk is held across reads.
    events = [chunk({"role": "assistant", "content": "Hi"}), chunk({}, finish="stop")]
    if usage:
        events.append(chunk(usage=USAGE, choices=False))
    pieces: list[bytes | float] = []
    for event in events:
        pieces += [sse(event, done=False), 0.05]
    pieces.append(b"data: [DONE]\n\n")
    chunks, _ = stream(server, *pieces, provider="gradient")
    assert [c.is_last_chunk for c in chunks] == [False] * (len(events) - 1) + [True]
    assert chunks[-1].usage is not None if usage else chunks[-1].choices[0].finish_reason == "stop"


def test_a_held_finishing_chunk_is_the_last_when_the_body_ends_without_done(
    server: SSEServer,
) -> None:
    body = sse(chunk({"role": "assistant", "content": "Hi"}), chunk({}, finish="stop"), done=False)
    chunks, s = stream(server, body, provider="gradient")
    assert [c.is_last_chunk for c in chunks] == [False, True]
    assert s.get_final_completion().choices[0].finish_reason == "stop"


def test_delta_message_is_never_none(server: SSEServer) -> None:
    body = sse(
        chunk({"role": "assistant", "content": "Hi"}, finish="stop"),
        chunk(usage=USAGE, choices=False),
    )
    chunks, _ = stream(server, body, provider="gradient", stream_options={"include_usage": True})
    text = "".join(c.delta_message.content or "" for c in chunks)  # the README's loop
    assert text == "Hi"
    assert chunks[-1].delta_message.content is None


def test_empty_events_do_not_defeat_the_idle_timeout(server: SSEServer) -> None:
    pieces: list[bytes | float] = [sse(chunk({"role": "assistant", "content": "Hi"}), done=False)]
    for _ in range(8):
        pieces += [0.3, b"data: {}\n\n"]
    server.script(Reply(pieces, headers={"Content-Type": "text/event-stream"}))
    client = trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url, max_retries=0)
    with pytest.raises(APITimeoutError, match="stream_idle_timeout"):
        list(client.chat.completions.stream(model="m", messages=ASK, stream_idle_timeout=1.0))


def test_a_complete_last_event_without_its_blank_line_is_delivered(server: SSEServer) -> None:
    body = sse(chunk({"role": "assistant", "content": "Hi"}), done=False)
    body += b"data: " + json.dumps(chunk({"content": "!"})).encode() + b"\n"
    server.script(Reply([body], headers={"Content-Type": "text/event-stream"}, framing="close"))
    client = trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url, max_retries=0)
    seen = []
    with pytest.raises(APIStreamError, match="cut"):
        for piece in client.chat.completions.stream(model="m", messages=ASK):
            seen.append(piece.delta_message.content)
    assert seen == ["Hi", "!"]  # every chunk that came, then the truth: no end was sent


def test_final_completion_has_latency_request_id_and_headers(server: SSEServer) -> None:
    body = sse(chunk({"role": "assistant", "content": "Hi"}, finish="stop"))
    server.script(
        Reply([body], headers={"Content-Type": "text/event-stream", "x-request-id": "req-42"})
    )
    client = trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url)
    final = client.chat.completions.stream(model="m", messages=ASK).get_final_completion()
    assert final.request_id == "req-42"
    assert final.headers is not None and final.headers["x-request-id"] == "req-42"
    assert final.latency is not None and final.latency > 0


@pytest.mark.parametrize(
    "bad",
    [
        {"logprobs": 5},
        {"index": [0]},
        {"delta": {"tool_calls": [{"index": 0, "id": ["x"], "function": {"name": 5}}]}},
        {"delta": {"refusal": ["x"]}},
    ],
    ids=["logprobs", "index", "tool-call-id", "refusal"],
)
def test_wrong_value_types_give_a_typed_error_and_close_the_response(
    server: SSEServer, bad: dict[str, Any]
) -> None:
    wrong = chunk({"content": "!"})
    wrong["choices"][0].update(bad)
    body = sse(chunk({"role": "assistant", "content": "Hi"}), wrong, done=True)
    server.script(Reply([body], headers={"Content-Type": "text/event-stream"}))
    client = trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url, max_retries=0)
    s = client.chat.completions.stream(model="m", messages=ASK)
    seen = []
    with pytest.raises(APIStreamError, match="cannot read"):
        for piece in s:
            seen.append(piece.delta_message.content)
    assert seen == ["Hi"]
    assert s.response.is_closed


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_json_answer_to_a_stream_request_is_not_lost(server: SSEServer, mode: str) -> None:
    answer = {
        "id": "c-9",
        "object": "chat.completion",
        "created": 1763800000,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "logprobs": None,
                "message": {
                    "role": "assistant",
                    "content": "Checking.",
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": "f", "arguments": "{}"},
                        }
                    ],
                },
            }
        ],
        "usage": USAGE,
    }
    body = json.dumps(answer).encode()
    server.script(Reply([body], headers={"Content-Type": "application/json"}, framing="length"))
    if mode == "sync":
        s = trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url).chat.completions.stream(
            model="m", messages=ASK
        )
        chunks = list(s)
        final = s.get_final_completion()
    else:
        a = trilogue.AsyncTrilogue("mistral", api_key=KEY, base_url=server.url)
        astream = await a.chat.completions.stream(model="m", messages=ASK)
        chunks = [c async for c in astream]
        final = await astream.get_final_completion()
    (only,) = chunks
    assert only.is_last_chunk and only.delta_message.content == "Checking."
    assert final.choices[0].message.content == "Checking."
    assert final.choices[0].finish_reason == "tool_calls"
    (call,) = final.choices[0].message.tool_calls or []
    assert (call.id, call.function.name) == ("call_1", "f")
    assert final.usage is not None and final.usage.total_tokens == 5


OVERLOADED = b'data: {"error": {"message": "The model is overloaded", "code": 503}}\n\n'


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_an_error_before_any_content_is_retried(server: SSEServer, mode: str) -> None:
    good = sse(
        chunk({"role": "assistant", "content": "Hi"}), chunk({"content": "!"}, finish="stop")
    )
    role_only = sse(chunk({"role": "assistant", "content": ""}), done=False)
    headers = {"Content-Type": "text/event-stream"}
    server.script(Reply([role_only + OVERLOADED], headers=headers), Reply([good], headers=headers))
    if mode == "sync":
        c = trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url, max_retry_delay=0.01)
        s = c.chat.completions.stream(model="m", messages=ASK)
        texts = [piece.delta_message.content for piece in s]
        final = s.get_final_completion()
    else:
        a = trilogue.AsyncTrilogue(
            "mistral", api_key=KEY, base_url=server.url, max_retry_delay=0.01
        )
        astream = await a.chat.completions.stream(model="m", messages=ASK)
        texts = [piece.delta_message.content async for piece in astream]
        final = await astream.get_final_completion()
    assert "".join(t or "" for t in texts) == "Hi!"  # nothing repeated
    assert final.choices[0].message.content == "Hi!"
    assert len(server.requests) == 2


def test_an_error_after_content_is_not_retried(server: SSEServer) -> None:
    body = sse(chunk({"role": "assistant", "content": "Hi"}), done=False) + OVERLOADED
    server.script(Reply([body], headers={"Content-Type": "text/event-stream"}))
    c = trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url, max_retry_delay=0.01)
    with pytest.raises(APIStreamError, match="overloaded"):
        list(c.chat.completions.stream(model="m", messages=ASK))
    assert len(server.requests) == 1


def test_a_client_error_event_is_not_retried(server: SSEServer) -> None:
    body = b'data: {"error": {"message": "bad request", "code": 400}}\n\n'
    server.script(Reply([body], headers={"Content-Type": "text/event-stream"}))
    c = trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url, max_retry_delay=0.01)
    with pytest.raises(APIStreamError, match="bad request"):
        list(c.chat.completions.stream(model="m", messages=ASK))
    assert len(server.requests) == 1
