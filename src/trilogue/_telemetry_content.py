"""Message content as the GenAI conventions record it (`gen_ai.input.messages`,
`gen_ai.output.messages`, a tool call's arguments and result), only when the user opted in with
OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT. Each is a JSON string of the conventions'
`{role, parts: [...]}` shape."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

__all__ = ["capture_enabled", "input_messages", "output_messages", "to_json"]

_ON = frozenset({"true", "1", "yes", "span_only", "span_and_event"})


def capture_enabled() -> bool:
    """Whether the user opted in to recording message content (off by default)."""
    value = os.environ.get("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "")
    return value.strip().lower() in _ON


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _as_dict(message: Any) -> Mapping[str, Any]:
    if isinstance(message, Mapping):
        return message
    to_dict = getattr(message, "to_dict", None)
    return to_dict() if callable(to_dict) else {}


def _arguments(raw: Any) -> Any:
    if isinstance(raw, str):
        try:
            return json.loads(raw)
        except ValueError:
            return raw
    return raw


def _content_parts(content: Any) -> list[dict[str, Any]]:
    if content is None:
        return []
    if isinstance(content, str):
        return [{"type": "text", "content": content}]
    parts: list[dict[str, Any]] = []
    if isinstance(content, list | tuple):
        for part in content:
            part = _as_dict(part)
            kind = part.get("type")
            if kind == "text":
                parts.append({"type": "text", "content": part.get("text")})
            elif kind == "thinking":
                parts.append({"type": "reasoning", "content": to_json(part.get("thinking"))})
            else:  # images, documents, audio: named, not copied
                parts.append({"type": str(kind)})
        return parts
    return [{"type": "text", "content": str(content)}]


def _tool_calls(calls: Any) -> list[dict[str, Any]]:
    parts = []
    for call in calls or ():
        call = _as_dict(call)
        function = _as_dict(call.get("function") or {})
        parts.append(
            {
                "type": "tool_call",
                "id": call.get("id"),
                "name": function.get("name"),
                "arguments": _arguments(function.get("arguments")),
            }
        )
    return parts


def input_messages(messages: Any) -> str:
    """A request's `messages` in the conventions' input-messages shape."""
    shaped = []
    for message in messages or ():
        message = _as_dict(message)
        role = message.get("role")
        if role == "tool":
            parts: list[dict[str, Any]] = [
                {
                    "type": "tool_call_response",
                    "id": message.get("tool_call_id"),
                    "response": message.get("content"),
                }
            ]
        else:
            parts = _content_parts(message.get("content"))
            parts.extend(_tool_calls(message.get("tool_calls")))
        shaped.append({"role": role, "parts": parts})
    return to_json(shaped)


def output_messages(choices: Any) -> str:
    """A completion's choices in the conventions' output-messages shape."""
    shaped = []
    for choice in choices or ():
        message = choice.message
        parts: list[dict[str, Any]] = []
        if message.reasoning:
            parts.append({"type": "reasoning", "content": message.reasoning})
        parts.extend(_content_parts(message.content))
        parts.extend(_tool_calls(message.tool_calls))
        shaped.append(
            {
                "role": message.role or "assistant",
                "parts": parts,
                "finish_reason": choice.finish_reason,
            }
        )
    return to_json(shaped)
