"""The generated models on realistic provider bodies.

The bodies below follow shared/reference/wire-formats.md: what the Llama API (native and compat),
DigitalOcean Gradient and Mistral actually send. Each is read into the model the generated
endpoint's `response_model` / `stream_chunk_model` names, checked field by field, and written
back with `to_dict()`, which must give the original JSON again.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from trilogue_api.api.chat import create_chat_completion
from trilogue_api.models import (
    AssistantMessage,
    AssistantToolCall,
    CacheControl,
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionMessage,
    ChatCompletionMessageToolCall,
    CompletionUsage,
    CreateChatCompletionRequest,
    DeveloperMessage,
    ImageUrl,
    ImageUrlContentPart,
    LlamaChatCompletion,
    LlamaChatCompletionChunk,
    LlamaTextContent,
    LlamaTextDelta,
    LlamaToolCall,
    LlamaToolCallDelta,
    LogitBias,
    Metadata,
    ModelCapabilities,
    ModelList,
    NamedToolChoice,
    OpaqueContentPart,
    ResponseFormatJsonSchema,
    SystemMessage,
    TextContentPart,
    ThinkingContentPart,
    ToolMessage,
    UserMessage,
    VideoUrlContentPart,
)
from trilogue_api.types import Unset

JSON = dict[str, Any]


def parse_response_body(data: Any) -> Any:
    """A response body read into the model the endpoint module says it is."""
    return create_chat_completion.response_model(data).from_dict(data)


def parse_stream_chunk(data: Any) -> Any:
    """A streamed event read into the chunk model the endpoint module says it is."""
    return create_chat_completion.stream_chunk_model(data).from_dict(data)


# --------------------------------------------------------------------------- response bodies

LLAMA_NATIVE_TOOL_CALL: JSON = {
    "id": "AhBkCu3tTmOWW0Yt9D-hDg",
    "completion_message": {
        "role": "assistant",
        "content": {"type": "text", "text": ""},
        "stop_reason": "tool_calls",
        "tool_calls": [
            {
                "id": "3f1e6c2a-8b9d-4d0e-a1f2-5c6b7a8d9e0f",
                "function": {
                    "name": "get_weather",
                    "arguments": '{"city": "Paris", "unit": "celsius"}',
                },
            }
        ],
    },
    "metrics": [
        {"metric": "num_completion_tokens", "value": 21, "unit": "tokens"},
        {"metric": "num_prompt_tokens", "value": 187, "unit": "tokens"},
        {"metric": "num_total_tokens", "value": 208, "unit": "tokens"},
    ],
}

LLAMA_NATIVE_TEXT: JSON = {
    "id": "Vd2GqkWQTLKzH3pE5r9b1A",
    "completion_message": {
        "role": "assistant",
        "content": "Paris is the capital of France. It sits on the Seine.",
        "stop_reason": "stop",
    },
    "metrics": [
        {"metric": "num_completion_tokens", "value": 14, "unit": "tokens"},
        {"metric": "num_prompt_tokens", "value": 24, "unit": "tokens"},
        {"metric": "num_total_tokens", "value": 38, "unit": "tokens"},
    ],
}

GRADIENT_REASONING: JSON = {
    "id": "chatcmpl-b5c1e0d2a7f94e3c8d6a1b2c3d4e5f60",
    "object": "chat.completion",
    "created": 1731974512,
    "model": "deepseek-r1-distill-llama-70b",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "message": {
                "role": "assistant",
                "content": "Café de Flore, in Paris.",
                "refusal": None,
                "reasoning_content": "The user wants a famous café. Café de Flore fits.",
            },
            "logprobs": {
                "content": [
                    {
                        "token": "Caf",
                        "logprob": -0.0031,
                        "bytes": [67, 97, 102],
                        "top_logprobs": [
                            {"token": "Caf", "logprob": -0.0031, "bytes": [67, 97, 102]},
                            {"token": "Les", "logprob": -5.87, "bytes": [76, 101, 115]},
                        ],
                    },
                    {
                        "token": "é",
                        "logprob": -0.00002,
                        "bytes": [195, 169],
                        "top_logprobs": [
                            {"token": "é", "logprob": -0.00002, "bytes": [195, 169]},
                        ],
                    },
                    {
                        "token": "<|eot_id|>",
                        "logprob": -9999.0,
                        "bytes": None,
                        "top_logprobs": [],
                    },
                ],
                "refusal": None,
            },
        }
    ],
    "usage": {
        "prompt_tokens": 1843,
        "completion_tokens": 31,
        "total_tokens": 1874,
        "cache_created_input_tokens": 1810,
        "cache_read_input_tokens": 0,
        "cache_creation": {"ephemeral_5m_input_tokens": 1810, "ephemeral_1h_input_tokens": 0},
    },
}

MISTRAL_TOOL_CALL: JSON = {
    "id": "cmpl-e5cc70bb28c444948073e77776eb30ef",
    "object": "chat.completion",
    "created": 1731974600,
    "model": "voxtral-small-latest",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "",
                "tool_calls": [
                    {
                        "id": "D681PevKs",
                        "type": "function",
                        "function": {
                            "name": "get_weather",
                            "arguments": {"city": "Paris", "days": 2, "units": ["c", "mm"]},
                        },
                    }
                ],
            },
            "finish_reason": "tool_calls",
        }
    ],
    "usage": {
        "prompt_tokens": 412,
        "completion_tokens": 19,
        "total_tokens": 431,
        "prompt_audio_seconds": 12.48,
    },
}

MISTRAL_REASONING_CUT: JSON = {
    "id": "cmpl-2b8a3f0c9d6e4b1aa7f5e4d3c2b1a090",
    "object": "chat.completion",
    "created": 1731974700,
    "model": "magistral-medium-latest",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": [
                    {
                        "type": "thinking",
                        "thinking": [
                            {"type": "text", "text": "France's capital is Paris; answer briefly."}
                        ],
                    },
                    {"type": "text", "text": "The capital of France is Paris, which"},
                ],
            },
            "finish_reason": "model_length",
        }
    ],
    "usage": {"prompt_tokens": 38, "completion_tokens": 40960, "total_tokens": 40998},
}

LLAMA_COMPAT: JSON = {
    "id": "AhBkCu3tTmOWW0Yt9D-hDg",
    "object": "chat.completion",
    "created": 1731974800,
    "model": "Llama-4-Maverick-17B-128E-Instruct-FP8",
    "choices": [
        {
            "index": 0,
            "finish_reason": "tool_calls",
            "logprobs": None,
            "message": {
                "role": "assistant",
                "content": None,
                "refusal": None,
                "tool_calls": [
                    {
                        "id": "call_7Hq2kP9xYbA1",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'},
                    }
                ],
            },
        }
    ],
    "usage": {"prompt_tokens": 187, "completion_tokens": 21, "total_tokens": 208},
}

ALL_RESPONSES = {
    "llama-native-tool-call": LLAMA_NATIVE_TOOL_CALL,
    "llama-native-text": LLAMA_NATIVE_TEXT,
    "gradient-reasoning": GRADIENT_REASONING,
    "mistral-tool-call": MISTRAL_TOOL_CALL,
    "mistral-reasoning-cut": MISTRAL_REASONING_CUT,
    "llama-compat": LLAMA_COMPAT,
}

# --------------------------------------------------------------------------- stream chunks

OPENAI_TOOL_CALL_CHUNK: JSON = {
    "id": "chatcmpl-3f9a1c",
    "object": "chat.completion.chunk",
    "created": 1731974400,
    "model": "llama3.3-70b-instruct",
    "system_fingerprint": "fp_6b68a8204b",
    "choices": [
        {
            "index": 0,
            "delta": {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "index": 0,
                        "id": "call_7Hq2kP9x",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": '{"ci'},
                    }
                ],
            },
            "finish_reason": None,
            "logprobs": None,
        }
    ],
    "usage": None,
}

GRADIENT_USAGE_CHUNK: JSON = {
    "id": "chatcmpl-3f9a1c",
    "object": "chat.completion.chunk",
    "created": 1731974400,
    "model": "llama3.3-70b-instruct",
    "choices": [],
    "usage": {
        "prompt_tokens": 24,
        "completion_tokens": 9,
        "total_tokens": 33,
        "cache_created_input_tokens": 0,
        "cache_read_input_tokens": 0,
    },
}

# Mistral sends neither `usage` nor `logprobs` on its intermediate chunks.
MISTRAL_TEXT_CHUNK: JSON = {
    "id": "e1f5d1a4c7b34c3d9e2f0a1b2c3d4e5f",
    "object": "chat.completion.chunk",
    "created": 1731974600,
    "model": "mistral-small-latest",
    "choices": [{"index": 0, "delta": {"content": " Paris"}, "finish_reason": None}],
}

LLAMA_TOOL_CALL_EVENT: JSON = {
    "id": "AhBkCu3tTmOWW0Yt9D-hDg",
    "event": {
        "event_type": "progress",
        "delta": {
            "type": "tool_call",
            "id": "3f1e6c2a-8b9d-4d0e-a1f2-5c6b7a8d9e0f",
            "function": {"name": "get_weather", "arguments": '{"city": "Pa'},
        },
    },
}

LLAMA_METRICS_EVENT: JSON = {
    "event": {
        "event_type": "metrics",
        "metrics": [
            {"metric": "num_completion_tokens", "value": 21, "unit": "tokens"},
            {"metric": "num_prompt_tokens", "value": 187, "unit": "tokens"},
            {"metric": "num_total_tokens", "value": 208, "unit": "tokens"},
        ],
    }
}

ALL_CHUNKS = {
    "openai-tool-call": OPENAI_TOOL_CALL_CHUNK,
    "gradient-usage-only": GRADIENT_USAGE_CHUNK,
    "mistral-text": MISTRAL_TEXT_CHUNK,
    "llama-tool-call-event": LLAMA_TOOL_CALL_EVENT,
    "llama-metrics-event": LLAMA_METRICS_EVENT,
}

# --------------------------------------------------------------------------- request

FULL_REQUEST: JSON = {
    "model": "mistral-large-latest",
    "messages": [
        {"role": "system", "content": "You are a concise assistant."},
        {"role": "developer", "content": [{"type": "text", "text": "Answer in one sentence."}]},
        {
            "role": "user",
            "content": [
                {
                    "type": "text",
                    "text": "Here is the travel guide: ...",
                    "cache_control": {"type": "ephemeral", "ttl": "1h"},
                },
                {
                    "type": "image_url",
                    "image_url": {"url": "data:image/png;base64,iVBORw0KGgo=", "detail": "low"},
                },
                {"type": "image_url", "image_url": "https://example.com/cat.png"},
                {"type": "video_url", "video_url": {"url": "https://example.com/clip.mp4"}},
                {"type": "document_url", "document_url": "https://arxiv.org/pdf/1706.03762"},
            ],
        },
        {
            "role": "assistant",
            "tool_calls": [
                {
                    "id": "call_7Hq2kP9x",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                }
            ],
        },
        {
            "role": "tool",
            "tool_call_id": "call_7Hq2kP9x",
            "name": "get_weather",
            "content": '{"temperature_c": 18, "sky": "cloudy"}',
        },
        {
            "role": "assistant",
            "content": {"type": "text", "text": "It is 18 °C and cloudy."},
            "stop_reason": "stop",
        },
        {"role": "user", "content": "And tomorrow?"},
        {"role": "assistant", "content": "Tomorrow it will be", "prefix": True},
    ],
    "temperature": 0.3,
    "top_p": 0.9,
    "top_k": 40,
    "repetition_penalty": 1.1,
    "max_tokens": 512,
    "max_completion_tokens": 512,
    "stream": True,
    "stream_options": {"include_usage": True},
    "stop": ["\n\n", "END"],
    "n": 2,
    "frequency_penalty": 0.5,
    "presence_penalty": -0.5,
    "logit_bias": {"50256": -100, "1734": 5},
    "logprobs": True,
    "top_logprobs": 5,
    "seed": 42,
    "random_seed": 42,
    "metadata": {"tenant": "acme", "session": "4f1c2a"},
    "reasoning_effort": "high",
    "user": "user-1234",
    "response_format": {
        "type": "json_schema",
        "json_schema": {
            "name": "forecast",
            "description": "Tomorrow's forecast.",
            "schema": {
                "type": "object",
                "properties": {"temperature_c": {"type": "number"}, "sky": {"type": "string"}},
                "required": ["temperature_c", "sky"],
                "additionalProperties": False,
            },
            "strict": True,
        },
    },
    "tools": [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "Current weather for a city.",
                "parameters": {
                    "type": "object",
                    "properties": {"city": {"type": "string"}},
                    "required": ["city"],
                },
                "strict": True,
            },
        }
    ],
    "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
    "parallel_tool_calls": False,
    "safe_prompt": True,
    "prompt_mode": "reasoning",
    "prediction": {"type": "content", "content": "Tomorrow it will be 20 °C and sunny."},
}

# --------------------------------------------------------------------------- helpers


def _attrs_nodes(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    """Every value in a parsed tree, with its path: attrs fields, list items, dict values."""
    yield path, value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _attrs_nodes(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _attrs_nodes(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _attrs_nodes(item, f"{path}[{key!r}]")


def _json_name(python_name: str) -> str:
    # The generator appends "_" to names that shadow builtins (object_, type_, bytes_).
    return python_name.removesuffix("_")


def _parse(body: JSON) -> Any:
    """Parses a deep copy, and checks that parsing left the caller's dict alone."""
    before = copy.deepcopy(body)
    parsed = parse_response_body(body)
    assert body == before, "parse_response_body modified its input"
    return parsed


