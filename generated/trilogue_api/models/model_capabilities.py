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
        d = dict(src_dict)
        _completion_chat = d.pop("completion_chat", None)
        _function_calling = d.pop("function_calling", None)
        _reasoning = d.pop("reasoning", None)
        _completion_fim = d.pop("completion_fim", None)
        _fine_tuning = d.pop("fine_tuning", None)
        _vision = d.pop("vision", None)
        _ocr = d.pop("ocr", None)
        _classification = d.pop("classification", None)
        _moderation = d.pop("moderation", None)
        _audio = d.pop("audio", None)
        _audio_transcription = d.pop("audio_transcription", None)
        _audio_transcription_realtime = d.pop("audio_transcription_realtime", None)
        _audio_speech = d.pop("audio_speech", None)
        _unified_resources = d.pop("unified_resources", None)
        obj = cls(
            completion_chat=_completion_chat,
            function_calling=_function_calling,
            reasoning=_reasoning,
            completion_fim=_completion_fim,
            fine_tuning=_fine_tuning,
            vision=_vision,
            ocr=_ocr,
            classification=_classification,
            moderation=_moderation,
            audio=_audio,
            audio_transcription=_audio_transcription,
            audio_transcription_realtime=_audio_transcription_realtime,
            audio_speech=_audio_speech,
            unified_resources=_unified_resources,
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
