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
        "completion_chat",
        "function_calling",
        "reasoning",
        "completion_fim",
        "fine_tuning",
        "vision",
        "ocr",
        "classification",
        "moderation",
        "audio",
        "audio_transcription",
        "audio_transcription_realtime",
        "audio_speech",
        "unified_resources",
    }
)
"""The JSON keys ModelCapabilities has a field for; the others go to `additional_properties`."""


@_attrs_define
class ModelCapabilities:
    """What a model can do (Mistral `ModelCapabilities`); absent flags read as None.

    Attributes:
        completion_chat: Chat completions.
        function_calling: Tool calls.
        reasoning: Reasoning (thinking) output.
        completion_fim: Fill-in-the-middle completions.
        fine_tuning: Can be fine-tuned.
        vision: Image input.
        ocr: Document OCR.
        classification: Classifiers.
        moderation: Moderation.
        audio: Audio input.
        audio_transcription: Speech to text.
        audio_transcription_realtime: Real-time speech to text.
        audio_speech: Text to speech.
        unified_resources: Unified resources.
    """

    completion_chat: bool | None = None
    function_calling: bool | None = None
    reasoning: bool | None = None
    completion_fim: bool | None = None
    fine_tuning: bool | None = None
    vision: bool | None = None
    ocr: bool | None = None
    classification: bool | None = None
    moderation: bool | None = None
    audio: bool | None = None
    audio_transcription: bool | None = None
    audio_transcription_realtime: bool | None = None
    audio_speech: bool | None = None
    unified_resources: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.completion_chat
        if v is not None:
            field_dict["completion_chat"] = v
        v = self.function_calling
        if v is not None:
            field_dict["function_calling"] = v
        v = self.reasoning
        if v is not None:
            field_dict["reasoning"] = v
        v = self.completion_fim
        if v is not None:
            field_dict["completion_fim"] = v
        v = self.fine_tuning
        if v is not None:
            field_dict["fine_tuning"] = v
        v = self.vision
        if v is not None:
            field_dict["vision"] = v
        v = self.ocr
        if v is not None:
            field_dict["ocr"] = v
        v = self.classification
        if v is not None:
            field_dict["classification"] = v
        v = self.moderation
        if v is not None:
            field_dict["moderation"] = v
        v = self.audio
        if v is not None:
            field_dict["audio"] = v
        v = self.audio_transcription
        if v is not None:
            field_dict["audio_transcription"] = v
        v = self.audio_transcription_realtime
        if v is not None:
            field_dict["audio_transcription_realtime"] = v
        v = self.audio_speech
        if v is not None:
            field_dict["audio_speech"] = v
        v = self.unified_resources
        if v is not None:
            field_dict["unified_resources"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _completion_chat = get("completion_chat")
        _function_calling = get("function_calling")
        _reasoning = get("reasoning")
        _completion_fim = get("completion_fim")
        _fine_tuning = get("fine_tuning")
        _vision = get("vision")
        _ocr = get("ocr")
        _classification = get("classification")
        _moderation = get("moderation")
        _audio = get("audio")
        _audio_transcription = get("audio_transcription")
        _audio_transcription_realtime = get("audio_transcription_realtime")
        _audio_speech = get("audio_speech")
        _unified_resources = get("unified_resources")
        if cls is ModelCapabilities:
            obj = _new(cls)
            obj.completion_chat = _completion_chat
            obj.function_calling = _function_calling
            obj.reasoning = _reasoning
            obj.completion_fim = _completion_fim
            obj.fine_tuning = _fine_tuning
            obj.vision = _vision
            obj.ocr = _ocr
            obj.classification = _classification
            obj.moderation = _moderation
            obj.audio = _audio
            obj.audio_transcription = _audio_transcription
            obj.audio_transcription_realtime = _audio_transcription_realtime
            obj.audio_speech = _audio_speech
            obj.unified_resources = _unified_resources
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _completion_chat,
                _function_calling,
                _reasoning,
                _completion_fim,
                _fine_tuning,
                _vision,
                _ocr,
                _classification,
                _moderation,
                _audio,
                _audio_transcription,
                _audio_transcription_realtime,
                _audio_speech,
                _unified_resources,
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


class ModelCapabilitiesParam(TypedDict, total=False):
    """ModelCapabilities as a plain dict (what a request takes; the model is accepted too)."""

    completion_chat: bool
    function_calling: bool
    reasoning: bool
    completion_fim: bool
    fine_tuning: bool
    vision: bool
    ocr: bool
    classification: bool
    moderation: bool
    audio: bool
    audio_transcription: bool
    audio_transcription_realtime: bool
    audio_speech: bool
    unified_resources: bool
