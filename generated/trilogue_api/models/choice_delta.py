# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import (
    TYPE_CHECKING,
    Any,
    Required,
    Self,
    TypeAlias,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__

from ..models.image_url_content_part import ImageUrlContentPart
from ..models.message_metadata import MessageMetadata
from ..models.opaque_content_part import OpaqueContentPart
from ..models.response_role import ResponseRole
from ..models.text_content_part import TextContentPart
from ..models.thinking_content_part import ThinkingContentPart
from ..models.tool_call_delta import ToolCallDelta

_KNOWN_KEYS = frozenset(
    {
        "content",
        "role",
        "reasoning_content",
        "reasoning",
        "parts",
        "refusal",
        "index",
        "tool_call_id",
        "metadata",
        "tool_calls",
    }
)
"""The JSON keys ChoiceDelta has a field for; the others go to `additional_properties`."""


@_attrs_define
class ChoiceDelta:
    """The new part of the message.

    Attributes:
        content: Next piece of text (an array of parts on some Mistral models), or null.
        role: Sent on the first delta.
        reasoning_content: Next piece of reasoning text (Gradient).
        reasoning: Next piece of the model's reasoning, whatever the server called it: Gradient's
            `reasoning_content`, vLLM's and llama.cpp's `reasoning`, Mistral's `thinking` parts.
            Filled in by the client (`x-client-normalised`); never sent by the servers as such.
        parts: The content as the server sent it when it was an array of parts (Mistral); `content`
            then holds the text of its text parts. Filled in by the client (`x-client-normalised`).
        refusal: Next piece of a refusal.
        index: Which message of a multi-message output this is (Mistral `DeltaMessage.index`); in a
            stream, deltas with different `index` belong to different messages.
        tool_call_id: The tool call a message of a multi-message output answers (Mistral).
        metadata: Free-form metadata of a message of a multi-message output (Mistral).
        tool_calls: Pieces of tool calls, keyed by `index`.
    """

    content: (
        list[
            ImageUrlContentPart
            | OpaqueContentPart
            | TextContentPart
            | ThinkingContentPart
        ]
        | None
        | str
    ) = None
    role: ResponseRole | str | None = None
    reasoning_content: None | str = None
    reasoning: None | str = None
    parts: (
        list[
            ImageUrlContentPart
            | OpaqueContentPart
            | TextContentPart
            | ThinkingContentPart
        ]
        | None
    ) = None
    refusal: None | str = None
    index: int | None = None
    tool_call_id: None | str = None
    metadata: MessageMetadata | None = None
    tool_calls: list[ToolCallDelta] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.content
        field_dict["content"] = (
            None
            if v is None
            else (
                [
                    (
                        _v0.to_dict()
                        if isinstance(_v0, TextContentPart)
                        else _v0.to_dict()
                        if isinstance(_v0, ImageUrlContentPart)
                        else _v0.to_dict()
                        if isinstance(_v0, ThinkingContentPart)
                        else _v0.to_dict()
                        if isinstance(_v0, OpaqueContentPart)
                        else _v0
                    )
                    for _v0 in v
                ]
                if isinstance(v, list)
                else v
            )
        )
        v = self.role
        if v is not None:
            field_dict["role"] = v
        v = self.reasoning_content
        if v is not None:
            field_dict["reasoning_content"] = v
        v = self.reasoning
        if v is not None:
            field_dict["reasoning"] = v
        v = self.parts
        if v is not None:
            field_dict["parts"] = [
                (
                    _v0.to_dict()
                    if isinstance(_v0, TextContentPart)
                    else _v0.to_dict()
                    if isinstance(_v0, ImageUrlContentPart)
                    else _v0.to_dict()
                    if isinstance(_v0, ThinkingContentPart)
                    else _v0.to_dict()
                    if isinstance(_v0, OpaqueContentPart)
                    else _v0
                )
                for _v0 in v
            ]
        v = self.refusal
        if v is not None:
            field_dict["refusal"] = v
        v = self.index
        if v is not None:
            field_dict["index"] = v
        v = self.tool_call_id
        if v is not None:
            field_dict["tool_call_id"] = v
        v = self.metadata
        if v is not None:
            field_dict["metadata"] = (
                v.to_dict() if isinstance(v, MessageMetadata) else v
            )
        v = self.tool_calls
        if v is not None:
            field_dict["tool_calls"] = [_v0.to_dict() for _v0 in v]
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _content = get("content")
        if _content is not None:
            _content = (
                [
                    (
                        TextContentPart.from_dict(_v0)
                        if isinstance(_v0, dict) and _v0.get("type") == "text"
                        else ImageUrlContentPart.from_dict(_v0)
                        if isinstance(_v0, dict) and _v0.get("type") == "image_url"
                        else ThinkingContentPart.from_dict(_v0)
                        if isinstance(_v0, dict) and _v0.get("type") == "thinking"
                        else OpaqueContentPart.from_dict(_v0)
                        if isinstance(_v0, dict)
                        else _v0
                    )
                    for _v0 in _content
                ]
                if isinstance(_content, list)
                else _content
            )
        _role = get("role")
        _reasoning_content = get("reasoning_content")
        _reasoning = get("reasoning")
        _parts = get("parts")
        if _parts is not None:
            _parts = [
                (
                    TextContentPart.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "text"
                    else ImageUrlContentPart.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "image_url"
                    else ThinkingContentPart.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "thinking"
                    else OpaqueContentPart.from_dict(_v0)
                    if isinstance(_v0, dict)
                    else _v0
                )
                for _v0 in _parts
            ]
        _refusal = get("refusal")
        _index = get("index")
        _tool_call_id = get("tool_call_id")
        _metadata = get("metadata")
        if _metadata is not None:
            _metadata = (
                MessageMetadata.from_dict(_metadata)
                if isinstance(_metadata, dict)
                else _metadata
            )
        _tool_calls = get("tool_calls")
        if _tool_calls is not None:
            _tool_calls = [ToolCallDelta.from_dict(_v0) for _v0 in _tool_calls]
        if cls is ChoiceDelta:
            obj = _new(cls)
            obj.content = _content
            obj.role = _role
            obj.reasoning_content = _reasoning_content
            obj.reasoning = _reasoning
            obj.parts = _parts
            obj.refusal = _refusal
            obj.index = _index
            obj.tool_call_id = _tool_call_id
            obj.metadata = _metadata
            obj.tool_calls = _tool_calls
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _content,
                _role,
                _reasoning_content,
                _reasoning,
                _parts,
                _refusal,
                _index,
                _tool_call_id,
                _metadata,
                _tool_calls,
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
    from ..models.image_url_content_part import ImageUrlContentPartParam
    from ..models.opaque_content_part import OpaqueContentPartParam
    from ..models.text_content_part import TextContentPartParam
    from ..models.thinking_content_part import ThinkingContentPartParam
    from ..models.tool_call_delta import ToolCallDeltaParam


