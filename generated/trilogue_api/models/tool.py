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

from ..models.function_definition import FunctionDefinition

_KNOWN_KEYS = frozenset(
    {
        "type",
        "function",
    }
)
"""The JSON keys Tool has a field for; the others go to `additional_properties`."""


@_attrs_define
class Tool:
    """A function the model may call. `function` is required by every provider (an empty tool
    is refused before sending).

    Attributes:
        type_: Always `function`.
        function: Description of a callable function. `name` is required by every provider; Mistral also
            requires `parameters` (`x-required-by`).
    """

    type_: Literal["function"]
    function: FunctionDefinition
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["type"] = self.type_
        v = self.function
        field_dict["function"] = v.to_dict()
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _type_ = src_dict["type"]
        _function = src_dict["function"]
        _function = FunctionDefinition.from_dict(_function)
        if cls is Tool:
            obj = _new(cls)
            obj.type_ = _type_
            obj.function = _function
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_type_, _function)
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
    from ..models.function_definition import FunctionDefinitionParam


class ToolParam(TypedDict, total=False):
    """Tool as a plain dict (what a request takes; the model is accepted too)."""

    type: Required[Literal["function"]]
    function: Required[FunctionDefinitionParam | FunctionDefinition]
