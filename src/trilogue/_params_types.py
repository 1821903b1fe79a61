"""`CompletionParams`: every optional keyword argument of `create()`, with its type."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypedDict

import httpx

from ._types import (
    PredictionParam,
    ReasoningEffort,
    ResponseFormatParam,
    StreamOptionsParam,
    ToolChoiceParam,
    ToolParam,
)


class CompletionParams(TypedDict, total=False):
    """Optional arguments of `chat.completions.create()`. A field left out (or None) is not sent.

    Fields one provider lacks are refused for it with `UnsupportedParameterError`; see the spec's
    `x-providers`. `seed` goes out as `random_seed` on Mistral, `max_tokens` as
    `max_completion_tokens` on Llama.
    """

    temperature: float | None
    top_p: float | None
    top_k: int | None
    repetition_penalty: float | None
    max_tokens: int | None
    max_completion_tokens: int | None
    stream_options: StreamOptionsParam | None
    stop: str | list[str] | None
    n: int | None
    frequency_penalty: float | None
    presence_penalty: float | None
    logit_bias: dict[str, int] | None
    logprobs: bool | None
    top_logprobs: int | None
    seed: int | None
    random_seed: int | None
    metadata: dict[str, str] | None
    reasoning_effort: ReasoningEffort | None
    user: str | None
    response_format: ResponseFormatParam | Any | None
    tools: list[ToolParam] | list[Any] | None
    tool_choice: ToolChoiceParam | Any | None
    parallel_tool_calls: bool | None
    safe_prompt: bool | None
    prompt_mode: Literal["reasoning"] | None
    prediction: PredictionParam | Any | None
    # Not request fields: how this one call is made.
    extra_headers: Mapping[str, str] | None
    extra_query: Mapping[str, str] | None
    extra_body: Mapping[str, Any] | None
    timeout: float | httpx.Timeout | None
    stream_idle_timeout: float | None
