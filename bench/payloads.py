"""Realistic response bodies shared by the benchmarks."""

from __future__ import annotations

import json
from typing import Any

CHAT_COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-9f2c41d8a7b34e0b9c1e5d6f7a8b9c0d",
    "object": "chat.completion",
    "created": 1763779200,
    "model": "llama3.3-70b-instruct",
    "system_fingerprint": "fp_4f2a1c9e",
    "choices": [
        {
            "index": 0,
            "finish_reason": "tool_calls",
            "logprobs": None,
            "message": {
                "role": "assistant",
                "content": (
                    "I'll look up the current weather in both cities and the conversion rate "
                    "so I can compare them for you. One moment while I call the tools."
                ),
                "refusal": None,
                "reasoning_content": "The user wants weather for Paris and Berlin; I should call "
                "get_weather twice and then summarise the comparison in Celsius.",
                "tool_calls": [
                    {
                        "id": "call_3b1f7a2c9d",
                        "type": "function",
                        "function": {
                            "name": "get_weather",
                            "arguments": '{"city": "Paris", "unit": "celsius", '
                            '"include_forecast": true, "days": 3}',
                        },
                    },
                    {
                        "id": "call_8e4d2b6f1a",
                        "type": "function",
                        "function": {
                            "name": "get_weather",
                            "arguments": '{"city": "Berlin", "unit": "celsius", '
                            '"include_forecast": true, "days": 3}',
                        },
                    },
                ],
            },
        }
    ],
    "usage": {
        "prompt_tokens": 412,
        "completion_tokens": 96,
        "total_tokens": 508,
        "cache_created_input_tokens": 0,
        "cache_read_input_tokens": 256,
        "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 0},
        "prompt_tokens_details": {"cached_tokens": 256},
        "completion_tokens_details": {"reasoning_tokens": 38},
    },
}

CHAT_COMPLETION_BYTES = json.dumps(CHAT_COMPLETION).encode()


def chunk(index: int, text: str) -> dict[str, Any]:
    """One OpenAI-shaped streaming chunk carrying `text`."""
    return {
        "id": "chatcmpl-9f2c41d8a7b34e0b9c1e5d6f7a8b9c0d",
        "object": "chat.completion.chunk",
        "created": 1763779200,
        "model": "llama3.3-70b-instruct",
        "choices": [
            {"index": 0, "delta": {"content": text}, "finish_reason": None, "logprobs": None}
        ],
        "usage": None,
    }
