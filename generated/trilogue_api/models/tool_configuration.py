# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping, Sequence
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
        "include",
        "exclude",
        "requires_confirmation",
    }
)
"""The JSON keys ToolConfiguration has a field for; the others go to `additional_properties`."""


@_attrs_define
class ToolConfiguration:
    """Which of a built-in tool's actions to include, exclude or confirm first (Mistral).

    Attributes:
        include: Actions to offer.
        exclude: Actions not to offer.
        requires_confirmation: Actions that need a confirmation first.
    """

    include: list[str] | None = None
    exclude: list[str] | None = None
    requires_confirmation: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.include
        if v is not None:
            field_dict["include"] = v
        v = self.exclude
        if v is not None:
            field_dict["exclude"] = v
        v = self.requires_confirmation
        if v is not None:
            field_dict["requires_confirmation"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _include = get("include")
        _exclude = get("exclude")
        _requires_confirmation = get("requires_confirmation")
        if cls is ToolConfiguration:
            obj = _new(cls)
            obj.include = _include
            obj.exclude = _exclude
            obj.requires_confirmation = _requires_confirmation
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_include, _exclude, _requires_confirmation)
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


class ToolConfigurationParam(TypedDict, total=False):
    """ToolConfiguration as a plain dict (what a request takes; the model is accepted too)."""

    include: Sequence[str]
    exclude: Sequence[str]
    requires_confirmation: Sequence[str]
