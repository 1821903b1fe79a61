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


@_attrs_define
class Model:
    """One model a key can use. Providers add fields of their own; they are kept.

    Attributes:
        id: The name to pass as `model`.
        object_: `model`.
        created: Unix time (seconds) the model was created.
        owned_by: Who owns the model.
    """

    id: str
    object_: str | None = None
    created: int | None = None
    owned_by: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["id"] = self.id
        v = self.object_
        if v is not None:
            field_dict["object"] = v
        v = self.created
        if v is not None:
            field_dict["created"] = v
        v = self.owned_by
        if v is not None:
            field_dict["owned_by"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id")
        _object_ = d.pop("object", None)
        _created = d.pop("created", None)
        _owned_by = d.pop("owned_by", None)
        obj = cls(
            id=_id,
            object_=_object_,
            created=_created,
            owned_by=_owned_by,
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


class ModelParam(TypedDict, total=False):
    """Model as a plain dict (what a request takes; the model is accepted too)."""

    id: Required[str]
    object: str
    created: int
    owned_by: str
