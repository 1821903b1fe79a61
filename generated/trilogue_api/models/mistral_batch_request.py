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

from ..models.batch_request_body import BatchRequestBody

_KNOWN_KEYS = frozenset(
    {
        "body",
        "custom_id",
    }
)
"""The JSON keys MistralBatchRequest has a field for; the others go to `additional_properties`."""


@_attrs_define
class MistralBatchRequest:
    """One request of a batch: an inline item of `requests`, and the shape of each line of a
    Mistral batch input file. `body` is the endpoint's request body; its `model` may be
    left to the job's.

    Attributes:
        body: One request's body in a batch: the endpoint's own request body (for chat, what
            `CreateChatCompletionRequest` describes; the client checks it as such before sending).
        custom_id: The caller's id for the request, repeated on its result line.
    """

    body: BatchRequestBody
    custom_id: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.body
        field_dict["body"] = v.to_dict()
        v = self.custom_id
        if v is not None:
            field_dict["custom_id"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _body = src_dict["body"]
        _body = BatchRequestBody.from_dict(_body)
        _custom_id = get("custom_id")
        if cls is MistralBatchRequest:
            obj = _new(cls)
            obj.body = _body
            obj.custom_id = _custom_id
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_body, _custom_id)
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


class MistralBatchRequestParam(TypedDict, total=False):
    """MistralBatchRequest as a plain dict (what a request takes; the model is accepted too)."""

    body: Required[dict[str, Any]]
    custom_id: str | None


MistralBatchRequestCustomIdParam: TypeAlias = "str | None"
"""What MistralBatchRequest.custom_id takes."""
