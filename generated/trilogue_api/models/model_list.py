# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import (
    TYPE_CHECKING,
    Any,
    Required,
    Self,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__

from ..models.model import Model

_KNOWN_KEYS = frozenset(
    {
        "data",
        "object",
    }
)
"""The JSON keys ModelList has a field for; the others go to `additional_properties`."""


@_attrs_define
class ModelList:
    """The answer of `GET /models`.

    Attributes:
        data: The models.
        object_: `list` (absent from some servers).
    """

    data: list[Model]
    object_: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.data
        field_dict["data"] = [_v0.to_dict() for _v0 in v]
        v = self.object_
        if v is not None:
            field_dict["object"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _data = src_dict["data"]
        _data = [Model.from_dict(_v0) for _v0 in _data]
        _object_ = get("object")
        if cls is ModelList:
            obj = _new(cls)
            obj.data = _data
            obj.object_ = _object_
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_data, _object_)
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
    from ..models.model import ModelParam


class ModelListParam(TypedDict, total=False):
    """ModelList as a plain dict (what a request takes; the model is accepted too)."""

    data: Required[Sequence[ModelParam | Model]]
    object: str