# --------------------------------------------------------------------------- Llama native


def test_llama_native_tool_call() -> None:
    completion = _parse(LLAMA_NATIVE_TOOL_CALL)

    assert type(completion) is LlamaChatCompletion
    assert completion.id == "AhBkCu3tTmOWW0Yt9D-hDg"
    message = completion.completion_message
    assert message.role == "assistant"
    assert type(message.content) is LlamaTextContent
    assert message.content.type_ == "text"
    assert message.content.text == ""
    assert message.stop_reason == "tool_calls"
    [call] = message.tool_calls
    assert type(call) is LlamaToolCall
    assert call.id == "3f1e6c2a-8b9d-4d0e-a1f2-5c6b7a8d9e0f"
    assert call.function.name == "get_weather"
    assert call.function.arguments == '{"city": "Paris", "unit": "celsius"}'
    assert {m.metric: m.value for m in completion.metrics} == {
        "num_completion_tokens": 21,
        "num_prompt_tokens": 187,
        "num_total_tokens": 208,
    }
    assert all(m.unit == "tokens" for m in completion.metrics)
    assert completion.to_dict() == LLAMA_NATIVE_TOOL_CALL


def test_llama_native_string_content() -> None:
    completion = _parse(LLAMA_NATIVE_TEXT)

    assert type(completion) is LlamaChatCompletion
    message = completion.completion_message
    assert message.content == "Paris is the capital of France. It sits on the Seine."
    assert type(message.content) is str
    assert message.stop_reason == "stop"
    assert message.tool_calls is None
    assert completion.to_dict() == LLAMA_NATIVE_TEXT


