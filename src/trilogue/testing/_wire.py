"""Each provider's wire bodies, written out from a scripted answer.

Two shapes: the OpenAI one (mistral, gradient, llama-compat, openai-compatible) and Llama's
native one (`completion_message` bodies, an `event` stream with no `[DONE]`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

NATIVE = "llama"
# Providers that stream the usage only when asked (stream_options.include_usage).
ASKED_USAGE = ("gradient", "openai-compatible")


@dataclass(frozen=True)
class ToolCall:
    """A function call the fake model makes: `name` and its `arguments` (sent as JSON)."""

    name: str
    arguments: Mapping[str, Any]
    id: str | None = None


@dataclass(frozen=True)
class Answer:
    """What the fake model says, before it is put in a provider's wire format."""

    content: str | None
    chunks: Sequence[str]
    tool_calls: Sequence[ToolCall]
    finish_reason: str
    usage: tuple[int, int] | None


def _call_id(call: ToolCall, index: int) -> str:
    return call.id or f"call_fake_{index}"


def _arguments(call: ToolCall) -> str:
    return json.dumps(dict(call.arguments))


def _usage(usage: tuple[int, int]) -> dict[str, int]:
    prompt, completion = usage
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def _metrics(usage: tuple[int, int]) -> list[dict[str, Any]]:
    prompt, completion = usage
    counts = [
        ("num_prompt_tokens", prompt),
        ("num_completion_tokens", completion),
        ("num_total_tokens", prompt + completion),
    ]
    return [{"metric": name, "value": value, "unit": "tokens"} for name, value in counts]


def data_line(obj: object) -> bytes:
    """One server-sent event carrying `obj` as JSON."""
    return b"data: " + json.dumps(obj, ensure_ascii=False).encode() + b"\n\n"


def completion_body(provider: str, answer: Answer, model: str, serial: int) -> dict[str, Any]:
    """The JSON body of a non-streamed answer."""
    if provider == NATIVE:
        message: dict[str, Any] = {
            "role": "assistant",
            "content": {"type": "text", "text": answer.content or ""},
            "stop_reason": answer.finish_reason,
        }
        if answer.tool_calls:
            message["tool_calls"] = [
                {"id": _call_id(c, i), "function": {"name": c.name, "arguments": _arguments(c)}}
                for i, c in enumerate(answer.tool_calls)
            ]
        body: dict[str, Any] = {"id": f"fake-{serial}", "completion_message": message}
        if answer.usage is not None:
            body["metrics"] = _metrics(answer.usage)
        return body
    openai_message: dict[str, Any] = {"role": "assistant", "content": answer.content}
    if answer.tool_calls:
        openai_message["tool_calls"] = [
            {
                "id": _call_id(c, i),
                "type": "function",
                "function": {"name": c.name, "arguments": _arguments(c)},
            }
            for i, c in enumerate(answer.tool_calls)
        ]
    return {
        "id": f"chatcmpl-fake-{serial}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": openai_message,
                "finish_reason": answer.finish_reason,
                "logprobs": None,
            }
        ],
        "usage": _usage(answer.usage) if answer.usage is not None else None,
    }


def stream_events(
    provider: str, answer: Answer, model: str, serial: int, include_usage: bool
) -> list[bytes]:
    """The answer as server-sent events, one `bytes` per event, in the order sent."""
    if provider == NATIVE:
        return _native_events(answer, serial)
    return _openai_events(provider, answer, model, serial, include_usage)


def _native_events(answer: Answer, serial: int) -> list[bytes]:
    def event(payload: dict[str, Any]) -> bytes:
        return data_line({"id": f"fake-{serial}", "event": payload})

    events = [event({"event_type": "start", "delta": {"type": "text", "text": ""}})]
    for piece in answer.chunks:
        events.append(event({"event_type": "progress", "delta": {"type": "text", "text": piece}}))
    for i, call in enumerate(answer.tool_calls):
        arguments = _arguments(call)
        half = len(arguments) // 2
        first = {"name": call.name, "arguments": arguments[:half]}
        delta = {"type": "tool_call", "id": _call_id(call, i), "function": first}
        events.append(event({"event_type": "progress", "delta": delta}))
        rest = {"type": "tool_call", "function": {"arguments": arguments[half:]}}
        events.append(event({"event_type": "progress", "delta": rest}))
    events.append(
        event(
            {
                "event_type": "complete",
                "delta": {"type": "text", "text": ""},
                "stop_reason": answer.finish_reason,
            }
        )
    )
    if answer.usage is not None:
        events.append(event({"event_type": "metrics", "metrics": _metrics(answer.usage)}))
    return events


def _openai_events(
    provider: str, answer: Answer, model: str, serial: int, include_usage: bool
) -> list[bytes]:
    created = int(time.time())

    def chunk(
        delta: dict[str, Any], finish: str | None = None, usage: dict[str, int] | None = None
    ) -> bytes:
        body: dict[str, Any] = {
            "id": f"chatcmpl-fake-{serial}",
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
        if usage is not None:
            body["usage"] = usage
        return data_line(body)

    events = [chunk({"role": "assistant", "content": ""})]
    events += [chunk({"content": piece}) for piece in answer.chunks]
    for i, call in enumerate(answer.tool_calls):
        arguments = _arguments(call)
        half = len(arguments) // 2
        head = {
            "index": i,
            "id": _call_id(call, i),
            "type": "function",
            "function": {"name": call.name, "arguments": arguments[:half]},
        }
        events.append(chunk({"tool_calls": [head]}))
        tail = {"index": i, "function": {"arguments": arguments[half:]}}
        events.append(chunk({"tool_calls": [tail]}))
    usage = _usage(answer.usage) if answer.usage is not None else None
    if provider not in ASKED_USAGE:
        # Mistral puts the usage on its last chunk, unasked (and so, here, does Llama compat).
        events.append(chunk({"content": ""}, answer.finish_reason, usage))
    else:
        events.append(chunk({}, answer.finish_reason))
        if usage is not None and include_usage:
            # stream_options.include_usage: a last chunk with no choices, only the usage.
            events.append(
                data_line(
                    {
                        "id": f"chatcmpl-fake-{serial}",
                        "object": "chat.completion.chunk",
                        "created": created,
                        "model": model,
                        "choices": [],
                        "usage": usage,
                    }
                )
            )
    events.append(b"data: [DONE]\n\n")
    return events


def stream_error(provider: str, message: str) -> bytes:
    """An error reported in the middle of a stream, as the provider sends it."""
    error = {"message": message, "type": "server_error", "code": "fake_error"}
    if provider == NATIVE:
        return b"event: error\n" + data_line({"error": error})
    return data_line({"error": error})


def error_body(provider: str, status: int, message: str) -> dict[str, Any]:
    """A non-2xx body in the provider's own error shape."""
    if provider == "mistral":
        return {"object": "error", "message": message, "type": "fake_error", "code": str(status)}
    if provider == "gradient":
        return {"id": "fake-error", "message": message}
    return {"error": {"message": message, "type": "fake_error", "code": status}}
