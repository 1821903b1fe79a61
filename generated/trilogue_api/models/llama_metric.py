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
        "metric",
        "value",
        "unit",
    }
)
"""The JSON keys LlamaMetric has a field for; the others go to `additional_properties`."""


@_attrs_define
class LlamaMetric:
    """One usage metric.

    Attributes:
        metric: Metric name, e.g. `num_prompt_tokens`.
        value: Metric value.
        unit: Unit, e.g. `tokens`.
    """

    metric: str | None = None
    value: float | None = None
    unit: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.metric
        if v is not None:
            field_dict["metric"] = v
        v = self.value
        if v is not None:
            field_dict["value"] = v
        v = self.unit
        if v is not None:
            field_dict["unit"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _metric = get("metric")
        _value = get("value")
        _unit = get("unit")
        if cls is LlamaMetric:
            obj = _new(cls)
            obj.metric = _metric
            obj.value = _value
            obj.unit = _unit
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_metric, _value, _unit)
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


class LlamaMetricParam(TypedDict, total=False):
    """LlamaMetric as a plain dict (what a request takes; the model is accepted too)."""

    metric: str
    value: float
    unit: str
