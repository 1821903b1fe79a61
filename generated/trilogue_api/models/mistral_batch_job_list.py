# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import (
    TYPE_CHECKING,
    Any,
    Self,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__

from ..models.mistral_batch_job import MistralBatchJob

_KNOWN_KEYS = frozenset(
    {
        "object",
        "data",
        "total",
    }
)
"""The JSON keys MistralBatchJobList has a field for; the others go to `additional_properties`."""


@_attrs_define
class MistralBatchJobList:
    """A page of `GET /batch/jobs`.

    Attributes:
        object_: `list`.
        data: The jobs.
        total: Jobs over all pages.
    """

    object_: str | None = None
    data: list[MistralBatchJob] | None = None
    total: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.object_
        if v is not None:
            field_dict["object"] = v
        v = self.data
        if v is not None:
            field_dict["data"] = [_v0.to_dict() for _v0 in v]
        v = self.total
        if v is not None:
            field_dict["total"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _object_ = get("object")
        _data = get("data")
        if _data is not None:
            _data = [MistralBatchJob.from_dict(_v0) for _v0 in _data]
        _total = get("total")
        if cls is MistralBatchJobList:
            obj = _new(cls)
            obj.object_ = _object_
            obj.data = _data
            obj.total = _total
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_object_, _data, _total)
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
    from ..models.mistral_batch_job import MistralBatchJobParam


class MistralBatchJobListParam(TypedDict, total=False):
    """MistralBatchJobList as a plain dict (what a request takes; the model is accepted too)."""

    object: str
    data: Sequence[MistralBatchJobParam | MistralBatchJob]
    total: int
