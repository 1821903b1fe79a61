"""`make bench`: what checking a request against the spec costs, per create().

A 20-message conversation (system, user, assistant tool calls, tool results, multi-part user
content) with two tools, a tool_choice and a few sampling fields, checked for each named
provider with `wire.body` (the whole per-call work before encoding: models turned into dicts,
every spec rule checked, provider spellings applied). Best of 5 rounds of 2,000 calls.
"""

from __future__ import annotations

import json
import time
from typing import Any

from trilogue_api.api.chat.create_chat_completion import REQUEST_SCHEMA

import trilogue

TOOLS: list[dict[str, Any]] = [
    {
        "type": "function",
        "function": {
            "name": name,
            "description": f"{name} of a city.",
            "parameters": {
                "type": "object",
                "properties": {"city": {"type": "string"}, "unit": {"enum": ["c", "f"]}},
                "required": ["city"],
            },
        },
    }
    for name in ("get_weather", "get_time")
]


def conversation() -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = [{"role": "system", "content": "You are terse."}]
    for turn in range(6):
        call_id = f"call_{turn}"
        messages += [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": f"Question {turn}?"},
                    {"type": "image_url", "image_url": {"url": "https://e.com/a.png"}},
                ],
            },
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": call_id,
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": call_id, "content": "18 C"},
        ]
    messages.append({"role": "user", "content": "And tomorrow?"})
    return messages[:20]


def measure(provider: str) -> float:
    fields = {
        "model": "m",
        "messages": conversation(),
        "tools": TOOLS,
        "tool_choice": "auto",
        "temperature": 0.3,
        "top_p": 0.9,
    }
    profile = trilogue.PROVIDERS[provider]
    if provider == "mistral":
        fields["messages"] = [
            {**m, "content": "Question?"} if m["role"] == "user" else m for m in fields["messages"]
        ]
    profile.wire.body(REQUEST_SCHEMA, fields)  # compile the checks once
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(2000):
            profile.wire.body(REQUEST_SCHEMA, fields)
        best = min(best, (time.perf_counter() - started) / 2000)
    return best * 1e6


def dumps_cost() -> float:
    fields = {"model": "m", "messages": conversation(), "tools": TOOLS, "tool_choice": "auto"}
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(2000):
            json.dumps(fields)
        best = min(best, (time.perf_counter() - started) / 2000)
    return best * 1e6


def main() -> None:
    assert len(conversation()) == 20
    print(f"json.dumps of the same request (for scale)               {dumps_cost():6.1f} us")
    for provider in ("mistral", "gradient", "llama", "openai-compatible"):
        print(f"request checks, 20 messages + 2 tools, {provider:18} {measure(provider):6.1f} us")


if __name__ == "__main__":
    main()
