# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Required,
    Self,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__

from ..models.video_url import VideoUrl

_KNOWN_KEYS = frozenset(
    {
        "type",
        "video_url",
    }
)
"""The JSON keys VideoUrlContentPart has a field for; the others go to `additional_properties`."""


@_attrs_define
class VideoUrlContentPart:
    """A video part, given by URL or data URL. Gradient only.

    Attributes:
        type_: Always `video_url`.
        video_url: Location of a video.
    """

    type_: Literal["video_url"]
    video_url: VideoUrl | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["type"] = self.type_
        v = self.video_url
        if v is not None:
            field_dict["video_url"] = v.to_dict()
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _type_ = src_dict["type"]
        _video_url = get("video_url")
        if _video_url is not None:
            _video_url = VideoUrl.from_dict(_video_url)
        if cls is VideoUrlContentPart:
            obj = _new(cls)
            obj.type_ = _type_
            obj.video_url = _video_url
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_type_, _video_url)
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
    from ..models.video_url import VideoUrlParam


class VideoUrlContentPartParam(TypedDict, total=False):
    """VideoUrlContentPart as a plain dict (what a request takes; the model is accepted too)."""

    type: Required[Literal["video_url"]]
    video_url: VideoUrlParam | VideoUrl
