# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Self,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__


_KNOWN_KEYS = frozenset(
    {
        "reasoning_tokens",
        "audio_tokens",
    }
)
"""The JSON keys CompletionTokensDetails has a field for; the others go to `additional_properties`."""


@_attrs_define
class CompletionTokensDetails:
    """The completion's tokens by kind, in one shape for every provider.

    Attributes:
        reasoning_tokens: Completion tokens spent on reasoning (included in `completion_tokens`); absent when
            the provider does not count them.
        audio_tokens: Audio tokens in the completion, when the server counts them.
    """

    reasoning_tokens: int | None = None
    audio_tokens: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.reasoning_tokens
        if v is not None:
            field_dict["reasoning_tokens"] = v
        v = self.audio_tokens
        if v is not None:
            field_dict["audio_tokens"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _reasoning_tokens = get("reasoning_tokens")
        _audio_tokens = get("audio_tokens")
        if cls is CompletionTokensDetails:
            obj = _new(cls)
            obj.reasoning_tokens = _reasoning_tokens
            obj.audio_tokens = _audio_tokens
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_reasoning_tokens, _audio_tokens)
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


class CompletionTokensDetailsParam(TypedDict, total=False):
    """CompletionTokensDetails as a plain dict (what a request takes; the model is accepted too)."""

    reasoning_tokens: int
    audio_tokens: int
