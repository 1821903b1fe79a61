"""The OpenAI wire format: Gradient, Mistral, Llama's compat endpoint and every OpenAI-compatible
server. The base of every adapter: another format overrides only what it does differently."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from trilogue_api.api.chat.create_chat_completion import REQUEST_SCHEMA
from trilogue_api.models import ChatCompletion as _ChatCompletion
from trilogue_api.models import ChatCompletionChunk as _ChatCompletionChunk
from trilogue_api.models import ChatCompletionMessage, ChoiceDelta

from .._models import ChatCompletion, ChatCompletionChunk
from ._errors import error_code, error_message
from ._params import checker, returned_message_fields
from ._usage import unify_usage

__all__ = ["ChunkReader", "OpenAIWire", "ReportedError"]

_R = TypeVar("_R")
assert REQUEST_SCHEMA is not None
_CHAT_REQUEST: str = REQUEST_SCHEMA


class ReportedError(Exception):
    """A chunk that is the server's report of an error, not part of the answer."""


class ChunkReader:
    """Turns a stream's decoded events into chunks and says which chunk is the last.

    One per stream; `ended_cleanly` becomes True once the chunks seen promise nothing more
    (every choice finished), so a body that ends there without `[DONE]` is not a cut.
    """

    __slots__ = ("_finished", "choices_expected", "ended_cleanly", "usage_expected")

    holds_back = True
    """Whether the stream holds back a chunk once every choice has finished, until the next
    event says if it was the last (a usage chunk may follow, asked for or not)."""

    def __init__(self, *, usage_expected: bool, choices_expected: int) -> None:
        self.usage_expected = usage_expected
        self.choices_expected = choices_expected
        self._finished: set[int] = set()
        self.ended_cleanly = False

    def read(self, model: type[Any], data: dict[str, Any]) -> ChatCompletionChunk | None:
        """The chunk for one event, given the generated model the spec says it is."""
        if not data:
            return None  # an empty object: nothing to yield
        if model is not _ChatCompletionChunk:
            raise ValueError(f"expected a chat.completion.chunk, got a {model.__name__}")
        chunk = ChatCompletionChunk.from_dict(data)
        for choice in chunk.choices:
            if choice.finish_reason == "error":  # Mistral ends a failed answer so
                raise ReportedError
            delta = choice.delta
            if type(delta.content) is list or delta.reasoning_content is not None:
                normalise(delta)
        if chunk.usage is not None:
            unify_usage(chunk.usage, chunk.additional_properties)
        return chunk

    def is_last(self, chunk: ChatCompletionChunk) -> bool:
        """Whether no chunk will follow this one: every choice has finished and no usage chunk
        is still to come, or this is the usage chunk after them."""
        for choice in chunk.choices:
            if choice.finish_reason is not None:
                self._finished.add(choice.index)
        all_finished = len(self._finished) >= self.choices_expected
        if all_finished:
            self.ended_cleanly = True
        if chunk.usage is not None:
            return all_finished or not chunk.choices
        return all_finished and not self.usage_expected


class OpenAIWire:
    """The hooks of the OpenAI wire format, for one provider (whose compiled request checks it
    holds). Another format overrides only what it does differently."""

    def __init__(self, *, provider: str, spec_name: str | None) -> None:
        self.provider = provider
        self.checker = checker(spec_name, provider)

    def accepts(self, field: str) -> bool:
        """Whether the provider takes chat request field `field`."""
        return self.checker.accepts(_CHAT_REQUEST, field)

    def body(self, schema: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """The request body of schema `schema` from the given (non-None) fields, checked against
        the spec; returned messages in `messages` are put back in the shape the provider takes."""
        messages = fields.get("messages")
        if isinstance(messages, list | tuple) and any(
            isinstance(m, ChatCompletionMessage) for m in messages
        ):
            fields = {**fields, "messages": [self._message(m) for m in messages]}
        return self.checker.body(schema, fields)

    def _message(self, message: Any) -> Any:
        if isinstance(message, ChatCompletionMessage):
            return self.returned_message(message)
        return message

    def returned_message(self, message: ChatCompletionMessage) -> dict[str, Any]:
        """A message the model returned, as this format takes it back in `messages`."""
        return returned_message_fields(message.to_dict(), self.checker)

    def result(self, model: type[Any], data: Any, cast_to: type[_R], requested_model: Any) -> _R:
        """The result of type `cast_to` for a response body, given the generated model it is."""
        if not issubclass(cast_to, model):
            raise ValueError(f"expected a {cast_to.__name__}, got a {model.__name__}")
        result = cast_to.from_dict(_with_first_message(data))  # type: ignore[attr-defined]
        if isinstance(result, ChatCompletion):
            result.fill_identity(requested_model)
        if isinstance(result, _ChatCompletion):
            for choice in result.choices:
                normalise(choice.message)
                for message in choice.messages or ():
                    if message is not choice.message:
                        normalise(message)
            unify_usage(result.usage, result.additional_properties)
        return result  # type: ignore[no-any-return]

    def chunk_reader(self, body: Mapping[str, Any]) -> ChunkReader:
        """The reader of one stream's events, for the request `body` that asked for it."""
        stream_options = body.get("stream_options")
        n = body.get("n")
        return ChunkReader(
            usage_expected=bool(
                isinstance(stream_options, Mapping) and stream_options.get("include_usage")
            ),
            choices_expected=n if isinstance(n, int) and n > 0 else 1,
        )

    def error(self, body: Any) -> tuple[str, object]:
        """A one-line description of an error body and its code, from any of the shapes servers
        send, read through the spec's error model."""
        return error_message(body), error_code(body)


def _with_first_message(data: Any) -> Any:
    """A body whose choices carry only Mistral's multi-message `messages`, with each choice's
    `message` its first one (the common shape every caller reads)."""
    choices = data.get("choices") if isinstance(data, dict) else None
    if not isinstance(choices, list) or all(
        not isinstance(c, dict) or "message" in c for c in choices
    ):
        return data
    filled = []
    for choice in choices:
        messages = choice.get("messages") if isinstance(choice, dict) else None
        if isinstance(choice, dict) and "message" not in choice and messages:
            choice = {**choice, "message": messages[0]}
        filled.append(choice)
    return {**data, "choices": filled}


def normalise(message: ChatCompletionMessage | ChoiceDelta) -> None:
    """One `reasoning` field whatever the server called it (Gradient's and llama.cpp's
    `reasoning_content`, vLLM's `reasoning`, Mistral's `thinking` parts), and content that is
    a list of parts read as its text, the parts kept in `parts`."""
    content = message.content
    thinking = ""
    if isinstance(content, list):
        message.parts = content
        texts = [text for part in content if isinstance(text := getattr(part, "text", None), str)]
        thinking = "".join(_thinking_text(part) for part in content)
        message.content = "".join(texts) if texts else None
    if message.reasoning is None:
        message.reasoning = message.reasoning_content or thinking or None


def _thinking_text(part: object) -> str:
    """The text of a Mistral `thinking` part: `{"type": "thinking", "thinking": [text parts]}`
    (typed as `ThinkingContentPart`, whose items are text parts)."""
    if getattr(part, "type_", None) != "thinking":
        return ""
    inner = getattr(part, "thinking", None)
    if isinstance(inner, str):
        return inner
    if isinstance(inner, list):
        return "".join(
            text for item in inner if isinstance(text := getattr(item, "text", None), str)
        )
    return ""


WIRE_FORMAT = OpenAIWire
