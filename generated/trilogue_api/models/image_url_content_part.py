# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
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

from ..models.image_url import ImageUrl

_KNOWN_KEYS = frozenset(
    {
        "type",
        "image_url",
    }
)
"""The JSON keys ImageUrlContentPart has a field for; the others go to `additional_properties`."""


@_attrs_define
class ImageUrlContentPart:
    """An image part, given by URL or data URL.

    Attributes:
        type_: Always `image_url`.
        image_url: The image, as an object or (Mistral) a bare URL string.
    """

    type_: Literal["image_url"]
    image_url: ImageUrl | str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["type"] = self.type_
        v = self.image_url
        if v is not None:
            field_dict["image_url"] = v.to_dict() if isinstance(v, ImageUrl) else v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _type_ = src_dict["type"]
        _image_url = get("image_url")
        if _image_url is not None:
            _image_url = (
                ImageUrl.from_dict(_image_url)
                if isinstance(_image_url, dict)
                else _image_url
            )
        if cls is ImageUrlContentPart:
            obj = _new(cls)
            obj.type_ = _type_
            obj.image_url = _image_url
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_type_, _image_url)
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
    from ..models.image_url import ImageUrlParam


class ImageUrlContentPartParam(TypedDict, total=False):
    """ImageUrlContentPart as a plain dict (what a request takes; the model is accepted too)."""

    type: Required[Literal["image_url"]]
    image_url: ImageUrlParam | ImageUrl | str


ImageUrlContentPartImageUrlParam: TypeAlias = "ImageUrlParam | ImageUrl | str"
"""What ImageUrlContentPart.image_url takes."""
