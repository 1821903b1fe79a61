# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.function_call import FunctionCall


@_attrs_define
class AssistantToolCall:
    """A tool call made by the model in an earlier turn.

    Attributes:
        id: Id of the tool call, echoed by the matching tool message.
        type_: Always `function`; Llama's native form omits it.
        function: The function a tool call invokes.
    """

    id: str | None = None
    type_: Literal["function"] | None = None
    function: FunctionCall | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.id
        if v is not None:
            field_dict["id"] = v
        v = self.type_
        if v is not None:
            field_dict["type"] = v
        v = self.function
        if v is not None:
            field_dict["function"] = v.to_dict()
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", None)
        _type_ = d.pop("type", None)
        _function = d.pop("function", None)
        if _function is not None:
            _function = FunctionCall.from_dict(_function)
        obj = cls(
            id=_id,
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
    from ..models.function_call import FunctionCallParam


class AssistantToolCallParam(TypedDict, total=False):
    """AssistantToolCall as a plain dict (what a request takes; the model is accepted too)."""

    id: str
    type: Literal["function"]
    function: FunctionCallParam | FunctionCall
