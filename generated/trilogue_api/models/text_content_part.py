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

from ..models.cache_control import CacheControl

_KNOWN_KEYS = frozenset(
    {
        "type",
        "text",
        "cache_control",
    }
)
"""The JSON keys TextContentPart has a field for; the others go to `additional_properties`."""


@_attrs_define
class TextContentPart:
    """A text part of a message.

    Attributes:
        type_: Always `text`.
        text: The text.
        cache_control: Marks the end of a cacheable prompt prefix. Gradient only.
    """

    type_: Literal["text"]
    text: str | None = None
    cache_control: CacheControl | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["type"] = self.type_
        v = self.text
        if v is not None:
            field_dict["text"] = v
        v = self.cache_control
        if v is not None:
            field_dict["cache_control"] = v.to_dict()
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _type_ = src_dict["type"]
        _text = get("text")
        _cache_control = get("cache_control")
        if _cache_control is not None:
            _cache_control = CacheControl.from_dict(_cache_control)
        if cls is TextContentPart:
            obj = _new(cls)
            obj.type_ = _type_
            obj.text = _text
            obj.cache_control = _cache_control
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_type_, _text, _cache_control)
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
    from ..models.cache_control import CacheControlParam


class TextContentPartParam(TypedDict, total=False):
    """TextContentPart as a plain dict (what a request takes; the model is accepted too)."""

    type: Required[Literal["text"]]
    text: str
    cache_control: CacheControlParam | CacheControl