# --------------------------------------------------------------------------- Gradient


def test_gradient_cache_usage_reasoning_and_logprobs() -> None:
    completion = _parse(GRADIENT_REASONING)

    assert type(completion) is ChatCompletion
    assert completion.object_ == "chat.completion"
    assert completion.created == 1731974512
    [choice] = completion.choices
    assert choice.finish_reason == "stop"
    assert choice.message.content == "Café de Flore, in Paris."
    assert choice.message.reasoning_content == "The user wants a famous café. Café de Flore fits."
    assert choice.message.refusal is None

    usage = completion.usage
    assert type(usage) is CompletionUsage
    assert (usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) == (1843, 31, 1874)
    assert usage.cache_created_input_tokens == 1810
    assert usage.cache_read_input_tokens == 0
    assert usage.cache_creation.ephemeral_5m_input_tokens == 1810
    assert type(usage.cache_creation.ephemeral_5m_input_tokens) is int
    assert usage.cache_creation.ephemeral_1h_input_tokens == 0
    assert usage.prompt_audio_seconds is None

    logprobs = choice.logprobs
    assert logprobs.refusal is None
    first, accent, eot = logprobs.content
    assert first.token == "Caf"
    assert first.bytes_ == [67, 97, 102]
    assert [(t.token, t.logprob) for t in first.top_logprobs] == [("Caf", -0.0031), ("Les", -5.87)]
    assert bytes(accent.bytes_).decode("utf-8") == accent.token == "é"
    assert accent.top_logprobs[0].bytes_ == [195, 169]
    assert eot.bytes_ is None
    assert eot.logprob == -9999.0
    assert eot.top_logprobs == []

    assert completion.to_dict() == GRADIENT_REASONING


