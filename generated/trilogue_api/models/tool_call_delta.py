# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Required,
    Self,
    TypeAlias,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.function_call_delta import FunctionCallDelta


@_attrs_define
class ToolCallDelta:
    """A piece of a tool call. The first piece of a call carries its id and name; `arguments`
    arrives in fragments to be concatenated per `index`.

    Attributes:
        index: Which tool call of the message this piece belongs to. Some OpenAI-compatible servers
            leave it out; it then reads as None and pieces are matched by id, then by order.
        id: Id of the tool call (first piece).
        type_: Always `function` in practice (first piece).
        function: A piece of a function call.
    """

    index: int | None = None
    id: str | None = None
    type_: str | None = None
    function: FunctionCallDelta | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.index
        field_dict["index"] = v
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
        _index = d.pop("index", None)
        _id = d.pop("id", None)
        _type_ = d.pop("type", None)
        _function = d.pop("function", None)
        if _function is not None:
            _function = FunctionCallDelta.from_dict(_function)
        obj = cls(
            index=_index,
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
    from ..models.function_call_delta import FunctionCallDeltaParam


class ToolCallDeltaParam(TypedDict, total=False):
    """ToolCallDelta as a plain dict (what a request takes; the model is accepted too)."""

    index: Required[int | None]
    id: str
    type: str
    function: FunctionCallDeltaParam | FunctionCallDelta


ToolCallDeltaIndexParam: TypeAlias = "int | None"
"""What ToolCallDelta.index takes."""
