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

from ..models.gradient_batch_metadata import GradientBatchMetadata
from ..models.gradient_create_batch_request_completion_window import (
    GradientCreateBatchRequestCompletionWindow,
)
from ..models.gradient_create_batch_request_endpoint import (
    GradientCreateBatchRequestEndpoint,
)
from ..models.gradient_create_batch_request_provider import (
    GradientCreateBatchRequestProvider,
)

_KNOWN_KEYS = frozenset(
    {
        "file_id",
        "provider",
        "completion_window",
        "request_id",
        "endpoint",
        "metadata",
    }
)
"""The JSON keys GradientCreateBatchRequest has a field for; the others go to `additional_properties`."""


@_attrs_define
class GradientCreateBatchRequest:
    """The body of `POST /batches`. `request_id` is the idempotency key. `endpoint` is required
    with `provider: openai` and left out with `anthropic`.

    Attributes:
        file_id: The uploaded input file.
        provider: Whose line format the file follows.
        completion_window: The time the job has; past it, the job is `expired`.
        request_id: The caller's idempotency key.
        endpoint: The endpoint every line goes to.
        metadata: The caller's labels for a job (string values).
    """

    file_id: str
    provider: GradientCreateBatchRequestProvider
    completion_window: GradientCreateBatchRequestCompletionWindow
    request_id: str
    endpoint: GradientCreateBatchRequestEndpoint | None = None
    metadata: GradientBatchMetadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["file_id"] = self.file_id
        field_dict["provider"] = self.provider
        field_dict["completion_window"] = self.completion_window
        field_dict["request_id"] = self.request_id
        v = self.endpoint
        if v is not None:
            field_dict["endpoint"] = v
        v = self.metadata
        if v is not None:
            field_dict["metadata"] = v.to_dict()
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _file_id = src_dict["file_id"]
        _provider = src_dict["provider"]
        _completion_window = src_dict["completion_window"]
        _request_id = src_dict["request_id"]
        _endpoint = get("endpoint")
        _metadata = get("metadata")
        if _metadata is not None:
            _metadata = GradientBatchMetadata.from_dict(_metadata)
        if cls is GradientCreateBatchRequest:
            obj = _new(cls)
            obj.file_id = _file_id
            obj.provider = _provider
            obj.completion_window = _completion_window
            obj.request_id = _request_id
            obj.endpoint = _endpoint
            obj.metadata = _metadata
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _file_id,
                _provider,
                _completion_window,
                _request_id,
                _endpoint,
                _metadata,
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


class GradientCreateBatchRequestParam(TypedDict, total=False):
    """GradientCreateBatchRequest as a plain dict (what a request takes; the model is accepted too)."""

    file_id: Required[str]
    provider: Required[GradientCreateBatchRequestProvider]
    completion_window: Required[GradientCreateBatchRequestCompletionWindow]
    request_id: Required[str]
    endpoint: GradientCreateBatchRequestEndpoint
    metadata: dict[str, str]
