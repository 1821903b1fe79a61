"""trilogue.testing.FakeProvider: each wire format, streams and faults, sync and async."""

from __future__ import annotations

import json
import time

import pytest

import trilogue
from trilogue.testing import Cut, FakeProvider, FakeProviderError, Stall, StreamError, ToolCall

PROVIDERS = ["mistral", "gradient", "llama", "llama-compat", "openai-compatible"]
MESSAGES = [{"role": "user", "content": "Hi"}]


def stream_options(provider: str) -> dict[str, object]:
    # Gradient and OpenAI-compatible servers send usage in streams only when asked.
    if provider in ("gradient", "openai-compatible"):
        return {"stream_options": {"include_usage": True}}
    return {}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_completion_in_each_wire_format(provider: str) -> None:
    fake = FakeProvider(provider).add_response("Bonjour !", usage=(7, 3))
    with fake.client() as client:
        completion = client.chat.completions.create(model="m1", messages=MESSAGES)
    assert completion.assistant_message is not None
    assert completion.assistant_message.content == "Bonjour !"
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage is not None
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (7, 3)
    [request] = fake.requests
    assert request.method == "POST" and request.path == "/v1/chat/completions"
    assert request.json == {"model": "m1", "messages": MESSAGES}
    assert request.headers["authorization"] == "Bearer fake-api-key"
    assert fake.pending == 0


@pytest.mark.parametrize("provider", PROVIDERS)
def test_stream_chunk_by_chunk(provider: str) -> None:
    fake = FakeProvider(provider).add_response(chunks=["Bon", "jour", " !"], usage=(5, 3))
    with (
        fake.client() as client,
        client.chat.completions.stream(
            model="m", messages=MESSAGES, **stream_options(provider)
        ) as stream,
    ):
        pieces = [c.delta_message.content for c in stream if c.delta_message]
        final = stream.get_final_completion()
    assert [p for p in pieces if p] == ["Bon", "jour", " !"]
    assert final.assistant_message is not None
    assert final.assistant_message.content == "Bonjour !"
    assert final.usage is not None and final.usage.total_tokens == 8
    assert fake.requests[0].stream is True
    assert fake.requests[0].headers["accept"] == "text/event-stream"


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("stream", [False, True])
def test_tool_calls(provider: str, stream: bool) -> None:
    call = ToolCall("get_weather", {"city": "Paris", "unit": "celsius"}, id="call_1")
    fake = FakeProvider(provider).add_response(tool_calls=[call])
    tools = [{"type": "function", "function": {"name": "get_weather", "parameters": {}}}]
    with fake.client() as client:
        if stream:
            with client.chat.completions.stream(model="m", messages=MESSAGES, tools=tools) as s:
                for _ in s:
                    pass
                completion = s.get_final_completion()
        else:
            completion = client.chat.completions.create(model="m", messages=MESSAGES, tools=tools)
    message = completion.assistant_message
    assert message is not None and message.tool_calls
    [got] = message.tool_calls
    assert got.id == "call_1"
    assert got.function is not None and got.function.name == "get_weather"
    arguments = got.function.arguments
    assert isinstance(arguments, str)
    assert json.loads(arguments) == {"city": "Paris", "unit": "celsius"}
    assert completion.choices[0].finish_reason == "tool_calls"


@pytest.mark.parametrize("provider", PROVIDERS)
def test_status_with_retry_after_is_retried(provider: str) -> None:
    fake = FakeProvider(provider).add_error(429, "slow down", retry_after=0.2).add_response("ok")
    with fake.client(max_retries=1) as client:
        started = time.monotonic()
        completion = client.chat.completions.create(model="m", messages=MESSAGES)
        waited = time.monotonic() - started
    assert completion.assistant_message is not None
    assert completion.assistant_message.content == "ok"
    assert len(fake.requests) == 2
    assert waited >= 0.2


