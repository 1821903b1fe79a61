"""trilogue against a real OpenAI-compatible server nobody here wrote: llama.cpp's llama-server
running SmolLM2-135M-Instruct."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import jsonschema
import pytest

import trilogue

from .conftest import MODEL

pytestmark = pytest.mark.integration

ASK = [{"role": "user", "content": "Write one sentence about the sea."}]
WEATHER_PARAMETERS: dict[str, Any] = {
    "type": "object",
    "properties": {
        # Bounded: unbounded, a 135M model now and then fills the string until max_tokens.
        "city": {"type": "string", "maxLength": 40},
        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
    },
    "required": ["city", "unit"],
    "additionalProperties": False,
}
WEATHER_TOOL: dict[str, Any] = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather in a city.",
        "parameters": WEATHER_PARAMETERS,
    },
}
PERSON_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
    "required": ["name", "age"],
    "additionalProperties": False,
}
GREEDY: dict[str, Any] = {"temperature": 0, "seed": 42, "max_tokens": 40}


def _text(completion: trilogue.ChatCompletion) -> str:
    message = completion.assistant_message
    assert message is not None
    assert isinstance(message.content, str)
    return message.content


def test_plain_completion(client: trilogue.Trilogue) -> None:
    completion = client.chat.completions.create(model=MODEL, messages=ASK, max_tokens=40)
    assert isinstance(completion, trilogue.ChatCompletion)
    assert _text(completion).strip()
    assert completion.choices[0].finish_reason in ("stop", "length")
    usage = completion.usage
    assert usage is not None and usage.prompt_tokens and usage.completion_tokens
    assert usage.prompt_tokens + usage.completion_tokens == usage.total_tokens
    assert completion.latency is not None and completion.latency > 0


async def test_plain_completion_async(aclient: trilogue.AsyncTrilogue) -> None:
    completion = await aclient.chat.completions.create(model=MODEL, messages=ASK, max_tokens=40)
    assert _text(completion).strip()
    assert completion.usage is not None and completion.usage.total_tokens


def test_greedy_is_repeatable_and_streaming_matches(client: trilogue.Trilogue) -> None:
    first = _text(client.chat.completions.create(model=MODEL, messages=ASK, **GREEDY))
    second = _text(client.chat.completions.create(model=MODEL, messages=ASK, **GREEDY))
    assert first == second
    with client.chat.completions.stream(model=MODEL, messages=ASK, **GREEDY) as stream:
        chunks = list(stream)
        streamed = stream.get_final_completion()
    assert _text(streamed) == first
    assert chunks[-1].is_last_chunk and not any(c.is_last_chunk for c in chunks[:-1])


async def test_greedy_streaming_matches_async(aclient: trilogue.AsyncTrilogue) -> None:
    plain = _text(await aclient.chat.completions.create(model=MODEL, messages=ASK, **GREEDY))
    stream = await aclient.chat.completions.stream(model=MODEL, messages=ASK, **GREEDY)
    async with stream:
        streamed = await stream.get_final_completion()
    assert _text(streamed) == plain


def test_max_tokens_gives_length(client: trilogue.Trilogue) -> None:
    completion = client.chat.completions.create(model=MODEL, messages=ASK, max_tokens=5)
    assert completion.choices[0].finish_reason == "length"
    assert completion.usage is not None and completion.usage.completion_tokens == 5


def test_stop_sequence_is_honoured(client: trilogue.Trilogue) -> None:
    full = _text(client.chat.completions.create(model=MODEL, messages=ASK, **GREEDY))
    words = full.split()
    assert len(words) >= 4, full
    stop = words[len(words) // 2]
    cut = _text(client.chat.completions.create(model=MODEL, messages=ASK, stop=[stop], **GREEDY))
    assert stop not in cut
    assert full.startswith(cut.rstrip()), (cut, full)
    assert len(cut) < len(full)


def _check_tool_call(completion: trilogue.ChatCompletion) -> None:
    message = completion.assistant_message
    assert message is not None and message.tool_calls, message
    call = message.tool_calls[0]
    assert call.function is not None and call.function.name == "get_weather"
    arguments = call.function.arguments
    assert isinstance(arguments, str)
    jsonschema.validate(json.loads(arguments), WEATHER_PARAMETERS)


@pytest.mark.parametrize(
    "prompt",
    ["What's the weather in Paris?", "Tell me a joke about cats.", "What is 2 + 2?"],
)
def test_required_tool_call(client: trilogue.Trilogue, prompt: str) -> None:
    # Prompts that have nothing to do with weather too: the call must come from the grammar that
    # tool_choice="required" forces, not from the model happening to want the tool.
    completion = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": prompt}],
        tools=[WEATHER_TOOL],
        tool_choice="required",
        temperature=0,
        max_tokens=80,
    )
    _check_tool_call(completion)
    assert completion.choices[0].finish_reason == "tool_calls"


def test_required_tool_call_streamed(client: trilogue.Trilogue) -> None:
    with client.chat.completions.stream(
        model=MODEL,
        messages=[{"role": "user", "content": "Tell me a joke about cats."}],
        tools=[WEATHER_TOOL],
        tool_choice="required",
        temperature=0,
        max_tokens=80,
    ) as stream:
        pieces = sum(
            1 for chunk in stream if chunk.delta_message and chunk.delta_message.tool_calls
        )
        completion = stream.get_final_completion()
    assert pieces >= 1
    _check_tool_call(completion)


async def test_required_tool_call_async(aclient: trilogue.AsyncTrilogue) -> None:
    completion = await aclient.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "What's the weather in Oslo?"}],
        tools=[WEATHER_TOOL],
        tool_choice="required",
        temperature=0,
        max_tokens=80,
    )
    _check_tool_call(completion)


def test_json_schema_response_format(client: trilogue.Trilogue) -> None:
    completion = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Invent a person with a name and an age."}],
        response_format={
            "type": "json_schema",
            "json_schema": {"name": "person", "schema": PERSON_SCHEMA},
        },
        temperature=0,
        max_tokens=60,
    )
    jsonschema.validate(json.loads(_text(completion)), PERSON_SCHEMA)


def test_logprobs(client: trilogue.Trilogue) -> None:
    completion = client.chat.completions.create(
        model=MODEL, messages=ASK, logprobs=True, top_logprobs=3, max_tokens=8
    )
    logprobs = completion.choices[0].logprobs
    assert logprobs is not None and logprobs.content
    for token in logprobs.content:
        assert isinstance(token.token, str) and token.logprob <= 0
        assert token.top_logprobs is not None and len(token.top_logprobs) == 3


async def test_sixteen_concurrent_requests(aclient: trilogue.AsyncTrilogue) -> None:
    prompts = [f"Say a word that rhymes with number {i}." for i in range(16)]
    results = await asyncio.gather(
        *(
            aclient.chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": p}], max_tokens=12
            )
            for p in prompts
        )
    )
    assert len(results) == 16
    for completion in results:
        assert completion.usage is not None and completion.usage.completion_tokens
        assert completion.choices[0].finish_reason in ("stop", "length")


def test_server_errors_map_to_typed_errors(client: trilogue.Trilogue) -> None:
    too_long = "lorem ipsum dolor " * 3000
    with pytest.raises(trilogue.APIStatusError) as caught:
        client.with_options(max_retries=0).chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": too_long}], max_tokens=5
        )
    error = caught.value
    assert 400 <= error.status_code < 500
    assert isinstance(error, trilogue.BadRequestError) == (error.status_code == 400)
    assert error.provider == "openai-compatible"
    assert isinstance(error.body, dict)
    server_message = error.body["error"]["message"]
    assert server_message and server_message in str(error)


def test_bad_field_is_a_bad_request(client: trilogue.Trilogue) -> None:
    with pytest.raises(trilogue.BadRequestError) as caught:
        client.chat.completions.create(
            model=MODEL, messages=ASK, max_tokens=5, extra_body={"messages": "not a list"}
        )
    assert caught.value.status_code == 400
