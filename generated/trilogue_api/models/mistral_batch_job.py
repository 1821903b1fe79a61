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

from ..models.mistral_batch_error import MistralBatchError
from ..models.mistral_batch_job_metadata_type_0 import MistralBatchJobMetadataType0
from ..models.mistral_batch_job_status import (
    MistralBatchJobStatus,
)

_KNOWN_KEYS = frozenset(
    {
        "id",
        "status",
        "object",
        "input_files",
        "metadata",
        "endpoint",
        "model",
        "agent_id",
        "output_file",
        "error_file",
        "errors",
        "created_at",
        "total_requests",
        "completed_requests",
        "succeeded_requests",
        "failed_requests",
        "started_at",
        "completed_at",
    }
)
"""The JSON keys MistralBatchJob has a field for; the others go to `additional_properties`."""


@_attrs_define
class MistralBatchJob:
    """A Mistral batch job.

    Attributes:
        id: The job's id.
        status: Its state.
        object_: `batch`.
        input_files: Its input files.
        metadata: The caller's labels.
        endpoint: The endpoint its requests go to.
        model: The job's model.
        agent_id: The job's agent.
        output_file: The results file (JSONL), once there is one.
        error_file: The file of the requests that failed (JSONL), if any.
        errors: Errors of the whole job.
        created_at: When it was created (Unix seconds).
        total_requests: Its requests.
        completed_requests: Requests done, whatever their outcome.
        succeeded_requests: Requests that succeeded.
        failed_requests: Requests that failed.
        started_at: When it started (Unix seconds).
        completed_at: When it ended (Unix seconds).
    """

    id: str
    status: MistralBatchJobStatus | str
    object_: str | None = None
    input_files: list[str] | None = None
    metadata: MistralBatchJobMetadataType0 | None = None
    endpoint: str | None = None
    model: None | str = None
    agent_id: None | str = None
    output_file: None | str = None
    error_file: None | str = None
    errors: list[MistralBatchError] | None = None
    created_at: int | None = None
    total_requests: int | None = None
    completed_requests: int | None = None
    succeeded_requests: int | None = None
    failed_requests: int | None = None
    started_at: int | None = None
    completed_at: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["id"] = self.id
        field_dict["status"] = self.status
        v = self.object_
        if v is not None:
            field_dict["object"] = v
        v = self.input_files
        if v is not None:
            field_dict["input_files"] = v
        v = self.metadata
        if v is not None:
            field_dict["metadata"] = (
                v.to_dict() if isinstance(v, MistralBatchJobMetadataType0) else v
            )
        v = self.endpoint
        if v is not None:
            field_dict["endpoint"] = v
        v = self.model
        if v is not None:
            field_dict["model"] = v
        v = self.agent_id
        if v is not None:
            field_dict["agent_id"] = v
        v = self.output_file
        if v is not None:
            field_dict["output_file"] = v
        v = self.error_file
        if v is not None:
            field_dict["error_file"] = v
        v = self.errors
        if v is not None:
            field_dict["errors"] = [_v0.to_dict() for _v0 in v]
        v = self.created_at
        if v is not None:
            field_dict["created_at"] = v
        v = self.total_requests
        if v is not None:
            field_dict["total_requests"] = v
        v = self.completed_requests
        if v is not None:
            field_dict["completed_requests"] = v
        v = self.succeeded_requests
        if v is not None:
            field_dict["succeeded_requests"] = v
        v = self.failed_requests
        if v is not None:
            field_dict["failed_requests"] = v
        v = self.started_at
        if v is not None:
            field_dict["started_at"] = v
        v = self.completed_at
        if v is not None:
            field_dict["completed_at"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _id = src_dict["id"]
        _status = src_dict["status"]
        _object_ = get("object")
        _input_files = get("input_files")
        _metadata = get("metadata")
        if _metadata is not None:
            _metadata = (
                MistralBatchJobMetadataType0.from_dict(_metadata)
                if isinstance(_metadata, dict)
                else _metadata
            )
        _endpoint = get("endpoint")
        _model = get("model")
        _agent_id = get("agent_id")
        _output_file = get("output_file")
        _error_file = get("error_file")
        _errors = get("errors")
        if _errors is not None:
            _errors = [MistralBatchError.from_dict(_v0) for _v0 in _errors]
        _created_at = get("created_at")
        _total_requests = get("total_requests")
        _completed_requests = get("completed_requests")
        _succeeded_requests = get("succeeded_requests")
        _failed_requests = get("failed_requests")
        _started_at = get("started_at")
        _completed_at = get("completed_at")
        if cls is MistralBatchJob:
            obj = _new(cls)
            obj.id = _id
            obj.status = _status
            obj.object_ = _object_
            obj.input_files = _input_files
            obj.metadata = _metadata
            obj.endpoint = _endpoint
            obj.model = _model
            obj.agent_id = _agent_id
            obj.output_file = _output_file
            obj.error_file = _error_file
            obj.errors = _errors
            obj.created_at = _created_at
            obj.total_requests = _total_requests
            obj.completed_requests = _completed_requests
            obj.succeeded_requests = _succeeded_requests
            obj.failed_requests = _failed_requests
            obj.started_at = _started_at
            obj.completed_at = _completed_at
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _id,
                _status,
                _object_,
                _input_files,
                _metadata,
                _endpoint,
                _model,
                _agent_id,
                _output_file,
                _error_file,
                _errors,
                _created_at,
                _total_requests,
                _completed_requests,
                _succeeded_requests,
                _failed_requests,
                _started_at,
                _completed_at,
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
    from ..models.mistral_batch_error import MistralBatchErrorParam


class MistralBatchJobParam(TypedDict, total=False):
    """MistralBatchJob as a plain dict (what a request takes; the model is accepted too)."""

    id: Required[str]
    status: Required[MistralBatchJobStatus | str]
    object: str
    input_files: Sequence[str]
    metadata: dict[str, Any] | None
    endpoint: str
    model: str | None
    agent_id: str | None
    output_file: str | None
    error_file: str | None
    errors: Sequence[MistralBatchErrorParam | MistralBatchError]
    created_at: int
    total_requests: int
    completed_requests: int
    succeeded_requests: int
    failed_requests: int
    started_at: int | None
    completed_at: int | None


MistralBatchJobStatusParam: TypeAlias = "MistralBatchJobStatus | str"
"""What MistralBatchJob.status takes."""


MistralBatchJobMetadataParam: TypeAlias = "dict[str, Any] | None"
"""What MistralBatchJob.metadata takes."""


MistralBatchJobModelParam: TypeAlias = "str | None"
"""What MistralBatchJob.model takes."""


MistralBatchJobAgentIdParam: TypeAlias = "str | None"
"""What MistralBatchJob.agent_id takes."""


MistralBatchJobOutputFileParam: TypeAlias = "str | None"
"""What MistralBatchJob.output_file takes."""


MistralBatchJobErrorFileParam: TypeAlias = "str | None"
"""What MistralBatchJob.error_file takes."""


MistralBatchJobStartedAtParam: TypeAlias = "int | None"
"""What MistralBatchJob.started_at takes."""


MistralBatchJobCompletedAtParam: TypeAlias = "int | None"
"""What MistralBatchJob.completed_at takes."""
