# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping, Sequence
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

from ..models.gradient_batch import GradientBatch

_KNOWN_KEYS = frozenset(
    {
        "data",
        "object",
        "first_id",
        "last_id",
        "has_more",
    }
)
"""The JSON keys GradientBatchList has a field for; the others go to `additional_properties`."""


@_attrs_define
class GradientBatchList:
    """A page of `GET /batches`.

    Attributes:
        data: The jobs, newest first.
        object_: `list`.
        first_id: The first job's id.
        last_id: The last job's id; `after` of the next page.
        has_more: Whether there is a next page.
    """

    data: list[GradientBatch]
    object_: str | None = None
    first_id: None | str = None
    last_id: None | str = None
    has_more: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.data
        field_dict["data"] = [_v0.to_dict() for _v0 in v]
        v = self.object_
        if v is not None:
            field_dict["object"] = v
        v = self.first_id
        if v is not None:
            field_dict["first_id"] = v
        v = self.last_id
        if v is not None:
            field_dict["last_id"] = v
        v = self.has_more
        if v is not None:
            field_dict["has_more"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _data = src_dict["data"]
        _data = [GradientBatch.from_dict(_v0) for _v0 in _data]
        _object_ = get("object")
        _first_id = get("first_id")
        _last_id = get("last_id")
        _has_more = get("has_more")
        if cls is GradientBatchList:
            obj = _new(cls)
            obj.data = _data
            obj.object_ = _object_
            obj.first_id = _first_id
            obj.last_id = _last_id
            obj.has_more = _has_more
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_data, _object_, _first_id, _last_id, _has_more)
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
    from ..models.gradient_batch import GradientBatchParam


class GradientBatchListParam(TypedDict, total=False):
    """GradientBatchList as a plain dict (what a request takes; the model is accepted too)."""

    data: Required[Sequence[GradientBatchParam | GradientBatch]]
    object: str
    first_id: str | None
    last_id: str | None
    has_more: bool


GradientBatchListFirstIdParam: TypeAlias = "str | None"
"""What GradientBatchList.first_id takes."""


GradientBatchListLastIdParam: TypeAlias = "str | None"
"""What GradientBatchList.last_id takes."""
