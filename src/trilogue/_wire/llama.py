"""Meta Llama API's native wire format: answers as `{completion_message, metrics}`, streams of
`event` objects that end when the connection closes (no `[DONE]`), token counts as metrics.
Everything is converted into the OpenAI-shaped result types, the original metrics kept."""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from typing import Any, TypeGuard, TypeVar

from trilogue_api.models import (
    ChatCompletionChoice,
    ChatCompletionChunkChoice,
    ChatCompletionMessage,
    ChatCompletionMessageToolCall,
    ChoiceDelta,
    CompletionUsage,
    FunctionCallDelta,
    LlamaChatCompletion,
    LlamaChatCompletionChunk,
    LlamaMetric,
    LlamaTextContent,
    LlamaTextDelta,
    LlamaToolCallDelta,
    ToolCallDelta,
)

from .._models import ChatCompletion, ChatCompletionChunk
from .openai import ChunkReader, OpenAIWire

__all__ = ["LlamaWire"]

_R = TypeVar("_R")

_STOP_REASONS = {
    "end_of_turn": "stop",
    "end_of_message": "stop",
    "out_of_tokens": "length",
}
_USAGE_METRICS = {
    "num_prompt_tokens": "prompt_tokens",
    "num_completion_tokens": "completion_tokens",
    "num_total_tokens": "total_tokens",
}


def _finish_reason(stop_reason: str | None) -> str | None:
    if stop_reason is None:
        return None
    return _STOP_REASONS.get(stop_reason, stop_reason)


def _count(value: object) -> TypeGuard[int | float]:
    """Whether a metric's value is a token count: a finite number that fits a 64-bit count (a
    string, NaN, 1e999 or a 400-digit integer is left out, not raised)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    return 0 <= value < 2**63


def _usage(metrics: list[LlamaMetric] | None) -> CompletionUsage | None:
    if not metrics:
        return None
    counts: dict[str, int] = {}
    for metric in metrics:
        key = _USAGE_METRICS.get(metric.metric or "")
        value = metric.value
        if key is not None and _count(value):
            counts[key] = int(value)
    if not counts:
        return None
    prompt = counts.get("prompt_tokens", 0)
    completion = counts.get("completion_tokens", 0)
    return CompletionUsage(
        prompt_tokens=prompt,
        completion_tokens=completion,
        total_tokens=counts.get("total_tokens", prompt + completion),
    )


def completion_from_llama(native: LlamaChatCompletion, model: str) -> ChatCompletion:
    """Llama's `{completion_message, metrics}` as an OpenAI-shaped ChatCompletion.

    Llama sends no model, creation time or choices: `model` is the one asked for, `created` the
    time the answer arrived.
    """
    source = native.completion_message
    content = source.content
    if isinstance(content, LlamaTextContent):
        content = content.text
    tool_calls = None
    if source.tool_calls:
        tool_calls = [
            ChatCompletionMessageToolCall(id=call.id, type_="function", function=call.function)
            for call in source.tool_calls
        ]
    message = ChatCompletionMessage(
        role=source.role or "assistant", content=content, tool_calls=tool_calls
    )
    message.additional_properties = source.additional_properties
    completion = ChatCompletion(
        id=native.id or "",
        object_="chat.completion",
        created=int(time.time()),
        model=model,
        choices=[
            ChatCompletionChoice(
                index=0,
                finish_reason=_finish_reason(source.stop_reason),
                message=message,
            )
        ],
        usage=_usage(native.metrics),
        metrics=native.metrics,
    )
    completion.additional_properties = native.additional_properties
    return completion


class LlamaChunkReader(ChunkReader):
    """Reads Llama's native stream events as OpenAI-shaped chunks; OpenAI-shaped chunks (a
    server that answers in that shape) are read as they are.

    Llama numbers no tool calls, so each new call id gets the next index; a piece without an id
    continues the latest call. The metrics event is the last chunk; a stream ends cleanly once
    a stop reason or the metrics arrived.
    """

    __slots__ = ("_created", "_ids", "_model")

    holds_back = False  # the metrics event is the last, and says so itself

    def __init__(self, *, requested_model: str, usage_expected: bool, choices_expected: int):
        super().__init__(usage_expected=usage_expected, choices_expected=choices_expected)
        self._model = requested_model
        self._created = int(time.time())
        self._ids: dict[str, int] = {}

    def read(self, model: type[Any], data: dict[str, Any]) -> ChatCompletionChunk | None:
        if model is not LlamaChatCompletionChunk:
            return super().read(model, data)
        native = LlamaChatCompletionChunk.from_dict(data)
        event = native.event
        kind = event.event_type
        delta = ChoiceDelta()
        if kind == "start":
            delta.role = "assistant"
        piece = event.delta
        if isinstance(piece, LlamaTextDelta):
            delta.content = piece.text
        elif isinstance(piece, LlamaToolCallDelta):
            delta.tool_calls = [self._tool_call(piece)]
        finish_reason = _finish_reason(event.stop_reason)
        choices = []
        if kind != "metrics" or delta.content or delta.tool_calls:
            choices.append(
                ChatCompletionChunkChoice(index=0, delta=delta, finish_reason=finish_reason)
            )
        usage = _usage(event.metrics)
        chunk = ChatCompletionChunk.made(
            native.id, self._created, self._model, choices, usage, event.metrics
        )
        chunk.additional_properties = native.additional_properties
        return chunk

    def is_last(self, chunk: ChatCompletionChunk) -> bool:
        metrics = chunk.metrics
        if metrics or (chunk.choices and chunk.choices[0].finish_reason is not None):
            self.ended_cleanly = True
        return bool(metrics)

    def _tool_call(self, piece: LlamaToolCallDelta) -> ToolCallDelta:
        if piece.id is not None and piece.id not in self._ids:
            self._ids[piece.id] = len(self._ids)
        index = self._ids[piece.id] if piece.id is not None else max(len(self._ids) - 1, 0)
        function = piece.function or FunctionCallDelta()
        return ToolCallDelta(
            index=index,
            id=piece.id,
            type_="function" if piece.id is not None else None,
            function=function,
        )


class LlamaWire(OpenAIWire):
    """What the native Llama API does differently from the OpenAI format."""

    def returned_message(self, message: ChatCompletionMessage) -> dict[str, Any]:
        shaped = super().returned_message(message)
        calls = shaped.get("tool_calls")
        if calls:  # Llama's own tool calls carry no `type`
            shaped["tool_calls"] = [{k: v for k, v in c.items() if k != "type"} for c in calls]
        return shaped

    def result(self, model: type[Any], data: Any, cast_to: type[_R], requested_model: Any) -> _R:
        if model is LlamaChatCompletion and issubclass(cast_to, ChatCompletion):
            completion = completion_from_llama(LlamaChatCompletion.from_dict(data), requested_model)
            completion.fill_identity(requested_model)
            return completion  # type: ignore[return-value]
        return super().result(model, data, cast_to, requested_model)

    def chunk_reader(self, body: Mapping[str, Any]) -> ChunkReader:
        base = super().chunk_reader(body)
        return LlamaChunkReader(
            requested_model=body["model"],
            usage_expected=base.usage_expected,
            choices_expected=base.choices_expected,
        )


WIRE_FORMAT = LlamaWire
