# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Required,
    Self,
    TypeAlias,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__


_KNOWN_KEYS = frozenset(
    {
        "result_available",
        "batch_id",
        "output_file_url",
        "error_file_url",
        "expires_at",
    }
)
"""The JSON keys GradientBatchResults has a field for; the others go to `additional_properties`."""


@_attrs_define
class GradientBatchResults:
    """A job's presigned download links (short-lived; fetched without the API key).

    Attributes:
        result_available: Whether the results exist yet.
        batch_id: The job's id.
        output_file_url: The output JSONL.
        error_file_url: The error sidecar JSONL, if any.
        expires_at: When the links expire.
    """

    result_available: bool
    batch_id: str | None = None
    output_file_url: None | str = None
    error_file_url: None | str = None
    expires_at: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["result_available"] = self.result_available
        v = self.batch_id
        if v is not None:
            field_dict["batch_id"] = v
        v = self.output_file_url
        if v is not None:
            field_dict["output_file_url"] = v
        v = self.error_file_url
        if v is not None:
            field_dict["error_file_url"] = v
        v = self.expires_at
        if v is not None:
            field_dict["expires_at"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _result_available = src_dict["result_available"]
        _batch_id = get("batch_id")
        _output_file_url = get("output_file_url")
        _error_file_url = get("error_file_url")
        _expires_at = get("expires_at")
        if cls is GradientBatchResults:
            obj = _new(cls)
            obj.result_available = _result_available
            obj.batch_id = _batch_id
            obj.output_file_url = _output_file_url
            obj.error_file_url = _error_file_url
            obj.expires_at = _expires_at
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _result_available,
                _batch_id,
                _output_file_url,
                _error_file_url,
                _expires_at,
            )
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


class GradientBatchResultsParam(TypedDict, total=False):
    """GradientBatchResults as a plain dict (what a request takes; the model is accepted too)."""

    result_available: Required[bool]
    batch_id: str
    output_file_url: str | None
    error_file_url: str | None
    expires_at: str | None


GradientBatchResultsOutputFileUrlParam: TypeAlias = "str | None"
"""What GradientBatchResults.output_file_url takes."""


GradientBatchResultsErrorFileUrlParam: TypeAlias = "str | None"
"""What GradientBatchResults.error_file_url takes."""


GradientBatchResultsExpiresAtParam: TypeAlias = "str | None"
"""What GradientBatchResults.expires_at takes."""
