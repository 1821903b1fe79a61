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

from ..models.json_schema_definition import JsonSchemaDefinition

_KNOWN_KEYS = frozenset(
    {
        "name",
        "description",
        "schema",
        "strict",
    }
)
"""The JSON keys JsonSchemaFormat has a field for; the others go to `additional_properties`."""


@_attrs_define
class JsonSchemaFormat:
    """The schema the output must match. Mistral and Llama require `name` and `schema`.

    Attributes:
        name: Name of the schema.
        description: What the output represents.
        schema: A JSON Schema document.
        strict: Enforce strict adherence to the schema.
    """

    name: str | None = None
    description: str | None = None
    schema: JsonSchemaDefinition | None = None
    strict: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.name
        if v is not None:
            field_dict["name"] = v
        v = self.description
        if v is not None:
            field_dict["description"] = v
        v = self.schema
        if v is not None:
            field_dict["schema"] = v.to_dict()
        v = self.strict
        if v is not None:
            field_dict["strict"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _name = get("name")
        _description = get("description")
        _schema = get("schema")
        if _schema is not None:
            _schema = JsonSchemaDefinition.from_dict(_schema)
        _strict = get("strict")
        if cls is JsonSchemaFormat:
            obj = _new(cls)
            obj.name = _name
            obj.description = _description
            obj.schema = _schema
            obj.strict = _strict
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_name, _description, _schema, _strict)
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


class JsonSchemaFormatParam(TypedDict, total=False):
    """JsonSchemaFormat as a plain dict (what a request takes; the model is accepted too)."""

    name: str
    description: str
    schema: dict[str, Any]
    strict: bool
