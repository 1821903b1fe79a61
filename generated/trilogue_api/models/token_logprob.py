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

from ..models.top_logprob import TopLogprob

_KNOWN_KEYS = frozenset(
    {
        "token",
        "logprob",
        "bytes",
        "top_logprobs",
    }
)
"""The JSON keys TokenLogprob has a field for; the others go to `additional_properties`."""


@_attrs_define
class TokenLogprob:
    """Log probability of one generated token.

    Attributes:
        token: The token.
        logprob: Log probability of the token (-9999.0 when it is not among the top 20).
        bytes_: UTF-8 bytes of the token; null when it has no byte representation.
        top_logprobs: The most likely tokens at this position.
    """

    token: str
    logprob: float
    bytes_: list[int] | None = None
    top_logprobs: list[TopLogprob] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["token"] = self.token
        field_dict["logprob"] = self.logprob
        v = self.bytes_
        field_dict["bytes"] = v
        v = self.top_logprobs
        if v is not None:
            field_dict["top_logprobs"] = [_v0.to_dict() for _v0 in v]
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _token = src_dict["token"]
        _logprob = src_dict["logprob"]
        _bytes_ = get("bytes")
        _top_logprobs = get("top_logprobs")
        if _top_logprobs is not None:
            _top_logprobs = [TopLogprob.from_dict(_v0) for _v0 in _top_logprobs]
        if cls is TokenLogprob:
            obj = _new(cls)
            obj.token = _token
            obj.logprob = _logprob
            obj.bytes_ = _bytes_
            obj.top_logprobs = _top_logprobs
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_token, _logprob, _bytes_, _top_logprobs)
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
    from ..models.top_logprob import TopLogprobParam


class TokenLogprobParam(TypedDict, total=False):
    """TokenLogprob as a plain dict (what a request takes; the model is accepted too)."""

    token: Required[str]
    logprob: Required[float]
    bytes: Required[Sequence[int] | None]
    top_logprobs: Sequence[TopLogprobParam | TopLogprob]


TokenLogprobBytesParam: TypeAlias = "Sequence[int] | None"
"""What TokenLogprob.bytes takes."""
