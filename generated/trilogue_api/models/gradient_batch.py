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

from ..models.gradient_batch_error import GradientBatchError
from ..models.gradient_batch_metadata_type_0 import GradientBatchMetadataType0
from ..models.gradient_batch_request_counts import GradientBatchRequestCounts
from ..models.gradient_batch_status import (
    GradientBatchStatus,
)

_KNOWN_KEYS = frozenset(
    {
        "batch_id",
        "status",
        "provider",
        "endpoint",
        "completion_window",
        "input_file_id",
        "output_file_id",
        "error_file_id",
        "request_counts",
        "request_id",
        "metadata",
        "errors",
        "created_at",
        "in_progress_at",
        "completed_at",
        "expires_at",
        "cancelled_at",
        "failed_at",
    }
)
"""The JSON keys GradientBatch has a field for; the others go to `additional_properties`."""


@_attrs_define
class GradientBatch:
    """A Gradient batch job.

    Attributes:
        batch_id: The job's id.
        status: Its state.
        provider: `openai` or `anthropic`.
        endpoint: The endpoint its requests go to.
        completion_window: `24h`.
        input_file_id: Its input file.
        output_file_id: Its output file, once complete.
        error_file_id: Its error file, if any.
        request_counts: A job's requests by outcome.
        request_id: The idempotency key it was created with.
        metadata: The caller's labels.
        errors: Errors that kept it from completing.
        created_at: When it was created (ISO 8601).
        in_progress_at: When it started.
        completed_at: When it completed.
        expires_at: When its window ends.
        cancelled_at: When it was cancelled.
        failed_at: When it failed.
    """

    batch_id: str
    status: GradientBatchStatus | str
    provider: str | None = None
    endpoint: None | str = None
    completion_window: str | None = None
    input_file_id: str | None = None
    output_file_id: None | str = None
    error_file_id: None | str = None
    request_counts: GradientBatchRequestCounts | None = None
    request_id: None | str = None
    metadata: GradientBatchMetadataType0 | None = None
    errors: list[GradientBatchError] | None = None
    created_at: str | None = None
    in_progress_at: None | str = None
    completed_at: None | str = None
    expires_at: None | str = None
    cancelled_at: None | str = None
    failed_at: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["batch_id"] = self.batch_id
        field_dict["status"] = self.status
        v = self.provider
        if v is not None:
            field_dict["provider"] = v
        v = self.endpoint
        if v is not None:
            field_dict["endpoint"] = v
        v = self.completion_window
        if v is not None:
            field_dict["completion_window"] = v
        v = self.input_file_id
        if v is not None:
            field_dict["input_file_id"] = v
        v = self.output_file_id
        if v is not None:
            field_dict["output_file_id"] = v
        v = self.error_file_id
        if v is not None:
            field_dict["error_file_id"] = v
        v = self.request_counts
        if v is not None:
            field_dict["request_counts"] = v.to_dict()
        v = self.request_id
        if v is not None:
            field_dict["request_id"] = v
        v = self.metadata
        if v is not None:
            field_dict["metadata"] = (
                v.to_dict() if isinstance(v, GradientBatchMetadataType0) else v
            )
        v = self.errors
        if v is not None:
            field_dict["errors"] = (
                [_v0.to_dict() for _v0 in v] if isinstance(v, list) else v
            )
        v = self.created_at
        if v is not None:
            field_dict["created_at"] = v
        v = self.in_progress_at
        if v is not None:
            field_dict["in_progress_at"] = v
        v = self.completed_at
        if v is not None:
            field_dict["completed_at"] = v
        v = self.expires_at
        if v is not None:
            field_dict["expires_at"] = v
        v = self.cancelled_at
        if v is not None:
            field_dict["cancelled_at"] = v
        v = self.failed_at
        if v is not None:
            field_dict["failed_at"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _batch_id = src_dict["batch_id"]
        _status = src_dict["status"]
        _provider = get("provider")
        _endpoint = get("endpoint")
        _completion_window = get("completion_window")
        _input_file_id = get("input_file_id")
        _output_file_id = get("output_file_id")
        _error_file_id = get("error_file_id")
        _request_counts = get("request_counts")
        if _request_counts is not None:
            _request_counts = GradientBatchRequestCounts.from_dict(_request_counts)
        _request_id = get("request_id")
        _metadata = get("metadata")
        if _metadata is not None:
            _metadata = (
                GradientBatchMetadataType0.from_dict(_metadata)
                if isinstance(_metadata, dict)
                else _metadata
            )
        _errors = get("errors")
        if _errors is not None:
            _errors = (
                [GradientBatchError.from_dict(_v0) for _v0 in _errors]
                if isinstance(_errors, list)
                else _errors
            )
        _created_at = get("created_at")
        _in_progress_at = get("in_progress_at")
        _completed_at = get("completed_at")
        _expires_at = get("expires_at")
        _cancelled_at = get("cancelled_at")
        _failed_at = get("failed_at")
        if cls is GradientBatch:
            obj = _new(cls)
            obj.batch_id = _batch_id
            obj.status = _status
            obj.provider = _provider
            obj.endpoint = _endpoint
            obj.completion_window = _completion_window
            obj.input_file_id = _input_file_id
            obj.output_file_id = _output_file_id
            obj.error_file_id = _error_file_id
            obj.request_counts = _request_counts
            obj.request_id = _request_id
            obj.metadata = _metadata
            obj.errors = _errors
            obj.created_at = _created_at
            obj.in_progress_at = _in_progress_at
            obj.completed_at = _completed_at
            obj.expires_at = _expires_at
            obj.cancelled_at = _cancelled_at
            obj.failed_at = _failed_at
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _batch_id,
                _status,
                _provider,
                _endpoint,
                _completion_window,
                _input_file_id,
                _output_file_id,
                _error_file_id,
                _request_counts,
                _request_id,
                _metadata,
                _errors,
                _created_at,
                _in_progress_at,
                _completed_at,
                _expires_at,
                _cancelled_at,
                _failed_at,
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


if TYPE_CHECKING:
    from ..models.gradient_batch_error import GradientBatchErrorParam
    from ..models.gradient_batch_request_counts import GradientBatchRequestCountsParam


class GradientBatchParam(TypedDict, total=False):
    """GradientBatch as a plain dict (what a request takes; the model is accepted too)."""

    batch_id: Required[str]
    status: Required[GradientBatchStatus | str]
    provider: str
    endpoint: str | None
    completion_window: str
    input_file_id: str
    output_file_id: str | None
    error_file_id: str | None
    request_counts: GradientBatchRequestCountsParam | GradientBatchRequestCounts
    request_id: str | None
    metadata: dict[str, str] | None
    errors: Sequence[GradientBatchErrorParam | GradientBatchError] | None
    created_at: str
    in_progress_at: str | None
    completed_at: str | None
    expires_at: str | None
    cancelled_at: str | None
    failed_at: str | None


GradientBatchStatusParam: TypeAlias = "GradientBatchStatus | str"
"""What GradientBatch.status takes."""


GradientBatchEndpointParam: TypeAlias = "str | None"
"""What GradientBatch.endpoint takes."""


GradientBatchOutputFileIdParam: TypeAlias = "str | None"
"""What GradientBatch.output_file_id takes."""


GradientBatchErrorFileIdParam: TypeAlias = "str | None"
"""What GradientBatch.error_file_id takes."""


GradientBatchRequestIdParam: TypeAlias = "str | None"
"""What GradientBatch.request_id takes."""


GradientBatchMetadataParam: TypeAlias = "dict[str, str] | None"
"""What GradientBatch.metadata takes."""


GradientBatchErrorsParam: TypeAlias = (
    "Sequence[GradientBatchErrorParam | GradientBatchError] | None"
)
"""What GradientBatch.errors takes."""


GradientBatchInProgressAtParam: TypeAlias = "str | None"
"""What GradientBatch.in_progress_at takes."""


GradientBatchCompletedAtParam: TypeAlias = "str | None"
"""What GradientBatch.completed_at takes."""


GradientBatchExpiresAtParam: TypeAlias = "str | None"
"""What GradientBatch.expires_at takes."""


GradientBatchCancelledAtParam: TypeAlias = "str | None"
"""What GradientBatch.cancelled_at takes."""


GradientBatchFailedAtParam: TypeAlias = "str | None"
"""What GradientBatch.failed_at takes."""