# --------------------------------------------------------------------------- Mistral


def test_mistral_tool_call_arguments_object_and_audio_usage() -> None:
    completion = _parse(MISTRAL_TOOL_CALL)

    assert type(completion) is ChatCompletion
    [choice] = completion.choices
    assert choice.finish_reason == "tool_calls"
    assert choice.logprobs is None
    [call] = choice.message.tool_calls
    assert type(call) is ChatCompletionMessageToolCall
    assert call.id == "D681PevKs"
    assert call.type_ == "function"
    # The spec's `x-json-string`: Mistral's object arrives as the JSON string every provider sends.
    arguments = call.function.arguments
    assert type(arguments) is str
    assert json.loads(arguments) == {"city": "Paris", "days": 2, "units": ["c", "mm"]}
    assert completion.usage.prompt_audio_seconds == 12.48

    # Mistral's message has no refusal or reasoning_content and its choice no logprobs; all
    # three are required-nullable, so to_dict writes them back as explicit nulls.
    expected = copy.deepcopy(MISTRAL_TOOL_CALL)
    expected["choices"][0]["logprobs"] = None
    expected["choices"][0]["message"]["refusal"] = None
    expected["choices"][0]["message"]["reasoning_content"] = None
    function = expected["choices"][0]["message"]["tool_calls"][0]["function"]
    function["arguments"] = json.dumps(function["arguments"])
    assert completion.to_dict() == expected


