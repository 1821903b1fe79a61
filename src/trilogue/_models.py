"""The result types: the generated models with the seed SDKs' conveniences, and the conversion of
Llama's native shapes into them."""

from __future__ import annotations

import time
from typing import Any

import attrs
import httpx
from trilogue_api.models import (
    ChatCompletion as _ChatCompletion,
)
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
from trilogue_api.models import (
    ChatCompletionChunk as _ChatCompletionChunk,
)

__all__ = ["ChatCompletion", "ChatCompletionChunk"]


@attrs.define
class ChatCompletion(_ChatCompletion):
    """A chat completion, the same type for every provider.

    Besides the response fields it carries `latency` (seconds from sending the request to having
    read the body), `request_id`, the response `headers`, and for Llama's native API the original
    `metrics`.
    """

    latency: float | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    request_id: str | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    headers: httpx.Headers | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    metrics: list[LlamaMetric] | None = attrs.field(
        default=None, eq=False, repr=False, kw_only=True
    )

    @property
    def assistant_message(self) -> ChatCompletionMessage | None:
        """The first choice's message, or None when there is no choice."""
        return self.choices[0].message if self.choices else None


@attrs.define
class ChatCompletionChunk(_ChatCompletionChunk):
    """One streamed piece of a chat completion, the same type for every provider.

    `is_last_chunk` is True on the stream's final chunk; `chunk_latency` is the time since the
    previous chunk (or since the request, for the first); `total_latency` the time since the
    request.
    """

    is_last_chunk: bool = attrs.field(default=False, eq=False, repr=False, kw_only=True)
    chunk_latency: float | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    total_latency: float | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    metrics: list[LlamaMetric] | None = attrs.field(
        default=None, eq=False, repr=False, kw_only=True
    )

    @property
    def delta_message(self) -> ChoiceDelta | None:
        """The first choice's delta, or None when the chunk has no choice (a usage-only chunk)."""
        return self.choices[0].delta if self.choices else None


_LLAMA_STOP_REASONS = {
    "end_of_turn": "stop",
    "end_of_message": "stop",
    "out_of_tokens": "length",
}
_USAGE_METRICS = {
    "num_prompt_tokens": "prompt_tokens",
    "num_completion_tokens": "completion_tokens",
    "num_total_tokens": "total_tokens",
}


def finish_reason_from_llama(stop_reason: str | None) -> str | None:
    if stop_reason is None:
        return None
    return _LLAMA_STOP_REASONS.get(stop_reason, stop_reason)


def usage_from_metrics(metrics: list[LlamaMetric] | None) -> CompletionUsage | None:
    if not metrics:
        return None
    counts: dict[str, Any] = {}
    for metric in metrics:
        key = _USAGE_METRICS.get(metric.metric or "")
        if key is not None and metric.value is not None:
            counts[key] = int(metric.value)
    return CompletionUsage(**counts) if counts else None


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
        id=native.id,
        object_="chat.completion",
        created=int(time.time()),
        model=model,
        choices=[
            ChatCompletionChoice(
                index=0,
                finish_reason=finish_reason_from_llama(source.stop_reason),
                message=message,
            )
        ],
        usage=usage_from_metrics(native.metrics),
        metrics=native.metrics,
    )
    completion.additional_properties = native.additional_properties
    return completion


class LlamaChunkConverter:
    """Turns Llama's native stream events into OpenAI-shaped chunks.

    Llama numbers no tool calls, so the converter gives each new call id the next index; a
    piece without an id continues the latest call.
    """

    __slots__ = ("_created", "_ids", "_model")

    def __init__(self, model: str) -> None:
        self._model = model
        self._created = int(time.time())
        self._ids: dict[str, int] = {}

    def convert(self, native: LlamaChatCompletionChunk) -> ChatCompletionChunk:
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
        finish_reason = finish_reason_from_llama(event.stop_reason)
        choices = []
        if kind != "metrics" or delta.content or delta.tool_calls:
            choices.append(
                ChatCompletionChunkChoice(index=0, delta=delta, finish_reason=finish_reason)
            )
        chunk = ChatCompletionChunk(
            id=native.id,
            object_="chat.completion.chunk",
            created=self._created,
            model=self._model,
            choices=choices,
            usage=usage_from_metrics(event.metrics),
            metrics=event.metrics,
        )
        chunk.additional_properties = native.additional_properties
        return chunk

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
