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

from ..models.opaque_content_part import OpaqueContentPart
from ..models.text_content_part import TextContentPart
from ..models.thinking_content_part import ThinkingContentPart

_KNOWN_KEYS = frozenset(
    {
        "role",
        "content",
    }
)
"""The JSON keys SystemMessage has a field for; the others go to `additional_properties`."""


@_attrs_define
class SystemMessage:
    """Instructions or context for the model.

    Attributes:
        role: Always `system`.
        content: The system prompt, as a string or an array of text (and Mistral thinking) parts.
    """

    role: Literal["system"]
    content: list[OpaqueContentPart | TextContentPart | ThinkingContentPart] | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["role"] = self.role
        v = self.content
        field_dict["content"] = (
            [
                (
                    _v0.to_dict()
                    if isinstance(_v0, TextContentPart)
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
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _role = src_dict["role"]
        _content = src_dict["content"]
        _content = (
            [
                (
                    TextContentPart.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "text"
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
        if cls is SystemMessage:
            obj = _new(cls)
            obj.role = _role
            obj.content = _content
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_role, _content)
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
    from ..models.opaque_content_part import OpaqueContentPartParam
    from ..models.text_content_part import TextContentPartParam
    from ..models.thinking_content_part import ThinkingContentPartParam


class SystemMessageParam(TypedDict, total=False):
    """SystemMessage as a plain dict (what a request takes; the model is accepted too)."""

    role: Required[Literal["system"]]
    content: Required[
        str
        | Sequence[
            TextContentPartParam
            | TextContentPart
            | ThinkingContentPartParam
            | ThinkingContentPart
            | OpaqueContentPartParam
            | OpaqueContentPart
        ]
    ]


SystemMessageContentParam: TypeAlias = "str | Sequence[TextContentPartParam | TextContentPart | ThinkingContentPartParam | ThinkingContentPart | OpaqueContentPartParam | OpaqueContentPart]"
"""What SystemMessage.content takes."""