def test_mistral_model_length_and_content_parts() -> None:
    completion = _parse(MISTRAL_REASONING_CUT)

    assert type(completion) is ChatCompletion
    [choice] = completion.choices
    assert choice.finish_reason == "model_length"
    thinking, text = choice.message.content
    # Mistral's thinking chunk is typed (ThinkChunk in Mistral's spec, with its signature).
    assert type(thinking) is ThinkingContentPart
    assert thinking.type_ == "thinking"
    assert [part.to_dict() for part in thinking.thinking] == [
        {"type": "text", "text": "France's capital is Paris; answer briefly."}
    ]
    assert thinking.signature is None
    assert type(text) is TextContentPart
    assert text.text == "The capital of France is Paris, which"
    assert choice.message.tool_calls is None

    expected = copy.deepcopy(MISTRAL_REASONING_CUT)
    expected["choices"][0]["logprobs"] = None
    expected["choices"][0]["message"]["refusal"] = None
    expected["choices"][0]["message"]["reasoning_content"] = None
    assert completion.to_dict() == expected


# --------------------------------------------------------------------------- Llama compat


def test_llama_compat_openai_shape() -> None:
    completion = _parse(LLAMA_COMPAT)

    assert type(completion) is ChatCompletion
    assert completion.model == "Llama-4-Maverick-17B-128E-Instruct-FP8"
    [choice] = completion.choices
    assert choice.finish_reason == "tool_calls"
    assert choice.message.content is None
    [call] = choice.message.tool_calls
    assert call.function.arguments == '{"city":"Paris"}'
    assert type(call.function.arguments) is str
    assert completion.usage.total_tokens == 208
    assert completion.usage.cache_creation is None

    # content (null) and refusal (null) come back as sent; the missing reasoning_content is
    # required-nullable and is added as null.
    expected = copy.deepcopy(LLAMA_COMPAT)
    expected["choices"][0]["message"]["reasoning_content"] = None
    assert completion.to_dict() == expected


# --------------------------------------------------------------------------- leniency


def test_unknown_finish_reason_is_kept_as_string() -> None:
    body = copy.deepcopy(GRADIENT_REASONING)
    body["choices"][0]["finish_reason"] = "guardrail_intervened"

    completion = _parse(body)

    assert completion.choices[0].finish_reason == "guardrail_intervened"
    assert type(completion.choices[0].finish_reason) is str
    assert completion.to_dict() == body


def test_unknown_stop_reason_and_event_type_are_kept() -> None:
    body = copy.deepcopy(LLAMA_NATIVE_TEXT)
    body["completion_message"]["stop_reason"] = "max_turns_reached"
    assert _parse(body).completion_message.stop_reason == "max_turns_reached"

    chunk = {"event": {"event_type": "heartbeat"}}
    parsed = parse_stream_chunk(chunk)
    assert parsed.event.event_type == "heartbeat"
    assert parsed.to_dict() == chunk


def test_unknown_fields_are_kept_and_round_trip() -> None:
    body = copy.deepcopy(LLAMA_COMPAT)
    body["service_tier"] = "default"  # unknown top-level field
    body["prompt_logprobs"] = None  # vLLM
    body["usage"]["prompt_tokens_details"] = {"cached_tokens": 128}  # typed since issue 21
    body["usage"]["cost"] = {"usd": 0.0001}  # unknown nested field
    body["choices"][0]["message"]["annotations"] = []
    body["choices"][0]["message"]["reasoning_content"] = "Call the weather tool."

    completion = _parse(body)

    assert completion.additional_properties == {"service_tier": "default", "prompt_logprobs": None}
    assert "service_tier" in completion
    assert completion["service_tier"] == "default"
    assert completion.usage.additional_properties == {"cost": {"usd": 0.0001}}
    assert completion.usage.prompt_tokens_details.cached_tokens == 128
    assert completion.usage.prompt_tokens == 187
    assert completion.choices[0].message.additional_keys == ["annotations"]
    assert completion.to_dict() == body


def test_absent_optional_fields_read_as_none() -> None:
    body: JSON = {
        "choices": [
            {
                "index": 0,
                "finish_reason": None,
                "logprobs": None,
                "message": {"content": "hi", "refusal": None, "reasoning_content": None},
            }
        ]
    }

    completion = _parse(body)

    assert type(completion) is ChatCompletion
    for name in ("id", "object_", "created", "model", "usage", "system_fingerprint"):
        assert getattr(completion, name) is None, name
    message = completion.choices[0].message
    assert message.role is None
    assert message.tool_calls is None
    assert completion.additional_properties == {}
    assert completion.to_dict() == body


