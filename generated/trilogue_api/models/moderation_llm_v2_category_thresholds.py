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
        "sexual",
        "hate_and_discrimination",
        "violence_and_threats",
        "dangerous",
        "criminal",
        "selfharm",
        "health",
        "financial",
        "law",
        "pii",
        "jailbreaking",
    }
)
"""The JSON keys ModerationLlmV2CategoryThresholds has a field for; the others go to `additional_properties`."""


@_attrs_define
class ModerationLlmV2CategoryThresholds:
    """Score above which a category triggers the action (Mistral `ModerationLLMV2CategoryThresholds`).

    Attributes:
        sexual: Threshold for `sexual`.
        hate_and_discrimination: Threshold for `hate_and_discrimination`.
        violence_and_threats: Threshold for `violence_and_threats`.
        dangerous: Threshold for `dangerous`.
        criminal: Threshold for `criminal`.
        selfharm: Threshold for `selfharm`.
        health: Threshold for `health`.
        financial: Threshold for `financial`.
        law: Threshold for `law`.
        pii: Threshold for `pii`.
        jailbreaking: Threshold for `jailbreaking`.
    """

    sexual: float | None = None
    hate_and_discrimination: float | None = None
    violence_and_threats: float | None = None
    dangerous: float | None = None
    criminal: float | None = None
    selfharm: float | None = None
    health: float | None = None
    financial: float | None = None
    law: float | None = None
    pii: float | None = None
    jailbreaking: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.sexual
        if v is not None:
            field_dict["sexual"] = v
        v = self.hate_and_discrimination
        if v is not None:
            field_dict["hate_and_discrimination"] = v
        v = self.violence_and_threats
        if v is not None:
            field_dict["violence_and_threats"] = v
        v = self.dangerous
        if v is not None:
            field_dict["dangerous"] = v
        v = self.criminal
        if v is not None:
            field_dict["criminal"] = v
        v = self.selfharm
        if v is not None:
            field_dict["selfharm"] = v
        v = self.health
        if v is not None:
            field_dict["health"] = v
        v = self.financial
        if v is not None:
            field_dict["financial"] = v
        v = self.law
        if v is not None:
            field_dict["law"] = v
        v = self.pii
        if v is not None:
            field_dict["pii"] = v
        v = self.jailbreaking
        if v is not None:
            field_dict["jailbreaking"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _sexual = get("sexual")
        _hate_and_discrimination = get("hate_and_discrimination")
        _violence_and_threats = get("violence_and_threats")
        _dangerous = get("dangerous")
        _criminal = get("criminal")
        _selfharm = get("selfharm")
        _health = get("health")
        _financial = get("financial")
        _law = get("law")
        _pii = get("pii")
        _jailbreaking = get("jailbreaking")
        if cls is ModerationLlmV2CategoryThresholds:
            obj = _new(cls)
            obj.sexual = _sexual
            obj.hate_and_discrimination = _hate_and_discrimination
            obj.violence_and_threats = _violence_and_threats
            obj.dangerous = _dangerous
            obj.criminal = _criminal
            obj.selfharm = _selfharm
            obj.health = _health
            obj.financial = _financial
            obj.law = _law
            obj.pii = _pii
            obj.jailbreaking = _jailbreaking
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _sexual,
                _hate_and_discrimination,
                _violence_and_threats,
                _dangerous,
                _criminal,
                _selfharm,
                _health,
                _financial,
                _law,
                _pii,
                _jailbreaking,
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


class ModerationLlmV2CategoryThresholdsParam(TypedDict, total=False):
    """ModerationLlmV2CategoryThresholds as a plain dict (what a request takes; the model is accepted too)."""

    sexual: float
    hate_and_discrimination: float
    violence_and_threats: float
    dangerous: float
    criminal: float
    selfharm: float
    health: float
    financial: float
    law: float
    pii: float
    jailbreaking: float
