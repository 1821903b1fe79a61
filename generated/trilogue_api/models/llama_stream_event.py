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

from ..models.llama_event_type import LlamaEventType
from ..models.llama_metric import LlamaMetric
from ..models.llama_text_delta import LlamaTextDelta
from ..models.llama_tool_call_delta import LlamaToolCallDelta
from ..models.stop_reason import StopReason

_KNOWN_KEYS = frozenset(
    {
        "event_type",
        "delta",
        "stop_reason",
        "metrics",
    }
)
"""The JSON keys LlamaStreamEvent has a field for; the others go to `additional_properties`."""


@_attrs_define
class LlamaStreamEvent:
    """A Llama stream event.

    Attributes:
        event_type: start, progress, complete or metrics; unknown values must be accepted.
        delta: New text or a piece of a tool call.
        stop_reason: Why generation stopped (on the complete event).
        metrics: Usage metrics (on the metrics event).
    """

    event_type: LlamaEventType | str
    delta: LlamaTextDelta | LlamaToolCallDelta | None = None
    stop_reason: StopReason | str | None = None
    metrics: list[LlamaMetric] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["event_type"] = self.event_type
        v = self.delta
        if v is not None:
            field_dict["delta"] = (
                v.to_dict()
                if isinstance(v, LlamaTextDelta)
                else v.to_dict()
                if isinstance(v, LlamaToolCallDelta)
                else v
            )
        v = self.stop_reason
        if v is not None:
            field_dict["stop_reason"] = v
        v = self.metrics
        if v is not None:
            field_dict["metrics"] = [_v0.to_dict() for _v0 in v]
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _event_type = src_dict["event_type"]
        _delta = get("delta")
        if _delta is not None:
            _delta = (
                LlamaTextDelta.from_dict(_delta)
                if isinstance(_delta, dict) and _delta.get("type") == "text"
                else LlamaToolCallDelta.from_dict(_delta)
                if isinstance(_delta, dict) and _delta.get("type") == "tool_call"
                else _delta
            )
        _stop_reason = get("stop_reason")
        _metrics = get("metrics")
        if _metrics is not None:
            _metrics = [LlamaMetric.from_dict(_v0) for _v0 in _metrics]
        if cls is LlamaStreamEvent:
            obj = _new(cls)
            obj.event_type = _event_type
            obj.delta = _delta
            obj.stop_reason = _stop_reason
            obj.metrics = _metrics
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_event_type, _delta, _stop_reason, _metrics)
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
    from ..models.llama_metric import LlamaMetricParam
    from ..models.llama_text_delta import LlamaTextDeltaParam
    from ..models.llama_tool_call_delta import LlamaToolCallDeltaParam


class LlamaStreamEventParam(TypedDict, total=False):
    """LlamaStreamEvent as a plain dict (what a request takes; the model is accepted too)."""

    event_type: Required[LlamaEventType | str]
    delta: (
        LlamaTextDeltaParam
        | LlamaTextDelta
        | LlamaToolCallDeltaParam
        | LlamaToolCallDelta
    )
    stop_reason: StopReason | str
    metrics: Sequence[LlamaMetricParam | LlamaMetric]


LlamaStreamEventEventTypeParam: TypeAlias = "LlamaEventType | str"
"""What LlamaStreamEvent.event_type takes."""


LlamaStreamEventDeltaParam: TypeAlias = "LlamaTextDeltaParam | LlamaTextDelta | LlamaToolCallDeltaParam | LlamaToolCallDelta"
"""What LlamaStreamEvent.delta takes."""


LlamaStreamEventStopReasonParam: TypeAlias = "StopReason | str"
"""What LlamaStreamEvent.stop_reason takes."""