def _check_absent_is_none(model: Any, raw: Any, path: str = "$") -> int:
    """Walks a parsed model beside its JSON: every key the JSON lacks must read as None.

    Returns the number of model fields visited."""
    checked = 0
    if attrs.has(type(model)):
        assert isinstance(raw, dict), path
        for field in attrs.fields(type(model)):
            if field.name == "additional_properties":
                continue
            value = getattr(model, field.name)
            key = _json_name(field.name)
            checked += 1
            if key in raw:
                checked += _check_absent_is_none(value, raw[key], f"{path}.{key}")
            else:
                assert value is None, f"{path}.{key} is absent but reads as {value!r}"
    elif isinstance(model, list):
        for i, (item, raw_item) in enumerate(zip(model, raw, strict=True)):
            checked += _check_absent_is_none(item, raw_item, f"{path}[{i}]")
    return checked


PARSED_BODIES = [
    *((parse_response_body, body) for body in ALL_RESPONSES.values()),
    *((parse_stream_chunk, body) for body in ALL_CHUNKS.values()),
]


@pytest.mark.parametrize(("parse", "body"), PARSED_BODIES, ids=[*ALL_RESPONSES, *ALL_CHUNKS])
def test_no_unset_anywhere_and_absent_fields_are_none(parse: Any, body: JSON) -> None:
    parsed = parse(copy.deepcopy(body))

    models = 0
    for path, value in _attrs_nodes(parsed):
        assert not isinstance(value, Unset), f"{path} is UNSET"
        if attrs.has(type(value)):
            models += 1
    assert models >= 2, "the walk did not reach the nested models"

    assert _check_absent_is_none(parsed, body) >= 6


# --------------------------------------------------------------------------- stream chunks


def test_openai_chunk_with_tool_call_delta() -> None:
    chunk = parse_stream_chunk(copy.deepcopy(OPENAI_TOOL_CALL_CHUNK))

    assert type(chunk) is ChatCompletionChunk
    assert chunk.usage is None
    assert chunk.system_fingerprint == "fp_6b68a8204b"
    [choice] = chunk.choices
    assert choice.finish_reason is None
    assert choice.delta.role == "assistant"
    assert choice.delta.content is None
    [piece] = choice.delta.tool_calls
    assert (piece.index, piece.id, piece.type_) == (0, "call_7Hq2kP9x", "function")
    assert piece.function.name == "get_weather"
    assert piece.function.arguments == '{"ci'
    assert chunk.to_dict() == OPENAI_TOOL_CALL_CHUNK


def test_usage_only_chunk() -> None:
    chunk = parse_stream_chunk(copy.deepcopy(GRADIENT_USAGE_CHUNK))

    assert type(chunk) is ChatCompletionChunk
    assert chunk.choices == []
    assert type(chunk.usage) is CompletionUsage
    assert chunk.usage.total_tokens == 33
    assert chunk.usage.cache_read_input_tokens == 0
    assert chunk.to_dict() == GRADIENT_USAGE_CHUNK


def test_mistral_chunk_without_usage_gets_explicit_nulls() -> None:
    chunk = parse_stream_chunk(copy.deepcopy(MISTRAL_TEXT_CHUNK))

    assert type(chunk) is ChatCompletionChunk
    assert chunk.choices[0].delta.content == " Paris"
    assert chunk.usage is None
    # `usage` (chunk), `logprobs` (choice) and `content` (delta) are required-nullable: written
    # back as null even though Mistral left usage and logprobs out.
    expected = copy.deepcopy(MISTRAL_TEXT_CHUNK)
    expected["usage"] = None
    expected["choices"][0]["logprobs"] = None
    assert chunk.to_dict() == expected


# --------------------------------------------------------------------------- issue 18: Mistral's
# current response shapes (mistralai/platform-docs-public openapi-public-doc.yaml @ 50c1afe7:
# ChatCompletionChoice.messages, DeltaMessage, ThinkChunk.signature, UsageInfo.service_tier,
# BaseModelCard). Bodies written in those schemas' shape.

MISTRAL_MULTI_MESSAGE: JSON = {
    "id": "cmpl-multi",
    "object": "chat.completion",
    "created": 1763800000,
    "model": "mistral-medium-latest",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "message": {"role": "assistant", "content": "It is Paris."},
            "messages": [
                {
                    "role": "assistant",
                    "index": 0,
                    "content": [
                        {
                            "type": "thinking",
                            "thinking": [{"type": "text", "text": "Search first."}],
                            "signature": "c2ln",
                        }
                    ],
                    "tool_calls": None,
                },
                {
                    "role": "tool",
                    "index": 1,
                    "tool_call_id": "call_1",
                    "content": "Paris",
                    "metadata": {"source": "web_search"},
                },
                {"role": "assistant", "index": 2, "content": "It is Paris."},
            ],
        }
    ],
    "usage": {
        "prompt_tokens": 9,
        "completion_tokens": 5,
        "total_tokens": 14,
        "service_tier": "priority",
    },
}


