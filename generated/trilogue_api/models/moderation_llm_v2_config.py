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

from ..models.moderation_llm_action import ModerationLlmAction
from ..models.moderation_llm_v2_category_thresholds import (
    ModerationLlmV2CategoryThresholds,
)

_KNOWN_KEYS = frozenset(
    {
        "model_name",
        "custom_category_thresholds",
        "ignore_other_categories",
        "action",
    }
)
"""The JSON keys ModerationLlmV2Config has a field for; the others go to `additional_properties`."""


@_attrs_define
class ModerationLlmV2Config:
    """Moderation with `mistral-moderation-2603` (Mistral `ModerationLLMV2Config`).

    Attributes:
        model_name: Override of the moderation model; leave out in general.
        custom_category_thresholds: Score above which a category triggers the action (Mistral
            `ModerationLLMV2CategoryThresholds`).
        ignore_other_categories: Evaluate only the categories in `custom_category_thresholds`. Default false.
        action: What a guardrail does when a score passes its threshold. Default `none`.
    """

    model_name: str | None = None
    custom_category_thresholds: ModerationLlmV2CategoryThresholds | None = None
    ignore_other_categories: bool | None = None
    action: ModerationLlmAction | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.model_name
        if v is not None:
            field_dict["model_name"] = v
        v = self.custom_category_thresholds
        if v is not None:
            field_dict["custom_category_thresholds"] = v.to_dict()
        v = self.ignore_other_categories
        if v is not None:
            field_dict["ignore_other_categories"] = v
        v = self.action
        if v is not None:
            field_dict["action"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _model_name = get("model_name")
        _custom_category_thresholds = get("custom_category_thresholds")
        if _custom_category_thresholds is not None:
            _custom_category_thresholds = ModerationLlmV2CategoryThresholds.from_dict(
                _custom_category_thresholds
            )
        _ignore_other_categories = get("ignore_other_categories")
        _action = get("action")
        if cls is ModerationLlmV2Config:
            obj = _new(cls)
            obj.model_name = _model_name
            obj.custom_category_thresholds = _custom_category_thresholds
            obj.ignore_other_categories = _ignore_other_categories
            obj.action = _action
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _model_name,
                _custom_category_thresholds,
                _ignore_other_categories,
                _action,
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
    from ..models.moderation_llm_v2_category_thresholds import (
        ModerationLlmV2CategoryThresholdsParam,
    )


class ModerationLlmV2ConfigParam(TypedDict, total=False):
    """ModerationLlmV2Config as a plain dict (what a request takes; the model is accepted too)."""

    model_name: str
    custom_category_thresholds: (
        ModerationLlmV2CategoryThresholdsParam | ModerationLlmV2CategoryThresholds
    )
    ignore_other_categories: bool
    action: ModerationLlmAction
