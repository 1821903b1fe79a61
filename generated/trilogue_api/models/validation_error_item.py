# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import (
    Any,
    Self,
    TypeAlias,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__


_KNOWN_KEYS = frozenset(
    {
        "loc",
        "msg",
        "type",
    }
)
"""The JSON keys ValidationErrorItem has a field for; the others go to `additional_properties`."""


@_attrs_define
class ValidationErrorItem:
    """One validation failure.

    Attributes:
        loc: Path to the offending value.
        msg: What is wrong.
        type_: Error kind.
    """

    loc: list[int | str] | None = None
    msg: str | None = None
    type_: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.loc
        if v is not None:
            field_dict["loc"] = v
        v = self.msg
        if v is not None:
            field_dict["msg"] = v
        v = self.type_
        if v is not None:
            field_dict["type"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _loc = get("loc")
        _msg = get("msg")
        _type_ = get("type")
        if cls is ValidationErrorItem:
            obj = _new(cls)
            obj.loc = _loc
            obj.msg = _msg
            obj.type_ = _type_
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_loc, _msg, _type_)
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


class ValidationErrorItemParam(TypedDict, total=False):
    """ValidationErrorItem as a plain dict (what a request takes; the model is accepted too)."""

    loc: Sequence[str | int]
    msg: str
    type: str


ValidationErrorItemLocItemParam: TypeAlias = "str | int"
"""One item of ValidationErrorItem.loc."""
