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

_KNOWN_KEYS = frozenset(
    {
        "type",
        "thinking",
        "signature",
        "closed",
    }
)
"""The JSON keys ThinkingContentPart has a field for; the others go to `additional_properties`."""


@_attrs_define
class ThinkingContentPart:
    """A Mistral reasoning block: the reasoning as text parts, and a `signature` that lets
    Mistral replay the block when it is sent back in a later turn. Mistral only.

    Attributes:
        type_: Always `thinking`.
        thinking: The reasoning, as text parts (Mistral's reference parts pass through).
        signature: Opaque signature to send back unchanged with the block (null when absent).
        closed: Whether the block is closed (used when prefixing). Default true.
    """

    type_: Literal["thinking"]
    thinking: list[OpaqueContentPart | TextContentPart] | None = None
    signature: str | None = None
    closed: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["type"] = self.type_
        v = self.thinking
        if v is not None:
            field_dict["thinking"] = [
                (
                    _v0.to_dict()
                    if isinstance(_v0, TextContentPart)
                    else _v0.to_dict()
                    if isinstance(_v0, OpaqueContentPart)
                    else _v0
                )
                for _v0 in v
            ]
        v = self.signature
        if v is not None:
            field_dict["signature"] = v
        v = self.closed
        if v is not None:
            field_dict["closed"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _type_ = src_dict["type"]
        _thinking = get("thinking")
        if _thinking is not None:
            _thinking = [
                (
                    TextContentPart.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "text"
                    else OpaqueContentPart.from_dict(_v0)
                    if isinstance(_v0, dict)
                    else _v0
                )
                for _v0 in _thinking
            ]
        _signature = get("signature")
        _closed = get("closed")
        if cls is ThinkingContentPart:
            obj = _new(cls)
            obj.type_ = _type_
            obj.thinking = _thinking
            obj.signature = _signature
            obj.closed = _closed
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_type_, _thinking, _signature, _closed)
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


class ThinkingContentPartParam(TypedDict, total=False):
    """ThinkingContentPart as a plain dict (what a request takes; the model is accepted too)."""

    type: Required[Literal["thinking"]]
    thinking: Sequence[
        TextContentPartParam
        | TextContentPart
        | OpaqueContentPartParam
        | OpaqueContentPart
    ]
    signature: str
    closed: bool


ThinkingContentPartThinkingItemParam: TypeAlias = "TextContentPartParam | TextContentPart | OpaqueContentPartParam | OpaqueContentPart"
"""One item of ThinkingContentPart.thinking."""
