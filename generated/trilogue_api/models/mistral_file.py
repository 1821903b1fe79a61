# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Required,
    Self,
    TypeAlias,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__


_KNOWN_KEYS = frozenset(
    {
        "id",
        "object",
        "bytes",
        "created_at",
        "filename",
        "purpose",
        "num_lines",
    }
)
"""The JSON keys MistralFile has a field for; the others go to `additional_properties`."""


@_attrs_define
class MistralFile:
    """A file's record (Mistral `CreateFileResponse`).

    Attributes:
        id: The file's id.
        object_: `file`.
        bytes_: Its size.
        created_at: When it was uploaded (Unix seconds).
        filename: Its name.
        purpose: `batch`, `fine-tune`, `ocr` or `audio`.
        num_lines: Lines in a JSONL file.
    """

    id: str
    object_: str | None = None
    bytes_: int | None = None
    created_at: int | None = None
    filename: str | None = None
    purpose: str | None = None
    num_lines: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["id"] = self.id
        v = self.object_
        if v is not None:
            field_dict["object"] = v
        v = self.bytes_
        if v is not None:
            field_dict["bytes"] = v
        v = self.created_at
        if v is not None:
            field_dict["created_at"] = v
        v = self.filename
        if v is not None:
            field_dict["filename"] = v
        v = self.purpose
        if v is not None:
            field_dict["purpose"] = v
        v = self.num_lines
        if v is not None:
            field_dict["num_lines"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _id = src_dict["id"]
        _object_ = get("object")
        _bytes_ = get("bytes")
        _created_at = get("created_at")
        _filename = get("filename")
        _purpose = get("purpose")
        _num_lines = get("num_lines")
        if cls is MistralFile:
            obj = _new(cls)
            obj.id = _id
            obj.object_ = _object_
            obj.bytes_ = _bytes_
            obj.created_at = _created_at
            obj.filename = _filename
            obj.purpose = _purpose
            obj.num_lines = _num_lines
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _id, _object_, _bytes_, _created_at, _filename, _purpose, _num_lines
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


class MistralFileParam(TypedDict, total=False):
    """MistralFile as a plain dict (what a request takes; the model is accepted too)."""

    id: Required[str]
    object: str
    bytes: int | None
    created_at: int
    filename: str
    purpose: str
    num_lines: int | None


MistralFileBytesParam: TypeAlias = "int | None"
"""What MistralFile.bytes takes."""


MistralFileNumLinesParam: TypeAlias = "int | None"
"""What MistralFile.num_lines takes."""
