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

import datetime

_KNOWN_KEYS = frozenset(
    {
        "file_id",
        "upload_url",
        "expires_at",
    }
)
"""The JSON keys GradientBatchFile has a field for; the others go to `additional_properties`."""


@_attrs_define
class GradientBatchFile:
    """A new input file's id and its presigned `upload_url`. The upload is a `PUT` of the raw
    JSONL bytes to that URL, verbatim, with no API key and `Content-Type:
    application/octet-stream` (a presigned URL is signed for its headers); a 403 there
    means the URL expired: create a new file.

    Attributes:
        file_id: The `file_id` of `POST /batches`.
        upload_url: Where to `PUT` the bytes (about 15 minutes).
        expires_at: When `upload_url` expires.
    """

    file_id: str
    upload_url: str
    expires_at: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["file_id"] = self.file_id
        field_dict["upload_url"] = self.upload_url
        v = self.expires_at
        if v is not None:
            field_dict["expires_at"] = (
                v.isoformat() if isinstance(v, datetime.date) else v
            )
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _file_id = src_dict["file_id"]
        _upload_url = src_dict["upload_url"]
        _expires_at = get("expires_at")
        if _expires_at is not None:
            _expires_at = (
                datetime.datetime.fromisoformat(_expires_at)
                if isinstance(_expires_at, str)
                else _expires_at
            )
        if cls is GradientBatchFile:
            obj = _new(cls)
            obj.file_id = _file_id
            obj.upload_url = _upload_url
            obj.expires_at = _expires_at
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_file_id, _upload_url, _expires_at)
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


class GradientBatchFileParam(TypedDict, total=False):
    """GradientBatchFile as a plain dict (what a request takes; the model is accepted too)."""

    file_id: Required[str]
    upload_url: Required[str]
    expires_at: datetime.datetime | None


GradientBatchFileExpiresAtParam: TypeAlias = "datetime.datetime | None"
"""What GradientBatchFile.expires_at takes."""
