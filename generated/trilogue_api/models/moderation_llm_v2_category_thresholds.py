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
        d = dict(src_dict)
        _sexual = d.pop("sexual", None)
        _hate_and_discrimination = d.pop("hate_and_discrimination", None)
        _violence_and_threats = d.pop("violence_and_threats", None)
        _dangerous = d.pop("dangerous", None)
        _criminal = d.pop("criminal", None)
        _selfharm = d.pop("selfharm", None)
        _health = d.pop("health", None)
        _financial = d.pop("financial", None)
        _law = d.pop("law", None)
        _pii = d.pop("pii", None)
        _jailbreaking = d.pop("jailbreaking", None)
        obj = cls(
            sexual=_sexual,
            hate_and_discrimination=_hate_and_discrimination,
            violence_and_threats=_violence_and_threats,
            dangerous=_dangerous,
            criminal=_criminal,
            selfharm=_selfharm,
            health=_health,
            financial=_financial,
            law=_law,
            pii=_pii,
            jailbreaking=_jailbreaking,
        )
        obj.additional_properties = d
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
