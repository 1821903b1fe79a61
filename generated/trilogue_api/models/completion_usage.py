# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
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

from ..models.cache_creation import CacheCreation
from ..models.completion_tokens_details import CompletionTokensDetails
from ..models.prompt_tokens_details import PromptTokensDetails
from ..models.service_tier import ServiceTier

_KNOWN_KEYS = frozenset(
    {
        "prompt_tokens",
        "completion_tokens",
        "total_tokens",
        "cache_created_input_tokens",
        "cache_read_input_tokens",
        "cache_creation",
        "prompt_audio_seconds",
        "prompt_tokens_details",
        "completion_tokens_details",
        "service_tier",
    }
)
"""The JSON keys CompletionUsage has a field for; the others go to `additional_properties`."""


@_attrs_define
class CompletionUsage:
    """Token accounting for the request.

    Attributes:
        prompt_tokens: Tokens in the prompt.
        completion_tokens: Tokens in the generated completion.
        total_tokens: prompt_tokens + completion_tokens.
        cache_created_input_tokens: Prompt tokens written to the prompt cache (Gradient).
        cache_read_input_tokens: Prompt tokens read from the prompt cache (Gradient).
        cache_creation: Prompt tokens written to the cache, by TTL (Gradient).
        prompt_audio_seconds: Seconds of audio in the prompt (Mistral).
        prompt_tokens_details: The prompt's tokens by kind, in one shape for every provider. Mistral, vLLM and recent
            llama.cpp send `cached_tokens` here themselves; for the others the client fills these from
            the provider's own fields (`x-filled-from`), which stay readable where they came.
        completion_tokens_details: The completion's tokens by kind, in one shape for every provider.
        service_tier: The capacity the request was served on (Mistral), `standard` or `priority`.
    """

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    cache_created_input_tokens: int | None = None
    cache_read_input_tokens: int | None = None
    cache_creation: CacheCreation | None = None
    prompt_audio_seconds: float | None = None
    prompt_tokens_details: PromptTokensDetails | None = None
    completion_tokens_details: CompletionTokensDetails | None = None
    service_tier: None | ServiceTier | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["prompt_tokens"] = self.prompt_tokens
        field_dict["completion_tokens"] = self.completion_tokens
        field_dict["total_tokens"] = self.total_tokens
        v = self.cache_created_input_tokens
        if v is not None:
            field_dict["cache_created_input_tokens"] = v
        v = self.cache_read_input_tokens
        if v is not None:
            field_dict["cache_read_input_tokens"] = v
        v = self.cache_creation
        if v is not None:
            field_dict["cache_creation"] = v.to_dict()
        v = self.prompt_audio_seconds
        if v is not None:
            field_dict["prompt_audio_seconds"] = v
        v = self.prompt_tokens_details
        if v is not None:
            field_dict["prompt_tokens_details"] = v.to_dict()
        v = self.completion_tokens_details
        if v is not None:
            field_dict["completion_tokens_details"] = v.to_dict()
        v = self.service_tier
        if v is not None:
            field_dict["service_tier"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _prompt_tokens = src_dict["prompt_tokens"]
        _completion_tokens = src_dict["completion_tokens"]
        _total_tokens = src_dict["total_tokens"]
        _cache_created_input_tokens = get("cache_created_input_tokens")
        _cache_read_input_tokens = get("cache_read_input_tokens")
        _cache_creation = get("cache_creation")
        if _cache_creation is not None:
            _cache_creation = CacheCreation.from_dict(_cache_creation)
        _prompt_audio_seconds = get("prompt_audio_seconds")
        _prompt_tokens_details = get("prompt_tokens_details")
        if _prompt_tokens_details is not None:
            _prompt_tokens_details = PromptTokensDetails.from_dict(
                _prompt_tokens_details
            )
        _completion_tokens_details = get("completion_tokens_details")
        if _completion_tokens_details is not None:
            _completion_tokens_details = CompletionTokensDetails.from_dict(
                _completion_tokens_details
            )
        _service_tier = get("service_tier")
        if cls is CompletionUsage:
            obj = _new(cls)
            obj.prompt_tokens = _prompt_tokens
            obj.completion_tokens = _completion_tokens
            obj.total_tokens = _total_tokens
            obj.cache_created_input_tokens = _cache_created_input_tokens
            obj.cache_read_input_tokens = _cache_read_input_tokens
            obj.cache_creation = _cache_creation
            obj.prompt_audio_seconds = _prompt_audio_seconds
            obj.prompt_tokens_details = _prompt_tokens_details
            obj.completion_tokens_details = _completion_tokens_details
            obj.service_tier = _service_tier
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _prompt_tokens,
                _completion_tokens,
                _total_tokens,
                _cache_created_input_tokens,
                _cache_read_input_tokens,
                _cache_creation,
                _prompt_audio_seconds,
                _prompt_tokens_details,
                _completion_tokens_details,
                _service_tier,
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
    from ..models.cache_creation import CacheCreationParam
    from ..models.completion_tokens_details import CompletionTokensDetailsParam
    from ..models.prompt_tokens_details import PromptTokensDetailsParam


class CompletionUsageParam(TypedDict, total=False):
    """CompletionUsage as a plain dict (what a request takes; the model is accepted too)."""

    prompt_tokens: Required[int]
    completion_tokens: Required[int]
    total_tokens: Required[int]
    cache_created_input_tokens: int
    cache_read_input_tokens: int
    cache_creation: CacheCreationParam | CacheCreation
    prompt_audio_seconds: float | None
    prompt_tokens_details: PromptTokensDetailsParam | PromptTokensDetails
    completion_tokens_details: CompletionTokensDetailsParam | CompletionTokensDetails
    service_tier: ServiceTier | str | None


CompletionUsagePromptAudioSecondsParam: TypeAlias = "float | None"
"""What CompletionUsage.prompt_audio_seconds takes."""


CompletionUsageServiceTierParam: TypeAlias = "ServiceTier | str | None"
"""What CompletionUsage.service_tier takes."""
