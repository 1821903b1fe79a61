# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Any

from ...models.chat_completion import ChatCompletion
from ...models.chat_completion_chunk import ChatCompletionChunk
from ...models.create_chat_completion_request import CreateChatCompletionRequest
from ...models.error_response import ErrorResponse
from ...models.llama_chat_completion import LlamaChatCompletion
from ...models.llama_chat_completion_chunk import LlamaChatCompletionChunk


def request_kwargs(
    *,
    body: CreateChatCompletionRequest | dict[str, Any],
) -> dict[str, Any]:
    """The request as keyword arguments of `httpx.Client.request`: method, url (relative to the
    base URL), params, json and headers."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/chat/completions",
    }
    _kwargs["json"] = body if isinstance(body, dict) else body.to_dict()
    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


REQUEST_SCHEMA: str | None = "CreateChatCompletionRequest"
"""The spec schema of the JSON request body, whose rules the client checks before sending."""

OPERATION = "post /chat/completions"
"""The operation's method and path, as spec.QUERY_PARAMETERS names it."""

ERROR_MODEL = ErrorResponse
"""The model of an error (4XX) body."""


def response_model(data: Any) -> type[ChatCompletion] | type[LlamaChatCompletion]:
    """The model class a successful response's decoded JSON is an instance of."""
    if isinstance(data, dict) and "choices" in data:
        return ChatCompletion
    return LlamaChatCompletion


STREAM_DONE: str | None = "[DONE]"
"""The data line that ends the stream; a stream without it ends with the body."""


def stream_chunk_model(
    data: Any,
) -> type[LlamaChatCompletionChunk | ChatCompletionChunk]:
    """The model class the decoded JSON of one streamed event is an instance of."""
    if "event" in data:
        return LlamaChatCompletionChunk
    return ChatCompletionChunk
