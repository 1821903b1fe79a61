# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Self,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__

from ..models.moderation_llm_v1_config import ModerationLlmV1Config
from ..models.moderation_llm_v2_config import ModerationLlmV2Config

_KNOWN_KEYS = frozenset(
    {
        "block_on_error",
        "moderation_llm_v1",
        "moderation_llm_v2",
    }
)
"""The JSON keys GuardrailConfig has a field for; the others go to `additional_properties`."""


@_attrs_define
class GuardrailConfig:
    """One guardrail (Mistral `GuardrailConfig`). Mistral only.

    Attributes:
        block_on_error: Answer HTTP 403 and block the request when the guardrail itself fails. Default false.
        moderation_llm_v1: Moderation with `mistral-moderation-2411` (Mistral `ModerationLLMV1Config`).
        moderation_llm_v2: Moderation with `mistral-moderation-2603` (Mistral `ModerationLLMV2Config`).
    """

    block_on_error: bool | None = None
    moderation_llm_v1: ModerationLlmV1Config | None = None
    moderation_llm_v2: ModerationLlmV2Config | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.block_on_error
        if v is not None:
            field_dict["block_on_error"] = v
        v = self.moderation_llm_v1
        if v is not None:
            field_dict["moderation_llm_v1"] = v.to_dict()
        v = self.moderation_llm_v2
        if v is not None:
            field_dict["moderation_llm_v2"] = v.to_dict()
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _block_on_error = get("block_on_error")
        _moderation_llm_v1 = get("moderation_llm_v1")
        if _moderation_llm_v1 is not None:
            _moderation_llm_v1 = ModerationLlmV1Config.from_dict(_moderation_llm_v1)
        _moderation_llm_v2 = get("moderation_llm_v2")
        if _moderation_llm_v2 is not None:
            _moderation_llm_v2 = ModerationLlmV2Config.from_dict(_moderation_llm_v2)
        if cls is GuardrailConfig:
            obj = _new(cls)
            obj.block_on_error = _block_on_error
            obj.moderation_llm_v1 = _moderation_llm_v1
            obj.moderation_llm_v2 = _moderation_llm_v2
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_block_on_error, _moderation_llm_v1, _moderation_llm_v2)
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
    from ..models.moderation_llm_v1_config import ModerationLlmV1ConfigParam
    from ..models.moderation_llm_v2_config import ModerationLlmV2ConfigParam


class GuardrailConfigParam(TypedDict, total=False):
    """GuardrailConfig as a plain dict (what a request takes; the model is accepted too)."""

    block_on_error: bool
    moderation_llm_v1: ModerationLlmV1ConfigParam | ModerationLlmV1Config
    moderation_llm_v2: ModerationLlmV2ConfigParam | ModerationLlmV2Config
