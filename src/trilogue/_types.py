"""Typed shapes of the plain dicts `create()` takes, so editors can help fill them in.

Each is a `TypedDict`: pass an ordinary dict literal. The generated request models
(`trilogue_api.models.*`) are accepted in the same places.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, Required, TypeAlias, TypedDict

from trilogue_api.models import ChatCompletionMessage


class CacheControlParam(TypedDict, total=False):
    type: Required[Literal["ephemeral"]]
    ttl: Literal["5m", "1h"]


class TextPartParam(TypedDict, total=False):
    type: Required[Literal["text"]]
    text: Required[str]
    cache_control: CacheControlParam


class ImageURLParam(TypedDict, total=False):
    url: Required[str]
    detail: Literal["auto", "low", "high"]


class ImagePartParam(TypedDict):
    type: Literal["image_url"]
    image_url: ImageURLParam | str


class VideoURLParam(TypedDict):
    url: str


class VideoPartParam(TypedDict):
    type: Literal["video_url"]
    video_url: VideoURLParam


ContentPartParam: TypeAlias = TextPartParam | ImagePartParam | VideoPartParam | dict[str, Any]
ContentParam: TypeAlias = str | list[ContentPartParam]


class SystemMessageParam(TypedDict):
    role: Literal["system"]
    content: ContentParam


class DeveloperMessageParam(TypedDict):
    role: Literal["developer"]
    content: ContentParam


class UserMessageParam(TypedDict):
    role: Literal["user"]
    content: ContentParam


class FunctionCallParam(TypedDict):
    name: str
    arguments: str | dict[str, Any]


class ToolCallParam(TypedDict, total=False):
    id: Required[str]
    type: Literal["function"]
    function: Required[FunctionCallParam]


class AssistantMessageParam(TypedDict, total=False):
    role: Required[Literal["assistant"]]
    content: ContentParam | TextPartParam | None
    tool_calls: list[ToolCallParam]
    stop_reason: str
    prefix: bool


class ToolMessageParam(TypedDict):
    role: Literal["tool"]
    content: ContentParam
    tool_call_id: NotRequired[str]
    name: NotRequired[str]


MessageParam: TypeAlias = (
    SystemMessageParam
    | DeveloperMessageParam
    | UserMessageParam
    | AssistantMessageParam
    | ToolMessageParam
    | ChatCompletionMessage
)
"""A message of the conversation: a dict of one of the roles, or a message the model returned
(`completion.choices[0].message`), which is sent back in the provider's own shape."""


class FunctionDefinitionParam(TypedDict, total=False):
    name: Required[str]
    description: str
    parameters: dict[str, Any]
    strict: bool


class ToolParam(TypedDict):
    type: Literal["function"]
    function: FunctionDefinitionParam


class NamedToolChoiceFunctionParam(TypedDict):
    name: str


class NamedToolChoiceParam(TypedDict):
    type: Literal["function"]
    function: NamedToolChoiceFunctionParam


ToolChoiceParam: TypeAlias = Literal["none", "auto", "required", "any"] | NamedToolChoiceParam


class JSONSchemaParam(TypedDict, total=False):
    name: Required[str]
    schema: dict[str, Any]
    description: str
    strict: bool


class ResponseFormatTextParam(TypedDict):
    type: Literal["text"]


class ResponseFormatJSONObjectParam(TypedDict):
    type: Literal["json_object"]


class ResponseFormatJSONSchemaParam(TypedDict):
    type: Literal["json_schema"]
    json_schema: JSONSchemaParam


ResponseFormatParam: TypeAlias = (
    ResponseFormatTextParam | ResponseFormatJSONObjectParam | ResponseFormatJSONSchemaParam
)


class StreamOptionsParam(TypedDict, total=False):
    include_usage: bool


class PredictionParam(TypedDict):
    type: Literal["content"]
    content: str


ReasoningEffort: TypeAlias = Literal["none", "minimal", "low", "medium", "high", "xhigh"]
