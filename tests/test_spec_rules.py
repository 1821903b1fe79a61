"""Every rule of the spec's request schemas is enforced before anything is sent, for each
provider, with an error naming the JSON path, the provider and the rule (issue 10's list)."""

from __future__ import annotations

from typing import Any

import pytest
from fault_server import FaultServer, Reply

from trilogue import InvalidParameterError, Trilogue, UnsupportedParameterError

KEY = "sk-rules"
USER = {"role": "user", "content": "Hi"}
OK = {
    "id": "c",
    "object": "chat.completion",
    "created": 1,
    "model": "m",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "logprobs": None,
            "message": {"role": "assistant", "content": "Hello"},
        }
    ],
}


GUARDRAIL = {
    "block_on_error": True,
    "moderation_llm_v2": {"action": "block", "custom_category_thresholds": {"jailbreaking": 0.2}},
}
BUILT_IN_TOOLS = [
    {"type": "web_search"},
    {"type": "web_search_premium"},
    {"type": "code_interpreter", "tool_configuration": {"exclude": ["x"]}},
    {"type": "image_generation"},
    {"type": "document_library", "library_ids": ["lib-1"]},
    {"type": "connector", "connector_id": "c", "authorization": {"type": "api-key", "value": "k"}},
    {"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}},
]
MISTRAL_THINKING_TURN = {
    "role": "assistant",
    "content": [
        {"type": "thinking", "thinking": [{"type": "text", "text": "2 + 2"}], "signature": "sig"},
        {"type": "text", "text": "4"},
    ],
}
GRADIENT_TURN = {
    "role": "assistant",
    "content": None,
    "refusal": "I can't help with that.",
    "reasoning_content": "The request is unsafe.",
}


def text_part(**extra: Any) -> dict[str, Any]:
    return {"type": "text", "text": "Hi", **extra}


# provider, create() arguments, error class, the error's param (JSON path), words in the message
REFUSED = [
    ("gradient", {"logit_bias": {"50256": 101}}, InvalidParameterError, "logit_bias.50256", "100"),
    (
        "gradient",
        {"logit_bias": {"50256": 1.5}},
        InvalidParameterError,
        "logit_bias.50256",
        "integer",
    ),
    # Gradient's metadata and stop limits hold for Gradient only (x-provider-limits).
    (
        "gradient",
        {"metadata": {f"k{i}": "v" for i in range(17)}},
        InvalidParameterError,
        "metadata",
        "16",
    ),
    (
        "gradient",
        {"metadata": {"k" * 65: "v"}},
        InvalidParameterError,
        "metadata." + "k" * 65,
        "64",
    ),
    ("gradient", {"metadata": {"k": "v" * 513}}, InvalidParameterError, "metadata.k", "512"),
    ("gradient", {"metadata": {"k": 5}}, InvalidParameterError, "metadata.k", "string"),
    (
        "mistral",
        {"reasoning_effort": "extreme"},
        InvalidParameterError,
        "reasoning_effort",
        "'high'",
    ),
    ("mistral", {"tool_choice": "requird"}, InvalidParameterError, "tool_choice", "'required'"),
    ("mistral", {"prompt_mode": "fast"}, InvalidParameterError, "prompt_mode", "reasoning"),
    (
        "mistral",
        {"response_format": {"type": "xml"}},
        InvalidParameterError,
        "response_format.type",
        "json_schema",
    ),
    ("gradient", {"tool_choice": "any"}, UnsupportedParameterError, "tool_choice", "'any'"),
    ("llama", {"tool_choice": "any"}, UnsupportedParameterError, "tool_choice", "'any'"),
    ("mistral", {"stop": 5}, InvalidParameterError, "stop", "string"),
    ("gradient", {"stop": ("a", "b", "c", "d", "e")}, InvalidParameterError, "stop", "at most 4"),
    # Issue 18: what every provider's published spec requires, refused before sending.
    (
        "gradient",
        {"tools": [{"type": "function"}]},
        InvalidParameterError,
        "tools[0].function",
        "required",
    ),
    (
        "llama",
        {"tools": [{"type": "function", "function": {"description": "d"}}]},
        InvalidParameterError,
        "tools[0].function.name",
        "required",
    ),
    (
        "mistral",
        {"tool_choice": {"type": "function"}},
        InvalidParameterError,
        "tool_choice.function",
        "required",
    ),
    (
        "gradient",
        {"tool_choice": {"type": "function", "function": {}}},
        InvalidParameterError,
        "tool_choice.function.name",
        "required",
    ),
    (
        "mistral",
        {"tools": [{"type": "function", "function": {"name": "f"}}]},
        InvalidParameterError,
        "tools[0].function.parameters",
        "required",
    ),
    (
        "mistral",
        {"response_format": {"type": "json_schema", "json_schema": {"schema": {}}}},
        InvalidParameterError,
        "response_format.json_schema.name",
        "required",
    ),
    (
        "llama",
        {"response_format": {"type": "json_schema", "json_schema": {"name": "n"}}},
        InvalidParameterError,
        "response_format.json_schema.schema",
        "required",
    ),
    ("mistral", {"top_p": 0}, InvalidParameterError, "top_p", "greater than 0"),
    (
        "gradient",
        {"tools": [{"type": "web_search"}]},
        UnsupportedParameterError,
        "tools[0].type",
        "web_search",
    ),
    ("gradient", {"guardrails": []}, UnsupportedParameterError, "guardrails", "guardrails"),
    (
        "mistral",
        {"messages": [USER, {"role": "assistant", "content": "x", "refusal": "no"}]},
        UnsupportedParameterError,
        "messages[1].refusal",
        "refusal",
    ),
    (
        "mistral",
        {"service_tier": "priority"},
        InvalidParameterError,
        "service_tier",
        "'standard_only'",
    ),
    (
        "gradient",
        {
            "messages": [
                {
                    "role": "user",
                    "content": [text_part(cache_control={"type": "ephemeral", "ttl": "2h"})],
                }
            ]
        },
        InvalidParameterError,
        "messages[0].content[0].cache_control.ttl",
        "'1h'",
    ),
    (
        "mistral",
        {
            "messages": [
                {
                    "role": "user",
                    "content": [
                        {"type": "image_url", "image_url": {"url": "u", "detail": "ultra"}}
                    ],
                }
            ]
        },
        InvalidParameterError,
        "messages[0].content[0].image_url.detail",
        "'low'",
    ),
    (
        "llama",
        {
            "messages": [
                USER,
                {"role": "assistant", "content": text_part(cache_control={"type": "ephemeral"})},
            ]
        },
        UnsupportedParameterError,
        "messages[1].content.cache_control",
        "cache_control",
    ),
    (
        "mistral",
        {
            "messages": [
                {"role": "user", "content": {"type": "video_url", "video_url": {"url": "u"}}}
            ]
        },
        InvalidParameterError,
        "messages[0].content",
        "array or string",
    ),
    (
        "llama",
        {"messages": [{"role": "tool", "content": "18C"}]},
        InvalidParameterError,
        "messages[0].tool_call_id",
        "required",
    ),
    (
        "gradient",
        {"messages": [{"role": "tool", "content": "18C"}]},
        InvalidParameterError,
        "messages[0].tool_call_id",
        "required",
    ),
    (
        "gradient",
        {"stream_options": {"include_usage": True}},
        InvalidParameterError,
        "stream_options",
        "'stream'",
    ),
    ("gradient", {"top_logprobs": 2}, InvalidParameterError, "top_logprobs", "'logprobs'"),
    (
        "mistral",
        {"messages": [{"role": "usr", "content": "Hi"}]},
        InvalidParameterError,
        "messages[0].role",
        "'user'",
    ),
    (
        "mistral",
        {"messages": [{"role": "user", "contnet": "Hi"}]},
        InvalidParameterError,
        "messages[0].contnet",
        "not a field",
    ),
    ("mistral", {"messages": "hello"}, InvalidParameterError, "messages", "array"),
    ("mistral", {"messages": []}, InvalidParameterError, "messages", "at least 1"),
    (
        "gradient",
        {"messages": [{"role": "user", "content": 5}]},
        InvalidParameterError,
        "messages[0].content",
        "array or string",
    ),
    (
        "gradient",
        {"messages": [{"role": "user", "content": [1, 2]}]},
        InvalidParameterError,
        "messages[0].content[0]",
        "object",
    ),
    (
        "gradient",
        {"messages": [{"role": "user", "content": None}]},
        InvalidParameterError,
        "messages[0].content",
        "got null",
    ),
    ("gradient", {"temperature": float("nan")}, InvalidParameterError, "temperature", "finite"),
    ("mistral", {"temperature": "hot"}, InvalidParameterError, "temperature", "number"),
    ("mistral", {"seed": -1}, InvalidParameterError, "seed", "sent as 'random_seed'"),
    ("mistral", {"seed": 1, "random_seed": 2}, InvalidParameterError, "seed", "give only one"),
    (
        "mistral",
        {"tools": [{"type": "function", "function": {"name": "get weather"}}]},
        InvalidParameterError,
        "tools[0].function.name",
        "must match",
    ),
    ("openai-compatible", {"top_p": 2}, InvalidParameterError, "top_p", "at most 1"),
    # x-provider-limits: bounds that hold for one provider only.
    ("mistral", {"temperature": 1.6}, InvalidParameterError, "temperature", "at most 1.5"),
    ("gradient", {"temperature": 2.1}, InvalidParameterError, "temperature", "at most 2"),
    (
        "gradient",
        {"max_completion_tokens": 100},
        InvalidParameterError,
        "max_completion_tokens",
        "at least 256",
    ),
    ("gradient", {"n": 129}, InvalidParameterError, "n", "at most 128"),
    (
        "openai-compatible",
        {"messages": [{"role": "usr", "content": "Hi"}]},
        InvalidParameterError,
        "messages[0].role",
        "'user'",
    ),
]


@pytest.mark.parametrize(
    ("provider", "params", "error", "param", "words"),
    [pytest.param(*case, id=f"{case[0]}-{case[3]}-{i}") for i, case in enumerate(REFUSED)],
)
def test_refused_before_sending(
    provider: str, params: dict[str, Any], error: type[Exception], param: str, words: str
) -> None:
    arguments: dict[str, Any] = {"model": "m", "messages": [USER], **params}
    with FaultServer() as server, Trilogue(provider, api_key=KEY, base_url=server.url) as client:
        server.script(Reply(200, OK))
        with pytest.raises(error) as info:
            client.chat.completions.create(**arguments)
        assert server.requests == []
    err = info.value
    assert isinstance(err, InvalidParameterError)
    assert err.param == param and err.provider == provider
    assert param in str(err) and repr(provider) in str(err)
    assert words in str(err)


ACCEPTED = [
    ("mistral", {"tool_choice": "any", "seed": 3}, {"tool_choice": "any", "random_seed": 3}),
    ("llama", {"max_tokens": 9}, {"max_completion_tokens": 9}),
    ("gradient", {"temperature": 1.6, "n": 2}, {"temperature": 1.6, "n": 2}),
    ("mistral", {"temperature": 1.5, "n": 200}, {"temperature": 1.5, "n": 200}),
    # Issue 18: what Mistral's published spec takes and the client refused before.
    (
        "mistral",
        {"stop": ["1", "2", "3", "4", "5"], "metadata": {"n": 1, "tags": ["a"]}, "top_p": 0.5},
        {"stop": ["1", "2", "3", "4", "5"], "metadata": {"n": 1, "tags": ["a"]}, "top_p": 0.5},
    ),
    (
        "mistral",
        {"prompt_cache_key": "k", "service_tier": "standard_only"},
        {"prompt_cache_key": "k", "service_tier": "standard_only"},
    ),
    (
        "mistral",
        {"guardrails": [GUARDRAIL]},
        {"guardrails": [GUARDRAIL]},
    ),
    ("mistral", {"tools": BUILT_IN_TOOLS}, {"tools": BUILT_IN_TOOLS}),
    (
        "mistral",
        {"messages": [USER, MISTRAL_THINKING_TURN]},
        {"messages": [USER, MISTRAL_THINKING_TURN]},
    ),
    ("gradient", {"messages": [USER, GRADIENT_TURN]}, {"messages": [USER, GRADIENT_TURN]}),
    (
        "gradient",
        {"tools": [{"type": "function", "function": {"name": "f"}}]},
        {"tools": [{"type": "function", "function": {"name": "f"}}]},
    ),
    ("llama", {"max_completion_tokens": 100}, {"max_completion_tokens": 100}),
    ("gradient", {"logprobs": True, "top_logprobs": 2}, {"logprobs": True, "top_logprobs": 2}),
    (
        "gradient",
        {"messages": [{"role": "tool", "content": "18C", "tool_call_id": "c"}]},
        {"messages": [{"role": "tool", "content": "18C", "tool_call_id": "c"}]},
    ),
    (
        "mistral",
        {"messages": [{"role": "tool", "content": "18C"}]},
        {"messages": [{"role": "tool", "content": "18C"}]},
    ),
    (
        "llama",
        {"messages": [USER, {"role": "assistant", "content": text_part()}]},
        {"messages": [USER, {"role": "assistant", "content": text_part()}]},
    ),
    # An OpenAI-compatible server's extras are its own: unknown fields inside messages pass.
    (
        "openai-compatible",
        {"messages": [{"role": "user", "content": "Hi", "name": "ada"}], "tool_choice": "any"},
        {"messages": [{"role": "user", "content": "Hi", "name": "ada"}], "tool_choice": "any"},
    ),
]


@pytest.mark.parametrize(("provider", "params", "sent"), ACCEPTED)
def test_accepted_and_sent_in_the_provider_spelling(
    provider: str, params: dict[str, Any], sent: dict[str, Any]
) -> None:
    arguments: dict[str, Any] = {"model": "m", "messages": [USER], **params}
    with FaultServer() as server, Trilogue(provider, api_key=KEY, base_url=server.url) as client:
        server.script(Reply(200, OK))
        client.chat.completions.create(**arguments)
        body = server.requests[0].json()
    assert body == {"model": "m", "messages": [USER], **sent}


def test_string_fields_skipped_on_the_fast_path_are_still_checked() -> None:
    """Plain string and const string fields are let through without their check only when the
    value is a string the check would take: anything else still gets the rule's error."""
    from trilogue._wire._validation import RequestChecker

    schemas = {
        "Req": {
            "type": "object",
            "properties": {
                "kind": {"type": "string", "const": "note"},
                "text": {"anyOf": [{"type": "string"}, {"type": "array"}]},
                "name": {"type": "string"},
                "code": {"type": "string", "maxLength": 3},
            },
            "required": ["kind"],
        }
    }
    checker = RequestChecker(schemas, "mistral", "mistral")
    body = {"kind": "note", "text": "hi", "name": "x", "code": "abc"}
    assert checker.body("Req", body) == body
    refused = [
        ({"kind": "memo"}, "'kind' must be 'note'"),
        ({"kind": "note", "text": 5}, "'text' must be"),
        ({"kind": "note", "name": 5}, "'name' must be string"),
        ({"kind": "note", "code": "abcd"}, "'code' must be at most 3 characters"),
    ]
    for fields, said in refused:
        with pytest.raises(InvalidParameterError) as caught:
            checker.body("Req", fields)
        assert said in str(caught.value), str(caught.value)
