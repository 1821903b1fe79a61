"""The OpenAI wire format: Gradient, Mistral, Llama's compat endpoint and every OpenAI-compatible
server. The base of every adapter: another format overrides only what it does differently."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from trilogue_api.models import ChatCompletion as _ChatCompletion
from trilogue_api.models import ChatCompletionChunk as _ChatCompletionChunk
from trilogue_api.models import ChatCompletionMessage, ChoiceDelta

from .._models import ChatCompletion, ChatCompletionChunk
from .._params import build_body

if TYPE_CHECKING:
    from .._providers import Provider

__all__ = ["ChunkReader", "OpenAIAdapter", "ReportedError"]


class ReportedError(Exception):
    """A chunk that is the server's report of an error, not part of the answer."""


class ChunkReader:
    """Turns a stream's decoded events into chunks and says which chunk is the last.

    One per stream; `ended_cleanly` becomes True once the chunks seen promise nothing more
    (every choice finished), so a body that ends there without `[DONE]` is not a cut.
    """

    __slots__ = ("_choices_expected", "_finished", "_usage_expected", "ended_cleanly")

    def __init__(self, *, usage_expected: bool, choices_expected: int) -> None:
        self._usage_expected = usage_expected
        self._choices_expected = choices_expected
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
        return chunk

    def is_last(self, chunk: ChatCompletionChunk) -> bool:
        """Whether no chunk will follow this one: every choice has finished and no usage chunk
        is still to come, or this is the usage chunk after them."""
        for choice in chunk.choices:
            if choice.finish_reason is not None:
                self._finished.add(choice.index)
        all_finished = len(self._finished) >= self._choices_expected
        if all_finished:
            self.ended_cleanly = True
        if chunk.usage is not None:
            return all_finished or not chunk.choices
        return all_finished and not self._usage_expected


class OpenAIAdapter:
    """Everything trilogue does in the OpenAI wire format."""

    def body(self, provider: Provider, fields: Mapping[str, Any]) -> dict[str, Any]:
        """The request body for `provider`, checked against the spec."""
        return build_body(provider, fields)

    def returned_message(self, message: dict[str, Any]) -> dict[str, Any]:
        """A message the model returned, as this format takes it back in `messages`."""
        return message

    def completion(self, model: type[Any], data: Any, requested_model: str) -> ChatCompletion:
        """The ChatCompletion for a response body, given the generated model it is."""
        if model is not _ChatCompletion:
            raise ValueError(f"expected a chat.completion, got a {model.__name__}")
        completion = ChatCompletion.from_dict(data)
        for choice in completion.choices:
            normalise(choice.message)
        return completion

    def chunk_reader(
        self, *, requested_model: str, usage_expected: bool, choices_expected: int
    ) -> ChunkReader:
        return ChunkReader(usage_expected=usage_expected, choices_expected=choices_expected)

    def error_message(self, status: int, body: Any, depth: int = 0) -> str:
        """A one-line description of an error body, from any of the shapes servers send."""
        if isinstance(body, str):
            return body.strip()[:500]
        if isinstance(body, list):
            return "; ".join(filter(None, (self.error_message(status, b, depth + 1) for b in body)))
        if not isinstance(body, dict):
            return ""
        error = body.get("error")
        if isinstance(error, dict):
            # {"error": {"message", "type", "code"}} (Llama compat, llama.cpp, vLLM).
            return _with_code(
                str(error.get("message") or error), error.get("type"), error.get("code")
            )
        if isinstance(error, str) and "message" not in body:
            return error
        detail = body.get("detail")
        if isinstance(detail, list):
            # Mistral's 422: {"detail": [{"loc": [...], "msg": ..., "type": ...}]}.
            parts = []
            for item in detail:
                if isinstance(item, dict):
                    loc = item.get("loc")
                    where = ".".join(
                        str(x)
                        for x in (loc if isinstance(loc, list) else [loc])
                        if x not in (None, "body")
                    )
                    msg = item.get("msg")
                    parts.append(f"{where}: {msg}" if where else str(msg))
                else:
                    parts.append(str(item))
            return "; ".join(parts)
        if isinstance(detail, str) and "message" not in body:
            return detail
        message = body.get("message")
        if isinstance(message, dict | list) and depth < 3:
            # Mistral's current 422: {"object": "error", "message": {"detail": [...]}}.
            return self.error_message(status, message, depth + 1)
        if "message" in body:
            # Gradient {id, message}; Mistral {object: error, message, type, code}.
            return _with_code(str(message), body.get("type"), body.get("code"))
        if "title" in body:
            return str(body["title"])
        return ""


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


def _with_code(message: str, kind: object, code: object) -> str:
    extra = [str(x) for x in (kind, code) if x not in (None, "")]
    return f"{message} ({', '.join(extra)})" if extra else message


ADAPTER = OpenAIAdapter()
