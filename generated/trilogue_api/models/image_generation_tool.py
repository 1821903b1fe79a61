# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Required,
    Self,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__

from ..models.tool_configuration import ToolConfiguration

_KNOWN_KEYS = frozenset(
    {
        "type",
        "tool_configuration",
    }
)
"""The JSON keys ImageGenerationTool has a field for; the others go to `additional_properties`."""


@_attrs_define
class ImageGenerationTool:
    """Mistral's built-in image generation. Mistral only.

    Attributes:
        type_: Always `image_generation`.
        tool_configuration: Which of a built-in tool's actions to include, exclude or confirm first (Mistral).
    """

    type_: Literal["image_generation"]
    tool_configuration: ToolConfiguration | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["type"] = self.type_
        v = self.tool_configuration
        if v is not None:
            field_dict["tool_configuration"] = v.to_dict()
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _type_ = src_dict["type"]
        _tool_configuration = get("tool_configuration")
        if _tool_configuration is not None:
            _tool_configuration = ToolConfiguration.from_dict(_tool_configuration)
        if cls is ImageGenerationTool:
            obj = _new(cls)
            obj.type_ = _type_
            obj.tool_configuration = _tool_configuration
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_type_, _tool_configuration)
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
    from ..models.tool_configuration import ToolConfigurationParam


class ImageGenerationToolParam(TypedDict, total=False):
    """ImageGenerationTool as a plain dict (what a request takes; the model is accepted too)."""

    type: Required[Literal["image_generation"]]
    tool_configuration: ToolConfigurationParam | ToolConfiguration
