"""The keyword arguments of the chat methods, generated from the spec (`...Options` of the
request schema) plus how one call is sent (`RequestOptions`)."""

from __future__ import annotations

from trilogue_api.models.create_chat_completion_request import (
    CreateChatCompletionRequestOptions,
    CreateChatCompletionRequestParseOptions,
    CreateChatCompletionRequestRunToolsOptions,
)

from ._request import RequestOptions


class CompletionParams(CreateChatCompletionRequestOptions, RequestOptions, total=False):
    """Optional arguments of `chat.completions.create()`: every request field of the spec but
    `model`, `messages` and `stream`, and how this one call is sent (`extra_headers`,
    `extra_query`, `extra_body`, `timeout`, `stream_idle_timeout`, `deadline`). A field left out
    (or None) is not sent; one the provider lacks is refused with `UnsupportedParameterError`.
    """


class ParseParams(CreateChatCompletionRequestParseOptions, RequestOptions, total=False):
    """Optional arguments of `parse()` and `stream(response_format=T)`: `CompletionParams`
    without `response_format`, which they take as a type."""


class RunToolsParams(CreateChatCompletionRequestRunToolsOptions, RequestOptions, total=False):
    """Optional arguments of `run_tools()`: `CompletionParams` without `tools`, which it takes
    as Python functions."""


class ListModelsParams(RequestOptions, total=False):
    """Arguments of `models.list()`: Mistral's filters (the spec's query parameters of
    `GET /models`, refused before sending elsewhere) and how the call is sent."""

    provider: str | None
    """Only the models of this provider (Mistral)."""
    model: str | None
    """Only the model of this name (Mistral)."""
