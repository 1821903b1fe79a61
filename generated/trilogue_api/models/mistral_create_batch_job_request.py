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

from ..models.mistral_batch_metadata import MistralBatchMetadata
from ..models.mistral_batch_request import MistralBatchRequest
from ..models.mistral_create_batch_job_request_endpoint import (
    MistralCreateBatchJobRequestEndpoint,
)

_KNOWN_KEYS = frozenset(
    {
        "endpoint",
        "input_files",
        "requests",
        "model",
        "agent_id",
        "metadata",
        "timeout_hours",
    }
)
"""The JSON keys MistralCreateBatchJobRequest has a field for; the others go to `additional_properties`."""


@_attrs_define
class MistralCreateBatchJobRequest:
    """The body of `POST /batch/jobs`; give `input_files` or `requests`.

    Attributes:
        endpoint: The endpoint each request goes to (`/v1/chat/completions`; Mistral also batches
            embeddings, FIM, moderations, OCR, classifications, conversations and transcriptions).
        input_files: Uploaded JSONL files (`purpose: batch`).
        requests: Inline requests, at most 10,000.
        model: The model of every request (one model per job).
        agent_id: An agent of the deprecated agents API, in place of a model.
        metadata: The caller's labels for a job (keys 1-32 characters, values 1-512).
        timeout_hours: Hours before the job ends as `TIMEOUT_EXCEEDED` (Mistral's default 24).
    """

    endpoint: MistralCreateBatchJobRequestEndpoint
    input_files: list[str] | None = None
    requests: list[MistralBatchRequest] | None = None
    model: str | None = None
    agent_id: str | None = None
    metadata: MistralBatchMetadata | None = None
    timeout_hours: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["endpoint"] = self.endpoint
        v = self.input_files
        if v is not None:
            field_dict["input_files"] = v
        v = self.requests
        if v is not None:
            field_dict["requests"] = [_v0.to_dict() for _v0 in v]
        v = self.model
        if v is not None:
            field_dict["model"] = v
        v = self.agent_id
        if v is not None:
            field_dict["agent_id"] = v
        v = self.metadata
        if v is not None:
            field_dict["metadata"] = v.to_dict()
        v = self.timeout_hours
        if v is not None:
            field_dict["timeout_hours"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _endpoint = src_dict["endpoint"]
        _input_files = get("input_files")
        _requests = get("requests")
        if _requests is not None:
            _requests = [MistralBatchRequest.from_dict(_v0) for _v0 in _requests]
        _model = get("model")
        _agent_id = get("agent_id")
        _metadata = get("metadata")
        if _metadata is not None:
            _metadata = MistralBatchMetadata.from_dict(_metadata)
        _timeout_hours = get("timeout_hours")
        if cls is MistralCreateBatchJobRequest:
            obj = _new(cls)
            obj.endpoint = _endpoint
            obj.input_files = _input_files
            obj.requests = _requests
            obj.model = _model
            obj.agent_id = _agent_id
            obj.metadata = _metadata
            obj.timeout_hours = _timeout_hours
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _endpoint,
                _input_files,
                _requests,
                _model,
                _agent_id,
                _metadata,
                _timeout_hours,
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
    from ..models.mistral_batch_request import MistralBatchRequestParam


class MistralCreateBatchJobRequestParam(TypedDict, total=False):
    """MistralCreateBatchJobRequest as a plain dict (what a request takes; the model is accepted too)."""

    endpoint: Required[MistralCreateBatchJobRequestEndpoint]
    input_files: Sequence[str]
    requests: Sequence[MistralBatchRequestParam | MistralBatchRequest]
    model: str
    agent_id: str
    metadata: dict[str, str]
    timeout_hours: int
