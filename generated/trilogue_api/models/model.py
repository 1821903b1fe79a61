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

import datetime

from ..models.model_capabilities import ModelCapabilities
from ..models.model_card_type import ModelCardType

_KNOWN_KEYS = frozenset(
    {
        "id",
        "object",
        "created",
        "owned_by",
        "type",
        "name",
        "description",
        "capabilities",
        "max_context_length",
        "aliases",
        "deprecation",
        "deprecation_replacement_model",
        "default_model_temperature",
    }
)
"""The JSON keys Model has a field for; the others go to `additional_properties`."""


@_attrs_define
class Model:
    """One model a key can use. Providers add fields of their own; they are kept.

    Attributes:
        id: The name to pass as `model`.
        object_: `model`.
        created: Unix time (seconds) the model was created.
        owned_by: Who owns the model.
        type_: `base` or `fine-tuned` (Mistral).
        name: Display name (Mistral).
        description: What the model is for (Mistral).
        capabilities: What a model can do (Mistral `ModelCapabilities`); absent flags read as None.
        max_context_length: Context window in tokens (Mistral).
        aliases: Other names the model answers to (Mistral).
        deprecation: When the model is retired, if it is deprecated (Mistral).
        deprecation_replacement_model: The model to move to once this one is retired (Mistral).
        default_model_temperature: The temperature used when a request gives none (Mistral).
    """

    id: str
    object_: str | None = None
    created: int | None = None
    owned_by: str | None = None
    type_: ModelCardType | str | None = None
    name: None | str = None
    description: None | str = None
    capabilities: ModelCapabilities | None = None
    max_context_length: int | None = None
    aliases: list[str] | None = None
    deprecation: datetime.datetime | None = None
    deprecation_replacement_model: None | str = None
    default_model_temperature: float | None = None
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
        v = self.type_
        if v is not None:
            field_dict["type"] = v
        v = self.name
        if v is not None:
            field_dict["name"] = v
        v = self.description
        if v is not None:
            field_dict["description"] = v
        v = self.capabilities
        if v is not None:
            field_dict["capabilities"] = v.to_dict()
        v = self.max_context_length
        if v is not None:
            field_dict["max_context_length"] = v
        v = self.aliases
        if v is not None:
            field_dict["aliases"] = v
        v = self.deprecation
        if v is not None:
            field_dict["deprecation"] = (
                v.isoformat() if isinstance(v, datetime.date) else v
            )
        v = self.deprecation_replacement_model
        if v is not None:
            field_dict["deprecation_replacement_model"] = v
        v = self.default_model_temperature
        if v is not None:
            field_dict["default_model_temperature"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _id = src_dict["id"]
        _object_ = get("object")
        _created = get("created")
        _owned_by = get("owned_by")
        _type_ = get("type")
        _name = get("name")
        _description = get("description")
        _capabilities = get("capabilities")
        if _capabilities is not None:
            _capabilities = ModelCapabilities.from_dict(_capabilities)
        _max_context_length = get("max_context_length")
        _aliases = get("aliases")
        _deprecation = get("deprecation")
        if _deprecation is not None:
            _deprecation = (
                datetime.datetime.fromisoformat(_deprecation)
                if isinstance(_deprecation, str)
                else _deprecation
            )
        _deprecation_replacement_model = get("deprecation_replacement_model")
        _default_model_temperature = get("default_model_temperature")
        if cls is Model:
            obj = _new(cls)
            obj.id = _id
            obj.object_ = _object_
            obj.created = _created
            obj.owned_by = _owned_by
            obj.type_ = _type_
            obj.name = _name
            obj.description = _description
            obj.capabilities = _capabilities
            obj.max_context_length = _max_context_length
            obj.aliases = _aliases
            obj.deprecation = _deprecation
            obj.deprecation_replacement_model = _deprecation_replacement_model
            obj.default_model_temperature = _default_model_temperature
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _id,
                _object_,
                _created,
                _owned_by,
                _type_,
                _name,
                _description,
                _capabilities,
                _max_context_length,
                _aliases,
                _deprecation,
                _deprecation_replacement_model,
                _default_model_temperature,
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
    from ..models.model_capabilities import ModelCapabilitiesParam


class ModelParam(TypedDict, total=False):
    """Model as a plain dict (what a request takes; the model is accepted too)."""

    id: Required[str]
    object: str
    created: int
    owned_by: str
    type: ModelCardType | str
    name: str | None
    description: str | None
    capabilities: ModelCapabilitiesParam | ModelCapabilities
    max_context_length: int
    aliases: Sequence[str]
    deprecation: datetime.datetime | None
    deprecation_replacement_model: str | None
    default_model_temperature: float | None


ModelTypeParam: TypeAlias = "ModelCardType | str"
"""What Model.type takes."""


ModelNameParam: TypeAlias = "str | None"
"""What Model.name takes."""


ModelDescriptionParam: TypeAlias = "str | None"
"""What Model.description takes."""


ModelDeprecationParam: TypeAlias = "datetime.datetime | None"
"""What Model.deprecation takes."""


ModelDeprecationReplacementModelParam: TypeAlias = "str | None"
"""What Model.deprecation_replacement_model takes."""


ModelDefaultModelTemperatureParam: TypeAlias = "float | None"
"""What Model.default_model_temperature takes."""
