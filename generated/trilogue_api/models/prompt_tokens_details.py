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
        "cached_tokens",
        "cache_write_tokens",
        "audio_tokens",
    }
)
"""The JSON keys PromptTokensDetails has a field for; the others go to `additional_properties`."""


@_attrs_define
class PromptTokensDetails:
    """The prompt's tokens by kind, in one shape for every provider. Mistral, vLLM and recent
    llama.cpp send `cached_tokens` here themselves; for the others the client fills these from
    the provider's own fields (`x-filled-from`), which stay readable where they came.

    Attributes:
        cached_tokens: Prompt tokens read from the provider's prompt cache.
        cache_write_tokens: Prompt tokens written to the provider's prompt cache (Gradient's
            `cache_created_input_tokens`, else the sum of its `cache_creation` 5m/1h split, which
            stays in `usage.cache_creation`).
        audio_tokens: Audio tokens in the prompt, when the server counts them.
    """

    cached_tokens: int | None = None
    cache_write_tokens: int | None = None
    audio_tokens: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.cached_tokens
        if v is not None:
            field_dict["cached_tokens"] = v
        v = self.cache_write_tokens
        if v is not None:
            field_dict["cache_write_tokens"] = v
        v = self.audio_tokens
        if v is not None:
            field_dict["audio_tokens"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _cached_tokens = get("cached_tokens")
        _cache_write_tokens = get("cache_write_tokens")
        _audio_tokens = get("audio_tokens")
        if cls is PromptTokensDetails:
            obj = _new(cls)
            obj.cached_tokens = _cached_tokens
            obj.cache_write_tokens = _cache_write_tokens
            obj.audio_tokens = _audio_tokens
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_cached_tokens, _cache_write_tokens, _audio_tokens)
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


class PromptTokensDetailsParam(TypedDict, total=False):
    """PromptTokensDetails as a plain dict (what a request takes; the model is accepted too)."""

    cached_tokens: int
    cache_write_tokens: int
    audio_tokens: int
