# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Required,
    Self,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__

from ..models.function_parameters import FunctionParameters

_KNOWN_KEYS = frozenset(
    {
        "name",
        "description",
        "parameters",
        "strict",
    }
)
"""The JSON keys FunctionDefinition has a field for; the others go to `additional_properties`."""


@_attrs_define
class FunctionDefinition:
    """Description of a callable function. `name` is required by every provider; Mistral also
    requires `parameters` (`x-required-by`).

    Attributes:
        name: Function name; letters, digits, underscores and dashes, at most 64 characters.
        description: What the function does; the model uses it to decide when and how to call it.
        parameters: JSON Schema (an object schema) of the function's arguments. Omitting it declares a
            function
            without parameters on Llama and Gradient; Mistral requires it (give
            `{"type": "object", "properties": {}}` for none).
        strict: Enforce exact adherence to `parameters` when generating the call. Default false.
    """

    name: str
    description: str | None = None
    parameters: FunctionParameters | None = None
    strict: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["name"] = self.name
        v = self.description
        if v is not None:
            field_dict["description"] = v
        v = self.parameters
        if v is not None:
            field_dict["parameters"] = v.to_dict()
        v = self.strict
        if v is not None:
            field_dict["strict"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _name = src_dict["name"]
        _description = get("description")
        _parameters = get("parameters")
        if _parameters is not None:
            _parameters = FunctionParameters.from_dict(_parameters)
        _strict = get("strict")
        if cls is FunctionDefinition:
            obj = _new(cls)
            obj.name = _name
            obj.description = _description
            obj.parameters = _parameters
            obj.strict = _strict
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_name, _description, _parameters, _strict)
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


class FunctionDefinitionParam(TypedDict, total=False):
    """FunctionDefinition as a plain dict (what a request takes; the model is accepted too)."""

    name: Required[str]
    description: str
    parameters: dict[str, Any]
    strict: bool
