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

from ..models.image_url_content_part import ImageUrlContentPart
from ..models.opaque_content_part import OpaqueContentPart
from ..models.text_content_part import TextContentPart
from ..models.video_url_content_part import VideoUrlContentPart

_KNOWN_KEYS = frozenset(
    {
        "role",
        "content",
    }
)
"""The JSON keys UserMessage has a field for; the others go to `additional_properties`."""


@_attrs_define
class UserMessage:
    """A message written by the user.

    Attributes:
        role: Always `user`.
        content: The user's message: a string, or an array of text, image, video (Gradient) and other
            (Mistral) parts.
    """

    role: Literal["user"]
    content: (
        list[
            ImageUrlContentPart
            | OpaqueContentPart
            | TextContentPart
            | VideoUrlContentPart
        ]
        | str
    )
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
                    if isinstance(_v0, ImageUrlContentPart)
                    else _v0.to_dict()
                    if isinstance(_v0, VideoUrlContentPart)
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
                    else ImageUrlContentPart.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "image_url"
                    else VideoUrlContentPart.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "video_url"
                    else OpaqueContentPart.from_dict(_v0)
                    if isinstance(_v0, dict)
                    else _v0
                )
                for _v0 in _content
            ]
            if isinstance(_content, list)
            else _content
        )
        if cls is UserMessage:
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
    from ..models.image_url_content_part import ImageUrlContentPartParam
    from ..models.opaque_content_part import OpaqueContentPartParam
    from ..models.text_content_part import TextContentPartParam
    from ..models.video_url_content_part import VideoUrlContentPartParam


class UserMessageParam(TypedDict, total=False):
    """UserMessage as a plain dict (what a request takes; the model is accepted too)."""

    role: Required[Literal["user"]]
    content: Required[
        str
        | Sequence[
            TextContentPartParam
            | TextContentPart
            | ImageUrlContentPartParam
            | ImageUrlContentPart
            | VideoUrlContentPartParam
            | VideoUrlContentPart
            | OpaqueContentPartParam
            | OpaqueContentPart
        ]
    ]


UserMessageContentParam: TypeAlias = "str | Sequence[TextContentPartParam | TextContentPart | ImageUrlContentPartParam | ImageUrlContentPart | VideoUrlContentPartParam | VideoUrlContentPart | OpaqueContentPartParam | OpaqueContentPart]"
"""What UserMessage.content takes."""
