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

from ..models.named_tool_choice_function import NamedToolChoiceFunction


@_attrs_define
class NamedToolChoice:
    """Forces the model to call one specific function, named in `function`.

    Attributes:
        type_: Always `function`.
        function: The function to call.
    """

    type_: Literal["function"]
    function: NamedToolChoiceFunction
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
        d = dict(src_dict)
        _type_ = d.pop("type")
        _function = d.pop("function")
        _function = NamedToolChoiceFunction.from_dict(_function)
        obj = cls(
            type_=_type_,
            function=_function,
        )
        obj.additional_properties = d
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
    from ..models.named_tool_choice_function import NamedToolChoiceFunctionParam


class NamedToolChoiceParam(TypedDict, total=False):
    """NamedToolChoice as a plain dict (what a request takes; the model is accepted too)."""

    type: Required[Literal["function"]]
    function: Required[NamedToolChoiceFunctionParam | NamedToolChoiceFunction]
