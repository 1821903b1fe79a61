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

from ..models.token_logprob import TokenLogprob

_KNOWN_KEYS = frozenset(
    {
        "content",
        "refusal",
    }
)
"""The JSON keys ChoiceLogprobs has a field for; the others go to `additional_properties`."""


@_attrs_define
class ChoiceLogprobs:
    """Log probabilities of the generated tokens.

    Attributes:
        content: Per-token log probabilities of the content.
        refusal: Per-token log probabilities of the refusal.
    """

    content: list[TokenLogprob] | None = None
    refusal: list[TokenLogprob] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.content
        field_dict["content"] = (
            None
            if v is None
            else ([_v0.to_dict() for _v0 in v] if isinstance(v, list) else v)
        )
        v = self.refusal
        field_dict["refusal"] = (
            None
            if v is None
            else ([_v0.to_dict() for _v0 in v] if isinstance(v, list) else v)
        )
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _content = get("content")
        if _content is not None:
            _content = (
                [TokenLogprob.from_dict(_v0) for _v0 in _content]
                if isinstance(_content, list)
                else _content
            )
        _refusal = get("refusal")
        if _refusal is not None:
            _refusal = (
                [TokenLogprob.from_dict(_v0) for _v0 in _refusal]
                if isinstance(_refusal, list)
                else _refusal
            )
        if cls is ChoiceLogprobs:
            obj = _new(cls)
            obj.content = _content
            obj.refusal = _refusal
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_content, _refusal)
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
    from ..models.token_logprob import TokenLogprobParam


class ChoiceLogprobsParam(TypedDict, total=False):
    """ChoiceLogprobs as a plain dict (what a request takes; the model is accepted too)."""

    content: Required[Sequence[TokenLogprobParam | TokenLogprob] | None]
    refusal: Required[Sequence[TokenLogprobParam | TokenLogprob] | None]


ChoiceLogprobsContentParam: TypeAlias = (
    "Sequence[TokenLogprobParam | TokenLogprob] | None"
)
"""What ChoiceLogprobs.content takes."""


ChoiceLogprobsRefusalParam: TypeAlias = (
    "Sequence[TokenLogprobParam | TokenLogprob] | None"
)
"""What ChoiceLogprobs.refusal takes."""
