"""The result types: the generated models with the seed SDKs' conveniences (latency, request id,
chunk helpers)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs
import httpx
from trilogue_api.models import ChatCompletion as _ChatCompletion
from trilogue_api.models import ChatCompletionChunk as _ChatCompletionChunk
from trilogue_api.models import (
    ChatCompletionChunkChoice,
    ChatCompletionMessage,
    ChoiceDelta,
    CompletionUsage,
    FunctionCallDelta,
    LlamaMetric,
    Model,
    ToolCallDelta,
)
from trilogue_api.models import ModelList as _ModelList

from ._rate_limits import RateLimits, read_rate_limits

__all__ = ["ChatCompletion", "ChatCompletionChunk", "ModelList"]


@attrs.define
class ChatCompletion(_ChatCompletion):
    """A chat completion, the same type for every provider.

    Besides the response fields it carries `latency` (seconds from sending the request to having
    read the body), `request_id`, the response `headers`, and for Llama's native API the original
    `metrics`.
    """

    if TYPE_CHECKING:
        # Always set, as openai-python types them: the server's values, or where a provider
        # omits them the model asked for, the time the answer arrived, and "" for the id (none
        # was sent); see fill_identity. Declared for the type checker only, so that the
        # generated fields keep their places (from_dict passes them by position).
        id: str
        model: str
        created: int
    latency: float | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    headers: httpx.Headers | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    metrics: list[LlamaMetric] | None = attrs.field(
        default=None, eq=False, repr=False, kw_only=True
    )

    def fill_identity(self, requested_model: object) -> None:
        """Sets what the server left out: the model asked for, the time now, an empty id."""
        if self.id is None:
            self.id = ""
        if not self.model:
            self.model = requested_model if isinstance(requested_model, str) else ""
        if self.created is None:
            self.created = int(time.time())

    @property
    def rate_limits(self) -> RateLimits | None:
        """What the response's rate-limit headers say (None for a completion not read from a
        response)."""
        return None if self.headers is None else read_rate_limits(self.headers)

    @property
    def request_id(self) -> str | None:
        """The server's id for the request (`x-request-id` or `request-id`), if it sent one."""
        headers = self.headers
        if headers is None:
            return None
        value: str | None = headers.get("x-request-id") or headers.get("request-id")
        return value

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
    def delta_message(self) -> ChoiceDelta:
        """The first choice's delta; an empty one when the chunk has no choice (a usage-only
        chunk, Llama's metrics event), so `chunk.delta_message.content` is always safe."""
        return self.choices[0].delta if self.choices else ChoiceDelta()

    @classmethod
    def made(
        cls,
        id: str | None,
        created: int | None,
        model: str | None,
        choices: list[ChatCompletionChunkChoice],
        usage: CompletionUsage | None,
        metrics: list[LlamaMetric] | None,
    ) -> ChatCompletionChunk:
        """A chunk trilogue makes itself, not one a server sent (a whole answer as one chunk,
        a Llama native event)."""
        chunk = cls(choices, usage, id, "chat.completion.chunk", created, model)
        chunk.metrics = metrics
        return chunk


@attrs.define
class ModelList(_ModelList):
    """The models a provider offers: iterate it, or read `data`."""

    def __iter__(self) -> Iterator[Model]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def chunk_of(completion: ChatCompletion) -> ChatCompletionChunk:
    """A whole answer as the one chunk that carries all of it (a server that answered a stream
    request with plain JSON)."""
    choices = []
    for choice in completion.choices:
        message = choice.message
        calls = [
            ToolCallDelta(
                index=i,
                id=call.id,
                type_=call.type_,
                function=FunctionCallDelta(
                    name=call.function.name, arguments=call.function.arguments
                ),
            )
            for i, call in enumerate(message.tool_calls or ())
        ]
        delta = ChoiceDelta(
            role=message.role,
            content=message.content,
            refusal=message.refusal,
            reasoning_content=message.reasoning_content,
            tool_calls=calls or None,
        )
        delta.additional_properties = dict(message.additional_properties)
        choices.append(
            ChatCompletionChunkChoice(
                index=choice.index,
                delta=delta,
                finish_reason=choice.finish_reason,
                logprobs=choice.logprobs,
            )
        )
    chunk = ChatCompletionChunk.made(
        completion.id,
        completion.created,
        completion.model,
        choices,
        completion.usage,
        completion.metrics,
    )
    chunk.system_fingerprint = completion.system_fingerprint
    chunk.is_last_chunk = True
    return chunk
