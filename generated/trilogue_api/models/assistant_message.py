# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Required,
    Self,
    TypeAlias,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__

from ..models.assistant_tool_call import AssistantToolCall
from ..models.image_url_content_part import ImageUrlContentPart
from ..models.opaque_content_part import OpaqueContentPart
from ..models.stop_reason import StopReason
from ..models.text_content_part import TextContentPart
from ..models.thinking_content_part import ThinkingContentPart
from ..models.video_url_content_part import VideoUrlContentPart

_KNOWN_KEYS = frozenset(
    {
        "role",
        "content",
        "tool_calls",
        "refusal",
        "reasoning_content",
        "stop_reason",
        "prefix",
    }
)
"""The JSON keys AssistantMessage has a field for; the others go to `additional_properties`."""


@_attrs_define
class AssistantMessage:
    """A previous answer of the model, sent back as conversation history.

    Attributes:
        role: Always `assistant`.
        content: The answer text: a string, an array of parts, a single text part object (the Llama
            native form), or null when the turn only contains tool calls.
        tool_calls: The tool calls the model made in this turn.
        refusal: The model's refusal, sent back as history (with `content: null`). Gradient only: its
            chat message takes `refusal`; Mistral's and Llama's assistant messages do not.
        reasoning_content: The model's reasoning, sent back as history so a reasoning model can continue from it.
            Gradient only (Mistral takes its reasoning back as `thinking` parts in `content`).
        stop_reason: Why the model stopped generating (Llama native history). Llama only.
        prefix: Marks this assistant message as a prefix the model must continue from (must be the last
            message). Mistral only.
    """

    role: Literal["assistant"]
    content: (
        list[
            ImageUrlContentPart
            | OpaqueContentPart
            | TextContentPart
            | ThinkingContentPart
            | VideoUrlContentPart
        ]
        | None
        | str
        | TextContentPart
    ) = None
    tool_calls: list[AssistantToolCall] | None = None
    refusal: str | None = None
    reasoning_content: str | None = None
    stop_reason: StopReason | str | None = None
    prefix: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["role"] = self.role
        v = self.content
        if v is not None:
            field_dict["content"] = (
                [
                    (
                        _v0.to_dict()
                        if isinstance(_v0, TextContentPart)
                        else _v0.to_dict()
                        if isinstance(_v0, ImageUrlContentPart)
                        else _v0.to_dict()
                        if isinstance(_v0, VideoUrlContentPart)
                        else _v0.to_dict()
                        if isinstance(_v0, ThinkingContentPart)
                        else _v0.to_dict()
                        if isinstance(_v0, OpaqueContentPart)
                        else _v0
                    )
                    for _v0 in v
                ]
                if isinstance(v, list)
                else v.to_dict()
                if isinstance(v, TextContentPart)
                else v
            )
        v = self.tool_calls
        if v is not None:
            field_dict["tool_calls"] = [_v0.to_dict() for _v0 in v]
        v = self.refusal
        if v is not None:
            field_dict["refusal"] = v
        v = self.reasoning_content
        if v is not None:
            field_dict["reasoning_content"] = v
        v = self.stop_reason
        if v is not None:
            field_dict["stop_reason"] = v
        v = self.prefix
        if v is not None:
            field_dict["prefix"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _role = src_dict["role"]
        _content = get("content")
        if _content is not None:
            _content = (
                [
                    (
                        TextContentPart.from_dict(_v0)
                        if isinstance(_v0, dict) and _v0.get("type") == "text"
                        else ImageUrlContentPart.from_dict(_v0)
                        if isinstance(_v0, dict) and _v0.get("type") == "image_url"
                        else VideoUrlContentPart.from_dict(_v0)
                        if isinstance(_v0, dict) and _v0.get("type") == "video_url"
                        else ThinkingContentPart.from_dict(_v0)
                        if isinstance(_v0, dict) and _v0.get("type") == "thinking"
                        else OpaqueContentPart.from_dict(_v0)
                        if isinstance(_v0, dict)
                        else _v0
                    )
                    for _v0 in _content
                ]
                if isinstance(_content, list)
                else TextContentPart.from_dict(_content)
                if isinstance(_content, dict) and _content.get("type") == "text"
                else _content
            )
        _tool_calls = get("tool_calls")
        if _tool_calls is not None:
            _tool_calls = [AssistantToolCall.from_dict(_v0) for _v0 in _tool_calls]
        _refusal = get("refusal")
        _reasoning_content = get("reasoning_content")
        _stop_reason = get("stop_reason")
        _prefix = get("prefix")
        if cls is AssistantMessage:
            obj = _new(cls)
            obj.role = _role
            obj.content = _content
            obj.tool_calls = _tool_calls
            obj.refusal = _refusal
            obj.reasoning_content = _reasoning_content
            obj.stop_reason = _stop_reason
            obj.prefix = _prefix
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _role,
                _content,
                _tool_calls,
                _refusal,
                _reasoning_content,
                _stop_reason,
                _prefix,
            )
        if not _KNOWN_KEYS.issuperset(src_dict):
            obj.additional_properties = {
                k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS
            }
        return obj

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties)

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


if TYPE_CHECKING:
    from ..models.assistant_tool_call import AssistantToolCallParam
    from ..models.image_url_content_part import ImageUrlContentPartParam
    from ..models.opaque_content_part import OpaqueContentPartParam
    from ..models.text_content_part import TextContentPartParam
    from ..models.thinking_content_part import ThinkingContentPartParam
    from ..models.video_url_content_part import VideoUrlContentPartParam


class AssistantMessageParam(TypedDict, total=False):
    """AssistantMessage as a plain dict (what a request takes; the model is accepted too)."""

    role: Required[Literal["assistant"]]
    content: (
        str
        | Sequence[
            TextContentPartParam
            | TextContentPart
            | ImageUrlContentPartParam
            | ImageUrlContentPart
            | VideoUrlContentPartParam
            | VideoUrlContentPart
            | ThinkingContentPartParam
            | ThinkingContentPart
            | OpaqueContentPartParam
            | OpaqueContentPart
        ]
        | TextContentPartParam
        | TextContentPart
        | None
    )
    tool_calls: Sequence[AssistantToolCallParam | AssistantToolCall]
    refusal: str
    reasoning_content: str
    stop_reason: StopReason | str
    prefix: bool


AssistantMessageContentParam: TypeAlias = "str | Sequence[TextContentPartParam | TextContentPart | ImageUrlContentPartParam | ImageUrlContentPart | VideoUrlContentPartParam | VideoUrlContentPart | ThinkingContentPartParam | ThinkingContentPart | OpaqueContentPartParam | OpaqueContentPart] | TextContentPartParam | TextContentPart | None"
"""What AssistantMessage.content takes."""


AssistantMessageStopReasonParam: TypeAlias = "StopReason | str"
"""What AssistantMessage.stop_reason takes."""
