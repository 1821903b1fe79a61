# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping, Sequence
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
        "token",
        "logprob",
        "bytes",
    }
)
"""The JSON keys TopLogprob has a field for; the others go to `additional_properties`."""


@_attrs_define
class TopLogprob:
    """One of the most likely tokens at a position.

    Attributes:
        token: The token.
        logprob: Its log probability.
        bytes_: UTF-8 bytes of the token, or null.
    """

    token: str
    logprob: float
    bytes_: list[int] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["token"] = self.token
        field_dict["logprob"] = self.logprob
        v = self.bytes_
        field_dict["bytes"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _token = src_dict["token"]
        _logprob = src_dict["logprob"]
        _bytes_ = get("bytes")
        if cls is TopLogprob:
            obj = _new(cls)
            obj.token = _token
            obj.logprob = _logprob
            obj.bytes_ = _bytes_
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_token, _logprob, _bytes_)
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


class TopLogprobParam(TypedDict, total=False):
    """TopLogprob as a plain dict (what a request takes; the model is accepted too)."""

    token: Required[str]
    logprob: Required[float]
    bytes: Required[Sequence[int] | None]


TopLogprobBytesParam: TypeAlias = "Sequence[int] | None"
"""What TopLogprob.bytes takes."""