def test_mistral_multi_message_output_is_typed() -> None:
    completion = _parse(MISTRAL_MULTI_MESSAGE)

    [choice] = completion.choices
    # `message` stays required (non-Optional in the types); a body without it is refused as
    # invalid by the generated parser until the client fills it in from `messages`.
    assert choice.message.content == "It is Paris."
    first, tool, last = choice.messages
    assert type(first) is ChatCompletionMessage
    assert [m.index for m in choice.messages] == [0, 1, 2]
    [thinking] = first.content
    assert type(thinking) is ThinkingContentPart
    assert thinking.signature == "c2ln"
    assert thinking.thinking[0].text == "Search first."
    assert (tool.role, tool.tool_call_id, tool.content) == ("tool", "call_1", "Paris")
    assert tool.metadata["source"] == "web_search"
    assert last.content == "It is Paris."
    assert completion.usage.service_tier == "priority"
    # The thinking part goes back as it came, signature included.
    assert (
        first.to_dict()["content"] == MISTRAL_MULTI_MESSAGE["choices"][0]["messages"][0]["content"]
    )


def test_mistral_delta_names_its_message() -> None:
    body: JSON = {
        "id": "cmpl-multi",
        "model": "mistral-medium-latest",
        "choices": [
            {
                "index": 0,
                "delta": {
                    "index": 1,
                    "role": "tool",
                    "tool_call_id": "call_1",
                    "content": "Paris",
                    "metadata": {"source": "web_search"},
                },
                "finish_reason": None,
            }
        ],
    }
    chunk = parse_stream_chunk(copy.deepcopy(body))
    delta = chunk.choices[0].delta
    assert (delta.index, delta.tool_call_id) == (1, "call_1")
    assert delta.metadata["source"] == "web_search"


def test_mistral_model_card_is_typed() -> None:
    models = ModelList.from_dict(
        {
            "object": "list",
            "data": [
                {
                    "id": "mistral-small-latest",
                    "object": "model",
                    "created": 1763800000,
                    "owned_by": "mistralai",
                    "type": "base",
                    "capabilities": {"completion_chat": True, "vision": True, "reasoning": False},
                    "max_context_length": 131072,
                    "aliases": ["mistral-small-2506"],
                    "deprecation": "2027-01-31T00:00:00Z",
                    "deprecation_replacement_model": "mistral-small-2603",
                    "default_model_temperature": 0.3,
                },
                {"id": "llama-server-model"},
            ],
        }
    )
    card, plain = models.data
    assert type(card.capabilities) is ModelCapabilities
    assert card.capabilities.vision is True and card.capabilities.function_calling is None
    assert card.max_context_length == 131072 and card.aliases == ["mistral-small-2506"]
    assert card.deprecation is not None and card.deprecation.year == 2027
    assert card.deprecation_replacement_model == "mistral-small-2603"
    assert card.default_model_temperature == 0.3
    assert plain.capabilities is None and plain.deprecation is None


def test_llama_event_chunk_with_tool_call_delta() -> None:
    chunk = parse_stream_chunk(copy.deepcopy(LLAMA_TOOL_CALL_EVENT))

    assert type(chunk) is LlamaChatCompletionChunk
    assert chunk.id == "AhBkCu3tTmOWW0Yt9D-hDg"
    assert chunk.event.event_type == "progress"
    delta = chunk.event.delta
    assert type(delta) is LlamaToolCallDelta
    assert delta.id == "3f1e6c2a-8b9d-4d0e-a1f2-5c6b7a8d9e0f"
    assert delta.function.name == "get_weather"
    assert delta.function.arguments == '{"city": "Pa'
    assert chunk.event.stop_reason is None
    assert chunk.to_dict() == LLAMA_TOOL_CALL_EVENT


def test_llama_text_and_metrics_events() -> None:
    text = {
        "event": {
            "event_type": "complete",
            "delta": {"type": "text", "text": ""},
            "stop_reason": "stop",
        }
    }
    parsed = parse_stream_chunk(copy.deepcopy(text))
    assert type(parsed.event.delta) is LlamaTextDelta
    assert parsed.event.stop_reason == "stop"
    assert parsed.to_dict() == text

    metrics = parse_stream_chunk(copy.deepcopy(LLAMA_METRICS_EVENT))
    assert type(metrics) is LlamaChatCompletionChunk
    assert metrics.event.delta is None
    assert [m.metric for m in metrics.event.metrics] == [
        "num_completion_tokens",
        "num_prompt_tokens",
        "num_total_tokens",
    ]
    assert metrics.to_dict() == LLAMA_METRICS_EVENT


