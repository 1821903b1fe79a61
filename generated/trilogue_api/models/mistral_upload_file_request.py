# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Required,
    Self,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__


from ..models.mistral_file_purpose import MistralFilePurpose
from ..types import File

_KNOWN_KEYS = frozenset(
    {
        "file",
        "purpose",
    }
)
"""The JSON keys MistralUploadFileRequest has a field for; the others go to `additional_properties`."""


@_attrs_define
class MistralUploadFileRequest:
    """The multipart form of `POST /files`: the file and its purpose (`batch` for a batch
    input). `x-batch-file-limits`: a batch file is at most 512 MB (the files endpoint's
    limit) and 1,000,000 requests ("up to 1 million requests in a single batch").

    Attributes:
        file: The file's bytes.
        purpose: What a file is for.
    """

    file: File
    purpose: MistralFilePurpose | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["file"] = self.file
        v = self.purpose
        if v is not None:
            field_dict["purpose"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _file = src_dict["file"]
        _purpose = get("purpose")
        if cls is MistralUploadFileRequest:
            obj = _new(cls)
            obj.file = _file
            obj.purpose = _purpose
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_file, _purpose)
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


class MistralUploadFileRequestParam(TypedDict, total=False):
    """MistralUploadFileRequest as a plain dict (what a request takes; the model is accepted too)."""

    file: Required[File]
    purpose: MistralFilePurpose
