"""`CompletionParams`: the keyword arguments of `create()`, generated from the spec."""

from __future__ import annotations

from trilogue_api.models.create_chat_completion_request import (
    CreateChatCompletionRequestOptions,
)

from ._base_client import RequestOptions


class CompletionParams(CreateChatCompletionRequestOptions, RequestOptions, total=False):
    """Optional arguments of `chat.completions.create()`: every request field of the spec but
    `model`, `messages` and `stream`, and how this one call is sent (`extra_headers`,
    `extra_query`, `extra_body`, `timeout`, `stream_idle_timeout`). A field left out (or None)
    is not sent; one the provider lacks is refused with `UnsupportedParameterError`.
    """