# --------------------------------------------------------------------------- request side


def test_full_request_round_trips() -> None:
    source = copy.deepcopy(FULL_REQUEST)
    request = CreateChatCompletionRequest.from_dict(source)
    assert source == FULL_REQUEST, "from_dict modified its input"

    system, developer, user, tool_turn, tool, llama_turn, user2, prefix = request.messages
    assert type(system) is SystemMessage
    assert type(developer) is DeveloperMessage
    assert type(user) is UserMessage
    assert type(tool_turn) is AssistantMessage
    assert type(tool) is ToolMessage
    assert type(llama_turn) is AssistantMessage
    assert type(user2) is UserMessage
    assert type(prefix) is AssistantMessage

    text, image, bare_image, video, document = user.content
    assert type(text) is TextContentPart
    assert type(text.cache_control) is CacheControl
    assert text.cache_control.ttl == "1h"
    assert type(image) is ImageUrlContentPart
    assert type(image.image_url) is ImageUrl
    assert image.image_url.detail == "low"
    assert bare_image.image_url == "https://example.com/cat.png"
    assert type(video) is VideoUrlContentPart
    assert video.video_url.url == "https://example.com/clip.mp4"
    assert type(document) is OpaqueContentPart
    assert document["document_url"] == "https://arxiv.org/pdf/1706.03762"

    assert tool_turn.content is None
    assert type(tool_turn.tool_calls[0]) is AssistantToolCall
    assert tool.tool_call_id == "call_7Hq2kP9x"
    assert tool.name == "get_weather"
    assert type(llama_turn.content) is TextContentPart
    assert llama_turn.stop_reason == "stop"
    assert prefix.prefix is True

    assert request.stop == ["\n\n", "END"]
    assert type(request.logit_bias) is LogitBias
    assert request.logit_bias["50256"] == -100
    assert type(request.metadata) is Metadata
    assert request.metadata["tenant"] == "acme"
    assert type(request.response_format) is ResponseFormatJsonSchema
    assert request.response_format.json_schema.schema["required"] == ["temperature_c", "sky"]
    assert type(request.tool_choice) is NamedToolChoice
    assert request.tool_choice.function.name == "get_weather"
    assert request.tools[0].function.parameters["required"] == ["city"]
    assert request.stream_options.include_usage is True
    assert request.prompt_mode == "reasoning"
    assert request.prediction.content.startswith("Tomorrow")
    assert request.parallel_tool_calls is False
    assert request.additional_properties == {}

    assert request.to_dict() == FULL_REQUEST


def test_request_string_unions_round_trip() -> None:
    body = {
        "model": "mistral-small-latest",
        "messages": [{"role": "user", "content": "Hi"}],
        "stop": "END",
        "tool_choice": "any",
        "response_format": {"type": "json_object"},
    }
    request = CreateChatCompletionRequest.from_dict(body)
    assert request.stop == "END"
    assert request.tool_choice == "any"
    assert request.to_dict() == body


def test_minimal_request_sends_only_model_and_messages() -> None:
    request = CreateChatCompletionRequest(
        model="llama3.3-70b-instruct",
        messages=[UserMessage(role="user", content="What is the capital of France?")],
    )
    assert request.to_dict() == {
        "model": "llama3.3-70b-instruct",
        "messages": [{"role": "user", "content": "What is the capital of France?"}],
    }

    body = {"model": "m", "messages": [{"role": "system", "content": "Be brief."}]}
    assert CreateChatCompletionRequest.from_dict(body).to_dict() == body


def test_from_dict_builds_what_the_constructor_builds() -> None:
    """from_dict sets a generated model's slots without its __init__; a subclass that adds
    fields goes through its own __init__, so those fields get their defaults."""
    import attrs
    from trilogue_api.models import ChoiceDelta, ToolCallDelta

    data = {"content": "hi", "role": "assistant", "tool_calls": [{"index": 0}], "x_extra": 1}
    read = ChoiceDelta.from_dict(data)
    made = ChoiceDelta(content="hi", role="assistant", tool_calls=[ToolCallDelta(index=0)])
    made.additional_properties = {"x_extra": 1}
    assert read == made
    assert [getattr(read, a.name) for a in attrs.fields(ChoiceDelta)] == [
        getattr(made, a.name) for a in attrs.fields(ChoiceDelta)
    ]
    assert ChoiceDelta.from_dict({}).additional_properties == {}

    @attrs.define
    class Marked(ChoiceDelta):
        seen: bool = attrs.field(default=False, kw_only=True)

    marked = Marked.from_dict(data)
    assert type(marked) is Marked and marked.seen is False and marked.content == "hi"
    assert marked.additional_properties == {"x_extra": 1}
