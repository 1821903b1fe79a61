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


_KNOWN_KEYS = frozenset(
    {
        "message",
        "type",
        "code",
        "param",
    }
)
"""The JSON keys ErrorDetail has a field for; the others go to `additional_properties`."""


@_attrs_define
class ErrorDetail:
    """Structured error.

    Attributes:
        message: Human-readable message.
        type_: Error type.
        code: Error code.
        param: The offending parameter, if any.
    """

    message: str | None = None
    type_: str | None = None
    code: int | None | str = None
    param: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.message
        if v is not None:
            field_dict["message"] = v
        v = self.type_
        if v is not None:
            field_dict["type"] = v
        v = self.code
        if v is not None:
            field_dict["code"] = v
        v = self.param
        if v is not None:
            field_dict["param"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _message = get("message")
        _type_ = get("type")
        _code = get("code")
        _param = get("param")
        if cls is ErrorDetail:
            obj = _new(cls)
            obj.message = _message
            obj.type_ = _type_
            obj.code = _code
            obj.param = _param
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_message, _type_, _code, _param)
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


class ErrorDetailParam(TypedDict, total=False):
    """ErrorDetail as a plain dict (what a request takes; the model is accepted too)."""

    message: str
    type: str
    code: str | int | None
    param: str | None


ErrorDetailCodeParam: TypeAlias = "str | int | None"
"""What ErrorDetail.code takes."""


ErrorDetailParamParam: TypeAlias = "str | None"
"""What ErrorDetail.param takes."""