@pytest.mark.parametrize("provider", PROVIDERS)
def test_status_error_carries_the_providers_message(provider: str) -> None:
    fake = FakeProvider(provider).add_error(503, "overloaded, sorry")
    with fake.client(max_retries=0) as client, pytest.raises(trilogue.InternalServerError) as info:
        client.chat.completions.create(model="m", messages=MESSAGES)
    assert info.value.status_code == 503
    assert "overloaded, sorry" in str(info.value)
    assert "fake-api-key" not in str(info.value)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_cut_mid_stream(provider: str) -> None:
    fake = FakeProvider(provider).add_response(chunks=["a", "b", "c"], fault=Cut(), fault_after=2)
    seen: list[str] = []
    with (
        fake.client() as client,
        pytest.raises(trilogue.APIStreamError),
        client.chat.completions.stream(model="m", messages=MESSAGES) as stream,
    ):
        for chunk in stream:
            if chunk.delta_message and chunk.delta_message.content:
                seen.append(chunk.delta_message.content)
    assert seen == ["a", "b"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_error_event_mid_stream(provider: str) -> None:
    fault = StreamError("model fell over")
    fake = FakeProvider(provider).add_response(chunks=["a", "b"], fault=fault, fault_after=1)
    seen: list[str] = []
    with (
        fake.client() as client,
        pytest.raises(trilogue.APIStreamError) as info,
        client.chat.completions.stream(model="m", messages=MESSAGES) as stream,
    ):
        for chunk in stream:
            if chunk.delta_message and chunk.delta_message.content:
                seen.append(chunk.delta_message.content)
    assert seen == ["a"]
    assert "model fell over" in str(info.value)


def test_stall_mid_stream_trips_the_idle_timeout() -> None:
    fake = FakeProvider("mistral").add_response(chunks=["a", "b"], fault=Stall(30), fault_after=1)
    started = time.monotonic()
    with (
        fake.client(stream_idle_timeout=0.3) as client,
        pytest.raises(trilogue.APITimeoutError),
        client.chat.completions.stream(model="m", messages=MESSAGES) as stream,
    ):
        for _ in stream:
            pass
    assert time.monotonic() - started < 5


def test_short_stall_is_only_slow() -> None:
    fake = FakeProvider("gradient").add_response(chunks=["a", "b"], fault=Stall(0.2))
    with fake.client() as client:
        started = time.monotonic()
        completion = client.chat.completions.stream(model="m", messages=MESSAGES)
        with completion as stream:
            final = stream.get_final_completion()
    assert final.assistant_message is not None and final.assistant_message.content == "ab"
    assert time.monotonic() - started >= 0.2


def test_delay_past_the_timeout_is_retried_then_fails() -> None:
    fake = FakeProvider("llama").add_response("late", delay=30).add_response("late", delay=30)
    with (
        fake.client(timeout=0.2, max_retries=1) as client,
        pytest.raises(trilogue.APITimeoutError),
    ):
        client.chat.completions.create(model="m", messages=MESSAGES)
    assert len(fake.requests) == 2


def test_cut_before_any_answer_is_a_connection_error() -> None:
    fake = FakeProvider("mistral").add_response("x", fault=Cut())
    with fake.client(max_retries=0) as client, pytest.raises(trilogue.APIConnectionError):
        client.chat.completions.create(model="m", messages=MESSAGES)


def test_unscripted_request_says_so() -> None:
    fake = FakeProvider("mistral")
    with fake.client() as client, pytest.raises(FakeProviderError, match="no scripted reply"):
        client.chat.completions.create(model="m", messages=MESSAGES)


def test_unknown_provider() -> None:
    with pytest.raises(ValueError, match="Unknown provider"):
        FakeProvider("openai")


def test_repr_hides_the_key() -> None:
    fake = FakeProvider("mistral").add_response("x")
    with fake.client(api_key="sk-SECRET-1") as client:
        client.chat.completions.create(model="m", messages=MESSAGES)
    assert "sk-SECRET-1" not in repr(fake.requests) + repr(fake)
    assert fake.requests[0].headers["authorization"] == "Bearer sk-SECRET-1"


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_async_stream_and_faults(provider: str) -> None:
    fake = (
        FakeProvider(provider)
        .add_error(500, retry_after=0)
        .add_response(chunks=["x", "y"], usage=(1, 2))
        .add_response(chunks=["z"], fault=Cut())
    )
    async with fake.async_client(max_retries=1) as client:
        async with await client.chat.completions.stream(
            model="m", messages=MESSAGES, **stream_options(provider)
        ) as stream:
            text = [c.delta_message.content async for c in stream if c.delta_message]
            final = await stream.get_final_completion()
        with pytest.raises(trilogue.APIStreamError):
            async with await client.chat.completions.stream(model="m", messages=MESSAGES) as s:
                async for _ in s:
                    pass
    assert "".join(t for t in text if t) == "xy"
    assert final.usage is not None and final.usage.completion_tokens == 2
    assert [r.stream for r in fake.requests] == [True, True, True]


async def test_async_stall_trips_the_idle_timeout() -> None:
    fake = FakeProvider("llama-compat").add_response(chunks=["a"], fault=Stall(30), fault_after=0)
    async with fake.async_client(stream_idle_timeout=0.2) as client:
        stream = await client.chat.completions.stream(model="m", messages=MESSAGES)
        with pytest.raises(trilogue.APITimeoutError):
            async with stream:
                async for _ in stream:
                    pass
