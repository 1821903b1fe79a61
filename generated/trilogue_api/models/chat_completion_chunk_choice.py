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

from ..models.choice_delta import ChoiceDelta
from ..models.choice_logprobs import ChoiceLogprobs
from ..models.finish_reason import FinishReason

_KNOWN_KEYS = frozenset(
    {
        "index",
        "delta",
        "finish_reason",
        "logprobs",
    }
)
"""The JSON keys ChatCompletionChunkChoice has a field for; the others go to `additional_properties`."""


@_attrs_define
class ChatCompletionChunkChoice:
    """The delta of one choice.

    Attributes:
        index: Position of the choice.
        delta: The new part of the message.
        finish_reason: Null until the choice ends. Unknown values must be accepted.
        logprobs: Log probabilities of the tokens in this delta, or null.
    """

    index: int
    delta: ChoiceDelta
    finish_reason: FinishReason | None | str = None
    logprobs: ChoiceLogprobs | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["index"] = self.index
        v = self.delta
        field_dict["delta"] = v.to_dict()
        v = self.finish_reason
        field_dict["finish_reason"] = v
        v = self.logprobs
        field_dict["logprobs"] = (
            None if v is None else (v.to_dict() if isinstance(v, ChoiceLogprobs) else v)
        )
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _index = src_dict["index"]
        _delta = src_dict["delta"]
        _delta = ChoiceDelta.from_dict(_delta)
        _finish_reason = get("finish_reason")
        _logprobs = get("logprobs")
        if _logprobs is not None:
            _logprobs = (
                ChoiceLogprobs.from_dict(_logprobs)
                if isinstance(_logprobs, dict) and "content" in _logprobs
                else _logprobs
            )
        if cls is ChatCompletionChunkChoice:
            obj = _new(cls)
            obj.index = _index
            obj.delta = _delta
            obj.finish_reason = _finish_reason
            obj.logprobs = _logprobs
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_index, _delta, _finish_reason, _logprobs)
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
    from ..models.choice_delta import ChoiceDeltaParam
    from ..models.choice_logprobs import ChoiceLogprobsParam


class ChatCompletionChunkChoiceParam(TypedDict, total=False):
    """ChatCompletionChunkChoice as a plain dict (what a request takes; the model is accepted too)."""

    index: Required[int]
    delta: Required[ChoiceDeltaParam | ChoiceDelta]
    finish_reason: Required[FinishReason | str | None]
    logprobs: Required[ChoiceLogprobsParam | ChoiceLogprobs | None]


ChatCompletionChunkChoiceFinishReasonParam: TypeAlias = "FinishReason | str | None"
"""What ChatCompletionChunkChoice.finish_reason takes."""


ChatCompletionChunkChoiceLogprobsParam: TypeAlias = (
    "ChoiceLogprobsParam | ChoiceLogprobs | None"
)
"""What ChatCompletionChunkChoice.logprobs takes."""
