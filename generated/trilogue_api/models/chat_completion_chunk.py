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

from ..models.chat_completion_chunk_choice import ChatCompletionChunkChoice
from ..models.chat_completion_object_type import (
    ChatCompletionObjectType,
)
from ..models.completion_usage import CompletionUsage

_KNOWN_KEYS = frozenset(
    {
        "choices",
        "usage",
        "id",
        "object",
        "created",
        "model",
        "system_fingerprint",
    }
)
"""The JSON keys ChatCompletionChunk has a field for; the others go to `additional_properties`."""


@_attrs_define
class ChatCompletionChunk:
    """One streamed chunk in the OpenAI shape.

    Attributes:
        choices: Choice deltas; empty in the final usage-only chunk.
        usage: Usage for the whole request on the last chunk (Gradient with
            `stream_options.include_usage`, Mistral always); null or absent otherwise.
        id: Id of the completion (same in every chunk).
        object_: Always `chat.completion.chunk` in practice.
        created: Creation time, Unix seconds.
        model: The model producing the stream.
        system_fingerprint: Backend configuration fingerprint, where the server reports one.
    """

    choices: list[ChatCompletionChunkChoice]
    usage: CompletionUsage | None = None
    id: str | None = None
    object_: ChatCompletionObjectType | str | None = None
    created: int | None = None
    model: str | None = None
    system_fingerprint: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.choices
        field_dict["choices"] = [_v0.to_dict() for _v0 in v]
        v = self.usage
        field_dict["usage"] = (
            None
            if v is None
            else (v.to_dict() if isinstance(v, CompletionUsage) else v)
        )
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
        v = self.system_fingerprint
        if v is not None:
            field_dict["system_fingerprint"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _choices = src_dict["choices"]
        _choices = [ChatCompletionChunkChoice.from_dict(_v0) for _v0 in _choices]
        _usage = get("usage")
        if _usage is not None:
            _usage = (
                CompletionUsage.from_dict(_usage)
                if isinstance(_usage, dict) and "prompt_tokens" in _usage
                else _usage
            )
        _id = get("id")
        _object_ = get("object")
        _created = get("created")
        _model = get("model")
        _system_fingerprint = get("system_fingerprint")
        if cls is ChatCompletionChunk:
            obj = _new(cls)
            obj.choices = _choices
            obj.usage = _usage
            obj.id = _id
            obj.object_ = _object_
            obj.created = _created
            obj.model = _model
            obj.system_fingerprint = _system_fingerprint
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _choices, _usage, _id, _object_, _created, _model, _system_fingerprint
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
    from ..models.chat_completion_chunk_choice import ChatCompletionChunkChoiceParam
    from ..models.completion_usage import CompletionUsageParam


class ChatCompletionChunkParam(TypedDict, total=False):
    """ChatCompletionChunk as a plain dict (what a request takes; the model is accepted too)."""

    choices: Required[
        Sequence[ChatCompletionChunkChoiceParam | ChatCompletionChunkChoice]
    ]
    usage: Required[CompletionUsageParam | CompletionUsage | None]
    id: str
    object: ChatCompletionObjectType | str
    created: int
    model: str
    system_fingerprint: str | None


ChatCompletionChunkUsageParam: TypeAlias = (
    "CompletionUsageParam | CompletionUsage | None"
)
"""What ChatCompletionChunk.usage takes."""


ChatCompletionChunkObjectParam: TypeAlias = "ChatCompletionObjectType | str"
"""What ChatCompletionChunk.object takes."""


ChatCompletionChunkSystemFingerprintParam: TypeAlias = "str | None"
"""What ChatCompletionChunk.system_fingerprint takes."""
