# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Self,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__


_KNOWN_KEYS = frozenset(
    {
        "ephemeral_5m_input_tokens",
        "ephemeral_1h_input_tokens",
    }
)
"""The JSON keys CacheCreation has a field for; the others go to `additional_properties`."""


@_attrs_define
class CacheCreation:
    """Prompt tokens written to the cache, by TTL (Gradient).

    Attributes:
        ephemeral_5m_input_tokens: Tokens written to the 5-minute cache.
        ephemeral_1h_input_tokens: Tokens written to the 1-hour cache.
    """

    ephemeral_5m_input_tokens: int | None = None
    ephemeral_1h_input_tokens: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.ephemeral_5m_input_tokens
        if v is not None:
            field_dict["ephemeral_5m_input_tokens"] = v
        v = self.ephemeral_1h_input_tokens
        if v is not None:
            field_dict["ephemeral_1h_input_tokens"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _ephemeral_5m_input_tokens = get("ephemeral_5m_input_tokens")
        _ephemeral_1h_input_tokens = get("ephemeral_1h_input_tokens")
        if cls is CacheCreation:
            obj = _new(cls)
            obj.ephemeral_5m_input_tokens = _ephemeral_5m_input_tokens
            obj.ephemeral_1h_input_tokens = _ephemeral_1h_input_tokens
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_ephemeral_5m_input_tokens, _ephemeral_1h_input_tokens)
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


class CacheCreationParam(TypedDict, total=False):
    """CacheCreation as a plain dict (what a request takes; the model is accepted too)."""

    ephemeral_5m_input_tokens: int
    ephemeral_1h_input_tokens: int
