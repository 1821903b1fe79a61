# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Required,
    Self,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__


_KNOWN_KEYS = frozenset(
    {
        "file_name",
    }
)
"""The JSON keys GradientBatchFileCreateRequest has a field for; the others go to `additional_properties`."""


@_attrs_define
class GradientBatchFileCreateRequest:
    """The body of `POST /batches/files`. `x-batch-file-limits`: the input file is at most
    50,000 requests and 200 MB (DigitalOcean's docs; 200 MB read as 200,000,000 bytes, the
    stricter reading).

    Attributes:
        file_name: The name of the file to upload; it must end with `.jsonl`.
    """

    file_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["file_name"] = self.file_name
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _file_name = src_dict["file_name"]
        if cls is GradientBatchFileCreateRequest:
            obj = _new(cls)
            obj.file_name = _file_name
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_file_name)
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


class GradientBatchFileCreateRequestParam(TypedDict, total=False):
    """GradientBatchFileCreateRequest as a plain dict (what a request takes; the model is accepted too)."""

    file_name: Required[str]
