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

_new = object.__new__

from ..models.function_call_delta import FunctionCallDelta

_KNOWN_KEYS = frozenset(
    {
        "index",
        "id",
        "type",
        "function",
    }
)
"""The JSON keys ToolCallDelta has a field for; the others go to `additional_properties`."""


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
        get = src_dict.get
        _index = get("index")
        _id = get("id")
        _type_ = get("type")
        _function = get("function")
        if _function is not None:
            _function = FunctionCallDelta.from_dict(_function)
        if cls is ToolCallDelta:
            obj = _new(cls)
            obj.index = _index
            obj.id = _id
            obj.type_ = _type_
            obj.function = _function
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_index, _id, _type_, _function)
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
    from ..models.function_call_delta import FunctionCallDeltaParam


class ToolCallDeltaParam(TypedDict, total=False):
    """ToolCallDelta as a plain dict (what a request takes; the model is accepted too)."""

    index: Required[int | None]
    id: str
    type: str
    function: FunctionCallDeltaParam | FunctionCallDelta


ToolCallDeltaIndexParam: TypeAlias = "int | None"
"""What ToolCallDelta.index takes."""
