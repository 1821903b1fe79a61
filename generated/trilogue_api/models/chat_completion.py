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

from ..models.chat_completion_choice import ChatCompletionChoice
from ..models.chat_completion_object_type import (
    ChatCompletionObjectType,
)
from ..models.completion_usage import CompletionUsage

_KNOWN_KEYS = frozenset(
    {
        "choices",
        "id",
        "object",
        "created",
        "model",
        "usage",
        "system_fingerprint",
    }
)
"""The JSON keys ChatCompletion has a field for; the others go to `additional_properties`."""


@_attrs_define
class ChatCompletion:
    """A completion in the OpenAI shape (Gradient, Mistral, Llama compat, other servers).

    Attributes:
        choices: The generated choices (more than one when `n` > 1).
        id: Unique id of the completion.
        object_: Always `chat.completion` in practice.
        created: Creation time, Unix seconds.
        model: The model that produced the completion.
        usage: Token accounting for the request.
        system_fingerprint: Backend configuration fingerprint, where the server reports one.
    """

    choices: list[ChatCompletionChoice]
    id: str | None = None
    object_: ChatCompletionObjectType | str | None = None
    created: int | None = None
    model: str | None = None
    usage: CompletionUsage | None = None
    system_fingerprint: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.choices
        field_dict["choices"] = [_v0.to_dict() for _v0 in v]
        v = self.id
        if v is not None:
            field_dict["id"] = v
        v = self.object_
        if v is not None:
            field_dict["object"] = v
        v = self.created
        if v is not None:
            field_dict["created"] = v
        v = self.model
        if v is not None:
            field_dict["model"] = v
        v = self.usage
        if v is not None:
            field_dict["usage"] = v.to_dict()
        v = self.system_fingerprint
        if v is not None:
            field_dict["system_fingerprint"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _choices = src_dict["choices"]
        _choices = [ChatCompletionChoice.from_dict(_v0) for _v0 in _choices]
        _id = get("id")
        _object_ = get("object")
        _created = get("created")
        _model = get("model")
        _usage = get("usage")
        if _usage is not None:
            _usage = CompletionUsage.from_dict(_usage)
        _system_fingerprint = get("system_fingerprint")
        if cls is ChatCompletion:
            obj = _new(cls)
            obj.choices = _choices
            obj.id = _id
            obj.object_ = _object_
            obj.created = _created
            obj.model = _model
            obj.usage = _usage
            obj.system_fingerprint = _system_fingerprint
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _choices, _id, _object_, _created, _model, _usage, _system_fingerprint
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
    from ..models.chat_completion_choice import ChatCompletionChoiceParam
    from ..models.completion_usage import CompletionUsageParam


class ChatCompletionParam(TypedDict, total=False):
    """ChatCompletion as a plain dict (what a request takes; the model is accepted too)."""

    choices: Required[Sequence[ChatCompletionChoiceParam | ChatCompletionChoice]]
    id: str
    object: ChatCompletionObjectType | str
    created: int
    model: str
    usage: CompletionUsageParam | CompletionUsage
    system_fingerprint: str | None


ChatCompletionObjectParam: TypeAlias = "ChatCompletionObjectType | str"
"""What ChatCompletion.object takes."""


ChatCompletionSystemFingerprintParam: TypeAlias = "str | None"
"""What ChatCompletion.system_fingerprint takes."""
