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

from ..models.batch_request_body import BatchRequestBody
from ..models.gradient_batch_input_line_method import (
    GradientBatchInputLineMethod,
)
from ..models.gradient_batch_input_line_url import (
    GradientBatchInputLineUrl,
)

_KNOWN_KEYS = frozenset(
    {
        "custom_id",
        "method",
        "url",
        "body",
    }
)
"""The JSON keys GradientBatchInputLine has a field for; the others go to `additional_properties`."""


@_attrs_define
class GradientBatchInputLine:
    """One line of a Gradient batch input file with `provider: openai`: OpenAI's batch line.
    `url` must equal the job's `endpoint`.

    Attributes:
        custom_id: The caller's id for the request, repeated on its result line.
        method: `POST`.
        url: The endpoint.
        body: One request's body in a batch: the endpoint's own request body (for chat, what
            `CreateChatCompletionRequest` describes; the client checks it as such before sending).
    """

    custom_id: str
    method: GradientBatchInputLineMethod
    url: GradientBatchInputLineUrl
    body: BatchRequestBody
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["custom_id"] = self.custom_id
        field_dict["method"] = self.method
        field_dict["url"] = self.url
        v = self.body
        field_dict["body"] = v.to_dict()
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _custom_id = src_dict["custom_id"]
        _method = src_dict["method"]
        _url = src_dict["url"]
        _body = src_dict["body"]
        _body = BatchRequestBody.from_dict(_body)
        if cls is GradientBatchInputLine:
            obj = _new(cls)
            obj.custom_id = _custom_id
            obj.method = _method
            obj.url = _url
            obj.body = _body
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_custom_id, _method, _url, _body)
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


class GradientBatchInputLineParam(TypedDict, total=False):
    """GradientBatchInputLine as a plain dict (what a request takes; the model is accepted too)."""

    custom_id: Required[str]
    method: Required[GradientBatchInputLineMethod]
    url: Required[GradientBatchInputLineUrl]
    body: Required[dict[str, Any]]
