# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Self,
    TypeAlias,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__

from ..models.function_arguments_object import FunctionArgumentsObject

_KNOWN_KEYS = frozenset(
    {
        "name",
        "arguments",
    }
)
"""The JSON keys FunctionCallDelta has a field for; the others go to `additional_properties`."""


@_attrs_define
class FunctionCallDelta:
    """A piece of a function call.

    Attributes:
        name: Function name (first piece).
        arguments: Next fragment of the JSON arguments (Mistral may send a whole object).
    """

    name: str | None = None
    arguments: FunctionArgumentsObject | str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.name
        if v is not None:
            field_dict["name"] = v
        v = self.arguments
        if v is not None:
            field_dict["arguments"] = (
                v.to_dict() if isinstance(v, FunctionArgumentsObject) else v
            )
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _name = get("name")
        _arguments = get("arguments")
        if _arguments is not None:
            _arguments = (
                FunctionArgumentsObject.from_dict(_arguments)
                if isinstance(_arguments, dict)
                else _arguments
            )
        if cls is FunctionCallDelta:
            obj = _new(cls)
            obj.name = _name
            obj.arguments = _arguments
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_name, _arguments)
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


class FunctionCallDeltaParam(TypedDict, total=False):
    """FunctionCallDelta as a plain dict (what a request takes; the model is accepted too)."""

    name: str
    arguments: str | dict[str, Any]


FunctionCallDeltaArgumentsParam: TypeAlias = "str | dict[str, Any]"
"""What FunctionCallDelta.arguments takes."""
