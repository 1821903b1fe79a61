"""The openai tool round trip: `messages.append(completion.choices[0].message)` sends the model's
message back in each provider's own request shape (the spec's `AssistantMessage`), with nothing a
strict provider rejects: no response-only fields, no nulls, Llama's tool calls without `type`."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fault_server import FaultServer, Reply

from trilogue import AsyncTrilogue, Trilogue
from trilogue.types import MessageParam

KEY = "sk-round-trip"
ARGUMENTS = '{"city": "Paris"}'
TOOL_CALL_ANSWER: dict[str, Any] = {
    "id": "chatcmpl-1",
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
                "content": None,
                "refusal": None,
                "reasoning_content": "The user wants the weather.",
                "annotations": [],
                "tool_calls": [
                    {
                        "id": "call_1",
                        "type": "function",
                        "index": 0,
                        "function": {"name": "get_weather", "arguments": {"city": "Paris"}},
                    }
                ],
            },
        }
    ],
    "usage": {"prompt_tokens": 9, "completion_tokens": 5, "total_tokens": 14},
}
LLAMA_TOOL_CALL_ANSWER: dict[str, Any] = {
    "id": "l-1",
    "completion_message": {
        "role": "assistant",
        "content": {"type": "text", "text": ""},
        "stop_reason": "tool_calls",
        "tool_calls": [
            {"id": "call_1", "function": {"name": "get_weather", "arguments": ARGUMENTS}}
        ],
    },
    "metrics": [{"metric": "num_total_tokens", "value": 14}],
}
FINAL = {
    **TOOL_CALL_ANSWER,
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "logprobs": None,
            "message": {"role": "assistant", "content": "18 C"},
        }
    ],
}
OPENAI_CALL = {
    "id": "call_1",
    "type": "function",
    "function": {"name": "get_weather", "arguments": ARGUMENTS},
}
REASONED = {"role": "assistant", "reasoning_content": "The user wants the weather."}
LLAMA_CALL = {"id": "call_1", "function": {"name": "get_weather", "arguments": ARGUMENTS}}


async def round_trip(mode: str, provider: str, first: dict[str, Any]) -> dict[str, Any]:
    """Asks, appends the returned message and a tool answer, asks again; the second body."""
    messages: list[MessageParam] = [{"role": "user", "content": "Weather in Paris?"}]
    with FaultServer() as server:
        server.script(Reply(200, first), Reply(200, FINAL))
        if mode == "sync":
            with Trilogue(provider, api_key=KEY, base_url=server.url) as client:
                message = client.chat.completions.create(model="m", messages=messages)
                messages.append(message.choices[0].message)
                messages.append({"role": "tool", "tool_call_id": "call_1", "content": "18 C"})
                client.chat.completions.create(model="m", messages=messages)
        else:
            async with AsyncTrilogue(provider, api_key=KEY, base_url=server.url) as aclient:
                answer = await aclient.chat.completions.create(model="m", messages=messages)
                messages.append(answer.choices[0].message)
                messages.append({"role": "tool", "tool_call_id": "call_1", "content": "18 C"})
                await aclient.chat.completions.create(model="m", messages=messages)
        body: dict[str, Any] = server.requests[1].json()
    return body


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    ("provider", "first", "sent_back"),
    [
        ("mistral", TOOL_CALL_ANSWER, {"role": "assistant", "tool_calls": [OPENAI_CALL]}),
        # Gradient's chat message takes reasoning_content as history (digitalocean/openapi
        # chat_message.yml); an OpenAI-compatible server is sent every field the spec knows.
        ("gradient", TOOL_CALL_ANSWER, {**REASONED, "tool_calls": [OPENAI_CALL]}),
        ("llama-compat", TOOL_CALL_ANSWER, {"role": "assistant", "tool_calls": [OPENAI_CALL]}),
        ("openai-compatible", TOOL_CALL_ANSWER, {**REASONED, "tool_calls": [OPENAI_CALL]}),
        ("llama", TOOL_CALL_ANSWER, {"role": "assistant", "tool_calls": [LLAMA_CALL]}),
        (
            "llama",
            LLAMA_TOOL_CALL_ANSWER,
            {"role": "assistant", "content": "", "tool_calls": [LLAMA_CALL]},
        ),
    ],
)
async def test_returned_message_goes_back_in_the_provider_shape(
    mode: str, provider: str, first: dict[str, Any], sent_back: dict[str, Any]
) -> None:
    body = await round_trip(mode, provider, first)
    assert body["messages"] == [
        {"role": "user", "content": "Weather in Paris?"},
        sent_back,
        {"role": "tool", "tool_call_id": "call_1", "content": "18 C"},
    ]
    # Mistral's object arguments come back as the JSON string every provider takes.
    assert json.loads(body["messages"][1]["tool_calls"][0]["function"]["arguments"]) == {
        "city": "Paris"
    }


# What a returned message carries besides text and tool calls, and what goes back per provider
# (the spec's request `AssistantMessage` for each: refusal on Gradient and OpenAI-compatible
# servers; Mistral's thinking parts with their signature; Gradient's reasoning_content).
def _answer(message: dict[str, Any]) -> dict[str, Any]:
    return {
        **TOOL_CALL_ANSWER,
        "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
    }


REFUSAL = {"role": "assistant", "content": None, "refusal": "I can't help with that."}
THINKING_PARTS = [
    {
        "type": "thinking",
        "thinking": [{"type": "text", "text": "Search first."}],
        "signature": "c2ln",
    },
    {"type": "text", "text": "It is Paris."},
]
THOUGHT = {"role": "assistant", "content": THINKING_PARTS}
REASONING = {"role": "assistant", "content": "It is Paris.", "reasoning_content": "The capital."}
AS_TEXT = {"role": "assistant", "content": "I can't help with that."}
ROUND_TRIPS = [
    # A refusal: as `refusal` beside `content: null` where the schema has it, else as the text.
    ("mistral", REFUSAL, AS_TEXT),
    ("gradient", REFUSAL, REFUSAL),
    ("llama-compat", REFUSAL, AS_TEXT),
    ("llama", REFUSAL, AS_TEXT),
    ("openai-compatible", REFUSAL, REFUSAL),
    # Mistral's thinking parts go back whole, signature included; others take the text.
    ("mistral", THOUGHT, THOUGHT),
    ("gradient", THOUGHT, {"role": "assistant", "content": "It is Paris."}),
    ("llama-compat", THOUGHT, {"role": "assistant", "content": "It is Paris."}),
    # Gradient takes reasoning_content as history; Mistral and Llama have no such field.
    ("gradient", REASONING, REASONING),
    ("mistral", REASONING, {"role": "assistant", "content": "It is Paris."}),
    ("llama", REASONING, {"role": "assistant", "content": "It is Paris."}),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("provider", "returned", "sent_back"), ROUND_TRIPS)
async def test_reasoning_and_refusals_go_back_as_the_provider_takes_them(
    mode: str, provider: str, returned: dict[str, Any], sent_back: dict[str, Any]
) -> None:
    body = await round_trip(mode, provider, _answer(returned))
    assert body["messages"][1] == sent_back