class ChoiceDeltaParam(TypedDict, total=False):
    """ChoiceDelta as a plain dict (what a request takes; the model is accepted too)."""

    content: Required[
        str
        | Sequence[
            TextContentPartParam
            | TextContentPart
            | ImageUrlContentPartParam
            | ImageUrlContentPart
            | ThinkingContentPartParam
            | ThinkingContentPart
            | OpaqueContentPartParam
            | OpaqueContentPart
        ]
        | None
    ]
    role: ResponseRole | str
    reasoning_content: str | None
    reasoning: str | None
    parts: Sequence[
        TextContentPartParam
        | TextContentPart
        | ImageUrlContentPartParam
        | ImageUrlContentPart
        | ThinkingContentPartParam
        | ThinkingContentPart
        | OpaqueContentPartParam
        | OpaqueContentPart
    ]
    refusal: str | None
    index: int | None
    tool_call_id: str | None
    metadata: dict[str, Any] | None
    tool_calls: Sequence[ToolCallDeltaParam | ToolCallDelta]


ChoiceDeltaContentParam: TypeAlias = "str | Sequence[TextContentPartParam | TextContentPart | ImageUrlContentPartParam | ImageUrlContentPart | ThinkingContentPartParam | ThinkingContentPart | OpaqueContentPartParam | OpaqueContentPart] | None"
"""What ChoiceDelta.content takes."""


ChoiceDeltaRoleParam: TypeAlias = "ResponseRole | str"
"""What ChoiceDelta.role takes."""


ChoiceDeltaReasoningContentParam: TypeAlias = "str | None"
"""What ChoiceDelta.reasoning_content takes."""


ChoiceDeltaReasoningParam: TypeAlias = "str | None"
"""What ChoiceDelta.reasoning takes."""


ChoiceDeltaPartsItemParam: TypeAlias = "TextContentPartParam | TextContentPart | ImageUrlContentPartParam | ImageUrlContentPart | ThinkingContentPartParam | ThinkingContentPart | OpaqueContentPartParam | OpaqueContentPart"
"""One item of ChoiceDelta.parts."""


ChoiceDeltaRefusalParam: TypeAlias = "str | None"
"""What ChoiceDelta.refusal takes."""


ChoiceDeltaIndexParam: TypeAlias = "int | None"
"""What ChoiceDelta.index takes."""


ChoiceDeltaToolCallIdParam: TypeAlias = "str | None"
"""What ChoiceDelta.tool_call_id takes."""


ChoiceDeltaMetadataParam: TypeAlias = "dict[str, Any] | None"
"""What ChoiceDelta.metadata takes."""
